"""Typed audit log records: enums for ``action`` and ``resourcetype``, aware UTC times, decoded details.

Records of an ``auditlog.get`` answer are built lazily (:class:`audit_core.LazyRecord`,
:func:`records_from_wire`): ``auditid``, ``clock``, ``action`` and ``resourcetype`` at once (a record
whose clock, action or resourcetype does not read fails the pull as before; so does a ``details``
that is not a string); ``details`` (its JSON decoded), the other strings and ``raw`` on first access.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from audit_core import LazyRecord, OpenIntEnum, enum_member, json_loads, slot_setter, utc_from_timestamp
from zabbix_audit_api.types import UNSET, Unset

if TYPE_CHECKING:
    from zabbix_audit_api.models.audit_log import AuditLog


@functools.cache  # imported on first use (start-up), looked up once
def _generated() -> type[AuditLog]:
    from zabbix_audit_api.models.audit_log import AuditLog

    return AuditLog


class AuditAction(OpenIntEnum):
    """What was done (``action`` of an audit record), as documented by Zabbix.

    6.0 defines 0-10; ``CONFIG_REFRESH`` (11) and ``PUSH`` (12) come with 7.0.
    A value this SDK does not know yet is a member too, named ``UNKNOWN_<value>``.

    >>> AuditAction(8).name, AuditAction(99).name, AuditAction(99).value, AuditAction(99).is_known
    ('LOGIN', 'UNKNOWN_99', 99, False)
    """

    ADD = 0
    UPDATE = 1
    DELETE = 2
    LOGOUT = 4
    EXECUTE = 7
    LOGIN = 8
    FAILED_LOGIN = 9
    HISTORY_CLEAR = 10
    CONFIG_REFRESH = 11
    PUSH = 12


class ResourceType(OpenIntEnum):
    """What it was done to (``resourcetype`` of an audit record), as defined by Zabbix 6.0 and 7.0 (49-55).

    A value this SDK does not know yet (a newer server's) is a member named ``UNKNOWN_<value>``.

    >>> ResourceType(14).name, ResourceType(60).name
    ('HOST_GROUP', 'UNKNOWN_60')
    """

    USER = 0
    MEDIA_TYPE = 3
    HOST = 4
    ACTION = 5
    GRAPH = 6
    USER_GROUP = 11
    TRIGGER = 13
    HOST_GROUP = 14
    ITEM = 15
    IMAGE = 16
    VALUE_MAP = 17
    SERVICE = 18
    MAP = 19
    WEB_SCENARIO = 22
    DISCOVERY_RULE = 23
    SCRIPT = 25
    PROXY = 26
    MAINTENANCE = 27
    REGULAR_EXPRESSION = 28
    MACRO = 29
    TEMPLATE = 30
    TRIGGER_PROTOTYPE = 31
    ICON_MAPPING = 32
    DASHBOARD = 33
    EVENT_CORRELATION = 34
    GRAPH_PROTOTYPE = 35
    ITEM_PROTOTYPE = 36
    HOST_PROTOTYPE = 37
    AUTOREGISTRATION = 38
    MODULE = 39
    SETTINGS = 40
    HOUSEKEEPING = 41
    AUTHENTICATION = 42
    TEMPLATE_DASHBOARD = 43
    USER_ROLE = 44
    API_TOKEN = 45
    SCHEDULED_REPORT = 46
    HA_NODE = 47
    SLA = 48
    USER_DIRECTORY = 49
    TEMPLATE_GROUP = 50
    CONNECTOR = 51
    LLD_RULE = 52
    HISTORY = 53
    MFA = 54
    PROXY_GROUP = 55


def _text(value: str | Unset) -> str:
    return "" if isinstance(value, Unset) else value


def _decode_details(raw: str) -> Any:
    if not raw:
        return None
    try:
        return json_loads(raw)
    except ValueError:  # not JSON after all: hand the text back untouched
        return raw


def _rest(wire: dict[str, Any]) -> dict[str, Any]:
    """The lazily decoded fields of a record built from ``wire``: through the generated model, as ``from_raw``."""
    raw = _generated().from_dict(wire)
    return {
        "details": _decode_details(_text(raw.details)),
        "userid": _text(raw.userid),
        "username": _text(raw.username),
        "ip": _text(raw.ip),
        "resourceid": _text(raw.resourceid),
        "resource_cuid": _text(raw.resource_cuid),
        "resourcename": _text(raw.resourcename),
        "recordsetid": _text(raw.recordsetid),
        "raw": raw,
    }


@attrs.frozen
class AuditRecord(LazyRecord):
    """One audit log record with typed fields; ``raw`` is the record as Zabbix sent it.

    - ``clock``: aware UTC datetime; ``action``/``resourcetype``: always an :class:`AuditAction` /
      :class:`ResourceType` (``UNKNOWN_<value>`` for a value this SDK does not know, ``.value`` kept);
    - ``details``: the decoded JSON (``None`` when empty, the text itself if it is not JSON);
    - ids stay strings (``auditid``, ``recordsetid`` are CUIDs; ``"0"`` means none).

    >>> rec = AuditRecord.from_wire({"auditid": "c" * 25, "clock": "0", "action": "99", "resourcetype": "14",
    ...                              "details": '{"hostgroup.name": ["add", "x"]}'})
    >>> rec.clock.isoformat(), rec.action.name, rec.action.value, rec.resourcetype.name, rec.details["hostgroup.name"]
    ('1970-01-01T00:00:00+00:00', 'UNKNOWN_99', 99, 'HOST_GROUP', ['add', 'x'])
    """

    auditid: str
    clock: datetime
    action: AuditAction
    resourcetype: ResourceType
    details: Any
    userid: str
    username: str
    ip: str
    resourceid: str
    resource_cuid: str
    resourcename: str
    recordsetid: str
    raw: AuditLog = attrs.field(repr=False, eq=False)

    _lazy_fields_: ClassVar[dict[str, Any]] = dict.fromkeys(
        (
            "details",
            "userid",
            "username",
            "ip",
            "resourceid",
            "resource_cuid",
            "resourcename",
            "recordsetid",
            "raw",
        ),
        _rest,
    )
    _lazy_vendor_: ClassVar[str | None] = "zabbix"

    @property
    def timestamp(self) -> int:
        """``clock`` as the Unix timestamp Zabbix sent (a whole second)."""
        return int(self.clock.timestamp())

    @classmethod
    def from_raw(cls, raw: AuditLog) -> AuditRecord:
        """Type a generated :class:`AuditLog` (every field a string, as on the wire)."""
        return cls(
            auditid=_text(raw.auditid),
            clock=utc_from_timestamp(_text(raw.clock) or "0"),
            action=enum_member(AuditAction, int(_text(raw.action) or "-1")),
            resourcetype=enum_member(ResourceType, int(_text(raw.resourcetype) or "-1")),
            details=_decode_details(_text(raw.details)),
            userid=_text(raw.userid),
            username=_text(raw.username),
            ip=_text(raw.ip),
            resourceid=_text(raw.resourceid),
            resource_cuid=_text(raw.resource_cuid),
            resourcename=_text(raw.resourcename),
            recordsetid=_text(raw.recordsetid),
            raw=raw,
        )

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> AuditRecord:
        """Type one record of an ``auditlog.get`` answer (a JSON object of strings)."""
        return cls.from_raw(_generated().from_dict(data))


_CLOCK = "clock"  # checked against the spec's name in records_from_wire
_set_wire = slot_setter(AuditRecord, "_wire")
_set_auditid = slot_setter(AuditRecord, "auditid")
_set_clock = slot_setter(AuditRecord, "clock")
_set_action = slot_setter(AuditRecord, "action")
_set_resourcetype = slot_setter(AuditRecord, "resourcetype")


def records_from_wire(result: list[dict[str, Any]]) -> list[AuditRecord]:
    """The records of an ``auditlog.get`` result (wire dicts), decoded lazily (see the module).

    The same values :meth:`AuditRecord.from_wire` gives, and the same errors at once for
    ``clock``, ``action`` and ``resourcetype`` (read once per distinct text in an answer); a record
    whose ``details`` is neither a string nor missing goes through :meth:`AuditRecord.from_wire`.
    """
    keys = _generated().Keys
    if keys.CLOCK != _CLOCK:  # AuditRecord.timestamp reads the wire by this name
        raise RuntimeError(f"the spec names clock {keys.CLOCK!r}: update zabbix_audit._models._CLOCK")
    id_key, clock_key, action_key, type_key, details_key = (
        keys.AUDITID,
        keys.CLOCK,
        keys.ACTION,
        keys.RESOURCETYPE,
        keys.DETAILS,
    )
    clocks: dict[Any, datetime] = {}
    actions: dict[Any, AuditAction] = {}
    types: dict[Any, ResourceType] = {}
    new, cls = object.__new__, AuditRecord
    set_wire, set_id, set_clock, set_action, set_type = (
        _set_wire,
        _set_auditid,
        _set_clock,
        _set_action,
        _set_resourcetype,
    )
    out: list[AuditRecord] = []
    append = out.append
    for wire in result:
        details = wire.get(details_key, "")
        if type(details) is not str:
            append(cls.from_wire(wire))
            continue
        clock = wire.get(clock_key, UNSET)
        action = wire.get(action_key, UNSET)
        kind = wire.get(type_key, UNSET)
        try:
            when = clocks[clock]
        except KeyError:
            when = clocks[clock] = utc_from_timestamp(_text(clock) or "0")
        except TypeError:  # unhashable: not a string, read as from_raw reads it
            when = utc_from_timestamp(_text(clock) or "0")
        try:
            member = actions[action]
        except KeyError:
            member = actions[action] = enum_member(AuditAction, int(_text(action) or "-1"))
        except TypeError:
            member = enum_member(AuditAction, int(_text(action) or "-1"))
        try:
            resource = types[kind]
        except KeyError:
            resource = types[kind] = enum_member(ResourceType, int(_text(kind) or "-1"))
        except TypeError:
            resource = enum_member(ResourceType, int(_text(kind) or "-1"))
        record = new(cls)
        set_wire(record, wire)
        set_id(record, _text(wire.get(id_key, UNSET)))
        set_clock(record, when)
        set_action(record, member)
        set_type(record, resource)
        append(record)
    return out
