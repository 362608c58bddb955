"""Navixy: ``navixy_audit.AuditRecord`` → :class:`auditpull.AuditEvent`."""

from __future__ import annotations

from typing import Any

from .._event import Actor, AuditEvent, Resource
from . import Numbering, OcsfClass, Vendor, account_change, api_activity, authentication, enum_text, opt_str

#: Entry categories whose changes are account changes.
ACCOUNT_CATEGORIES = frozenset({"user", "subuser", "api_key", "role", "security_group", "session"})


def to_event(rec: Any, numbering: Numbering) -> AuditEvent:
    """Map one Navixy record (id: the record's ``id``)."""
    payload = rec.payload or {}
    name = payload.get("name") if isinstance(payload, dict) else None
    return AuditEvent(
        vendor="navixy",
        id=str(rec.id),
        time=rec.action_date,
        actor=(
            Actor(id=str(rec.subuser_id), type="subuser")
            if rec.subuser_id
            else Actor(id=str(rec.user_id), type="master_user")
        ),
        action=enum_text(rec.action),
        resource=Resource(type=enum_text(rec.entry_category), id=opt_str(rec.entry_id), name=opt_str(name)),
        source_ip=opt_str(rec.host),
        user_agent=opt_str(rec.user_agent),
        raw=rec.raw.to_dict(),
    )


def ocsf_class(event: AuditEvent) -> OcsfClass:
    """``login``/``logout`` actions: Authentication; user, sub-user, key, role changes: Account Change."""
    if event.action == "login":
        return authentication("logon")
    if event.action == "logout":
        return authentication("logoff")
    if event.resource.type in ACCOUNT_CATEGORIES:
        return account_change(event.action if event.action in ("create", "delete") else None)
    return api_activity(event.action)


VENDOR = Vendor(
    name="navixy",
    package="navixy_audit",
    product="Navixy",
    vendor_name="Navixy",
    to_event=to_event,
    ocsf_class=ocsf_class,
)
