"""Navixy's error envelope as typed exceptions, following the vendor's table of error codes.

Every Navixy answer is an envelope. ``{"success": false, "status": {"code": N,
"description": "..."}, "errors": [{"parameter": "...", "error": "..."}]}``
becomes a :class:`NavixyAPIError` subclass chosen by ``code``, which also fits
the shared ``audit_core`` hierarchy (``AuthenticationError``,
``PermissionDeniedError``, ``NotFoundError``, ``RateLimitError``...), so code
written against any of the audit SDKs catches it too.

The codes, their names and their HTTP statuses are those of the vendor's page
"Backend API > Errors" (:data:`SOURCE`): HTTP 400 where the table gives no
status. Codes 1-100 are common to every call, 101-300 belong to a resource or
an action. The SDK decides by the envelope's code, not by the HTTP status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import httpx

from audit_core import (
    APIError,
    AuthenticationError,
    NotFoundError,
    OpenIntEnum,
    PermissionDeniedError,
    RateLimitError,
    RetryReason,
    TransportError,
    classify_unreadable_json,
    error_for_status,
    json_body,
    parse_retry_after,
)

VENDOR = "navixy"
#: Where the codes, their descriptions and their HTTP statuses come from.
SOURCE = "https://www.navixy.com/docs/navixy-api/user-api/backend-api/errors"


class ErrorCode(OpenIntEnum):
    """The Navixy error codes the SDK names, as the vendor's table names them (see :data:`SOURCE`).

    A code Navixy adds later does not fail: it becomes a pseudo-member named
    ``UNKNOWN_<code>`` that compares equal to its integer and says ``is_known == False``.

    >>> ErrorCode(211).name, ErrorCode(204).name
    ('TIME_SPAN_TOO_BIG', 'ENTITY_NOT_FOUND')
    >>> ErrorCode(9999), ErrorCode(9999) == 9999, ErrorCode(9999).is_known
    (<ErrorCode.UNKNOWN_9999: 9999>, True, False)
    """

    DATABASE_ERROR = 1
    SERVICE_AUTH_ERROR = 2
    WRONG_HASH = 3
    SESSION_ENDED = 4
    WRONG_REQUEST_FORMAT = 5
    UNEXPECTED_ERROR = 6
    INVALID_PARAMETERS = 7
    QUEUE_SERVICE_ERROR = 8
    TOO_LARGE_REQUEST = 9
    ACCESS_DENIED = 11
    DEALER_NOT_FOUND = 12
    OPERATION_NOT_PERMITTED = 13
    DATABASE_UNAVAILABLE = 14
    TOO_MANY_REQUESTS = 15
    DEMO_MODE = 101
    WRONG_LOGIN_OR_PASSWORD = 102
    USER_NOT_ACTIVATED = 103
    ENTITY_NOT_FOUND = 204
    DEVICE_BLOCKED = 208
    TIME_SPAN_TOO_BIG = 211
    LIMIT_TOO_BIG = 212


#: The envelope had no integer ``code``.
MISSING_CODE = -1


def error_code(value: int) -> ErrorCode:
    """The :class:`ErrorCode` of ``value``: a named member, or an ``UNKNOWN_<code>`` one for a code added later.

    >>> error_code(7), error_code(9999).is_known
    (<ErrorCode.INVALID_PARAMETERS: 7>, False)
    """
    return ErrorCode(value)


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

    ``code`` is an :class:`ErrorCode` (``UNKNOWN_<code>`` for a code the SDK does not name),
    ``description`` Navixy's text, ``errors`` the per-parameter complaints, ``status_code``
    the HTTP status. ``vendor`` is always ``"navixy"``.

    >>> e = NavixyAPIError("Invalid parameters", code=ErrorCode.INVALID_PARAMETERS,
    ...                    errors=[ParameterError("limit", "must be >= 0")], operation="user/audit/log/list")
    >>> str(e)
    'navixy user/audit/log/list: Invalid parameters (code 7): limit: must be >= 0'
    """

    code: ErrorCode

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
            description,
            code=error_code(code),
            status_code=status_code,
            details=self.errors,
            vendor=VENDOR,
            operation=operation,
        )

    def __str__(self) -> str:
        text = super().__str__()
        if self.errors:
            text += ": " + "; ".join(f"{e.parameter}: {e.error}" for e in self.errors)
        return text


# --- authentication (2, 3, 4 and user/auth's 102, 103) ---------------------------------------------


