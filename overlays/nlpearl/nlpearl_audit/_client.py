"""The NLPearl clients: :class:`Client` (sync) and :class:`AsyncClient`."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from typing import Any, Self

import httpx

from audit_core import (
    DEFAULT_MAX_RETRIES,
    AsyncClientBase,
    AsyncPager,
    ConfigurationError,
    Page,
    Pager,
    RetryPolicy,
    Secret,
    SyncClientBase,
    TimeoutTypes,
    VerifyTypes,
    build_async_client,
    build_client,
    check_base_url,
)
from nlpearl_audit_api import AuthenticatedClient

from ._auth import BearerAuth
from ._enums import EventType
from ._errors import VENDOR
from ._models import AuditEvent
from ._query import DEFAULT_WINDOW, PATH, AuditLogCursor, AuditLogQuery, classify, describe, read_records

DEFAULT_BASE_URL = "https://api.nlpearl.ai"
ENV_ACCOUNT_ID = "NLPEARL_ACCOUNT_ID"
ENV_SECRET_KEY = "NLPEARL_SECRET_KEY"
ENV_BASE_URL = "NLPEARL_BASE_URL"
_HEADERS = {"Accept": "application/json"}


def _from_env(kwargs: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, variable in (("account_id", ENV_ACCOUNT_ID), ("secret_key", ENV_SECRET_KEY)):
        value = os.environ.get(variable, "")
        if not value:
            raise ConfigurationError(f"environment variable {variable} is not set (or empty)")
        values[name] = value
    if "base_url" not in kwargs and os.environ.get(ENV_BASE_URL):
        values["base_url"] = os.environ[ENV_BASE_URL]
    return {**values, **kwargs}


class _Base:
    """What the sync and async clients share: credentials, URL, repr."""

    def __init__(self, account_id: str, secret_key: str | Secret, base_url: str) -> None:
        self._auth = BearerAuth(account_id, secret_key)
        self._base_url = check_base_url(base_url)

    @property
    def base_url(self) -> str:
        """The API's base URL, like ``https://api.nlpearl.ai``."""
        return self._base_url

    @property
    def account_id(self) -> str:
        """The NLPearl account this client reads."""
        return self._auth.account_id


class Client(_Base, SyncClientBase):
    """Read the NLPearl audit log.

    ``account_id`` and ``secret_key`` are sent as ``Authorization: Bearer
    <accountId>:<secretKey>``. ``timeout`` (seconds or an ``httpx.Timeout``;
    default 5 s connect, 60 s read) and ``max_retries`` (default 3, with
    exponential backoff; ``retry_policy`` for full control) apply to every
    request. ``.generated`` is the generated ``AuthenticatedClient`` wired to
    the same connection, auth and retries.

    >>> from datetime import datetime, timedelta, timezone
    >>> with Client(account_id="acc", secret_key="key") as pearl:  # doctest: +SKIP
    ...     since = datetime(2024, 5, 1, tzinfo=timezone.utc)
    ...     for ev in pearl.iter_audit_log(since, since + timedelta(days=7)):
    ...         print(ev.timestamp, ev.event_type.name, ev.user)
    """

    def __init__(
        self,
        account_id: str,
        secret_key: str | Secret,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(account_id, secret_key, base_url)
        self._http = build_client(
            vendor=VENDOR,
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            headers=_HEADERS,
            classify=classify,
            describe=describe,
            transport=transport,
        )
        self.generated = AuthenticatedClient(base_url=self.base_url, token="").set_httpx_client(self._http)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """Build a client from ``NLPEARL_ACCOUNT_ID`` and ``NLPEARL_SECRET_KEY``.

        ``NLPEARL_BASE_URL``, when set, replaces the default URL; keyword
        arguments win over the environment.

        >>> pearl = Client.from_env(timeout=10)  # doctest: +SKIP
        """
        return cls(**_from_env(kwargs))

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        event_type: EventType | int | None = None,
        user_id: str | None = None,
        window: timedelta = DEFAULT_WINDOW,
        cursor: AuditLogCursor | None = None,
    ) -> Pager[AuditEvent, AuditLogCursor]:
        """Every event in ``[since, until)``, in time order, each exactly once.

        The range is read in windows of ``window`` (one request each); filter by
        ``event_type`` and ``user_id`` on the server. The iterator's ``.cursor``
        after a failure resumes the same iteration: pass it as ``cursor=``.

        >>> for ev in pearl.iter_audit_log(since, until, event_type=EventType.LOGIN_SUCCESSFUL):  # doctest: +SKIP
        ...     print(ev.timestamp, ev.user)
        """
        query = AuditLogQuery.build(since, until, event_type=event_type, user_id=user_id, window=window)
        start = query.first_cursor(cursor)

        def fetch(at: AuditLogCursor) -> Page[AuditEvent, AuditLogCursor]:
            begin, end = query.span(at)
            if begin >= end:
                return Page([], [], None)
            response = self._http.post(PATH, json=query.body(begin, end))
            return query.page(at, begin, end, read_records(response))

        return Pager(fetch, start)


class AsyncClient(_Base, AsyncClientBase):
    """The ``async`` counterpart of :class:`Client` (same arguments).

    >>> async with AsyncClient.from_env() as pearl:  # doctest: +SKIP
    ...     async for ev in pearl.iter_audit_log(since, until):
    ...         print(ev.timestamp, ev.event_type.name)
    """

    def __init__(
        self,
        account_id: str,
        secret_key: str | Secret,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(account_id, secret_key, base_url)
        self._http = build_async_client(
            vendor=VENDOR,
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            headers=_HEADERS,
            classify=classify,
            describe=describe,
            transport=transport,
        )
        self.generated = AuthenticatedClient(base_url=self.base_url, token="").set_async_httpx_client(self._http)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """Build a client from ``NLPEARL_ACCOUNT_ID`` and ``NLPEARL_SECRET_KEY`` (see :meth:`Client.from_env`)."""
        return cls(**_from_env(kwargs))

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        event_type: EventType | int | None = None,
        user_id: str | None = None,
        window: timedelta = DEFAULT_WINDOW,
        cursor: AuditLogCursor | None = None,
    ) -> AsyncPager[AuditEvent, AuditLogCursor]:
        """Every event in ``[since, until)`` for ``async for`` (see :meth:`Client.iter_audit_log`).

        >>> async for ev in pearl.iter_audit_log(since, until, user_id="u-1"):  # doctest: +SKIP
        ...     print(ev.event_type)
        """
        query = AuditLogQuery.build(since, until, event_type=event_type, user_id=user_id, window=window)
        start = query.first_cursor(cursor)

        async def fetch(at: AuditLogCursor) -> Page[AuditEvent, AuditLogCursor]:
            begin, end = query.span(at)
            if begin >= end:
                return Page([], [], None)
            response = await self._http.post(PATH, json=query.body(begin, end))
            return query.page(at, begin, end, read_records(response))

        return AsyncPager(fetch, start)
