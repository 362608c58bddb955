"""Windowed reading of ``POST /v2/Account/AuditLog``, shared by the sync and async clients.

The endpoint has no pagination: it returns every event between ``from`` and
``to``. :func:`AuditLogQuery.span` cuts ``[since, until)`` into windows of
``window``; each window is asked for with one second of margin on either side
and only the events in exactly ``[window_start, window_end)`` are kept, so an
event on an edge two windows share comes out once, whether the server treats
``from``/``to`` as inclusive or exclusive (it does not say) and however it
rounds them. Events come out in time order; ties at one instant are ordered by
the record's canonical JSON, so the order (and the cursor) is the same on every
request even when the server returns ties in a different order each time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import attrs
import httpx

from audit_core import (
    InvalidInputError,
    LazyCursors,
    Page,
    RetryReason,
    TransportError,
    check_window,
    classify_unreadable_json,
    decode_token,
    encode_token,
    json_body,
    require_aware,
    resolve_cursor,
    token_time,
)
from nlpearl_audit_api.models import AuditLogAPIRequest
from nlpearl_audit_api.types import UNSET

from ._enums import EventType
from ._errors import OPERATION, VENDOR, error_for
from ._models import AuditEvent, events_from_wire

PATH = "/v2/Account/AuditLog"
DEFAULT_WINDOW = timedelta(days=1)
#: Asked for beyond each window edge, then cut off on our side.
EDGE_MARGIN = timedelta(seconds=1)
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


@attrs.frozen
class AuditLogCursor:
    """Where an iteration stands: just after the event at ``position`` with sort key ``after``.

    ``after`` is ``None`` at a window start (nothing at ``position`` handed out
    yet); ``repeats`` counts identical records at that point already handed
    out. Pass a cursor back as ``iter_audit_log(..., cursor=c)`` to go on from
    there without losing or repeating an event; :meth:`to_token` and
    :meth:`from_token` store it as text.

    >>> from datetime import timezone
    >>> c = AuditLogCursor(datetime(2024, 5, 1, tzinfo=timezone.utc))
    >>> AuditLogCursor.from_token(c.to_token()) == c
    True
    """

    position: datetime
    after: str | None = None
    repeats: int = 0

    def to_token(self) -> str:
        """The cursor as text, for ``iter_audit_log(..., cursor=token)`` in a later run."""
        return encode_token(VENDOR, {"p": self.position.isoformat(), "a": self.after, "r": self.repeats})

    @classmethod
    def from_token(cls, token: str) -> AuditLogCursor:
        """Read a cursor written by :meth:`to_token` (``InvalidInputError`` for anything else)."""
        data = decode_token(VENDOR, token)
        after, repeats = data.get("a"), data.get("r")
        if (
            (after is not None and not isinstance(after, str))
            or isinstance(repeats, bool)
            or not isinstance(repeats, int)
            or repeats < 0
        ):
            raise InvalidInputError("malformed cursor token", vendor=VENDOR)
        return cls(token_time(VENDOR, data.get("p")), after, repeats)


def _check_event_type(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not _INT32_MIN <= value <= _INT32_MAX:
        raise InvalidInputError(f"event_type must be an EventType (or its integer value), not {value!r}", vendor=VENDOR)
    return int(value)


def _check_user_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"user_id must be a non-empty string or None, not {value!r}", vendor=VENDOR)
    return value


def _check_window_size(value: object) -> timedelta:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise InvalidInputError(
            f"window must be a positive timedelta, e.g. timedelta(days=1), not {value!r}", vendor=VENDOR
        )
    return value


@attrs.frozen
class AuditLogQuery:
    """One ``iter_audit_log`` call, validated: the range, the filters and the window size."""

    since: datetime
    until: datetime
    window: timedelta
    event_type: int | None
    user_id: str | None

    @classmethod
    def build(
        cls,
        since: datetime,
        until: datetime,
        *,
        event_type: object,
        user_id: object,
        window: object,
    ) -> AuditLogQuery:
        """Check every argument before any request is made."""
        start, end = check_window(since, until, vendor=VENDOR)
        return cls(start, end, _check_window_size(window), _check_event_type(event_type), _check_user_id(user_id))

    def first_cursor(self, cursor: object) -> AuditLogCursor:
        """The cursor to start from: ``since``, or right after a cursor (or its token) from an earlier run.

        A cursor wins over ``since``; ``until`` may be later than the one it was taken under.
        """
        given = resolve_cursor(VENDOR, cursor, AuditLogCursor, AuditLogCursor.from_token)
        if given is None:
            return AuditLogCursor(self.since)
        return attrs.evolve(given, position=require_aware(given.position, "cursor.position", vendor=VENDOR))

    def span(self, cursor: AuditLogCursor) -> tuple[datetime, datetime]:
        """The window to read next: ``[cursor.position, cursor.position + window)``, within ``until``."""
        start = cursor.position
        return start, min(start + self.window, self.until) if start < self.until else start

    def body(self, start: datetime, end: datetime) -> dict[str, Any]:
        """The JSON request body for one window (with :data:`EDGE_MARGIN` on both sides)."""
        request = AuditLogAPIRequest(
            from_=start - EDGE_MARGIN,
            to=end + EDGE_MARGIN,
            event_type=UNSET if self.event_type is None else EventType(self.event_type),
            user_id=UNSET if self.user_id is None else self.user_id,
        )
        return request.to_dict()

    def page(
        self, cursor: AuditLogCursor, start: datetime, end: datetime, records: list[Any]
    ) -> Page[AuditEvent, AuditLogCursor]:
        """The events of one window in order, after ``cursor``, each with the cursor just past it."""
        events = events_from_wire(records)  # decoded lazily: timestamp now, the rest on first access
        inside = sorted((e for e in events if start <= e.timestamp < end), key=lambda e: e.timestamp)
        # Only ties (and events at the cursor's own instant) need their canonical JSON to be ordered:
        # an event alone at its instant gets it when its cursor is read.
        items: list[AuditEvent] = []
        marks: list[tuple[datetime, str | None, int]] = []  # each record's cursor, made when asked for
        i, n = 0, len(inside)
        while i < n:
            timestamp = inside[i].timestamp
            j = i + 1
            while j < n and inside[j].timestamp == timestamp:
                j += 1
            if j - i == 1 and timestamp != cursor.position:
                items.append(inside[i])
                marks.append((timestamp, None, 1))
                i = j
                continue
            previous: str | None = None
            repeats = 0
            for text, event in sorted(((e.sort_key[1], e) for e in inside[i:j]), key=lambda pair: pair[0]):
                repeats = repeats + 1 if text == previous else 1
                previous = text
                if timestamp == cursor.position and _handed_out(cursor, text, repeats):
                    continue
                items.append(event)
                marks.append((timestamp, text, repeats))
            i = j

        def cursor_at(index: int) -> AuditLogCursor:
            timestamp, text, repeats = marks[index]
            return AuditLogCursor(timestamp, items[index].sort_key[1] if text is None else text, repeats)

        following = AuditLogCursor(end) if end < self.until else None
        return Page(items, LazyCursors(len(items), cursor_at), following)


def _handed_out(cursor: AuditLogCursor, text: str, repeats: int) -> bool:
    """Whether the record at ``cursor.position`` with sort key ``text`` went out before ``cursor``."""
    if cursor.after is None:
        return False
    return text < cursor.after or (text == cursor.after and repeats <= cursor.repeats)


def read_records(response: httpx.Response) -> list[Any]:
    """The JSON array of a successful answer; the typed error of any other."""
    if not response.is_success:
        raise error_for(response)
    try:
        body = json_body(response)
    except ValueError:
        raise TransportError(
            f"the answer is not valid JSON (HTTP {response.status_code})", vendor=VENDOR, operation=OPERATION
        ) from None
    if not isinstance(body, list):
        raise TransportError(
            f"expected a JSON array of audit events, got {type(body).__name__}", vendor=VENDOR, operation=OPERATION
        )
    return body


def classify(request: httpx.Request, response: httpx.Response) -> RetryReason | None:
    """Retry a 2xx answer that is not a JSON array (an HTML page, a cut-off or foreign body)."""
    reason = classify_unreadable_json(request, response)
    if reason is not None or not response.is_success:
        return reason
    if not isinstance(json_body(response), list):
        kind = response.headers.get("Content-Type", "no content type")
        return RetryReason(TransportError(f"the answer is not a JSON array (HTTP {response.status_code}, {kind})"))
    return None


def operation(request: httpx.Request) -> str:
    """The operation's name in errors and logs: ``POST /v2/Account/AuditLog``."""
    return f"{request.method} {request.url.path}"
