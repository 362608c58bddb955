"""What auditpull knows of each vendor: its environment, its SDK package and its mapping.

Everything vendor-specific lives in one small module per vendor (``voximplant``,
``nlpearl``, ``zabbix``, ``navixy``); the rest of auditpull is written against the
shared SDK contract only.
"""

from __future__ import annotations

import enum
import importlib
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs

from audit_core import EnvSpec

from .._event import AuditEvent


@attrs.frozen
class OcsfClass:
    """The OCSF class and activity of one event, with its status when the vendor says it."""

    class_uid: int
    activity_id: int
    activity_name: str


AUTHENTICATION = 3002
ACCOUNT_CHANGE = 3001
API_ACTIVITY = 6003


def api_activity(verb: str | None) -> OcsfClass:
    """API Activity (6003) for a create/read/update/delete verb; Other (99) for anything else.

    >>> api_activity("delete")
    OcsfClass(class_uid=6003, activity_id=4, activity_name='Delete')
    """
    ids = {"create": (1, "Create"), "read": (2, "Read"), "update": (3, "Update"), "delete": (4, "Delete")}
    uid, name = ids.get(verb or "", (99, "Other"))
    return OcsfClass(API_ACTIVITY, uid, name)


def account_change(verb: str | None) -> OcsfClass:
    """Account Change (3001): create, delete, enable/disable, MFA on/off, password; Other (99) else.

    >>> account_change("create").activity_id
    1
    """
    ids = {
        "create": (1, "Create"),
        "enable": (2, "Enable"),
        "password_change": (3, "Password Change"),
        "password_reset": (4, "Password Reset"),
        "disable": (5, "Disable"),
        "delete": (6, "Delete"),
        "attach_policy": (7, "Attach Policy"),
        "detach_policy": (8, "Detach Policy"),
        "lock": (9, "Lock"),
        "mfa_enable": (10, "MFA Factor Enable"),
        "mfa_disable": (11, "MFA Factor Disable"),
    }
    uid, name = ids.get(verb or "", (99, "Other"))
    return OcsfClass(ACCOUNT_CHANGE, uid, name)


def authentication(verb: str) -> OcsfClass:
    """Authentication (3002): ``logon`` (1) or ``logoff`` (2).

    >>> authentication("logoff").activity_name
    'Logoff'
    """
    return OcsfClass(AUTHENTICATION, 1, "Logon") if verb == "logon" else OcsfClass(AUTHENTICATION, 2, "Logoff")


class Numbering:
    """Occurrence numbers of identical records within one instant (for vendors without record ids).

    ``seed`` holds the occurrences already written (by an earlier run that stopped
    inside that instant), so numbering goes on where it stopped.

    >>> n = Numbering()
    >>> n.next("t|abc"), n.next("t|abc"), n.next("t|xyz")
    (1, 2, 1)
    """

    def __init__(self, seed: Mapping[str, int] | None = None) -> None:
        self._counts: Counter[str] = Counter(seed or {})
        self._instant: object = None

    def next(self, key: str, instant: object = None) -> int:
        """The next occurrence number of ``key``; counts are dropped when ``instant`` moves on."""
        if instant is not None and instant != self._instant:
            if self._instant is not None:
                self._counts = Counter({k: v for k, v in self._counts.items() if k.startswith(f"{instant}|")})
            self._instant = instant
        self._counts[key] += 1
        return self._counts[key]


@attrs.frozen
class Vendor:
    """One vendor as auditpull sees it."""

    name: str
    package: str
    product: str
    vendor_name: str
    to_event: Callable[[Any, Numbering], AuditEvent]
    ocsf_class: Callable[[AuditEvent], OcsfClass]
    #: The keyword of the SDK constructors that takes the API's URL (for ``--url``).
    url_keyword: str = "base_url"
    #: The SDK's cursor from a token (default: the token itself, which the SDK contract accepts).
    resume: Callable[[Any, str], Any] = lambda module, token: token
    #: Occurrence counts to go on numbering from (vendors whose ids are numbered: NLPearl).
    numbering_seed: Callable[[Mapping[str, datetime], datetime | None], dict[str, int]] = lambda recent, at: {}

    def env(self) -> EnvSpec | None:
        """The environment variables the SDK's ``from_env()`` reads: its own ``Client.ENV``.

        ``None`` when the SDK is not installed.
        """
        try:
            spec: EnvSpec | None = self.module().Client.ENV
        except ModuleNotFoundError:
            return None
        return spec

    def module(self) -> Any:
        """The vendor's SDK package (``ModuleNotFoundError`` names the extra to install)."""
        try:
            return importlib.import_module(self.package)
        except ModuleNotFoundError as exc:
            if exc.name != self.package:
                raise
            raise ModuleNotFoundError(
                f"the {self.name} SDK is not installed: pip install 'auditpull[{self.name}]'", name=self.package
            ) from None


def enum_text(value: object) -> str:
    """An enum field as text: a string enum's value, an int enum's lower-case name.

    Unknown values of open enums read as ``unknown_<value>``.

    >>> import enum
    >>> class Kind(enum.IntEnum):
    ...     HOST = 4
    >>> enum_text(Kind.HOST), enum_text(7), enum_text("tracker")
    ('host', 'unknown_7', 'tracker')
    """
    if isinstance(value, enum.Enum):
        if isinstance(value.value, str):
            return value.value
        return value.name.lower()
    if isinstance(value, int):
        return f"unknown_{value}"
    return str(value)


def opt_str(value: object) -> str | None:
    """``None`` and ``""`` as None, anything else as text.

    >>> opt_str(""), opt_str(5)
    (None, '5')
    """
    if value is None or value == "":
        return None
    return str(value)


def registry() -> dict[str, Vendor]:
    """Every vendor auditpull knows, by name, in the order of the help text."""
    from . import navixy, nlpearl, voximplant, zabbix

    return {v.VENDOR.name: v.VENDOR for v in (voximplant, nlpearl, zabbix, navixy)}


def vendor_of(client: object) -> Vendor:
    """The vendor of an SDK ``Client`` or ``AsyncClient`` (from its package).

    >>> vendor_of(object())
    Traceback (most recent call last):
    ...
    TypeError: not a client of a vendor SDK auditpull knows: object
    """
    package = type(client).__module__.split(".")[0]
    for vendor in registry().values():
        if vendor.package == package:
            return vendor
    raise TypeError(f"not a client of a vendor SDK auditpull knows: {type(client).__name__}")
