"""The audit-log record handed out by both ``iter_audit_log`` and ``export_audit_log``.

Records of a GetAuditLog answer are built lazily (:class:`audit_core.LazyRecord`): from each
wire dict, ``audit_log_id`` and ``requested`` at once (the pager needs them; a record without
them, or with an unreadable ``requested``, fails the pull as before), ``timezone`` too; the
other fields, ``raw`` included, are decoded from the generated model on first access. A nested
``cmd_args`` / ``cmd_result`` that is not a JSON object is found then: a
:class:`~audit_core.TransportError` on access.
"""

from __future__ import annotations

import functools
import json
from collections import deque
from collections.abc import Mapping
from datetime import datetime, timedelta
from itertools import repeat
from operator import itemgetter, sub
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import httpx

from audit_core import LazyRecord, json_body, slot_setter, unset_to_none
from voximplant_audit_api.models.history_get_audit_log_response_200 import HistoryGetAuditLogResponse200
from voximplant_audit_api.types import UNSET, Unset

from ._errors import VENDOR, parsed_body
from ._wire import parse_date, zone_info

if TYPE_CHECKING:
    from voximplant_audit_api import AuthenticatedClient, Client
    from voximplant_audit_api.models import AuditLogInfoType, AuditLogInfoTypeCmdArgs, AuditLogInfoTypeCmdResult

#: The report's CSV columns, in order (our assumption: the vendor does not publish them).
CSV_COLUMNS = (
    "audit_log_id",
    "account_id",
    "requested",
    "subuser_id",
    "subuser_name",
    "ip",
    "cmd_name",
    "cmd_args",
    "cmd_result",
)
_INT_COLUMNS = ("audit_log_id", "account_id", "subuser_id")
_JSON_COLUMNS = ("cmd_args", "cmd_result")


def _model_repr(value: Any) -> str:
    """A generated model as the dict it was sent as: its fields, never ``<... Unset object ...>``."""
    return "None" if value is None else repr(value.to_dict())


@functools.cache  # imported on first use (start-up), looked up once
def _generated() -> type[AuditLogInfoType]:
    from voximplant_audit_api.models.audit_log_info_type import AuditLogInfoType

    return AuditLogInfoType


def _rest(wire: dict[str, Any]) -> dict[str, Any]:
    """The lazily decoded fields of a record built from ``wire``: through the generated model, as ``from_generated``."""
    raw = _generated().from_dict(wire)
    return {
        "account_id": unset_to_none(raw.account_id),
        "subuser_id": unset_to_none(raw.subuser_id),
        "subuser_name": unset_to_none(raw.subuser_name),
        "ip": unset_to_none(raw.ip),
        "cmd_name": unset_to_none(raw.cmd_name),
        "cmd_args": unset_to_none(raw.cmd_args),
        "cmd_result": unset_to_none(raw.cmd_result),
        "raw": raw,
    }


@attrs.frozen
class AuditLogEntry(LazyRecord):
    """One audit-log record, typed: ``requested`` is an aware UTC datetime.

    ``raw`` is the generated :class:`voximplant_audit_api.models.AuditLogInfoType` as
    the API sent it (``raw.requested`` is the original string in ``timezone``).

    >>> raw = AuditLogInfoType.from_dict({"audit_log_id": 7, "requested": "2024-05-01 12:00:00"})
    >>> entry = AuditLogEntry.from_generated(raw, "Europe/Moscow")
    >>> entry.audit_log_id, entry.requested.isoformat()
    (7, '2024-05-01T09:00:00+00:00')
    """

    audit_log_id: int
    requested: datetime
    account_id: int | None
    subuser_id: int | None
    subuser_name: str | None
    ip: str | None
    cmd_name: str | None
    cmd_args: AuditLogInfoTypeCmdArgs | None = attrs.field(repr=_model_repr)
    cmd_result: AuditLogInfoTypeCmdResult | None = attrs.field(repr=_model_repr)
    timezone: str = attrs.field(eq=False)
    raw: AuditLogInfoType = attrs.field(repr=False, eq=False)

    _lazy_fields_: ClassVar[dict[str, Any]] = dict.fromkeys(
        ("account_id", "subuser_id", "subuser_name", "ip", "cmd_name", "cmd_args", "cmd_result", "raw"), _rest
    )
    _lazy_vendor_: ClassVar[str | None] = VENDOR

    @classmethod
    def from_generated(cls, raw: AuditLogInfoType, timezone: str) -> AuditLogEntry:
        """Wrap a generated record, reading ``requested`` in the answer's ``timezone``."""
        if not isinstance(raw.audit_log_id, int) or isinstance(raw.requested, Unset):
            raise ValueError("an audit-log record without audit_log_id or requested")
        return cls(
            audit_log_id=raw.audit_log_id,
            requested=parse_date(raw.requested, timezone),
            account_id=unset_to_none(raw.account_id),
            subuser_id=unset_to_none(raw.subuser_id),
            subuser_name=unset_to_none(raw.subuser_name),
            ip=unset_to_none(raw.ip),
            cmd_name=unset_to_none(raw.cmd_name),
            cmd_args=unset_to_none(raw.cmd_args),
            cmd_result=unset_to_none(raw.cmd_result),
            timezone=timezone,
            raw=raw,
        )

    @classmethod
    def from_csv_row(cls, row: Mapping[str, str], timezone: str = "UTC") -> AuditLogEntry:
        """Build a record from one row of the report CSV (see :data:`CSV_COLUMNS`).

        Integers come as decimal text, ``cmd_args``/``cmd_result`` as JSON text; empty
        cells mean "absent".

        >>> row = dict.fromkeys(CSV_COLUMNS, "")
        >>> row.update(audit_log_id="5", requested="2024-05-01 12:00:00", cmd_args='{"skill_id": [1]}')
        >>> AuditLogEntry.from_csv_row(row).cmd_args.skill_id
        [1]
        """
        data: dict[str, Any] = {}
        for key, value in row.items():
            if key is None or value is None or value == "":
                continue
            if key in _INT_COLUMNS:
                data[key] = int(value)
            elif key in _JSON_COLUMNS:
                decoded = json.loads(value)
                if decoded is None or decoded == "":
                    continue
                if decoded == []:  # an empty PHP array
                    decoded = {}
                if not isinstance(decoded, dict):
                    raise ValueError(f"{key} is not a JSON object")
                data[key] = decoded
            else:
                data[key] = value
        return cls.from_generated(_generated().from_dict(data), timezone)


