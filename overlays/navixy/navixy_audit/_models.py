"""Typed audit records and the iteration cursor: the generated model with typed conversions on top.

``action`` and ``entry_category`` are open sets on Navixy's side: new values
appear without notice. They are typed as ``AuditAction`` and ``EntryCategory``
(open enums): a known value is its named member, an unknown one a member named
``UNKNOWN_<value>`` that keeps the raw ``.value`` (both are ``str``, so
``record.action == "create"`` holds either way); no value is ever rejected.

Records of an answer are built lazily (:class:`audit_core.LazyRecord`, :func:`records_from_wire`):
``id`` and ``action_date`` at once, and the answer's required keys checked then (a record
without them, or with an unreadable ``action_date``, fails the pull as before); the other
fields and ``raw`` come from the generated model on first access, where a value of the wrong
kind (an ``entry_category`` that is not a string...) is a :class:`~audit_core.TransportError`.
"""

from __future__ import annotations

import functools
from collections import deque
from datetime import UTC, datetime, timedelta
from itertools import repeat
from operator import itemgetter, sub
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from audit_core import (
    InvalidInputError,
    LazyRecord,
    OpenStrEnum,
    TransportError,
    decode_token,
    encode_token,
    enum_member,
    require_aware,
    slot_setter,
    token_time,
    unset_to_none,
)
from navixy_audit_api.types import Unset

from ._errors import VENDOR

if TYPE_CHECKING:
    from navixy_audit_api.models.audit_record import AuditRecord as GeneratedAuditRecord
    from navixy_audit_api.models.audit_record_payload_type_0 import AuditRecordPayloadType0


@functools.cache  # imported on first use (start-up), looked up once
def _generated() -> type[GeneratedAuditRecord]:
    from navixy_audit_api.models.audit_record import AuditRecord as GeneratedAuditRecord

    return GeneratedAuditRecord


class AuditAction(OpenStrEnum):
    """The audit actions Navixy documents; another action becomes ``AuditAction.UNKNOWN_<value>``.

    >>> AuditAction("create") == "create", AuditAction("archive").name, AuditAction("archive").is_known
    (True, 'UNKNOWN_archive', False)
    """

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class EntryCategory(OpenStrEnum):
    """Common categories of audited entries; another category becomes ``EntryCategory.UNKNOWN_<value>``.

    >>> EntryCategory("custom_field").name, EntryCategory("geo_fence_v2").value
    ('CUSTOM_FIELD', 'geo_fence_v2')
    """

    CUSTOM_FIELD = "custom_field"
    TRACKER = "tracker"
    VEHICLE = "vehicle"
    EMPLOYEE = "employee"
    ZONE = "zone"
    PLACE = "place"
    RULE = "rule"
    TASK = "task"


def parse_datetime(value: str) -> datetime:
    """Read a Navixy ISO 8601 date/time (any offset) as an aware UTC datetime.

    A date without an offset means the server ignored ``NVX-ISO-DateTime`` and
    answered in the user's own time zone, which cannot be guessed: that is refused.

    >>> parse_datetime("2020-12-21T17:54:01+0300").isoformat()
    '2020-12-21T14:54:01+00:00'
    """
    parsed = _fast_iso(value)
    if parsed is None:
        from dateutil.parser import isoparse  # the rare shapes only: dateutil costs start-up time

        try:
            parsed = isoparse(value)
        except (ValueError, TypeError, OverflowError):
            raise TransportError(f"unreadable date/time {value!r}", vendor=VENDOR) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise TransportError(
            f"date/time {value!r} has no time zone: the server ignored the NVX-ISO-DateTime header", vendor=VENDOR
        )
    return parsed.astimezone(UTC)


