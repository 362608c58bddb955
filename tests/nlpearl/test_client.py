"""nlpearl_audit against the fake NLPearl: auth, filters, exact windows, enums, errors, resuming."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from nlpearl_audit import (
    AsyncClient,
    AuditEvent,
    AuditLogCursor,
    AuthenticationError,
    Client,
    ConfigurationError,
    EventType,
    InvalidInputError,
    PermissionDeniedError,
    RequestValidationError,
    UserType,
)
from nlpearl_audit.testing import NLPearlFake, render, ticks_of
from nlpearl_audit_api.api.account import get_audit_log
from nlpearl_audit_api.models import AuditLogAPIRequest, AuditLogView, ValidationProblemDetails
from tests.nlpearl.support import NLPearlContract, contract_client
from tests.support.contract import AsyncContractTransport

T0 = datetime(2024, 5, 1, tzinfo=UTC)
ADA = {"id": "u-ada", "name": "Ada", "type": 1}
BOT = {"id": "k-17", "name": "ci key", "type": 3}


def ids(events: list[AuditEvent]) -> list[str]:
    return [ev.additional_data["id"] for ev in events]


def populate(fake: NLPearlFake, count: int, *, start: datetime = T0, step: timedelta = timedelta(hours=5)) -> None:
    """``count`` events, one every ``step``, cycling through users and event types."""
    users = itertools.cycle([ADA, BOT, None])
    kinds = itertools.cycle([EventType.LOGIN_SUCCESSFUL, EventType.PUBLISH_PEARL, EventType.LOGIN_ATTEMPT])
    for n in range(count):
        fake.add(start + n * step, int(next(kinds)), user=next(users), additional_data={"id": f"e{n}"})


# --- auth ---------------------------------------------------------------------------


def test_requests_carry_the_account_id_and_secret_key_as_bearer_token(fake: NLPearlFake) -> None:
    populate(fake, 10)
    with contract_client(fake) as (pearl, contract):
        events = list(pearl.iter_audit_log(T0, T0 + timedelta(days=3)))
    assert ids(events) == [f"e{n}" for n in range(10) if n * 5 < 72]
    assert {h["Authorization"] for h in fake.headers} == {f"Bearer {fake.account_id}:{fake.secret_key}"}
    assert all(h["Accept"] == "application/json" for h in fake.headers)
    contract.assert_clean()


def test_a_wrong_secret_key_is_an_authentication_error(fake: NLPearlFake) -> None:
    contract = NLPearlContract()
    with fake.running() as url, Client(fake.account_id, "sk-wrong-one", base_url=url, transport=contract) as pearl:
        with pytest.raises(AuthenticationError) as caught:
            list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))
    err = caught.value
    assert err.status_code == 401
    assert (err.vendor, err.operation) == ("nlpearl", "POST /v2/Account/AuditLog")
    assert "refused" in str(err) and "invalid_token" in str(err)
    assert "sk-wrong-one" not in str(err) + repr(err) + repr(err.details)
    assert len(fake.bodies) == 0  # refused before the body was looked at
    contract.assert_clean()


@pytest.mark.parametrize("empty_body", [False, True])
def test_a_key_without_the_right_is_a_permission_error_with_the_servers_detail(empty_body: bool) -> None:
    fake = NLPearlFake(forbidden=True, empty_forbidden_body=empty_body)
    contract = NLPearlContract()
    with fake.running() as url, Client(fake.account_id, fake.secret_key, base_url=url, transport=contract) as pearl:
        with pytest.raises(PermissionDeniedError) as caught:
            list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))
    assert caught.value.status_code == 403
    if empty_body:
        assert str(caught.value).endswith("may not read the audit log (HTTP 403) (code 403)")
    else:
        assert "The API key is not allowed to read the audit log." in str(caught.value)
        assert caught.value.details["title"] == "Forbidden"
        # An empty 403 carries no content type the spec could check; a ProblemDetails one must fit.
        contract.assert_clean()


def test_a_refused_range_is_a_validation_error_with_the_per_field_messages() -> None:
    fake = NLPearlFake(max_range=timedelta(days=7))
    with contract_client(fake) as (pearl, contract):
        with pytest.raises(RequestValidationError) as caught:
            list(pearl.iter_audit_log(T0, T0 + timedelta(days=60), window=timedelta(days=30)))
    err = caught.value
    assert err.status_code == 400
    assert err.errors == {"To": ["The range may not exceed 7 days."]}
    assert err.title == "One or more validation errors occurred."
    assert err.trace_id and err.trace_id.startswith("00-")
    assert "To: The range may not exceed 7 days." in str(err)
    contract.assert_clean()


def test_the_generated_operation_works_through_our_auth_and_reads_validation_problems(fake: NLPearlFake) -> None:
    populate(fake, 3)
    with contract_client(fake) as (pearl, contract):
        good = get_audit_log.sync(client=pearl.generated, body=AuditLogAPIRequest(from_=T0, to=T0 + timedelta(days=1)))
        bad = get_audit_log.sync(client=pearl.generated, body=AuditLogAPIRequest(from_=T0 + timedelta(days=1), to=T0))
    assert isinstance(good, list) and all(isinstance(v, AuditLogView) for v in good)
    assert sorted(v.additional_data.additional_properties["id"] for v in good) == ["e0", "e1", "e2"]  # type: ignore[union-attr]
    assert isinstance(bad, ValidationProblemDetails)
    assert bad.errors.additional_properties == {"From": ["'From' must be earlier than 'To'."]}  # type: ignore[union-attr]
    assert "sk-" not in repr(pearl.generated)
    contract.assert_clean()


# --- filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "user_id"),
    [
        (None, None),
        (EventType.LOGIN_SUCCESSFUL, None),
        (10, None),
        (None, "u-ada"),
        (EventType.LOGIN_ATTEMPT, "k-17"),
        (EventType.SET_2FA, None),
        (None, "nobody"),
    ],
)
def test_every_filter_reaches_the_server_and_selects(
    fake: NLPearlFake, event_type: int | None, user_id: str | None
) -> None:
    populate(fake, 40)
    until = T0 + timedelta(days=10)
    with contract_client(fake) as (pearl, contract):
        events = list(pearl.iter_audit_log(T0, until, event_type=event_type, user_id=user_id, window=timedelta(days=2)))
    expected = [
        ev
        for ev in fake.select(None, None, None, None)
        if (event_type is None or ev["eventType"] == event_type)
        and (user_id is None or (ev["user"] or {}).get("id") == user_id)
        and ev["timestamp"] < render(ticks_of(until))
    ]
    assert sorted(ids(events)) == sorted(ev["additionalData"]["id"] for ev in expected)
    for body in fake.bodies:
        assert body.get("eventType") == (None if event_type is None else int(event_type))
        assert body.get("userId") == user_id
    contract.assert_clean()


# --- windows ------------------------------------------------------------------------


@pytest.mark.parametrize("bounds", ["inclusive", "exclusive"])
@pytest.mark.parametrize("window", [timedelta(hours=1), timedelta(hours=6), timedelta(days=1), timedelta(days=30)])
def test_windowed_iteration_yields_every_event_once_in_time_order_even_on_edges(bounds: str, window: timedelta) -> None:
    fake = NLPearlFake(bounds=bounds)
    since, until = T0, T0 + timedelta(days=2)
    expected: list[str] = []
    n = 0

    def add(when: datetime, extra_ticks: int = 0) -> None:
        nonlocal n
        fake.add(when, 2, user=ADA, additional_data={"id": f"x{n}"}, extra_ticks=extra_ticks)
        if ticks_of(since) <= ticks_of(when) + extra_ticks < ticks_of(until):
            expected.append(f"x{n}")
        n += 1

    for hour in range(-2, 51):
        edge = T0 + timedelta(hours=hour)
        add(edge)  # exactly on an hour: an edge of every window size here
        add(edge, extra_ticks=1)  # 100 ns after it
        add(edge, extra_ticks=-1)  # 100 ns before it
        add(edge + timedelta(minutes=17))
    add(until)  # at until: outside [since, until)
    with contract_client(fake) as (pearl, contract):
        events = list(pearl.iter_audit_log(since, until, window=window))
    got = ids(events)
    assert len(got) == len(set(got)), "an event came out twice"
    assert sorted(got) == sorted(expected)
    assert [ev.timestamp for ev in events] == sorted(ev.timestamp for ev in events)
    assert all(ev.timestamp.tzinfo is UTC and since <= ev.timestamp < until for ev in events)
    windows = -(-(until - since) // window)
    assert len(fake.bodies) == windows
    contract.assert_clean()


def test_windows_are_asked_for_with_a_margin_and_cut_exactly(fake: NLPearlFake) -> None:
    with contract_client(fake) as (pearl, _):
        list(pearl.iter_audit_log(T0, T0 + timedelta(hours=30), window=timedelta(days=1)))
    # (in whatever order the windows read in parallel arrive)
    assert sorted(fake.bodies, key=lambda body: body["from"]) == [
        {"from": "2024-04-30T23:59:59+00:00", "to": "2024-05-02T00:00:01+00:00"},
        {"from": "2024-05-01T23:59:59+00:00", "to": "2024-05-02T06:00:01+00:00"},
    ]


def test_an_empty_range_makes_no_request(fake: NLPearlFake) -> None:
    with contract_client(fake) as (pearl, _):
        assert list(pearl.iter_audit_log(T0, T0)) == []
    assert fake.bodies == []


def test_times_in_other_zones_are_converted_to_utc(fake: NLPearlFake) -> None:
    populate(fake, 5, step=timedelta(hours=1))
    berlin = timezone(timedelta(hours=2))
    with contract_client(fake) as (pearl, _):
        events = list(pearl.iter_audit_log(T0.astimezone(berlin), (T0 + timedelta(hours=3)).astimezone(berlin)))
    assert ids(events) == ["e0", "e1", "e2"]


def test_ties_come_out_in_one_order_although_the_server_shuffles_them(fake: NLPearlFake) -> None:
    for n in range(30):
        fake.add(T0 + timedelta(hours=1), n % 3 + 1, user=ADA, additional_data={"id": f"t{n}"})
    with contract_client(fake) as (pearl, _):
        first = ids(list(pearl.iter_audit_log(T0, T0 + timedelta(days=1))))
        second = ids(list(pearl.iter_audit_log(T0, T0 + timedelta(days=1))))
    raw_orders = {tuple(ev["additionalData"]["id"] for ev in fake.select(None, None, None, None)) for _ in range(5)}
    assert len(raw_orders) > 1, "the fake should shuffle ties"
    assert first == second and sorted(first) == sorted(f"t{n}" for n in range(30))


# --- resuming -----------------------------------------------------------------------


def test_a_cursor_resumes_anywhere_without_loss_or_repeat_even_inside_ties(fake: NLPearlFake) -> None:
    populate(fake, 12, step=timedelta(hours=3))
    for n in range(6):  # ties, two of them identical records
        fake.add(T0 + timedelta(hours=7), 2, user=BOT, additional_data={"id": f"tie{n % 5}"})
    since, until, window = T0, T0 + timedelta(days=2), timedelta(hours=10)
    # Many requests: no contract check here (the other tests do it), to keep the run fast.
    with fake.running() as url, Client(fake.account_id, fake.secret_key, base_url=url) as pearl:
        full = ids(list(pearl.iter_audit_log(since, until, window=window)))
        for stop in range(len(full) + 1):
            pager = pearl.iter_audit_log(since, until, window=window)
            head = ids(list(itertools.islice(pager, stop)))
            token = pager.cursor.to_token()
            tail = ids(list(pearl.iter_audit_log(since, until, window=window, cursor=AuditLogCursor.from_token(token))))
            assert head + tail == full, stop
    assert full.count("tie0") == 2


# --- typed records ------------------------------------------------------------------


def test_records_are_typed_and_unknown_enum_values_are_kept(fake: NLPearlFake) -> None:
    fake.add(T0, 2, user={"id": "u-ada", "name": "Ada", "type": 1}, additional_data={"id": "a", "ip": "10.0.0.1"})
    fake.add(T0 + timedelta(seconds=1), 999, user={"id": "s", "name": None, "type": 42}, additional_data={"id": "b"})
    fake.add(T0 + timedelta(seconds=2), 81, user=None, additional_data=None)
    fake.add(T0 + timedelta(seconds=3), 30, user={"id": "k", "name": "key", "type": 3}, additional_data={"id": "d"})
    with contract_client(fake) as (pearl, contract):
        a, b, c, d = pearl.iter_audit_log(T0, T0 + timedelta(minutes=1))
    assert a.event_type is EventType.LOGIN_SUCCESSFUL and a.user is not None and a.user.type is UserType.PLATFORM
    assert a.additional_data == {"id": "a", "ip": "10.0.0.1"} and a.user.name == "Ada"
    assert a.timestamp == T0 and a.timestamp.tzinfo is UTC
    assert isinstance(b.event_type, EventType) and b.event_type == 999 and not b.event_type.is_known
    assert b.event_type.name == "UNKNOWN_999"
    assert b.user is not None and b.user.type == 42 and isinstance(b.user.type, UserType) and b.user.name is None
    assert c.event_type is EventType.SET_2FA and c.user is None and c.additional_data == {}
    assert d.user is not None and d.user.type is UserType.API_KEY and d.event_type is EventType.CREATE_API_KEY
    assert b.raw["eventType"] == 999 and c.raw["user"] is None
    assert len({a, b, c, d}) == 4  # events are hashable values
    contract.assert_clean()


def test_timestamps_without_offset_and_with_ticks_are_read_as_utc() -> None:
    fake = NLPearlFake(naive_timestamps=True)
    fake.add(T0, 2, additional_data={"id": "a"}, extra_ticks=1234567)
    fake.add(T0 + timedelta(hours=1), 2, additional_data={"id": "b"})
    # Offset-less date-times are not RFC 3339, so no contract check here: this is the tolerance test.
    with fake.running() as url, Client(fake.account_id, fake.secret_key, base_url=url) as pearl:
        a, b = pearl.iter_audit_log(T0, T0 + timedelta(days=1))
    assert a.raw["timestamp"] == "2024-05-01T00:00:00.1234567"
    assert a.timestamp == T0 + timedelta(microseconds=123456) and a.timestamp.tzinfo is UTC
    assert b.raw["timestamp"] == "2024-05-01T01:00:00" and b.timestamp == T0 + timedelta(hours=1)


# --- bad input ----------------------------------------------------------------------

NOWHERE = "http://127.0.0.1:9"  # nothing listens: a request would fail with a transport error


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((datetime(2024, 5, 1), T0), {}, "since is a naive datetime"),
        ((T0, datetime(2024, 5, 2)), {}, "until is a naive datetime"),
        ((T0 + timedelta(days=1), T0), {}, "is after until"),
        ((T0, T0 + timedelta(days=1)), {"window": timedelta(0)}, "window must be a positive timedelta"),
        ((T0, T0 + timedelta(days=1)), {"window": 3600}, "window must be a positive timedelta"),
        ((T0, T0 + timedelta(days=1)), {"event_type": True}, "event_type must be an EventType"),
        ((T0, T0 + timedelta(days=1)), {"event_type": "LoginSuccessful"}, "event_type must be an EventType"),
        ((T0, T0 + timedelta(days=1)), {"event_type": 2**31}, "event_type must be an EventType"),
        ((T0, T0 + timedelta(days=1)), {"user_id": ""}, "user_id must be a non-empty string"),
        ((T0, T0 + timedelta(days=1)), {"user_id": 17}, "user_id must be a non-empty string"),
        ((T0, T0 + timedelta(days=1)), {"cursor": "abc"}, "not a cursor token"),
        ((T0, T0 + timedelta(days=1)), {"cursor": 17}, "cursor must be AuditLogCursor"),
    ],
)
def test_bad_arguments_fail_before_any_request(args: tuple[Any, ...], kwargs: dict[str, Any], message: str) -> None:
    with (
        Client("acc", "key", base_url=NOWHERE, max_retries=0) as pearl,
        pytest.raises(InvalidInputError, match=message),
    ):
        pearl.iter_audit_log(*args, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"account_id": "", "secret_key": "k"}, ConfigurationError, "account_id is missing"),
        ({"account_id": "a", "secret_key": ""}, ConfigurationError, "secret_key is missing"),
        ({"account_id": "a:b", "secret_key": "k"}, ConfigurationError, "must not contain ':'"),
        ({"account_id": "a", "secret_key": "k\n"}, ConfigurationError, "line breaks"),
        ({"account_id": "a", "secret_key": "k", "base_url": "api.nlpearl.ai"}, InvalidInputError, "absolute"),
        ({"account_id": "a", "secret_key": "k", "timeout": -1}, InvalidInputError, "timeout"),
        ({"account_id": "a", "secret_key": "k", "max_retries": -1}, InvalidInputError, "max_retries"),
    ],
)
def test_bad_configuration_is_refused_at_construction(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Client(**kwargs)
    with pytest.raises(error, match=message):
        AsyncClient(**kwargs)


def test_from_env_reads_the_documented_variables(monkeypatch: pytest.MonkeyPatch, fake: NLPearlFake) -> None:
    monkeypatch.delenv("NLPEARL_BASE_URL", raising=False)
    monkeypatch.delenv("NLPEARL_ACCOUNT_ID", raising=False)
    monkeypatch.setenv("NLPEARL_SECRET_KEY", fake.secret_key)
    with pytest.raises(ConfigurationError, match="NLPEARL_ACCOUNT_ID is not"):
        Client.from_env()
    monkeypatch.setenv("NLPEARL_ACCOUNT_ID", fake.account_id)
    with Client.from_env() as pearl:
        assert pearl.base_url == "https://api.nlpearl.ai" and pearl.account_id == fake.account_id
    populate(fake, 2)
    with fake.running() as url:
        monkeypatch.setenv("NLPEARL_BASE_URL", "https://elsewhere.invalid")
        with Client.from_env(base_url=url, timeout=5, max_retries=0) as pearl:
            assert ids(list(pearl.iter_audit_log(T0, T0 + timedelta(days=1)))) == ["e0", "e1"]
    assert repr(pearl) == f"<Client base_url='{url}'>"


# --- async --------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_client_iterates_the_same_events(fake: NLPearlFake) -> None:
    populate(fake, 30, step=timedelta(hours=2))
    fake.add(T0 + timedelta(hours=24), 999, user=ADA, additional_data={"id": "edge"})
    checker = NLPearlContract()
    with fake.running() as url:
        async with AsyncClient(
            fake.account_id, fake.secret_key, base_url=url, transport=AsyncContractTransport(checker)
        ) as pearl:
            got = [ev async for ev in pearl.iter_audit_log(T0, T0 + timedelta(days=2), window=timedelta(hours=8))]
            assert repr(pearl) == f"<AsyncClient base_url='{url}'>"
            pager = pearl.iter_audit_log(T0, T0 + timedelta(days=2), window=timedelta(hours=8))
            head = []
            async for ev in pager:
                head.append(ev)
                if len(head) == 10:
                    break
            tail = [ev async for ev in pearl.iter_audit_log(T0, T0 + timedelta(days=2), cursor=pager.cursor)]
            bad = AsyncClient(fake.account_id, "nope", base_url=url, transport=AsyncContractTransport(checker))
            with pytest.raises(AuthenticationError):
                [ev async for ev in bad.iter_audit_log(T0, T0 + timedelta(days=1))]
            await bad.aclose()
    assert sorted(ids(got)) == sorted([f"e{n}" for n in range(24)] + ["edge"])
    assert ids(head + tail) == ids(got)
    assert next(ev for ev in got if ev.additional_data["id"] == "edge").event_type == 999
    checker.assert_clean()


def test_request_body_is_the_generated_models_json() -> None:
    seen: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=[])

    with Client("a", "k", transport=httpx.MockTransport(handler)) as pearl:
        list(pearl.iter_audit_log(T0, T0 + timedelta(microseconds=5), event_type=EventType.SET_2FA, user_id="u"))
    assert seen == [
        {"from": "2024-04-30T23:59:59+00:00", "to": "2024-05-01T00:00:01.000005+00:00", "eventType": 81, "userId": "u"}
    ]
