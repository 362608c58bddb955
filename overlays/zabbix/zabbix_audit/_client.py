"""The Zabbix audit log clients, sync and async."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Self

import httpx

from audit_core import (
    DEFAULT_MAX_RETRIES,
    AsyncClientBase,
    AsyncPager,
    AuditError,
    ConfigurationError,
    InvalidInputError,
    Page,
    Pager,
    RetryPolicy,
    SyncClientBase,
    TimeoutTypes,
    TransportError,
    VerifyTypes,
    build_async_client,
    build_client,
)
from zabbix_audit_api import AuthenticatedClient
from zabbix_audit_api.models import ApiinfoVersionRequest, AuditlogGetParams, AuditlogGetRequest, UserLogoutRequest

from ._auth import ZabbixAuth
from ._errors import VENDOR, classify, describe
from ._models import AuditRecord
from ._paging import AuditCursor, AuditQuery
from ._wire import ENDPOINT, check_credentials, dump, next_id, normalize_url, parse_version, read_result

logger = logging.getLogger("zabbix_audit")

ENV_URL = "ZABBIX_URL"
ENV_TOKEN = "ZABBIX_TOKEN"
ENV_USER = "ZABBIX_USER"
ENV_PASSWORD = "ZABBIX_PASSWORD"


def _env_settings() -> dict[str, Any]:
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        raise ConfigurationError(f"{ENV_URL} is not set: export it, e.g. {ENV_URL}=https://zabbix.example.com/zabbix")
    token = os.environ.get(ENV_TOKEN, "").strip()
    if token:
        return {"base_url": url, "token": token}
    user, password = os.environ.get(ENV_USER, ""), os.environ.get(ENV_PASSWORD)
    if not user or password is None:
        raise ConfigurationError(f"set {ENV_TOKEN}, or {ENV_USER} and {ENV_PASSWORD}, to log in to Zabbix")
    return {"base_url": url, "username": user, "password": password}


def _records(result: Any) -> list[AuditRecord]:
    if isinstance(result, dict):  # preservekeys; never asked for, but read it all the same
        result = list(result.values())
    if not isinstance(result, list) or not all(isinstance(r, dict) for r in result):
        raise TransportError("auditlog.get answered something else than a list of records", vendor=VENDOR)
    return [AuditRecord.from_wire(r) for r in result]


def _auditlog_body(params: AuditlogGetParams) -> bytes:
    return dump(AuditlogGetRequest(params=params, id=next_id()).to_dict())


class _Base:
    _auth: ZabbixAuth
    _base_url: str

    def _setup(self, base_url: str, username: str | None, password: str | None, token: str | None) -> None:
        check_credentials(username, password, token)
        self._base_url = normalize_url(base_url)
        self._auth = ZabbixAuth(username=username, password=password, token=token)

    @property
    def base_url(self) -> str:
        """The frontend URL, like ``https://zabbix.example.com/zabbix`` (the API is below it)."""
        return self._base_url


