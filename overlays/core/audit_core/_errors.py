"""The error hierarchy shared by every vendor SDK.

Everything an SDK raises derives from :class:`AuditError`::

    AuditError
    ├── InvalidInputError (also ValueError)  bad arguments, caught before any request
    ├── ConfigurationError                  bad credentials file, missing env vars
    ├── TransportError                      connection failures, time-outs, unreadable answers
    ├── APIError                            the vendor answered with an error
    │   ├── AuthenticationError
    │   ├── PermissionDeniedError
    │   ├── NotFoundError
    │   └── RateLimitError
    └── RetriesExhaustedError               retries ran out; carries the last cause
"""

from __future__ import annotations

from typing import Any


class AuditError(Exception):
    """Base of every error raised by the audit-log SDKs.

    ``vendor`` and ``operation`` say where it happened, when known.

    >>> str(AuditError("boom", vendor="acme", operation="list_events"))
    'acme list_events: boom'
    """

    def __init__(self, message: str, *, vendor: str | None = None, operation: str | None = None) -> None:
        self.message = message
        self.vendor = vendor
        self.operation = operation
        super().__init__(message)

    def __str__(self) -> str:
        where = " ".join(part for part in (self.vendor, self.operation) if part)
        return f"{where}: {self.message}" if where else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class InvalidInputError(AuditError, ValueError):
    """An argument is wrong; raised before any request is sent.

    >>> isinstance(InvalidInputError("since must be aware"), ValueError)
    True
    """


class ConfigurationError(AuditError):
    """The client cannot be set up: credentials missing, unreadable or malformed."""


class TransportError(AuditError):
    """The request did not get a usable answer: connection error, time-out, garbled body."""


class APIError(AuditError):
    """The vendor answered with an error.

    ``code`` is the vendor's own error code (or the HTTP status where the vendor
    has none), ``status_code`` the HTTP status, ``details`` whatever else the
    vendor said (per-parameter errors, JSON-RPC ``data``...).
    """

    def __init__(
        self,
        message: str,
        *,
        code: int | str | None = None,
        status_code: int | None = None,
        details: Any = None,
        vendor: str | None = None,
        operation: str | None = None,
    ) -> None:
        super().__init__(message, vendor=vendor, operation=operation)
        self.code = code
        self.status_code = status_code
        self.details = details

    def __str__(self) -> str:
        text = super().__str__()
        if self.code is not None:
            text = f"{text} (code {self.code})"
        return text


class AuthenticationError(APIError):
    """The vendor refused the credentials (wrong key, expired token, ended session)."""


class PermissionDeniedError(APIError):
    """The credentials are valid but may not do this."""


class NotFoundError(APIError):
    """The thing asked for does not exist."""


class RateLimitError(APIError):
    """The vendor asked us to slow down; ``retry_after`` is in seconds when it said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class RetriesExhaustedError(AuditError):
    """Every attempt failed. ``attempts`` were made; ``last_cause`` is the final failure.

    >>> e = RetriesExhaustedError(vendor="acme", operation="list_events",
    ...                           attempts=3, last_cause=TransportError("reset"))
    >>> str(e)
    'acme list_events: gave up after 3 attempts; last cause: reset'
    """

    def __init__(
        self,
        *,
        attempts: int,
        last_cause: BaseException,
        vendor: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.attempts = attempts
        self.last_cause = last_cause
        cause = (
            last_cause.message if isinstance(last_cause, AuditError) else str(last_cause) or type(last_cause).__name__
        )
        super().__init__(f"gave up after {attempts} attempts; last cause: {cause}", vendor=vendor, operation=operation)


_STATUS_CLASSES: dict[int, type[APIError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def error_for_status(message: str, *, status_code: int, **kwargs: Any) -> APIError:
    """The error class every vendor raises for an HTTP status its own error format does not explain.

    401 :class:`AuthenticationError`, 403 :class:`PermissionDeniedError`, 404
    :class:`NotFoundError`, 429 :class:`RateLimitError`, anything else :class:`APIError`:
    the same condition raises the same class in every vendor.

    >>> type(error_for_status("HTTP 403 Forbidden", status_code=403, vendor="acme")).__name__
    'PermissionDeniedError'
    """
    kwargs.setdefault("code", status_code)
    return _STATUS_CLASSES.get(status_code, APIError)(message, status_code=status_code, **kwargs)
