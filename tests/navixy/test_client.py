"""The Navixy SDK against the fake: auth, filters, exact iteration, typed records and errors."""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from audit_core import (
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetriesExhaustedError,
    RetryPolicy,
    TransportError,
)
from navixy_audit import (
    AccessDeniedError,
    AsyncClient,
    AuditAction,
    AuditRecord,
    Client,
    DealerNotFoundError,
    EntryCategory,
    ErrorCode,
    InvalidParametersError,
    LimitTooBigError,
    NavixyAPIError,
    OperationNotPermittedError,
    ParameterError,
    SecondFactorRequiredError,
    SessionEndedError,
    TimeSpanTooBigError,
    TooManyRequestsError,
    WrongHashError,
    WrongLoginError,
)
from navixy_audit._errors import read_envelope
from navixy_audit.testing import Failure, NavixyFake, Rec
from navixy_audit_api.api.audit import audit_log_list
from navixy_audit_api.models import AuditLogListRequest, AuditLogListResponse, ErrorResponse
from tests.navixy.conftest import API_KEY, FAST, LOGIN, PASSWORD, SUBUSER_KEY, TWO_FACTOR_LOGIN
from tests.support.contract import AsyncContractTransport, ContractTransport

T0 = datetime(2024, 3, 1, tzinfo=UTC)
T1 = T0 + timedelta(days=2)


def ids(records: list[AuditRecord]) -> list[int]:
    return [r.id for r in records]


def seed_mixed(fake: NavixyFake, n: int = 60) -> list[Rec]:
    rng = random.Random(5)
    out = []
    for i in range(n):
        when = T0 + timedelta(seconds=rng.randrange(0, 2 * 86400))
        out.append(
            fake.add(
                when,
                subuser_id=rng.choice([None, 184541, 184542]),
                action=rng.choice(["create", "update", "delete", "archive"]),
                entry_category=rng.choice(["custom_field", "tracker", "geo_fence_v2"]),
                entry_id=rng.choice([None, i]),
                payload=rng.choice([None, {"name": f"n{i}"}]),
                user_agent=rng.choice([None, "curl/8"]),
            )
        )
    return out


def in_window(recs: list[Rec], since: datetime = T0, until: datetime = T1) -> list[int]:
    return sorted(r.id for r in recs if since <= r.action_date < until)


# --- auth -------------------------------------------------------------------------------------


def test_api_key_iteration_fits_the_spec_and_types_every_field(fake: NavixyFake, url: str) -> None:
    recs = seed_mixed(fake)
    contract = ContractTransport("navixy", server_prefix="")
    with Client(base_url=url, api_key=API_KEY, transport=contract, retry_policy=FAST) as nvx:
        got = list(nvx.iter_audit_log(T0, T1, page_size=7))
    contract.assert_clean()
    assert sorted(ids(got)) == in_window(recs)
    assert ids(got) == [r.id for r in sorted(got, key=lambda r: (r.action_date, r.id))]
    by_id = {r.id: r for r in recs}
    for rec in got:
        stored = by_id[rec.id]
        assert rec.action_date == stored.action_date
        assert rec.action_date.tzinfo is not None and rec.action_date.utcoffset() == timedelta(0)
        assert rec.subuser_id == stored.subuser_id
        assert rec.payload == stored.payload
        assert rec.user_agent == stored.user_agent
        assert rec.entry_id == stored.entry_id
        assert rec.host == stored.host and rec.user_id == stored.user_id
        assert rec.raw.action_date.endswith("+0530")  # the wire value, in the user's time zone
    for headers in fake.list_headers:
        assert headers["Authorization"] == f"NVX {API_KEY}"
        assert headers["NVX-ISO-DateTime"] == "true"
    for body in fake.list_bodies:
        assert body["sort"] == ["action_datetime=asc"]
        assert body["from"].endswith("+00:00")


