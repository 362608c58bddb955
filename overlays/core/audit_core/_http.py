"""What every SDK client checks and sets on its httpx client: time-outs, base URLs, logging."""

from __future__ import annotations

import ipaddress
import logging
import ssl
import warnings
from typing import Any

import httpx

from ._errors import InvalidInputError

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


class InsecureTransportWarning(UserWarning):
    """Credentials are about to travel over plain ``http://`` to a host that is not this machine."""


_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine (``localhost``, 127.0.0.0/8, ``::1``).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("example.com")
    (True, True, True, False)
    """
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warn_if_plain_http(url: str, *, vendor: str | None = None) -> None:
    """Warn (:class:`InsecureTransportWarning`) when ``url`` is plain ``http://`` to a remote host.

    >>> warn_if_plain_http("http://127.0.0.1:8080")   # loopback: no warning
    """
    parsed = httpx.URL(url)
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        where = f"{vendor}: " if vendor else ""
        warnings.warn(
            f"{where}{parsed.host} is reached over plain http://: credentials and audit data travel unencrypted; "
            "use https://",
            InsecureTransportWarning,
            stacklevel=4,
        )


def check_base_url(url: str, *, name: str = "base_url", vendor: str | None = None) -> str:
    """Refuse an empty or non-HTTP URL, or one with user info, before any request; return it without a trailing slash.

    >>> check_base_url("https://user:pa55@api.example.com")
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: base_url must not carry user info (user:password@): ...

    >>> check_base_url("https://api.example.com/v2/")
    'https://api.example.com/v2'
    >>> check_base_url("api.example.com")
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: base_url must be an absolute http(s) URL ...
    """
    if not isinstance(url, str) or not url.strip():
        raise InvalidInputError(f"{name} is empty: pass the API's URL, like https://host/path", vendor=vendor)
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        raise InvalidInputError(f"{name} is not a valid URL", vendor=vendor) from None
    if parsed.userinfo:
        # Never repeat the URL: its user info may hold a password.
        raise InvalidInputError(
            f"{name} must not carry user info (user:password@): pass credentials as arguments, "
            f"like https://{parsed.host}{parsed.path}",
            vendor=vendor,
        )
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidInputError(
            f"{name} must be an absolute http(s) URL like https://host/path, not {url!r}", vendor=vendor
        )
    if parsed.query or parsed.fragment:
        raise InvalidInputError(f"{name} must not carry a query string or fragment: {url!r}", vendor=vendor)
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


async def async_log_request(request: httpx.Request) -> None:
    """Log the method and path of a request (never its query string or headers)."""
    _log_request(request)


async def async_log_response(response: httpx.Response) -> None:
    """Log the method, path and status of an answer."""
    _log_response(response)


def log_request(request: httpx.Request) -> None:
    """Log the method and path of a request (never its query string or headers)."""
    _log_request(request)


def log_response(response: httpx.Response) -> None:
    """Log the method, path and status of an answer."""
    _log_response(response)


def client_repr(obj: Any, base_url: str) -> str:
    """The ``repr`` of an SDK client: its class and URL, never its credentials.

    >>> class Client: pass
    >>> client_repr(Client(), "https://example.com")
    "<Client base_url='https://example.com'>"
    """
    return f"<{type(obj).__name__} base_url={base_url!r}>"
