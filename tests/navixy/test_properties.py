"""Property tests (hypothesis) of the Navixy serializers and of the paging algorithm, without I/O."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit_core import InvalidInputError, Page, TransportError
from navixy_audit import AuditAction, AuditLogCursor, AuditRecord, EntryCategory, NavixyAPIError, PagingError
from navixy_audit._errors import ErrorCode, LimitTooBigError, TimeSpanTooBigError, error_from_envelope
from navixy_audit._models import format_datetime, parse_datetime
from navixy_audit._paging import Answer, Plan, Query, page_body, plan, step
from navixy_audit_api.models import AuditLogListRequest

T0 = datetime(2024, 1, 1, tzinfo=UTC)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
aware = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=offsets)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(aware)
def test_format_then_parse_is_the_same_instant_to_the_second(value: datetime) -> None:
    text = format_datetime(value)
    assert text.endswith("+00:00")
    assert parse_datetime(text) == value.replace(microsecond=0)


@given(aware, offsets, st.booleans())
def test_wire_dates_in_any_offset_and_style_read_as_utc(value: datetime, tz: timezone, colon: bool) -> None:
    local = value.astimezone(tz).replace(microsecond=0)
    text = local.isoformat() if colon else local.strftime("%Y-%m-%dT%H:%M:%S%z")
    parsed = parse_datetime(text)
    assert parsed == local and parsed.tzinfo == UTC


@given(st.datetimes(min_value=datetime(1971, 1, 1)))
def test_naive_datetimes_are_refused_and_offsetless_wire_dates_too(value: datetime) -> None:
    with pytest.raises(InvalidInputError, match="naive"):
        format_datetime(value)
    with pytest.raises(TransportError, match="NVX-ISO-DateTime"):
        parse_datetime(value.strftime("%Y-%m-%d %H:%M:%S"))


@given(st.dictionaries(st.sampled_from(["success", "status", "errors", "x"]), json_values) | json_values)
def test_any_error_envelope_becomes_a_navixy_error(body: Any) -> None:
    if not isinstance(body, dict):
        body = {"success": False, "status": body}
    error = error_from_envelope(body, status_code=400, operation="op")
    assert isinstance(error, NavixyAPIError) and error.vendor == "navixy"
    assert isinstance(str(error), str) and isinstance(error.errors, tuple)


@given(st.integers(min_value=-(2**40), max_value=2**40), st.text(), st.lists(st.tuples(st.text(), st.text())))
def test_error_codes_are_typed_when_known_and_kept_when_not(code: int, text: str, params: list[tuple[str, str]]):
    body = {
        "success": False,
        "status": {"code": code, "description": text},
        "errors": [{"parameter": p, "error": e} for p, e in params],
    }
    error = error_from_envelope(body)
    assert isinstance(error.code, ErrorCode) and error.code == code
    assert error.code.is_known == (code in set(ErrorCode))
    assert [(e.parameter, e.error) for e in error.errors] == params


@given(st.text())
def test_open_enums_keep_every_value(value: str) -> None:
    for cls in (AuditAction, EntryCategory):
        typed = cls(value)
        assert typed == value and typed.value == value and isinstance(typed, cls)
        known = value in {m.value for m in cls}
        assert typed.is_known == known
        assert typed.name == (cls(value).name if known else f"UNKNOWN_{value}")


@given(
    st.integers(min_value=1, max_value=2**53),
    st.none() | st.integers(min_value=0, max_value=2**31),
    st.text(min_size=1),
    st.none() | st.dictionaries(st.text(max_size=8), json_values, max_size=4),
    st.none() | st.text(),
    aware,
)
def test_records_read_from_the_wire_keep_their_raw_values(
    ident: int, sub: int | None, action: str, payload: dict[str, Any] | None, agent: str | None, when: datetime
) -> None:
    wire = {
        "id": ident,
        "user_id": 3,
        "subuser_id": sub,
        "entry_category": "custom_field",
        "entry_id": None,
        "action": action,
        "payload": payload,
        "host": "::1",
        "user_agent": agent,
        "action_date": when.replace(microsecond=0).isoformat(),
    }
    rec = AuditRecord.from_dict(wire)
    assert rec.raw.to_dict() == wire
    assert (rec.id, rec.subuser_id, rec.action, rec.payload, rec.user_agent) == (ident, sub, action, payload, agent)
    assert rec.action_date == when.replace(microsecond=0)


@given(
    aware,
    st.integers(min_value=0, max_value=10**6),
    st.none() | st.lists(st.integers(min_value=0, max_value=2**40), min_size=1),
    st.none() | st.lists(st.text(min_size=1).filter(str.strip), min_size=1),
    st.none() | st.integers(min_value=0, max_value=10**6),
    st.none() | st.lists(st.sampled_from(["action=asc", "user=desc", "host=asc", "action_datetime=desc"])),
    st.none() | st.sampled_from(["user", "action_date", "action", "default"]),
)
def test_request_bodies_round_trip_through_the_generated_model(
    since: datetime,
    span: int,
    subusers: list[int] | None,
    actions: list[str] | None,
    limit: int | None,
    sort: list[str] | None,
    grouping: str | None,
) -> None:
    until = since + timedelta(seconds=span)
    body = page_body(
        since, until, subuser_ids=subusers, actions=actions, limit=limit, offset=None, sort=sort, grouping=grouping
    )
    assert AuditLogListRequest.from_dict(body).to_dict() == body
    assert parse_datetime(body["from"]) == since.replace(microsecond=0)
    assert body.get("subuser_ids") == subusers and body.get("actions") == actions and body.get("sort") == sort


# --- the paging algorithm against an in-memory server with shuffled ties ------------------------------


def run_sync(
    plan: Plan, cursor: AuditLogCursor, call: Callable[[Query], Sequence[AuditRecord]]
) -> Page[AuditRecord, AuditLogCursor]:
    """Drive the I/O-free step with a plain function (as the clients drive it with HTTP)."""
    steps = step(plan, cursor)
    answer: Answer | None = None
    while True:
        try:
            query = next(steps) if answer is None else steps.send(answer)
        except StopIteration as done:
            page: Page[AuditRecord, AuditLogCursor] = done.value
            return page
        try:
            answer = call(query)
        except (TimeSpanTooBigError, LimitTooBigError) as exc:
            answer = exc


def make_record(ident: int, when: datetime) -> AuditRecord:
    return AuditRecord.from_dict(
        {"id": ident, "user_id": 3, "entry_category": "c", "action": "a", "action_date": when.isoformat()}
    )


class MemoryServer:
    """The fake's list semantics (filters aside) without HTTP: inclusive or exclusive ends, shuffled ties."""

    def __init__(self, records: list[AuditRecord], *, from_excl: bool, to_excl: bool, span: int, limit: int, seed: int):
        self.records = records
        self.from_excl, self.to_excl = from_excl, to_excl
        self.max_span = timedelta(seconds=span)
        self.max_limit = limit
        self.rng = random.Random(seed)
        self.calls = 0

    def __call__(self, query: Query) -> list[AuditRecord]:
        self.calls += 1
        if query.end - query.start > self.max_span:
            raise TimeSpanTooBigError("Requested time span is too big", code=211)
        if query.limit > self.max_limit:
            raise LimitTooBigError("Requested limit is too big", code=212)
        found = [
            r
            for r in self.records
            if (query.start < r.action_date if self.from_excl else query.start <= r.action_date)
            and (r.action_date < query.end if self.to_excl else r.action_date <= query.end)
        ]
        self.rng.shuffle(found)
        found.sort(key=lambda r: r.action_date)
        return found[query.offset : query.offset + query.limit]


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    # Seconds from T0 clustered on a few values, so that many records share one second.
    hot = draw(st.lists(st.integers(min_value=0, max_value=900), min_size=1, max_size=4))
    seconds = draw(st.lists(st.sampled_from(hot) | st.integers(min_value=0, max_value=900), max_size=150))
    records = [make_record(i + 1, T0 + timedelta(seconds=s)) for i, s in enumerate(seconds)]
    since = T0 + timedelta(seconds=draw(st.integers(0, 100)), microseconds=draw(st.sampled_from([0, 0, 250_000])))
    until = since + timedelta(seconds=draw(st.integers(0, 900)), microseconds=draw(st.sampled_from([0, 0, 999_999])))
    return {
        "records": records,
        "since": since,
        "until": until,
        "page_size": draw(st.integers(1, 15)),
        "window": timedelta(seconds=draw(st.integers(60, 1000))),
        "server": {
            "from_excl": draw(st.booleans()),
            "to_excl": draw(st.booleans()),
            "span": draw(st.integers(125, 2000)),
            "limit": draw(st.integers(1, 20)),
            "seed": draw(st.integers(0, 2**32)),
        },
        "stop_after": draw(st.none() | st.integers(0, 150)),
    }


