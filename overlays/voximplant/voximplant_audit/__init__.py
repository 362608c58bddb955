"""Typed Python SDK for the Voximplant Management API audit log.

The generated client lives in ``voximplant_audit_api``; this package adds what is
special about Voximplant on top of the shared ``audit_core``: the service-account
JWT, `;`-joined lists, the HTTP-200 error envelope, the half-open window and
position cursor of GetAuditLog, and the GetAuditLogAsync report flow.

>>> import voximplant_audit
>>> voximplant_audit.__version__
'0.2.0'

Example (see the README for a complete one)::

    from voximplant_audit import Client
    with Client.from_credentials("credentials.json") as vox:
        for entry in vox.iter_audit_log(since, until, cmds=["CreateUser"]):
            print(entry.audit_log_id, entry.requested)
"""

from typing import TYPE_CHECKING

from audit_core import errors as _core_errors
from audit_core._exports import lazy_exports
from audit_core.errors import *  # noqa: F403 - the core errors a user catches, re-exported

from ._errors import (
    ErrorCode,
    InvalidArgumentsError,
    ReportFailedError,
    ReportNotFoundError,
    ReportNotReadyError,
    ReportTimeoutError,
    VoximplantAPIError,
    VoximplantAuthenticationError,
    VoximplantNotFoundError,
    VoximplantPermissionDeniedError,
    VoximplantRateLimitError,
)

if TYPE_CHECKING:
    from voximplant_audit_api import AuthenticatedClient as GeneratedClient

    from ._async._client import (
        DEFAULT_BASE_URL,
        DEFAULT_CONCURRENCY,
        AsyncClient,
        AsyncOptions,
        AsyncVoximplantOptions,
    )
    from ._async._prefetch import AsyncAuditLogPager
    from ._auth import ENV_VAR, MAX_TOKEN_LIFETIME, Credentials, JWTAuth
    from ._models import CSV_COLUMNS, AuditLogEntry
    from ._paging import AuditLogCursor
    from ._report import ReportParser, TruncatedReportError
    from ._sync._client import Client, Options, VoximplantOptions
    from ._sync._prefetch import AuditLogPager
    from ._wire import MAX_PAGE_SIZE, AuditFilters, join_repeated_keys

# The errors are imported with the package; the rest when first used (PEP 562), so that a sync
# user never imports the async client (nor an async user the sync one), and the generated models,
# the paging and the report flow wait for the first pull (start-up time).
_LAZY = {
    "GeneratedClient": "voximplant_audit_api:AuthenticatedClient",
    "DEFAULT_BASE_URL": "._async._client",
    "DEFAULT_CONCURRENCY": "._async._client",
    "AsyncClient": "._async._client",
    "AsyncOptions": "._async._client",
    "AsyncVoximplantOptions": "._async._client",
    "ENV_VAR": "._auth",
    "MAX_TOKEN_LIFETIME": "._auth",
    "Credentials": "._auth",
    "JWTAuth": "._auth",
    "CSV_COLUMNS": "._models",
    "AuditLogEntry": "._models",
    "AuditLogCursor": "._paging",
    "AsyncAuditLogPager": "._async._prefetch",
    "AuditLogPager": "._sync._prefetch",
    "ReportParser": "._report",
    "TruncatedReportError": "._report",
    "Client": "._sync._client",
    "Options": "._sync._client",
    "VoximplantOptions": "._sync._client",
    "MAX_PAGE_SIZE": "._wire",
    "AuditFilters": "._wire",
    "join_repeated_keys": "._wire",
}
if not TYPE_CHECKING:  # type checkers read the imports above (a module __getattr__ would make any name Any)
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__version__ = "0.2.0"

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_BASE_URL",
    "DEFAULT_CONCURRENCY",
    "ENV_VAR",
    "MAX_PAGE_SIZE",
    "MAX_TOKEN_LIFETIME",
    "AsyncAuditLogPager",
    "AsyncClient",
    "AsyncOptions",
    "AsyncVoximplantOptions",
    "AuditFilters",
    "AuditLogCursor",
    "AuditLogEntry",
    "AuditLogPager",
    "Client",
    "Credentials",
    "ErrorCode",
    "GeneratedClient",
    "InvalidArgumentsError",
    "JWTAuth",
    "Options",
    "VoximplantOptions",
    "ReportFailedError",
    "ReportNotFoundError",
    "ReportNotReadyError",
    "ReportParser",
    "ReportTimeoutError",
    "TruncatedReportError",
    "VoximplantAPIError",
    "VoximplantAuthenticationError",
    "VoximplantNotFoundError",
    "VoximplantPermissionDeniedError",
    "VoximplantRateLimitError",
    "__version__",
    "join_repeated_keys",
]
__all__ += _core_errors.__all__