def _fast_iso(value: object) -> datetime | None:
    """What Navixy sends (``2020-12-21T17:54:01+0300``, ``...+03:00``, ``...Z``) read by the standard library.

    ``None`` for any other shape, left to dateutil's ``isoparse`` as always, so no text reads otherwise.
    """
    if type(value) is not str or len(value) not in (20, 24, 25) or value[10] != "T" or value[19] not in "+-Z":
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def format_datetime(value: datetime, name: str = "datetime") -> str:
    """Write an aware datetime for Navixy (with ``NVX-ISO-DateTime: true``): ISO 8601 in UTC, whole seconds.

    >>> format_datetime(datetime(2024, 5, 1, 12, 30, 15, 999, tzinfo=UTC))
    '2024-05-01T12:30:15+00:00'
    """
    return require_aware(value, name, vendor=VENDOR).isoformat(timespec="seconds")


def floor_second(value: datetime) -> datetime:
    """Drop the microseconds.

    >>> floor_second(datetime(2024, 1, 1, 0, 0, 1, 5, tzinfo=UTC)).second
    1
    """
    return value.replace(microsecond=0)


def ceil_second(value: datetime) -> datetime:
    """Round up to the next whole second (unchanged when already whole).

    >>> ceil_second(datetime(2024, 1, 1, 0, 0, 1, 5, tzinfo=UTC)).second
    2
    """
    floor = floor_second(value)
    return floor if floor == value else floor + timedelta(seconds=1)


def _payload(value: AuditRecordPayloadType0 | Unset | None) -> dict[str, Any] | None:
    if isinstance(value, Unset) or value is None:
        return None
    if isinstance(value, dict):
        return value
    return value.to_dict() if isinstance(value, _payload_type()) else None


@functools.cache
def _payload_type() -> type[AuditRecordPayloadType0]:
    from navixy_audit_api.models.audit_record_payload_type_0 import AuditRecordPayloadType0

    return AuditRecordPayloadType0


def _rest(wire: dict[str, Any]) -> dict[str, Any]:
    """The lazily decoded fields of a record built from ``wire``: through the generated model, as ``from_generated``."""
    raw = _generated().from_dict(wire)
    return {
        "user_id": raw.user_id,
        "subuser_id": unset_to_none(raw.subuser_id),
        "entry_category": enum_member(EntryCategory, raw.entry_category),
        "entry_id": unset_to_none(raw.entry_id),
        "action": enum_member(AuditAction, raw.action),
        "payload": _payload(raw.payload),
        "host": unset_to_none(raw.host),
        "user_agent": unset_to_none(raw.user_agent),
        "raw": raw,
    }