def pull(server: MemoryServer, plan: Plan, cursor: AuditLogCursor, stop_after: int | None) -> tuple[list[int], Any]:
    out: list[int] = []
    while True:
        page = run_sync(plan, cursor, server)
        for item, after in zip(page.items, page.cursors, strict=True):
            out.append(item.id)
            cursor = after
            if stop_after is not None and len(out) >= stop_after:
                return out, cursor
        if page.next is None:
            return out, None
        cursor = page.next


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_paging_yields_every_record_of_the_window_once_in_order(s: dict[str, Any]) -> None:
    server = MemoryServer(s["records"], **s["server"])
    plan = Plan(since=s["since"], until=s["until"], page_size=s["page_size"], window=s["window"])
    first, cursor = pull(server, plan, AuditLogCursor(s["since"]), s["stop_after"])
    rest: list[int] = []
    if cursor is not None:  # resume from the cursor with a fresh plan, as a new iteration would
        fresh = Plan(since=s["since"], until=s["until"], page_size=s["page_size"], window=s["window"])
        rest, _ = pull(server, fresh, cursor, None)
    expected = sorted(
        (r for r in s["records"] if s["since"] <= r.action_date < s["until"]), key=lambda r: (r.action_date, r.id)
    )
    assert first + rest == [r.id for r in expected]


