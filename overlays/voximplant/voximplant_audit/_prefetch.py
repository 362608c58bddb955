"""Fetching GetAuditLog pages: several in flight for ``AsyncClient``, one at a time for ``Client``.

This is the one piece of Voximplant that is async by nature, so it is written by
hand for both sides instead of by ``scripts/unasync.py``: ``_async/_client.py``
uses :class:`AsyncPrefetcher` and :class:`AsyncAuditLogPager`, and its generated
sync twin uses the names without ``Async``, :class:`Prefetcher` and
:class:`AuditLogPager`, which walk the same :class:`~voximplant_audit._paging.Walk`
serially. Both hand records out in the API's order, with the same cursors; only the
number of requests in flight differs (the async one at most ``concurrency``, once
the first page has told ``total_count``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

from audit_core import AsyncPager, Page, Pager
from voximplant_audit_api.models import HistoryGetAuditLogResponse200

from ._models import AuditLogEntry
from ._paging import AuditLogCursor, Walk
from ._wire import AuditFilters

#: One GetAuditLog call: the window's filters, the offset and whether to ask for ``total_count``.
AsyncFetch = Callable[[AuditFilters, int, bool], Awaitable[HistoryGetAuditLogResponse200]]
Fetch = Callable[[AuditFilters, int, bool], HistoryGetAuditLogResponse200]
AuditPage = Page[AuditLogEntry, AuditLogCursor]
if TYPE_CHECKING:  # asyncio is imported by the first AsyncPrefetcher, not with the package (start-up time)
    import asyncio

    _Task = asyncio.Task[HistoryGetAuditLogResponse200]


class AsyncPrefetcher:
    """Pages of a :class:`Walk`, with up to ``concurrency`` GetAuditLog calls in flight (async only)."""

    def __init__(self, fetch: AsyncFetch, walk: Walk, concurrency: int) -> None:
        self._fetch = fetch
        self._walk = walk
        self._concurrency = concurrency
        self._tasks: dict[int, _Task] = {}
        self._query = walk.query

    async def page(self, cursor: AuditLogCursor) -> AuditPage:
        """The page after ``cursor``: fetched now, or taken from the calls already in flight."""
        offset = self._walk.start(cursor)
        if self._walk.query is not self._query:  # a new window: what is in flight is for the old one
            self.cancel()
            self._query = self._walk.query
        if offset is None:
            return Page([], [], None)
        task = self._tasks.pop(offset, None)
        if task is None:
            body = await self._fetch(self._walk.query, offset, self._walk.total is None)
        else:
            body = await task
        page = self._walk.take(body)
        if page.next is not None:
            self._schedule()
        return page

    def _schedule(self) -> None:
        import asyncio

        wanted = self._walk.prefetchable(self._concurrency)
        for stale in [offset for offset in self._tasks if offset not in wanted]:
            self._discard(self._tasks.pop(stale))
        for offset in wanted:
            if offset not in self._tasks:
                self._tasks[offset] = asyncio.ensure_future(self._fetch(self._walk.query, offset, False))

    @staticmethod
    def _discard(task: _Task) -> None:
        if task.done():
            if not task.cancelled():
                task.exception()  # mark it retrieved
        else:
            task.cancel()

    def cancel(self) -> None:
        """Stop the calls in flight (the iteration ended or moved to another window)."""
        for task in self._tasks.values():
            self._discard(task)
        self._tasks.clear()


class Prefetcher:
    """Pages of a :class:`Walk`, one GetAuditLog call at a time (the sync side of :class:`AsyncPrefetcher`).

    ``concurrency`` is accepted, so that code moves between the clients unchanged, and
    has no effect: the sync client fetches serially.
    """

    def __init__(self, fetch: Fetch, walk: Walk, concurrency: int) -> None:
        self._fetch = fetch
        self._walk = walk

    def page(self, cursor: AuditLogCursor) -> AuditPage:
        """The page after ``cursor``."""
        offset = self._walk.start(cursor)
        if offset is None:
            return Page([], [], None)
        return self._walk.take(self._fetch(self._walk.query, offset, self._walk.total is None))

    def cancel(self) -> None:
        """Nothing is ever in flight."""


class AsyncAuditLogPager(AsyncPager[AuditLogEntry, AuditLogCursor]):
    """The pager of ``AsyncClient.iter_audit_log``: stops the calls in flight when the iteration ends."""

    def __init__(self, prefetcher: AsyncPrefetcher, cursor: AuditLogCursor) -> None:
        super().__init__(prefetcher.page, cursor)
        self._prefetcher = prefetcher

    async def _walk(self) -> AsyncIterator[AuditLogEntry]:
        try:
            async for item in super()._walk():
                yield item
        finally:
            self._prefetcher.cancel()


class AuditLogPager(Pager[AuditLogEntry, AuditLogCursor]):
    """The pager of ``Client.iter_audit_log`` (serial: nothing to stop)."""

    def __init__(self, prefetcher: Prefetcher, cursor: AuditLogCursor) -> None:
        super().__init__(prefetcher.page, cursor)
