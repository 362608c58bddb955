"""GetAuditLog records decoded lazily (entries_from_wire) are the records from_generated builds, errors included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import httpx
import pytest

from audit_core import AuditError, TransportError
from voximplant_audit import AuditLogEntry
from voximplant_audit._models import AuditLogPage, _Hours, _usual, entries_from_wire, read_audit_log_page
from voximplant_audit._paging import records_of
from voximplant_audit_api import Client
from voximplant_audit_api.models import AuditLogInfoType

WIRE: list[dict[str, Any]] = [
    {"audit_log_id": 1, "requested": "2024-05-01 12:00:00", "account_id": 4, "subuser_id": 0, "ip": "10.0.0.1"},
    {"audit_log_id": 2, "requested": "2024-05-01 12:00:01", "cmd_name": "AddUser", "cmd_args": {"user_id": [5]}},
    {"audit_log_id": 3, "requested": " 2024-05-01 12:00:02 ", "cmd_result": {"skill_id": 7}, "extra": True},
    {"audit_log_id": 4, "requested": "2024-03-10 02:30:00"},  # a gap in America/New_York
    {"audit_log_id": 5, "requested": "2024-11-03 01:30:00"},  # twice in America/New_York
    {"audit_log_id": 6, "requested": "2024-10-27 02:59:59"},  # the last second before Europe/Berlin's change
    {"audit_log_id": True, "requested": "2024-05-01 12:00:03"},  # a bool is an int to from_generated
    {"audit_log_id": 8, "requested": "2024-12-31 23:59:59", "subuser_name": None},
    {"audit_log_id": 9, "requested": "2024-W18-3 12:00:00"},  # not the documented shape, read as parse_date reads it
]
ZONES = ["UTC", "Europe/Moscow", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "", "Etc/GMT+5"]


def eager(items: list[dict[str, Any]], timezone: str) -> list[AuditLogEntry]:
    return [AuditLogEntry.from_generated(AuditLogInfoType.from_dict(w), timezone) for w in items]


@pytest.mark.parametrize("timezone", ZONES)
def test_lazy_records_are_the_eager_ones(timezone: str) -> None:
    lazy = entries_from_wire(WIRE, timezone)
    want = eager(WIRE, timezone)
    assert [r.requested for r in lazy] == [r.requested for r in want]
    assert [r.requested.tzinfo for r in lazy] == [r.requested.tzinfo for r in want]
    assert lazy == want
    assert [repr(r) for r in lazy] == [repr(r) for r in want]
    assert [attrs.asdict(r) for r in lazy] == [attrs.asdict(r) for r in want]
    assert [r.raw for r in lazy] == [r.raw for r in want]
    assert [r.timezone for r in lazy] == [timezone] * len(WIRE)


@pytest.mark.parametrize(
    "wire",
    [
        {"requested": "2024-05-01 12:00:00"},
        {"audit_log_id": "1", "requested": "2024-05-01 12:00:00"},
        {"audit_log_id": 1},
        {"audit_log_id": 1, "requested": None},
        {"audit_log_id": 1, "requested": 20240501},
        {"audit_log_id": 1, "requested": "2024-05-01T12:00:00"},
        {"audit_log_id": 1, "requested": "2024-05-01 12:00:60"},
        ["not", "an", "object"],
    ],
)
def test_a_garbled_record_fails_the_page(wire: Any) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - records_of turns it into a TransportError
        entries_from_wire([wire], "UTC")
    page = AuditLogPage(timezone="UTC", wire=[wire])
    with pytest.raises(TransportError, match="unreadable audit-log record"):
        records_of(page)


@pytest.mark.parametrize("field", ["cmd_args", "cmd_result"])
def test_a_nested_object_of_the_wrong_kind_fails_on_access(field: str) -> None:
    (entry,) = entries_from_wire([{"audit_log_id": 1, "requested": "2024-05-01 12:00:00", field: "x"}], "UTC")
    assert entry.audit_log_id == 1
    with pytest.raises(TransportError, match=field):
        getattr(entry, field)
    with pytest.raises(TransportError):
        _ = entry.raw


def _response(status: int, body: Any) -> httpx.Response:
    request = httpx.Request("POST", "http://127.0.0.1/platform_api/GetAuditLog")
    return httpx.Response(status, json=body, request=request)


def test_a_page_reads_as_the_generated_client_reads_it() -> None:
    client = Client(base_url="http://127.0.0.1")
    body = {"result": WIRE, "total_count": 8, "count": 8, "timezone": "Europe/Moscow", "other": 1}
    page = read_audit_log_page(client, _response(200, body))
    assert isinstance(page, AuditLogPage)
    assert (page.total_count, page.count, page.timezone, page.additional_properties) == (
        8,
        8,
        "Europe/Moscow",
        {"other": 1},
    )
    assert records_of(page) == eager(WIRE, "Europe/Moscow")
    empty = read_audit_log_page(client, _response(200, {"total_count": 0}))
    assert records_of(empty) == []
    with pytest.raises(AuditError, match="code 100"):  # an error envelope goes the generated client's way
        read_audit_log_page(client, _response(200, {"error": {"code": 100, "msg": "no"}}))


@pytest.mark.parametrize("timezone", ZONES)
@pytest.mark.parametrize("start", ["2024-05-01 00:00:00", "2024-03-09 22:00:00", "2024-10-26 22:00:00"])
@pytest.mark.parametrize("step", [1, 7 * 60, 3600])
def test_pages_across_zone_changes_read_as_parse_date_reads_them(timezone: str, start: str, step: int) -> None:
    first = datetime.fromisoformat(start)
    wire = [
        {"audit_log_id": i, "requested": (first + timedelta(seconds=i * step)).strftime("%Y-%m-%d %H:%M:%S")}
        for i in range(200)
    ]
    lazy = entries_from_wire(wire, timezone)
    want = eager(wire, timezone)
    assert [r.requested for r in lazy] == [r.requested for r in want]
    assert all(r.requested.tzinfo is UTC for r in lazy)
    assert lazy == want


def test_a_page_in_one_offset_is_read_page_wide() -> None:
    wire = [{"audit_log_id": i, "requested": f"2024-05-01 12:00:{i:02}"} for i in range(60)]
    for timezone in ("UTC", "Europe/Moscow", "Etc/GMT+5"):
        assert _usual(wire, "audit_log_id", "requested", _Hours(timezone)) is not None
    assert (
        _usual(
            [*wire, {"audit_log_id": 61, "requested": "2024-05-01T12:01:00"}],
            "audit_log_id",
            "requested",
            _Hours("UTC"),
        )
        is None
    )
