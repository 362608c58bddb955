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
A cursor given by the user (or its token) is such a position too: the
iteration starts right after it, whatever ``since`` says, and ``until`` may be
later than the one it was taken under.

This module does no I/O: :func:`step` is a generator that yields
:class:`Query` objects and is sent back the records (or the 211/212 error); the
client drives it (``AsyncClient._fetch``, written once). It also checks the
arguments of a call and writes and reads the bodies of ``user/audit/log/list``.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import attrs
import httpx

from audit_core import AuditError, InvalidInputError, LazyCursors, Page, TransportError, check_ints, check_window
from navixy_audit_api.models import AuditLogListRequest, AuditLogListRequestGrouping, AuditLogListResponse

from ._errors import VENDOR, LimitTooBigError, TimeSpanTooBigError, read_envelope
from ._models import AuditLogCursor, AuditRecord, ceil_second, floor_second, format_datetime, records_from_wire

logger = logging.getLogger("navixy_audit")

ONE_SECOND = timedelta(seconds=1)
MIN_WINDOW = timedelta(minutes=1)
DEFAULT_WINDOW = timedelta(days=7)
DEFAULT_PAGE_SIZE = 1000
MAX_PASSES = 40
LIST_OPERATION = "user/audit/log/list"
LIST_PATH = "/" + LIST_OPERATION
_SORT = ["action_datetime=asc"]
_SORT_OPTION = re.compile(r"^(action|action_date|action_datetime|user|host)=(asc|desc)$")

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


def step(plan: Plan, cursor: AuditLogCursor, until: datetime | None = None) -> Step:
    """Fetch the next complete chunk after ``cursor``, before ``until`` (default: the plan's; see the module docs).

    Slices of one pull read in parallel share their plan, so what one learns about the server
    (an inclusive ``from``, a smaller window or page) the others use at once.
    """
    end = plan.until if until is None else min(until, plan.until)
    while True:
        try:
            return (yield from _step_once(plan, cursor, end))
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
            operation=LIST_OPERATION,
        )
    if plan.from_inclusive is None and any(r.action_date == query.start for r in answer):
        plan.from_inclusive = True
    return answer


def _query_start(plan: Plan, start: datetime) -> datetime:
    start = floor_second(start)
    return start if plan.from_inclusive else start - ONE_SECOND


def _chunk(
    records: Sequence[AuditRecord],
    plan: Plan,
    cursor: AuditLogCursor,
    below: datetime,
    after: datetime | None,
    until: datetime,
) -> Page[AuditRecord, AuditLogCursor]:
    """Hand out the records after ``cursor`` and before ``below``, in order, and continue at ``after``."""
    unique = {r.id: r for r in records if plan.since <= r.action_date < below and cursor.admits(r)}
    items = sorted(unique.values(), key=lambda r: (r.action_date, r.id))
    following = AuditLogCursor(after) if after is not None and after < until else None
    return Page(items, LazyCursors(len(items), lambda i: AuditLogCursor(items[i].action_date, items[i].id)), following)


def _step_once(plan: Plan, cursor: AuditLogCursor, until: datetime) -> Step:
    start = cursor.position
    if start >= until:
        return Page([], [], None)
    end = min(until, start + plan.window)
    limit = plan.page_size
    query = Query(_query_start(plan, start), ceil_second(end), limit)
    rows = yield from _ask(plan, query)
    if len(rows) < limit:
        return _chunk(rows, plan, cursor, end, end, until)
    last = max(r.action_date for r in rows)
    second = floor_second(start)
    if last < second:
        # The page is all from the second before: `from` is inclusive here. Ask again from `start`.
        if query.start == second:
            raise PagingError(
                f"asked for records from {query.start.isoformat()}, got only earlier ones",
                vendor=VENDOR,
                operation=LIST_OPERATION,
            )
        plan.from_inclusive = True
        raise _Restart
    if last >= second + ONE_SECOND:
        return _chunk(rows, plan, cursor, min(last, end), min(last, end), until)
    # More records share one second than fit in a page: read that second in full passes.
    records = yield from _read_second(plan, second)
    return _chunk(records, plan, cursor, min(second + ONE_SECOND, end), second + ONE_SECOND, until)


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
        operation=LIST_OPERATION,
    )


# --- the arguments of a call, and the bodies of user/audit/log/list ----------------------------------


@contextmanager
def navixy_errors() -> Iterator[None]:
    """Name Navixy in the errors of the shared checks, which know no vendor.

    >>> with navixy_errors():
    ...     check_window(datetime(2024, 1, 1), datetime(2024, 1, 2))
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: navixy: since is a naive datetime (no time zone): ...
    """
    try:
        yield
    except AuditError as exc:
        if exc.vendor is None:
            exc.vendor = VENDOR
        raise


@attrs.frozen
class Filters:
    """The server-side filters of one iteration, checked."""

    subuser_ids: list[int] | None = None
    actions: list[str] | None = None

    @classmethod
    def check(cls, subuser_ids: Iterable[object] | None, actions: Iterable[object] | None) -> Filters:
        """Check the user's filters (:class:`InvalidInputError` naming the bad one)."""
        return cls(_check_subusers(subuser_ids), _check_actions(actions))


