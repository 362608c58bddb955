# Generated from overlays/navixy/navixy_audit/_async/_client.py by scripts/unasync.py: edit that file.
"""The Navixy audit-log client: what is special about Navixy, on the core's base client.

This file is the source: ``scripts/unasync.py`` writes its twin (``Client``) next door.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import ClassVar, Self, Unpack

import httpx

from audit_core import (
    BaseClient,
    ClientOptions,
    ConfigurationError,
    EnvSpec,
    EnvVar,
    Page,
    RetryReason,
    Secret,
    SlicedPager,
    Slicer,
    check_base_url,
    check_options,
    resolve_cursor,
)

from .._auth import NavixyAuth
from .._errors import VENDOR, LimitTooBigError, TimeSpanTooBigError, classify, operation_of
from .._models import AuditLogCursor, AuditRecord
from .._paging import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_WINDOW,
    LIST_OPERATION,
    LIST_PATH,
    Answer,
    Filters,
    Plan,
    check_page_size,
    check_window_size,
    navixy_errors,
    page_body,
    plan,
    query_body,
    read_records,
    step,
)

DEFAULT_BASE_URL = "https://api.eu.navixy.com/v2"


class NavixyOptions(ClientOptions, total=False):
    """The options of :class:`Client` and its ``from_env()``: the core's, and ``window``."""

    window: timedelta


_OPTION_NAMES = NavixyOptions.__required_keys__ | NavixyOptions.__optional_keys__


class Client(BaseClient):
    """The Navixy audit log.

    Authenticate with an API key, or with login and password (a session hash is
    obtained with ``user/auth`` and renewed once when it ends). ``window`` is the
    longest time span of one request of :meth:`iter_audit_log`.

    >>> with Client(api_key="...") as nvx:  # doctest: +SKIP
    ...     for rec in nvx.iter_audit_log(since, until, actions=["create"]):
    ...         print(rec.id, rec.action, rec.action_date)
    """

    VENDOR = VENDOR
    DEFAULT_BASE_URL = DEFAULT_BASE_URL
    #: Every date/time as ISO 8601 with an offset, whatever time zone the user has set.
    HEADERS: ClassVar[Mapping[str, str]] = {"NVX-ISO-DateTime": "true"}
    GENERATED_CLIENT = "navixy_audit_api:AuthenticatedClient"
    ENV = EnvSpec(
        vendor=VENDOR,
        url=EnvVar("NAVIXY_URL", "base_url", f"API URL (default {DEFAULT_BASE_URL})"),
        credentials=(
            (EnvVar("NAVIXY_API_KEY", "api_key", "API key", secret=True),),
            (
                EnvVar("NAVIXY_LOGIN", "login", "login (with NAVIXY_PASSWORD)", secret=True),
                EnvVar("NAVIXY_PASSWORD", "password", "password (with NAVIXY_LOGIN)", secret=True),
            ),
        ),
    )

    def __init__(
        self,
        api_key: str | Secret | None = None,
        login: str | Secret | None = None,
        password: str | Secret | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        window: timedelta = DEFAULT_WINDOW,
        **options: Unpack[ClientOptions],
    ) -> None:
        if isinstance(api_key, str) and "://" in api_key:
            raise ConfigurationError("api_key looks like a URL: pass the URL as base_url=...", vendor=VENDOR)
        with navixy_errors():
            url = check_base_url(base_url, vendor=VENDOR)
            self._auth = NavixyAuth(base_url=url, api_key=api_key, login=login, password=password)
            self._window = check_window_size(window)
            super().__init__(url, auth=self._auth, **options)

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        base_url: str | None = None,
        **options: Unpack[NavixyOptions],
    ) -> Self:
        """A client configured from ``NAVIXY_URL`` and ``NAVIXY_API_KEY`` or ``NAVIXY_LOGIN`` + ``NAVIXY_PASSWORD``.

        >>> Client.from_env({"NAVIXY_API_KEY": "k"})
        <Client base_url='https://api.eu.navixy.com/v2'>
        """
        with navixy_errors():
            check_options(options, _OPTION_NAMES)
            settings = cls._env_settings(environ, base_url)
        return cls(**settings, **options)

    # -- hooks -------------------------------------------------------------------------------------

    def classify(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        """Error 15 (too many requests) in any status, and 2xx answers that are not JSON, are retried."""
        return classify(request, response)

    def operation(self, request: httpx.Request) -> str:
        """The path after ``/v2/``, like ``user/audit/log/list``."""
        return operation_of(request)

    # -- the audit log -------------------------------------------------------------------------------

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        subuser_ids: Iterable[int] | None = None,
        actions: Iterable[str] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        window: timedelta | None = None,
        cursor: AuditLogCursor | str | None = None,
    ) -> SlicedPager[AuditRecord, AuditLogCursor]:
        """Every audit record with ``since <= action_date < until``, each exactly once, oldest first.

        ``subuser_ids`` and ``actions`` filter on the server. ``page_size`` is the
        ``limit`` of each request; ``window`` the longest time span of one request.
        ``cursor`` (``pager.cursor`` of an earlier iteration, or its ``to_token()``)
        starts right after that position, whatever ``since`` says; ``until`` may be later.

        >>> for rec in nvx.iter_audit_log(since, until, subuser_ids=[184541]):  # doctest: +SKIP
        ...     rec.id, rec.action, rec.entry_category, rec.action_date, rec.payload
        """
        with navixy_errors():
            resumed = resolve_cursor(VENDOR, cursor, AuditLogCursor, AuditLogCursor.from_token)
            filters = Filters.check(subuser_ids, actions)
            size = check_page_size(page_size)
            span = self._window if window is None else check_window_size(window)
            state, start = plan(since, until, resumed, page_size=size, window=span)

        def fetch(position: AuditLogCursor, limit: datetime) -> Page[AuditRecord, AuditLogCursor]:
            return self._fetch(state, position, filters, limit)

        slicer: Slicer[AuditRecord, AuditLogCursor] = Slicer(
            position=_position, at=AuditLogCursor, until=state.until, page_size=state.page_size
        )
        return SlicedPager(fetch, start, slicer, self._concurrency)

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
        with navixy_errors():
            body = page_body(
                since,
                until,
                subuser_ids=subuser_ids,
                actions=actions,
                limit=limit,
                offset=offset,
                sort=sort,
                grouping=grouping,
            )
        return read_records(self._post(LIST_PATH, LIST_OPERATION, json=body))

    def _fetch(
        self, state: Plan, cursor: AuditLogCursor, filters: Filters, until: datetime | None = None
    ) -> Page[AuditRecord, AuditLogCursor]:
        """Drive the I/O-free :func:`~navixy_audit._paging.step` to the next page before ``until``."""
        steps = step(state, cursor, until)
        answer: Answer | None = None
        while True:
            try:
                query = next(steps) if answer is None else steps.send(answer)
            except StopIteration as done:
                page: Page[AuditRecord, AuditLogCursor] = done.value
                return page
            try:
                answer = read_records(self._post(LIST_PATH, LIST_OPERATION, json=query_body(query, filters)))
            except (TimeSpanTooBigError, LimitTooBigError) as exc:
                answer = exc


def _position(cursor: AuditLogCursor) -> datetime:
    return cursor.position
