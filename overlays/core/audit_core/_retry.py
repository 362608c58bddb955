"""Retries with exponential backoff and jitter, as httpx transports.

:class:`RetryTransport` (sync) and :class:`AsyncRetryTransport` wrap the real
transport. Connection errors, time-outs, truncated bodies, HTTP 408/429/5xx and
whatever the vendor's ``classify`` hook calls retryable (an error envelope that
means "rate limited", a garbled JSON body) are retried up to
``RetryPolicy.max_retries`` times; after that :class:`RetriesExhaustedError`
names the vendor, the operation, the attempts and the last cause. All the calls
these SDKs make are reads, so repeating them is safe.

Why our own loop rather than httpx-retries or stamina: whether to retry often
depends on the fully read body (a JSON-RPC error inside an HTTP 200, a Navixy
envelope code, a garbled or undecodable body), which httpx-retries' status and
method rules cannot see; stamina retries a function, not a transport, so the
requests an ``httpx.Auth`` flow makes (logins) and every generated operation
would escape it; and neither raises one typed error naming the vendor, the
operation, the attempts and the last cause. The policy itself is a dozen lines.
"""

from __future__ import annotations

import email.utils
import logging
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from ._errors import APIError, InvalidInputError, RateLimitError, RetriesExhaustedError, TransportError
from ._json import json_body

logger = logging.getLogger("audit_core")

#: A request extension: when true, the body is left unread for the caller to stream.
STREAM_EXTENSION = "audit_core.stream"

RETRYABLE_STATUSES = frozenset({408, 429})

_CALL_TIMEOUT: ContextVar[httpx.Timeout | None] = ContextVar("audit_core_call_timeout", default=None)


@contextmanager
def call_timeout(timeout: httpx.Timeout | None) -> Iterator[None]:
    """Apply ``timeout`` to every request sent in this block (and its tasks), overriding the client's.

    ``None`` keeps the client's own. Vendor SDKs use it for their per-call ``timeout=``.

    >>> with call_timeout(httpx.Timeout(2.0)):
    ...     pass
    """
    token = _CALL_TIMEOUT.set(timeout)
    try:
        yield
    finally:
        _CALL_TIMEOUT.reset(token)


def apply_timeouts(request: httpx.Request, default: httpx.Timeout | None) -> None:
    """Give ``request`` the time-out of the block it is sent in, else the client's.

    httpx sets the client's time-out on the requests it builds, not on those an
    ``httpx.Auth`` flow makes itself (a login, a token fetch): without this they
    would wait forever.
    """
    timeout = _CALL_TIMEOUT.get()
    if timeout is not None:
        request.extensions["timeout"] = timeout.as_dict()
    elif "timeout" not in request.extensions and default is not None:
        request.extensions["timeout"] = default.as_dict()


# Dataclasses rather than attrs: httpx imports dataclasses already, and a client's construction
# then imports no attrs at all (about 11 ms of start-up time).
@dataclass(frozen=True, slots=True)
class RetryReason:
    """Why an answer should be retried; ``retry_after`` in seconds when the server said."""

    cause: BaseException
    retry_after: float | None = None


#: Looks at a fully read answer and says whether (and why) to retry it.
Classifier = Callable[[httpx.Request, httpx.Response], RetryReason | None]
#: Names the operation of a request for errors and logs (default: the URL path).
Describer = Callable[[httpx.Request], str]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently to retry.

    The n-th retry waits ``min(backoff_max, backoff_base * 2**(n-1))`` seconds,
    scaled by a random factor in ``[1 - jitter, 1]``, or what ``Retry-After`` said
    (capped at ``retry_after_max``).

    >>> RetryPolicy(max_retries=0).max_retries
    0
    >>> RetryPolicy(jitter=0).delay(3)
    2.0
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    jitter: float = 0.5
    retry_after_max: float = 60.0

    def __post_init__(self) -> None:
        value = self.max_retries
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInputError(f"max_retries must be an integer >= 0, not {value!r}")

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1-based)."""
        if retry_after is not None:
            return max(0.0, min(retry_after, self.retry_after_max))
        base = min(self.backoff_max, self.backoff_base * 2.0 ** (retry - 1))
        return base * (1 - self.jitter * random.random())


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Read a ``Retry-After`` header: delay-seconds or an HTTP-date.

    >>> parse_retry_after("3")
    3.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT",
    ...                   now=datetime(2015, 10, 21, 7, 28, tzinfo=UTC))
    10.0
    >>> parse_retry_after("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def classify_status(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry HTTP 408, 429 and every 5xx; honour ``Retry-After``.

    >>> r = httpx.Response(429, headers={"Retry-After": "2"}, request=httpx.Request("GET", "http://x"))
    >>> classify_status(r.request, r).retry_after
    2.0
    """
    status = response.status_code
    if status not in RETRYABLE_STATUSES and status < 500:
        return None
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    error_type = RateLimitError if status == 429 else APIError
    cause = error_type(f"HTTP {status} {response.reason_phrase}".rstrip(), code=status, status_code=status)
    return RetryReason(cause, retry_after)


