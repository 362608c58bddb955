"""Voximplant: ``voximplant_audit.AuditLogEntry`` → :class:`auditpull.AuditEvent`.

The record names the Management API command (``cmd_name``, like ``AddUser``);
its verb and noun give the OCSF activity and the resource type.
"""

from __future__ import annotations

import re
from typing import Any

from .._event import Actor, AuditEvent, Resource
from . import Numbering, OcsfClass, Vendor, account_change, api_activity, authentication, opt_str

_VERB = re.compile(
    r"^(Add|Create|Get|Set|Update|Change|Edit|Bind|Unbind|Delete|Del|Remove|Attach|Detach|Logon|Login|Logout)(?=[A-Z]|$)"
)
_VERBS = {
    "Add": "create",
    "Create": "create",
    "Get": "read",
    "Set": "update",
    "Update": "update",
    "Change": "update",
    "Edit": "update",
    "Bind": "update",
    "Unbind": "update",
    "Attach": "update",
    "Detach": "update",
    "Del": "delete",
    "Delete": "delete",
    "Remove": "delete",
}
#: Nouns of the commands that change who may use the account: admin users, sub-users, roles, keys.
ACCOUNT_NOUNS = frozenset({"AdminUser", "AdminRole", "SubUser", "Key", "KeyRoles", "AdminUserRoles", "SubUserRoles"})


def split_command(cmd: str) -> tuple[str | None, str]:
    """``"AddUser"`` → ``("Add", "User")``; a command without a known verb keeps it all as noun.

    >>> split_command("SetAccountInfo"), split_command("Transfer")
    (('Set', 'AccountInfo'), (None, 'Transfer'))
    """
    match = _VERB.match(cmd)
    return (match.group(1), cmd[match.end() :]) if match else (None, cmd)


def _snake(noun: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", noun).lower() or "account"


def _first(args: dict[str, Any], key: str) -> str | None:
    value = args.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return opt_str(value)


def to_event(entry: Any, numbering: Numbering) -> AuditEvent:
    """Map one Voximplant record (id: ``audit_log_id``)."""
    cmd = entry.cmd_name or ""
    _, noun = split_command(cmd)
    resource_type = _snake(noun.removesuffix("Info"))
    args: dict[str, Any] = entry.cmd_args.to_dict() if entry.cmd_args is not None else {}
    return AuditEvent(
        vendor="voximplant",
        id=str(entry.audit_log_id),
        time=entry.requested,
        actor=(
            Actor(id=str(entry.subuser_id), name=opt_str(entry.subuser_name), type="subuser")
            if entry.subuser_id
            else Actor(id=opt_str(entry.account_id), name=opt_str(entry.subuser_name), type="account_owner")
        ),
        action=cmd,
        resource=Resource(
            type=resource_type, id=_first(args, f"{resource_type}_id"), name=_first(args, f"{resource_type}_name")
        ),
        source_ip=opt_str(entry.ip),
        raw=entry.raw.to_dict(),
    )


def ocsf_class(event: AuditEvent) -> OcsfClass:
    """Logon/Logout commands: Authentication; admin users, sub-users, roles, keys: Account Change."""
    verb, noun = split_command(event.action)
    if verb in ("Logon", "Login"):
        return authentication("logon")
    if verb == "Logout":
        return authentication("logoff")
    crud = _VERBS.get(verb or "")
    if noun in ACCOUNT_NOUNS or noun.removesuffix("Info") in ACCOUNT_NOUNS:
        if verb in ("Attach", "Bind"):
            return account_change("attach_policy")
        if verb in ("Detach", "Unbind"):
            return account_change("detach_policy")
        return account_change(crud if crud in ("create", "delete") else None)
    return api_activity(crud)


VENDOR = Vendor(
    name="voximplant",
    package="voximplant_audit",
    product="Voximplant Management API",
    vendor_name="Voximplant",
    to_event=to_event,
    ocsf_class=ocsf_class,
)
