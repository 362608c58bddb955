"""Issue 5 for NLPearl: faults, exhausted retries, resuming, records appearing mid-run, secrets."""

from __future__ import annotations

import logging
import random
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from audit_core.testing.faults import ALL_KINDS, FaultPlan
from nlpearl_audit import (
    AsyncClient,
    AuditError,
    AuditLogCursor,
    BearerAuth,
    Client,
    RetriesExhaustedError,
    RetryPolicy,
)
from nlpearl_audit.testing import NLPearlFake
from nlpearl_audit_api.api.account import get_audit_log
from nlpearl_audit_api.models import AuditLogAPIRequest

T0 = datetime(2024, 5, 1, tzinfo=UTC)
#: Small backoff so that a run with hundreds of retries stays fast.
FAST = RetryPolicy(max_retries=6, backoff_base=0.001, backoff_max=0.005, jitter=0.5, retry_after_max=0.01)
TIMEOUT = httpx.Timeout(0.5, connect=0.5)


def fill(fake: NLPearlFake, count: int, span: timedelta, *, seed: int = 5) -> set[str]:
    """``count`` events over ``span`` from T0: many on whole minutes (window edges), some tied."""
    rng = random.Random(seed)
    minutes = int(span.total_seconds() // 60)
    for n in range(count):
        when = T0 + timedelta(minutes=rng.randrange(minutes))
        extra = 0 if n % 3 else rng.randrange(-5, 600_000_000)
        user = {"id": f"u{n % 13}", "name": None, "type": rng.choice([1, 3, 90, 99, 7])}
        fake.add(
            when, rng.choice([1, 2, 10, 30, 81, 555]), user=user, additional_data={"id": f"r{n}"}, extra_ticks=extra
        )
    return {f"r{n}" for n in range(count)}


def test_a_10k_pull_with_10_percent_faults_yields_every_record_exactly_once(figures: Callable[..., None]) -> None:
    plan = FaultPlan(rate=0.1, kinds=ALL_KINDS, seed=42, stall_seconds=1.0)
    fake = NLPearlFake(plan=plan)
    span = timedelta(days=20)
    expected = fill(fake, 10_000, span)
    with (
        fake.running() as url,
        Client(fake.account_id, fake.secret_key, base_url=url, timeout=TIMEOUT, retry_policy=FAST) as pearl,
    ):
        events = list(pearl.iter_audit_log(T0, T0 + span, window=timedelta(hours=1)))
    seen = Counter(ev.additional_data["id"] for ev in events)
    lost = expected - set(seen)
    repeated = sum(n - 1 for n in seen.values() if n > 1)
    windows = 20 * 24
    assert plan.faulted >= 20 and set(plan.injected) == set(ALL_KINDS), plan.summary()
    assert plan.requests == windows + plan.faulted  # each fault cost exactly one retry
    assert [ev.timestamp for ev in events] == sorted(ev.timestamp for ev in events)
    assert not lost and repeated == 0 and len(events) == 10_000
    figures(
        "nlpearl 10k pull, 10% faults",
        requests=plan.requests,
        requests_faulted=plan.faulted,
        retries=plan.requests - windows,
        records_checked=len(events),
        lost=len(lost),
        repeated=repeated,
        faults=f"[{plan.summary()}]",
    )


@pytest.mark.anyio
async def test_the_async_client_survives_the_same_faults(figures: Callable[..., None]) -> None:
    plan = FaultPlan(rate=0.1, kinds=ALL_KINDS, seed=9, stall_seconds=1.0)
    fake = NLPearlFake(plan=plan)
    expected = fill(fake, 2_000, timedelta(days=5), seed=11)
    with fake.running() as url:
        async with AsyncClient(
            fake.account_id, fake.secret_key, base_url=url, timeout=TIMEOUT, retry_policy=FAST
        ) as pearl:
            got = [
                ev.additional_data["id"]
                async for ev in pearl.iter_audit_log(T0, T0 + timedelta(days=5), window=timedelta(hours=1))
            ]
    assert plan.faulted > 5
    assert sorted(got) == sorted(expected)
    figures(
        "nlpearl async 2k pull, 10% faults", requests_faulted=plan.faulted, records_checked=len(got), lost=0, repeated=0
    )


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_with_every_request_faulted_retries_run_out_with_a_clear_error(kind: str) -> None:
    plan = FaultPlan(rate=1.0, kinds=[kind], stall_seconds=0.6)
    fake = NLPearlFake(plan=plan)
    policy = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_max=0.002, retry_after_max=0.01)
    with (
        fake.running() as url,
        Client(
            fake.account_id, fake.secret_key, base_url=url, timeout=httpx.Timeout(0.3), retry_policy=policy
        ) as pearl,
    ):
        with pytest.raises(RetriesExhaustedError) as caught:
            list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))
    err = caught.value
    assert (err.vendor, err.operation, err.attempts) == ("nlpearl", "POST /v2/Account/AuditLog", 3)
    assert str(err).startswith("nlpearl POST /v2/Account/AuditLog: gave up after 3 attempts; last cause: ")
    assert isinstance(err.last_cause, AuditError)
    assert plan.requests == 3