def _check_actions(values: Iterable[object] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(
            "actions must be a list of strings, not a single string: actions=['create']", vendor=VENDOR
        )
    out: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise InvalidInputError(f"actions: {value!r} is not a non-empty string", vendor=VENDOR)
        out.append(str(value))
    if not out:
        raise InvalidInputError("actions is empty: pass None to leave the filter out", vendor=VENDOR)
    return out


def _check_subusers(values: Iterable[object] | None) -> list[int] | None:
    ids = check_ints(values, "subuser_ids", vendor=VENDOR)
    if ids is not None and not ids:
        raise InvalidInputError("subuser_ids is empty: pass None to leave the filter out", vendor=VENDOR)
    return ids


def check_page_size(value: object) -> int:
    """``page_size``: an integer >= 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(f"page_size must be an integer >= 1, not {value!r}", vendor=VENDOR)
    return value


def check_window_size(value: object) -> timedelta:
    """``window``: a timedelta of at least :data:`MIN_WINDOW`."""
    if not isinstance(value, timedelta) or value < MIN_WINDOW:
        raise InvalidInputError(f"window must be a timedelta of at least {MIN_WINDOW}, not {value!r}", vendor=VENDOR)
    return value


def plan(
    since: datetime,
    until: datetime,
    cursor: AuditLogCursor | None,
    *,
    page_size: int,
    window: timedelta,
) -> tuple[Plan, AuditLogCursor]:
    """The plan of an iteration over ``[since, until)`` and where it starts.

    With a cursor, the iteration starts right after it, whatever ``since`` says.

    >>> from datetime import UTC
    >>> t = datetime(2024, 1, 1, tzinfo=UTC)
    >>> earlier = AuditLogCursor(t - timedelta(days=1), 7)
    >>> p, start = plan(t, t + timedelta(days=1), earlier, page_size=10, window=DEFAULT_WINDOW)
    >>> p.since == start.position == t - timedelta(days=1), start.last_id
    (True, 7)
    """
    start, end = check_window(since, until, vendor=VENDOR)
    if cursor is None:
        cursor = AuditLogCursor(start)
    return Plan(since=cursor.position, until=end, page_size=page_size, window=window), cursor


def query_body(query: Query, filters: Filters) -> dict[str, Any]:
    """The body of one query of an iteration."""
    request = AuditLogListRequest(
        from_=format_datetime(query.start),
        to=format_datetime(query.end),
        limit=query.limit,
        offset=query.offset,
        sort=list(_SORT),
    )
    if filters.subuser_ids is not None:
        request.subuser_ids = list(filters.subuser_ids)
    if filters.actions is not None:
        request.actions = list(filters.actions)
    return request.to_dict()


def page_body(
    since: datetime,
    until: datetime,
    *,
    subuser_ids: Iterable[int] | None,
    actions: Iterable[str] | None,
    limit: int | None,
    offset: int | None,
    sort: Sequence[str] | None,
    grouping: str | None,
) -> dict[str, Any]:
    """The body of one ``list_audit_log`` call as the user asked for it (checked, nothing added)."""
    start, end = check_window(since, until, vendor=VENDOR)
    request = AuditLogListRequest(from_=format_datetime(start), to=format_datetime(end))
    filters = Filters.check(subuser_ids, actions)
    if filters.subuser_ids is not None:
        request.subuser_ids = filters.subuser_ids
    if filters.actions is not None:
        request.actions = filters.actions
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InvalidInputError(f"{name} must be an integer >= 0, not {value!r}", vendor=VENDOR)
            setattr(request, name, value)
    if sort is not None:
        if isinstance(sort, str):
            raise InvalidInputError('sort must be a list like ["action_datetime=asc"], not a string', vendor=VENDOR)
        for option in sort:
            if not isinstance(option, str) or not _SORT_OPTION.match(option):
                raise InvalidInputError(f"sort option {option!r} is not <property>=asc|desc", vendor=VENDOR)
        request.sort = list(sort)
    if grouping is not None:
        try:
            request.grouping = AuditLogListRequestGrouping(grouping)
            if not request.grouping.is_known:  # generated enums are open: an unknown value is no error there
                raise ValueError(grouping)
        except ValueError:
            choices = ", ".join(g.value for g in AuditLogListRequestGrouping)
            raise InvalidInputError(f"grouping must be one of {choices}, not {grouping!r}", vendor=VENDOR) from None
    return request.to_dict()


def read_records(response: httpx.Response) -> list[AuditRecord]:
    """The typed records of a ``user/audit/log/list`` answer, or its typed error."""
    body = read_envelope(response, LIST_OPERATION)
    items = body.get(AuditLogListResponse.Keys.LIST_)
    if not isinstance(items, list):
        raise TransportError(
            f"unreadable user/audit/log/list answer: list is {items!r}", vendor=VENDOR, operation=LIST_OPERATION
        )
    return records_from_wire(items, LIST_OPERATION)  # decoded lazily: id and action_date now, the rest on first access
