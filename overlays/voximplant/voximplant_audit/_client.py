"""``Client`` and ``AsyncClient``: the audit log of a Voximplant account, paged or as a report."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Self, TypeVar

import httpx

from audit_core import (
    STREAM_EXTENSION,
    APIError,
    AsyncClientBase,
    AsyncPager,
    AuditError,
    InvalidInputError,
    Page,
    Pager,
    RetriesExhaustedError,
    RetryPolicy,
    SyncClientBase,
    TimeoutTypes,
    TransportError,
    VerifyTypes,
    build_async_client,
    build_client,
)
from voximplant_audit_api import AuthenticatedClient
from voximplant_audit_api.api.subpackage_history import get_audit_log, get_audit_log_async, get_history_reports
from voximplant_audit_api.models import (
    ApiErrorResponse,
    HistoryGetAuditLogAsyncResponse200,
    HistoryGetAuditLogResponse200,
    HistoryGetHistoryReportsResponse200,
    HistoryReport,
)
from voximplant_audit_api.types import Response

from ._auth import Credentials, JWTAuth
from ._errors import (
    VENDOR,
    ReportNotReadyError,
    ReportTimeoutError,
    VoximplantRateLimitError,
    classify,
    error_from_envelope,
    operation_of,
    raise_for_envelope,
)
from ._models import AuditLogEntry
from ._report import ReportParser, TruncatedReportError
from ._wire import AuditFilters, ajoin_lists_hook, check_page_size, join_lists_hook

DEFAULT_BASE_URL = "https://api.voximplant.com/platform_api"
#: Pages the async client keeps in flight once ``total_count`` is known.
DEFAULT_CONCURRENCY = 4

R = TypeVar("R")
CredentialsLike = Credentials | Mapping[str, Any]


def _credentials(credentials: CredentialsLike) -> Credentials:
    if isinstance(credentials, Credentials):
        return credentials
    return Credentials.from_mapping(credentials)


def _check_positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise InvalidInputError(f"{name} must be a positive number of seconds, not {value!r}")
    return float(value)


def _check_cursor(cursor: object) -> int:
    if isinstance(cursor, bool) or not isinstance(cursor, int) or cursor < 0:
        raise InvalidInputError(f"cursor must be an offset (int >= 0) taken from pager.cursor, not {cursor!r}")
    return cursor


def _check_report_id(report_id: object) -> int:
    if isinstance(report_id, bool) or not isinstance(report_id, int) or report_id <= 0:
        raise InvalidInputError(f"history_report_id must be a positive integer, not {report_id!r}")
    return report_id


def _parsed(response: Response[Any], operation: str, expected: type[R]) -> R:
    """The typed body of a generated call, or the typed exception its error envelope means."""
    parsed = response.parsed
    if isinstance(parsed, ApiErrorResponse):
        error = error_from_envelope(parsed.error.to_dict(), operation)
        assert error is not None
        raise error
    if isinstance(parsed, expected):
        return parsed
    raise APIError(
        f"unexpected answer (HTTP {int(response.status_code)})",
        status_code=int(response.status_code),
        vendor=VENDOR,
        operation=operation,
    )


def _audit_page(
    body: HistoryGetAuditLogResponse200, offset: int, page_size: int, total: int | None
) -> Page[AuditLogEntry, int]:
    """One GetAuditLog answer as a page; the walk goes on after a full page, or a short one below ``total``.

    (A short page before ``total_count`` would mean the server capped ``count``; audit records
    are never deleted, so the first ``total_count`` is a safe lower bound.)
    """
    timezone = body.timezone if isinstance(body.timezone, str) and body.timezone else "UTC"
    try:
        items = [AuditLogEntry.from_generated(raw, timezone) for raw in body.result or []]
    except ValueError as exc:
        raise TransportError(f"unreadable audit-log record: {exc}", vendor=VENDOR, operation="GetAuditLog") from None
    cursors = [offset + i + 1 for i in range(len(items))]
    after = offset + len(items)
    more = bool(items) and (len(items) >= page_size or (total is not None and after < total))
    return Page(items, cursors, after if more else None)


def _total(body: HistoryGetAuditLogResponse200) -> int | None:
    return body.total_count if isinstance(body.total_count, int) else None


def _report_of(body: HistoryGetHistoryReportsResponse200, report_id: int) -> HistoryReport | None:
    for report in body.result or []:
        if report.history_report_id == report_id:
            return report
    return None


def _started_report(body: HistoryGetAuditLogAsyncResponse200) -> int:
    if not isinstance(body.history_report_id, int):
        raise APIError("GetAuditLogAsync gave no history_report_id", vendor=VENDOR, operation="GetAuditLogAsync")
    return body.history_report_id


class _Poll:
    """Backoff and deadline of the wait for a report."""

    def __init__(self, report_id: int, interval: float, max_interval: float, timeout: float) -> None:
        self.report_id = report_id
        self.interval = interval
        self.max_interval = max(max_interval, interval)
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout

    def next_wait(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise ReportTimeoutError(
                f"history report {self.report_id} not completed after {self.timeout:g}s",
                vendor=VENDOR,
                operation="GetHistoryReports",
            )
        wait = min(self.interval, remaining)
        self.interval = min(self.interval * 1.5, self.max_interval)
        return wait


def _completed(report: HistoryReport | None) -> bool:
    return report is not None and isinstance(report.completed, str) and bool(report.completed)


class _Download:
    """Retry bookkeeping of a report download: rows already handed out are skipped on a new attempt."""

    def __init__(self, report_id: int, policy: RetryPolicy) -> None:
        self.report_id = report_id
        self.policy = policy
        self.yielded = 0
        self.attempts = 0

    def request(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        return http.build_request(
            "POST",
            "/DownloadHistoryReport",
            params={"history_report_id": str(self.report_id)},
            extensions={STREAM_EXTENSION: True},
        )

    def check_head(self, response: httpx.Response, body: bytes | None) -> None:
        """Raise for an answer that is not the report (``body``: the read body of such an answer)."""
        if body is None:
            return
        if response.status_code != 200:
            raise APIError(
                f"HTTP {response.status_code}",
                status_code=response.status_code,
                vendor=VENDOR,
                operation="DownloadHistoryReport",
            )
        kind = response.headers.get("Content-Type", "no content type")
        try:
            data = response.json()
        except ValueError:
            raise _UnusableAnswer(f"an unreadable answer instead of the report ({kind})") from None
        raise_for_envelope(data, "DownloadHistoryReport")
        raise _UnusableAnswer(f"a JSON answer instead of the report ({kind})")

    def failed(self, exc: Exception) -> float:
        """Count a failed attempt; the delay before the next one, or raise when none is left."""
        self.attempts += 1
        if self.attempts > self.policy.max_retries:
            cause = exc if isinstance(exc, AuditError) else TransportError(str(exc) or type(exc).__name__)
            raise RetriesExhaustedError(
                attempts=self.attempts, last_cause=cause, vendor=VENDOR, operation="DownloadHistoryReport"
            ) from exc
        return self.policy.delay(self.attempts)

    def take(self, entries: list[AuditLogEntry], seen: int) -> tuple[list[AuditLogEntry], int]:
        """Drop the rows a previous attempt already handed out; ``seen`` counts rows of this attempt."""
        skip = max(0, min(len(entries), self.yielded - seen))
        fresh = entries[skip:]
        self.yielded += len(fresh)
        return fresh, seen + len(entries)


class _UnusableAnswer(TransportError):
    """An HTML error page or garbled JSON where the report was expected (a proxy hiccup)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, vendor=VENDOR, operation="DownloadHistoryReport")


