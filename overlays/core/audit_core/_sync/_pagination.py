# Generated from overlays/core/audit_core/_async/_pagination.py by scripts/unasync.py: edit that file.
"""Resumable iteration over paged answers (written once here; scripts/unasync.py writes the twin).

A vendor describes one page fetch; the pager walks them. ``pager.cursor`` always
names the position just after the last record handed out, so an iteration that
fails part way (retries exhausted, process stopped) starts again from it, or from
``pager.cursor.to_token()``, without losing or repeating a record.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Generic, TypeVar

from .._backend import Workers
from .._pagination import Lane, Page, Slicer

T = TypeVar("T")
C = TypeVar("C")


class Pager(Generic[T, C]):
    """Iterate the records of ``fetch(cursor)`` pages, starting at ``cursor``.

    >>> def fetch(offset: int) -> Page[int, int]:
    ...     items = list(range(offset, min(offset + 2, 5)))
    ...     return Page(items, [i + 1 for i in items], offset + 2 if offset + 2 < 5 else None)
    >>> pager = Pager(fetch, 0)
    >>> pager.cursor
    0
    """

    def __init__(self, fetch: Callable[[C], Page[T, C]], cursor: C) -> None:
        self._fetch = fetch
        self._cursor: C = cursor
        # The cursor after the record handed out last, made when asked for: (the page's cursors, index).
        self._after: tuple[Sequence[C], int] | None = None
        self.done = False

    @property
    def cursor(self) -> C:
        """The position just after the last record handed out (see the module docs)."""
        if self._after is not None:
            cursors, index = self._after
            self._cursor = cursors[index]
            self._after = None
        return self._cursor

    @cursor.setter
    def cursor(self, value: C) -> None:
        self._cursor = value
        self._after = None

    def _walk(self) -> Iterator[T]:
        while not self.done:
            page = self._fetch(self.cursor)
            cursors = page.cursors
            for index, item in enumerate(page.items):
                self._after = (cursors, index)
                yield item
            if page.next is None:
                self.done = True
            else:
                self.cursor = page.next

    def __iter__(self) -> Iterator[T]:
        return self._walk()


class SlicedPager(Pager[T, C]):
    """A pager that reads time slices of the window in parallel, handing records out in order.

    ``fetch(cursor, end)`` reads one page after ``cursor``, of records before ``end`` only (its
    ``next`` is ``None``, or at or after ``end``, once the slice is read). The
    :class:`~audit_core.Slicer` cuts the window into slices; up to ``concurrency`` requests are in
    flight, each slice's pages are read in order, and at most two pages a slice wait to be handed
    out, so memory stays flat however long the window. Records come out in the same order, with the
    same cursors, as from one request at a time: ``pager.cursor`` is exact at every record, and
    between two slices it is the start of the next one. An error is raised when the records before
    it have been handed out, never earlier.

    With ``concurrency=1`` it reads the window from the cursor page after page, as :class:`Pager`.
    """

    def __init__(
        self,
        fetch: Callable[[C, datetime], Page[T, C]],
        cursor: C,
        slicer: Slicer[T, C],
        concurrency: int,
    ) -> None:
        self._fetch_until = fetch
        self._slicer = slicer
        self._concurrency = concurrency
        super().__init__(self._serial, cursor)

    def _serial(self, cursor: C) -> Page[T, C]:
        return self._fetch_until(cursor, self._slicer.until)

    def _walk(self) -> Iterator[T]:
        if self._concurrency == 1:
            for item in super()._walk():
                yield item
            return
        if self.done:
            return
        first = self._slicer.first(self.cursor)
        if first is None:
            self.done = True
            return
        lanes: deque[Lane[T, C]] = deque([first])
        workers = Workers(self._concurrency)
        try:
            while lanes:
                if self._plan(lanes, workers):
                    workers.checkpoint()
                lane = lanes[0]
                if lane.pages:
                    page = lane.pages.popleft()
                    cursors = page.cursors
                    for index, item in enumerate(page.items):
                        self._after = (cursors, index)
                        yield item
                elif lane.pending is not None:
                    workers.wait_any(each.pending for each in lanes if each.pending is not None)
                    self._harvest(lanes)
                elif lane.error is not None:
                    error, lane.error = lane.error, None
                    raise error
                else:
                    lanes.popleft()
                    if lane.handoff is None:
                        self.done = True
                        return
                    self.cursor = lane.handoff
        finally:
            workers.close()

    def _plan(self, lanes: deque[Lane[T, C]], workers: Workers) -> bool:
        """Add the slices that may start, and start the requests that may go; whether any did."""
        while len(lanes) < self._concurrency:
            following = self._slicer.after(lanes[-1])
            if following is None:
                break
            lanes.append(following)
        in_flight = sum(1 for lane in lanes if lane.pending is not None)
        started = False
        for index, lane in enumerate(lanes):
            if in_flight >= self._concurrency:
                break
            ahead = 2 if index == 0 else 1
            if lane.pending is None and lane.next is not None and lane.error is None and len(lane.pages) < ahead:
                lane.pending = workers.start(self._fetch_until, lane.next, lane.end)
                in_flight += 1
                started = True
        return started

    def _harvest(self, lanes: deque[Lane[T, C]]) -> None:
        """Take in the answers that arrived, in slice order."""
        for lane in lanes:
            handle = lane.pending
            if handle is None or not handle.done():
                continue
            lane.pending = None
            try:
                page = handle.result()
            except Exception as exc:
                lane.error = exc
                lane.next = None
            else:
                self._slicer.page_read(lane, page)
