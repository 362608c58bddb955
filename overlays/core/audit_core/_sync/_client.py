# Generated from overlays/core/audit_core/_async/_client.py by scripts/unasync.py: edit that file.
"""The one base client of every SDK (written once here; scripts/unasync.py writes the twin in ``_sync/``).

It owns what no vendor should write again: building the httpx client (time-outs,
retries, TLS, logging), the base URL checks, the lifecycle (``with``,
``close()``), a repr without secrets, the wiring of the generated client
(``.generated``) and ``from_env()``. A vendor's client subclasses it and supplies
hooks only:

* ``VENDOR``, ``ENV`` (its :class:`~audit_core.EnvSpec`), ``DEFAULT_BASE_URL``,
  ``HEADERS`` and ``GENERATED_CLIENT`` (the generated ``AuthenticatedClient``, or where
  it is, ``"package:AuthenticatedClient"``, to import it with the first ``.generated``);
* its ``httpx.Auth`` flow, passed to ``super().__init__(auth=...)``;
* ``classify(request, response)``: the vendor's retryable answers;
* ``operation(request)``: the vendor's name of the call, for errors and logs;
* its one page fetch, in ``iter_audit_log``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Self, TypedDict, TypeVar, Unpack

import httpx

from .._backend import sleep
from .._config import DEFAULT_CONCURRENCY, EnvSpec, check_concurrency, check_options
from .._errors import InvalidInputError, TransportError
from .._http import (
    DEFAULT_MAX_RETRIES,
    TimeoutTypes,
    VerifyTypes,
    check_base_url,
    client_repr,
    log_request,
    log_response,
    make_timeout,
    warn_if_plain_http,
)
from .._retry import Attempts, RetryPolicy, RetryReason, describe_path, error_reason
from ._transport import LazyTransport, RetryTransport

T = TypeVar("T")


class ClientOptions(TypedDict, total=False):
    """The options every client takes, by keyword, in its constructor and in ``from_env()``.

    * ``timeout``: seconds or an :class:`httpx.Timeout` (default 5 s connect, 60 s read);
    * ``max_retries``: retries after the first attempt (default 3; 0 disables);
    * ``retry_policy``: a whole :class:`~audit_core.RetryPolicy`, instead of ``max_retries``;
    * ``verify``: TLS verification (default on; a CA bundle path or an ``ssl.SSLContext``);
    * ``transport``: an httpx transport to send through instead of the network (tests);
    * ``concurrency``: requests a pull keeps in flight, 1 to 16 (default 8): the window is read
      in time slices in parallel (the sync client uses threads), records still come out in order
      with exact cursors; 1 reads page after page.
    """

    timeout: TimeoutTypes
    max_retries: int
    retry_policy: RetryPolicy | None
    verify: VerifyTypes
    transport: httpx.BaseTransport | None
    concurrency: int


def _network_transport(verify: VerifyTypes) -> httpx.BaseTransport:
    """The transport to the network: built on the first request (start-up time), unless ``verify`` names a CA file.

    A CA bundle's path is read now, so that a wrong path fails in the constructor, as it always has.
    """
    if isinstance(verify, str):
        return httpx.HTTPTransport(verify=verify)
    return LazyTransport(verify=verify)


class BaseClient:
    """Base of every vendor's ``Client``; see the module docs for the hooks.

    >>> class Demo(BaseClient):
    ...     VENDOR = "demo"
    >>> Demo("https://example.com", auth=None)
    <Demo base_url='https://example.com'>
    """

    VENDOR: ClassVar[str] = "?"
    ENV: ClassVar[EnvSpec | None] = None
    DEFAULT_BASE_URL: ClassVar[str | None] = None
    HEADERS: ClassVar[Mapping[str, str]] = {}
    GENERATED_CLIENT: ClassVar[Callable[..., Any] | str | None] = None

    def __init__(self, base_url: str, *, auth: httpx.Auth | None, **options: Unpack[ClientOptions]) -> None:
        check_options(options)
        self._concurrency = check_concurrency(options.get("concurrency", DEFAULT_CONCURRENCY), vendor=self.VENDOR)
        self._base_url = check_base_url(base_url, vendor=self.VENDOR)
        warn_if_plain_http(self._base_url, vendor=self.VENDOR)
        max_retries = options.get("max_retries", DEFAULT_MAX_RETRIES)
        self._retry_policy = options.get("retry_policy") or RetryPolicy(max_retries=max_retries)
        limits = make_timeout(options.get("timeout"))
        inner = options.get("transport") or _network_transport(options.get("verify", True))
        self._http = httpx.Client(
            base_url=self._base_url,
            auth=auth,
            timeout=limits,
            headers=dict(self.HEADERS),
            transport=RetryTransport(
                inner,
                self._retry_policy,
                vendor=self.VENDOR,
                classify=self.classify,
                describe=self.operation,
                timeout=limits,
            ),
            event_hooks={"request": [log_request], "response": [log_response]},
        )
        self._generated: Any = None

    # -- hooks -------------------------------------------------------------------------------------

    def classify(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        """The vendor's hook: why a fully read answer should be retried (``None``: it should not).

        HTTP 408, 429 and 5xx are retried whatever this says.
        """
        return None

    def operation(self, request: httpx.Request) -> str:
        """The vendor's hook: the name of the call ``request`` makes, for errors and logs (default: its path)."""
        return describe_path(request)

    # -- what every client has -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API's base URL, without a trailing slash."""
        return self._base_url

    @property
    def generated(self) -> Any:
        """The generated client, talking through this client's auth, retries and time-outs.

        Every operation of the spec is there, as the generator wrote it; use its
        ``asyncio`` functions with an ``Client`` and its ``sync`` ones with a ``Client``.
        """
        if self._generated is None:
            if self.GENERATED_CLIENT is None:
                raise InvalidInputError("this client has no generated client", vendor=self.VENDOR)
            factory = self.GENERATED_CLIENT
            if isinstance(factory, str):  # "package:Name": imported now, not with the SDK (start-up time)
                module, _, name = factory.partition(":")
                factory = getattr(importlib.import_module(module), name)
            # The token is never used (our httpx client signs requests): it must not hold a secret.
            generated = factory(base_url=self._base_url, token="")
            self._generated = generated.set_httpx_client(self._http)
        return self._generated

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        base_url: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """A client configured from the vendor's environment variables (``ENV``), with ``options`` on top.

        ``environ`` defaults to ``os.environ``; ``base_url=`` wins over the URL variable. Missing,
        partial or conflicting variables raise :class:`~audit_core.ConfigurationError` naming them.
        """
        check_options(options)
        return cls(**cls._env_settings(environ, base_url), **options)

    @classmethod
    def _env_settings(cls, environ: Mapping[str, str] | None, base_url: str | None) -> dict[str, Any]:
        """The constructor arguments the environment gives (for vendors that override ``from_env``)."""
        if cls.ENV is None:
            raise InvalidInputError(f"{cls.__name__} reads no environment", vendor=cls.VENDOR)
        env = dict(os.environ if environ is None else environ)
        if base_url is not None and cls.ENV.url is not None:
            env[cls.ENV.url.name] = base_url  # wins over the variable, and satisfies a required one
        settings = cls.ENV.read(env)
        if base_url is not None and cls.ENV.url is None:
            settings["base_url"] = base_url
        return settings

    def _send(self, request: httpx.Request, operation: str) -> httpx.Response:
        """Send ``request``; an httpx failure the retries did not absorb becomes a :class:`TransportError`."""
        try:
            return self._http.send(request)
        except httpx.HTTPError as exc:
            raise TransportError(str(exc) or type(exc).__name__, vendor=self.VENDOR, operation=operation) from None

    def _post(self, path: str, operation: str, **kwargs: Any) -> httpx.Response:
        """``POST path`` (``json=``, ``params=``, ``data=``...) through :meth:`_send`."""
        return self._send(self._http.build_request("POST", path, **kwargs), operation)

    def _retrying(self, operation: str, attempt: Callable[[int], T]) -> T:
        """Run ``attempt(n)`` (n = 1, 2, ...) under the client's retry policy.

        The retry loop for work that is more than one request, like a streamed download:
        transport, decoding, :class:`TransportError` and :class:`RateLimitError` failures
        are retried; anything else is raised at once.
        """
        attempts = Attempts(self._retry_policy, self.VENDOR, None, describe_path)
        while True:
            attempts.count += 1
            try:
                return attempt(attempts.count)
            except Exception as exc:
                reason = error_reason(exc)
                if reason is None:
                    raise
            sleep(attempts.next_delay(operation, reason))

    def close(self) -> None:
        """Close the connections (and whatever the vendor's client holds)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return client_repr(self, self._base_url)