#: Failures of a download that a new attempt may cure.
_RETRYABLE_DOWNLOAD = (
    httpx.TransportError,
    httpx.DecodingError,
    TruncatedReportError,
    _UnusableAnswer,
    VoximplantRateLimitError,
)
_RETRYABLE_DOWNLOAD_WITH_WAIT = (ReportNotReadyError,)


def _wants_body(response: httpx.Response) -> bool:
    """An answer that cannot be the report: an error status, JSON (the error envelope) or an HTML page."""
    kind = response.headers.get("Content-Type", "").lower()
    return response.status_code != 200 or "json" in kind or "html" in kind


class _Common:
    """Configuration shared by the sync and async clients."""

    def __init__(
        self,
        credentials: CredentialsLike | None,
        *,
        auth: JWTAuth | None,
        base_url: str,
        max_retries: int,
        retry_policy: RetryPolicy | None,
    ) -> None:
        if auth is None:
            if credentials is None:
                raise InvalidInputError("pass credentials= (a dict or Credentials), or use from_credentials()")
            auth = JWTAuth(_credentials(credentials))
        self._auth = auth
        self._policy = retry_policy or RetryPolicy(max_retries=max_retries)
        self._base_url = base_url
        self._generated = AuthenticatedClient(base_url=base_url, token="")

    @classmethod
    def from_credentials(cls, path: str | os.PathLike[str], **kwargs: Any) -> Self:
        """A client for the service account in ``credentials.json`` at ``path``."""
        return cls(Credentials.from_file(path), **kwargs)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A client for the credentials file named by ``VOXIMPLANT_CREDENTIALS``."""
        return cls(Credentials.from_env(), **kwargs)

    @property
    def auth(self) -> JWTAuth:
        """The :class:`JWTAuth` signing the requests (its ``repr`` shows no secret)."""
        return self._auth

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client, wired to this client's auth, retries, time-outs and `;` lists.

        >>> from voximplant_audit_api.api.subpackage_history import get_history_reports
        >>> # get_history_reports.sync(client=vox.generated, history_report_id=42)
        """
        return self._generated