def pager_pull(
    server: MemoryServer, state: Plan, cursor: AuditLogCursor, stop_after: int | None
) -> tuple[list[int], AuditLogCursor]:
    """Like ``Pager``: the cursor after a full pull is the last record's (or the last ``page.next``)."""
    out: list[int] = []
    while True:
        page = run_sync(state, cursor, server)
        for item, after in zip(page.items, page.cursors, strict=True):
            out.append(item.id)
            cursor = after
            if stop_after is not None and len(out) >= stop_after:
                return out, cursor
        if page.next is None:
            return out, cursor
        cursor = page.next


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.integers(0, 900), st.integers(-200, 900))
def test_a_token_resumes_with_a_later_until_and_any_since(s: dict[str, Any], extra: int, since_shift: int) -> None:
    server = MemoryServer(s["records"], **s["server"])
    first_plan, start = plan(s["since"], s["until"], None, page_size=s["page_size"], window=s["window"])
    first, cursor = pager_pull(server, first_plan, start, s["stop_after"])
    token = cursor.to_token()
    later = s["until"] + timedelta(seconds=extra)
    other_since = min(later, s["since"] + timedelta(seconds=since_shift))  # whatever since says
    resumed = AuditLogCursor.from_token(token)
    assert resumed == cursor
    second_plan, start = plan(other_since, later, resumed, page_size=s["page_size"], window=s["window"])
    rest, _ = pager_pull(server, second_plan, start, None)
    expected = sorted(
        (r for r in s["records"] if s["since"] <= r.action_date < later), key=lambda r: (r.action_date, r.id)
    )
    assert first + rest == [r.id for r in expected]


def test_a_server_that_ignores_the_sort_is_detected_not_trusted() -> None:
    records = [make_record(i, T0 + timedelta(seconds=(i * 7919) % 500)) for i in range(1, 60)]
    server = MemoryServer(records, from_excl=False, to_excl=False, span=10_000, limit=100, seed=1)

    def unsorted(query: Query) -> list[AuditRecord]:
        rows = server(query)
        return sorted(rows, key=lambda r: r.id)  # e.g. the default sort by date only

    plan = Plan(since=T0, until=T0 + timedelta(seconds=500), page_size=10)
    with pytest.raises(PagingError, match="did not sort"):
        run_sync(plan, AuditLogCursor(T0), unsorted)
