"""Typed Python SDK for the NLPearl audit log.

The generated client lives in ``nlpearl_audit_api``; this package adds what is
special about NLPearl on top of the shared ``audit_core``: the
``accountId:secretKey`` bearer token, windowed iteration of an endpoint that
has no pagination, tolerant integer enums and the ASP.NET error answers.

>>> import nlpearl_audit
>>> nlpearl_audit.__version__
'0.2.0'
>>> from nlpearl_audit import Client, EventType
>>> Client(account_id="acc", secret_key="key")
<Client base_url='https://api.nlpearl.ai'>
"""

from typing import TYPE_CHECKING

from audit_core import RetryPolicy
from audit_core import errors as _core_errors
from audit_core._exports import lazy_exports
from audit_core.errors import *  # noqa: F403 - the core errors a user catches, re-exported

from ._errors import RequestValidationError

if TYPE_CHECKING:
    from nlpearl_audit_api import AuthenticatedClient as GeneratedClient

    from ._async._client import DEFAULT_BASE_URL, AsyncClient
    from ._auth import BearerAuth
    from ._enums import EventType, UserType
    from ._models import AuditEvent, AuditUser, parse_timestamp
    from ._paging import DEFAULT_WINDOW, AuditLogCursor
    from ._sync._client import Client

# The errors are imported with the package; the rest when first used (PEP 562), so that a sync
# user never imports the async client (nor an async user the sync one), and the generated models
# and the paging wait for the first pull (start-up time).
_LAZY = {
    "GeneratedClient": "nlpearl_audit_api:AuthenticatedClient",
    "DEFAULT_BASE_URL": "._async._client",
    "AsyncClient": "._async._client",
    "BearerAuth": "._auth",
    "EventType": "._enums",
    "UserType": "._enums",
    "AuditEvent": "._models",
    "AuditUser": "._models",
    "parse_timestamp": "._models",
    "DEFAULT_WINDOW": "._paging",
    "AuditLogCursor": "._paging",
    "Client": "._sync._client",
}
if not TYPE_CHECKING:  # type checkers read the imports above (a module __getattr__ would make any name Any)
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__version__ = "0.2.0"

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_WINDOW",
    "AsyncClient",
    "AuditEvent",
    "AuditLogCursor",
    "AuditUser",
    "BearerAuth",
    "Client",
    "EventType",
    "GeneratedClient",
    "RequestValidationError",
    "RetryPolicy",
    "UserType",
    "__version__",
    "parse_timestamp",
]
__all__ += _core_errors.__all__
