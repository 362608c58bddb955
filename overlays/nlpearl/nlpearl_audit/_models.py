"""Audit events as the SDK hands them out: typed, aware UTC, the wire record kept.

Events are built lazily (:class:`audit_core.LazyRecord`, :func:`events_from_wire`): ``timestamp``
at once, and ``eventType`` checked then (an event without a readable timestamp or an integer
``eventType`` fails the pull as before); ``event_type``, ``user``, ``additional_data`` and ``raw``
on first access (their readings never fail: a part of the wrong kind reads as missing). The wire
names come from the generated models' ``Keys`` (the spec's).
"""

from __future__ import annotations

import functools
import json
import re
from collections import deque
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from audit_core import LazyRecord, TransportError, enum_member, slot_setter, wire_of

from ._enums import EventType, UserType
from ._errors import VENDOR

# ISO 8601 as ASP.NET writes it: "2024-05-01T10:00:00", "...00Z", "...00.1234567+02:00".
_TIMESTAMP = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ](?P<time>\d{2}:\d{2}:\d{2})(?:\.(?P<fraction>\d{1,9}))?"
    r"(?P<offset>[Zz]|[+-]\d{2}:?\d{2})?"
)


def parse_timestamp(text: str) -> datetime:
    """Read a wire timestamp into an aware UTC datetime.

    The API documents its times as UTC, so a timestamp without an offset (as
    ASP.NET writes an unspecified ``DateTime``) is taken as UTC. Fractions
    finer than a microsecond (.NET ticks are 100 ns) are cut off, never rounded
    up, so an event never moves past a window edge.

    >>> parse_timestamp("2024-05-01T10:00:00").isoformat()
    '2024-05-01T10:00:00+00:00'
    >>> parse_timestamp("2024-05-01T12:00:00.9999999+02:00").isoformat()
    '2024-05-01T10:00:00.999999+00:00'
    """
    if not isinstance(text, str):
        raise ValueError(f"a timestamp must be a string, not {type(text).__name__}")
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO 8601 date-time: {text!r}")
    fraction = (match["fraction"] or "").ljust(6, "0")[:6]
    value = datetime.fromisoformat(f"{match['date']}T{match['time']}.{fraction}")
    offset = match["offset"]
    if offset is None or offset in ("Z", "z"):
        return value.replace(tzinfo=UTC)
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24):
        raise ValueError(f"offset out of range in {text!r}")
    return value.replace(tzinfo=timezone(sign * delta)).astimezone(UTC)


@attrs.frozen
class AuditUser:
    """Who triggered an event; any part may be missing on the wire.

    >>> AuditUser(id="u1", name="Ada", type=UserType.PLATFORM).type.name
    'PLATFORM'
    """

    id: str | None
    name: str | None
    type: UserType | None


if TYPE_CHECKING:
    from nlpearl_audit_api.models.audit_log_user_info import AuditLogUserInfo
    from nlpearl_audit_api.models.audit_log_view import AuditLogView


@functools.cache  # imported on first use (start-up), looked up once
def _keys() -> tuple[type[AuditLogView.Keys], type[AuditLogUserInfo.Keys]]:
    from nlpearl_audit_api.models.audit_log_user_info import AuditLogUserInfo
    from nlpearl_audit_api.models.audit_log_view import AuditLogView

    return AuditLogView.Keys, AuditLogUserInfo.Keys


def _rest(wire: dict[str, Any]) -> dict[str, Any]:
    """The lazily decoded fields of an event built from ``wire`` (what :meth:`AuditEvent.from_wire` reads)."""
    keys, _ = _keys()
    return {
        "event_type": enum_member(EventType, wire[keys.EVENT_TYPE]),
        "user": _user(wire.get(keys.USER)),
        "additional_data": _additional_data(wire.get(keys.ADDITIONAL_DATA)),
    }


def _raw(wire: dict[str, Any]) -> dict[str, Any]:
    return {"raw": wire}


@attrs.frozen
class AuditEvent(LazyRecord):
    """One audit-log event.

    ``timestamp`` is an aware UTC datetime; ``event_type`` an :class:`EventType`
    (an ``UNKNOWN_<n>`` pseudo-member for values the docs do not list);
    ``additional_data`` the event's string details (empty when the server sent
    none); ``raw`` the record exactly as it came over the wire.

    >>> ev = AuditEvent.from_wire({"timestamp": "2024-05-01T10:00:00Z", "eventType": 2, "user": None})
    >>> ev.event_type, ev.timestamp.isoformat(), ev.user
    (<EventType.LOGIN_SUCCESSFUL: 2>, '2024-05-01T10:00:00+00:00', None)
    """

    timestamp: datetime
    event_type: EventType
    user: AuditUser | None
    additional_data: Mapping[str, str] = attrs.field(hash=False)
    raw: Mapping[str, Any] = attrs.field(repr=False, eq=False)

    _lazy_fields_: ClassVar[dict[str, Any]] = {
        "event_type": _rest,
        "user": _rest,
        "additional_data": _rest,
        "raw": _raw,
    }
    _lazy_vendor_: ClassVar[str | None] = VENDOR

    @classmethod
    def from_wire(cls, record: object) -> AuditEvent:
        """Build an event from one element of the API's JSON array.

        A record without a readable ``timestamp`` or ``eventType`` is a garbled
        answer (:class:`audit_core.TransportError`): it could not be placed in
        time nor filtered.
        """
        return events_from_wire([record])[0]

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """The total order events are yielded in: time, then the canonical JSON of the record."""
        wire = wire_of(self)
        return self.timestamp, canonical_json(self.raw if wire is None else wire)


