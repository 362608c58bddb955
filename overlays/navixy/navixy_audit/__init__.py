"""Typed Python SDK for the Navixy audit log.

The generated client lives in ``navixy_audit_api``; this package adds what is
special about Navixy on top of the shared ``audit_core``: ``NVX`` auth with an
API key or a renewed session, the error envelope as typed exceptions, ISO
dates independent of the user's time zone, and exact iteration
(``iter_audit_log``) over an API that pages with offsets and unstable ties.

>>> import navixy_audit
>>> navixy_audit.__version__
'0.2.0'

Example (against a real account)::

    from datetime import datetime, timedelta, timezone
    from navixy_audit import Client

    until = datetime.now(timezone.utc)
    with Client(api_key="...") as nvx:  # or login="...", password="..."; base_url= for another platform
        for rec in nvx.iter_audit_log(until - timedelta(days=1), until, actions=["create"]):
            print(rec.id, rec.action, rec.entry_category, rec.action_date, rec.payload)
"""

from typing import TYPE_CHECKING

from audit_core import errors as _core_errors
from audit_core._exports import lazy_exports
from audit_core.errors import *  # noqa: F403 - the core errors a user catches, re-exported

from ._errors import (
    AccessDeniedError,
    DatabaseUnavailableError,
    DealerNotFoundError,
    DemoModeError,
    DeviceBlockedError,
    EntityNotFoundError,
    ErrorCode,
    InvalidParametersError,
    LimitTooBigError,
    NavixyAPIError,
    OperationNotPermittedError,
    ParameterError,
    QueueServiceError,
    SecondFactorRequiredError,
    ServiceAuthError,
    SessionEndedError,
    TemporarilyUnavailableError,
    TimeSpanTooBigError,
    TooLargeRequestError,
    TooManyRequestsError,
    WrongHashError,
    WrongLoginError,
)

if TYPE_CHECKING:
    from navixy_audit_api import AuthenticatedClient as GeneratedClient

    from ._async._client import DEFAULT_BASE_URL, AsyncClient, AsyncNavixyOptions
    from ._auth import NavixyAuth
    from ._models import AuditAction, AuditLogCursor, AuditRecord, EntryCategory
    from ._paging import DEFAULT_PAGE_SIZE, DEFAULT_WINDOW, PagingError
    from ._sync._client import Client, NavixyOptions

# The errors are imported with the package; the rest when first used (PEP 562), so that a sync
# user never imports the async client (nor an async user the sync one), and the generated models
# and the paging wait for the first pull (start-up time).
_LAZY = {
    "GeneratedClient": "navixy_audit_api:AuthenticatedClient",
    "DEFAULT_BASE_URL": "._async._client",
    "AsyncClient": "._async._client",
    "AsyncNavixyOptions": "._async._client",
    "NavixyAuth": "._auth",
    "AuditAction": "._models",
    "AuditLogCursor": "._models",
    "AuditRecord": "._models",
    "EntryCategory": "._models",
    "DEFAULT_PAGE_SIZE": "._paging",
    "DEFAULT_WINDOW": "._paging",
    "PagingError": "._paging",
    "Client": "._sync._client",
    "NavixyOptions": "._sync._client",
}
if not TYPE_CHECKING:  # type checkers read the imports above (a module __getattr__ would make any name Any)
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__version__ = "0.2.0"

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_WINDOW",
    "AccessDeniedError",
    "AsyncClient",
    "AsyncNavixyOptions",
    "NavixyOptions",
    "AuditAction",
    "AuditLogCursor",
    "AuditRecord",
    "Client",
    "DatabaseUnavailableError",
    "DealerNotFoundError",
    "DemoModeError",
    "DeviceBlockedError",
    "EntityNotFoundError",
    "EntryCategory",
    "ErrorCode",
    "GeneratedClient",
    "InvalidParametersError",
    "LimitTooBigError",
    "NavixyAPIError",
    "NavixyAuth",
    "OperationNotPermittedError",
    "PagingError",
    "ParameterError",
    "QueueServiceError",
    "SecondFactorRequiredError",
    "ServiceAuthError",
    "SessionEndedError",
    "TemporarilyUnavailableError",
    "TimeSpanTooBigError",
    "TooLargeRequestError",
    "TooManyRequestsError",
    "WrongHashError",
    "WrongLoginError",
    "__version__",
]
__all__ += _core_errors.__all__
