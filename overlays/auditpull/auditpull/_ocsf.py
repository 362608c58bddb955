"""OCSF 1.1.0 records of :class:`AuditEvent` (Authentication, Account Change, API Activity)."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta
from typing import Any

from ._event import AuditEvent, jsonable
from ._vendors import ACCOUNT_CHANGE, API_ACTIVITY, AUTHENTICATION, registry

OCSF_VERSION = "1.1.0"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CLASSES = {
    AUTHENTICATION: ("Authentication", 3, "Identity & Access Management"),
    ACCOUNT_CHANGE: ("Account Change", 3, "Identity & Access Management"),
    API_ACTIVITY: ("API Activity", 6, "Application Activity"),
}
_USER_TYPES = {
    "user": (1, "User"),
    "subuser": (1, "User"),
    "platform": (1, "User"),
    "master_user": (2, "Admin"),
    "account_owner": (2, "Admin"),
    "system": (3, "System"),
}
#: Raw fields each vendor's AuditEvent already carries; the others go under ``unmapped``.
MAPPED_RAW = {
    "voximplant": frozenset(
        {"audit_log_id", "account_id", "requested", "subuser_id", "subuser_name", "ip", "cmd_name"}
    ),
    "nlpearl": frozenset({"timestamp", "eventType", "user"}),
    "zabbix": frozenset(
        {"auditid", "clock", "userid", "username", "ip", "action", "resourcetype", "resourceid", "resourcename"}
    ),
    "navixy": frozenset(
        {"id", "user_id", "subuser_id", "entry_category", "entry_id", "action", "host", "user_agent", "action_date"}
    ),
}


def epoch_ms(value: datetime) -> int:
    """Milliseconds since the epoch, exact (no float rounding).

    >>> epoch_ms(datetime(2024, 5, 1, 0, 0, 0, 999_999, tzinfo=UTC))
    1714521600999
    """
    return (value - _EPOCH) // timedelta(milliseconds=1)


def _user(uid: str | None, name: str | None, kind: str | None) -> dict[str, Any]:
    user: dict[str, Any] = {}
    if uid is not None:
        user["uid"] = uid
    if name is not None:
        user["name"] = name
    if not user:
        user["name"] = "unknown"
    type_id, type_name = _USER_TYPES.get(kind or "", (99, kind) if kind else (0, "Unknown"))
    user["type_id"] = type_id
    user["type"] = type_name
    return user


def _endpoint(address: str | None) -> dict[str, Any]:
    if address is None:
        return {"name": "unknown"}
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return {"hostname": address}
    return {"ip": address}


def _message(event: AuditEvent) -> str:
    who = event.actor.name or event.actor.id or "unknown"
    what = " ".join(p for p in (event.resource.type, event.resource.name or event.resource.id) if p)
    return f"{who}: {event.action}" + (f" {what}" if what else "")


def to_ocsf(event: AuditEvent) -> dict[str, Any]:
    """The OCSF 1.1.0 record of ``event``: class by vendor action (see the README), time in epoch ms.

    >>> from auditpull import AuditEvent, Actor
    >>> ev = AuditEvent(vendor="zabbix", id="c1", time=datetime(2024, 5, 1, tzinfo=UTC),
    ...                 actor=Actor("1", "Admin", "user"), action="login", outcome="success")
    >>> rec = to_ocsf(ev)
    >>> rec["class_uid"], rec["activity_id"], rec["type_uid"], rec["time"], rec["metadata"]["uid"]
    (3002, 1, 300201, 1714521600000, 'zabbix:c1')
    """
    vendor = registry()[event.vendor]
    chosen = vendor.ocsf_class(event)
    class_name, category_uid, category_name = _CLASSES[chosen.class_uid]
    actor = _user(event.actor.id, event.actor.name, event.actor.type)
    record: dict[str, Any] = {
        "class_uid": chosen.class_uid,
        "class_name": class_name,
        "category_uid": category_uid,
        "category_name": category_name,
        "activity_id": chosen.activity_id,
        "activity_name": chosen.activity_name,
        "type_uid": chosen.class_uid * 100 + chosen.activity_id,
        "type_name": f"{class_name}: {chosen.activity_name}",
        "time": epoch_ms(event.time),
        "severity_id": 1,
        "severity": "Informational",
        "metadata": {
            "version": OCSF_VERSION,
            "uid": f"{event.vendor}:{event.id}",
            "product": {"name": vendor.product, "vendor_name": vendor.vendor_name},
        },
        "actor": {"user": actor},
        "src_endpoint": _endpoint(event.source_ip),
        "message": _message(event),
    }
    if event.outcome is not None:
        record["status_id"], record["status"] = (1, "Success") if event.outcome == "success" else (2, "Failure")
    if event.user_agent is not None:
        record["http_request"] = {"user_agent": event.user_agent}
    resource = event.resource
    if chosen.class_uid == AUTHENTICATION:
        record["user"] = actor
        record["service"] = {"name": vendor.product}  # what was logged on to
    elif chosen.class_uid == ACCOUNT_CHANGE:
        target = resource.type in ("user", "subuser", "admin_user", "sub_user")
        record["user"] = _user(resource.id, resource.name, resource.type) if target else actor
    unmapped = {k: v for k, v in event.raw.items() if k not in MAPPED_RAW.get(event.vendor, frozenset())}
    if chosen.class_uid == API_ACTIVITY:
        record["api"] = {"operation": event.action or "unknown", "service": {"name": vendor.product}}
        details = {k: v for k, v in (("type", resource.type), ("uid", resource.id), ("name", resource.name)) if v}
        if resource.id or resource.name:  # a resource needs its uid or name
            record["resources"] = [details]
    else:  # the IAM classes have no "api" without the cloud profile: the vendor's action stays under unmapped
        unmapped = {"action": event.action, **unmapped}
    if unmapped:
        record["unmapped"] = jsonable(unmapped)
    return record
