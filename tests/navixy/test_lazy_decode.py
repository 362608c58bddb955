"""Audit records decoded lazily (records_from_wire) are the records from_dict builds, errors included."""

from __future__ import annotations

from typing import Any

import attrs
import httpx
import pytest

from audit_core import TransportError
from navixy_audit import AuditRecord
from navixy_audit._models import _usual, records_from_wire
from navixy_audit._paging import read_records

BASE = {"user_id": 3, "entry_category": "tracker", "action": "create"}
DATES = [
    "2020-12-21T17:54:01+0300",
    "2020-12-21T17:54:02+03:00",
    "2020-12-21T17:54:03Z",
    "2020-12-21T17:54:04-0530",
    "2020-12-21T17:54:05+0000",
    "2020-12-21T17:54:06+0300",
    "2020-12-21T17:54:07.250+03:00",  # a fraction: dateutil's reading
    "2020-12-21T17:54:08+03",  # not a usual shape: dateutil's reading
    "2020-12-21 17:54:09+03:00",
]
WIRE: list[dict[str, Any]] = [
    {"id": i, **BASE, "action_date": d, "payload": {"k": i} if i % 2 else None, "host": "h", "extra": i}
    for i, d in enumerate(DATES)
] + [
    {"id": 99, "user_id": 3, "entry_category": "geo_fence_v2", "action": "archive", "action_date": DATES[0]},
    {"id": 100, **BASE, "action_date": DATES[1], "payload": "text", "user_agent": None, "subuser_id": None},
]


def test_lazy_records_are_the_eager_ones() -> None:
    lazy = records_from_wire(WIRE)
    want = [AuditRecord.from_dict(w) for w in WIRE]
    assert [r.action_date for r in lazy] == [r.action_date for r in want]
    assert [r.action_date.tzinfo for r in lazy] == [r.action_date.tzinfo for r in want]
    assert lazy == want
    assert [repr(r) for r in lazy] == [repr(r) for r in want]
    assert [attrs.asdict(r) for r in lazy] == [attrs.asdict(r) for r in want]
    assert [r.raw for r in lazy] == [r.raw for r in want]


@pytest.mark.parametrize(
    "wire",
    [
        {"id": 1, **BASE},
        {"id": 1, "entry_category": "tracker", "action": "create", "action_date": DATES[0]},
        {**BASE, "action_date": DATES[0]},
        {"id": 1, **BASE, "action_date": "2020-12-21T17:54:01"},  # no offset: the server ignored the header
        {"id": 1, **BASE, "action_date": "yesterday"},
        {"id": 1, **BASE, "action_date": None},
        {"id": 1, **BASE, "action_date": "2020-12-21T25:54:01+0300"},
        "not an object",
    ],
)
def test_a_garbled_record_fails_the_page(wire: Any) -> None:
    body = {"success": True, "list": [wire]}
    request = httpx.Request("POST", "http://127.0.0.1/v2/user/audit/log/list")
    with pytest.raises(TransportError):
        read_records(httpx.Response(200, json=body, request=request))


def test_a_list_that_is_not_a_list_fails_the_page() -> None:
    request = httpx.Request("POST", "http://127.0.0.1/v2/user/audit/log/list")
    for body in ({"success": True}, {"success": True, "list": {"a": 1}}):
        with pytest.raises(TransportError, match="unreadable user/audit/log/list answer"):
            read_records(httpx.Response(200, json=body, request=request))


def test_a_field_of_the_wrong_kind_fails_on_access() -> None:
    (record,) = records_from_wire([{"id": 1, **BASE, "entry_category": 7, "action_date": DATES[0]}])
    assert record.id == 1
    with pytest.raises(TransportError, match="entry_category"):
        _ = record.entry_category


@pytest.mark.parametrize("suffix", ["+0300", "+03:00", "Z", "-0530", "+0000", "+14:00"])
def test_a_page_with_one_offset_is_read_page_wide_as_from_dict_reads_it(suffix: str) -> None:
    wire = [{"id": i, **BASE, "action_date": f"2020-12-{10 + i}T0{i}:54:0{i}{suffix}"} for i in range(10)]
    assert _usual(wire, "id", "action_date", ["action", "entry_category", "user_id"]) is not None
    lazy = records_from_wire(wire)
    want = [AuditRecord.from_dict(w) for w in wire]
    assert lazy == want
    assert [r.action_date.tzinfo for r in lazy] == [r.action_date.tzinfo for r in want]
    odd = [*wire, {"id": 99, **BASE, "action_date": "2020-12-21T17:54:01.5" + suffix}]
    assert _usual(odd, "id", "action_date", ["action"]) is None
    assert records_from_wire(odd) == [AuditRecord.from_dict(w) for w in odd]
