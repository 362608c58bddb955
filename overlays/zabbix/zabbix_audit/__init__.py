"""Typed Python SDK for the Zabbix audit log.

The generated client lives in ``zabbix_audit_api``; this package adds what is
special about Zabbix on top of the shared ``audit_core``: JSON-RPC envelopes and
typed errors, authentication across versions (the ``auth`` member before 6.4,
``Authorization: Bearer`` from 6.4), typed records and exact keyset pagination.

>>> import zabbix_audit
>>> zabbix_audit.AuditAction.LOGIN.value
8
"""

from audit_core import errors as _core_errors
from audit_core.errors import *  # noqa: F403 - the core errors a user catches, re-exported
from zabbix_audit_api import AuthenticatedClient as GeneratedClient

from ._async._client import AsyncClient
from ._auth import ZabbixAuth
from ._errors import ZabbixAPIError, ZabbixAuthenticationError, ZabbixPermissionError
from ._models import AuditAction, AuditRecord, ResourceType
from ._paging import AuditCursor
from ._sync._client import Client

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
