"""Reliability: 10,000 records through 10% faults (fake, and a fault proxy in front of the REAL Zabbix 7.0),
100% faults, secrets that never leak.

The fault-proxy test runs against one real version, ``FAULT_PROXY_VERSION`` (7.0, the current LTS,
whose credential travels in the ``Authorization`` header the SDK adds again to every retried request).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from audit_core import RetriesExhaustedError, RetryPolicy
from audit_core.testing.faults import ALL_KINDS, FaultPlan
from audit_core.testing.servers import base_url
from tests.support.proxy import fault_proxy
from tests.zabbix.conftest import FAULT_PROXY_VERSION, RealZabbix
from zabbix_audit import AsyncClient, AuditRecord, Client, ZabbixAPIError, ZabbixAuthenticationError
from zabbix_audit.testing import FakeZabbix, running

T0 = 1_790_000_000
SINCE = datetime.fromtimestamp(T0, UTC)
PATIENT = RetryPolicy(max_retries=6, backoff_base=0.01, backoff_max=0.05)
QUICK = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)


def retries_logged(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.name == "audit_core" and "retrying" in r.getMessage())


def check_exact(records: list[AuditRecord], expected: set[str]) -> tuple[int, int]:
    """(lost, repeated), after checking the time order."""
    got = [r.auditid for r in records]
    assert [r.timestamp for r in records] == sorted(r.timestamp for r in records)
    return len(expected - set(got)), len(got) - len(set(got))


def test_10k_pull_with_10_percent_faults_on_the_fake(
    figures: Callable[..., None], caplog: pytest.LogCaptureFixture
) -> None:
    plan = FaultPlan(rate=0.1, kinds=ALL_KINDS, seed=8, stall_seconds=0.6)
    server = FakeZabbix(plan=plan, seed=42)
    server.add_records(3000, clock=T0 + 5)  # two bursts larger than a page
    server.add_records(2000, clock=T0 + 6)
    for second in range(500):  # and 5,000 more, 10 a second, ties in shuffled order
        server.add_records(10, clock=T0 + 10 + second)
    expected = {r["auditid"] for r in server.records}
    assert len(expected) == 10_000
    caplog.set_level(logging.INFO, logger="audit_core")
    timeout = httpx.Timeout(0.4, connect=1.0)
    with running(server) as (_, url):
        with Client(url, token=server.issue_token(), timeout=timeout, retry_policy=PATIENT) as zbx:
            records = list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1), page_size=50))
    lost, repeated = check_exact(records, expected)
    retries = retries_logged(caplog)
    figures(
        "zabbix 10k pull (fake), 10% faults",
        requests=plan.requests,
        requests_faulted=plan.faulted,
        retries=retries,
        records_checked=len(records),
        lost=lost,
        repeated=repeated,
        faults=plan.summary(),
    )
    assert (lost, repeated, len(records)) == (0, 0, 10_000)
    assert plan.faulted >= 5 and retries == plan.faulted  # each fault cost exactly one retry
    assert len(plan.injected) >= 6 and plan.injected["stall"] >= 1  # stalls longer than the read time-out


@pytest.mark.zabbix_real
@pytest.mark.parametrize("zabbix_version", [FAULT_PROXY_VERSION], indirect=True)
def test_10k_pull_through_a_fault_proxy_in_front_of_the_real_zabbix(
    zabbix_version: str, real: RealZabbix, figures: Callable[..., None], caplog: pytest.LogCaptureFixture
) -> None:
    """Two ``hostgroup.create`` calls of 5,000: 10,000 records in one or two seconds, read at five page sizes."""
    newest = real.call("auditlog.get", {"sortfield": "clock", "sortorder": "DESC", "limit": 1, "output": ["clock"]})
    before = int(newest[0]["clock"])
    prefix = f"sdk-rel-{uuid.uuid4().hex[:8]}-"
    groupids = real.host_groups(f"{prefix}a-", 5000) + real.host_groups(f"{prefix}b-", 5000)
    try:
        mine = real.call("auditlog.get", {"search": {"resourcename": prefix}, "output": ["auditid", "clock"]})
        assert len(mine) == 10_000
        after = max(int(r["clock"]) for r in mine)
        since, until = datetime.fromtimestamp(before, UTC), datetime.fromtimestamp(after + 1, UTC)
        plan = FaultPlan(rate=0.1, kinds=ALL_KINDS, seed=7, stall_seconds=2.5)
        caplog.set_level(logging.INFO, logger="audit_core")
        checked = lost = repeated = 0
        expected = {r["auditid"] for r in mine}
        timeout = httpx.Timeout(2.0, connect=2.0)
        with fault_proxy(real.base_url, plan) as proxy:
            for page_size in (250, 500, 1000, 2000, 5000):
                with Client(
                    base_url(proxy), username="Admin", password="zabbix", timeout=timeout, retry_policy=PATIENT
                ) as zbx:
                    records = list(
                        zbx.iter_audit_log(since, until, search={"resourcename": prefix}, page_size=page_size)
                    )
                pass_lost, pass_repeated = check_exact(records, expected)
                checked, lost, repeated = checked + len(records), lost + pass_lost, repeated + pass_repeated
        figures(
            f"zabbix 10k pull x5 (real {zabbix_version} behind fault proxy), 10% faults",
            requests=plan.requests,
            requests_faulted=plan.faulted,
            retries=retries_logged(caplog),
            records_checked=checked,
            lost=lost,
            repeated=repeated,
            faults=plan.summary(),
        )
        assert (lost, repeated, checked) == (0, 0, 50_000)
        assert plan.requests >= 20  # enough to meet faults (seconds read whole are not read again since 0.3)
    finally:
        real.call("hostgroup.delete", groupids)


@pytest.mark.parametrize(
    "kind", ["500", "503", "429", "reset", "truncated", "invalid_json", "html", "vendor_rate_limit"]
)
def test_faults_at_100_percent_exhaust_the_retries(kind: str) -> None:
    plan = FaultPlan(rate=0.0, kinds=[kind])
    server = FakeZabbix(plan=plan)
    server.add_records(3, clock=T0)
    with running(server) as (_, url), Client(url, username="Admin", password="zabbix", retry_policy=QUICK) as zbx:
        zbx.login()
        plan.rate = 1.0
        with pytest.raises(RetriesExhaustedError) as exhausted:
            list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
        plan.rate = 0.0
    error = exhausted.value
    assert (error.vendor, error.operation, error.attempts) == ("zabbix", "auditlog.get", 3)
    assert str(error).startswith("zabbix auditlog.get: gave up after 3 attempts; last cause: ")
    if kind == "vendor_rate_limit":
        assert isinstance(error.last_cause, ZabbixAPIError) and error.last_cause.code == 1


@pytest.mark.anyio
async def test_stalls_at_100_percent_exhaust_the_retries_async() -> None:
    plan = FaultPlan(rate=1.0, kinds=["stall"], stall_seconds=0.5)
    server = FakeZabbix(plan=plan)
    with running(server) as (_, url):
        zbx = AsyncClient(url, token="t" * 64, timeout=0.2, retry_policy=QUICK)
        with pytest.raises(RetriesExhaustedError) as exhausted:
            await zbx.login()
        await zbx.aclose()
    assert (exhausted.value.operation, exhausted.value.attempts) == ("apiinfo.version", 3)
    assert "timed out" in str(exhausted.value)


def test_secrets_never_leak(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    plan = FaultPlan(rate=0.0, kinds=["500"])
    server = FakeZabbix(plan=plan, version="6.0.14")
    server.add_records(5, clock=T0)
    password = "pässword-Sekr3t"
    server.users["Admin"] = (password, "1", True)
    token = server.issue_token()
    texts: list[str] = []
    sessions: list[str] = []
    with running(server) as (_, url):
        for version in ("6.0.14", "7.2.0"):
            server.version = version
            with Client(url, username="Admin", password=password, retry_policy=QUICK) as zbx:
                list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
                sessions.extend(server.sessions)
                texts += [repr(zbx), str(zbx), repr(zbx._auth), repr(zbx.generated.__class__)]
                plan.rate = 1.0
                with pytest.raises(RetriesExhaustedError) as exhausted:
                    list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
                plan.rate = 0.0
                texts += [str(exhausted.value), repr(exhausted.value), repr(exhausted.value.last_cause)]
                server.sessions.clear()
                server.users["Admin"] = ("changed", "1", True)
                with pytest.raises(ZabbixAuthenticationError) as refused:
                    list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
                server.users["Admin"] = (password, "1", True)
                texts += [str(refused.value), repr(refused.value)]
            with Client(url, token=token) as zbx:
                texts += [repr(zbx), repr(zbx._auth)]
                list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
    captured = capsys.readouterr()
    haystack = "\n".join([*texts, caplog.text, captured.out, captured.err])
    assert "auditlog.get" in caplog.text or "api_jsonrpc.php" in caplog.text  # the DEBUG log did run
    assert len(sessions) == 2
    for secret in (password, token, *sessions):
        assert secret not in haystack


def test_a_failed_logout_does_not_hide_anything(caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan(rate=0.0, kinds=["503"])
    server = FakeZabbix(plan=plan)
    with running(server) as (_, url):
        zbx = Client(url, username="Admin", password="zabbix", retry_policy=QUICK)
        zbx.login()
        plan.rate = 1.0
        zbx.close()
    assert len(server.sessions) == 1  # left to expire
    assert any("user.logout failed" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


@pytest.mark.parametrize("logged_in", [False, True])
def test_stalled_answers_time_out_inside_the_auth_flow(logged_in: bool) -> None:
    """Requests the auth flow rebuilds or adds (version, login, credential placement) keep the client's time-out."""
    plan = FaultPlan(rate=0.0, kinds=["stall"], stall_seconds=0.6)
    server = FakeZabbix(plan=plan, version="7.2.0")
    with (
        running(server) as (_, url),
        Client(url, username="Admin", password="zabbix", timeout=0.2, retry_policy=QUICK) as zbx,
    ):
        if logged_in:
            zbx.login()
        plan.rate = 1.0
        with pytest.raises(RetriesExhaustedError) as exhausted:
            list(zbx.iter_audit_log(SINCE, SINCE + timedelta(hours=1)))
        plan.rate = 0.0
    assert exhausted.value.operation == ("auditlog.get" if logged_in else "apiinfo.version")
    assert "timed out" in str(exhausted.value)
