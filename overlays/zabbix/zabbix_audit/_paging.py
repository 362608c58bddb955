"""Exact keyset pagination over ``auditlog.get``, which has ``limit`` but no offset.

Records are read in ``(clock, auditid)`` order from a cursor ``(clock, seen)``: the
second we are in and the ids of that second already handed out. Each request asks
for ``time_from = clock`` and ``limit = page_size + len(seen)``, so whatever the
server's order inside a second, a full page holds at least ``page_size`` records
not handed out yet; the seconds before the page's last second are then complete,
and the last second is continued by the next cursor. An answer shorter than its
``limit`` was the rest of the window.

When a whole page falls inside the cursor's own second (more records share one
second than ``page_size``), the next request reads that second alone, without a
limit, and paging goes on from the next second (a slice of one second is read
that way at once). Records that arrive in the cursor's second while we page
through it are still found (they are not in ``seen``); nothing is handed out
twice, because ``seen`` is checked rather than an id order. A second read whole
is not read again: like any second behind the reader, a record committed into it
later is not seen (auditpull's ``--lag`` re-reads a span for that).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs

from audit_core import (
    InvalidInputError,
    LazyCursors,
    Page,
    TransportError,
    check_window,
    decode_token,
    encode_token,
    require_aware,
    resolve_cursor,
    token_time,
)
from zabbix_audit_api.models import (
    AuditLogFilter,
    AuditlogGetParams,
    AuditlogGetRequest,
    AuditLogSearch,
    AuditLogSortField,
    OutputExtend,
    SortOrder,
)

from ._errors import VENDOR
from ._models import AuditRecord, records_from_wire
from ._wire import dump, next_id

SEARCH_FIELDS = ("username", "ip", "resourcename", "details")
MAX_PAGE_SIZE = 100_000
MAX_CLOCK = 2**31 - 1


def _with_vendor(exc: InvalidInputError) -> InvalidInputError:
    exc.vendor = exc.vendor or VENDOR
    return exc


def _position(value: datetime) -> datetime:
    try:
        when = require_aware(value, "position", vendor=VENDOR)
    except InvalidInputError as exc:
        raise _with_vendor(exc) from None
    if when.microsecond:
        raise InvalidInputError(
            f"cursor position {when.isoformat()} is not a whole second (Zabbix clocks are whole seconds)",
            vendor=VENDOR,
        )
    return when


def _id_tuple(ids: Iterable[str]) -> tuple[str, ...]:
    return ids if isinstance(ids, tuple) else tuple(ids)


@attrs.frozen(eq=False, repr=False)
class AuditCursor:
    """A position in the audit log's ``(clock, auditid)`` order: resume with ``iter_audit_log(..., cursor=c)``.

    ``position`` is the second of the last record handed out (aware UTC; at the start, the
    window's first second) and ``seen`` the ids of that second already handed out, which
    break ties inside the second: the next record is one of ``position`` not in ``seen``, or
    a later one. ``to_token()`` writes it as text for a later run; ``iter_audit_log(...,
    cursor=token)`` reads it back.

    >>> from datetime import datetime, timezone
    >>> c = AuditCursor(datetime(2026, 1, 1, tzinfo=timezone.utc), ("c" * 25,))
    >>> c.seen == frozenset({"c" * 25}), AuditCursor.from_token(c.to_token()) == c, c.clock
    (True, True, 1767225600)
    """

    position: datetime = attrs.field(converter=_position)
    _ids: tuple[str, ...] = attrs.field(default=(), converter=_id_tuple)
    _count: int = -1
    #: Paging state: the next request reads the whole second ``position`` without a limit (it holds more
    #: records than a page). Kept in the token, so a resumed pull does not ask a full page again.
    whole_second: bool = False

    @classmethod
    def at(cls, clock: int, ids: tuple[str, ...] = (), count: int = -1, whole_second: bool = False) -> AuditCursor:
        """The cursor at Unix second ``clock`` (``ids[:count]`` seen; ``count=-1``: all of them)."""
        return cls(datetime.fromtimestamp(clock, UTC), ids, count, whole_second)

    @property
    def clock(self) -> int:
        """``position`` as the Unix second Zabbix counts in."""
        return int(self.position.timestamp())

    @property
    def seen(self) -> frozenset[str]:
        """The ids of second ``position`` already handed out."""
        return frozenset(self._ids if self._count < 0 else self._ids[: self._count])

    def to_token(self) -> str:
        """The cursor as text (``v1.``...), for ``iter_audit_log(..., cursor=token)`` in a later run.

        It holds the ids of ``position``'s second handed out, so a second with many records makes a long token.
        """
        fields: dict[str, Any] = {"p": self.position.isoformat(), "ids": sorted(self.seen)}
        if self.whole_second:
            fields["w"] = True
        return encode_token(VENDOR, fields)

    @classmethod
    def from_token(cls, token: str) -> AuditCursor:
        """The cursor of a :meth:`to_token` text; a malformed or foreign token is an :class:`InvalidInputError`."""
        data = decode_token(VENDOR, token)
        position = token_time(VENDOR, data.get("p"))
        ids, whole = data.get("ids", []), data.get("w", False)
        if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
            raise InvalidInputError("malformed cursor token: ids is not a list of audit ids", vendor=VENDOR)
        if not isinstance(whole, bool):
            raise InvalidInputError("malformed cursor token: w is not a bool", vendor=VENDOR)
        if position.microsecond:
            raise InvalidInputError("malformed cursor token: position is not a whole second", vendor=VENDOR)
        return cls(position, tuple(ids), -1, whole)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditCursor:
        """Read a cursor saved by 0.1's ``to_dict()`` (``clock``, ``seen``, ``whole_second``), to move to tokens.

        >>> AuditCursor.from_dict({"clock": 0, "seen": ["a"]}).to_token() == AuditCursor.at(0, ("a",)).to_token()
        True
        """
        try:
            clock, seen, whole = data["clock"], data["seen"], data.get("whole_second", False)
        except (KeyError, TypeError):
            raise InvalidInputError("a cursor dict needs 'clock' and 'seen'", vendor=VENDOR) from None
        if isinstance(clock, bool) or not isinstance(clock, int) or not isinstance(whole, bool):
            raise InvalidInputError("cursor clock must be an int and whole_second a bool", vendor=VENDOR)
        if isinstance(seen, str) or not all(isinstance(s, str) for s in seen):
            raise InvalidInputError("cursor seen must be a list of audit ids", vendor=VENDOR)
        return cls.at(clock, tuple(seen), -1, whole)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AuditCursor):
            return NotImplemented
        return (self.position, self.seen, self.whole_second) == (other.position, other.seen, other.whole_second)

    def __hash__(self) -> int:
        return hash((self.position, self.seen, self.whole_second))

    def __repr__(self) -> str:
        return (
            f"AuditCursor(position={self.position.isoformat()}, seen={len(self.seen)} ids, "
            f"whole_second={self.whole_second})"
        )


def _ids_param(values: Iterable[object] | None, name: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(f"{name} must be a list, not a single {type(values).__name__}", vendor=VENDOR)
    out: list[str] = []
    for value in values:
        if isinstance(value, bool):
            raise InvalidInputError(f"{name}: {value!r} is not an id", vendor=VENDOR)
        text = str(value) if isinstance(value, int) else value
        if not isinstance(text, str) or not text.isdigit() or not text.isascii():
            raise InvalidInputError(f"{name}: {value!r} is not a numeric id", vendor=VENDOR)
        out.append(str(int(text)))
    if not out:
        raise InvalidInputError(f"{name} is empty: pass None to leave the filter out", vendor=VENDOR)
    return out


def _search_param(search: Mapping[str, object] | None) -> AuditLogSearch | None:
    if search is None:
        return None
    if not isinstance(search, Mapping):
        raise InvalidInputError("search must be a dict like {'resourcename': 'web'}", vendor=VENDOR)
    unknown = sorted(set(search) - set(SEARCH_FIELDS))
    if unknown:
        raise InvalidInputError(
            f"search: unknown field(s) {unknown}; Zabbix searches {', '.join(SEARCH_FIELDS)}", vendor=VENDOR
        )
    if not search:
        raise InvalidInputError("search is empty: pass None to leave it out", vendor=VENDOR)
    fields: dict[str, str | list[str]] = {}
    for key, value in search.items():
        if isinstance(value, str):
            if not value:
                raise InvalidInputError(f"search[{key!r}] is empty", vendor=VENDOR)
            fields[key] = value
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, str) and v for v in value):
            fields[key] = list(value)
        else:
            raise InvalidInputError(
                f"search[{key!r}] must be a non-empty string or list of strings, not {value!r}", vendor=VENDOR
            )
    return AuditLogSearch(**fields)


def _page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"page_size must be an integer from 1 to {MAX_PAGE_SIZE}, not {value!r}", vendor=VENDOR)
    return value


@attrs.frozen
class AuditQuery:
    """A validated ``iter_audit_log`` call: the window in Unix seconds (both ends inclusive) and filters."""

    time_from: int
    time_till: int
    page_size: int
    userids: list[str] | None
    actions: list[str] | None
    resourcetypes: list[str] | None
    search: AuditLogSearch | None

    @classmethod
    def build(
        cls,
        since: datetime,
        until: datetime,
        *,
        userids: Iterable[int | str] | None,
        actions: Iterable[int] | None,
        resourcetypes: Iterable[int] | None,
        search: Mapping[str, str | Sequence[str]] | None,
        page_size: int,
    ) -> AuditQuery:
        """Check every argument before any request; records in ``[since, until)`` are asked for."""
        try:
            start, end = check_window(since, until, vendor=VENDOR)
        except InvalidInputError as exc:
            raise _with_vendor(exc) from None
        return cls(
            time_from=math.ceil(start.timestamp()),
            time_till=min(math.ceil(end.timestamp()) - 1, MAX_CLOCK),  # no record is later: clock is int32
            page_size=_page_size(page_size),
            userids=_ids_param(userids, "userids"),
            actions=_ids_param(actions, "actions"),
            resourcetypes=_ids_param(resourcetypes, "resourcetypes"),
            search=_search_param(search),
        )

    @property
    def until(self) -> datetime:
        """The end of the window, exclusive: the second after ``time_till``."""
        return datetime.fromtimestamp(self.time_till + 1, UTC)

    def ending(self, limit: datetime) -> AuditQuery:
        """The same query for records before ``limit`` only (one slice of the window)."""
        till = min(self.time_till, math.ceil(limit.timestamp()) - 1)
        return self if till == self.time_till else attrs.evolve(self, time_till=till)

    def start(self, cursor: AuditCursor | str | None) -> AuditCursor:
        """The first cursor: the window's start, or the caller's cursor (or its token), whatever ``since`` says.

        A cursor at or after ``until`` gives an empty iteration.
        """
        resumed = resolve_cursor(VENDOR, cursor, AuditCursor, AuditCursor.from_token)
        return AuditCursor.at(self.time_from) if resumed is None else resumed

    def params(self, cursor: AuditCursor) -> AuditlogGetParams | None:
        """The ``auditlog.get`` parameters of the page at ``cursor`` (``None``: nothing is left)."""
        if cursor.clock > self.time_till:
            return None
        flt = AuditLogFilter()
        if self.actions is not None:
            flt.action = self.actions
        if self.resourcetypes is not None:
            flt.resourcetype = self.resourcetypes
        params = AuditlogGetParams(
            output=OutputExtend.EXTEND,
            time_from=cursor.clock,
            time_till=cursor.clock if cursor.whole_second else self.time_till,
            sortfield=[AuditLogSortField.CLOCK, AuditLogSortField.AUDITID],
            sortorder=SortOrder.ASC,
        )
        if not cursor.whole_second:
            params.limit = self.page_size + len(cursor.seen)
        if self.userids is not None:
            params.userids = self.userids
        if self.actions is not None or self.resourcetypes is not None:
            params.filter_ = flt
        if self.search is not None:
            params.search = self.search
        return params

    def page(
        self, cursor: AuditCursor, params: AuditlogGetParams, raw: list[AuditRecord]
    ) -> Page[AuditRecord, AuditCursor]:
        """Turn one answer into the records not handed out yet, their cursors and the next cursor."""
        stamped = sorted(((r.timestamp, r) for r in raw), key=lambda pair: (pair[0], pair[1].auditid))
        seen, clock, till = cursor.seen, cursor.clock, self.time_till
        fresh: list[AuditRecord] = []
        stamps: list[int] = []
        for stamp, record in stamped:
            if clock <= stamp <= till and not (stamp == clock and record.auditid in seen):
                fresh.append(record)
                stamps.append(stamp)
        cursors = _item_cursors(cursor, fresh, stamps)
        if cursor.whole_second:
            if cursor.clock >= self.time_till:  # the query's last second, read whole: nothing is left
                return Page(fresh, cursors, None)
            # Read whole, so handed out whole: go on from the next second without reading it again.
            return Page(fresh, cursors, AuditCursor.at(cursor.clock + 1))
        limit = params.limit if isinstance(params.limit, int) else 0
        if len(stamped) < limit or not stamped:
            return Page(fresh, cursors, None)
        last = stamped[-1][0]
        if last == cursor.clock:  # one second holds more than a page: read it whole
            ids = tuple(seen) + tuple(r.auditid for r in fresh)
            return Page(fresh, cursors, AuditCursor.at(cursor.clock, ids, -1, True))
        return Page(fresh, cursors, cursors[-1] if cursors else AuditCursor.at(last))


def _item_cursors(cursor: AuditCursor, records: list[AuditRecord], stamps: list[int]) -> LazyCursors[AuditCursor]:
    """The cursor after each record (``stamps``: their clocks), made when asked for; one second shares its ids."""
    base = tuple(cursor.seen)
    groups: dict[int, tuple[int, int]] = {}  # clock -> (first index, end index) of its records
    for index, stamp in enumerate(stamps):
        first, _ = groups.get(stamp, (index, index))
        groups[stamp] = (first, index + 1)
    shared: dict[int, tuple[str, ...]] = {}

    def make(index: int) -> AuditCursor:
        clock = stamps[index]
        first, end = groups[clock]
        ids = shared.get(clock)
        if ids is None:
            before = base if clock == cursor.clock else ()
            ids = shared[clock] = before + tuple(r.auditid for r in records[first:end])
        seen = len(ids) - (end - first) + (index - first) + 1
        return AuditCursor.at(clock, ids, seen)

    return LazyCursors(len(records), make)


def read_records(result: Any) -> list[AuditRecord]:
    """The typed records of an ``auditlog.get`` result (a garbled one is a :class:`TransportError`)."""
    if isinstance(result, dict):  # preservekeys; never asked for, but read it all the same
        result = list(result.values())
    if not isinstance(result, list) or not all(isinstance(r, dict) for r in result):
        raise TransportError(
            "auditlog.get answered something else than a list of records", vendor=VENDOR, operation="auditlog.get"
        )
    try:
        return records_from_wire(result)  # decoded lazily: auditid, clock, action, resourcetype now
    except (ValueError, TypeError, KeyError) as exc:
        raise TransportError(
            f"auditlog.get answered a record that does not parse: {exc}", vendor=VENDOR, operation="auditlog.get"
        ) from None


def auditlog_body(params: AuditlogGetParams) -> bytes:
    """The JSON-RPC body of one ``auditlog.get`` call."""
    return dump(AuditlogGetRequest(params=params, id=next_id()).to_dict())
