"""Navixy's errors as the vendor documents them, against the fake on 127.0.0.1.

The table below is transcribed from the vendor's page "Backend API > Errors"
(https://www.navixy.com/docs/navixy-api/user-api/backend-api/errors), independently
of the fake's and the SDK's own tables, so that a mistake in either shows here.
For every code: the fake answers with the vendor's status and envelope, and the SDK
raises the right class, retrying or not (counted by the requests the fake saw).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from audit_core import (
    APIError,
    AuditError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetriesExhaustedError,
    RetryPolicy,
)
from navixy_audit import (
    AccessDeniedError,
    AsyncClient,
    Client,
    DatabaseUnavailableError,
    DealerNotFoundError,
    DemoModeError,
    DeviceBlockedError,
    EntityNotFoundError,
    ErrorCode,
    InvalidParametersError,
    LimitTooBigError,
    NavixyAPIError,
    OperationNotPermittedError,
    QueueServiceError,
    ServiceAuthError,
    SessionEndedError,
    TemporarilyUnavailableError,
    TimeSpanTooBigError,
    TooLargeRequestError,
    TooManyRequestsError,
    WrongHashError,
    WrongLoginError,
)
from navixy_audit._errors import SOURCE
from navixy_audit.testing import Failure, NavixyFake
from tests.navixy.conftest import API_KEY, LOGIN, PASSWORD

T0 = datetime(2024, 3, 1, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
README = Path(__file__).parents[2] / "overlays" / "navixy" / "README.md"
VENDOR_PAGE = "https://www.navixy.com/docs/navixy-api/user-api/backend-api/errors"

RETRIED = "retried"  # retried with backoff; RetriesExhaustedError when retries run out
AUTH = "auth"  # a login session is renewed once; an API key fails at once
RAISED = "raised"  # raised at once

# code, the vendor's description, the vendor's HTTP status (400 where the table gives none),
# the SDK's member name, class, shared base, behaviour.
VENDOR_TABLE: list[tuple[int, str, int, str, type[NavixyAPIError], type[APIError], str]] = [
    (1, "Database error", 500, "DATABASE_ERROR", NavixyAPIError, APIError, RETRIED),
    (2, "Service Auth error", 403, "SERVICE_AUTH_ERROR", ServiceAuthError, AuthenticationError, AUTH),
    (3, "Wrong hash", 400, "WRONG_HASH", WrongHashError, AuthenticationError, AUTH),
    (4, "User or API key not found or session ended", 400, "SESSION_ENDED", SessionEndedError, AuthenticationError, AUTH),
    (5, "Wrong request format", 400, "WRONG_REQUEST_FORMAT", NavixyAPIError, APIError, RAISED),
    (6, "Unexpected error", 500, "UNEXPECTED_ERROR", NavixyAPIError, APIError, RETRIED),
    (7, "Invalid parameters", 400, "INVALID_PARAMETERS", InvalidParametersError, APIError, RAISED),
    (8, "Queue service error, try again later", 503, "QUEUE_SERVICE_ERROR", QueueServiceError, APIError, RETRIED),
    (9, "Too large request", 412, "TOO_LARGE_REQUEST", TooLargeRequestError, APIError, RAISED),
    (11, "Access denied", 403, "ACCESS_DENIED", AccessDeniedError, PermissionDeniedError, RAISED),
    (12, "Dealer not found", 400, "DEALER_NOT_FOUND", DealerNotFoundError, NotFoundError, RAISED),
    (13, "Operation not permitted", 403, "OPERATION_NOT_PERMITTED", OperationNotPermittedError, PermissionDeniedError, RAISED),
    (14, "Database unavailable", 503, "DATABASE_UNAVAILABLE", DatabaseUnavailableError, APIError, RETRIED),
    (15, "Too many requests (rate limit exceeded)", 429, "TOO_MANY_REQUESTS", TooManyRequestsError, RateLimitError, RETRIED),
    (101, "In demo mode this function is disabled", 403, "DEMO_MODE", DemoModeError, PermissionDeniedError, RAISED),
    (102, "Wrong login or password", 400, "WRONG_LOGIN_OR_PASSWORD", WrongLoginError, AuthenticationError, RAISED),
    (103, "User not activated", 400, "USER_NOT_ACTIVATED", WrongLoginError, AuthenticationError, RAISED),
    (204, "Entity not found", 404, "ENTITY_NOT_FOUND", EntityNotFoundError, NotFoundError, RAISED),
    (208, "Device blocked", 403, "DEVICE_BLOCKED", DeviceBlockedError, PermissionDeniedError, RAISED),
    (211, "Requested time span is too big", 400, "TIME_SPAN_TOO_BIG", TimeSpanTooBigError, InvalidParametersError, RAISED),
    (212, "Requested limit is too big", 400, "LIMIT_TOO_BIG", LimitTooBigError, InvalidParametersError, RAISED),
]  # fmt: skip
BY_CODE = {row[0]: row for row in VENDOR_TABLE}
CODES = [row[0] for row in VENDOR_TABLE]


def codes_that(behaviour: str) -> list[int]:
    return [row[0] for row in VENDOR_TABLE if row[6] == behaviour]


def list_call(url: str, key: str = API_KEY) -> httpx.Response:
    body = {"from": "2024-03-01T00:00:00+00:00", "to": "2024-03-02T00:00:00+00:00"}
    headers = {"Authorization": f"NVX {key}", "NVX-ISO-DateTime": "true"}
    return httpx.post(url + "/user/audit/log/list", json=body, headers=headers, timeout=5)


def check_error(error: BaseException, code: int, *, operation: str = "user/audit/log/list") -> None:
    _, description, status, name, error_type, base, _ = BY_CODE[code]
    assert type(error) is error_type and isinstance(error, base) and isinstance(error, AuditError)
    assert isinstance(error, NavixyAPIError)
    assert error.code == code and error.code.name == name and error.code.is_known
    assert error.description == description and error.status_code == status
    assert error.vendor == "navixy" and error.operation == operation


# --- the enum and the fake follow the table ------------------------------------------------------


def test_the_sdk_names_exactly_the_codes_of_the_table() -> None:
    assert {(m.value, m.name) for m in ErrorCode} == {(row[0], row[3]) for row in VENDOR_TABLE}
    assert SOURCE == VENDOR_PAGE


@pytest.mark.parametrize("code", CODES)
def test_the_fake_answers_each_code_with_the_vendors_status_and_envelope(fake: NavixyFake, url: str, code: int):
    fake.fail_next.append(Failure(code))
    answer = list_call(url)
    _, description, status, *_ = BY_CODE[code]
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.json() == {"success": False, "status": {"code": code, "description": description}}


def test_the_fakes_own_errors_come_with_the_vendors_statuses(url: str) -> None:
    wrong_hash, unknown_key = list_call(url, "not-a-hash"), list_call(url, "f" * 32)
    assert (wrong_hash.status_code, wrong_hash.json()["status"]) == (400, {"code": 3, "description": "Wrong hash"})
    assert (unknown_key.status_code, unknown_key.json()["status"]["code"]) == (400, 4)
    unknown_method = httpx.post(url + "/user/nothing/here", json={}, timeout=5)
    assert (unknown_method.status_code, unknown_method.json()["status"]["code"]) == (400, 5)


# --- the SDK raises the right class, retrying or not ----------------------------------------------


@pytest.mark.parametrize("code", codes_that(RAISED) + codes_that(AUTH))
def test_a_code_not_retried_is_raised_after_one_request(
    fake: NavixyFake, make_client: Callable[..., Client], code: int
) -> None:
    fake.fail_next.append(Failure(code))
    with pytest.raises(NavixyAPIError) as err:
        make_client().list_audit_log(T0, T1)  # an API key: never renewed
    check_error(err.value, code)
    assert fake.list_requests == 1 and fake.auth_requests == 0


@pytest.mark.parametrize("code", codes_that(RETRIED))
def test_a_code_retried_is_repeated_until_it_passes(fake: NavixyFake, make_client: Callable[..., Client], code: int):
    rec = fake.add(T0)
    fake.fail_next += [Failure(code), Failure(code)]
    assert [r.id for r in make_client().list_audit_log(T0, T1)] == [rec.id]
    assert fake.list_requests == 3 and fake.fail_next == []


@pytest.mark.parametrize("code", codes_that(RETRIED))
def test_a_code_retried_names_itself_when_retries_run_out(
    fake: NavixyFake, make_client: Callable[..., Client], code: int
) -> None:
    fake.fail_next += [Failure(code)] * 4
    policy = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_max=0.001)
    with pytest.raises(RetriesExhaustedError) as err:
        make_client(retry_policy=policy).list_audit_log(T0, T1)
    assert err.value.attempts == 3 and fake.list_requests == 3
    assert err.value.vendor == "navixy" and err.value.operation == "user/audit/log/list"
    check_error(err.value.last_cause, code)


@pytest.mark.parametrize("code", [8, 14, 15])
@pytest.mark.parametrize("status", [200, 400])
def test_8_14_and_15_are_retried_by_their_code_whatever_the_status(
    fake: NavixyFake, make_client: Callable[..., Client], code: int, status: int
) -> None:
    rec = fake.add(T0)
    fake.fail_next.append(Failure(code, status=status))
    assert [r.id for r in make_client().list_audit_log(T0, T1)] == [rec.id]
    assert fake.list_requests == 2


@pytest.mark.parametrize("code", [8, 14, 15])
def test_retry_after_is_honoured(
    fake: NavixyFake, make_client: Callable[..., Client], code: int, caplog: pytest.LogCaptureFixture
) -> None:
    # Backoff alone would wait at most 0.001 s; only Retry-After (capped at retry_after_max) gives 0.02 s.
    policy = RetryPolicy(max_retries=1, backoff_base=0.001, backoff_max=0.001, retry_after_max=0.02)
    fake.fail_next += [Failure(code, headers={"Retry-After": "120"})] * 2
    caplog.set_level(logging.INFO, logger="audit_core")
    with pytest.raises(RetriesExhaustedError) as err:
        make_client(retry_policy=policy).list_audit_log(T0, T1)
    assert [r.getMessage().rsplit(" ", 1)[-1] for r in caplog.records if "retrying in" in r.getMessage()] == ["0.02s"]
    cause = err.value.last_cause
    check_error(cause, code)
    if isinstance(cause, TooManyRequestsError):
        assert cause.retry_after == 120.0
    else:
        assert isinstance(cause, TemporarilyUnavailableError)


@pytest.mark.parametrize("code", codes_that(AUTH))
def test_an_auth_code_renews_a_login_session_once(fake: NavixyFake, make_client: Callable[..., Client], code: int):
    rec = fake.add(T0)
    fake.fail_next.append(Failure(code))
    nvx = make_client(login=LOGIN, password=PASSWORD)
    assert [r.id for r in nvx.list_audit_log(T0, T1)] == [rec.id]
    assert fake.auth_requests == 2 and fake.list_requests == 2
    fake.fail_next += [Failure(code), Failure(code)]
    with pytest.raises(AuthenticationError) as err:
        nvx.list_audit_log(T0, T1)
    check_error(err.value, code)
    assert fake.auth_requests == 3 and fake.list_requests == 4  # one renewal, then raised


def test_user_auth_answers_102_and_103_and_neither_is_retried(fake: NavixyFake, make_client: Callable[..., Client]):
    fake.add_account("new@example.com", PASSWORD, activated=False)
    for login, password, code in [(LOGIN, "wrong", 102), ("new@example.com", PASSWORD, 103)]:
        with pytest.raises(WrongLoginError) as err:
            make_client(login=login, password=password).list_audit_log(T0, T1)
        check_error(err.value, code, operation="user/auth")
    assert fake.auth_requests == 2 and fake.list_requests == 0


def test_user_auth_is_retried_on_8_and_raises_2_at_once(fake: NavixyFake, make_client: Callable[..., Client]):
    rec = fake.add(T0)
    fake.auth_fail_next.append(Failure(8))
    assert [r.id for r in make_client(login=LOGIN, password=PASSWORD).list_audit_log(T0, T1)] == [rec.id]
    assert fake.auth_requests == 2 and fake.list_requests == 1
    fake.auth_fail_next.append(Failure(2))
    with pytest.raises(ServiceAuthError) as err:
        make_client(login=LOGIN, password=PASSWORD).list_audit_log(T0, T1)
    check_error(err.value, 2, operation="user/auth")
    assert fake.auth_requests == 3 and fake.list_requests == 1


# --- codes the SDK does not name ----------------------------------------------------------------


@pytest.mark.parametrize(("status", "requests"), [(400, 1), (403, 1), (503, 3)])
def test_an_unknown_code_is_an_open_enum_member_retried_only_by_its_status(
    fake: NavixyFake, make_client: Callable[..., Client], status: int, requests: int
) -> None:
    fake.fail_next += [Failure(777, description="Something new", status=status)] * 3
    policy = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_max=0.001)
    with pytest.raises(AuditError) as err:
        make_client(retry_policy=policy).list_audit_log(T0, T1)
    error: Any = err.value.last_cause if isinstance(err.value, RetriesExhaustedError) else err.value
    assert type(error) is NavixyAPIError and error.status_code == status and error.vendor == "navixy"
    assert error.code == 777 and isinstance(error.code, ErrorCode) and not error.code.is_known
    assert error.code.name == "UNKNOWN_777" and "Something new (code 777)" in str(error)
    assert fake.list_requests == requests


# --- async --------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_client_retries_renews_and_raises_by_code(
    fake: NavixyFake, make_async_client: Callable[..., AsyncClient]
) -> None:
    rec = fake.add(T0)
    async with make_async_client(login=LOGIN, password=PASSWORD) as nvx:
        fake.fail_next += [Failure(14), Failure(3)]  # retried, then the session renewed
        assert [r.id for r in await nvx.list_audit_log(T0, T1)] == [rec.id]
        assert fake.list_requests == 3 and fake.auth_requests == 2
        fake.fail_next.append(Failure(208))
        with pytest.raises(DeviceBlockedError) as err:
            await nvx.list_audit_log(T0, T1)
        check_error(err.value, 208)
    assert fake.list_requests == 4
    async with make_async_client() as nvx:
        fake.fail_next.append(Failure(2))
        with pytest.raises(ServiceAuthError):
            await nvx.list_audit_log(T0, T1)
    assert fake.list_requests == 5 and fake.auth_requests == 2


# --- the README -----------------------------------------------------------------------------------


def test_the_readme_lists_every_named_code_with_its_source() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Errors") :]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    assert VENDOR_PAGE in section
    for code, _, status, name, error_type, _, _ in VENDOR_TABLE:
        row = next((line for line in section.splitlines() if line.startswith(f"| {code} |")), None)
        assert row is not None, f"code {code} is not in the README's error table"
        assert f"`{name}`" in row and f"`{error_type.__name__}`" in row and f"| {status} |" in row