class ServiceAuthError(NavixyAPIError, AuthenticationError):
    """Code 2, "Service Auth error" (HTTP 403): the credentials were not accepted.

    A login session is renewed once; with an API key it is raised at once.
    """


class WrongHashError(NavixyAPIError, AuthenticationError):
    """Code 3, "Wrong hash": the hash (API key or session) is missing or malformed.

    A login session is renewed once; with an API key it is raised at once.
    """


class SessionEndedError(NavixyAPIError, AuthenticationError):
    """Code 4, "User or API key not found or session ended".

    A login session is renewed once; with an API key (revoked or never valid) it is raised at once.
    """


class WrongLoginError(NavixyAPIError, AuthenticationError):
    """Code 102 (and 103) from ``user/auth``: wrong login or password, or a user not activated."""


# --- the request itself (7, 9, 211, 212) ---------------------------------------------------------


class InvalidParametersError(NavixyAPIError):
    """Code 7, "Invalid parameters": a parameter is wrong; ``errors`` says which."""


class TimeSpanTooBigError(InvalidParametersError):
    """Code 211: ``from``..``to`` is longer than the server allows (``iter_audit_log`` shrinks its window)."""


class LimitTooBigError(InvalidParametersError):
    """Code 212: ``limit`` is larger than the server allows (``iter_audit_log`` shrinks its page)."""


class TooLargeRequestError(NavixyAPIError):
    """Code 9, "Too large request" (HTTP 412): the request body is larger than the server takes. Not retried."""


# --- permissions (11, 13, 101, 208) -------------------------------------------------------------


class AccessDeniedError(NavixyAPIError, PermissionDeniedError):
    """Code 11, "Access denied" (HTTP 403): e.g. a sub-user without the ``admin`` right."""


class OperationNotPermittedError(NavixyAPIError, PermissionDeniedError):
    """Code 13, "Operation not permitted" (HTTP 403) for this user or key."""


class DemoModeError(NavixyAPIError, PermissionDeniedError):
    """Code 101, "In demo mode this function is disabled" (HTTP 403)."""


class DeviceBlockedError(NavixyAPIError, PermissionDeniedError):
    """Code 208, "Device blocked" (HTTP 403)."""


# --- not found (12, 204) ------------------------------------------------------------------------


class DealerNotFoundError(NavixyAPIError, NotFoundError):
    """Code 12, "Dealer not found" (HTTP 400): the platform behind the URL or the user has no such dealer."""


class EntityNotFoundError(NavixyAPIError, NotFoundError):
    """Code 204, "Entity not found" (HTTP 404): the entity asked for does not exist."""


# --- try again later (8, 14, 15) ----------------------------------------------------------------


class TemporarilyUnavailableError(NavixyAPIError):
    """Base of the codes Navixy asks to retry later with HTTP 503 (8 and 14); retried like an HTTP 503.

    Raised (inside ``RetriesExhaustedError``) only when retries run out.
    """


class QueueServiceError(TemporarilyUnavailableError):
    """Code 8, "Queue service error, try again later" (HTTP 503). Retried with backoff."""


class DatabaseUnavailableError(TemporarilyUnavailableError):
    """Code 14, "Database unavailable" (HTTP 503). Retried with backoff."""


class TooManyRequestsError(NavixyAPIError, RateLimitError):
    """Code 15, "Too many requests (rate limit exceeded)" (HTTP 429).

    Retried like an HTTP 429, after ``Retry-After`` when the answer has one (``retry_after``, seconds);
    raised (inside ``RetriesExhaustedError``) when retries run out.
    """


class SecondFactorRequiredError(AuthenticationError):
    """``user/auth`` accepted the password but the account needs a second factor, which an API client cannot give.

    Use an API key (Settings → API keys in the Navixy web interface) instead of login and password.
    """


