# Generated from overlays/voximplant/voximplant_audit/_async/_prefetch.py by scripts/unasync.py: edit that file.
"""Fetching GetAuditLog pages with up to ``concurrency`` calls in flight (written once; the sync twin is generated).

Once the first page has told ``total_count``, the pages at the next offsets are asked for
ahead, while the current one is handed out: as tasks in ``Client``, in threads in
``Client`` (``audit_core``'s ``Workers``/``Workers``). Records still come out in the
API's order with the same cursors as one call at a time: every page goes through the same
:class:`~voximplant_audit._paging.Walk`, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from audit_core import Page, Pager
from audit_core._backend import Workers
from voximplant_audit_api.models import HistoryGetAuditLogResponse200

from .._models import AuditLogEntry
from .._paging import AuditLogCursor, Walk
from .._wire import AuditFilters

#: One GetAuditLog call: the window's filters, the offset and whether to ask for ``total_count``.
Fetch = Callable[[AuditFilters, int, bool], HistoryGetAuditLogResponse200]
AuditPage = Page[AuditLogEntry, AuditLogCursor]


class Prefetcher:
    """Pages of a :class:`Walk`, with up to ``concurrency`` GetAuditLog calls in flight."""

    def __init__(self, fetch: Fetch, walk: Walk, concurrency: int) -> None:
        self._fetch = fetch
        self._walk = walk
        self._concurrency = concurrency
        self._workers = Workers(concurrency)
        self._handles: dict[int, Any] = {}
        self._query = walk.query

    def page(self, cursor: AuditLogCursor) -> AuditPage:
        """The page after ``cursor``: fetched now, or taken from the calls already in flight."""
        offset = self._walk.start(cursor)
        if self._walk.query is not self._query:  # a new window: what is in flight is for the old one
            self.cancel()
            self._query = self._walk.query
        if offset is None:
            return Page([], [], None)
        handle = self._handles.pop(offset, None)
        if handle is None:
            body = self._fetch(self._walk.query, offset, self._walk.total is None)
        else:
            self._workers.wait_any([handle])
            body = handle.result()
        page = self._walk.take(body)
        if page.next is not None and self._concurrency > 1:
            self._schedule()
        return page

    def _schedule(self) -> None:
        wanted = self._walk.prefetchable(self._concurrency)
        for stale in [offset for offset in self._handles if offset not in wanted]:
            self._handles.pop(stale).cancel()
        started = False
        for offset in wanted:
            if offset not in self._handles:
                self._handles[offset] = self._workers.start(self._fetch, self._walk.query, offset, False)
                started = True
        if started:
            self._workers.checkpoint()

    def cancel(self) -> None:
        """Stop the calls in flight (the iteration ended or moved to another window)."""
        self._workers.close()
        self._handles.clear()


class AuditLogPager(Pager[AuditLogEntry, AuditLogCursor]):
    """The pager of ``iter_audit_log``: stops the calls in flight when the iteration ends."""

    def __init__(self, prefetcher: Prefetcher, cursor: AuditLogCursor) -> None:
        super().__init__(prefetcher.page, cursor)
        self._prefetcher = prefetcher

    def _walk(self) -> Iterator[AuditLogEntry]:
        try:
            for item in super()._walk():
                yield item
        finally:
            self._prefetcher.cancel()