def test_login_and_password_log_in_once_and_reuse_the_session(fake: NavixyFake, make_client: Callable[..., Client]):
    recs = seed_mixed(fake)
    nvx = make_client(login=LOGIN, password=PASSWORD)
    got = list(nvx.iter_audit_log(T0, T1, page_size=5))
    assert sorted(ids(got)) == in_window(recs)
    assert fake.auth_requests == 1
    (session,) = fake.sessions
    assert all(h["Authorization"] == f"NVX {session}" for h in fake.list_headers)
    assert len(fake.list_headers) > 3


@pytest.mark.parametrize("concurrency", [1, 4])
def test_an_ended_session_is_renewed_once_and_nothing_is_lost(
    fake: NavixyFake, make_client: Callable[..., Client], concurrency: int
):
    recs = seed_mixed(fake)
    calls = Counter[str]()

    def end_on_third(f: NavixyFake) -> None:
        calls["list"] += 1
        if calls["list"] == 3:
            f.end_sessions()

    fake.on_list = end_on_third
    nvx = make_client(login=LOGIN, password=PASSWORD, concurrency=concurrency)
    got = list(nvx.iter_audit_log(T0, T1, page_size=5))
    assert sorted(ids(got)) == in_window(recs)
    if concurrency == 1:
        assert fake.auth_requests == 2
    else:  # each request in flight when the session ended may log in again (the flow does no I/O to wait on)
        assert 2 <= fake.auth_requests <= 1 + concurrency


def test_a_session_that_ends_again_at_once_is_not_renewed_twice(fake: NavixyFake, make_client: Callable[..., Client]):
    fake.add(T0)
    fake.sessions_end_at_once = True
    nvx = make_client(login=LOGIN, password=PASSWORD)
    with pytest.raises(SessionEndedError) as err:
        list(nvx.iter_audit_log(T0, T1))
    assert fake.auth_requests == 2  # the first login and one renewal
    assert err.value.code == ErrorCode.SESSION_ENDED and err.value.status_code == 400
    assert isinstance(err.value, AuthenticationError)


def test_an_api_key_is_never_renewed(fake: NavixyFake, make_client: Callable[..., Client]) -> None:
    del fake.api_keys[API_KEY]
    nvx = make_client()
    with pytest.raises(SessionEndedError):
        list(nvx.iter_audit_log(T0, T1))
    assert fake.auth_requests == 0
    assert fake.list_requests == 1


def test_a_malformed_key_is_a_wrong_hash(make_client: Callable[..., Client]) -> None:
    with pytest.raises(WrongHashError) as err:
        list(make_client(api_key="not-a-hash").iter_audit_log(T0, T1))
    assert err.value.code == 3 and "Wrong hash" in str(err.value)


def test_a_wrong_password_is_a_typed_authentication_error(fake: NavixyFake, make_client: Callable[..., Client]):
    with pytest.raises(WrongLoginError) as err:
        list(make_client(login=LOGIN, password="wrong").iter_audit_log(T0, T1))
    assert err.value.code == ErrorCode.WRONG_LOGIN_OR_PASSWORD
    assert err.value.operation == "user/auth"
    assert fake.list_bodies == []


def test_second_factor_required_is_a_clear_error(fake: NavixyFake, make_client: Callable[..., Client]) -> None:
    with pytest.raises(SecondFactorRequiredError, match="API key"):
        list(make_client(login=TWO_FACTOR_LOGIN, password=PASSWORD).iter_audit_log(T0, T1))
    assert fake.list_bodies == []


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({}, "no credentials"),
        ({"api_key": API_KEY, "login": LOGIN, "password": PASSWORD}, "not both .*api_key=.*login="),
        ({"login": LOGIN}, "password= is not"),
        ({"password": PASSWORD}, "login= is not"),
        ({"api_key": ""}, "no credentials"),
        ({"api_key": "  "}, "no credentials"),
        ({"api_key": 42}, "must be a str"),
        ({"api_key": "https://api.eu.navixy.com/v2"}, "base_url="),
    ],
)
def test_credentials_must_be_one_complete_set(kwargs: dict[str, object], match: str) -> None:
    # 0.2.0: ConfigurationError (was InvalidInputError), naming what to fix.
    with pytest.raises(ConfigurationError, match=match) as err:
        Client(base_url="https://api.eu.navixy.com/v2", **kwargs)  # type: ignore[arg-type]
    assert err.value.vendor == "navixy"
    assert API_KEY not in str(err.value) and PASSWORD not in str(err.value)


