"""Typed audit records: the generated model with typed conversions on top.

``action`` and ``entry_category`` are open sets on Navixy's side: new values
appear without notice. They are typed as ``AuditAction | str`` and
``EntryCategory | str``: a known value becomes the enum member (a ``str``
subclass, so ``record.action == "create"`` holds either way), an unknown one is
kept as the plain string it was, never rejected.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
from dateutil.parser import isoparse

from audit_core import TransportError, open_enum, require_aware
from navixy_audit_api.models import AuditRecord as GeneratedAuditRecord
from navixy_audit_api.models.audit_record_payload_type_0 import AuditRecordPayloadType0
from navixy_audit_api.types import Unset

from ._errors import VENDOR


class AuditAction(enum.StrEnum):
    """The audit actions Navixy documents; other actions stay plain strings.

    >>> AuditAction("create") == "create"
    True
    """

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class EntryCategory(enum.StrEnum):
    """Common categories of audited entries; other categories stay plain strings.

    >>> EntryCategory("custom_field").name
    'CUSTOM_FIELD'
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
    try:
        parsed = isoparse(value)
    except (ValueError, TypeError, OverflowError):
        raise TransportError(f"unreadable date/time {value!r}", vendor=VENDOR) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise TransportError(
            f"date/time {value!r} has no time zone: the server ignored the NVX-ISO-DateTime header", vendor=VENDOR
        )
    return parsed.astimezone(UTC)


def format_datetime(value: datetime, name: str = "datetime") -> str:
    """Write an aware datetime for Navixy (with ``NVX-ISO-DateTime: true``): ISO 8601 in UTC, whole seconds.

    >>> format_datetime(datetime(2024, 5, 1, 12, 30, 15, 999, tzinfo=UTC))
    '2024-05-01T12:30:15+00:00'
    """
    return require_aware(value, name).isoformat(timespec="seconds")


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
    if isinstance(value, AuditRecordPayloadType0):
        return value.to_dict()
    if isinstance(value, dict):
        return value
    return None


def _optional(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


@attrs.frozen
class AuditRecord:
    """One audit record, typed: UTC ``action_date``, enum-or-string ``action`` and ``entry_category``.

    ``raw`` is the generated model exactly as read from the wire.

    >>> rec = AuditRecord.from_dict({"id": 1, "user_id": 3, "entry_category": "custom_field", "action": "create",
    ...                              "action_date": "2020-12-21T17:54:01+03:00", "payload": {"name": "x"}})
    >>> rec.action, rec.action_date.isoformat(), rec.payload
    (<AuditAction.CREATE: 'create'>, '2020-12-21T14:54:01+00:00', {'name': 'x'})
    """

    id: int
    user_id: int
    subuser_id: int | None
    entry_category: EntryCategory | str
    entry_id: int | None
    action: AuditAction | str
    payload: dict[str, Any] | None
    host: str | None
    user_agent: str | None
    action_date: datetime
    raw: GeneratedAuditRecord = attrs.field(eq=False, repr=False)

    @classmethod
    def from_generated(cls, raw: GeneratedAuditRecord) -> AuditRecord:
        """Type the fields of a generated record."""
        return cls(
            id=raw.id,
            user_id=raw.user_id,
            subuser_id=_optional(raw.subuser_id),
            entry_category=open_enum(EntryCategory, raw.entry_category),
            entry_id=_optional(raw.entry_id),
            action=open_enum(AuditAction, raw.action),
            payload=_payload(raw.payload),
            host=_optional(raw.host),
            user_agent=_optional(raw.user_agent),
            action_date=parse_datetime(raw.action_date),
            raw=raw,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AuditRecord:
        """Read a record from its wire form (an element of the answer's ``list``)."""
        try:
            raw = GeneratedAuditRecord.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise TransportError(f"unreadable audit record: {exc!r}", vendor=VENDOR) from None
        return cls.from_generated(raw)


@attrs.frozen
class AuditLogCursor:
    """Where an ``iter_audit_log`` iteration stands.

    Everything before ``position`` was handed out, and at ``position`` itself the
    records with an id up to ``last_id`` (none when ``last_id`` is None).

    Records come out ordered by ``(action_date, id)``, so this is enough to resume exactly.

    >>> AuditLogCursor(datetime(2024, 1, 1, tzinfo=UTC), 42).last_id
    42
    """

    position: datetime
    last_id: int | None = None

    def admits(self, record: AuditRecord) -> bool:
        """Whether ``record`` comes after this cursor (and so is still to be handed out)."""
        if record.action_date != self.position:
            return record.action_date > self.position
        return self.last_id is None or record.id > self.last_id
