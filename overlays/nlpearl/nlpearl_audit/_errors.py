"""NLPearl's error answers turned into the audit_core exceptions.

- 400: ASP.NET ``ValidationProblemDetails`` (``application/problem+json``)
  → :class:`RequestValidationError` with the per-field ``errors``;
- 401: the bearer challenge (empty body, ``WWW-Authenticate``)
  → :class:`audit_core.AuthenticationError`;
- 403: empty or ``ProblemDetails`` → :class:`audit_core.PermissionDeniedError`;
- 404 → :class:`audit_core.NotFoundError`; anything else → :class:`audit_core.APIError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import httpx

from audit_core import APIError, AuthenticationError, NotFoundError, PermissionDeniedError, json_body

VENDOR = "nlpearl"
OPERATION = "POST /v2/Account/AuditLog"


class RequestValidationError(APIError):
    """The server refused the request's values (HTTP 400, ``ValidationProblemDetails``).

    ``errors`` maps each offending field to the server's messages; ``title``
    and ``trace_id`` are as sent (quote the trace id to NLPearl support).

    >>> e = RequestValidationError("bad", errors={"from": ["The value is invalid."]})
    >>> e.errors["from"]
    ['The value is invalid.']
    """

    def __init__(
        self,
        message: str,
        *,
        errors: Mapping[str, list[str]] | None = None,
        title: str | None = None,
        trace_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.errors: dict[str, list[str]] = dict(errors or {})
        self.title = title
        self.trace_id = trace_id


def _problem(response: httpx.Response) -> dict[str, Any]:
    """The ProblemDetails body of an error answer, or {} when there is none."""
    if not response.content:
        return {}
    try:
        body = json_body(response)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _field_errors(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    out: dict[str, list[str]] = {}
    for field, messages in value.items():
        if isinstance(messages, list):
            out[str(field)] = [str(m) for m in messages]
        elif messages is not None:
            out[str(field)] = [str(messages)]
    return out


_CHALLENGE_PART = re.compile(r'(\w+)="([^"]*)"')


def _challenge(header: str) -> str | None:
    """The human part of a ``WWW-Authenticate: Bearer error=..., error_description=...``."""
    parts = dict(_CHALLENGE_PART.findall(header))
    return parts.get("error_description") or parts.get("error")


def error_for(response: httpx.Response, *, operation: str = OPERATION) -> APIError:
    """The exception for an answer that is not a success.

    >>> r = httpx.Response(401, headers={"WWW-Authenticate": "Bearer"})
    >>> str(error_for(r))
    'nlpearl POST /v2/Account/AuditLog: the account id or secret key was refused (HTTP 401) (code 401)'
    """
    status = response.status_code
    problem = _problem(response)
    detail = _text(problem.get("detail"))
    title = _text(problem.get("title"))
    where: dict[str, Any] = {"code": status, "status_code": status, "vendor": VENDOR, "operation": operation}
    if status == 400:
        errors = _field_errors(problem.get("errors"))
        listed = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items())
        message = ". ".join(part for part in (title or "the request was refused", detail, listed) if part)
        return RequestValidationError(
            message,
            errors=errors,
            title=title,
            trace_id=_text(problem.get("traceId")),
            details=problem or None,
            **where,
        )
    if status == 401:
        challenge = response.headers.get("WWW-Authenticate", "")
        said = detail or _challenge(challenge)
        message = "the account id or secret key was refused (HTTP 401)"
        return AuthenticationError(f"{message}: {said}" if said else message, details=problem or challenge, **where)
    if status == 403:
        said = detail or title
        message = "these credentials may not read the audit log (HTTP 403)"
        return PermissionDeniedError(f"{message}: {said}" if said else message, details=problem or None, **where)
    said = detail or title or response.reason_phrase or "error"
    error_type = NotFoundError if status == 404 else APIError
    return error_type(f"HTTP {status}: {said}", details=problem or None, **where)
