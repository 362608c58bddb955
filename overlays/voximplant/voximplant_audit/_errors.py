"""Voximplant's error envelope (HTTP 200 with ``{"error": {"code", "msg"}}``) as typed exceptions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from audit_core import (
    APIError,
    AuditError,
    AuthenticationError,
    NotFoundError,
    OpenIntEnum,
    PermissionDeniedError,
    RateLimitError,
    RetryReason,
    TransportError,
    classify_unreadable_json,
    json_body,
)

if TYPE_CHECKING:
    from voximplant_audit_api.types import Response

VENDOR = "voximplant"


R = TypeVar("R")


class ErrorCode(OpenIntEnum):
    """The Management API error codes the audit-log functions answer with.

    A code not listed here is a member too (``UNKNOWN_<code>``, ``is_known == False``).

    >>> ErrorCode(340).name, ErrorCode(999).name, ErrorCode(999).value
    ('RATE_LIMIT_EXCEEDED', 'UNKNOWN_999', 999)
    """

    AUTHORIZATION_FAILED = 100
    INVALID_ARGUMENTS = 101
    INVALID_DATE_FORMAT = 111
    INVALID_DATE_RANGE = 123
    RATE_LIMIT_EXCEEDED = 340
    REPORT_NOT_READY = 356
    REPORT_FAILED = 357
    REPORT_NOT_FOUND = 557


class VoximplantAPIError(APIError):
    """The Management API answered with its error envelope.

    ``code`` is the vendor's code as an :class:`ErrorCode` (``UNKNOWN_<code>`` for one
    we do not know; the HTTP status for an answer that is not the envelope), ``msg``
    its message.

    >>> e = VoximplantAPIError("Invalid date range", code=123, operation="GetAuditLog")
    >>> str(e), e.code_name
    ('voximplant GetAuditLog: Invalid date range (code 123)', 'INVALID_DATE_RANGE')
    """

    def __init__(self, message: str, *, code: int, operation: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("status_code", 200)
        super().__init__(message, code=ErrorCode(code), vendor=VENDOR, operation=operation, **kwargs)

    @property
    def msg(self) -> str:
        """The vendor's message, as sent."""
        return self.message

    @property
    def code_name(self) -> str | None:
        """The name of the code (``"REPORT_FAILED"``), or None for a code we do not know."""
        return self.code.name if isinstance(self.code, ErrorCode) and self.code.is_known else None


class VoximplantAuthenticationError(VoximplantAPIError, AuthenticationError):
    """Error 100: the JWT was refused (wrong key, expired, clock skew, unknown account)."""


class VoximplantRateLimitError(VoximplantAPIError, RateLimitError):
    """Error 340: too many requests; retried with backoff before it reaches you."""


class VoximplantPermissionDeniedError(VoximplantAPIError, PermissionDeniedError):
    """HTTP 403: the credentials are valid but not allowed (the audit log needs the ``Owner`` role)."""


class VoximplantNotFoundError(VoximplantAPIError, NotFoundError):
    """HTTP 404, or error 557: no such function or object."""


class InvalidArgumentsError(VoximplantAPIError):
    """Errors 101, 111, 123: the API refused an argument (format, range, unknown value)."""


class ReportNotReadyError(VoximplantAPIError):
    """Error 356: the history report is still being built."""


class ReportFailedError(VoximplantAPIError):
    """Error 357: the history report could not be built."""


class ReportNotFoundError(VoximplantNotFoundError):
    """Error 557: there is no history report with that id (or it expired)."""


class ReportTimeoutError(AuditError):
    """The history report was not completed within the time allowed.

    >>> str(ReportTimeoutError("report 7 not completed after 600s", vendor="voximplant"))
    'voximplant: report 7 not completed after 600s'
    """


