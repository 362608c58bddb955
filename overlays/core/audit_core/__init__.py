"""Shared machinery of the audit-log SDKs: errors, secrets, time, wire formats, retries, paging.

This package knows no vendor. Each vendor SDK (``voximplant_audit``,
``nlpearl_audit``, ``zabbix_audit``, ``navixy_audit``) builds on it and adds only
what is special about its vendor.

>>> from audit_core import Secret, InvalidInputError
>>> Secret("k")
Secret('**********')
"""

from ._enums import open_enum
from ._errors import (
    APIError,
    AuditError,
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetriesExhaustedError,
    TransportError,
)
from ._http import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TimeoutTypes,
    VerifyTypes,
    build_async_client,
    build_client,
    check_base_url,
    client_repr,
    make_timeout,
)
from ._lifecycle import AsyncClientBase, SyncClientBase
from ._pagination import AsyncPager, Page, Pager
from ._retry import (
    STREAM_EXTENSION,
    AsyncRetryTransport,
    Classifier,
    Describer,
    RetryPolicy,
    RetryReason,
    RetryTransport,
    call_timeout,
    classify_status,
    classify_unreadable_json,
    parse_retry_after,
)
from ._secrets import Secret, redact
from ._serialize import check_choice, check_ints, format_bool, join_list
from ._time import check_window, format_utc, require_aware, utc_from_timestamp

__version__ = "0.1.0"

__all__ = [
    "APIError",
    "AsyncClientBase",
    "AsyncPager",
    "AsyncRetryTransport",
    "AuditError",
    "AuthenticationError",
    "Classifier",
    "ConfigurationError",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Describer",
    "InvalidInputError",
    "NotFoundError",
    "Page",
    "Pager",
    "PermissionDeniedError",
    "RateLimitError",
    "RetriesExhaustedError",
    "RetryPolicy",
    "RetryReason",
    "RetryTransport",
    "STREAM_EXTENSION",
    "Secret",
    "SyncClientBase",
    "TimeoutTypes",
    "TransportError",
    "VerifyTypes",
    "build_async_client",
    "build_client",
    "call_timeout",
    "check_base_url",
    "check_choice",
    "check_ints",
    "check_window",
    "classify_status",
    "classify_unreadable_json",
    "client_repr",
    "format_bool",
    "format_utc",
    "join_list",
    "make_timeout",
    "open_enum",
    "parse_retry_after",
    "redact",
    "require_aware",
    "utc_from_timestamp",
]
