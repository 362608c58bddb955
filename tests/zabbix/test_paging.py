"""Exact keyset pagination: bursts larger than a page, shuffled ties, records arriving while iterating, resuming."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit_core import Page, Pager, RetriesExhaustedError, RetryPolicy
from audit_core.testing.faults import FaultPlan
from tests.support.contract import ContractTransport
from zabbix_audit import AuditCursor, AuditRecord, Client
from zabbix_audit._paging import AuditQuery
from zabbix_audit.testing import FakeZabbix, running

T0 = 1_790_000_000
SINCE = datetime.fromtimestamp(T0, UTC)
FAST = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)


def ids(records: list[AuditRecord]) -> list[str]:
    return [r.auditid for r in records]


def window_ids(server: FakeZabbix, since: datetime, until: datetime) -> set[str]:
    lo, hi = since.timestamp(), until.timestamp()
    return {r["auditid"] for r in server.records if lo <= int(r["clock"]) < hi}


def test_burst_larger_than_a_page_with_shuffled_ties() -> None:
    server = FakeZabbix(seed=3)
    server.add_records(40, clock=T0 - 1)  # before the window
    server.add_records(150, clock=T0)
    server.add_records(2500, clock=T0 + 1)
    server.add_records(120, clock=T0 + 2)
    server.add_records(3, clock=T0 + 3)  # the window ends before this second
    until = SINCE + timedelta(seconds=3)
    contract = ContractTransport("zabbix")
    with running(server) as (_, url), Client(url, username="Admin", password="zabbix", transport=contract) as zbx:
        records = list(zbx.iter_audit_log(SINCE, until, page_size=100))
    contract.assert_clean()
    assert len(records) == len(set(ids(records))) == 2770
    assert set(ids(records)) == window_ids(server, SINCE, until)
    keys = [(r.timestamp, r.auditid) for r in records]
    assert keys == sorted(keys)  # time order; inside a second by id
    gets = [m for m, _ in server.calls].count("auditlog.get")
    assert gets <= 10, gets  # the 2,500-record second is read whole once, not page by page


def test_ties_are_really_shuffled_without_auditid_in_sortfield() -> None:
    server = FakeZabbix(seed=5)
    server.add_records(50, clock=T0)
    params = {"sortfield": "clock", "limit": 50}
    first = [
        r["auditid"]
        for r in server.handle(
            {"jsonrpc": "2.0", "method": "auditlog.get", "params": params, "auth": server.issue_token(), "id": 1}, None
        )
    ]
    assert first != sorted(first)


def test_records_arriving_while_iterating_are_neither_lost_nor_repeated() -> None:
    now = [T0 + 4]
    server = FakeZabbix(seed=11, clock=lambda: now[0])
    for second in range(5):
        server.add_records(50, clock=T0 + second)
    until = SINCE + timedelta(seconds=50)
    appended: list[tuple[str, int]] = []  # (auditid, auditlog.get calls answered when it was added)
    # One request at a time: records arrive in the second the reader is in, and are found there;
    # with slices read in parallel, a second ahead may have been read before they arrive.
    with running(server) as (_, url), Client(url, token=server.issue_token(), concurrency=1) as zbx:
        records = []
        for i, record in enumerate(zbx.iter_audit_log(SINCE, until, page_size=20)):
            records.append(record)
            if i % 15 == 14 and len(appended) < 120:
                gets = [m for m, _ in server.calls].count("auditlog.get")
                appended += [(r["auditid"], gets) for r in server.add_records(7)]  # at "now": maybe our second
                if len(appended) % 21 == 0:
                    now[0] += 1
    got = ids(records)
    assert len(got) == len(set(got))
    assert set(got) <= window_ids(server, SINCE, until)
    last_get = [m for m, _ in server.calls].count("auditlog.get")
    must = {auditid for auditid, gets in appended if gets < last_get}
    assert must and must <= set(got)
    assert {r["auditid"] for r in server.records[:250]} <= set(got)
    assert [r.timestamp for r in records] == sorted(r.timestamp for r in records)


def test_resume_from_the_cursor_after_retries_run_out() -> None:
    plan = FaultPlan(rate=0.0, kinds=["500"])
    server = FakeZabbix(plan=plan, seed=2)
    server.add_records(30, clock=T0)
    server.add_records(260, clock=T0 + 1)
    server.add_records(30, clock=T0 + 2)
    until = SINCE + timedelta(seconds=10)
    with running(server) as (_, url), Client(url, token=server.issue_token(), retry_policy=FAST) as zbx:
        pager = zbx.iter_audit_log(SINCE, until, page_size=25)
        first: list[AuditRecord] = []

        def read() -> None:
            for record in pager:
                first.append(record)
                if len(first) == 60:
                    plan.rate = 1.0  # the server falls over in the middle of the burst second

        with pytest.raises(RetriesExhaustedError) as failed:
            read()
        assert failed.value.vendor == "zabbix" and failed.value.operation == "auditlog.get"
        assert failed.value.attempts == 3
        plan.rate = 0.0
        saved = pager.cursor.to_token()
        assert AuditCursor.from_token(saved) == pager.cursor
        rest = list(zbx.iter_audit_log(SINCE, until, page_size=25, cursor=saved))
    got = ids(first) + ids(rest)
    assert len(got) == len(set(got)) == 320
    assert set(got) == window_ids(server, SINCE, until)


def test_empty_and_sub_second_windows() -> None:
    server = FakeZabbix()
    server.add_records(5, clock=T0)
    with running(server) as (_, url), Client(url, token=server.issue_token()) as zbx:
        assert list(zbx.iter_audit_log(SINCE, SINCE)) == []
        assert list(zbx.iter_audit_log(SINCE + timedelta(milliseconds=1), SINCE + timedelta(milliseconds=900))) == []
        assert len(list(zbx.iter_audit_log(SINCE, SINCE + timedelta(milliseconds=1)))) == 5
        assert list(zbx.iter_audit_log(SINCE + timedelta(milliseconds=1), SINCE + timedelta(seconds=9))) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.lists(st.tuples(st.integers(0, 6), st.integers(1, 40)), min_size=0, max_size=8),
    page_size=st.integers(1, 30),
    window=st.tuples(st.integers(0, 7), st.integers(0, 8)),
    seed=st.integers(0, 1000),
)
def test_paging_is_exact_for_any_layout(
    layout: list[tuple[int, int]], page_size: int, window: tuple[int, int], seed: int
) -> None:
    """In-process: the pager over the fake's auditlog.get (shuffled ties) yields the window exactly, in order."""
    server = FakeZabbix(seed=seed)
    for second, count in layout:
        server.add_records(count, clock=T0 + second)
    token = server.issue_token()
    since, until = SINCE + timedelta(seconds=window[0]), SINCE + timedelta(seconds=max(window))
    query = AuditQuery.build(
        since, until, userids=None, actions=None, resourcetypes=None, search=None, page_size=page_size
    )
    requests = []

    def fetch(cursor: AuditCursor) -> Page[AuditRecord, AuditCursor]:
        params = query.params(cursor)
        if params is None:
            return Page([], [], None)
        requests.append(params.limit)
        call = {"jsonrpc": "2.0", "method": "auditlog.get", "params": params.to_dict(), "auth": token, "id": 1}
        return query.page(cursor, params, [AuditRecord.from_wire(r) for r in server.handle(call, None)])

    records = list(Pager(fetch, query.start(None)))
    got = ids(records)
    assert len(got) == len(set(got))
    assert set(got) == window_ids(server, since, until)
    assert [r.timestamp for r in records] == sorted(r.timestamp for r in records)
    assert len(requests) <= 2 * (len(got) // page_size) + 2 * len(layout) + 2
