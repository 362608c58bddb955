"""Exact iteration over ``user/audit/log/list``, written once for the sync and the async client.

Navixy pages with ``limit``/``offset`` and sorts only by ``action_datetime``
(among others), never by id, so records sharing one second come back in an
order that may differ from one request to the next, and records may be
written while we page. Offsets alone would lose and repeat records. Instead:

* Every query asks for ``sort: ["action_datetime=asc"]`` from the cursor's
  position up to the end of the current window (at most ``window`` long, so the
  server's "time span too big" is avoided; on error 211 the window is halved).
* One answer is one consistent snapshot. When it is shorter than the page, it
  holds every record of the window. When it is full, every record strictly
  before the last record's time is in it (the sort guarantees that), so those
  are handed out and the next query starts at that time: keyset paging on time.
* When a full page holds one second only (more records share that second than
  fit in a page), that second is read with ``offset`` in full passes until the
  records seen (deduplicated by id) are as many as the server counts in it: a
  pass whose count changed, or whose shuffled ties hid records, is repeated.
* ``from`` may be inclusive or exclusive on the server ("after this date"):
  queries start one second early until a record at exactly ``from`` shows the
  server to be inclusive, and everything is filtered client-side to
  ``[since, until)``, so records exactly on a window edge come out once.

Records come out ordered by ``(action_date, id)``; the cursor after each one is
``AuditLogCursor(action_date, id)``, from which an iteration resumes exactly.
This module does no I/O: :func:`step` is a generator that yields
:class:`Query` objects and is sent back the records (or the 211/212 error).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Awaitable, Callable, Generator, Sequence
from datetime import datetime, timedelta

import attrs

from audit_core import AuditError, Page

from ._errors import VENDOR, LimitTooBigError, TimeSpanTooBigError
from ._models import AuditLogCursor, AuditRecord, ceil_second, floor_second

logger = logging.getLogger("navixy_audit")

ONE_SECOND = timedelta(seconds=1)
MIN_WINDOW = timedelta(minutes=1)
DEFAULT_WINDOW = timedelta(days=7)
DEFAULT_PAGE_SIZE = 1000
MAX_PASSES = 40

Answer = Sequence[AuditRecord] | TimeSpanTooBigError | LimitTooBigError
Step = Generator["Query", Answer, Page[AuditRecord, AuditLogCursor]]


class PagingError(AuditError):
    """The server kept answering differently for one second; a larger ``page_size`` avoids offset paging there."""


@attrs.frozen
class Query:
    """One ``user/audit/log/list`` call: ``[start, end]`` as sent, sorted by ``action_datetime`` ascending."""

    start: datetime
    end: datetime
    limit: int
    offset: int = 0


@attrs.define
class Plan:
    """The state of one iteration: its bounds, page size and window, and what was learnt about the server."""

    since: datetime
    until: datetime
    page_size: int = DEFAULT_PAGE_SIZE
    window: timedelta = DEFAULT_WINDOW
    from_inclusive: bool | None = None
    max_passes: int = MAX_PASSES
    queries: int = 0


class _Restart(Exception):
    """The plan changed (smaller window or page): start the step again."""


def step(plan: Plan, cursor: AuditLogCursor) -> Step:
    """Fetch the next complete chunk after ``cursor`` (see the module docs)."""
    while True:
        try:
            return (yield from _step_once(plan, cursor))
        except _Restart:
            continue


def _ask(plan: Plan, query: Query) -> Generator[Query, Answer, Sequence[AuditRecord]]:
    plan.queries += 1
    answer = yield query
    if isinstance(answer, TimeSpanTooBigError):
        if plan.window <= MIN_WINDOW:
            raise answer
        plan.window = max(MIN_WINDOW, plan.window / 2)
        logger.info("%s: time span too big; window shrunk to %s", VENDOR, plan.window)
        raise _Restart
    if isinstance(answer, LimitTooBigError):
        if plan.page_size <= 1:
            raise answer
        plan.page_size = max(1, plan.page_size // 2)
        logger.info("%s: limit too big; page size shrunk to %d", VENDOR, plan.page_size)
        raise _Restart
    if any(a.action_date > b.action_date for a, b in itertools.pairwise(answer)):
        # Keyset paging relies on the order asked for; never guess when it is not there.
        raise PagingError(
            "the server did not sort by action_datetime as asked; cannot page exactly",
            vendor=VENDOR,
            operation="user/audit/log/list",
        )
    if plan.from_inclusive is None and any(r.action_date == query.start for r in answer):
        plan.from_inclusive = True
    return answer


def _query_start(plan: Plan, start: datetime) -> datetime:
    start = floor_second(start)
    return start if plan.from_inclusive else start - ONE_SECOND


def _chunk(
    records: Sequence[AuditRecord], plan: Plan, cursor: AuditLogCursor, below: datetime, after: datetime | None
) -> Page[AuditRecord, AuditLogCursor]:
    """Hand out the records after ``cursor`` and before ``below``, in order, and continue at ``after``."""
    unique = {r.id: r for r in records if plan.since <= r.action_date < below and cursor.admits(r)}
    items = sorted(unique.values(), key=lambda r: (r.action_date, r.id))
    cursors = [AuditLogCursor(r.action_date, r.id) for r in items]
    following = AuditLogCursor(after) if after is not None and after < plan.until else None
    return Page(items, cursors, following)


def _step_once(plan: Plan, cursor: AuditLogCursor) -> Step:
    start = cursor.position
    if start >= plan.until:
        return Page([], [], None)
    end = min(plan.until, start + plan.window)
    limit = plan.page_size
    query = Query(_query_start(plan, start), ceil_second(end), limit)
    rows = yield from _ask(plan, query)
    if len(rows) < limit:
        return _chunk(rows, plan, cursor, end, end)
    last = max(r.action_date for r in rows)
    second = floor_second(start)
    if last < second:
        # The page is all from the second before: `from` is inclusive here. Ask again from `start`.
        if query.start == second:
            raise PagingError(
                f"asked for records from {query.start.isoformat()}, got only earlier ones",
                vendor=VENDOR,
                operation="user/audit/log/list",
            )
        plan.from_inclusive = True
        raise _Restart
    if last >= second + ONE_SECOND:
        return _chunk(rows, plan, cursor, min(last, end), min(last, end))
    # More records share one second than fit in a page: read that second in full passes.
    records = yield from _read_second(plan, second)
    return _chunk(records, plan, cursor, min(second + ONE_SECOND, end), second + ONE_SECOND)


def _read_second(plan: Plan, second: datetime) -> Generator[Query, Answer, list[AuditRecord]]:
    limit = plan.page_size
    seen: dict[int, AuditRecord] = {}
    for _ in range(plan.max_passes):
        this_pass: dict[int, AuditRecord] = {}
        offset = 0
        start = _query_start(plan, second)  # fixed for the whole pass, so its offsets agree
        while True:
            rows = yield from _ask(plan, Query(start, second + ONE_SECOND, limit, offset))
            this_pass.update((r.id, r) for r in rows)
            if len(rows) < limit:
                total = offset + len(rows)
                break
            offset += limit
        seen.update(this_pass)
        if len(seen) > total:
            # Fewer records than seen before: some were removed. Trust this pass only.
            seen = this_pass
        if len(seen) == total:
            return list(seen.values())
        logger.info("%s: second %s: %d of %d records seen; reading it again", VENDOR, second, len(seen), total)
    raise PagingError(
        f"the records of {second.isoformat()} kept changing over {plan.max_passes} passes; "
        f"retry with a page_size larger than the records of one second",
        vendor=VENDOR,
        operation="user/audit/log/list",
    )


def run_sync(
    plan: Plan, cursor: AuditLogCursor, call: Callable[[Query], Sequence[AuditRecord]]
) -> Page[AuditRecord, AuditLogCursor]:
    """Drive :func:`step` with a blocking ``call``."""
    gen = step(plan, cursor)
    answer: Answer | None = None
    while True:
        try:
            query = next(gen) if answer is None else gen.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer = call(query)
        except (TimeSpanTooBigError, LimitTooBigError) as exc:
            answer = exc


async def run_async(
    plan: Plan, cursor: AuditLogCursor, call: Callable[[Query], Awaitable[Sequence[AuditRecord]]]
) -> Page[AuditRecord, AuditLogCursor]:
    """Drive :func:`step` with an async ``call``."""
    gen = step(plan, cursor)
    answer: Answer | None = None
    while True:
        try:
            query = next(gen) if answer is None else gen.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer = await call(query)
        except (TimeSpanTooBigError, LimitTooBigError) as exc:
            answer = exc
