"""The Navixy audit-log clients, sync and async."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Self

import attrs
import httpx

from audit_core import (
    DEFAULT_MAX_RETRIES,
    AsyncClientBase,
    AsyncPager,
    ConfigurationError,
    InvalidInputError,
    Page,
    Pager,
    RetryPolicy,
    Secret,
    SyncClientBase,
    TimeoutTypes,
    TransportError,
    VerifyTypes,
    build_async_client,
    build_client,
    check_base_url,
    check_ints,
    check_window,
    require_aware,
)
from navixy_audit_api import AuthenticatedClient
from navixy_audit_api.models import AuditLogListRequest, AuditLogListRequestGrouping, AuditLogListResponse

from ._auth import NavixyAuth
from ._errors import VENDOR, classify, operation_of, read_envelope
from ._models import AuditLogCursor, AuditRecord, format_datetime
from ._paging import DEFAULT_PAGE_SIZE, DEFAULT_WINDOW, MIN_WINDOW, Plan, Query, run_async, run_sync

DEFAULT_BASE_URL = "https://api.eu.navixy.com/v2"
LIST_OPERATION = "user/audit/log/list"
LIST_PATH = "/" + LIST_OPERATION
#: Every date/time as ISO 8601 with an offset, whatever time zone the user has set.
ISO_HEADERS = {"NVX-ISO-DateTime": "true"}
_SORT = ["action_datetime=asc"]
_SORT_OPTION = re.compile(r"^(action|action_date|action_datetime|user|host)=(asc|desc)$")


@attrs.frozen
class _Filters:
    subuser_ids: list[int] | None
    actions: list[str] | None


def _check_actions(values: Iterable[object] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError("actions must be a list of strings, not a single string: actions=['create']")
    out: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise InvalidInputError(f"actions: {value!r} is not a non-empty string")
        out.append(str(value))
    if not out:
        raise InvalidInputError("actions is empty: pass None to leave the filter out")
    return out


def _check_subusers(values: Iterable[object] | None) -> list[int] | None:
    ids = check_ints(values, "subuser_ids")
    if ids is not None and not ids:
        raise InvalidInputError("subuser_ids is empty: pass None to leave the filter out")
    return ids


def _check_page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(f"page_size must be an integer >= 1, not {value!r}")
    return value


def _check_window_size(value: object) -> timedelta:
    if not isinstance(value, timedelta) or value < MIN_WINDOW:
        raise InvalidInputError(f"window must be a timedelta of at least {MIN_WINDOW}, not {value!r}")
    return value


def _env_credentials(environ: Mapping[str, str]) -> dict[str, Any]:
    url = environ.get("NAVIXY_URL", "").strip() or DEFAULT_BASE_URL
    api_key = environ.get("NAVIXY_API_KEY", "").strip()
    login = environ.get("NAVIXY_LOGIN", "").strip()
    password = environ.get("NAVIXY_PASSWORD", "")
    if api_key and (login or password):
        raise ConfigurationError("set NAVIXY_API_KEY or NAVIXY_LOGIN + NAVIXY_PASSWORD, not both", vendor=VENDOR)
    if api_key:
        return {"base_url": url, "api_key": Secret(api_key)}
    if login and password:
        return {"base_url": url, "login": Secret(login), "password": Secret(password)}
    if login or password:
        raise ConfigurationError("NAVIXY_LOGIN and NAVIXY_PASSWORD must both be set", vendor=VENDOR)
    raise ConfigurationError(
        "no Navixy credentials in the environment: set NAVIXY_API_KEY, or NAVIXY_LOGIN and NAVIXY_PASSWORD "
        "(and NAVIXY_URL for a platform other than https://api.eu.navixy.com/v2)",
        vendor=VENDOR,
    )


def _records(response: httpx.Response) -> list[AuditRecord]:
    body = read_envelope(response, LIST_OPERATION)
    try:
        parsed = AuditLogListResponse.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TransportError(
            f"unreadable user/audit/log/list answer: {exc!r}", vendor=VENDOR, operation=LIST_OPERATION
        ) from None
    return [AuditRecord.from_generated(raw) for raw in parsed.list_]


class _Base:
    """What the sync and async clients share: settings, validation, request bodies."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | Secret | None,
        login: str | Secret | None,
        password: str | Secret | None,
        timeout: TimeoutTypes,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        verify: VerifyTypes,
        window: timedelta,
    ) -> None:
        self._base_url = check_base_url(base_url)
        self._auth = NavixyAuth(base_url=self._base_url, api_key=api_key, login=login, password=password)
        self._window = _check_window_size(window)
        self._client_kwargs: dict[str, Any] = {
            "vendor": VENDOR,
            "base_url": self._base_url,
            "auth": self._auth,
            "timeout": timeout,
            "max_retries": max_retries,
            "retry_policy": retry_policy,
            "verify": verify,
            "headers": dict(ISO_HEADERS),
            "classify": classify,
            "describe": operation_of,
        }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """A client configured from ``NAVIXY_URL`` and ``NAVIXY_API_KEY`` or ``NAVIXY_LOGIN`` + ``NAVIXY_PASSWORD``.

        Other keyword arguments (``timeout=``, ``max_retries=``...) go to the constructor.

        >>> Client.from_env({"NAVIXY_API_KEY": "k"})
        <Client base_url='https://api.eu.navixy.com/v2'>
        """
        settings = _env_credentials(os.environ if environ is None else environ)
        settings.update(kwargs)
        return cls(**settings)

    @property
    def base_url(self) -> str:
        """The API's base URL, like ``https://api.eu.navixy.com/v2``."""
        return self._base_url

    def _plan(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None,
        actions: Iterable[str] | None,
        page_size: int,
        window: timedelta | None,
        cursor: AuditLogCursor | None,
    ) -> tuple[Plan, _Filters, AuditLogCursor]:
        start, end = check_window(since, until)
        filters = _Filters(_check_subusers(subuser_ids), _check_actions(actions))
        plan = Plan(
            since=start,
            until=end,
            page_size=_check_page_size(page_size),
            window=self._window if window is None else _check_window_size(window),
        )
        if cursor is None:
            cursor = AuditLogCursor(start)
        elif not isinstance(cursor, AuditLogCursor):
            raise InvalidInputError(f"cursor must be an AuditLogCursor from pager.cursor, not {type(cursor).__name__}")
        else:
            position = require_aware(cursor.position, "cursor.position")
            if not start <= position <= end:
                raise InvalidInputError("cursor is outside since..until: resume with the same since and until")
            cursor = AuditLogCursor(position, cursor.last_id)
        return plan, filters, cursor

    @staticmethod
    def _page_body(
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None,
        actions: Iterable[str] | None,
        limit: int | None,
        offset: int | None,
        sort: Sequence[str] | None,
        grouping: str | None,
    ) -> dict[str, Any]:
        start, end = check_window(since, until)
        request = AuditLogListRequest(from_=format_datetime(start), to=format_datetime(end))
        ids, names = _check_subusers(subuser_ids), _check_actions(actions)
        if ids is not None:
            request.subuser_ids = ids
        if names is not None:
            request.actions = names
        for name, value in (("limit", limit), ("offset", offset)):
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise InvalidInputError(f"{name} must be an integer >= 0, not {value!r}")
                setattr(request, name, value)
        if sort is not None:
            if isinstance(sort, str):
                raise InvalidInputError('sort must be a list like ["action_datetime=asc"], not a string')
            for option in sort:
                if not isinstance(option, str) or not _SORT_OPTION.match(option):
                    raise InvalidInputError(f"sort option {option!r} is not <property>=asc|desc")
            request.sort = list(sort)
        if grouping is not None:
            try:
                request.grouping = AuditLogListRequestGrouping(grouping)
                if not request.grouping.is_known:  # generated enums are open: an unknown value is no error there
                    raise ValueError(grouping)
            except ValueError:
                choices = ", ".join(g.value for g in AuditLogListRequestGrouping)
                raise InvalidInputError(f"grouping must be one of {choices}, not {grouping!r}") from None
        return request.to_dict()

    @staticmethod
    def _body(query: Query, filters: _Filters) -> dict[str, Any]:
        request = AuditLogListRequest(
            from_=format_datetime(query.start),
            to=format_datetime(query.end),
            limit=query.limit,
            offset=query.offset,
            sort=list(_SORT),
        )
        if filters.subuser_ids is not None:
            request.subuser_ids = list(filters.subuser_ids)
        if filters.actions is not None:
            request.actions = list(filters.actions)
        return request.to_dict()


