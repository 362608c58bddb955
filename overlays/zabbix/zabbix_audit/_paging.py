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
limit, and paging goes on from there. Records that arrive in the cursor's second
while we iterate are still found (they are not in ``seen``); nothing is handed out
twice, because ``seen`` is checked rather than an id order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from audit_core import InvalidInputError, Page, check_window
from zabbix_audit_api.models import (
    AuditLogFilter,
    AuditlogGetParams,
    AuditLogSearch,
    AuditLogSortField,
    OutputExtend,
    SortOrder,
)

from ._models import AuditRecord

SEARCH_FIELDS = ("username", "ip", "resourcename", "details")
MAX_PAGE_SIZE = 100_000
MAX_CLOCK = 2**31 - 1


@attrs.frozen(eq=False)
class AuditCursor:
    """Where an :func:`iter_audit_log` iteration stands: resume with ``iter_audit_log(..., cursor=c)``.

    ``clock`` is the Unix second being read, ``seen`` the ids of that second already handed out.

    >>> c = AuditCursor(1700000000, ("c" * 25,))
    >>> c.seen == frozenset({"c" * 25}), AuditCursor.from_dict(c.to_dict()) == c
    (True, True)
    """

    clock: int
    _ids: tuple[str, ...] = ()
    _count: int = -1
    whole_second: bool = False

    @property
    def seen(self) -> frozenset[str]:
        """The ids of second ``clock`` already handed out."""
        return frozenset(self._ids if self._count < 0 else self._ids[: self._count])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, to store a position between runs."""
        return {"clock": self.clock, "seen": sorted(self.seen), "whole_second": self.whole_second}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditCursor:
        """The inverse of :meth:`to_dict`."""
        try:
            clock, seen, whole = data["clock"], data["seen"], data.get("whole_second", False)
        except (KeyError, TypeError):
            raise InvalidInputError("a cursor dict needs 'clock' and 'seen'") from None
        if isinstance(clock, bool) or not isinstance(clock, int) or not isinstance(whole, bool):
            raise InvalidInputError("cursor clock must be an int and whole_second a bool")
        if isinstance(seen, str) or not all(isinstance(s, str) for s in seen):
            raise InvalidInputError("cursor seen must be a list of audit ids")
        return cls(clock, tuple(seen), -1, whole)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AuditCursor):
            return NotImplemented
        return (self.clock, self.seen, self.whole_second) == (other.clock, other.seen, other.whole_second)

    def __hash__(self) -> int:
        return hash((self.clock, self.seen, self.whole_second))

    def __repr__(self) -> str:
        return f"AuditCursor(clock={self.clock}, seen={len(self.seen)} ids, whole_second={self.whole_second})"


def _ids_param(values: Iterable[object] | None, name: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(f"{name} must be a list, not a single {type(values).__name__}")
    out: list[str] = []
    for value in values:
        if isinstance(value, bool):
            raise InvalidInputError(f"{name}: {value!r} is not an id")
        text = str(value) if isinstance(value, int) else value
        if not isinstance(text, str) or not text.isdigit() or not text.isascii():
            raise InvalidInputError(f"{name}: {value!r} is not a numeric id")
        out.append(str(int(text)))
    if not out:
        raise InvalidInputError(f"{name} is empty: pass None to leave the filter out")
    return out


def _search_param(search: Mapping[str, object] | None) -> AuditLogSearch | None:
    if search is None:
        return None
    if not isinstance(search, Mapping):
        raise InvalidInputError("search must be a dict like {'resourcename': 'web'}")
    unknown = sorted(set(search) - set(SEARCH_FIELDS))
    if unknown:
        raise InvalidInputError(f"search: unknown field(s) {unknown}; Zabbix searches {', '.join(SEARCH_FIELDS)}")
    if not search:
        raise InvalidInputError("search is empty: pass None to leave it out")
    fields: dict[str, str | list[str]] = {}
    for key, value in search.items():
        if isinstance(value, str):
            if not value:
                raise InvalidInputError(f"search[{key!r}] is empty")
            fields[key] = value
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, str) and v for v in value):
            fields[key] = list(value)
        else:
            raise InvalidInputError(f"search[{key!r}] must be a non-empty string or list of strings, not {value!r}")
    return AuditLogSearch(**fields)


def _page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"page_size must be an integer from 1 to {MAX_PAGE_SIZE}, not {value!r}")
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
        start, end = check_window(since, until)
        return cls(
            time_from=math.ceil(start.timestamp()),
            time_till=min(math.ceil(end.timestamp()) - 1, MAX_CLOCK),  # no record is later: clock is int32
            page_size=_page_size(page_size),
            userids=_ids_param(userids, "userids"),
            actions=_ids_param(actions, "actions"),
            resourcetypes=_ids_param(resourcetypes, "resourcetypes"),
            search=_search_param(search),
        )

    def start(self, cursor: AuditCursor | None) -> AuditCursor:
        """The first cursor: the window's start, or the caller's (checked to lie in the window)."""
        if cursor is None:
            return AuditCursor(self.time_from)
        if not isinstance(cursor, AuditCursor):
            raise InvalidInputError(f"cursor must be an AuditCursor (pager.cursor), not {type(cursor).__name__}")
        if not self.time_from <= cursor.clock <= self.time_till + 1:
            raise InvalidInputError(f"cursor clock {cursor.clock} lies outside the requested window")
        return cursor

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
        records = sorted(raw, key=lambda r: (r.timestamp, r.auditid))
        seen = cursor.seen
        fresh = [
            r
            for r in records
            if cursor.clock <= r.timestamp <= self.time_till and not (r.timestamp == cursor.clock and r.auditid in seen)
        ]
        cursors = _item_cursors(cursor, fresh)
        if cursor.whole_second:
            ids = tuple(seen) + tuple(r.auditid for r in fresh)
            return Page(fresh, cursors, AuditCursor(cursor.clock, ids))
        limit = params.limit if isinstance(params.limit, int) else 0
        if len(records) < limit or not records:
            return Page(fresh, cursors, None)
        last = records[-1].timestamp
        if last == cursor.clock:  # one second holds more than a page: read it whole
            ids = tuple(seen) + tuple(r.auditid for r in fresh)
            return Page(fresh, cursors, AuditCursor(cursor.clock, ids, -1, True))
        return Page(fresh, cursors, cursors[-1] if cursors else AuditCursor(last))


def _item_cursors(cursor: AuditCursor, records: list[AuditRecord]) -> list[AuditCursor]:
    """The cursor after each record; records of one second share one tuple of ids (no quadratic copies)."""
    out: list[AuditCursor] = []
    i = 0
    while i < len(records):
        clock = records[i].timestamp
        j = i
        while j < len(records) and records[j].timestamp == clock:
            j += 1
        base = tuple(cursor.seen) if clock == cursor.clock else ()
        ids = base + tuple(r.auditid for r in records[i:j])
        out.extend(AuditCursor(clock, ids, len(base) + k + 1) for k in range(j - i))
        i = j
    return out
