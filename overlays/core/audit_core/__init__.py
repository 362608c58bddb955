"""Shared machinery of the audit-log SDKs: one base client, errors, secrets, time, cursors, retries, paging.

This package knows no vendor. Each vendor SDK (``voximplant_audit``,
``nlpearl_audit``, ``zabbix_audit``, ``navixy_audit``) subclasses
:class:`AsyncBaseClient` (and its generated sync twin :class:`BaseClient`) and adds
only what is special about its vendor. The public contract every SDK keeps is
written down in this package's README.

>>> from audit_core import Secret, InvalidInputError
>>> Secret("k")
Secret('**********')
"""

from typing import TYPE_CHECKING

from . import errors
from ._exports import lazy_exports
from .errors import *  # noqa: F403 - the errors a user catches, listed once in audit_core.errors

if TYPE_CHECKING:
    from ._async._client import AsyncBaseClient, AsyncClientOptions
    from ._async._pagination import AsyncPager, AsyncSlicedPager
    from ._async._transport import AsyncRetryTransport
    from ._auth import SessionAuth
    from ._config import DEFAULT_CONCURRENCY, EnvSpec, EnvVar, check_concurrency, check_options, choose_credentials
    from ._cursor import Cursor, decode_token, encode_token, resolve_cursor, token_time
    from ._enums import OpenIntEnum, OpenStrEnum, enum_member
    from ._errors import error_for_status
    from ._http import (
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
        InsecureTransportWarning,
        TimeoutTypes,
        VerifyTypes,
        check_base_url,
        client_repr,
        is_loopback,
        make_timeout,
    )
    from ._json import json_body
    from ._json import loads as json_loads
    from ._lazy import LazyRecord, new_lazy, slot_setter, wire_of
    from ._pagination import Lane, LazyCursors, Page, Slicer
    from ._retry import (
        STREAM_EXTENSION,
        Classifier,
        Describer,
        RetryPolicy,
        RetryReason,
        call_timeout,
        classify_status,
        classify_unreadable_json,
        error_reason,
        parse_retry_after,
    )
    from ._secrets import Secret, redact
    from ._serialize import check_choice, check_ints, format_bool, join_list, unset_to_none
    from ._sync._client import BaseClient, ClientOptions
    from ._sync._pagination import Pager, SlicedPager
    from ._sync._transport import RetryTransport
    from ._time import check_window, format_utc, require_aware, utc_from_timestamp

# Everything but the errors is imported when first used (PEP 562): a vendor SDK's start-up pays
# only for what its client needs (the async engine for a sync user is never imported, and so on).
_LAZY = {
    "AsyncBaseClient": "._async._client",
    "AsyncClientOptions": "._async._client",
    "check_options": "._config",
    "AsyncPager": "._async._pagination",
    "AsyncSlicedPager": "._async._pagination",
    "AsyncRetryTransport": "._async._transport",
    "SessionAuth": "._auth",
    "DEFAULT_CONCURRENCY": "._config",
    "EnvSpec": "._config",
    "check_concurrency": "._config",
    "EnvVar": "._config",
    "choose_credentials": "._config",
    "Cursor": "._cursor",
    "decode_token": "._cursor",
    "encode_token": "._cursor",
    "resolve_cursor": "._cursor",
    "token_time": "._cursor",
    "OpenIntEnum": "._enums",
    "OpenStrEnum": "._enums",
    "enum_member": "._enums",
    "error_for_status": "._errors",
    "DEFAULT_MAX_RETRIES": "._http",
    "DEFAULT_TIMEOUT": "._http",
    "InsecureTransportWarning": "._http",
    "TimeoutTypes": "._http",
    "VerifyTypes": "._http",
    "check_base_url": "._http",
    "client_repr": "._http",
    "is_loopback": "._http",
    "make_timeout": "._http",
    "json_body": "._json",
    "json_loads": "._json:loads",
    "LazyRecord": "._lazy",
    "new_lazy": "._lazy",
    "slot_setter": "._lazy",
    "wire_of": "._lazy",
    "Lane": "._pagination",
    "LazyCursors": "._pagination",
    "Page": "._pagination",
    "Slicer": "._pagination",
    "STREAM_EXTENSION": "._retry",
    "Classifier": "._retry",
    "Describer": "._retry",
    "RetryPolicy": "._retry",
    "RetryReason": "._retry",
    "call_timeout": "._retry",
    "classify_status": "._retry",
    "classify_unreadable_json": "._retry",
    "error_reason": "._retry",
    "parse_retry_after": "._retry",
    "Secret": "._secrets",
    "redact": "._secrets",
    "check_choice": "._serialize",
    "check_ints": "._serialize",
    "format_bool": "._serialize",
    "join_list": "._serialize",
    "unset_to_none": "._serialize",
    "BaseClient": "._sync._client",
    "ClientOptions": "._sync._client",
    "Pager": "._sync._pagination",
    "SlicedPager": "._sync._pagination",
    "RetryTransport": "._sync._transport",
    "check_window": "._time",
    "format_utc": "._time",
    "require_aware": "._time",
    "utc_from_timestamp": "._time",
}
if not TYPE_CHECKING:  # type checkers read the imports above (a module __getattr__ would make any name Any)
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__version__ = "0.2.0"

#: The errors a user catches; every vendor package re-exports them (``from audit_core.errors import *``).
ERRORS = tuple(errors.__all__)

__all__ = [
    "AsyncBaseClient",
    "AsyncClientOptions",
    "AsyncPager",
    "AsyncRetryTransport",
    "AsyncSlicedPager",
    "BaseClient",
    "Classifier",
    "ClientOptions",
    "Cursor",
    "DEFAULT_CONCURRENCY",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Describer",
    "ERRORS",
    "EnvSpec",
    "EnvVar",
    "InsecureTransportWarning",
    "Lane",
    "LazyCursors",
    "LazyRecord",
    "OpenIntEnum",
    "OpenStrEnum",
    "Page",
    "Pager",
    "RetryPolicy",
    "RetryReason",
    "RetryTransport",
    "STREAM_EXTENSION",
    "Secret",
    "SlicedPager",
    "Slicer",
    "SessionAuth",
    "TimeoutTypes",
    "VerifyTypes",
    "call_timeout",
    "check_base_url",
    "check_choice",
    "check_concurrency",
    "check_ints",
    "check_options",
    "check_window",
    "choose_credentials",
    "classify_status",
    "classify_unreadable_json",
    "client_repr",
    "decode_token",
    "encode_token",
    "enum_member",
    "error_for_status",
    "error_reason",
    "format_bool",
    "format_utc",
    "is_loopback",
    "json_body",
    "json_loads",
    "join_list",
    "make_timeout",
    "new_lazy",
    "parse_retry_after",
    "redact",
    "require_aware",
    "resolve_cursor",
    "slot_setter",
    "token_time",
    "unset_to_none",
    "utc_from_timestamp",
    "wire_of",
]
__all__ += errors.__all__
