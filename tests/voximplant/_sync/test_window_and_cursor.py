# Generated from tests/voximplant/_async/test_window_and_cursor.py by scripts/unasync.py: edit that file.
"""Half-open windows and position cursors (0.2.0), written once: scripts/unasync.py writes the sync twin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from audit_core import InvalidInputError, encode_token
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import AuditLogCursor, AuditLogEntry, Client
from voximplant_audit.testing import FakeVoximplant, make_records


def tied_records(n: int, per_second: int = 3) -> list[dict[str, Any]]:
    """``n`` records, ``per_second`` of them stamped with the same second (ids still ascending)."""
    records = make_records(n)
    for i, record in enumerate(records):
        record["requested"] = SINCE + timedelta(seconds=10 + i // per_second)
    return records


def ids(entries: list[AuditLogEntry]) -> list[int]:
    return [e.audit_log_id for e in entries]


def take(pager: Any, n: int) -> list[AuditLogEntry]:
    """The first ``n`` records of ``pager``, leaving it (and its cursor) there."""
    out: list[AuditLogEntry] = []
    for entry in pager:
        out.append(entry)
        if len(out) == n:
            break
    return out


def collect(pager: Any) -> list[AuditLogEntry]:
    return [entry for entry in pager]


def test_adjacent_windows_share_no_record(make_fake: Callable[..., FakeVoximplant]) -> None:
    records = tied_records(30)
    fake = make_fake(records=records)
    boundary = records[12]["requested"]  # records 12, 13 and 14 share this second
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url, concurrency=2) as vox:
            first = collect(vox.iter_audit_log(SINCE, boundary, page_size=4))
            second = collect(vox.iter_audit_log(boundary, UNTIL, page_size=4))
            report = [e for e in vox.export_audit_log(SINCE, boundary, poll_interval=0.01)]
    assert ids(first) == [r["audit_log_id"] for r in records[:12]]
    assert ids(second) == [r["audit_log_id"] for r in records[12:]]
    assert ids(report) == ids(first)
    assert all(e.requested < boundary for e in first) and all(e.requested >= boundary for e in second)


def test_a_window_without_a_whole_second_asks_nothing(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(records=tied_records(9))
    start = SINCE + timedelta(seconds=10, microseconds=1)  # after the first three records' second
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url) as vox:
            assert collect(vox.iter_audit_log(start, start + timedelta(milliseconds=500))) == []
            assert collect(vox.iter_audit_log(SINCE, SINCE)) == []
            assert [e for e in vox.export_audit_log(SINCE, SINCE)] == []
            inside = collect(vox.iter_audit_log(start, UNTIL))
    assert not fake.calls("GetAuditLogAsync")
    assert len(fake.calls("GetAuditLog")) == 1  # only the last pull
    assert ids(inside) == [r["audit_log_id"] for r in fake.records[3:]]  # `since` rounds up to a second


@pytest.mark.parametrize("stop", [1, 4, 5, 6, 7, 13, 29])
def test_token_taken_mid_pull_resumes_with_a_later_until(make_fake: Callable[..., FakeVoximplant], stop: int) -> None:
    """Stops inside groups of records sharing one second: the token holds the ids handed out there."""
    records = tied_records(30)
    fake = make_fake(records=records)
    until = records[20]["requested"]  # the first pull's window ends inside the data
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url, concurrency=3) as vox:
            pager = vox.iter_audit_log(SINCE, until, page_size=4)
            head = take(pager, stop)
            token = pager.cursor.to_token()
            assert isinstance(token, str) and AuditLogCursor.from_token(token) == pager.cursor
            # Later, with a later `until`, and a `since` that no longer matters:
            rest = collect(vox.iter_audit_log(UNTIL - timedelta(days=1), UNTIL, page_size=4, cursor=token))
    assert ids(head + rest) == [r["audit_log_id"] for r in records]


def test_the_next_hour_goes_on_from_the_last_cursor(make_fake: Callable[..., FakeVoximplant]) -> None:
    """A collector: pull up to `now`, save the token, pull again later from it: every record once."""
    records = tied_records(12)
    fake = make_fake(records=records)
    now = records[-1]["requested"]  # the last three records are stamped exactly `now`: not yet in the window
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url) as vox:
            pager = vox.iter_audit_log(SINCE, now, page_size=5)
            first = collect(pager)
            token = pager.cursor.to_token()
            later = make_records(4, start=now, step=timedelta(seconds=1), first_id=990001)
            for record in later:
                fake.append(record)
            pager = vox.iter_audit_log(SINCE, now + timedelta(hours=1), page_size=5, cursor=token)
            second = collect(pager)
            third = collect(vox.iter_audit_log(SINCE, now + timedelta(hours=2), cursor=pager.cursor))
    assert ids(first) == [r["audit_log_id"] for r in records[:9]]
    assert ids(second) == [r["audit_log_id"] for r in records[9:12] + later]  # (the fake appends to `records`)
    assert third == []
    assert pager.cursor.position == later[-1]["requested"] and pager.cursor.ids == (later[-1]["audit_log_id"],)


def test_descending_pulls_resume_too(make_fake: Callable[..., FakeVoximplant]) -> None:
    records = tied_records(20)
    fake = make_fake(records=records)
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url) as vox:
            pager = vox.iter_audit_log(SINCE, UNTIL, desc_order=True, page_size=3)
            head = take(pager, 7)
            assert pager.cursor.descending
            rest = collect(vox.iter_audit_log(SINCE, UNTIL, desc_order=True, cursor=pager.cursor.to_token()))
            with pytest.raises(InvalidInputError, match="desc_order=True"):
                vox.iter_audit_log(SINCE, UNTIL, cursor=pager.cursor)
    assert ids(head + rest) == [r["audit_log_id"] for r in reversed(records)]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("garbage", "not a cursor token"),
        ("v1.!!!", "not a cursor token"),
        (encode_token("nlpearl", {"p": "2024-05-01T00:00:00+00:00", "ids": []}), "from nlpearl, not voximplant"),
        (encode_token("voximplant", {"p": "yesterday", "ids": []}), "malformed cursor token"),
        (encode_token("voximplant", {"p": "2024-05-01T00:00:00", "ids": []}), "no time zone"),
        (encode_token("voximplant", {"p": "2024-05-01T00:00:00+00:00", "ids": ["7"]}), "ids is not a list"),
        (encode_token("voximplant", {"p": "2024-05-01T00:00:00+00:00", "desc": "yes"}), "desc is not a boolean"),
    ],
)
def test_malformed_or_foreign_tokens_are_refused_before_any_request(
    make_fake: Callable[..., FakeVoximplant], token: str, message: str
) -> None:
    fake = make_fake(5)
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url) as vox:
            with pytest.raises(InvalidInputError, match=message) as caught:
                vox.iter_audit_log(SINCE, UNTIL, cursor=token)
    assert caught.value.vendor == "voximplant"
    assert fake.seen == []


def test_cursor_values_are_checked() -> None:
    with pytest.raises(InvalidInputError, match="naive"):
        AuditLogCursor(datetime(2024, 5, 1))
    with pytest.raises(InvalidInputError, match="ids must be"):
        AuditLogCursor(datetime(2024, 5, 1, tzinfo=UTC), ("7",))  # type: ignore[arg-type]
    moscow = AuditLogCursor(datetime(2024, 5, 1, 6, tzinfo=timezone(timedelta(hours=3))))
    assert moscow.position == datetime(2024, 5, 1, 3, tzinfo=UTC) and moscow.position.tzinfo == UTC


@pytest.mark.parametrize("concurrency", [1, 3])
def test_pages_in_flight(make_fake: Callable[..., FakeVoximplant], concurrency: int) -> None:
    """The client keeps up to `concurrency` pages in flight (tasks in sync, threads in sync)."""
    fake = make_fake(400, slow_seconds=0.05)
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url, concurrency=concurrency) as vox:
            entries = collect(vox.iter_audit_log(SINCE, UNTIL, page_size=50))
    assert ids(entries) == [r["audit_log_id"] for r in fake.records]
    if concurrency == 1:
        assert fake.max_in_flight == 1
    else:
        assert 1 < fake.max_in_flight <= concurrency
