"""Zabbix: ``zabbix_audit.AuditRecord`` → :class:`auditpull.AuditEvent`."""

from __future__ import annotations

from typing import Any

from .._event import Actor, AuditEvent, Resource
from . import Numbering, OcsfClass, Vendor, account_change, api_activity, authentication, enum_text, opt_str

#: Resource types whose changes are account changes (users, groups, roles, API tokens, auth settings).
ACCOUNT_RESOURCES = frozenset({"user", "user_group", "user_role", "api_token", "authentication"})
_VERBS = {"add": "create", "update": "update", "delete": "delete"}


def to_event(rec: Any, numbering: Numbering) -> AuditEvent:
    """Map one Zabbix record (id: ``auditid``)."""
    action = enum_text(rec.action)
    outcome = {"login": "success", "failed_login": "failure"}.get(action)
    return AuditEvent(
        vendor="zabbix",
        id=rec.auditid,
        time=rec.clock,
        actor=Actor(id=opt_str(rec.userid), name=opt_str(rec.username), type="user"),
        action=action,
        resource=Resource(
            type=enum_text(rec.resourcetype),
            id=None if rec.resourceid in ("", "0") else rec.resourceid,
            name=opt_str(rec.resourcename),
        ),
        source_ip=opt_str(rec.ip),
        outcome=outcome,
        raw=rec.raw.to_dict(),
    )


def ocsf_class(event: AuditEvent) -> OcsfClass:
    """Logins, failed logins and logouts: Authentication; user/role/token/auth changes: Account Change."""
    if event.action in ("login", "failed_login"):
        return authentication("logon")
    if event.action == "logout":
        return authentication("logoff")
    verb = _VERBS.get(event.action)
    if event.resource.type in ACCOUNT_RESOURCES:
        return account_change(verb if verb in ("create", "delete") else None)
    return api_activity(verb)


VENDOR = Vendor(
    name="zabbix",
    package="zabbix_audit",
    product="Zabbix",
    vendor_name="Zabbix",
    to_event=to_event,
    ocsf_class=ocsf_class,
)