def test_from_env_reads_url_and_either_credential(fake: NavixyFake, url: str) -> None:
    fake.add(T0)
    with Client.from_env({"NAVIXY_URL": url, "NAVIXY_API_KEY": API_KEY}, retry_policy=FAST) as nvx:
        assert len(list(nvx.iter_audit_log(T0, T1))) == 1
    env = {"NAVIXY_URL": url, "NAVIXY_LOGIN": LOGIN, "NAVIXY_PASSWORD": PASSWORD}
    with Client.from_env(env, timeout=3.0, max_retries=1) as nvx:
        assert len(list(nvx.iter_audit_log(T0, T1))) == 1
    assert fake.auth_requests == 1
    assert Client.from_env({"NAVIXY_API_KEY": API_KEY}).base_url == "https://api.eu.navixy.com/v2"


@pytest.mark.parametrize(
    "env",
    [{}, {"NAVIXY_LOGIN": LOGIN}, {"NAVIXY_API_KEY": API_KEY, "NAVIXY_LOGIN": LOGIN, "NAVIXY_PASSWORD": PASSWORD}],
)
def test_from_env_without_a_usable_credential_is_a_configuration_error(env: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError, match="NAVIXY_"):
        Client.from_env(env)


def test_repr_of_clients_and_auth_shows_no_secret(url: str) -> None:
    for client in (
        Client(base_url=url, api_key=API_KEY),
        Client(base_url=url, login=LOGIN, password=PASSWORD),
        AsyncClient(base_url=url, api_key=API_KEY),
    ):
        text = repr(client) + repr(client._auth) + repr(vars(client))
        assert API_KEY not in text and PASSWORD not in text and LOGIN not in text
        assert repr(client) == f"<{type(client).__name__} base_url='{url}'>"


# --- filters ---------------------------------------------------------------------------------------


def test_every_filter_reaches_the_server_and_narrows_the_records(fake: NavixyFake, make_client: Callable[..., Client]):
    recs = seed_mixed(fake, 120)
    nvx = make_client()
    cases: list[tuple[dict[str, object], Callable[[Rec], bool]]] = [
        ({"subuser_ids": [184541]}, lambda r: r.subuser_id == 184541),
        ({"subuser_ids": [184541, 184542]}, lambda r: r.subuser_id in (184541, 184542)),
        ({"actions": ["delete"]}, lambda r: r.action == "delete"),
        ({"actions": ["archive", "create"]}, lambda r: r.action in ("archive", "create")),
        ({"subuser_ids": [184542], "actions": ["update"]}, lambda r: r.subuser_id == 184542 and r.action == "update"),
    ]
    for kwargs, keep in cases:
        fake.list_bodies.clear()
        got = list(nvx.iter_audit_log(T0, T1, page_size=9, **kwargs))  # type: ignore[arg-type]
        expected = sorted(r.id for r in recs if keep(r) and T0 <= r.action_date < T1)
        assert sorted(ids(got)) == expected, kwargs
        assert expected, "the case must select something"
        for body in fake.list_bodies:
            for name, value in kwargs.items():
                assert body[name] == value


