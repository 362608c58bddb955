"""Resumable iteration over paged answers, sync (``for``) and async (``async for``).

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

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

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


class Pager(Generic[T, C]):
    """Iterate the records of ``fetch(cursor)`` pages, starting at ``cursor``.

    >>> def fetch(offset: int) -> Page[int, int]:
    ...     items = list(range(offset, min(offset + 2, 5)))
    ...     return Page(items, [i + 1 for i in items], offset + 2 if offset + 2 < 5 else None)
    >>> list(Pager(fetch, 0))
    [0, 1, 2, 3, 4]
    """

    def __init__(self, fetch: Callable[[C], Page[T, C]], cursor: C) -> None:
        self._fetch = fetch
        self.cursor: C = cursor
        self.done = False

    def __iter__(self) -> Iterator[T]:
        while not self.done:
            page = self._fetch(self.cursor)
            for item, after in zip(page.items, page.cursors, strict=True):
                self.cursor = after
                yield item
            if page.next is None:
                self.done = True
            else:
                self.cursor = page.next


class AsyncPager(Generic[T, C]):
    """The ``async for`` counterpart of :class:`Pager`.

    >>> async def fetch(offset: int) -> Page[int, int]:
    ...     return Page([offset], [offset + 1], None)
    >>> pager = AsyncPager(fetch, 7)
    """

    def __init__(self, fetch: Callable[[C], Awaitable[Page[T, C]]], cursor: C) -> None:
        self._fetch = fetch
        self.cursor: C = cursor
        self.done = False

    async def _walk(self) -> AsyncIterator[T]:
        while not self.done:
            page = await self._fetch(self.cursor)
            for item, after in zip(page.items, page.cursors, strict=True):
                self.cursor = after
                yield item
            if page.next is None:
                self.done = True
            else:
                self.cursor = page.next

    def __aiter__(self) -> AsyncIterator[T]:
        return self._walk()