class Client(_Common, SyncClientBase):
    """Synchronous client of the Voximplant Management API audit log.

    Example::

        from datetime import datetime, timezone
        with Client.from_credentials("credentials.json") as vox:
            since = datetime(2024, 5, 1, tzinfo=timezone.utc)
            for entry in vox.iter_audit_log(since, datetime.now(timezone.utc), cmds=["DelUser"]):
                print(entry.audit_log_id, entry.requested, entry.cmd_name)
    """

    def __init__(
        self,
        credentials: CredentialsLike | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = None,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        auth: JWTAuth | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(credentials, auth=auth, base_url=base_url, max_retries=max_retries, retry_policy=retry_policy)
        self._http = build_client(
            vendor=VENDOR,
            base_url=base_url,
            auth=self._auth,
            timeout=timeout,
            retry_policy=self._policy,
            verify=verify,
            classify=classify,
            describe=operation_of,
            transport=transport,
        )
        self._http.event_hooks["request"].insert(0, join_lists_hook)
        self._base_url = str(self._http.base_url).rstrip("/")
        self._generated.set_httpx_client(self._http)

    # -- GetAuditLog ---------------------------------------------------------------------------------

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        cmds: Iterable[str] | None = None,
        ips: Iterable[str] | None = None,
        audit_log_ids: Iterable[int] | None = None,
        admin_user_id: int | str | None = None,
        advanced_filters: str | None = None,
        desc_order: bool = False,
        page_size: int = 1000,
        cursor: int | None = None,
    ) -> Pager[AuditLogEntry, int]:
        """Every record of ``[since, until]`` matching the filters, once each, in the API's order.

        Returns a :class:`audit_core.Pager`: after a failure, ``pager.cursor`` passed back
        as ``cursor=`` resumes where it stopped.

        >>> # for entry in vox.iter_audit_log(since, until, cmds=["CreateUser"]): ...
        """
        filters = AuditFilters.build(
            since,
            until,
            cmds=cmds,
            ips=ips,
            audit_log_ids=audit_log_ids,
            admin_user_id=admin_user_id,
            advanced_filters=advanced_filters,
            desc_order=desc_order,
        )
        size = check_page_size(page_size)
        start = 0 if cursor is None else _check_cursor(cursor)

        known: list[int | None] = []  # total_count, asked for with the first page

        def fetch(offset: int) -> Page[AuditLogEntry, int]:
            first = not known
            response = get_audit_log.sync_detailed(
                client=self._generated, **filters.kwargs(), count=size, offset=offset, with_total_count=first
            )
            body = _parsed(response, "GetAuditLog", HistoryGetAuditLogResponse200)
            if first:
                known.append(_total(body))
            return _audit_page(body, offset, size, known[0])

        return Pager(fetch, start)

    # -- GetAuditLogAsync / GetHistoryReports / DownloadHistoryReport ---------------------------------

    def start_audit_log_report(self, filters: AuditFilters) -> int:
        """Call GetAuditLogAsync; return the ``history_report_id`` of the report being built."""
        response = get_audit_log_async.sync_detailed(
            client=self._generated, **filters.kwargs(), with_header=True, output="csv"
        )
        return _started_report(_parsed(response, "GetAuditLogAsync", HistoryGetAuditLogAsyncResponse200))

    def get_report(self, history_report_id: int) -> HistoryReport | None:
        """The report's GetHistoryReports entry (None when it is not listed)."""
        report_id = _check_report_id(history_report_id)
        response = get_history_reports.sync_detailed(client=self._generated, history_report_id=report_id)
        return _report_of(_parsed(response, "GetHistoryReports", HistoryGetHistoryReportsResponse200), report_id)

    def wait_for_report(
        self,
        history_report_id: int,
        *,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        report_timeout: float = 600.0,
    ) -> HistoryReport:
        """Poll GetHistoryReports with backoff until the report has ``completed``.

        Raises :class:`ReportFailedError` (error 357) or :class:`ReportTimeoutError`.
        """
        poll = _Poll(
            _check_report_id(history_report_id),
            _check_positive(poll_interval, "poll_interval"),
            _check_positive(max_poll_interval, "max_poll_interval"),
            _check_positive(report_timeout, "report_timeout"),
        )
        while True:
            report = self.get_report(poll.report_id)
            if _completed(report):
                assert report is not None
                return report
            time.sleep(poll.next_wait())

    def iter_report(self, history_report_id: int) -> Iterator[AuditLogEntry]:
        """Download a completed audit report and parse its CSV as it arrives.

        Plain CSV, ``Content-Encoding: gzip`` and gzip file bodies are all read; a download
        cut short is resumed by a new attempt that skips the rows already handed out.
        """
        return self._download(_Download(_check_report_id(history_report_id), self._policy))

    def _download(self, state: _Download) -> Iterator[AuditLogEntry]:
        while True:
            try:
                yield from self._download_once(state)
                return
            except _RETRYABLE_DOWNLOAD as exc:
                time.sleep(state.failed(exc))
            except _RETRYABLE_DOWNLOAD_WITH_WAIT as exc:
                time.sleep(max(state.failed(exc), 0.5))

    def _download_once(self, state: _Download) -> Iterator[AuditLogEntry]:
        response = self._http.send(state.request(self._http), stream=True)
        try:
            state.check_head(response, response.read() if _wants_body(response) else None)
            parser, seen = ReportParser(), 0
            for chunk in response.iter_bytes():
                fresh, seen = state.take(parser.feed(chunk), seen)
                yield from fresh
            fresh, seen = state.take(parser.close(), seen)
            yield from fresh
        finally:
            response.close()

    def export_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        cmds: Iterable[str] | None = None,
        ips: Iterable[str] | None = None,
        audit_log_ids: Iterable[int] | None = None,
        admin_user_id: int | str | None = None,
        advanced_filters: str | None = None,
        desc_order: bool = False,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        report_timeout: float = 600.0,
    ) -> Iterator[AuditLogEntry]:
        """The GetAuditLogAsync report flow: request, wait, download, parse; same records as ``iter_audit_log``.

        Arguments are checked at once; the report is requested when iteration starts.

        >>> # for entry in vox.export_audit_log(since, until): ...
        """
        filters = AuditFilters.build(
            since,
            until,
            cmds=cmds,
            ips=ips,
            audit_log_ids=audit_log_ids,
            admin_user_id=admin_user_id,
            advanced_filters=advanced_filters,
            desc_order=desc_order,
        )
        waits = {
            "poll_interval": _check_positive(poll_interval, "poll_interval"),
            "max_poll_interval": _check_positive(max_poll_interval, "max_poll_interval"),
            "report_timeout": _check_positive(report_timeout, "report_timeout"),
        }

        def flow() -> Iterator[AuditLogEntry]:
            report_id = self.start_audit_log_report(filters)
            self.wait_for_report(report_id, **waits)
            yield from self.iter_report(report_id)

        return flow()