def test_other_users_records_are_not_seen(fake: NavixyFake, make_client: Callable[..., Client]) -> None:
    mine = fake.add(T0 + timedelta(hours=1))
    fake.add(T0 + timedelta(hours=1), user_id=999)
    assert ids(list(make_client().iter_audit_log(T0, T1))) == [mine.id]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"since": datetime(2024, 1, 1)}, "naive"),
        ({"until": datetime(2024, 1, 2)}, "naive"),
        ({"since": T1, "until": T0}, "after until"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": True}, "page_size"),
        ({"actions": "create"}, "single string"),
        ({"actions": []}, "empty"),
        ({"actions": [""]}, "non-empty"),
        ({"subuser_ids": ["1"]}, "not an integer"),
        ({"subuser_ids": []}, "empty"),
        ({"window": timedelta(seconds=5)}, "window"),
        ({"cursor": "2024-01-01"}, "cursor"),
    ],
)
def test_bad_input_is_refused_before_any_request(
    fake: NavixyFake, make_client: Callable[..., Client], kwargs: dict[str, object], match: str
) -> None:
    args: dict[str, object] = {"since": T0, "until": T1, **kwargs}
    with pytest.raises(InvalidInputError, match=match):
        make_client().iter_audit_log(**args)  # type: ignore[arg-type]
    assert fake.list_bodies == [] and fake.auth_requests == 0


# --- exact iteration --------------------------------------------------------------------------------


@pytest.mark.parametrize("from_exclusive", [False, True])
@pytest.mark.parametrize("to_exclusive", [False, True])
def test_windows_and_pages_yield_every_record_once_including_edges_and_crowded_seconds(
    fake: NavixyFake, make_client: Callable[..., Client], from_exclusive: bool, to_exclusive: bool
) -> None:
    fake.from_exclusive, fake.to_exclusive = from_exclusive, to_exclusive
    window = timedelta(hours=6)
    recs = seed_mixed(fake, 150)
    # Exactly on since, on until, on every window edge, one second around each, and crowded seconds.
    for edge in [T0 + k * window for k in range(9)]:
        for delta in (-1, 0, 1):
            for _ in range(3):
                recs.append(fake.add(edge + timedelta(seconds=delta), action=random.choice(["create", "update"])))
    crowded = T0 + timedelta(hours=7, minutes=3, seconds=5)
    recs += [fake.add(crowded, action="update", host="10.0.0.1") for _ in range(64)]
    recs += [fake.add(crowded + timedelta(seconds=1)) for _ in range(20)]
    recs += [fake.add(T0) for _ in range(25)]  # a crowded first second
    nvx = make_client()
    got = list(nvx.iter_audit_log(T0, T1, page_size=10, window=window))
    counts = Counter(ids(got))
    assert not [i for i, n in counts.items() if n > 1], "repeated"
    assert sorted(counts) == in_window(recs)
    assert all(T0 <= r.action_date < T1 for r in got)
    spans = {(b["from"], b["to"]) for b in fake.list_bodies}
    assert all(datetime.fromisoformat(t) - datetime.fromisoformat(f) <= window + timedelta(seconds=1) for f, t in spans)


def test_the_fake_shuffles_ties_so_plain_offset_paging_loses_and_repeats(
    fake: NavixyFake, make_client: Callable[..., Client]
) -> None:
    crowded = T0 + timedelta(hours=1)
    recs = [fake.add(crowded) for _ in range(230)]
    nvx = make_client()
    seen = [r.id for offset in range(0, 250, 25) for r in nvx.list_audit_log(T0, T1, limit=25, offset=offset)]
    assert len(seen) == 230
    assert len(set(seen)) < 230, "naive offset paging over shuffled ties must lose (and repeat) records"
    assert set(seen) <= {r.id for r in recs}


def test_a_second_shared_by_many_more_records_than_a_page_is_read_until_complete(
    fake: NavixyFake, make_client: Callable[..., Client], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="navixy_audit")
    crowded = T0 + timedelta(hours=1)
    recs = [fake.add(crowded) for _ in range(230)]  # identical sort keys: ties shuffled on every request
    recs += [fake.add(crowded - timedelta(seconds=1)) for _ in range(5)]
    recs += [fake.add(crowded + timedelta(seconds=1)) for _ in range(5)]
    got = list(make_client().iter_audit_log(T0, T1, page_size=25))
    assert sorted(ids(got)) == in_window(recs)
    assert len(got) == len(set(ids(got)))
    offsets = [b["offset"] for b in fake.list_bodies]
    assert max(offsets) >= 200  # the crowded second was paged with offsets
    assert "reading it again" in caplog.text  # and a pass that missed records was repeated


