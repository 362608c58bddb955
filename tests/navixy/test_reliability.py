"""Reliability of the Navixy SDK: faults, records written while reading, secrets that never leak."""

from __future__ import annotations

import logging
import random
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from audit_core import RetriesExhaustedError, RetryPolicy
from audit_core.testing.faults import ALL_KINDS, FaultPlan
from navixy_audit import AsyncClient, Client, SessionEndedError, WrongLoginError
from navixy_audit.testing import NavixyFake, Rec
from tests.navixy.conftest import API_KEY, LOGIN, PASSWORD

T0 = datetime(2024, 6, 1, tzinfo=UTC)
T1 = T0 + timedelta(days=3)
PATIENT = RetryPolicy(max_retries=10, backoff_base=0.001, backoff_max=0.01)
#: Short enough that a stalled answer (stall_seconds below) times out.
QUICK = httpx.Timeout(1.0, read=0.4)


def seed_10k(fake: NavixyFake) -> list[Rec]:
    rng = random.Random(10_000)
    recs = []
    crowded = [T0 + timedelta(hours=h, seconds=17) for h in (5, 30, 61)]
    for i in range(10_000):
        when = rng.choice(crowded) if i % 4 == 0 else T0 + timedelta(seconds=rng.randrange(0, 3 * 86400))
        recs.append(fake.add(when, subuser_id=rng.choice([None, 1, 2]), action=rng.choice(["create", "update"])))
    return recs


def retries_in(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.name == "audit_core" and "retrying" in r.getMessage())


def test_a_10k_pull_with_10_percent_faults_yields_every_record_once(
    fake: NavixyFake, url: str, caplog: pytest.LogCaptureFixture, figures: Callable[..., None]
) -> None:
    caplog.set_level(logging.INFO, logger="audit_core")
    recs = seed_10k(fake)
    fake.faults = FaultPlan(rate=0.1, kinds=ALL_KINDS, seed=2, stall_seconds=1.0)
    with Client(base_url=url, login=LOGIN, password=PASSWORD, timeout=QUICK, retry_policy=PATIENT) as nvx:
        got = [r.id for r in nvx.iter_audit_log(T0, T1, page_size=100)]
    counts = Counter(got)
    expected = {r.id for r in recs}
    lost = len(expected - set(counts))
    repeated = sum(n - 1 for n in counts.values() if n > 1)
    retries = retries_in(caplog)
    figures(
        "navixy 10k pull, 10% faults",
        requests=fake.faults.requests,
        requests_faulted=fake.faults.faulted,
        retries=retries,
        records_checked=len(got),
        lost=lost,
        repeated=repeated,
        faults=fake.faults.summary(),
    )
    assert lost == 0 and repeated == 0 and set(counts) == expected and len(got) == 10_000
    assert fake.faults.faulted > 0 and retries >= fake.faults.faulted
    assert len(fake.faults.injected) >= 8, fake.faults.summary()  # many kinds were met, not just one
    assert fake.faults.injected["stall"] > 0, "a stalled answer (longer than the read time-out) was survived"


@pytest.mark.parametrize(
    ("credentials", "operation"),
    [({"api_key": API_KEY}, "user/audit/log/list"), ({"login": LOGIN, "password": PASSWORD}, "user/auth")],
)
def test_with_every_request_faulted_retries_run_out_clearly(
    fake: NavixyFake, url: str, credentials: dict[str, str], operation: str
) -> None:
    fake.add(T0)
    fake.faults = FaultPlan(rate=1.0, kinds=ALL_KINDS, seed=3, stall_seconds=0.3)
    policy = RetryPolicy(max_retries=3, backoff_base=0.001, backoff_max=0.01)
    timeout = httpx.Timeout(1.0, read=0.1)
    with Client(base_url=url, timeout=timeout, retry_policy=policy, **credentials) as nvx:  # type: ignore[arg-type]
        pager = nvx.iter_audit_log(T0, T1)
        with pytest.raises(RetriesExhaustedError) as err:
            list(pager)
    error = err.value
    assert error.vendor == "navixy" and error.operation == operation and error.attempts == 4
    assert str(error).startswith(f"navixy {operation}: gave up after 4 attempts; last cause: ")
    assert error.last_cause is not None
    assert fake.faults.requests == 4
    assert pager.cursor.position == T0  # nothing handed out: resume from the start


@pytest.mark.anyio
async def test_async_pull_with_faults_is_exact(fake: NavixyFake, url: str) -> None:
    recs = [fake.add(T0 + timedelta(seconds=i % 700)) for i in range(1500)]
    fake.faults = FaultPlan(rate=0.15, kinds=[k for k in ALL_KINDS if k != "stall"], seed=5)
    async with AsyncClient(base_url=url, api_key=API_KEY, retry_policy=PATIENT, timeout=QUICK) as nvx:
        got = [r.id async for r in nvx.iter_audit_log(T0, T1, page_size=100)]
    assert sorted(got) == sorted(r.id for r in recs)
    assert fake.faults.faulted > 0