class Client(_Base, SyncClientBase):
    """The Navixy audit log, sync.

    Authenticate with an API key, or with login and password (a session hash is
    obtained with ``user/auth`` and renewed once when it ends).

    >>> with Client(base_url="https://api.eu.navixy.com/v2", api_key="...") as nvx:  # doctest: +SKIP
    ...     for rec in nvx.iter_audit_log(since, until, actions=["create"]):
    ...         print(rec.id, rec.action, rec.action_date)
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key: str | Secret | None = None,
        login: str | Secret | None = None,
        password: str | Secret | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        window: timedelta = DEFAULT_WINDOW,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            login=login,
            password=password,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            window=window,
        )
        self._http = build_client(**self._client_kwargs, transport=transport)
        self._generated: AuthenticatedClient | None = None

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client, talking through this client's auth, retries and time-outs.

        >>> from navixy_audit_api.api.audit import audit_log_list  # doctest: +SKIP
        >>> audit_log_list.sync(client=nvx.generated, body=..., nvx_iso_date_time=True)  # doctest: +SKIP
        """
        if self._generated is None:
            # The token is never used (our httpx client signs requests); it must not hold a secret.
            generated = AuthenticatedClient(base_url=self._base_url, token="", prefix="")
            self._generated = generated.set_httpx_client(self._http)
        return self._generated

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None = None,
        actions: Iterable[str] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        window: timedelta | None = None,
        cursor: AuditLogCursor | None = None,
    ) -> Pager[AuditRecord, AuditLogCursor]:
        """Every audit record with ``since <= action_date < until``, each exactly once, oldest first.

        ``subuser_ids`` and ``actions`` filter on the server. ``page_size`` is the
        ``limit`` of each request; ``window`` the longest time span of one request.
        ``cursor`` (``pager.cursor`` of an earlier iteration) resumes after its last record.

        >>> for rec in nvx.iter_audit_log(since, until, subuser_ids=[184541]):  # doctest: +SKIP
        ...     rec.id, rec.action, rec.entry_category, rec.action_date, rec.payload
        """
        plan, filters, start = self._plan(
            since, until, subuser_ids=subuser_ids, actions=actions, page_size=page_size, window=window, cursor=cursor
        )

        def call(query: Query) -> Sequence[AuditRecord]:
            try:
                response = self._http.post(LIST_PATH, json=self._body(query, filters))
            except httpx.HTTPError as exc:
                raise TransportError(str(exc), vendor=VENDOR, operation=LIST_OPERATION) from None
            return _records(response)

        def fetch(position: AuditLogCursor) -> Page[AuditRecord, AuditLogCursor]:
            return run_sync(plan, position, call)

        return Pager(fetch, start)

    def list_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None = None,
        actions: Iterable[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        sort: Sequence[str] | None = None,
        grouping: str | None = None,
    ) -> list[AuditRecord]:
        """One ``user/audit/log/list`` call as it is (no windows, no dedup): typed records or a typed error.

        ``sort`` and ``grouping`` are passed through; :meth:`iter_audit_log` is the exact way to read a window.

        >>> nvx.list_audit_log(since, until, limit=50, sort=["user=asc"], grouping="user")  # doctest: +SKIP
        """
        body = self._page_body(
            since,
            until,
            subuser_ids=subuser_ids,
            actions=actions,
            limit=limit,
            offset=offset,
            sort=sort,
            grouping=grouping,
        )
        try:
            response = self._http.post(LIST_PATH, json=body)
        except httpx.HTTPError as exc:
            raise TransportError(str(exc), vendor=VENDOR, operation=LIST_OPERATION) from None
        return _records(response)