_set_wire = slot_setter(AuditEvent, "_wire")
_set_timestamp = slot_setter(AuditEvent, "timestamp")
_fromiso = datetime.fromisoformat


def _checked(record: object) -> datetime:
    """The timestamp of a record that the fast path of :func:`events_from_wire` did not take, or its error."""
    keys, _ = _keys()
    if not isinstance(record, dict):
        raise TransportError(f"an audit event must be a JSON object, not {_kind(record)}", vendor=VENDOR)
    try:
        timestamp = parse_timestamp(record[keys.TIMESTAMP])
    except (KeyError, ValueError) as exc:
        raise TransportError(f"audit event without a readable timestamp: {exc}", vendor=VENDOR) from None
    event_type = record.get(keys.EVENT_TYPE)
    if isinstance(event_type, bool) or not isinstance(event_type, int):
        raise TransportError(f"audit event without an integer eventType: {event_type!r}", vendor=VENDOR)
    return timestamp


def events_from_wire(records: list[Any]) -> list[AuditEvent]:
    """The events of one answer (the elements of its JSON array), decoded lazily (see the module).

    ``timestamp`` is read as :func:`parse_timestamp` reads it: the usual shapes
    (``2024-05-01T10:00:00Z``, ``...00.1234Z``, no offset) by ``datetime.fromisoformat``
    after checking the characters that tell them apart (``text[7:20:3]`` is ``-T::`` then
    ``Z`` or ``.``), every other one by :func:`parse_timestamp` itself.
    """
    keys, _ = _keys()
    times = _usual_times(records, keys.TIMESTAMP, keys.EVENT_TYPE)
    if times is None:
        times = _times(records, keys.TIMESTAMP, keys.EVENT_TYPE)
    events = list(map(object.__new__, repeat(AuditEvent, len(times))))
    deque(map(_set_wire, events, records), 0)
    deque(map(_set_timestamp, events, times), 0)
    return events


def canonical_json(value: object) -> str:
    """A stable text of a JSON value (sorted keys, no blanks): ties at one instant sort by it.

    >>> canonical_json({"b": 1, "a": [2]})
    '{"a":[2],"b":1}'
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _user(value: object) -> AuditUser | None:
    if not isinstance(value, dict):
        return None
    user_type = value.get("type")
    known = isinstance(user_type, int) and not isinstance(user_type, bool)
    return AuditUser(
        id=_optional_str(value.get("id")),
        name=_optional_str(value.get("name")),
        type=enum_member(UserType, user_type) if known else None,
    )


def _optional_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return canonical_json(value)


def _additional_data(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v if isinstance(v, str) else canonical_json(v) for k, v in value.items()}


#: ``text[7:20:3]`` of the usual timestamps: ``2024-05-01T10:00:00Z`` and ``2024-05-01T10:00:00.1234Z``.
_USUAL_SHAPES = frozenset({"-T::Z", "-T::."})
#: Their lengths: 20 without a fraction, 22 to 30 with one of 1 to 9 digits (cut to microseconds by both readers).
_USUAL_LENGTHS = frozenset({20, *range(22, 31)})
_shape = itemgetter(slice(7, 20, 3))
_last = itemgetter(-1)


def _usual_times(records: list[Any], ts_key: str, type_key: str) -> list[datetime] | None:
    """The timestamps of an answer whose every event has the usual shape, read page-wide; None otherwise.

    Every ``eventType`` an int, every ``timestamp`` a string ending in ``Z`` with ``-T::`` at 7, 10,
    13 and 16, then ``Z`` or ``.`` at 19, and a usual length: for these ``fromisoformat`` reads what
    :func:`parse_timestamp` reads (anything it would refuse too, a ``ValueError``, sends the answer to
    :func:`_times`).
    """
    try:
        if set(map(type, map(itemgetter(type_key), records))) != {int}:
            return None
        texts = list(map(itemgetter(ts_key), records))
        if (
            set(map(type, texts)) != {str}
            or not set(map(_shape, texts)) <= _USUAL_SHAPES
            or set(map(_last, texts)) != {"Z"}
            or not set(map(len, texts)) <= _USUAL_LENGTHS
        ):
            return None
        return list(map(_fromiso, texts))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _times(records: list[Any], ts_key: str, type_key: str) -> list[datetime]:
    """The timestamps of an answer, event by event (the usual shapes by ``fromisoformat``, the rest as ever)."""
    fromiso, checked = _fromiso, _checked
    times: list[datetime] = []
    append = times.append
    for record in records:
        try:  # the usual record; anything else (not an object, a key missing...) is left to _checked
            if type(record.get(type_key)) is not int:
                append(checked(record))
                continue
            text = record[ts_key]
            shape = text[7:20:3]
            if shape == "-T::Z":
                append(fromiso(text))
            elif shape == "-T::." and 21 <= len(text) <= 30:
                if text[-1] != "Z":
                    append(fromiso(text + "+00:00") if len(text) <= 29 else checked(record))
                elif len(text) > 21:
                    append(fromiso(text))
                else:
                    append(checked(record))
            elif shape == "-T::" and len(text) == 19:
                append(fromiso(text + "+00:00"))
            else:
                append(checked(record))
        except (AttributeError, KeyError, TypeError, ValueError):
            append(checked(record))
    return times