class _Prefetcher:
    """Fetches GetAuditLog pages ahead (bounded) once ``total_count`` is known; hands them out in order."""

    def __init__(
        self,
        fetch: Callable[[int, bool], Awaitable[HistoryGetAuditLogResponse200]],
        page_size: int,
        concurrency: int,
    ) -> None:
        self._fetch = fetch
        self._page_size = page_size
        self._concurrency = concurrency
        self._total: int | None = None
        self._tasks: dict[int, asyncio.Task[HistoryGetAuditLogResponse200]] = {}

    async def page(self, offset: int) -> Page[AuditLogEntry, int]:
        task = self._tasks.pop(offset, None)
        if task is None:
            body = await self._fetch(offset, self._total is None)
            if self._total is None:
                self._total = _total(body)
        else:
            body = await task
        page = _audit_page(body, offset, self._page_size, self._total)
        if page.next is not None:
            self._schedule(page.next)
        return page

    def _schedule(self, start: int) -> None:
        if self._total is None:
            return
        for stale in [key for key in self._tasks if key < start]:
            self._discard(self._tasks.pop(stale))
        for k in range(1, self._concurrency):  # `start` itself is fetched on demand or is already in flight
            offset = start + k * self._page_size
            if offset >= self._total:
                break
            if offset not in self._tasks:
                self._tasks[offset] = asyncio.ensure_future(self._fetch(offset, False))
        if start < self._total and start not in self._tasks:
            self._tasks[start] = asyncio.ensure_future(self._fetch(start, False))

    @staticmethod
    def _discard(task: asyncio.Task[HistoryGetAuditLogResponse200]) -> None:
        if task.done():
            if not task.cancelled():
                task.exception()  # mark it retrieved
        else:
            task.cancel()

    def cancel(self) -> None:
        for task in self._tasks.values():
            self._discard(task)
        self._tasks.clear()


