"""Fetching GetAuditLog pages with up to ``concurrency`` calls in flight (written once; the sync twin is generated).

Once the first page has told ``total_count``, the pages at the next offsets are asked for
ahead, while the current one is handed out: as tasks in ``AsyncClient``, in threads in
``Client`` (``audit_core``'s ``AsyncWorkers``/``Workers``). Records still come out in the
API's order with the same cursors as one call at a time: every page goes through the same
:class:`~voximplant_audit._paging.Walk`, in order.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from audit_core import AsyncPager, Page
from audit_core._backend import AsyncWorkers
from voximplant_audit_api.models import HistoryGetAuditLogResponse200

from .._models import AuditLogEntry
from .._paging import AuditLogCursor, Walk
from .._wire import AuditFilters

#: One GetAuditLog call: the window's filters, the offset and whether to ask for ``total_count``.
AsyncFetch = Callable[[AuditFilters, int, bool], Awaitable[HistoryGetAuditLogResponse200]]
AuditPage = Page[AuditLogEntry, AuditLogCursor]


class AsyncPrefetcher:
    """Pages of a :class:`Walk`, with up to ``concurrency`` GetAuditLog calls in flight."""

    def __init__(self, fetch: AsyncFetch, walk: Walk, concurrency: int) -> None:
        self._fetch = fetch
        self._walk = walk
        self._concurrency = concurrency
        self._workers = AsyncWorkers(concurrency)
        self._handles: dict[int, Any] = {}
        self._query = walk.query

    async def page(self, cursor: AuditLogCursor) -> AuditPage:
        """The page after ``cursor``: fetched now, or taken from the calls already in flight."""
        offset = self._walk.start(cursor)
        if self._walk.query is not self._query:  # a new window: what is in flight is for the old one
            self.cancel()
            self._query = self._walk.query
        if offset is None:
            return Page([], [], None)
        handle = self._handles.pop(offset, None)
        if handle is None:
            body = await self._fetch(self._walk.query, offset, self._walk.total is None)
        else:
            await self._workers.wait_any([handle])
            body = handle.result()
        page = self._walk.take(body)
        if page.next is not None and self._concurrency > 1:
            await self._schedule()
        return page

    async def _schedule(self) -> None:
        wanted = self._walk.prefetchable(self._concurrency)
        for stale in [offset for offset in self._handles if offset not in wanted]:
            self._handles.pop(stale).cancel()
        started = False
        for offset in wanted:
            if offset not in self._handles:
                self._handles[offset] = self._workers.start(self._fetch, self._walk.query, offset, False)
                started = True
        if started:
            await self._workers.checkpoint()

    def cancel(self) -> None:
        """Stop the calls in flight (the iteration ended or moved to another window)."""
        self._workers.close()
        self._handles.clear()


class AsyncAuditLogPager(AsyncPager[AuditLogEntry, AuditLogCursor]):
    """The pager of ``iter_audit_log``: stops the calls in flight when the iteration ends."""

    def __init__(self, prefetcher: AsyncPrefetcher, cursor: AuditLogCursor) -> None:
        super().__init__(prefetcher.page, cursor)
        self._prefetcher = prefetcher

    async def _walk(self) -> AsyncIterator[AuditLogEntry]:
        try:
            async for item in super()._walk():
                yield item
        finally:
            self._prefetcher.cancel()
