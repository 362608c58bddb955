"""One page of a paged answer; the pagers that walk them are in ``_async/_pagination.py`` and its sync twin.

A vendor describes one page fetch; the pager walks them. ``pager.cursor`` always
names the position just after the last record handed out, so an iteration that
fails part way (retries exhausted, process stopped) can start again from it
without losing or repeating a record::

    pager = client.iter_audit_log(since, until)
    try:
        for record in pager:
            store(record)
    except RetriesExhaustedError:
        resume_at = pager.cursor        # later: client.iter_audit_log(since, until, cursor=resume_at)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar, overload

import attrs

# ``concurrency=`` is checked by every client's constructor, so it is defined with the other option
# checks (audit_core._config, which imports no attrs: start-up time) and re-exported here.
from ._config import DEFAULT_CONCURRENCY as DEFAULT_CONCURRENCY
from ._config import MAX_CONCURRENCY as MAX_CONCURRENCY
from ._config import check_concurrency as check_concurrency

T = TypeVar("T")
C = TypeVar("C")


@attrs.frozen
class Page(Generic[T, C]):
    """One fetched page: its records, the cursor after each of them, and where the next page starts.

    ``next`` is ``None`` on the last page.
    """

    items: Sequence[T]
    cursors: Sequence[C]
    next: C | None

    def __attrs_post_init__(self) -> None:
        if len(self.items) != len(self.cursors):
            raise ValueError("a page needs exactly one cursor per record")


class LazyCursors(Sequence[C]):
    """The cursors of a page's records, each made only when asked for (most never are).

    A pager hands out every record but reads ``pager.cursor`` only when its caller does, so
    a vendor's page gives ``LazyCursors(len(items), make)`` where ``make(i)`` builds the cursor
    after record ``i``.

    >>> cursors = LazyCursors(3, lambda i: i * 10)
    >>> len(cursors), cursors[1], cursors[-1], list(cursors)
    (3, 10, 20, [0, 10, 20])
    """

    __slots__ = ("_count", "_make")

    def __init__(self, count: int, make: Callable[[int], C]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> C: ...

    @overload
    def __getitem__(self, index: slice) -> list[C]: ...

    def __getitem__(self, index: int | slice) -> C | list[C]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("cursor index out of range")
        return self._make(index)


#: A slice aims at this share of a full page, so that most slices are read in one request.
FILL = 0.8


@attrs.define
class Lane(Generic[T, C]):
    """One time slice ``[position(start), end)`` of a pull, read page after page by its own requests.

    ``next`` is where its next request starts (``None`` once it is read); ``pages`` are read and
    not handed out yet; ``handoff`` is the cursor the pull stands at once the slice is handed out
    (the next slice's start; ``None``: nothing follows, or not known yet for a probe).
    """

    start: C
    end: datetime
    next: C | None
    handoff: C | None
    probe: bool = False
    records: int = 0
    pages: deque[Page[T, C]] = attrs.field(factory=deque)
    pending: Any = None
    error: BaseException | None = None


class Slicer(Generic[T, C]):
    """Cuts ``[cursor, until)`` into :class:`Lane` s, as wide as one page of records is expected to be.

    With a fixed ``width`` (NLPearl's one-day windows) every slice has it. Without one, the first
    slice is a probe: one page from the cursor to ``until``, whose reach tells how dense the records
    are; later slices are sized from every slice read so far, ``FILL`` of a page each. A slice that
    holds more than a page is still read whole, page after page: the sizing is only for speed.
    """

    def __init__(
        self,
        *,
        position: Callable[[C], datetime],
        at: Callable[[datetime], C],
        until: datetime,
        page_size: int,
        width: timedelta | None = None,
        grid: timedelta = timedelta(seconds=1),
    ) -> None:
        self.position = position
        self._at = at
        self.until = until
        self._page_size = page_size
        self._width = width
        self._grid = grid
        self._density: float | None = None
        self._last = grid

    def first(self, cursor: C) -> Lane[T, C] | None:
        """The first slice of a pull from ``cursor`` (``None``: the window is empty)."""
        if self.position(cursor) >= self.until:
            return None
        if self._width is None:
            return Lane(cursor, self.until, cursor, None, probe=True)
        return self._lane(cursor)

    def after(self, lane: Lane[T, C]) -> Lane[T, C] | None:
        """The slice after ``lane`` (``None``: it reaches ``until``, or a probe not read yet)."""
        return None if lane.handoff is None else self._lane(lane.handoff)

    def _lane(self, start: C) -> Lane[T, C]:
        begin = self.position(start)
        end = min(self.until, begin + self.width())
        return Lane(start, end, start, None if end >= self.until else self._at(end))

    def width(self) -> timedelta:
        """How wide the next slice is: fixed, or ``FILL`` of a page at the density seen lately."""
        if self._width is not None:
            return self._width
        if self._density is None:
            wide = self._grid * 60
        elif self._density == 0:  # nothing in what was read lately: widen fast
            wide = self._last * 4
        else:
            wide = timedelta(seconds=FILL * self._page_size / self._density)
        steps = max(1, -(-wide // self._grid))
        self._last = self._grid * steps
        return self._last

    def page_read(self, lane: Lane[T, C], page: Page[T, C]) -> None:
        """Account one page of ``lane``: whether the slice has more, and what it taught about density."""
        lane.pages.append(page)
        lane.records += len(page.items)
        following = page.next
        if lane.probe:
            lane.next = None
            if following is not None and self.position(following) < self.until:
                lane.handoff = following
                # From the first record on: the window may start long before the records do.
                first = self.position(page.cursors[0]) if page.items else self.position(lane.start)
                self._learn(lane.records, self.position(following) - first)
            return
        if following is None or self.position(following) >= lane.end:
            lane.next = None
            self._learn(lane.records, lane.end - self.position(lane.start))
        else:
            lane.next = following

    def _learn(self, records: int, span: timedelta) -> None:
        """Weigh in one slice's density (records a second), half and half with what was known."""
        seconds = span.total_seconds()
        if seconds <= 0:
            density = float(records) / self._grid.total_seconds() if records else 0.0
        else:
            density = records / seconds
        self._density = density if self._density is None else (self._density + density) / 2