class _AuditPager(AsyncPager[AuditLogEntry, int]):
    """An :class:`audit_core.AsyncPager` that stops its prefetching when the iteration ends."""

    def __init__(self, prefetcher: _Prefetcher, cursor: int) -> None:
        super().__init__(prefetcher.page, cursor)
        self._prefetcher = prefetcher

    async def _walk(self) -> AsyncIterator[AuditLogEntry]:
        try:
            async for item in super()._walk():
                yield item
        finally:
            self._prefetcher.cancel()


class AsyncClient(_Common, AsyncClientBase):
    """Asynchronous client of the Voximplant Management API audit log (``async with`` / ``async for``).

    Example::

        async with AsyncClient.from_credentials("credentials.json") as vox:
            async for entry in vox.iter_audit_log(since, until):
                print(entry.audit_log_id, entry.requested)
    """

    def __init__(
        self,
        credentials: CredentialsLike | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = None,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        verify: VerifyTypes = True,
        auth: JWTAuth | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        super().__init__(credentials, auth=auth, base_url=base_url, max_retries=max_retries, retry_policy=retry_policy)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= 16:
            raise InvalidInputError(f"concurrency must be an integer from 1 to 16, not {concurrency!r}")
        self._concurrency = concurrency
        self._http = build_async_client(
            vendor=VENDOR,
            base_url=base_url,
            auth=self._auth,
            timeout=timeout,
            retry_policy=self._policy,
            verify=verify,
            classify=classify,
            describe=operation_of,
            transport=transport,
        )
        self._http.event_hooks["request"].insert(0, ajoin_lists_hook)
        self._base_url = str(self._http.base_url).rstrip("/")
        self._generated.set_async_httpx_client(self._http)

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        cmds: Iterable[str] | None = None,
        ips: Iterable[str] | None = None,
        audit_log_ids: Iterable[int] | None = None,
        admin_user_id: int | str | None = None,
        advanced_filters: str | None = None,
        desc_order: bool = False,
        page_size: int = 1000,
        cursor: int | None = None,
    ) -> AsyncPager[AuditLogEntry, int]:
        """``async for`` over every matching record, once each, in the API's order.

        The first page asks for ``total_count``; after it up to ``concurrency`` pages are
        fetched at once, and handed out in order. ``pager.cursor`` resumes like the sync one.
        """
        filters = AuditFilters.build(
            since,
            until,
            cmds=cmds,
            ips=ips,
            audit_log_ids=audit_log_ids,
            admin_user_id=admin_user_id,
            advanced_filters=advanced_filters,
            desc_order=desc_order,
        )
        size = check_page_size(page_size)
        start = 0 if cursor is None else _check_cursor(cursor)

        async def fetch(offset: int, with_total: bool) -> HistoryGetAuditLogResponse200:
            response = await get_audit_log.asyncio_detailed(
                client=self._generated, **filters.kwargs(), count=size, offset=offset, with_total_count=with_total
            )
            return _parsed(response, "GetAuditLog", HistoryGetAuditLogResponse200)

        return _AuditPager(_Prefetcher(fetch, size, self._concurrency), start)

    async def start_audit_log_report(self, filters: AuditFilters) -> int:
        """Call GetAuditLogAsync; return the ``history_report_id`` of the report being built."""
        response = await get_audit_log_async.asyncio_detailed(
            client=self._generated, **filters.kwargs(), with_header=True, output="csv"
        )
        return _started_report(_parsed(response, "GetAuditLogAsync", HistoryGetAuditLogAsyncResponse200))

    async def get_report(self, history_report_id: int) -> HistoryReport | None:
        """The report's GetHistoryReports entry (None when it is not listed)."""
        report_id = _check_report_id(history_report_id)
        response = await get_history_reports.asyncio_detailed(client=self._generated, history_report_id=report_id)
        return _report_of(_parsed(response, "GetHistoryReports", HistoryGetHistoryReportsResponse200), report_id)

    async def wait_for_report(
        self,
        history_report_id: int,
        *,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        report_timeout: float = 600.0,
    ) -> HistoryReport:
        """Poll GetHistoryReports with backoff until the report has ``completed`` (see the sync client)."""
        poll = _Poll(
            _check_report_id(history_report_id),
            _check_positive(poll_interval, "poll_interval"),
            _check_positive(max_poll_interval, "max_poll_interval"),
            _check_positive(report_timeout, "report_timeout"),
        )
        while True:
            report = await self.get_report(poll.report_id)
            if _completed(report):
                assert report is not None
                return report
            await asyncio.sleep(poll.next_wait())

    def iter_report(self, history_report_id: int) -> AsyncIterator[AuditLogEntry]:
        """Download a completed audit report and parse it as it arrives (see the sync client)."""
        return self._download(_Download(_check_report_id(history_report_id), self._policy))

    async def _download(self, state: _Download) -> AsyncIterator[AuditLogEntry]:
        while True:
            try:
                async for entry in self._download_once(state):
                    yield entry
                return
            except _RETRYABLE_DOWNLOAD as exc:
                await asyncio.sleep(state.failed(exc))
            except _RETRYABLE_DOWNLOAD_WITH_WAIT as exc:
                await asyncio.sleep(max(state.failed(exc), 0.5))

    async def _download_once(self, state: _Download) -> AsyncIterator[AuditLogEntry]:
        response = await self._http.send(state.request(self._http), stream=True)
        try:
            state.check_head(response, await response.aread() if _wants_body(response) else None)
            parser, seen = ReportParser(), 0
            async for chunk in response.aiter_bytes():
                fresh, seen = state.take(parser.feed(chunk), seen)
                for entry in fresh:
                    yield entry
            fresh, seen = state.take(parser.close(), seen)
            for entry in fresh:
                yield entry
        finally:
            await response.aclose()

    def export_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        cmds: Iterable[str] | None = None,
        ips: Iterable[str] | None = None,
        audit_log_ids: Iterable[int] | None = None,
        admin_user_id: int | str | None = None,
        advanced_filters: str | None = None,
        desc_order: bool = False,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        report_timeout: float = 600.0,
    ) -> AsyncIterator[AuditLogEntry]:
        """The GetAuditLogAsync report flow, ``async for`` (see :meth:`Client.export_audit_log`)."""
        filters = AuditFilters.build(
            since,
            until,
            cmds=cmds,
            ips=ips,
            audit_log_ids=audit_log_ids,
            admin_user_id=admin_user_id,
            advanced_filters=advanced_filters,
            desc_order=desc_order,
        )
        waits = {
            "poll_interval": _check_positive(poll_interval, "poll_interval"),
            "max_poll_interval": _check_positive(max_poll_interval, "max_poll_interval"),
            "report_timeout": _check_positive(report_timeout, "report_timeout"),
        }

        async def flow() -> AsyncIterator[AuditLogEntry]:
            report_id = await self.start_audit_log_report(filters)
            await self.wait_for_report(report_id, **waits)
            async for entry in self.iter_report(report_id):
                yield entry

        return flow()