class AsyncClient(_Base, AsyncClientBase):
    """The Navixy audit log, async (``async with`` / ``async for``); see :class:`Client`.

    >>> async with AsyncClient(base_url="https://api.eu.navixy.com/v2", api_key="...") as nvx:  # doctest: +SKIP
    ...     async for rec in nvx.iter_audit_log(since, until):
    ...         print(rec.id, rec.action_date)
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key: str | Secret | None = None,
        login: str | Secret | None = None,
        password: str | Secret | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        window: timedelta = DEFAULT_WINDOW,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            login=login,
            password=password,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            verify=verify,
            window=window,
        )
        self._http = build_async_client(**self._client_kwargs, transport=transport)
        self._generated: AuthenticatedClient | None = None

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client (use its ``asyncio`` functions), with this client's auth, retries and time-outs."""
        if self._generated is None:
            generated = AuthenticatedClient(base_url=self._base_url, token="", prefix="")
            self._generated = generated.set_async_httpx_client(self._http)
        return self._generated

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None = None,
        actions: Iterable[str] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        window: timedelta | None = None,
        cursor: AuditLogCursor | None = None,
    ) -> AsyncPager[AuditRecord, AuditLogCursor]:
        """The ``async for`` counterpart of :meth:`Client.iter_audit_log`.

        >>> async for rec in nvx.iter_audit_log(since, until, actions=["delete"]):  # doctest: +SKIP
        ...     print(rec.id)
        """
        plan, filters, start = self._plan(
            since, until, subuser_ids=subuser_ids, actions=actions, page_size=page_size, window=window, cursor=cursor
        )

        async def call(query: Query) -> Sequence[AuditRecord]:
            try:
                response = await self._http.post(LIST_PATH, json=self._body(query, filters))
            except httpx.HTTPError as exc:
                raise TransportError(str(exc), vendor=VENDOR, operation=LIST_OPERATION) from None
            return _records(response)

        async def fetch(position: AuditLogCursor) -> Page[AuditRecord, AuditLogCursor]:
            return await run_async(plan, position, call)

        return AsyncPager(fetch, start)

    async def list_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None = None,
        actions: Iterable[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        sort: Sequence[str] | None = None,
        grouping: str | None = None,
    ) -> list[AuditRecord]:
        """The async counterpart of :meth:`Client.list_audit_log`.

        >>> await nvx.list_audit_log(since, until, limit=50)  # doctest: +SKIP
        """
        body = self._page_body(
            since,
            until,
            subuser_ids=subuser_ids,
            actions=actions,
            limit=limit,
            offset=offset,
            sort=sort,
            grouping=grouping,
        )
        try:
            response = await self._http.post(LIST_PATH, json=body)
        except httpx.HTTPError as exc:
            raise TransportError(str(exc), vendor=VENDOR, operation=LIST_OPERATION) from None
        return _records(response)