def test_sub_second_bounds_are_exact(fake: NavixyFake, make_client: Callable[..., Client]) -> None:
    a = fake.add(T0 + timedelta(seconds=10))
    b = fake.add(T0 + timedelta(seconds=11))
    fake.add(T0 + timedelta(seconds=12))
    nvx = make_client()
    since = T0 + timedelta(seconds=10, microseconds=1)
    assert ids(list(nvx.iter_audit_log(since, T0 + timedelta(seconds=12)))) == [b.id]
    until = T0 + timedelta(seconds=11, microseconds=1)
    assert ids(list(nvx.iter_audit_log(T0, until))) == [a.id, b.id]


def test_an_iteration_resumes_from_its_cursor_without_loss_or_repeat(
    fake: NavixyFake, make_client: Callable[..., Client]
) -> None:
    recs = seed_mixed(fake, 80) + [fake.add(T0 + timedelta(hours=3)) for _ in range(30)]
    nvx = make_client()
    first: list[int] = []
    pager = nvx.iter_audit_log(T0, T1, page_size=8)
    for rec in pager:
        first.append(rec.id)
        if len(first) == 45:
            break
    rest = ids(list(nvx.iter_audit_log(T0, T1, page_size=8, cursor=pager.cursor)))
    assert sorted(first + rest) == in_window(recs)
    assert not set(first) & set(rest)


def test_a_span_too_big_shrinks_the_window_and_a_limit_too_big_the_page(
    fake: NavixyFake, make_client: Callable[..., Client]
) -> None:
    fake.max_span = timedelta(days=1)
    fake.max_limit = 20
    recs = seed_mixed(fake, 100)
    got = list(make_client().iter_audit_log(T0, T1, page_size=80, window=timedelta(days=5)))
    assert sorted(ids(got)) == in_window(recs)


def test_records_are_in_utc_whatever_the_users_time_zone(fake: NavixyFake, make_client: Callable[..., Client]):
    when = datetime(2020, 12, 21, 17, 54, 1, tzinfo=timezone(timedelta(hours=3)))
    rec = fake.add(when)
    (got,) = make_client().iter_audit_log(when - timedelta(minutes=1), when + timedelta(minutes=1))
    assert got.id == rec.id
    assert got.action_date == when and got.action_date.tzinfo == UTC
    assert got.raw.action_date == "2020-12-21T20:24:01+0530"


def test_a_server_ignoring_the_iso_header_is_a_clear_error(fake: NavixyFake, make_client: Callable[..., Client]):
    fake.ignore_iso_header = True
    fake.add(T0)
    with pytest.raises(TransportError, match="NVX-ISO-DateTime"):
        list(make_client().iter_audit_log(T0, T1))