def test_resuming_from_the_cursor_after_retries_run_out_loses_and_repeats_nothing(fake: NavixyFake, url: str) -> None:
    recs = [fake.add(T0 + timedelta(seconds=i // 3)) for i in range(900)]
    policy = RetryPolicy(max_retries=1, backoff_base=0.001, backoff_max=0.01)
    fake.faults = FaultPlan(rate=0.35, kinds=["500", "reset", "vendor_rate_limit"], seed=11)
    got: list[int] = []
    cursor = None
    failures = 0
    with Client(base_url=url, api_key=API_KEY, retry_policy=policy) as nvx:
        while True:
            pager = nvx.iter_audit_log(T0, T1, page_size=40, cursor=cursor)
            try:
                got.extend(r.id for r in pager)
                break
            except RetriesExhaustedError:
                failures += 1
                cursor = pager.cursor
                assert failures < 200
    assert failures > 0
    assert sorted(got) == sorted(r.id for r in recs)
    assert len(got) == len(set(got))


def test_records_written_while_iterating_lose_and_repeat_nothing_of_the_window(
    fake: NavixyFake, url: str, figures: Callable[..., None]
) -> None:
    rng = random.Random(21)
    originals = [fake.add(T0 + timedelta(seconds=rng.randrange(0, 86400))) for _ in range(2000)]
    crowded = T0 + timedelta(hours=20)
    originals += [fake.add(crowded) for _ in range(250)]
    appended: list[Rec] = []

    def write_while_reading(f: NavixyFake) -> None:
        # Into the part being read right now, into the crowded second (while it is being counted),
        # into parts already read and parts still to come, and after the window.
        current = datetime.fromisoformat(f.list_bodies[-1]["from"]) + timedelta(seconds=1)
        for when in (current, T0 + timedelta(seconds=rng.randrange(0, 86400)), T1 + timedelta(seconds=5)):
            appended.append(f.add(when, action="update"))
        if len(appended) < 40:
            appended.append(f.add(crowded, action="delete"))

    fake.on_list = write_while_reading
    # One request at a time: the writer aims at the second of the request just made, which with
    # slices read in parallel is any slice's, and the crowded second's passes converge (or give up
    # with PagingError after 40) depending on exactly which requests the writes land between.
    with Client(base_url=url, api_key=API_KEY, retry_policy=PATIENT, concurrency=1) as nvx:
        got = list(nvx.iter_audit_log(T0, T0 + timedelta(days=1), page_size=100))
    counts = Counter(r.id for r in got)
    lost = [r.id for r in originals if counts[r.id] != 1]
    repeated = [i for i, n in counts.items() if n > 1]
    figures(
        "navixy records appended while iterating",
        records_checked=len(originals),
        appended=len(appended),
        appended_seen=sum(1 for r in appended if r.id in counts),
        lost=len(lost),
        repeated=len(repeated),
    )
    assert not lost and not repeated
    assert set(counts) <= {r.id for r in originals + appended}
    assert all(T0 <= r.action_date < T0 + timedelta(days=1) for r in got)
    assert any(r.id in counts for r in appended), "records written ahead of the reader are read too"


def test_no_secret_leaks_into_reprs_errors_or_debug_logs(
    fake: NavixyFake, url: str, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.add(T0)
    texts: list[str] = []

    def record(exc: BaseException) -> None:
        texts.extend([str(exc), repr(exc), "".join(traceback.format_exception(exc))])
        texts.extend(repr(v) for v in vars(exc).values())

    session = Client(base_url=url, login=LOGIN, password=PASSWORD, retry_policy=PATIENT)
    keyed = Client(base_url=url, api_key=API_KEY, retry_policy=PATIENT)
    texts += [repr(session), repr(keyed), repr(session._auth), repr(session.generated), str(session)]
    fake.faults = FaultPlan(rate=0.3, kinds=["500", "vendor_rate_limit", "html"], seed=1)
    list(session.iter_audit_log(T0, T1))
    fake.end_sessions()
    list(session.iter_audit_log(T0, T1))  # renewed: a second session hash
    list(keyed.iter_audit_log(T0, T1))
    fake.faults = None
    fake.sessions_end_at_once = True
    with pytest.raises(SessionEndedError) as ended:
        list(session.iter_audit_log(T0, T1))
    record(ended.value)
    with pytest.raises(WrongLoginError) as wrong:
        list(Client(base_url=url, login=LOGIN, password=PASSWORD + "x").iter_audit_log(T0, T1))
    record(wrong.value)
    fake.faults = FaultPlan(rate=1.0, kinds=["500"])
    with pytest.raises(RetriesExhaustedError) as exhausted:
        list(keyed.iter_audit_log(T0, T1))
    record(exhausted.value)
    session.close()
    keyed.close()
    captured = capsys.readouterr()
    texts += [caplog.text, captured.out, captured.err]
    assert "-> POST 127.0.0.1/v2/user/auth" in caplog.text  # DEBUG logging was on and saw every call
    assert "-> POST 127.0.0.1/v2/user/audit/log/list" in caplog.text
    secrets = [PASSWORD, PASSWORD + "x", API_KEY, *fake.issued_hashes]
    assert len(fake.issued_hashes) >= 3
    everything = "\n".join(texts)
    for secret in secrets:
        assert secret not in everything