def describe_path(request: httpx.Request) -> str:
    return request.url.path


@dataclass(slots=True)
class Attempts:
    """The retry loop's bookkeeping, shared by the transports and the client's own retry loop.

    >>> a = Attempts(RetryPolicy(max_retries=1, jitter=0), "demo", None, lambda r: "op")
    >>> a.count = 1
    >>> a.next_delay("op", RetryReason(TransportError("cut")))
    0.5
    """

    policy: RetryPolicy
    vendor: str
    classify: Classifier | None
    describe: Describer
    count: int = 0

    def judge(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        # The vendor speaks first: it can name its own rate-limit answer even when it comes with a 429.
        reason = self.classify(request, response) if self.classify is not None else None
        return reason if reason is not None else classify_status(request, response)

    def next_delay(self, request: httpx.Request | str, reason: RetryReason) -> float:
        """Seconds to wait before the next attempt, or raise when none is left.

        ``request`` is the request that failed, or the operation's name.
        """
        operation = request if isinstance(request, str) else self.describe(request)
        if self.count > self.policy.max_retries:
            raise RetriesExhaustedError(
                attempts=self.count, last_cause=reason.cause, vendor=self.vendor, operation=operation
            ) from reason.cause
        delay = self.policy.delay(self.count, reason.retry_after)
        logger.info(
            "%s %s: attempt %d failed (%s); retrying in %.2fs",
            self.vendor,
            operation,
            self.count,
            _cause_text(reason.cause),
            delay,
        )
        return delay


def _cause_text(cause: BaseException) -> str:
    return str(cause) or type(cause).__name__


#: httpx failures a new attempt may cure: the connection, a time-out, a body that does not decode.
RETRYABLE_HTTPX = (httpx.TransportError, httpx.DecodingError)


def transport_reason(exc: httpx.TransportError | httpx.DecodingError) -> RetryReason:
    """Why a request that failed below HTTP is retried.

    >>> transport_reason(httpx.DecodingError("bad gzip")).cause
    TransportError('the answer could not be decoded: bad gzip')
    """
    if isinstance(exc, httpx.DecodingError):
        kind = "the answer could not be decoded"
    elif isinstance(exc, httpx.TimeoutException):
        kind = "timed out"
    else:
        kind = "connection failed"
    return RetryReason(TransportError(f"{kind}: {_cause_text(exc)}"))


def error_reason(exc: BaseException) -> RetryReason | None:
    """Why an exception raised while reading an answer may be retried, or ``None`` when it may not.

    Used by the retry loop around work that is more than one request (a streamed download):
    httpx transport and decoding failures, our :class:`TransportError` and :class:`RateLimitError`.

    >>> error_reason(TransportError("cut")).cause
    TransportError('cut')
    >>> error_reason(ValueError("no")) is None
    True
    """
    if isinstance(exc, RETRYABLE_HTTPX):
        return transport_reason(exc)
    if isinstance(exc, RateLimitError):
        return RetryReason(exc, exc.retry_after)
    if isinstance(exc, TransportError):
        return RetryReason(exc)
    return None


def classify_unreadable_json(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry a 2xx answer whose body is not JSON (an HTML error page, a cut-off body).

    For APIs that always answer JSON; vendors chain it into their ``classify``.

    >>> req = httpx.Request("POST", "http://x")
    >>> classify_unreadable_json(req, httpx.Response(200, text="<html>", request=req)).cause
    TransportError('the answer is not valid JSON (HTTP 200, text/plain; charset=utf-8)')
    """
    if not 200 <= response.status_code < 300:
        return None
    try:
        json_body(response)
    except ValueError:
        kind = response.headers.get("Content-Type", "no content type")
        return RetryReason(TransportError(f"the answer is not valid JSON (HTTP {response.status_code}, {kind})"))
    return None