def test_actions_and_categories_are_open_enums_and_unknown_values_are_members_too(
    fake: NavixyFake, make_client: Callable[..., Client]
) -> None:
    fake.add(T0, action="create", entry_category="custom_field")
    fake.add(T0 + timedelta(seconds=1), action="archive", entry_category="geo_fence_v2")
    known, unknown = make_client().iter_audit_log(T0, T1)
    assert known.action is AuditAction.CREATE and known.entry_category is EntryCategory.CUSTOM_FIELD
    assert known.action == "create" and known.action.is_known
    # 0.2.0: an unknown value is a member of the enum (was a plain str), keeping its raw value.
    assert isinstance(unknown.action, AuditAction) and isinstance(unknown.entry_category, EntryCategory)
    assert unknown.action == "archive" and unknown.action.value == "archive"
    assert unknown.action.name == "UNKNOWN_archive" and not unknown.action.is_known
    assert unknown.entry_category.name == "UNKNOWN_geo_fence_v2" and unknown.entry_category.value == "geo_fence_v2"
    assert AuditAction("archive") is unknown.action  # the same value is the same member
    assert "Unset" not in repr(unknown) and "UNKNOWN_archive" in repr(unknown)


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "error_type", "base", "status"),
    [
        (7, InvalidParametersError, NavixyAPIError, 400),
        (11, AccessDeniedError, PermissionDeniedError, 403),
        (13, OperationNotPermittedError, PermissionDeniedError, 403),
        (211, TimeSpanTooBigError, InvalidParametersError, 400),
        (212, LimitTooBigError, InvalidParametersError, 400),
        (3, WrongHashError, AuthenticationError, 400),
        (4, SessionEndedError, AuthenticationError, 400),
        (12, DealerNotFoundError, NotFoundError, 400),
        (777, NavixyAPIError, NavixyAPIError, 400),
    ],
)
def test_each_documented_error_is_typed(
    fake: NavixyFake,
    make_client: Callable[..., Client],
    code: int,
    error_type: type[Exception],
    base: type[Exception],
    status: int,
) -> None:
    errors = [{"parameter": "limit", "error": "too big"}] if code == 7 else None
    fake.fail_next.append(Failure(code, errors, description=f"described {code}"))
    with pytest.raises(error_type) as err:
        make_client(max_retries=0, retry_policy=None).list_audit_log(T0, T1, limit=5)
    error = err.value
    assert isinstance(error, base) and isinstance(error, NavixyAPIError)
    assert error.code == code and error.description == f"described {code}" and error.status_code == status
    assert error.vendor == "navixy" and error.operation == "user/audit/log/list"
    if code == 7:
        assert error.errors == (ParameterError("limit", "too big"),)
        assert "limit: too big" in str(error)
    assert isinstance(error.code, ErrorCode) and error.code.is_known == (code != 777)


def test_real_invalid_parameters_come_back_per_parameter(fake: NavixyFake, make_client: Callable[..., Client]):
    fake.max_limit = 100
    nvx = make_client()
    with pytest.raises(LimitTooBigError):
        nvx.list_audit_log(T0, T1, limit=101)
    with pytest.raises(TimeSpanTooBigError):
        nvx.list_audit_log(T0, T0 + timedelta(days=31))
    answer = nvx.generated.get_httpx_client().post(
        "/user/audit/log/list", json={"from": "yesterday", "to": "2024-01-01T00:00:00+00:00", "limit": -1}
    )
    with pytest.raises(InvalidParametersError) as err:
        read_envelope(answer, "user/audit/log/list")
    assert {e.parameter for e in err.value.errors} == {"from", "limit"}
    assert err.value.status_code == 400


def test_a_sub_user_without_admin_rights_is_denied(make_client: Callable[..., Client]) -> None:
    with pytest.raises(AccessDeniedError) as err:
        list(make_client(api_key=SUBUSER_KEY).iter_audit_log(T0, T1))
    assert isinstance(err.value, PermissionDeniedError) and err.value.status_code == 403


def test_too_many_requests_is_retried_with_backoff(fake: NavixyFake, make_client: Callable[..., Client]) -> None:
    rec = fake.add(T0)
    fake.fail_next += [Failure(15), Failure(15)]
    assert ids(list(make_client().iter_audit_log(T0, T1))) == [rec.id]
    assert len(fake.list_bodies) == 3


def test_too_many_requests_without_retries_left_names_the_rate_limit(
    fake: NavixyFake, make_client: Callable[..., Client]
) -> None:
    fake.fail_next += [Failure(15)] * 5
    with pytest.raises(RetriesExhaustedError) as err:
        list(make_client(retry_policy=RetryPolicy(max_retries=2, backoff_base=0.001)).iter_audit_log(T0, T1))
    assert err.value.attempts == 3 and err.value.vendor == "navixy"
    assert err.value.operation == "user/audit/log/list"
    assert isinstance(err.value.last_cause, RateLimitError)


