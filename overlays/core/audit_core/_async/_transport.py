"""The retrying transport every SDK client sends through (written once here; scripts/unasync.py writes the twin)."""

from __future__ import annotations

import threading

import httpx

from .._backend import async_sleep
from .._http import VerifyTypes
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


class AsyncLazyTransport(httpx.AsyncBaseTransport):
    """The network transport (:class:`httpx.AsyncHTTPTransport`), built when the first request is sent.

    Building it imports httpcore and makes a TLS context with the CA bundle: about 40 ms, most of
    what constructing a client would cost otherwise. A client that never sends pays nothing.

    >>> t = AsyncLazyTransport()
    >>> t.built
    False
    """

    def __init__(self, *, verify: VerifyTypes = True) -> None:
        self._verify = verify
        self._lock = threading.Lock()  # held while building only (no await inside): one transport per client
        self._transport: httpx.AsyncHTTPTransport | None = None

    @property
    def built(self) -> bool:
        """Whether the network transport exists yet."""
        return self._transport is not None

    def _built(self) -> httpx.AsyncHTTPTransport:
        transport = self._transport
        if transport is None:
            with self._lock:
                if self._transport is None:
                    self._transport = httpx.AsyncHTTPTransport(verify=self._verify)
                transport = self._transport
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the network transport, building it on the first call."""
        return await self._built().handle_async_request(request)

    async def aclose(self) -> None:
        """Close the network transport, if it was ever built."""
        if self._transport is not None:
            await self._transport.aclose()
