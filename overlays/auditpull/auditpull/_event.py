"""The normalized audit event every vendor's records are mapped to."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs


@attrs.frozen
class Actor:
    """Who did it: the vendor's user id, display name and kind of user (any may be unknown).

    >>> Actor(id="1", name="Admin", type="user").name
    'Admin'
    """

    id: str | None = None
    name: str | None = None
    type: str | None = None


@attrs.frozen
class Resource:
    """What it was done to: its kind, id and name (any may be unknown).

    >>> Resource(type="host", id="10084", name="web-01").type
    'host'
    """

    type: str | None = None
    id: str | None = None
    name: str | None = None


def format_time(value: datetime) -> str:
    """An aware datetime as ISO 8601 UTC with ``Z`` (microseconds only when there are some).

    >>> from datetime import timezone, timedelta
    >>> format_time(datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=2))))
    '2024-05-01T10:00:00Z'
    """
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


@attrs.frozen
class AuditEvent:
    """One audit record of any vendor: who did what, to what, when, from where.

    ``id`` is unique within ``vendor`` and the same on every run; ``time`` is an
    aware UTC datetime; ``outcome`` is ``"success"``, ``"failure"`` or ``None``
    where the vendor does not say; ``raw`` is the record as the vendor's API sent it.

    >>> ev = AuditEvent(vendor="zabbix", id="c1", time=datetime(2024, 5, 1, tzinfo=UTC),
    ...                 actor=Actor("1", "Admin", "user"), action="login")
    >>> ev.to_dict()["time"]
    '2024-05-01T00:00:00Z'
    """

    vendor: str
    id: str
    time: datetime
    actor: Actor = Actor()
    action: str = ""
    resource: Resource = Resource()
    source_ip: str | None = None
    user_agent: str | None = None
    outcome: str | None = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.time.tzinfo is None:
            raise ValueError("AuditEvent.time must be an aware datetime")

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data (``time`` in UTC with ``Z``), in the documented field order.

        >>> AuditEvent(vendor="navixy", id="7", time=datetime(2024, 5, 1, tzinfo=UTC)).to_dict()["actor"]
        {'id': None, 'name': None, 'type': None}
        """
        return {
            "vendor": self.vendor,
            "id": self.id,
            "time": format_time(self.time),
            "actor": attrs.asdict(self.actor),
            "action": self.action,
            "resource": attrs.asdict(self.resource),
            "source_ip": self.source_ip,
            "user_agent": self.user_agent,
            "outcome": self.outcome,
            "raw": jsonable(self.raw),
        }

    def to_json(self) -> str:
        """One compact JSON line (no newline), non-ASCII kept as is.

        >>> AuditEvent(vendor="navixy", id="7", time=datetime(2024, 5, 1, tzinfo=UTC)).to_json()[:40]
        '{"vendor":"navixy","id":"7","time":"2024'
        """
        return dumps(self.to_dict())


def dumps(value: object) -> str:
    r"""Compact JSON as auditpull writes it (never a raw newline inside, non-ASCII kept).

    >>> dumps({"a": "x\ny"})
    '{"a":"x\\ny"}'
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_default)


def _default(value: object) -> object:
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def jsonable(value: object) -> Any:
    """``value`` with datetimes and enums turned into JSON types (mappings and lists walked).

    >>> jsonable({"when": datetime(2024, 5, 1, tzinfo=UTC), "n": [1]})
    {'when': '2024-05-01T00:00:00Z', 'n': [1]}
    """
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value
