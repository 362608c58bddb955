"""Building the httpx clients every vendor SDK uses: time-outs, retries, TLS, logging."""

from __future__ import annotations

import logging
import ssl
from typing import Any

import httpx

from ._errors import InvalidInputError
from ._retry import AsyncRetryTransport, Classifier, Describer, RetryPolicy, RetryTransport

logger = logging.getLogger("audit_core")

#: Never wait forever: 5 s to connect, 60 s for each read, write and pool wait.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 3

TimeoutTypes = float | httpx.Timeout | None
VerifyTypes = bool | str | ssl.SSLContext


def make_timeout(timeout: TimeoutTypes) -> httpx.Timeout:
    """Turn the user's ``timeout=`` into an :class:`httpx.Timeout`; ``None`` means the default.

    Waiting forever is not offered: a number sets every phase to that many seconds.

    >>> make_timeout(None).connect
    5.0
    >>> make_timeout(2).read
    2
    """
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        if None in (timeout.connect, timeout.read, timeout.write, timeout.pool):
            raise InvalidInputError("every phase of the timeout needs a limit; waiting forever is not supported")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise InvalidInputError(f"timeout must be a positive number of seconds or an httpx.Timeout, not {timeout!r}")
    return httpx.Timeout(timeout)


def check_base_url(url: str, *, name: str = "base_url") -> str:
    """Refuse an empty or non-HTTP URL before any request; return it without a trailing slash.

    >>> check_base_url("https://api.example.com/v2/")
    'https://api.example.com/v2'
    >>> check_base_url("api.example.com")
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: base_url must be an absolute http(s) URL ...
    """
    if not isinstance(url, str) or not url.strip():
        raise InvalidInputError(f"{name} is empty: pass the API's URL, like https://host/path")
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidInputError(f"{name} is not a valid URL: {url!r} ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidInputError(f"{name} must be an absolute http(s) URL like https://host/path, not {url!r}")
    if parsed.query or parsed.fragment:
        raise InvalidInputError(f"{name} must not carry a query string or fragment: {url!r}")
    return str(parsed).rstrip("/")


def _log_request(request: httpx.Request) -> None:
    # Method and path only: query strings and headers may carry credentials.
    logger.debug("-> %s %s%s", request.method, request.url.host, request.url.path)


def _log_response(response: httpx.Response) -> None:
    logger.debug(
        "<- %s %s%s %d",
        response.request.method,
        response.request.url.host,
        response.request.url.path,
        response.status_code,
    )


async def _alog_request(request: httpx.Request) -> None:
    _log_request(request)


async def _alog_response(response: httpx.Response) -> None:
    _log_response(response)


def build_client(
    *,
    vendor: str,
    base_url: str,
    auth: httpx.Auth | None = None,
    timeout: TimeoutTypes = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_policy: RetryPolicy | None = None,
    verify: VerifyTypes = True,
    headers: dict[str, str] | None = None,
    classify: Classifier | None = None,
    describe: Describer | None = None,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """Build the sync :class:`httpx.Client` a vendor SDK talks through.

    ``retry_policy`` (when given) overrides ``max_retries`` with a whole policy.
    ``transport`` replaces the network (tests); retries wrap it either way.

    >>> with build_client(vendor="demo", base_url="https://example.com") as http:
    ...     http.timeout.connect
    5.0
    """
    policy = retry_policy or RetryPolicy(max_retries=max_retries)
    inner = transport or httpx.HTTPTransport(verify=verify)
    limits = make_timeout(timeout)
    return httpx.Client(
        base_url=check_base_url(base_url),
        auth=auth,
        timeout=limits,
        headers=headers,
        transport=RetryTransport(inner, policy, vendor=vendor, classify=classify, describe=describe, timeout=limits),
        event_hooks={"request": [_log_request], "response": [_log_response]},
    )


def build_async_client(
    *,
    vendor: str,
    base_url: str,
    auth: httpx.Auth | None = None,
    timeout: TimeoutTypes = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_policy: RetryPolicy | None = None,
    verify: VerifyTypes = True,
    headers: dict[str, str] | None = None,
    classify: Classifier | None = None,
    describe: Describer | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """Build the :class:`httpx.AsyncClient` counterpart of :func:`build_client`.

    >>> http = build_async_client(vendor="demo", base_url="https://example.com")
    """
    policy = retry_policy or RetryPolicy(max_retries=max_retries)
    inner = transport or httpx.AsyncHTTPTransport(verify=verify)
    limits = make_timeout(timeout)
    return httpx.AsyncClient(
        base_url=check_base_url(base_url),
        auth=auth,
        timeout=limits,
        headers=headers,
        transport=AsyncRetryTransport(
            inner, policy, vendor=vendor, classify=classify, describe=describe, timeout=limits
        ),
        event_hooks={"request": [_alog_request], "response": [_alog_response]},
    )


def client_repr(obj: Any, base_url: str) -> str:
    """The ``repr`` of an SDK client: its class and URL, never its credentials.

    >>> class Client: pass
    >>> client_repr(Client(), "https://example.com")
    "<Client base_url='https://example.com'>"
    """
    return f"<{type(obj).__name__} base_url={base_url!r}>"