def test_code_15_in_any_status_is_retried_as_a_typed_rate_limit() -> None:
    body = {"success": False, "status": {"code": 15, "description": "Too many requests (rate limit exceeded)"}}
    answers = iter([httpx.Response(400, json=body)] * 3)
    transport = httpx.MockTransport(lambda request: next(answers))
    nvx_policy = RetryPolicy(max_retries=2, backoff_base=0.001)
    nvx = Client(base_url="https://api.eu.navixy.com/v2", api_key=API_KEY, transport=transport, retry_policy=nvx_policy)
    with pytest.raises(RetriesExhaustedError) as err:
        nvx.list_audit_log(T0, T1)
    assert isinstance(err.value.last_cause, TooManyRequestsError)
    assert err.value.last_cause.code == ErrorCode.TOO_MANY_REQUESTS


# --- the generated operation and async -------------------------------------------------------------


def test_the_generated_operation_keeps_sort_and_grouping_and_our_auth(
    fake: NavixyFake, url: str, make_client: Callable[..., Client]
) -> None:
    seed_mixed(fake, 30)
    contract = ContractTransport("navixy", server_prefix="")
    with Client(base_url=url, login=LOGIN, password=PASSWORD, transport=contract, retry_policy=FAST) as nvx:
        body = AuditLogListRequest(
            from_="2024-03-01T00:00:00+00:00", to="2024-03-03T00:00:00+00:00", limit=100, sort=["host=desc"]
        )
        answer = audit_log_list.sync(client=nvx.generated, body=body, nvx_iso_date_time=True)
        assert isinstance(answer, AuditLogListResponse) and len(answer.list_) == 30
        grouped = nvx.list_audit_log(T0, T1, sort=["action=desc"], grouping="user")
        assert len(grouped) == 30
        bad = audit_log_list.sync(client=nvx.generated, body=AuditLogListRequest(from_="x", to="y"))
        assert isinstance(bad, ErrorResponse) and bad.status.code == 7
    contract.assert_clean()
    assert fake.auth_requests == 1
    assert fake.list_bodies[1]["grouping"] == "user" and fake.list_bodies[1]["sort"] == ["action=desc"]
    with pytest.raises(InvalidInputError):
        make_client().list_audit_log(T0, T1, grouping="month")
    with pytest.raises(InvalidInputError):
        make_client().list_audit_log(T0, T1, sort=["id=asc"])


@pytest.mark.anyio
async def test_async_client_iterates_exactly_and_fits_the_spec(fake: NavixyFake, url: str) -> None:
    recs = seed_mixed(fake, 70) + [fake.add(T0 + timedelta(hours=2)) for _ in range(40)]
    contract = ContractTransport("navixy", server_prefix="")
    transport = AsyncContractTransport(contract)
    async with AsyncClient(base_url=url, login=LOGIN, password=PASSWORD, transport=transport, retry_policy=FAST) as nvx:
        got = [rec async for rec in nvx.iter_audit_log(T0, T1, page_size=9)]
        page = await nvx.list_audit_log(T0, T1, limit=3)
        answer = await audit_log_list.asyncio(
            client=nvx.generated, body=AuditLogListRequest(from_="2024-03-01 05:30:00", to="2024-03-02 05:30:00")
        )
    contract.assert_clean()
    assert sorted(ids(got)) == in_window(recs) and len(page) == 3
    assert isinstance(answer, AuditLogListResponse)
    assert fake.auth_requests == 1


@pytest.mark.anyio
async def test_async_client_renews_an_ended_session_and_types_errors(
    fake: NavixyFake, make_async_client: Callable[..., AsyncClient]
) -> None:
    rec = fake.add(T0)
    async with make_async_client(login=LOGIN, password=PASSWORD) as nvx:
        assert [r.id async for r in nvx.iter_audit_log(T0, T1)] == [rec.id]
        fake.end_sessions()
        assert [r.id async for r in nvx.iter_audit_log(T0, T1)] == [rec.id]
        fake.fail_next.append(Failure(13))
        with pytest.raises(OperationNotPermittedError):
            await nvx.list_audit_log(T0, T1)
    assert fake.auth_requests == 2
    async with make_async_client(login=TWO_FACTOR_LOGIN, password=PASSWORD) as nvx:
        with pytest.raises(SecondFactorRequiredError):
            await nvx.list_audit_log(T0, T1)
