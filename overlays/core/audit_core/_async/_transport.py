"""The retrying transport every SDK client sends through (written once here; scripts/unasync.py writes the twin)."""

from __future__ import annotations

import httpx

from .._backend import async_sleep
from .._retry import (
    RETRYABLE_HTTPX,
    STREAM_EXTENSION,
    Attempts,
    Classifier,
    Describer,
    RetryPolicy,
    apply_timeouts,
    describe_path,
    transport_reason,
)


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wrap a transport with the retry policy.

    Connection errors, time-outs, bodies that fail to decode, HTTP 408/429/5xx and
    whatever the vendor's ``classify`` hook calls retryable are retried; then
    :class:`~audit_core.RetriesExhaustedError` is raised.

    >>> t = AsyncRetryTransport(httpx.AsyncHTTPTransport(), RetryPolicy(max_retries=2), vendor="demo")
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        vendor: str,
        classify: Classifier | None = None,
        describe: Describer | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        self._timeout = timeout
        self._wrapped = wrapped
        self._policy = policy
        self._vendor = vendor
        self._classify = classify
        self._describe = describe or describe_path

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, again and again while the answer is retryable and attempts are left."""
        attempts = Attempts(self._policy, self._vendor, self._classify, self._describe)
        stream = bool(request.extensions.get(STREAM_EXTENSION))
        apply_timeouts(request, self._timeout)
        while True:
            attempts.count += 1
            try:
                response = await self._wrapped.handle_async_request(request)
                if stream and response.status_code == 200:
                    return response
                await response.aread()
            except RETRYABLE_HTTPX as exc:
                reason = transport_reason(exc)
            else:
                judged = attempts.judge(request, response)
                if judged is None:
                    return response
                reason = judged
                await response.aclose()
            await async_sleep(attempts.next_delay(request, reason))

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._wrapped.aclose()
