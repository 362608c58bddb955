"""Resumable iteration over paged answers (written once here; scripts/unasync.py writes the twin).

A vendor describes one page fetch; the pager walks them. ``pager.cursor`` always
names the position just after the last record handed out, so an iteration that
fails part way (retries exhausted, process stopped) starts again from it, or from
``pager.cursor.to_token()``, without losing or repeating a record.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Generic, TypeVar

from .._pagination import Page

T = TypeVar("T")
C = TypeVar("C")


class AsyncPager(Generic[T, C]):
    """Iterate the records of ``fetch(cursor)`` pages, starting at ``cursor``.

    >>> async def fetch(offset: int) -> Page[int, int]:
    ...     items = list(range(offset, min(offset + 2, 5)))
    ...     return Page(items, [i + 1 for i in items], offset + 2 if offset + 2 < 5 else None)
    >>> pager = AsyncPager(fetch, 0)
    >>> pager.cursor
    0
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
