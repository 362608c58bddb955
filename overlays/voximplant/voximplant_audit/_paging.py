"""GetAuditLog paging, I/O-free: the half-open window, the position cursor and the walk over pages.

Ordering and resolution: GetAuditLog returns the records of ``from_date <=
requested <= to_date`` (both ends inclusive, whole UTC seconds, as the API docs
say), ascending, or descending with ``desc_order``; the docs name no sort key, the
fake (like the vendor, as far as we know) orders by ``audit_log_id``. Ids are handed
out as actions happen, so we assume that in that order ``requested`` never goes
back (the README says so). A position is therefore a second plus the ids already
handed out at that second; several records may share one.

* The window ``[since, until)`` becomes ``from_date`` = ``since`` rounded up to a
  whole second and ``to_date`` = the last whole second before ``until``; every
  record is checked on this side too, so one stamped exactly ``until`` is left to
  the next window.
* :class:`AuditLogCursor` is the position after the last record handed out.
* :class:`Walk` pages with ``offset`` through one window anchored at the cursor it
  started from (offsets can be fetched several at a time), and moves the cursor
  record by record. A pull resumed from a cursor asks for a new window starting at
  the cursor's second and drops the ids the cursor already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs

from audit_core import InvalidInputError, Page, TransportError, decode_token, encode_token, require_aware, token_time
from voximplant_audit_api.models import HistoryGetAuditLogResponse200

from ._errors import VENDOR
from ._models import AuditLogEntry, AuditLogPage, entries_from_wire
from ._wire import DATE_FORMAT, AuditFilters, ceil_second, last_second_before


def _utc(value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise InvalidInputError(f"position must be a datetime, not {type(value).__name__}", vendor=VENDOR)
    return require_aware(value, "position", vendor=VENDOR)


def _ids(value: Sequence[int]) -> tuple[int, ...]:
    if isinstance(value, (str, bytes)) or not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        raise InvalidInputError("ids must be audit_log_id integers", vendor=VENDOR)
    return tuple(value)


@attrs.frozen
class AuditLogCursor:
    """Where a GetAuditLog pull stands: just after the last record handed out.

    ``position`` is the ``requested`` time of that record (aware UTC; the start of
    the window before any), ``ids`` the ``audit_log_id`` s already handed out at
    that second, ``descending`` whether the pull runs in ``desc_order``. Save it with
    :meth:`to_token`; ``iter_audit_log(since, until, cursor=token)`` goes on right
    after it, whatever ``since`` says, with the same ``until`` or a later one.

    >>> from datetime import UTC
    >>> cur = AuditLogCursor(datetime(2024, 5, 1, 12, tzinfo=UTC), (900001, 900002))
    >>> AuditLogCursor.from_token(cur.to_token()) == cur
    True
    """

    position: datetime = attrs.field(converter=_utc)
    ids: tuple[int, ...] = attrs.field(default=(), converter=_ids)
    descending: bool = False

    def to_token(self) -> str:
        """The cursor as text (``v1.…``), for ``iter_audit_log(..., cursor=token)`` in a later run."""
        fields: dict[str, Any] = {"p": self.position.isoformat(), "ids": list(self.ids)}
        if self.descending:
            fields["desc"] = True
        return encode_token(VENDOR, fields)

    @classmethod
    def from_token(cls, token: str) -> AuditLogCursor:
        """Read a token of :meth:`to_token`; a malformed or foreign one raises :class:`InvalidInputError`."""
        data = decode_token(VENDOR, token)
        position = token_time(VENDOR, data.get("p"))
        ids = data.get("ids", [])
        if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise InvalidInputError("malformed cursor token: ids is not a list of integers", vendor=VENDOR)
        descending = data.get("desc", False)
        if not isinstance(descending, bool):
            raise InvalidInputError("malformed cursor token: desc is not a boolean", vendor=VENDOR)
        return cls(position, tuple(ids), descending)

    def handed_out(self, entry: AuditLogEntry) -> bool:
        """Whether ``entry`` is at or before this position (in the pull's direction): handed out already."""
        when = entry.requested
        if when == self.position:
            return entry.audit_log_id in self.ids
        return when > self.position if self.descending else when < self.position

    def after(self, entry: AuditLogEntry) -> AuditLogCursor:
        """The cursor once ``entry`` (not :meth:`handed_out`) has been handed out."""
        if entry.requested == self.position:
            return AuditLogCursor(self.position, (*self.ids, entry.audit_log_id), self.descending)
        return AuditLogCursor(entry.requested, (entry.audit_log_id,), self.descending)


def start_cursor(since: datetime, until: datetime, desc_order: bool, cursor: AuditLogCursor | None) -> AuditLogCursor:
    """The cursor a pull starts from: the given one, or the start of the window in the pull's direction."""
    if cursor is None:
        return AuditLogCursor(until if desc_order else since, (), desc_order)
    if cursor.descending != desc_order:
        raise InvalidInputError(
            f"this cursor was taken with desc_order={cursor.descending}: resume with the same order", vendor=VENDOR
        )
    return cursor


def window_query(filters: AuditFilters, since: datetime, until: datetime, cursor: AuditLogCursor) -> AuditFilters:
    """The GetAuditLog filters for what is left of ``[since, until)`` after ``cursor``.

    Ascending, the window starts at the cursor's second (``since`` no longer counts);
    descending, it ends there. ``from_date`` may come out after ``to_date``: nothing is left.
    """
    if cursor.descending:
        low, high = since, min(last_second_before(until), cursor.position.replace(microsecond=0))
    else:
        low, high = cursor.position, last_second_before(until)
    return attrs.evolve(filters, from_date=ceil_second(low).strftime(DATE_FORMAT), to_date=high.strftime(DATE_FORMAT))


def records_of(body: HistoryGetAuditLogResponse200) -> list[AuditLogEntry]:
    """The typed records of one answer, ``requested`` read in the answer's ``timezone``."""
    timezone = body.timezone if isinstance(body.timezone, str) and body.timezone else "UTC"
    try:
        if isinstance(body, AuditLogPage):
            return entries_from_wire(body.wire, timezone)
        return [AuditLogEntry.from_generated(raw, timezone) for raw in body.result or []]
    except ValueError as exc:
        raise TransportError(f"unreadable audit-log record: {exc}", vendor=VENDOR, operation="GetAuditLog") from None


class Walk:
    """The state of one pull: its window (anchored at the cursor it started from), offset and ``total_count``.

    :meth:`start` names the request for the page at the pager's cursor, :meth:`take`
    turns the answer into a :class:`~audit_core.Page`. When the pager's cursor is not
    the one this walk handed out last (it was set from outside), the walk anchors a
    new window at it.
    """

    def __init__(
        self, filters: AuditFilters, since: datetime, until: datetime, page_size: int, cursor: AuditLogCursor
    ) -> None:
        self._filters = filters
        self._since = since
        self._until = until
        self.page_size = page_size
        self._anchor(cursor)

    def _anchor(self, cursor: AuditLogCursor) -> None:
        self.cursor: AuditLogCursor = cursor
        self.query: AuditFilters = window_query(self._filters, self._since, self._until, cursor)
        self.offset = 0
        self.total: int | None = None

    def start(self, cursor: AuditLogCursor) -> int | None:
        """The offset of the page to fetch for ``cursor`` (``None``: nothing is left to ask for)."""
        if cursor is not self.cursor:
            self._anchor(cursor)
        return None if self.query.empty else self.offset

    def take(self, body: HistoryGetAuditLogResponse200) -> Page[AuditLogEntry, AuditLogCursor]:
        """One answer (the page at :attr:`offset`) as a page of records not handed out yet, in the API's order.

        The walk goes on after a full page, or a short one below the first ``total_count``
        (a server that caps ``count``; audit records are never deleted).
        """
        if self.total is None and isinstance(body.total_count, int):
            self.total = body.total_count
        records = records_of(body)
        self.offset += len(records)
        items: list[AuditLogEntry] = []
        cursors: list[AuditLogCursor] = []
        cursor = self.cursor
        for entry in records:
            if cursor.handed_out(entry) or not self._inside(entry.requested):
                continue
            cursor = cursor.after(entry)
            items.append(entry)
            cursors.append(cursor)
        self.cursor = cursor
        more = bool(records) and (
            len(records) >= self.page_size or (self.total is not None and self.offset < self.total)
        )
        return Page(items, cursors, cursor if more else None)

    def _inside(self, when: datetime) -> bool:
        # Ascending, the cursor is the lower bound (a fresh one stands at `since`); descending, `since` is.
        return when < self._until and (when >= self._since or not self.cursor.descending)

    def prefetchable(self, concurrency: int) -> list[int]:
        """Offsets worth fetching ahead of the next page (known only once ``total_count`` is)."""
        if self.total is None:
            return []
        ahead = range(self.offset, self.offset + concurrency * self.page_size, self.page_size)
        return [offset for offset in ahead if offset < self.total]
