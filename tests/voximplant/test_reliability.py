"""Reliability: 10,000 records through 10% faults, clear give-up at 100%, appends while reading, no leaks."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest

from audit_core import RetriesExhaustedError, RetryPolicy
from audit_core.testing.faults import ALL_KINDS, FaultPlan
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import AsyncClient, Client, VoximplantAuthenticationError
from voximplant_audit.testing import FakeVoximplant, make_records

POLICY = RetryPolicy(max_retries=6, backoff_base=0.01, backoff_max=0.05)
TIMEOUT = httpx.Timeout(0.6)  # below the stall below: a stalled answer times out and is retried
STALL = 1.0
POLL = {"poll_interval": 0.01, "max_poll_interval": 0.05}


def _check(ids: list[int], expected: list[int]) -> tuple[int, int]:
    counts = Counter(ids)
    lost = len(set(expected) - set(counts))
    repeated = sum(n - 1 for n in counts.values() if n > 1)
    return lost, repeated


def _faulty(
    make_fake: Callable[..., FakeVoximplant], n: int, seed: int, rate: float = 0.1, **kwargs: object
) -> FakeVoximplant:
    plan = FaultPlan(rate=rate, kinds=ALL_KINDS, seed=seed, stall_seconds=STALL)
    return make_fake(n, faults=plan, **kwargs)


def test_10k_pull_with_10_percent_faults(
    make_fake: Callable[..., FakeVoximplant], figures: Callable[..., None]
) -> None:
    fake = _faulty(make_fake, 10_000, seed=11)
    expected = [r["audit_log_id"] for r in fake.records]
    with (
        fake.running() as url,
        Client(fake.account.credentials(), base_url=url, timeout=TIMEOUT, retry_policy=POLICY) as vox,
    ):
        ids = [e.audit_log_id for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)]
    lost, repeated = _check(ids, expected)
    plan = fake.faults
    figures(
        "voximplant 10k pull (sync), 10% faults",
        requests_faulted=plan.faulted,
        retries=plan.requests - len(fake.seen),
        records_checked=len(ids),
        lost=lost,
        repeated=repeated,
    )
    assert ids == expected and lost == repeated == 0
    assert plan.faulted >= 5 and len(plan.injected) >= 4


@pytest.mark.anyio
async def test_10k_async_pull_with_10_percent_faults(
    make_fake: Callable[..., FakeVoximplant], figures: Callable[..., None]
) -> None:
    fake = _faulty(make_fake, 10_000, seed=12)
    expected = [r["audit_log_id"] for r in fake.records]
    with fake.running() as url:
        async with AsyncClient(fake.account.credentials(), base_url=url, timeout=TIMEOUT, retry_policy=POLICY) as vox:
            ids = [e.audit_log_id async for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)]
    lost, repeated = _check(ids, expected)
    plan = fake.faults
    figures(
        "voximplant 10k pull (async, 4 pages in flight), 10% faults",
        requests_faulted=plan.faulted,
        retries=plan.requests - len(fake.seen),
        records_checked=len(ids),
        lost=lost,
        repeated=repeated,
    )
    assert ids == expected and lost == repeated == 0 and plan.faulted >= 5


def test_10k_export_with_30_percent_faults(
    make_fake: Callable[..., FakeVoximplant], figures: Callable[..., None]
) -> None:
    # A report flow is a handful of requests: 30% of them faulted, so that faults do happen.
    fake = _faulty(make_fake, 10_000, seed=17, rate=0.3, report_polls=4, download_chunk=8192, cut_downloads=1)
    expected = [r["audit_log_id"] for r in fake.records]
    with (
        fake.running() as url,
        Client(fake.account.credentials(), base_url=url, timeout=TIMEOUT, retry_policy=POLICY) as vox,
    ):
        ids = [e.audit_log_id for e in vox.export_audit_log(SINCE, UNTIL, **POLL)]
    lost, repeated = _check(ids, expected)
    figures(
        "voximplant 10k report export, 30% faults + 1 cut download",
        requests_faulted=fake.faults.faulted,
        retries=fake.faults.requests - len(fake.seen) + 1,
        records_checked=len(ids),
        lost=lost,
        repeated=repeated,
    )
    assert ids == expected and lost == repeated == 0 and fake.faults.faulted >= 2


@pytest.mark.parametrize("kind", ["500", "reset", "html", "vendor_rate_limit"])
def test_faults_everywhere_give_a_clear_retries_exhausted_error(
    make_fake: Callable[..., FakeVoximplant], kind: str
) -> None:
    fake = make_fake(10, faults=FaultPlan(rate=1.0, kinds=[kind]))
    policy = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)
    with fake.running() as url, Client(fake.account.credentials(), base_url=url, retry_policy=policy) as vox:
        with pytest.raises(RetriesExhaustedError) as caught:
            list(vox.iter_audit_log(SINCE, UNTIL))
    error = caught.value
    assert error.vendor == "voximplant" and error.operation == "GetAuditLog" and error.attempts == 3
    assert "voximplant GetAuditLog: gave up after 3 attempts; last cause:" in str(error)
    assert fake.faults.requests == 3


@pytest.mark.anyio
async def test_async_faults_everywhere_give_up_clearly(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(10, faults=FaultPlan(rate=1.0, kinds=["503"]))
    policy = RetryPolicy(max_retries=1, backoff_base=0.01)
    with fake.running() as url:
        async with AsyncClient(fake.account.credentials(), base_url=url, retry_policy=policy) as vox:
            with pytest.raises(RetriesExhaustedError) as caught:
                [e async for e in vox.iter_audit_log(SINCE, UNTIL)]
    assert caught.value.attempts == 2 and caught.value.operation == "GetAuditLog"


def test_records_appended_while_iterating(make_fake: Callable[..., FakeVoximplant]) -> None:
    """New actions land after the existing ones (higher id, later time): none of the window is lost or repeated."""
    fake = make_fake(300)
    window_end = fake.records[-1]["requested"] + timedelta(hours=1)
    expected = [r["audit_log_id"] for r in fake.records]
    newcomers = make_records(50, start=fake.records[-1]["requested"] + timedelta(seconds=1), first_id=990001)
    with fake.running() as url, Client(fake.account.credentials(), base_url=url) as vox:
        ids = []
        for i, entry in enumerate(vox.iter_audit_log(SINCE, window_end, page_size=40)):
            ids.append(entry.audit_log_id)
            if i % 40 == 0 and newcomers:
                for record in newcomers[:10]:
                    fake.append(record)
                del newcomers[:10]
    lost, repeated = _check(ids, expected)
    assert lost == 0 and repeated == 0
    assert ids[: len(expected)] == expected  # and the newcomers after them, each once
    assert len(ids) == len(set(ids)) == 350


def test_secrets_never_reach_logs_output_or_errors(
    make_fake: Callable[..., FakeVoximplant],
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = make_fake(50, faults=FaultPlan(rate=0.3, kinds=["500", "vendor_rate_limit", "reset"], seed=5))
    creds = fake.account.credentials()
    texts: list[str] = []
    with fake.running() as url:
        with Client(creds, base_url=url, retry_policy=POLICY) as vox:
            assert len(list(vox.iter_audit_log(SINCE, UNTIL, page_size=10))) == 50
            assert len(list(vox.export_audit_log(SINCE, UNTIL, **POLL))) == 50
            texts += [repr(vox), repr(vox.auth), repr(vox.generated)]
        forged = {**creds, "key_id": "someone-else"}
        with Client(forged, base_url=url) as vox, pytest.raises(VoximplantAuthenticationError) as caught:
            list(vox.iter_audit_log(SINCE, UNTIL))
        texts += [str(caught.value), repr(caught.value), repr(caught.value.details)]
    captured = capsys.readouterr()
    everything = "\n".join([caplog.text, captured.out, captured.err, *texts])
    assert "GetAuditLog" in caplog.text  # the logs were on
    key_lines = [line for line in fake.account.private_pem.splitlines() if "-----" not in line]
    assert fake.tokens
    for secret in [*key_lines, *fake.tokens]:
        assert secret not in everything
    assert "Bearer ey" not in everything
