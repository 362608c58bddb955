"""``AsyncClient``: what is special about Voximplant on the shared engine; scripts/unasync.py writes the sync twin.

The service-account JWT, the `;`-joined lists, the HTTP-200 error envelope, the
half-open window and position cursor of GetAuditLog (``_prefetch`` says how many
pages are in flight), and the GetAuditLogAsync report flow.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from audit_core import DEFAULT_CONCURRENCY as CORE_DEFAULT_CONCURRENCY
from audit_core import (
    STREAM_EXTENSION,
    AsyncBaseClient,
    AsyncClientOptions,
    ConfigurationError,
    EnvSpec,
    EnvVar,
    RetryReason,
    TransportError,
    check_options,
    check_window,
    choose_credentials,
    resolve_cursor,
)
from audit_core._backend import async_sleep

from .._auth import ENV_VAR, Credentials, JWTAuth
from .._errors import VENDOR, classify, operation_name, parsed_body

# What only a pull or a report needs (the generated API modules and models, paging, the report
# flow) is imported by the method that needs it: importing the SDK and building a client stays
# cheap (start-up time). The names below are for type checkers.
if TYPE_CHECKING:
    from voximplant_audit_api.models import (
        HistoryGetAuditLogResponse200,
        HistoryReport,
    )

    from .._models import AuditLogEntry
    from .._paging import AuditLogCursor
    from .._report import Download
    from .._wire import AuditFilters
    from ._prefetch import AsyncAuditLogPager

DEFAULT_BASE_URL = "https://api.voximplant.com/platform_api"
#: GetAuditLog pages in flight once ``total_count`` is known (the core's default for every vendor).
DEFAULT_CONCURRENCY = CORE_DEFAULT_CONCURRENCY

CredentialsLike = Credentials | Mapping[str, Any]


class AsyncVoximplantOptions(AsyncClientOptions, total=False):
    """The options of every SDK (``concurrency`` among them: GetAuditLog pages in flight, 1 to 16).

    Kept as its own name for the code that imports it; it adds nothing now that every client
    takes ``concurrency``.
    """


class AsyncOptions(AsyncVoximplantOptions, total=False):
    """The keyword options of the constructor and of ``from_credentials()``.

    Those of :class:`AsyncVoximplantOptions` plus ``base_url``.
    """

    base_url: str


_OPTION_NAMES = frozenset(AsyncOptions.__annotations__) | frozenset(AsyncClientOptions.__annotations__)


async def _join_lists(request: httpx.Request) -> None:
    """Join the repeated keys of a request's query with ``;`` (``_wire``, imported by the first request)."""
    from .._wire import async_join_lists_hook

    await async_join_lists_hook(request)


