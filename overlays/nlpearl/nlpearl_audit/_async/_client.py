"""The NLPearl client: bearer ``accountId:secretKey``, and windows over an endpoint with no paging."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar, Unpack

import httpx

from audit_core import (
    AsyncBaseClient,
    AsyncClientOptions,
    EnvSpec,
    EnvVar,
    RetryReason,
    Secret,
)

from .._auth import BearerAuth
from .._errors import VENDOR

# The paging, the records and the generated models are imported by the first pull (or the first
# answer, for the hooks): importing the SDK and building a client stays cheap (start-up time).
if TYPE_CHECKING:
    from audit_core import AsyncSlicedPager, Page

    from .._enums import EventType
    from .._models import AuditEvent
    from .._paging import AuditLogCursor

#: ``iter_audit_log``'s ``window``: the package's ``DEFAULT_WINDOW`` (``_paging``; a test keeps them equal).
_DEFAULT_WINDOW = timedelta(days=1)

DEFAULT_BASE_URL = "https://api.nlpearl.ai"


class AsyncClient(AsyncBaseClient):
    """Read the NLPearl audit log.

    ``account_id`` and ``secret_key`` are sent as ``Authorization: Bearer
    <accountId>:<secretKey>``; the options (``timeout=``, ``max_retries=``,
    ``retry_policy=``, ``verify=``, ``transport=``) are every SDK's. ``.generated``
    is the generated client wired to the same connection, auth and retries.

    >>> from datetime import datetime, timedelta, timezone
    >>> async with AsyncClient(account_id="acc", secret_key="key") as pearl:  # doctest: +SKIP
    ...     since = datetime(2024, 5, 1, tzinfo=timezone.utc)
    ...     async for ev in pearl.iter_audit_log(since, since + timedelta(days=7)):
    ...         print(ev.timestamp, ev.event_type.name, ev.user)
    """

    VENDOR = VENDOR
    DEFAULT_BASE_URL = DEFAULT_BASE_URL
    HEADERS: ClassVar[dict[str, str]] = {"Accept": "application/json"}
    GENERATED_CLIENT = "nlpearl_audit_api:AuthenticatedClient"
    ENV = EnvSpec(
        vendor=VENDOR,
        url=EnvVar("NLPEARL_BASE_URL", "base_url", f"API URL (default {DEFAULT_BASE_URL})"),
        credentials=(
            (
                EnvVar("NLPEARL_ACCOUNT_ID", "account_id", "account id (dashboard: Settings > API)"),
                EnvVar("NLPEARL_SECRET_KEY", "secret_key", "secret key (dashboard: Settings > API)", secret=True),
            ),
        ),
    )

    def __init__(
        self,
        account_id: str,
        secret_key: str | Secret,
        *,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[AsyncClientOptions],
    ) -> None:
        self._auth = BearerAuth(account_id, secret_key)
        super().__init__(base_url, auth=self._auth, **options)

    def classify(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        """Retry a 2xx answer that is not a JSON array (an HTML page, a cut-off or foreign body)."""
        from .._paging import classify

        return classify(request, response)

    def operation(self, request: httpx.Request) -> str:
        """``POST /v2/Account/AuditLog``."""
        from .._paging import operation

        return operation(request)

    @property
    def account_id(self) -> str:
        """The NLPearl account this client reads."""
        return self._auth.account_id

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        event_type: EventType | int | None = None,
        user_id: str | None = None,
        window: timedelta = _DEFAULT_WINDOW,
        cursor: AuditLogCursor | str | None = None,
    ) -> AsyncSlicedPager[AuditEvent, AuditLogCursor]:
        """Every event in ``[since, until)``, in time order, each exactly once.

        The range is read in windows of ``window`` (one request each, up to ``concurrency`` of
        the client in flight, handed out in order); ``event_type``
        and ``user_id`` filter on the server. ``cursor`` (``pager.cursor`` or its
        ``to_token()`` from an earlier pull) starts right after that event, whatever
        ``since`` says; ``until`` may be later than the earlier pull's.

        >>> async for ev in pearl.iter_audit_log(since, until, event_type=EventType.LOGIN_SUCCESSFUL):  # doctest: +SKIP
        ...     print(ev.timestamp, ev.user)
        """
        from audit_core import AsyncSlicedPager, Page, Slicer

        from .._paging import PATH, AuditLogCursor, AuditLogQuery, read_records

        query = AuditLogQuery.build(since, until, event_type=event_type, user_id=user_id, window=window)
        start = query.first_cursor(cursor)

        async def fetch(at: AuditLogCursor, limit: datetime) -> Page[AuditEvent, AuditLogCursor]:
            begin, end = query.span(at)
            end = min(end, limit)
            if begin >= end:
                return Page([], [], None)
            response = await self._post(PATH, "POST " + PATH, json=query.body(begin, end))
            return query.page(at, begin, end, read_records(response))

        slicer: Slicer[AuditEvent, AuditLogCursor] = Slicer(
            position=_position, at=AuditLogCursor, until=query.until, page_size=1, width=query.window
        )
        return AsyncSlicedPager(fetch, start, slicer, self._concurrency)


def _position(cursor: AuditLogCursor) -> datetime:
    return cursor.position