_BY_CODE: dict[int, type[VoximplantAPIError]] = {
    ErrorCode.AUTHORIZATION_FAILED: VoximplantAuthenticationError,
    ErrorCode.INVALID_ARGUMENTS: InvalidArgumentsError,
    ErrorCode.INVALID_DATE_FORMAT: InvalidArgumentsError,
    ErrorCode.INVALID_DATE_RANGE: InvalidArgumentsError,
    ErrorCode.RATE_LIMIT_EXCEEDED: VoximplantRateLimitError,
    ErrorCode.REPORT_NOT_READY: ReportNotReadyError,
    ErrorCode.REPORT_FAILED: ReportFailedError,
    ErrorCode.REPORT_NOT_FOUND: ReportNotFoundError,
}


def error_from_envelope(error: Any, operation: str | None) -> VoximplantAPIError | None:
    """Turn the ``error`` member of an answer into the matching exception (None if it is not one).

    >>> type(error_from_envelope({"code": 357, "msg": "Report failed"}, "DownloadHistoryReport")).__name__
    'ReportFailedError'
    """
    if not isinstance(error, dict):
        return None
    code = error.get("code")
    if isinstance(code, bool) or not isinstance(code, int):
        return None
    msg = error.get("msg")
    message = msg if isinstance(msg, str) and msg else f"error {code}"
    return _BY_CODE.get(code, VoximplantAPIError)(message, code=code, operation=operation, details=error)


#: HTTP statuses outside the envelope, as the same classes every SDK raises for them.
_BY_STATUS: dict[int, type[VoximplantAPIError]] = {
    401: VoximplantAuthenticationError,
    403: VoximplantPermissionDeniedError,
    404: VoximplantNotFoundError,
    429: VoximplantRateLimitError,
}


def error_for_status(status: int, operation: str) -> VoximplantAPIError:
    """The exception for an HTTP error status (the API itself answers errors with HTTP 200).

    >>> type(error_for_status(403, "GetAuditLog")).__name__
    'VoximplantPermissionDeniedError'
    """
    kind = _BY_STATUS.get(status, VoximplantAPIError)
    return kind(f"HTTP {status}", code=status, status_code=status, operation=operation)


def parsed_body(response: Response[Any], operation: str, expected: type[R]) -> R:
    """The typed body of a generated call, or the typed exception its error envelope or status means."""
    # The generated models are imported by the first call, not with the errors (start-up time).
    from voximplant_audit_api.models import ApiErrorResponse

    parsed = response.parsed
    if isinstance(parsed, ApiErrorResponse):
        error = error_from_envelope(parsed.error.to_dict(), operation)
        assert error is not None
        raise error
    if isinstance(parsed, expected):
        return parsed
    status = int(response.status_code)
    if status != 200:
        raise error_for_status(status, operation)
    raise TransportError(f"unexpected answer to {operation} (HTTP 200)", vendor=VENDOR, operation=operation)


def operation_name(request: httpx.Request) -> str:
    """The Management API function a request calls: the last path segment, or its ``cmd`` parameter.

    >>> operation_name(httpx.Request("POST", "https://api.voximplant.com/platform_api/GetAuditLog"))
    'GetAuditLog'
    """
    cmd: str | None = request.url.params.get("cmd")
    if cmd:
        return cmd
    return request.url.path.rstrip("/").rsplit("/", 1)[-1] or request.url.path


def _is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("Content-Type", "").lower()


def classify(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry hook for audit_core's transports: error 340 and unreadable JSON answers are retried.

    A report download is CSV, so only a JSON body is inspected for it.
    """
    if response.status_code != 200:
        return None
    download = operation_name(request) == "DownloadHistoryReport"
    if download and not _is_json(response):
        return None
    try:
        data = json_body(response)
    except ValueError:
        return classify_unreadable_json(request, response)
    if isinstance(data, dict):
        error = error_from_envelope(data.get("error"), operation_name(request))
        if isinstance(error, VoximplantRateLimitError):
            return RetryReason(error)
    return None


def raise_for_envelope(data: Any, operation: str) -> None:
    """Raise the typed exception when ``data`` (a decoded answer) is the error envelope."""
    if isinstance(data, dict) and "error" in data:
        error = error_from_envelope(data["error"], operation)
        if error is None:
            raise TransportError(f"malformed error envelope: {data!r:.200}", vendor=VENDOR, operation=operation)
        raise error