@attrs.frozen
class AuditRecord(LazyRecord):
    """One audit record, typed: UTC ``action_date``, open-enum ``action`` and ``entry_category``.

    ``raw`` is the generated model exactly as read from the wire.

    >>> rec = AuditRecord.from_dict({"id": 1, "user_id": 3, "entry_category": "custom_field", "action": "create",
    ...                              "action_date": "2020-12-21T17:54:01+03:00", "payload": {"name": "x"}})
    >>> rec.action, rec.action_date.isoformat(), rec.payload
    (<AuditAction.CREATE: 'create'>, '2020-12-21T14:54:01+00:00', {'name': 'x'})
    """

    id: int
    user_id: int
    subuser_id: int | None
    entry_category: EntryCategory
    entry_id: int | None
    action: AuditAction
    payload: dict[str, Any] | None
    host: str | None
    user_agent: str | None
    action_date: datetime
    raw: GeneratedAuditRecord = attrs.field(eq=False, repr=False)

    _lazy_fields_: ClassVar[dict[str, Any]] = dict.fromkeys(
        ("user_id", "subuser_id", "entry_category", "entry_id", "action", "payload", "host", "user_agent", "raw"), _rest
    )
    _lazy_vendor_: ClassVar[str | None] = VENDOR

    @classmethod
    def from_generated(cls, raw: GeneratedAuditRecord) -> AuditRecord:
        """Type the fields of a generated record."""
        return cls(
            id=raw.id,
            user_id=raw.user_id,
            subuser_id=unset_to_none(raw.subuser_id),
            entry_category=enum_member(EntryCategory, raw.entry_category),
            entry_id=unset_to_none(raw.entry_id),
            action=enum_member(AuditAction, raw.action),
            payload=_payload(raw.payload),
            host=unset_to_none(raw.host),
            user_agent=unset_to_none(raw.user_agent),
            action_date=parse_datetime(raw.action_date),
            raw=raw,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AuditRecord:
        """Read a record from its wire form (an element of the answer's ``list``)."""
        try:
            raw = _generated().from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise TransportError(f"unreadable audit record: {exc!r}", vendor=VENDOR) from None
        return cls.from_generated(raw)


_set_wire = slot_setter(AuditRecord, "_wire")
_set_id = slot_setter(AuditRecord, "id")
_set_date = slot_setter(AuditRecord, "action_date")
_fromiso = datetime.fromisoformat


def _offset(suffix: str) -> timedelta | None:
    """The UTC offset an ``action_date`` suffix (``Z``, ``+0300``, ``-05:30``) names; None when it is not one.

    The shapes :func:`_fast_iso` reads, so that the text before the suffix is all the rest.
    """
    if len(suffix) not in (1, 5, 6) or suffix[0] not in "+-Z":
        return None
    try:
        return _fromiso("2000-01-01T00:00:00" + suffix).utcoffset()
    except ValueError:
        return None


def records_from_wire(items: Any, operation: str | None = None) -> list[AuditRecord]:
    """The records of an answer's ``list`` (wire dicts), decoded lazily (see the module).

    A record that is not an object, lacks a required key, or has an unreadable ``action_date``
    is a :class:`TransportError`, as :meth:`AuditRecord.from_dict` says. The loop reads
    ``action_date`` as :func:`parse_datetime` does; the usual shapes with the offset of each
    suffix computed once per answer, the rest by :func:`parse_datetime` itself.
    """
    keys = _generated().Keys
    others = sorted(keys.REQUIRED - {keys.ID, keys.ACTION_DATE})
    usual = _usual(items, keys.ID, keys.ACTION_DATE, others)
    if usual is not None:
        return _records(items, *usual)
    row_of = itemgetter(keys.ID, keys.ACTION_DATE, *others)  # a missing required key: KeyError
    suffix, offset = "", None  # the last offset suffix read (``+0300``), and its offset (None: not a usual one)
    offsets: dict[str, timedelta | None] = {}
    fromiso = _fromiso
    ids: list[Any] = []
    times: list[datetime] = []
    add_id, add_time = ids.append, times.append
    try:
        for wire in items:
            row = row_of(wire)
            add_id(row[0])
            text = row[1]
            if type(text) is str and text[10:11] == "T":
                tail = text[19:]
                if tail != suffix:
                    suffix = tail
                    offset = offsets[tail] if tail in offsets else offsets.setdefault(tail, _offset(tail))
                if offset is not None:
                    try:
                        when = fromiso(text[:19] + "+00:00")
                    except ValueError:
                        add_time(parse_datetime(text))
                    else:
                        add_time(when - offset if offset else when)
                    continue
            add_time(parse_datetime(text))
    except KeyError as exc:
        raise TransportError(f"unreadable audit record: {exc!r}", vendor=VENDOR, operation=operation) from None
    except (AttributeError, TypeError) as exc:
        raise TransportError(f"unreadable audit record: {exc!r}", vendor=VENDOR, operation=operation) from None
    return _records(items, ids, times)


def _records(items: list[Any], ids: list[Any], times: list[datetime]) -> list[AuditRecord]:
    records = list(map(object.__new__, repeat(AuditRecord, len(times))))
    deque(map(_set_wire, records, items), 0)
    deque(map(_set_id, records, ids), 0)
    deque(map(_set_date, records, times), 0)
    return records


_tail = itemgetter(slice(19, None))
_marks = itemgetter(slice(4, 17, 3))  # the characters at 4, 7, 10, 13 and 16


def _usual(items: Any, id_key: str, date_key: str, others: list[str]) -> tuple[list[Any], list[datetime]] | None:
    """(ids, times) of an answer whose records all have the required keys and one usual offset suffix; else None.

    Read page-wide: every ``action_date`` a string with ``-``, ``-``, ``T``, ``:``, ``:`` at 4, 7, 10, 13
    and 16 and the same suffix after the seconds, one :func:`_offset` reads; then ``fromisoformat`` of
    the text as UTC, less the offset, is what :func:`parse_datetime` returns (a text it would refuse is a
    ``ValueError`` here, and the answer goes record by record).
    """
    try:
        if not isinstance(items, list) or not items:
            return None
        ids = list(map(itemgetter(id_key), items))
        texts = list(map(itemgetter(date_key), items))
        for key in others:  # present, as the generated model requires
            deque(map(itemgetter(key), items), 0)
        if set(map(type, texts)) != {str} or set(map(_marks, texts)) != {"--T::"}:
            return None
        suffixes = set(map(_tail, texts))
        if len(suffixes) != 1:
            return None
        suffix = suffixes.pop()
        offset = _offset(suffix)
        if offset is None:
            return None
        if not offset:  # Z, +0000...: fromisoformat's own UTC
            times = list(map(_fromiso, texts))
            return (ids, times) if times[0].tzinfo is UTC else None
        # The suffix cannot occur before it: the marks leave no room for it among the other characters.
        times = list(map(_fromiso, map(str.replace, texts, repeat(suffix), repeat("+00:00"))))
        return ids, list(map(sub, times, repeat(offset)))
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return None


def _utc_position(value: datetime) -> datetime:
    try:
        return require_aware(value, "cursor.position", vendor=VENDOR)
    except InvalidInputError as exc:
        exc.vendor = VENDOR
        raise


@attrs.frozen
class AuditLogCursor:
    """Where an ``iter_audit_log`` iteration stands: a position in Navixy's record order.

    Every record before ``position`` was handed out, and at ``position`` itself the
    records with an id up to ``last_id`` (none when ``last_id`` is None). Records
    come out ordered by ``(action_date, id)``, so this is enough to resume exactly,
    in a later iteration too: ``to_token()`` writes it as text, ``from_token()``
    reads it back, and ``iter_audit_log(since, until, cursor=...)`` takes either.

    >>> cursor = AuditLogCursor(datetime(2024, 1, 1, tzinfo=UTC), 42)
    >>> AuditLogCursor.from_token(cursor.to_token()) == cursor
    True
    """

    position: datetime = attrs.field(converter=_utc_position)
    last_id: int | None = None

    def admits(self, record: AuditRecord) -> bool:
        """Whether ``record`` comes after this cursor (and so is still to be handed out)."""
        if record.action_date != self.position:
            return record.action_date > self.position
        return self.last_id is None or record.id > self.last_id

    def to_token(self) -> str:
        """The cursor as text, for ``iter_audit_log(..., cursor=token)`` in a later run."""
        return encode_token(VENDOR, {"p": self.position.isoformat(), "id": self.last_id})

    @classmethod
    def from_token(cls, token: str) -> AuditLogCursor:
        """Read a token written by :meth:`to_token` (another vendor's, or a garbled one: :class:`InvalidInputError`).

        >>> AuditLogCursor.from_token("v1.e30")
        Traceback (most recent call last):
        ...
        audit_core._errors.InvalidInputError: navixy: not a cursor token: 'v1.e30'
        """
        fields = decode_token(VENDOR, token)
        position = token_time(VENDOR, fields.get("p"))
        last_id = fields.get("id")
        if last_id is not None and (isinstance(last_id, bool) or not isinstance(last_id, int)):
            raise InvalidInputError("malformed cursor token: id is not an integer", vendor=VENDOR)
        return cls(position, last_id)
