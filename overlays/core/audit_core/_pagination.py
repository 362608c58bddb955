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

from collections.abc import Sequence
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
