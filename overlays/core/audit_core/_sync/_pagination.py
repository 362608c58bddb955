# Generated from overlays/core/audit_core/_async/_pagination.py by scripts/unasync.py: edit that file.
"""Resumable iteration over paged answers (written once here; scripts/unasync.py writes the twin).

A vendor describes one page fetch; the pager walks them. ``pager.cursor`` always
names the position just after the last record handed out, so an iteration that
fails part way (retries exhausted, process stopped) starts again from it, or from
``pager.cursor.to_token()``, without losing or repeating a record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .._pagination import Page

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
        self.cursor: C = cursor
        self.done = False

    def _walk(self) -> Iterator[T]:
        while not self.done:
            page = self._fetch(self.cursor)
            for item, after in zip(page.items, page.cursors, strict=True):
                self.cursor = after
                yield item
            if page.next is None:
                self.done = True
            else:
                self.cursor = page.next

    def __iter__(self) -> Iterator[T]:
        return self._walk()