class AsyncClient(AsyncBaseClient):
    """Client of the Voximplant Management API audit log.

    Example::

        from datetime import datetime, timezone
        async with AsyncClient.from_credentials("credentials.json") as vox:
            since = datetime(2024, 5, 1, tzinfo=timezone.utc)
            async for entry in vox.iter_audit_log(since, datetime.now(timezone.utc), cmds=["DelUser"]):
                print(entry.audit_log_id, entry.requested, entry.cmd_name)
    """

    VENDOR = VENDOR
    ENV = EnvSpec(
        vendor=VENDOR,
        credentials=((EnvVar(ENV_VAR, "credentials", "path of the service account's credentials.json"),),),
    )
    DEFAULT_BASE_URL = DEFAULT_BASE_URL
    GENERATED_CLIENT = "voximplant_audit_api:AuthenticatedClient"

    def __init__(
        self,
        credentials: CredentialsLike | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        auth: JWTAuth | None = None,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        check_options(options, _OPTION_NAMES)  # an untyped caller's misspelling, with a suggestion
        chosen = choose_credentials(VENDOR, [{"credentials=": credentials}, {"auth=": auth}])
        if chosen == 0:
            assert credentials is not None
            if not isinstance(credentials, Credentials):
                credentials = Credentials.from_mapping(credentials)
            auth = JWTAuth(credentials)
        elif not isinstance(auth, JWTAuth):
            raise ConfigurationError(f"auth= must be a JWTAuth, not {type(auth).__name__}", vendor=VENDOR)
        self._auth: JWTAuth = auth
        super().__init__(base_url, auth=auth, **options)
        self._http.event_hooks["request"].insert(0, _join_lists)

    @classmethod
    def from_credentials(cls, path: str | os.PathLike[str], **options: Unpack[AsyncOptions]) -> Self:
        """A client for the service account in ``credentials.json`` at ``path``.

        A file that is missing, unreadable or malformed raises :class:`~audit_core.ConfigurationError`.
        """
        return cls(Credentials.from_file(path), **options)

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        base_url: str | None = None,
        **options: Unpack[AsyncVoximplantOptions],
    ) -> Self:
        """A client for the credentials file named by ``VOXIMPLANT_CREDENTIALS``, like the vendor's own clients."""
        settings = cls._env_settings(environ, None)
        if base_url is not None:
            return cls.from_credentials(settings["credentials"], base_url=base_url, **options)
        return cls.from_credentials(settings["credentials"], **options)

    # -- hooks ---------------------------------------------------------------------------------------

    def classify(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        """Error 340 (rate limit) and unreadable JSON answers are retried."""
        return classify(request, response)

    def operation(self, request: httpx.Request) -> str:
        """The Management API function a request calls (``GetAuditLog``...)."""
        return operation_name(request)

    @property
    def auth(self) -> JWTAuth:
        """The :class:`JWTAuth` signing the requests (cached token, renewed; its ``repr`` shows no secret)."""
        return self._auth

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
        cursor: AuditLogCursor | str | None = None,
    ) -> AsyncAuditLogPager:
        """Every record of ``[since, until)`` matching the filters, once each, in the API's order.

        ``pager.cursor`` (an :class:`AuditLogCursor`) is the position after the last record
        handed out; pass it, or its ``to_token()``, as ``cursor=`` to go on from there,
        whatever ``since`` says, with the same ``until`` or a later one.
        """
        from voximplant_audit_api.api.subpackage_history import get_audit_log

        from .._models import read_audit_log_page
        from .._paging import AuditLogCursor, Walk, start_cursor
        from .._wire import AuditFilters, check_page_size
        from ._prefetch import AsyncAuditLogPager, AsyncPrefetcher

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
        resumed = resolve_cursor(VENDOR, cursor, AuditLogCursor, AuditLogCursor.from_token)
        start = start_cursor(since, until, desc_order, resumed)
        walk = Walk(filters, *check_window(since, until, vendor=VENDOR), size, start)

        async def fetch(query: AuditFilters, offset: int, with_total: bool) -> HistoryGetAuditLogResponse200:
            kwargs = get_audit_log._get_kwargs(**query.kwargs(), count=size, offset=offset, with_total_count=with_total)
            response = await self.generated.get_async_httpx_client().request(**kwargs)
            return read_audit_log_page(self.generated, response)  # records decoded by the pager, lazily

        return AsyncAuditLogPager(AsyncPrefetcher(fetch, walk, self._concurrency), start)

    # -- GetAuditLogAsync / GetHistoryReports / DownloadHistoryReport ---------------------------------

    async def start_audit_log_report(self, filters: AuditFilters) -> int:
        """Call GetAuditLogAsync; return the ``history_report_id`` of the report being built."""
        from voximplant_audit_api.api.subpackage_history import get_audit_log_async
        from voximplant_audit_api.models import HistoryGetAuditLogAsyncResponse200

        from .._report import started_report

        response = await get_audit_log_async.asyncio_detailed(
            client=self.generated, **filters.kwargs(), with_header=True, output="csv"
        )
        return started_report(parsed_body(response, "GetAuditLogAsync", HistoryGetAuditLogAsyncResponse200))

    async def get_report(self, history_report_id: int) -> HistoryReport | None:
        """The report's GetHistoryReports entry (None when it is not listed)."""
        from voximplant_audit_api.api.subpackage_history import get_history_reports
        from voximplant_audit_api.models import HistoryGetHistoryReportsResponse200

        from .._report import check_report_id, report_of

        report_id = check_report_id(history_report_id)
        response = await get_history_reports.asyncio_detailed(client=self.generated, history_report_id=report_id)
        return report_of(parsed_body(response, "GetHistoryReports", HistoryGetHistoryReportsResponse200), report_id)

    async def wait_for_report(
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
        from .._report import Poll, is_completed

        poll = Poll(history_report_id, poll_interval, max_poll_interval, report_timeout)
        while True:
            report = await self.get_report(poll.report_id)
            if is_completed(report):
                assert report is not None
                return report
            await async_sleep(poll.next_wait())

    def iter_report(self, history_report_id: int) -> AsyncIterator[AuditLogEntry]:
        """Download a completed audit report and parse its CSV as it arrives.

        Plain CSV, ``Content-Encoding: gzip`` and gzip file bodies are all read. A download
        cut short is tried again by the client's retry loop; the new attempt skips the rows
        already handed out, and counts as a retry until it hands out a new one.
        """
        from .._report import Download

        return self._download(Download(history_report_id))

    async def _download(self, state: Download) -> AsyncIterator[AuditLogEntry]:
        from .._report import DOWNLOAD

        body: list[tuple[httpx.Response, AsyncIterator[bytes]]] = []  # the open body of this attempt

        async def next_rows(attempt: int) -> list[AuditLogEntry]:
            try:
                while True:
                    if not body:
                        state.restart()
                        body.append(await self._open_report(state.report_id))
                    fresh = state.feed(await anext(body[0][1], None))
                    if fresh or state.finished:
                        return fresh
            except httpx.HTTPError as exc:
                await _close(body)
                raise TransportError(str(exc) or type(exc).__name__, vendor=VENDOR, operation=DOWNLOAD) from None
            except BaseException:
                await _close(body)
                raise

        try:
            while not state.finished:
                rows = deque(await self._retrying(DOWNLOAD, next_rows))
                while rows:
                    yield rows.popleft()
        finally:
            await _close(body)

    async def _open_report(self, report_id: int) -> tuple[httpx.Response, AsyncIterator[bytes]]:
        from .._report import DOWNLOAD, check_download_head, wants_body

        request = self._http.build_request(
            "POST", f"/{DOWNLOAD}", params={"history_report_id": str(report_id)}, extensions={STREAM_EXTENSION: True}
        )
        response = await self._http.send(request, stream=True)
        if wants_body(response):
            try:
                await response.aread()
            finally:
                await response.aclose()
            check_download_head(response)
        return response, response.aiter_bytes()

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
        """The GetAuditLogAsync report flow: request, wait, download, parse; the records of ``iter_audit_log``.

        Arguments are checked at once; the report is requested when iteration starts.
        """
        from .._report import check_seconds
        from .._wire import AuditFilters

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
            "poll_interval": check_seconds(poll_interval, "poll_interval"),
            "max_poll_interval": check_seconds(max_poll_interval, "max_poll_interval"),
            "report_timeout": check_seconds(report_timeout, "report_timeout"),
        }
        low, high = check_window(since, until, vendor=VENDOR)

        async def flow() -> AsyncIterator[AuditLogEntry]:
            if filters.empty:
                return
            report_id = await self.start_audit_log_report(filters)
            await self.wait_for_report(report_id, **waits)
            async for entry in self.iter_report(report_id):
                if low <= entry.requested < high:
                    yield entry

        return flow()


async def _close(body: list[tuple[httpx.Response, AsyncIterator[bytes]]]) -> None:
    while body:
        response, _ = body.pop()
        await response.aclose()
