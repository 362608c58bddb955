"""The I/O-free paging logic: the half-open window on the wire, the walk's cursor, re-anchoring, repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from voximplant_audit import AuditFilters, AuditLogCursor
from voximplant_audit._paging import Walk, start_cursor
from voximplant_audit_api.models import HistoryGetAuditLogResponse200

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


def body(*records: tuple[int, int], total: int | None = None) -> HistoryGetAuditLogResponse200:
    """An answer with ``(audit_log_id, seconds after T0)`` records."""
    data: dict[str, Any] = {
        "result": [
            {"audit_log_id": i, "requested": (T0 + timedelta(seconds=s)).strftime("%Y-%m-%d %H:%M:%S")}
            for i, s in records
        ],
        "timezone": "UTC",
    }
    if total is not None:
        data["total_count"] = total
    return HistoryGetAuditLogResponse200.from_dict(data)


def walk(since: datetime, until: datetime, cursor: AuditLogCursor | None = None, page_size: int = 3) -> Walk:
    filters = AuditFilters.build(since, until)
    return Walk(filters, since, until, page_size, start_cursor(since, until, False, cursor))


def test_the_window_on_the_wire_is_half_open() -> None:
    cases = [
        (T0, T0 + timedelta(seconds=5), "2024-05-01 12:00:00", "2024-05-01 12:00:04"),
        (T0 + timedelta(milliseconds=1), T0 + timedelta(seconds=5, milliseconds=1), "12:00:01", "12:00:05"),
    ]
    for since, until, low, high in cases:
        query = AuditFilters.build(since, until)
        assert query.from_date.endswith(low) and query.to_date.endswith(high) and not query.empty
    assert AuditFilters.build(T0, T0).empty
    assert AuditFilters.build(T0 + timedelta(milliseconds=1), T0 + timedelta(milliseconds=999)).empty


def test_a_resumed_walk_starts_at_the_cursors_second_and_skips_its_ids() -> None:
    cursor = AuditLogCursor(T0 + timedelta(seconds=2), (5, 6))
    w = walk(T0 + timedelta(days=1), T0 + timedelta(days=2), cursor)  # `since` after the cursor: ignored
    assert w.query.from_date == "2024-05-01 12:00:02" and w.start(cursor) == 0
    page = w.take(body((5, 2), (6, 2), (7, 2)))
    assert [e.audit_log_id for e in page.items] == [7]
    assert page.cursors[-1] == AuditLogCursor(T0 + timedelta(seconds=2), (5, 6, 7))
    assert page.next == page.cursors[-1] and page.next is w.cursor  # a full page: go on, same window, offset 3
    assert w.start(page.next) == 3


def test_records_repeated_by_a_shifted_offset_are_dropped() -> None:
    w = walk(T0, T0 + timedelta(hours=1))
    first = w.take(body((1, 0), (2, 1), (3, 1), total=9))
    assert first.next is not None and w.start(first.next) == 3
    again = w.take(body((3, 1), (4, 2), (5, 2)))  # record 3 again, as if one before it had vanished
    assert [e.audit_log_id for e in again.items] == [4, 5]


def test_a_cursor_set_from_outside_anchors_a_new_window() -> None:
    w = walk(T0, T0 + timedelta(hours=1))
    page = w.take(body((1, 0), (2, 1), (3, 1), total=9))
    assert page.next is not None and w.start(page.next) == 3
    elsewhere = AuditLogCursor(T0 + timedelta(seconds=30), (40,))
    assert w.start(elsewhere) == 0 and w.query.from_date == "2024-05-01 12:00:30" and w.total is None


def test_the_record_at_until_is_left_to_the_next_window() -> None:
    w = walk(T0, T0 + timedelta(seconds=2))
    page = w.take(body((1, 0), (2, 1), (3, 2)))  # a server that sends the boundary record anyway
    assert [e.audit_log_id for e in page.items] == [1, 2]