_BY_CODE: dict[int, type[NavixyAPIError]] = {
    ErrorCode.SERVICE_AUTH_ERROR: ServiceAuthError,
    ErrorCode.WRONG_HASH: WrongHashError,
    ErrorCode.SESSION_ENDED: SessionEndedError,
    ErrorCode.INVALID_PARAMETERS: InvalidParametersError,
    ErrorCode.QUEUE_SERVICE_ERROR: QueueServiceError,
    ErrorCode.TOO_LARGE_REQUEST: TooLargeRequestError,
    ErrorCode.ACCESS_DENIED: AccessDeniedError,
    ErrorCode.DEALER_NOT_FOUND: DealerNotFoundError,
    ErrorCode.OPERATION_NOT_PERMITTED: OperationNotPermittedError,
    ErrorCode.DATABASE_UNAVAILABLE: DatabaseUnavailableError,
    ErrorCode.TOO_MANY_REQUESTS: TooManyRequestsError,
    ErrorCode.DEMO_MODE: DemoModeError,
    ErrorCode.WRONG_LOGIN_OR_PASSWORD: WrongLoginError,
    ErrorCode.USER_NOT_ACTIVATED: WrongLoginError,
    ErrorCode.ENTITY_NOT_FOUND: EntityNotFoundError,
    ErrorCode.DEVICE_BLOCKED: DeviceBlockedError,
    ErrorCode.TIME_SPAN_TOO_BIG: TimeSpanTooBigError,
    ErrorCode.LIMIT_TOO_BIG: LimitTooBigError,
}

#: The codes that mean "these credentials were refused": a login session is renewed once on them.
SESSION_RENEWAL_CODES = frozenset({ErrorCode.SERVICE_AUTH_ERROR, ErrorCode.WRONG_HASH, ErrorCode.SESSION_ENDED})


def error_from_envelope(
    body: Mapping[str, Any], *, status_code: int | None = None, operation: str | None = None
) -> NavixyAPIError:
    """Build the typed error of a ``success: false`` envelope (tolerating missing or odd fields).

    >>> error_from_envelope({"success": False, "status": {"code": 4, "description": "Session ended"}})
    SessionEndedError('navixy: Session ended (code 4)')
    >>> error_from_envelope({"success": False, "status": {"code": 777, "description": "New"}}).code
    <ErrorCode.UNKNOWN_777: 777>
    """
    status = body.get("status")
    status = status if isinstance(status, Mapping) else {}
    raw_code = status.get("code")
    code = error_code(raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else MISSING_CODE)
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
        body = json_body(response)
    except ValueError:
        kind = response.headers.get("Content-Type", "no content type")
        if response.is_success:
            message = f"the answer is not valid JSON (HTTP {response.status_code}, {kind})"
            raise TransportError(message, vendor=VENDOR, operation=operation) from None
        raise error_for_status(
            f"HTTP {response.status_code} {response.reason_phrase} without a Navixy envelope ({kind})",
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


def _retried_status(status: int) -> bool:
    return status in (408, 429) or status >= 500


def classify(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry hook: decide by the envelope's code, whatever the HTTP status.

    - code 15 (too many requests) is retried like an HTTP 429, after ``Retry-After`` when present;
    - codes 8 and 14 (queue service error, database unavailable) are retried like an HTTP 503;
    - any other error envelope sent with HTTP 408, 429 or 5xx is retried as the status says, with
      the typed error as its cause (so ``RetriesExhaustedError.last_cause`` keeps Navixy's code);
    - a 2xx answer that is not JSON is retried.

    Anything else (auth, permission, not found, invalid parameters) is not retried.

    >>> req = httpx.Request("POST", "https://h/v2/user/audit/log/list")
    >>> body = {"success": False, "status": {"code": 15, "description": "Too many requests"}}
    >>> reason = classify(req, httpx.Response(400, json=body, headers={"Retry-After": "2"}, request=req))
    >>> type(reason.cause).__name__, reason.retry_after, reason.cause.retry_after
    ('TooManyRequestsError', 2.0, 2.0)
    >>> body = {"success": False, "status": {"code": 14, "description": "Database unavailable"}}
    >>> type(classify(req, httpx.Response(200, json=body, request=req)).cause).__name__
    'DatabaseUnavailableError'
    >>> body = {"success": False, "status": {"code": 2, "description": "Service Auth error"}}
    >>> classify(req, httpx.Response(403, json=body, request=req)) is None
    True
    """
    unreadable = classify_unreadable_json(request, response)
    if unreadable is not None:
        return unreadable
    try:
        body = json_body(response)
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("success") is not False:
        return None
    error = error_from_envelope(body, status_code=response.status_code, operation=operation_of(request))
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    if isinstance(error, TooManyRequestsError):
        error.retry_after = retry_after
        return RetryReason(error, retry_after)
    if isinstance(error, TemporarilyUnavailableError) or _retried_status(response.status_code):
        return RetryReason(error, retry_after)
    return None