def test_after_retries_run_out_the_cursor_resumes_without_loss_or_repeat() -> None:
    fake = NLPearlFake()
    expected = fill(fake, 600, timedelta(days=3), seed=3)
    policy = RetryPolicy(max_retries=1, backoff_base=0.001, backoff_max=0.002, retry_after_max=0.01)
    got: list[str] = []
    with (
        fake.running() as url,
        Client(fake.account_id, fake.secret_key, base_url=url, timeout=TIMEOUT, retry_policy=policy) as pearl,
    ):
        # Hour-long windows: far more than the windows read ahead (concurrency=) when the outage starts.
        pager = pearl.iter_audit_log(T0, T0 + timedelta(days=3), window=timedelta(hours=1))

        def read_until_the_outage() -> None:
            for ev in pager:
                got.append(ev.additional_data["id"])
                if len(got) == 250:
                    fake.plan = FaultPlan(rate=1.0, kinds=["503", "reset"])  # the outage starts

        with pytest.raises(RetriesExhaustedError):
            read_until_the_outage()
        token = pager.cursor.to_token()
        fake.plan = FaultPlan(rate=0.0)  # ...and ends
        resumed = pearl.iter_audit_log(T0, T0 + timedelta(days=3), cursor=AuditLogCursor.from_token(token))
        got += [ev.additional_data["id"] for ev in resumed]
    assert len(got) == len(set(got)) == len(expected) and set(got) == expected


def test_records_appended_while_iterating_neither_lose_nor_repeat_the_requested_range() -> None:
    fake = NLPearlFake()
    since, until = T0, T0 + timedelta(days=2)
    before = fill(fake, 400, timedelta(days=2), seed=8)
    added_ahead: set[str] = set()
    # One window at a time: with `concurrency` > 1 the windows ahead are read early, and an event
    # written into a window after it was read is seen by the next pull only (as one written behind
    # the reader always is); auditpull's --lag is for that.
    with fake.running() as url, Client(fake.account_id, fake.secret_key, base_url=url, concurrency=1) as pearl:
        got: list[str] = []
        for n, ev in enumerate(pearl.iter_audit_log(since, until, window=timedelta(hours=4))):
            got.append(ev.additional_data["id"])
            if n % 20 == 0:  # new events: behind the reader, ahead of it, and after `until`
                fake.add(ev.timestamp - timedelta(minutes=30), 2, additional_data={"id": f"behind{n}"})
                fake.add(ev.timestamp, 2, additional_data={"id": f"tied{n}"})
                ahead = min(ev.timestamp + timedelta(hours=5), until - timedelta(seconds=1))
                if ahead >= ev.timestamp.replace(minute=0, second=0, microsecond=0) + timedelta(hours=4):
                    added_ahead.add(f"ahead{n}")
                fake.add(ahead, 2, additional_data={"id": f"ahead{n}"})
                fake.add(until + timedelta(seconds=n), 2, additional_data={"id": f"late{n}"})
    counts = Counter(got)
    assert all(c == 1 for c in counts.values()), [k for k, c in counts.items() if c > 1]
    assert before <= set(got), "an event that existed before the run was lost"
    assert added_ahead, "the test added nothing ahead of the reader"
    assert added_ahead <= set(got), "an event added ahead of the reader was lost"
    assert not any(name.startswith("late") for name in got)


SECRET = "sk-live-Zq81-NEVER-LEAK"


def test_the_secret_key_never_appears_in_reprs_errors_or_debug_logs(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = NLPearlFake(secret_key=SECRET, plan=FaultPlan(rate=0.3, kinds=ALL_KINDS, stall_seconds=0.6, seed=1))
    fill(fake, 50, timedelta(days=1))
    texts: list[str] = []
    policy = RetryPolicy(max_retries=8, backoff_base=0.001, backoff_max=0.002, retry_after_max=0.01)
    with fake.running() as url:
        with Client(fake.account_id, SECRET, base_url=url, timeout=httpx.Timeout(0.3), retry_policy=policy) as pearl:
            pager = pearl.iter_audit_log(T0, T0 + timedelta(days=1), window=timedelta(hours=2))
            events = list(pager)
            texts += [repr(pearl), str(pearl), repr(pearl._auth), repr(pearl.generated), repr(pager.cursor)]
            texts += [repr(ev) for ev in events]
            get_audit_log.sync_detailed(client=pearl.generated, body=AuditLogAPIRequest(from_=T0, to=T0))
        errors: list[BaseException] = []
        fake.plan = FaultPlan(rate=0.0)
        for options in ({"secret_key": SECRET + "x"}, {}):
            fake.forbidden = not options
            with Client(fake.account_id, options.get("secret_key", SECRET), base_url=url) as pearl:
                try:
                    list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))
                except AuditError as exc:
                    errors.append(exc)
        fake.plan = FaultPlan(rate=1.0, kinds=["500"])
        with Client(fake.account_id, SECRET, base_url=url, retry_policy=policy) as pearl:
            try:
                list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))
            except AuditError as exc:
                errors.append(exc)
    for error in errors:
        texts += [str(error), repr(error), repr(vars(error)), "".join(traceback.format_exception(error))]
    with pytest.raises(TypeError):
        BearerAuth("acc", SECRET).secret_key.__reduce__()
    assert len(errors) == 3 and len(events) == 50
    captured = capsys.readouterr()
    everything = "\n".join([*texts, caplog.text, captured.out, captured.err])
    assert "nlpearl" in caplog.text and "retrying" in caplog.text  # the logs did record the run
    assert SECRET not in everything and SECRET[-10:] not in everything
