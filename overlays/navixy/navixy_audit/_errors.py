"""Navixy's error envelope as typed exceptions.

Every Navixy answer is an envelope. ``{"success": false, "status": {"code": N,
"description": "..."}, "errors": [{"parameter": "...", "error": "..."}]}``
becomes a :class:`NavixyAPIError` subclass chosen by ``code``, which also fits
the shared ``audit_core`` hierarchy (``AuthenticationError``,
``PermissionDeniedError``, ``RateLimitError``...), so code written against any
of the audit SDKs catches it too.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
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
    parse_retry_after,
)

VENDOR = "navixy"


class ErrorCode(enum.IntEnum):
    """The general Navixy error codes (and the ``user/auth`` ones); other codes stay plain ints.

    >>> ErrorCode(211).name
    'TIME_SPAN_TOO_BIG'
    """

    DATABASE_ERROR = 1
    SERVICE_UNAVAILABLE = 2
    WRONG_HASH = 3
    SESSION_ENDED = 4
    WRONG_REQUEST_FORMAT = 5
    UNEXPECTED_ERROR = 6
    INVALID_PARAMETERS = 7
    ACCESS_DENIED = 11
    ENTITY_NOT_FOUND = 12
    OPERATION_NOT_PERMITTED = 13
    TOO_MANY_REQUESTS = 15
    WRONG_LOGIN_OR_PASSWORD = 102
    USER_NOT_ACTIVATED = 103
    TIME_SPAN_TOO_BIG = 211
    LIMIT_TOO_BIG = 212


def error_code(value: int) -> ErrorCode | int:
    """The :class:`ErrorCode` for ``value``, or ``value`` itself when Navixy added a code we do not know.

    >>> error_code(7), error_code(9999)
    (<ErrorCode.INVALID_PARAMETERS: 7>, 9999)
    """
    try:
        return ErrorCode(value)
    except ValueError:
        return value


@attrs.frozen
class ParameterError:
    """One entry of the envelope's ``errors``: which parameter, and what is wrong with it.

    >>> ParameterError("from", "Wrong date format")
    ParameterError(parameter='from', error='Wrong date format')
    """

    parameter: str
    error: str


class NavixyAPIError(APIError):
    """Navixy answered ``success: false``.

    ``code`` is an :class:`ErrorCode` (or an int Navixy added later), ``description``
    Navixy's text, ``errors`` the per-parameter complaints, ``status_code`` the HTTP status.

    >>> e = NavixyAPIError("Invalid parameters", code=ErrorCode.INVALID_PARAMETERS,
    ...                    errors=[ParameterError("limit", "must be >= 0")], operation="user/audit/log/list")
    >>> str(e)
    'navixy user/audit/log/list: Invalid parameters (code 7): limit: must be >= 0'
    """

    code: ErrorCode | int

    def __init__(
        self,
        description: str,
        *,
        code: ErrorCode | int,
        status_code: int | None = None,
        errors: Iterable[ParameterError] = (),
        operation: str | None = None,
    ) -> None:
        self.description = description
        self.errors: tuple[ParameterError, ...] = tuple(errors)
        super().__init__(
            description, code=code, status_code=status_code, details=self.errors, vendor=VENDOR, operation=operation
        )

    def __str__(self) -> str:
        text = super().__str__()
        if self.errors:
            text += ": " + "; ".join(f"{e.parameter}: {e.error}" for e in self.errors)
        return text


class WrongHashError(NavixyAPIError, AuthenticationError):
    """Code 3: the hash (API key or session) is missing or malformed."""


class SessionEndedError(NavixyAPIError, AuthenticationError):
    """Code 4: user or API key not found, or session ended (renewed once when login and password are known)."""


class WrongLoginError(NavixyAPIError, AuthenticationError):
    """Code 102 (and 103) from ``user/auth``: wrong login or password, or a user not activated."""


class InvalidParametersError(NavixyAPIError):
    """Code 7: a parameter is wrong; ``errors`` says which."""


class TimeSpanTooBigError(InvalidParametersError):
    """Code 211: ``from``..``to`` is longer than the server allows (``iter_audit_log`` shrinks its window)."""


class LimitTooBigError(InvalidParametersError):
    """Code 212: ``limit`` is larger than the server allows (``iter_audit_log`` shrinks its page)."""


class AccessDeniedError(NavixyAPIError, PermissionDeniedError):
    """Code 11: access denied (e.g. a sub-user without the ``admin`` right)."""


class OperationNotPermittedError(NavixyAPIError, PermissionDeniedError):
    """Code 13: the operation is not permitted for this user or key."""


class EntityNotFoundError(NavixyAPIError, NotFoundError):
    """Code 12: the entity asked for does not exist."""


class TooManyRequestsError(NavixyAPIError, RateLimitError):
    """Code 15: too many requests. Retried with backoff; raised (inside RetriesExhaustedError) when retries run out."""


class SecondFactorRequiredError(AuthenticationError):
    """``user/auth`` accepted the password but the account needs a second factor, which an API client cannot give.

    Use an API key (Settings → API keys in the Navixy web interface) instead of login and password.
    """


_BY_CODE: dict[int, type[NavixyAPIError]] = {
    ErrorCode.WRONG_HASH: WrongHashError,
    ErrorCode.SESSION_ENDED: SessionEndedError,
    ErrorCode.INVALID_PARAMETERS: InvalidParametersError,
    ErrorCode.ACCESS_DENIED: AccessDeniedError,
    ErrorCode.ENTITY_NOT_FOUND: EntityNotFoundError,
    ErrorCode.OPERATION_NOT_PERMITTED: OperationNotPermittedError,
    ErrorCode.TOO_MANY_REQUESTS: TooManyRequestsError,
    ErrorCode.WRONG_LOGIN_OR_PASSWORD: WrongLoginError,
    ErrorCode.USER_NOT_ACTIVATED: WrongLoginError,
    ErrorCode.TIME_SPAN_TOO_BIG: TimeSpanTooBigError,
    ErrorCode.LIMIT_TOO_BIG: LimitTooBigError,
}


def error_from_envelope(
    body: Mapping[str, Any], *, status_code: int | None = None, operation: str | None = None
) -> NavixyAPIError:
    """Build the typed error of a ``success: false`` envelope (tolerating missing or odd fields).

    >>> error_from_envelope({"success": False, "status": {"code": 4, "description": "Session ended"}})
    SessionEndedError('navixy: Session ended (code 4)')
    """
    status = body.get("status")
    status = status if isinstance(status, Mapping) else {}
    raw_code = status.get("code")
    code = error_code(raw_code) if isinstance(raw_code, int) and not isinstance(raw_code, bool) else -1
    description = status.get("description")
    if not isinstance(description, str) or not description:
        description = "Navixy reported an error without a description"
    errors: list[ParameterError] = []
    raw_errors = body.get("errors")
    if isinstance(raw_errors, list):
        for item in raw_errors:
            if isinstance(item, Mapping):
                errors.append(ParameterError(str(item.get("parameter", "")), str(item.get("error", ""))))
    cls = _BY_CODE.get(code, NavixyAPIError)
    return cls(description, code=code, status_code=status_code, errors=errors, operation=operation)


def read_envelope(response: httpx.Response, operation: str) -> dict[str, Any]:
    """Return the body of a successful answer; raise the typed error of any other.

    >>> req = httpx.Request("POST", "https://api.eu.navixy.com/v2/user/audit/log/list")
    >>> read_envelope(httpx.Response(200, json={"success": True, "list": []}, request=req), "x")
    {'success': True, 'list': []}
    """
    try:
        body = json.loads(response.content)
    except ValueError:
        kind = response.headers.get("Content-Type", "no content type")
        if response.is_success:
            message = f"the answer is not valid JSON (HTTP {response.status_code}, {kind})"
            raise TransportError(message, vendor=VENDOR, operation=operation) from None
        raise APIError(
            f"HTTP {response.status_code} {response.reason_phrase} without a Navixy envelope ({kind})",
            code=response.status_code,
            status_code=response.status_code,
            vendor=VENDOR,
            operation=operation,
        ) from None
    if not isinstance(body, dict) or not isinstance(body.get("success"), bool):
        raise TransportError(
            f"the answer (HTTP {response.status_code}) is not a Navixy envelope", vendor=VENDOR, operation=operation
        )
    if body["success"] is not True:
        raise error_from_envelope(body, status_code=response.status_code, operation=operation)
    return body


def operation_of(request: httpx.Request) -> str:
    """Name a request's operation the Navixy way: the path after ``/v2/`` (or the whole path).

    >>> operation_of(httpx.Request("POST", "https://api.eu.navixy.com/v2/user/audit/log/list"))
    'user/audit/log/list'
    """
    path = request.url.path
    for marker in ("/user/", "/api/"):
        index = path.find(marker)
        if index >= 0:
            return path[index + 1 :]
    return path.lstrip("/")


def classify(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry hook: code 15 (too many requests) in any status, and 2xx answers that are not JSON.

    >>> req = httpx.Request("POST", "https://h/v2/user/audit/log/list")
    >>> body = {"success": False, "status": {"code": 15, "description": "Too many requests"}}
    >>> type(classify(req, httpx.Response(400, json=body, request=req)).cause).__name__
    'TooManyRequestsError'
    """
    unreadable = classify_unreadable_json(request, response)
    if unreadable is not None:
        return unreadable
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("success") is not False:
        return None
    error = error_from_envelope(body, status_code=response.status_code, operation=operation_of(request))
    if isinstance(error, TooManyRequestsError):
        error.retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return RetryReason(error, error.retry_after)
    return None
