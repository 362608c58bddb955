"""JSON-RPC error envelopes as typed exceptions."""

from __future__ import annotations

import json
from typing import Any

import httpx

from audit_core import (
    APIError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryReason,
    TransportError,
    classify_unreadable_json,
    json_body,
)

VENDOR = "zabbix"

#: Codes of the JSON-RPC 2.0 errors Zabbix sends (and 1: the frontend cannot reach its database).
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
APPLICATION_ERROR = -32500
DATABASE_UNREACHABLE = 1


class ZabbixAPIError(APIError):
    """Zabbix answered with a JSON-RPC error: ``code``, ``message`` and ``data`` as sent.

    >>> e = ZabbixAPIError(-32602, "Invalid params.", "Not authorized.", operation="auditlog.get")
    >>> e.code, e.message, e.data
    (-32602, 'Invalid params.', 'Not authorized.')
    >>> str(e)
    'zabbix auditlog.get: Invalid params. Not authorized. (code -32602)'
    """

    def __init__(
        self,
        code: int,
        message: str,
        data: str = "",
        *,
        operation: str | None = None,
        status_code: int = 200,
        **kw: Any,
    ) -> None:
        super().__init__(
            message, code=code, status_code=status_code, details=data, vendor=VENDOR, operation=operation, **kw
        )
        self.code: int = code
        self.data = data

    def __str__(self) -> str:
        where = " ".join(part for part in (self.vendor, self.operation) if part)
        text = f"{self.message} {self.data}".strip()
        return f"{where}: {text} (code {self.code})"


class ZabbixAuthenticationError(ZabbixAPIError, AuthenticationError):
    """Wrong user name or password, unknown or expired session or token, or no credentials sent."""


class ZabbixPermissionError(ZabbixAPIError, PermissionDeniedError):
    """The user may not call the method (``auditlog.get`` needs a Super admin)."""


_AUTH_DATA = ("Not authorized.", "Session terminated, re-login, please.")
_AUTH_PREFIXES = ("Incorrect user name or password", "Login name or password is incorrect")
_PERMISSION_PREFIXES = ("No permissions", "You do not have permission")


def error_from_envelope(error: Any, operation: str | None) -> ZabbixAPIError:
    """Build the typed exception of a JSON-RPC ``error`` member.

    >>> type(error_from_envelope({"code": -32602, "message": "Invalid params.", "data": "Not authorized."}, None))
    <class 'zabbix_audit._errors.ZabbixAuthenticationError'>
    """
    if not isinstance(error, dict):
        return ZabbixAPIError(APPLICATION_ERROR, "Malformed error.", repr(error)[:200], operation=operation)
    code = error.get("code")
    code = code if isinstance(code, int) and not isinstance(code, bool) else APPLICATION_ERROR
    message = str(error.get("message", ""))
    data = str(error.get("data", "") or "")
    kind: type[ZabbixAPIError] = ZabbixAPIError
    if data in _AUTH_DATA or data.startswith(_AUTH_PREFIXES):
        kind = ZabbixAuthenticationError
    elif data.startswith(_PERMISSION_PREFIXES):
        kind = ZabbixPermissionError
    return kind(code, message, data, operation=operation)


def is_session_ended(exc: BaseException) -> bool:
    """True for "Session terminated, re-login, please." (an expired or unknown session)."""
    return isinstance(exc, ZabbixAPIError) and exc.data == "Session terminated, re-login, please."


def http_error(status: int, operation: str) -> APIError:
    """The error of an HTTP status that was not retried (or whose retries ran out on ``max_retries=0``).

    Zabbix itself answers every call with HTTP 200; other statuses come from the web server or a proxy
    in front of it: 401 and 403 are refused credentials and a refused caller, 404 a wrong URL.

    >>> type(http_error(404, "auditlog.get")).__name__, type(http_error(401, "auditlog.get")).__name__
    ('NotFoundError', 'ZabbixAuthenticationError')
    """
    text = f"HTTP {status}"
    if status == 401:
        return ZabbixAuthenticationError(status, text, "", operation=operation, status_code=status)
    if status == 403:
        return ZabbixPermissionError(status, text, "", operation=operation, status_code=status)
    if status == 404:
        hint = " (is the URL the Zabbix frontend, e.g. https://host/zabbix?)"
        return NotFoundError(text + hint, code=status, status_code=status, vendor=VENDOR, operation=operation)
    if status == 429:
        return RateLimitError(text, code=status, status_code=status, vendor=VENDOR, operation=operation)
    return APIError(text, code=status, status_code=status, vendor=VENDOR, operation=operation)


def operation(request: httpx.Request) -> str:
    """The JSON-RPC method of a request, for errors and logs (``auditlog.get``)."""
    try:
        body = json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return request.url.path
    method = body.get("method") if isinstance(body, dict) else None
    return method if isinstance(method, str) else request.url.path


def classify(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry answers that are not JSON and the transient "Error connecting to database." (code 1)."""
    reason = classify_unreadable_json(request, response)
    if reason is not None or response.status_code != 200:
        return reason
    body = json_body(response)
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict) and error.get("code") == DATABASE_UNREACHABLE:
        return RetryReason(error_from_envelope(error, operation(request)))
    if not isinstance(body, dict) or ("result" not in body and "error" not in body):
        return RetryReason(TransportError("the answer is not a JSON-RPC response"))
    return None