_set_id = slot_setter(AuditLogEntry, "audit_log_id")
_set_requested = slot_setter(AuditLogEntry, "requested")
_set_tz = slot_setter(AuditLogEntry, "timezone")
_set_wire = slot_setter(AuditLogEntry, "_wire")
_fromiso = datetime.fromisoformat


_ZERO = timedelta(0)
_LAST_SECOND = timedelta(minutes=59, seconds=59)
#: IANA names of UTC itself (no offset, ever).
_UTC_ZONES = frozenset(
    {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0", "GMT-0"}
    | {"Etc/GMT-0", "Greenwich", "Etc/Greenwich", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}
)


class _Hours:
    """``requested`` texts of one answer read in its zone: per hour, the UTC offset when it is one all hour long.

    ``fromisoformat`` of the text as UTC, less that offset, is what :func:`parse_date` returns, at a
    fraction of its cost; an hour with a zone transition (and any other shape of text) goes to
    :func:`parse_date` itself.
    """

    def __init__(self, timezone: str) -> None:
        self.timezone = timezone
        self.zone = zone_info(timezone)
        self.offsets: dict[str, timedelta | None] = {}
        #: Zones whose offset is zero at all times need no look-up.
        self.fixed = _ZERO if self.zone.key in _UTC_ZONES else None

    def offset(self, hour: str) -> timedelta | None:
        """The UTC offset in force all through ``hour`` (``YYYY-MM-DD HH``), both folds; None if it changes."""
        if self.fixed is not None:
            return self.fixed
        try:
            start = _fromiso(hour + ":00:00")
        except ValueError:
            return None
        zone = self.zone
        offset = zone.utcoffset(start)
        y, m, d, h = start.year, start.month, start.day, start.hour
        ends = (start + _LAST_SECOND, datetime(y, m, d, h, fold=1), datetime(y, m, d, h, 59, 59, fold=1))
        if start.tzinfo is not None or any(zone.utcoffset(end) != offset for end in ends):
            return None
        return offset

    def read(self, text: Any) -> datetime:
        """``text`` as :func:`parse_date` reads it in this zone (a non-string is a :class:`ValueError`)."""
        if type(text) is str and len(text) == 19 and text[10] == " " and text[13] == ":" and text[16] == ":":
            offset = self.hour(text[:13])
            if offset is not None:
                try:
                    when = _fromiso(text + "+00:00")
                except ValueError:
                    pass
                else:
                    return when - offset if offset else when
        if not isinstance(text, str):
            raise ValueError(f"requested is not a string: {text!r}")
        return parse_date(text, self.timezone)

    def hour(self, hour: str) -> timedelta | None:
        """The offset of ``hour`` (``YYYY-MM-DD HH``), computed once per answer."""
        if hour in self.offsets:
            return self.offsets[hour]
        offset = self.offsets[hour] = self.offset(hour)
        return offset


def entries_from_wire(items: list[Any], timezone: str) -> list[AuditLogEntry]:
    """The records of one GetAuditLog answer's ``result`` (wire dicts), ``requested`` read in ``timezone``.

    The same records :meth:`AuditLogEntry.from_generated` builds, decoded lazily (see the module);
    a record without an integer ``audit_log_id`` or a readable ``requested`` is a :class:`ValueError`.
    The loop below is :meth:`_Hours.read` inlined (its fast path; the rest goes to ``read``).
    """
    keys = _generated().Keys
    id_key, requested_key = keys.AUDIT_LOG_ID, keys.REQUESTED
    hours = _Hours(timezone)
    usual = _usual(items, id_key, requested_key, hours)
    if usual is not None:
        return _entries(items, *usual, timezone)
    read, known_hour, fromiso = hours.read, hours.hour, _fromiso
    hour, offset = "", None  # the hour of the last record read, and its offset (None: read by parse_date)
    ids: list[Any] = []
    times: list[datetime] = []
    add_id, add_time = ids.append, times.append
    try:
        for wire in items:
            audit_log_id = wire.get(id_key)
            if type(audit_log_id) is not int and not isinstance(audit_log_id, int):
                raise ValueError("an audit-log record without audit_log_id or requested")
            add_id(audit_log_id)
            text = wire.get(requested_key, UNSET)
            if type(text) is str and len(text) == 19 and text[10] == " " and text[13] == ":" and text[16] == ":":
                if text[:13] != hour:
                    hour = text[:13]
                    offset = known_hour(hour)
                if offset is not None:
                    try:
                        when = fromiso(text + "+00:00")
                    except ValueError:
                        add_time(read(text))
                    else:
                        add_time(when - offset if offset else when)
                    continue
            if text is UNSET:
                raise ValueError("an audit-log record without audit_log_id or requested")
            add_time(read(text))
    except (AttributeError, TypeError) as exc:
        raise ValueError(f"an audit-log record that is not a JSON object: {exc}") from None
    return _entries(items, ids, times, timezone)


def _entries(items: list[Any], ids: list[Any], times: list[datetime], timezone: str) -> list[AuditLogEntry]:
    entries = list(map(object.__new__, repeat(AuditLogEntry, len(times))))
    deque(map(_set_wire, entries, items), 0)
    deque(map(_set_id, entries, ids), 0)
    deque(map(_set_requested, entries, times), 0)
    deque(map(_set_tz, entries, repeat(timezone)), 0)
    return entries


_marks = itemgetter(slice(10, 17, 3))  # the characters at 10, 13 and 16
_hour = itemgetter(slice(0, 13))


def _usual(items: list[Any], id_key: str, requested_key: str, hours: _Hours) -> tuple[list[Any], list[datetime]] | None:
    """(ids, times) of an answer whose records all have an int id and a usual ``requested``; else None.

    Read page-wide: every ``requested`` a 19-character string with `` ``, ``:`` and ``:`` at 10, 13
    and 16, in hours that all have one and the same offset (:meth:`_Hours.offset`): then
    ``fromisoformat`` of the text as UTC, less that offset, is :func:`parse_date`'s reading (a text it
    would refuse is a ``ValueError`` here, and the answer goes record by record).
    """
    try:
        if not items:
            return None
        ids = list(map(itemgetter(id_key), items))
        texts = list(map(itemgetter(requested_key), items))
        if (
            set(map(type, ids)) != {int}
            or set(map(type, texts)) != {str}
            or set(map(len, texts)) != {19}
            or set(map(_marks, texts)) != {" ::"}
        ):
            return None
        if hours.fixed is not None:
            offset: timedelta | None = hours.fixed
        else:
            offsets = set(map(hours.hour, set(map(_hour, texts))))
            offset = offsets.pop() if len(offsets) == 1 else None
            if offset is None:
                return None
        times = list(map(_fromiso, map(str.__add__, texts, repeat("+00:00"))))
        if offset:
            times = list(map(sub, times, repeat(offset)))
        return ids, times
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


@attrs.define
class AuditLogPage(HistoryGetAuditLogResponse200):
    """A GetAuditLog answer whose records are left as they came (``wire``), for :func:`entries_from_wire`."""

    wire: list[Any] = attrs.field(factory=list)


def read_audit_log_page(
    client: AuthenticatedClient | Client, response: httpx.Response
) -> HistoryGetAuditLogResponse200:
    """A GetAuditLog answer as :func:`voximplant_audit_api.api.subpackage_history.get_audit_log` reads it.

    The usual answer (HTTP 200, a JSON object with a ``result`` list) comes back as an
    :class:`AuditLogPage`, its records not decoded yet; every other answer goes through the
    generated client's own reading and :func:`parsed_body` (typed errors), as before.
    """
    if response.status_code == 200:
        try:
            data = json_body(response)
        except ValueError:
            data = None
        if isinstance(data, dict) and "error" not in data and isinstance(data.get("result", []), list):
            page = AuditLogPage(
                result=UNSET,
                total_count=data.get("total_count", UNSET),
                count=data.get("count", UNSET),
                timezone=data.get("timezone", UNSET),
                wire=data.get("result", []),
            )
            page.additional_properties = {
                k: v for k, v in data.items() if k not in ("result", "total_count", "count", "timezone")
            }
            return page
    from voximplant_audit_api.api.subpackage_history import get_audit_log

    return parsed_body(
        get_audit_log._build_response(client=client, response=response), "GetAuditLog", HistoryGetAuditLogResponse200
    )
