"""Typed Python SDK for the Zabbix audit log.

The generated client lives in ``zabbix_audit_api``; this package adds what is
special about Zabbix on top of the shared ``audit_core``: JSON-RPC envelopes and
typed errors, authentication across versions (the ``auth`` member before 6.4,
``Authorization: Bearer`` from 6.4), typed records and exact keyset pagination.

>>> import zabbix_audit
>>> zabbix_audit.AuditAction.LOGIN.value
8
"""

from typing import TYPE_CHECKING

from audit_core import errors as _core_errors
from audit_core._exports import lazy_exports
from audit_core.errors import *  # noqa: F403 - the core errors a user catches, re-exported

from ._errors import ZabbixAPIError, ZabbixAuthenticationError, ZabbixPermissionError

if TYPE_CHECKING:
    from zabbix_audit_api import AuthenticatedClient as GeneratedClient

    from ._async._client import AsyncClient
    from ._auth import ZabbixAuth
    from ._models import AuditAction, AuditRecord, ResourceType
    from ._paging import AuditCursor
    from ._sync._client import Client

# The errors are imported with the package; the rest when first used (PEP 562), so that a sync
# user never imports the async client (nor an async user the sync one), and the generated models
# and the paging wait for the first pull (start-up time).
_LAZY = {
    "GeneratedClient": "zabbix_audit_api:AuthenticatedClient",
    "AsyncClient": "._async._client",
    "ZabbixAuth": "._auth",
    "AuditAction": "._models",
    "AuditRecord": "._models",
    "ResourceType": "._models",
    "AuditCursor": "._paging",
    "Client": "._sync._client",
}
if not TYPE_CHECKING:  # type checkers read the imports above (a module __getattr__ would make any name Any)
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__version__ = "0.2.0"

__all__ = [
    "AsyncClient",
    "AuditAction",
    "AuditCursor",
    "AuditRecord",
    "Client",
    "GeneratedClient",
    "ResourceType",
    "ZabbixAPIError",
    "ZabbixAuth",
    "ZabbixAuthenticationError",
    "ZabbixPermissionError",
    "__version__",
]
__all__ += _core_errors.__all__
