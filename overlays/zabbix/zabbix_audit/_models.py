"""Typed audit log records: enums for ``action`` and ``resourcetype``, aware UTC times, decoded details."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from audit_core import OpenIntEnum, enum_member, json_loads, utc_from_timestamp
from zabbix_audit_api.models import AuditLog
from zabbix_audit_api.types import Unset


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


@attrs.frozen
class AuditRecord:
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

    @property
    def timestamp(self) -> int:
        """``clock`` as the Unix timestamp Zabbix sent."""
        return int(_text(self.raw.clock))

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
        return cls.from_raw(AuditLog.from_dict(data))
