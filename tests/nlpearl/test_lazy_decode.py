"""Audit events decoded lazily (events_from_wire) are the events read eagerly, errors included."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from audit_core import TransportError
from nlpearl_audit import AuditEvent, EventType, parse_timestamp
from nlpearl_audit._models import _additional_data, _user, _usual_times, events_from_wire

STAMPS = [
    "2024-05-01T10:00:00Z",
    "2024-05-01T10:00:00.8Z",
    "2024-05-01T10:00:00.123456Z",
    "2024-05-01T10:00:00.1234567Z",
    "2024-05-01T10:00:00.999999999Z",
    "2024-05-01T10:00:00.99999999Z",
    "2024-05-01T10:00:00.123456789",
    "2024-05-01T10:00:00.12345678",
    "2024-05-01T10:00:00",
    "2024-05-01T10:00:00.5",
    "2024-05-01T12:00:00.9999999+02:00",
    "2024-05-01T12:00:00+0200",
    "2024-05-01t10:00:00z",
    "2024-05-01 10:00:00Z",
    " 2024-05-01T10:00:00Z ",
]
BAD_STAMPS = [
    "2024-05-01T10:00Z",
    "2024-05-01T10:00:00.Z",
    "2024-05-01T10:00:00.",
    "20240501T100000Z",
    "2024-W18-3T10:00:00Z",
    "2024-05-01T100000.1Z",
    "2024-05-01X10:00:00Z",
    "2024-05-01T10:00:00,5Z",
    "2024-05-01T10:00:00.1+01",
    "2024-05-01T10:00:00+24:00",
    "2024-05-01T10:00:00Zx",
    "2024-05-01T10:00:00.1234567890Z",
    "2024-05-01T10:00:00.1234567890",
    "2024-05-01T10:00:00.12a4Z",
    "",
]


def eager(record: dict[str, Any]) -> AuditEvent:
    return AuditEvent(
        timestamp=parse_timestamp(record["timestamp"]),
        event_type=EventType(record["eventType"]),
        user=_user(record.get("user")),
        additional_data=_additional_data(record.get("additionalData")),
        raw=record,
    )


def test_lazy_events_are_the_eager_ones() -> None:
    wire = [
        {"timestamp": t, "eventType": 2 + i, "user": {"id": "u", "name": None, "type": 1} if i % 2 else None}
        for i, t in enumerate(STAMPS)
    ]
    wire.append({"timestamp": STAMPS[0], "eventType": 500, "additionalData": {"ip": "1.2.3.4", "n": 5}})
    lazy = events_from_wire(wire)
    want = [eager(w) for w in wire]
    assert [e.timestamp for e in lazy] == [e.timestamp for e in want]
    assert all(e.timestamp.tzinfo is w.timestamp.tzinfo for e, w in zip(lazy, want, strict=True))
    assert lazy == want
    assert [repr(e) for e in lazy] == [repr(e) for e in want]
    assert [attrs.asdict(e) for e in lazy] == [attrs.asdict(e) for e in want]
    assert [e.sort_key for e in lazy] == [e.sort_key for e in want]
    assert [e.raw for e in lazy] == wire


@pytest.mark.parametrize("stamp", BAD_STAMPS)
def test_a_timestamp_parse_timestamp_refuses_fails_the_page(stamp: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse_timestamp(stamp)
    with pytest.raises(TransportError, match="timestamp"):
        events_from_wire([{"timestamp": STAMPS[0], "eventType": 1}, {"timestamp": stamp, "eventType": 1}])


@pytest.mark.parametrize(
    "record",
    [
        {"eventType": 1},
        {"timestamp": None, "eventType": 1},
        {"timestamp": 5, "eventType": 1},
        {"timestamp": STAMPS[0]},
        {"timestamp": STAMPS[0], "eventType": True},
        {"timestamp": STAMPS[0], "eventType": "2"},
        {"timestamp": STAMPS[0], "eventType": 2.0},
        [1, 2],
        None,
    ],
)
def test_a_garbled_event_fails_the_page(record: Any) -> None:
    with pytest.raises(TransportError):
        events_from_wire([record])
    with pytest.raises(TransportError):
        AuditEvent.from_wire(record)


def test_a_page_of_usual_timestamps_is_read_page_wide_as_parse_timestamp_reads_it() -> None:
    stamps = ["2024-05-01T10:00:00Z"] + [f"2024-05-01T10:00:0{k % 10}.{'123456789'[:k]}Z" for k in range(1, 10)]
    wire = [{"timestamp": t, "eventType": 41} for t in stamps]
    assert _usual_times(wire, "timestamp", "eventType") is not None
    assert events_from_wire(wire) == [eager(w) for w in wire]
    for odd in ("2024-05-01T10:00:00.Z", "2024-05-01T10:00:00", "2024-05-01T10:00:00.1234567890Z"):
        assert _usual_times([*wire, {"timestamp": odd, "eventType": 1}], "timestamp", "eventType") is None