class Client(_Base, SyncClientBase):
    """A Zabbix audit log client (sync).

    ``base_url`` is the frontend URL, ``https://host/zabbix``; the API URL
    ``https://host/zabbix/api_jsonrpc.php`` is accepted too. Log in with ``username`` and
    ``password`` (a session, closed by :meth:`close`) or with an API ``token``.

    >>> from datetime import datetime, timedelta, timezone
    >>> with Client("https://zabbix.example.com/zabbix", token="...") as zbx:  # doctest: +SKIP
    ...     until = datetime.now(timezone.utc)
    ...     for rec in zbx.iter_audit_log(until - timedelta(days=1), until):
    ...         print(rec.clock, rec.action.name, rec.resourcename)
    """

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._setup(base_url, username, password, token)
        self._http = build_client(
            vendor=VENDOR,
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            classify=classify,
            describe=describe,
            transport=transport,
        )
        self._generated: AuthenticatedClient | None = None

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """Configure from ``ZABBIX_URL`` and ``ZABBIX_TOKEN`` (or ``ZABBIX_USER`` + ``ZABBIX_PASSWORD``).

        >>> zbx = Client.from_env(timeout=30)  # doctest: +SKIP
        """
        return cls(**{**_env_settings(), **kwargs})

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client on this client's connection (auth, retries, time-outs included).

        >>> from zabbix_audit_api.api.jsonrpc import jsonrpc
        >>> answer = jsonrpc.sync(  # doctest: +SKIP
        ...     client=zbx.generated, body=AuditlogGetRequest(params=AuditlogGetParams(limit=1), id=1)
        ... )
        """
        if self._generated is None:
            self._generated = AuthenticatedClient(base_url=self.base_url, token="").set_httpx_client(self._http)
        return self._generated

    def _call(self, method: str, content: bytes) -> Any:
        response = self._http.post(ENDPOINT, content=content, headers={"Content-Type": "application/json"})
        return read_result(response, method)

    @property
    def version(self) -> str:
        """The API version (``apiinfo.version``), e.g. ``"6.0.14"``; asked once."""
        if self._auth.version is None:
            body = ApiinfoVersionRequest(params=[], id=next_id()).to_dict()
            version = str(self._call("apiinfo.version", dump(body)))
            parse_version(version)
            self._auth.version = version
        return self._auth.version

    def login(self) -> None:
        """Ask the version and open the session now, to fail early (otherwise the first call does it)."""
        gen = self._auth.handshake(self._http.build_request("POST", ENDPOINT))
        try:
            request = next(gen)
            while True:
                request = gen.send(self._http.send(request))
        except StopIteration:
            pass

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        userids: Iterable[int | str] | None = None,
        actions: Iterable[int] | None = None,
        resourcetypes: Iterable[int] | None = None,
        search: Mapping[str, str | Sequence[str]] | None = None,
        page_size: int = 1000,
        cursor: AuditCursor | None = None,
    ) -> Pager[AuditRecord, AuditCursor]:
        """Every audit record with ``since <= clock < until``, once each, oldest first.

        ``userids``, ``actions`` (:class:`AuditAction`), ``resourcetypes`` (:class:`ResourceType`)
        keep records matching any of the values; ``search`` maps ``username``, ``ip``,
        ``resourcename`` or ``details`` to a case-insensitive substring (all must match).
        ``page_size`` records are asked for per request. Resume after a failure with
        ``cursor=pager.cursor``.

        >>> pager = zbx.iter_audit_log(since, until, actions=[AuditAction.LOGIN])  # doctest: +SKIP
        >>> [rec.username for rec in pager]  # doctest: +SKIP
        """
        query = AuditQuery.build(
            since,
            until,
            userids=userids,
            actions=actions,
            resourcetypes=resourcetypes,
            search=search,
            page_size=page_size,
        )

        def fetch(at: AuditCursor) -> Page[AuditRecord, AuditCursor]:
            params = query.params(at)
            if params is None:
                return Page([], [], None)
            return query.page(at, params, _records(self._call("auditlog.get", _auditlog_body(params))))

        return Pager(fetch, query.start(cursor))

    def close(self) -> None:
        """Log out of the session this client opened (not of an API token) and close the connection.

        A failed ``user.logout`` is logged as a warning, not raised: the session then expires on the server.
        """
        try:
            if self._auth.has_session:
                body = UserLogoutRequest(params=[], id=next_id()).to_dict()
                try:
                    self._call("user.logout", dump(body))
                except AuditError as exc:  # do not hide the caller's own error; the session will expire
                    logger.warning("zabbix: user.logout failed, the session stays until it expires: %s", exc)
                finally:
                    self._auth.forget_session()
        finally:
            super().close()


class AsyncClient(_Base, AsyncClientBase):
    """The ``async`` counterpart of :class:`Client` (``async with``, ``async for``).

    >>> async with AsyncClient("https://zabbix.example.com/zabbix", token="...") as zbx:  # doctest: +SKIP
    ...     async for rec in zbx.iter_audit_log(since, until):
    ...         print(rec.auditid)
    """

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._setup(base_url, username, password, token)
        self._http = build_async_client(
            vendor=VENDOR,
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            classify=classify,
            describe=describe,
            transport=transport,
        )
        self._generated: AuthenticatedClient | None = None

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """Configure from ``ZABBIX_URL`` and ``ZABBIX_TOKEN`` (or ``ZABBIX_USER`` + ``ZABBIX_PASSWORD``)."""
        return cls(**{**_env_settings(), **kwargs})

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client on this client's connection (use its ``asyncio`` functions)."""
        if self._generated is None:
            self._generated = AuthenticatedClient(base_url=self.base_url, token="").set_async_httpx_client(self._http)
        return self._generated

    async def _call(self, method: str, content: bytes) -> Any:
        response = await self._http.post(ENDPOINT, content=content, headers={"Content-Type": "application/json"})
        return read_result(response, method)

    @property
    def version(self) -> str:
        """The API version; known after ``async with``, :meth:`login` or :meth:`get_version`."""
        if self._auth.version is None:
            raise InvalidInputError("the version is not known yet: use `async with`, or await get_version()")
        return self._auth.version

    async def get_version(self) -> str:
        """Ask ``apiinfo.version`` (once) and return it."""
        if self._auth.version is None:
            body = ApiinfoVersionRequest(params=[], id=next_id()).to_dict()
            version = str(await self._call("apiinfo.version", dump(body)))
            parse_version(version)
            self._auth.version = version
        return self._auth.version

    async def login(self) -> None:
        """Ask the version and open the session now, to fail early."""
        gen = self._auth.handshake(self._http.build_request("POST", ENDPOINT))
        try:
            request = next(gen)
            while True:
                request = gen.send(await self._http.send(request))
        except StopIteration:
            pass

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        userids: Iterable[int | str] | None = None,
        actions: Iterable[int] | None = None,
        resourcetypes: Iterable[int] | None = None,
        search: Mapping[str, str | Sequence[str]] | None = None,
        page_size: int = 1000,
        cursor: AuditCursor | None = None,
    ) -> AsyncPager[AuditRecord, AuditCursor]:
        """Every audit record with ``since <= clock < until``, once each, oldest first (see :class:`Client`)."""
        query = AuditQuery.build(
            since,
            until,
            userids=userids,
            actions=actions,
            resourcetypes=resourcetypes,
            search=search,
            page_size=page_size,
        )

        async def fetch(at: AuditCursor) -> Page[AuditRecord, AuditCursor]:
            params = query.params(at)
            if params is None:
                return Page([], [], None)
            return query.page(at, params, _records(await self._call("auditlog.get", _auditlog_body(params))))

        return AsyncPager(fetch, query.start(cursor))

    async def aclose(self) -> None:
        """Log out of the session this client opened (not of an API token) and close the connection.

        A failed ``user.logout`` is logged as a warning, not raised: the session then expires on the server.
        """
        try:
            if self._auth.has_session:
                body = UserLogoutRequest(params=[], id=next_id()).to_dict()
                try:
                    await self._call("user.logout", dump(body))
                except AuditError as exc:  # do not hide the caller's own error; the session will expire
                    logger.warning("zabbix: user.logout failed, the session stays until it expires: %s", exc)
                finally:
                    self._auth.forget_session()
        finally:
            await super().aclose()

    async def __aenter__(self) -> Self:
        try:
            await self.login()
        except BaseException:
            await self._http.aclose()
            raise
        return self
