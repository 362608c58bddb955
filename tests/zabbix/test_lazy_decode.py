"""Audit records decoded lazily (read_records) are the records from_wire builds, errors included."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from audit_core import TransportError
from zabbix_audit import AuditRecord
from zabbix_audit._paging import read_records

FULL = {
    "auditid": "c" * 25,
    "userid": "1",
    "username": "Admin",
    "clock": "1714521600",
    "ip": "127.0.0.1",
    "action": "0",
    "resourcetype": "14",
    "resourceid": "1000",
    "resource_cuid": "0",
    "resourcename": "group",
    "recordsetid": "r" * 25,
    "details": '{"hostgroup.name": ["add", "group"]}',
}
WIRE: list[dict[str, Any]] = [
    FULL,
    {**FULL, "auditid": "d" * 25, "details": "not json", "action": "99", "resourcetype": "60"},
    {**FULL, "auditid": "e" * 25, "details": ""},
    {"auditid": "f" * 25, "clock": "1714521601"},  # output: a list of fields
    {**FULL, "auditid": "g" * 25, "clock": 1714521602, "action": 8},  # numbers where strings were expected
    {**FULL, "details": 0},
]


def test_lazy_records_are_the_eager_ones() -> None:
    lazy = read_records(WIRE)
    want = [AuditRecord.from_wire(w) for w in WIRE]
    assert lazy == want
    assert [repr(r) for r in lazy] == [repr(r) for r in want]
    assert [attrs.asdict(r) for r in lazy] == [attrs.asdict(r) for r in want]
    assert [r.timestamp for r in lazy] == [r.timestamp for r in want]
    assert [r.raw for r in lazy] == [r.raw for r in want]


@pytest.mark.parametrize(
    "change",
    [
        {"clock": "yesterday"},
        {"clock": ["1"]},
        {"action": "add"},
        {"resourcetype": "host"},
        {"details": 5},
        {"details": ["x"]},
    ],
)
def test_a_garbled_record_fails_the_page(change: dict[str, Any]) -> None:
    with pytest.raises(TransportError, match="does not parse"):
        read_records([FULL, {**FULL, **change}])
