"""Property tests (hypothesis) of what nlpearl_audit writes and reads, and of the window arithmetic."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlpearl_audit import AuditEvent, AuditLogCursor, EventType, UserType, parse_timestamp
from nlpearl_audit._paging import EDGE_MARGIN, AuditLogQuery
from nlpearl_audit.testing import parse_request_time, render, ticks_of
from nlpearl_audit_api.models import AuditLogAPIRequest
from tests.nlpearl.support import NLPearlContract

T0 = datetime(2024, 5, 1, tzinfo=UTC)
DOCUMENTED_EVENTS = {1, 2, 10, 11, 18, 19, 30, 31, 40, 41, 50, 51, 52, 59, 60, 61, 70, 71, 72, 73, 74, 75, 76, 80, 81}
INT32 = st.integers(-(2**31), 2**31 - 1)

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
aware = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=offsets)
ticks = st.integers(ticks_of(datetime(1971, 1, 1, tzinfo=UTC)), ticks_of(datetime(2200, 1, 1, tzinfo=UTC)))


def floor_to_microsecond(tick: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=tick // 10)


@given(ticks, st.booleans())
def test_wire_timestamps_read_as_utc_cut_to_the_microsecond(tick: int, naive: bool) -> None:
    parsed = parse_timestamp(render(tick, naive=naive))
    assert parsed.tzinfo is UTC
    assert parsed == floor_to_microsecond(tick)


@given(aware, st.integers(0, 7), st.sampled_from(["+HH:MM", "+HHMM", "Z-if-utc"]))
def test_any_iso_8601_offset_and_fraction_width_reads_back_as_the_same_instant(
    value: datetime, digits: int, style: str
) -> None:
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + f"{value.microsecond:06d}0"[:digits]
    offset = value.strftime("%z")
    text += {"+HH:MM": offset[:3] + ":" + offset[3:], "+HHMM": offset}.get(style, "Z" if offset == "+0000" else offset)
    kept = int(f"{value.microsecond:06d}0"[:digits].ljust(7, "0")) // 10
    assert parse_timestamp(text) == value.replace(microsecond=kept).astimezone(UTC)


@given(INT32)
def test_every_int32_is_an_event_type_and_a_user_type(value: int) -> None:
    event, user = EventType(value), UserType(value)
    assert event == value and isinstance(event, EventType) and int(event) == value
    assert event.is_known == (value in DOCUMENTED_EVENTS)
    assert user.is_known == (value in {1, 3, 90, 99})
    assert event.is_known or event.name == f"UNKNOWN_{value}"


records = st.fixed_dictionaries(
    {"timestamp": ticks.map(render), "eventType": INT32},
    optional={
        "user": st.none()
        | st.fixed_dictionaries(
            {}, optional={"id": st.none() | st.text(), "name": st.none() | st.text(), "type": INT32}
        ),
        "additionalData": st.none() | st.dictionaries(st.text(), st.text()),
    },
)


@given(records)
def test_any_record_the_spec_allows_reads_into_a_typed_event(record: dict[str, object]) -> None:
    event = AuditEvent.from_wire(record)
    assert event.raw is record and event.timestamp.tzinfo is UTC
    assert event.event_type == record["eventType"]
    assert dict(event.additional_data) == (record.get("additionalData") or {})
    user = record.get("user")
    assert (event.user is None) == (not isinstance(user, dict))
    if isinstance(user, dict) and "type" in user:
        assert event.user is not None and event.user.type == user["type"]


@given(
    aware,
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
    st.none() | INT32,
    st.none() | st.text(min_size=1).filter(str.strip),
)
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_request_bodies_fit_the_spec_and_say_what_was_asked(
    since: datetime, length: timedelta, event_type: int | None, user_id: str | None
) -> None:
    query = AuditLogQuery.build(since, since + length, event_type=event_type, user_id=user_id, window=timedelta(days=1))
    start, end = query.span(query.first_cursor(None))
    body = query.body(start, end)
    back = AuditLogAPIRequest.from_dict(json.loads(json.dumps(body)))
    assert back.from_ == start - EDGE_MARGIN and back.to == end + EDGE_MARGIN
    assert parse_request_time(body["from"]) == ticks_of(start - EDGE_MARGIN)
    assert body.get("eventType") == event_type and body.get("userId") == user_id
    contract = NLPearlContract()
    request = httpx.Request(
        "POST", "https://api.nlpearl.ai/v2/Account/AuditLog", json=body, headers={"Authorization": "Bearer a:b"}
    )
    contract.check(request, None)
    contract.assert_clean()


@given(
    st.datetimes(timezones=st.just(UTC), min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.none() | st.text(),
    st.integers(0, 10**6),
)
def test_cursor_tokens_round_trip(position: datetime, after: str | None, repeats: int) -> None:
    cursor = AuditLogCursor(position, after, repeats)
    assert AuditLogCursor.from_token(cursor.to_token()) == cursor


# The window arithmetic against an in-process server: random events (many on edges), random
# windows, inclusive or exclusive bounds, random stop-and-resume points.
edge_heavy = st.one_of(
    st.integers(0, 48).map(lambda h: T0 + timedelta(hours=h)),
    st.integers(0, 48 * 3600 * 10_000_000).map(lambda t: T0 + timedelta(microseconds=t // 10)),
)


@given(
    st.lists(st.tuples(edge_heavy, st.integers(1, 3)), max_size=60),
    st.sampled_from([timedelta(minutes=7), timedelta(hours=1), timedelta(hours=5), timedelta(days=3)]),
    st.booleans(),
    st.integers(0, 70),
    st.randoms(use_true_random=False),
)
@settings(deadline=None)
def test_windows_yield_each_event_once_in_order_and_resume_anywhere(
    stored: list[tuple[datetime, int]], window: timedelta, inclusive: bool, stop: int, rng: object
) -> None:
    wire = [{"timestamp": render(ticks_of(when)), "eventType": kind, "n": n} for n, (when, kind) in enumerate(stored)]
    since, until = T0 + timedelta(hours=1), T0 + timedelta(hours=40)

    def server(body: dict[str, str]) -> list[dict[str, object]]:
        lo, hi = parse_request_time(body["from"]), parse_request_time(body["to"])
        out = [
            r
            for r in wire
            if (
                lo <= ticks_of(parse_timestamp(str(r["timestamp"]))) <= hi
                if inclusive
                else lo < ticks_of(parse_timestamp(str(r["timestamp"]))) < hi
            )
        ]
        rng.shuffle(out)  # type: ignore[attr-defined]
        return out

    def run(cursor: AuditLogCursor | None, limit: int | None) -> tuple[list[int], AuditLogCursor]:
        query = AuditLogQuery.build(since, until, event_type=None, user_id=None, window=window)
        at: AuditLogCursor | None = query.first_cursor(cursor)
        got: list[int] = []
        while at is not None:
            start, end = query.span(at)
            if start >= end:
                break
            page = query.page(at, start, end, server(query.body(start, end)))
            for event, after in zip(page.items, page.cursors, strict=True):
                if limit is not None and len(got) == limit:
                    return got, at
                got.append(int(str(event.raw["n"])))
                at = after
            at = page.next
        return got, AuditLogCursor(until)

    expected = sorted(
        (n for n, (when, _) in enumerate(stored) if since <= when < until), key=lambda n: (stored[n][0], n)
    )
    full, _ = run(None, None)
    assert sorted(full) == sorted(expected) and len(full) == len(set(full))
    assert [stored[n][0] for n in full] == sorted(stored[n][0] for n in full)
    head, cursor = run(None, stop)
    tail, _ = run(cursor, None)
    assert head + tail == full
