"""NLPearl: ``nlpearl_audit.AuditEvent`` → :class:`auditpull.AuditEvent`.

NLPearl's records carry no id. The id is derived from the record's content: the
SHA-256 of its canonical JSON (sorted keys, no blanks; the timestamp is part of
it), and the occurrence number of byte-identical records at that instant, so
``<hash>-1``, ``<hash>-2``... stay distinct and the same on every run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._event import Actor, AuditEvent, Resource
from . import Numbering, OcsfClass, Vendor, account_change, api_activity, authentication, enum_text

#: event type → (resource type, OCSF class)
_EVENTS: dict[str, tuple[str, OcsfClass]] = {
    "login_attempt": ("user", authentication("logon")),
    "login_successful": ("user", authentication("logon")),
    "publish_pearl": ("pearl", api_activity("update")),
    "pearl_status": ("pearl", api_activity("update")),
    "transfer_pearl": ("pearl", api_activity("update")),
    "delete_pearl": ("pearl", api_activity("delete")),
    "create_api_key": ("api_key", account_change("create")),
    "delete_api_key": ("api_key", account_change("delete")),
    "purchase_agents": ("agent", api_activity("create")),
    "delete_agent": ("agent", api_activity("delete")),
    "set_billing_details": ("billing", api_activity("update")),
    "set_payment_method": ("billing", api_activity("update")),
    "set_subscription": ("subscription", api_activity("update")),
    "cancel_subscription": ("subscription", api_activity("update")),
    "purchase_credits": ("credits", api_activity("create")),
    "set_auto_recharge": ("billing", api_activity("update")),
    "invite_user": ("user", account_change("create")),
    "user_join": ("user", account_change("enable")),
    "invitation_canceled": ("user", account_change("delete")),
    "update_user_role": ("user", account_change("attach_policy")),
    "update_account_informations": ("account", api_activity("update")),
    "remove_user_from_the_account": ("user", account_change("delete")),
    "user_left_account": ("user", account_change("delete")),
    "update_session_ttl": ("account", account_change(None)),
    "set_2fa": ("user", account_change("mfa_enable")),
}
_IP_KEYS = ("ip", "ipaddress", "ip_address", "clientip")
_AGENT_KEYS = ("useragent", "user_agent")
_ID_KEYS = ("id", "pearlid", "userid", "apikeyid", "keyid", "agentid")
_NAME_KEYS = ("name", "pearlname", "username", "email", "keyname")


def _lookup(data: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    lowered = {k.lower(): v for k, v in data.items()}
    for key in keys:
        if lowered.get(key):
            return lowered[key]
    return None


def content_hash(raw: Mapping[str, Any]) -> str:
    """The first 24 hex digits of the SHA-256 of the record's canonical JSON.

    >>> content_hash({"timestamp": "2024-05-01T10:00:00Z", "eventType": 2})
    'dbb5efec07239c4515b4a98f'
    """
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def to_event(ev: Any, numbering: Numbering) -> AuditEvent:
    """Map one NLPearl event (``<hash>-<occurrence>`` as id, see the module doc)."""
    digest = content_hash(ev.raw)
    instant = ev.timestamp.isoformat()
    occurrence = numbering.next(f"{instant}|{digest}", instant)
    user = ev.user
    action = enum_text(ev.event_type)
    resource_type = _EVENTS.get(action, ("account", api_activity(None)))[0]
    data: Mapping[str, str] = ev.additional_data
    resource_id = _lookup(data, _ID_KEYS)
    resource_name = _lookup(data, _NAME_KEYS)
    if resource_type == "user" and resource_id is None and action.startswith("login") and user is not None:
        resource_id, resource_name = user.id, user.name
    outcome = "success" if action == "login_successful" else None
    return AuditEvent(
        vendor="nlpearl",
        id=f"{digest}-{occurrence}",
        time=ev.timestamp,
        actor=Actor(
            id=user.id if user else None,
            name=user.name if user else None,
            type=enum_text(user.type) if user is not None and user.type is not None else None,
        ),
        action=action,
        resource=Resource(resource_type, resource_id, resource_name),
        source_ip=_lookup(data, _IP_KEYS),
        user_agent=_lookup(data, _AGENT_KEYS),
        outcome=outcome,
        raw=ev.raw,
    )


def ocsf_class(event: AuditEvent) -> OcsfClass:
    """The OCSF class and activity of an NLPearl event type (see the README's table)."""
    return _EVENTS.get(event.action, ("account", api_activity(None)))[1]


def numbering_seed(recent: Mapping[str, datetime], position: datetime | None) -> dict[str, int]:
    """Occurrences already written at ``position`` (the cursor's instant), by content hash.

    >>> from datetime import UTC
    >>> t = datetime(2024, 5, 1, tzinfo=UTC)
    >>> numbering_seed({"ab-1": t, "ab-2": t, "cd-1": t}, t)
    {'2024-05-01T00:00:00+00:00|ab': 2, '2024-05-01T00:00:00+00:00|cd': 1}
    """
    seed: dict[str, int] = {}
    if position is None:
        return seed
    for ident, when in recent.items():
        digest, _, number = ident.rpartition("-")
        if when == position and number.isdigit():
            key = f"{position.isoformat()}|{digest}"
            seed[key] = max(seed.get(key, 0), int(number))
    return seed


VENDOR = Vendor(
    name="nlpearl",
    package="nlpearl_audit",
    product="NLPearl",
    vendor_name="NLPearl",
    to_event=to_event,
    ocsf_class=ocsf_class,
    numbering_seed=numbering_seed,
)
