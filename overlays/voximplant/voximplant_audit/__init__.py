"""Typed Python SDK for the Voximplant Management API audit log.

The generated client lives in ``voximplant_audit_api``; this package adds what is
special about Voximplant on top of the shared ``audit_core``: the service-account
JWT, `;`-joined lists, the HTTP-200 error envelope, offset paging and the
GetAuditLogAsync report flow.

>>> import voximplant_audit
>>> voximplant_audit.__version__
'0.1.0'

Example (see the README for a complete one)::

    from voximplant_audit import Client
    with Client.from_credentials("credentials.json") as vox:
        for entry in vox.iter_audit_log(since, until, cmds=["CreateUser"]):
            print(entry.audit_log_id, entry.requested)
"""

from voximplant_audit_api import AuthenticatedClient as GeneratedClient

from ._auth import ENV_VAR, MAX_TOKEN_LIFETIME, Credentials, JWTAuth
from ._client import DEFAULT_BASE_URL, DEFAULT_CONCURRENCY, AsyncClient, Client
from ._errors import (
    ErrorCode,
    InvalidArgumentsError,
    ReportFailedError,
    ReportNotFoundError,
    ReportNotReadyError,
    ReportTimeoutError,
    VoximplantAPIError,
    VoximplantAuthenticationError,
    VoximplantRateLimitError,
)
from ._models import CSV_COLUMNS, AuditLogEntry
from ._report import ReportParser, TruncatedReportError
from ._wire import MAX_PAGE_SIZE, AuditFilters, join_repeated_keys

__version__ = "0.1.0"

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_BASE_URL",
    "DEFAULT_CONCURRENCY",
    "ENV_VAR",
    "MAX_PAGE_SIZE",
    "MAX_TOKEN_LIFETIME",
    "AsyncClient",
    "AuditFilters",
    "AuditLogEntry",
    "Client",
    "Credentials",
    "ErrorCode",
    "GeneratedClient",
    "InvalidArgumentsError",
    "JWTAuth",
    "ReportFailedError",
    "ReportNotFoundError",
    "ReportNotReadyError",
    "ReportParser",
    "ReportTimeoutError",
    "TruncatedReportError",
    "VoximplantAPIError",
    "VoximplantAuthenticationError",
    "VoximplantRateLimitError",
    "__version__",
    "join_repeated_keys",
]
