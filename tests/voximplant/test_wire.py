"""Wire format: `;` lists, true/false, UTC dates; bad input refused before any request; property tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_core import InvalidInputError
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import (
    AsyncClient,
    AuditFilters,
    Client,
    ErrorCode,
    InvalidArgumentsError,
    ReportFailedError,
    ReportNotFoundError,
    VoximplantAPIError,
    VoximplantRateLimitError,
    join_repeated_keys,
)
from voximplant_audit._errors import error_from_envelope
from voximplant_audit._wire import format_date, parse_date
from voximplant_audit.testing import Account, FakeVoximplant
from voximplant_audit_api.api.subpackage_history import get_audit_log
from voximplant_audit_api.models import ApiErrorResponse, HistoryGetAuditLogResponse200

EMPTY = {"result": [], "count": 0, "timezone": "UTC"}


def recording_client(account: Account, answer: dict[str, Any] = EMPTY) -> tuple[Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=answer)

    vox = Client(
        account.credentials(), base_url="https://api.example/platform_api", transport=httpx.MockTransport(handler)
    )
    return vox, seen


def test_lists_booleans_and_dates_on_the_wire(account: Account) -> None:
    vox, seen = recording_client(account)
    moscow = timezone(timedelta(hours=3))
    list(
        vox.iter_audit_log(
            datetime(2024, 5, 1, 3, 0, tzinfo=moscow),
            datetime(2024, 5, 2, 3, 0, 5, tzinfo=moscow),
            audit_log_ids=[1, 2, 3],
            ips=["10.0.0.1", "10.0.0.2"],
            cmds=["CreateUser", "DelUser"],
            admin_user_id=42,
            advanced_filters="5000",
            desc_order=True,
            page_size=10,
        )
    )
    (request,) = seen
    raw = request.url.query.decode()
    assert "audit_log_id=1;2;3" in raw
    assert "filtered_ip=10.0.0.1;10.0.0.2" in raw and "filtered_cmd=CreateUser;DelUser" in raw
    query = parse_qs(urlsplit(str(request.url)).query)
    # [since, until): the API's to_date is inclusive, so it is the last whole second before `until`.
    assert query["from_date"] == ["2024-05-01 00:00:00"] and query["to_date"] == ["2024-05-02 00:00:04"]
    assert query["desc_order"] == ["true"] and query["with_total_count"] == ["true"]
    assert query["filtered_admin_user_id"] == ["42"] and query["advanced_filters"] == ["5000"]
    assert query["count"] == ["10"] and query["offset"] == ["0"]
    assert request.method == "POST" and request.url.path == "/platform_api/GetAuditLog"
    assert request.headers["Authorization"].startswith("Bearer ")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": datetime(2024, 5, 1)}, "since is a naive datetime"),
        ({"until": datetime(2024, 5, 2)}, "until is a naive datetime"),
        ({"since": UNTIL, "until": SINCE}, "is after until"),
        ({"ips": "10.0.0.1"}, "ips must be a list"),
        ({"ips": ["10.0.0.1;10.0.0.2"]}, "contains the separator"),
        ({"cmds": []}, "cmds is empty"),
        ({"audit_log_ids": ["7"]}, "is not an integer"),
        ({"audit_log_ids": [True]}, "is not an integer"),
        ({"admin_user_id": " "}, "admin_user_id is empty"),
        ({"page_size": 0}, "page_size must be an integer from 1 to 1000"),
        ({"page_size": 1001}, "page_size must be an integer from 1 to 1000"),
        ({"cursor": -1}, "cursor must be AuditLogCursor"),
        ({"cursor": "v1.garbage"}, "not a cursor token"),
        ({"desc_order": "yes"}, "desc_order must be a bool"),
    ],
)
def test_bad_input_is_refused_before_any_request(account: Account, kwargs: dict[str, Any], message: str) -> None:
    vox, seen = recording_client(account)
    args = {"since": SINCE, "until": UNTIL, **kwargs}
    with pytest.raises(InvalidInputError, match=message):
        vox.iter_audit_log(args.pop("since"), args.pop("until"), **args)
    if not set(kwargs) & {"page_size", "cursor"}:  # the export has no paging arguments
        args = {"since": SINCE, "until": UNTIL, **kwargs}
        with pytest.raises(InvalidInputError, match=message):
            vox.export_audit_log(args.pop("since"), args.pop("until"), **args)
    assert seen == []


def test_naive_datetime_message_says_how_to_fix(account: Account) -> None:
    vox, _ = recording_client(account)
    with pytest.raises(InvalidInputError) as caught:
        vox.iter_audit_log(datetime(2024, 5, 1), UNTIL)
    assert "tzinfo=timezone.utc" in str(caught.value) and isinstance(caught.value, ValueError)


@pytest.mark.anyio
async def test_async_client_refuses_naive_datetimes(account: Account) -> None:
    async with AsyncClient(account.credentials(), base_url="https://api.example/platform_api") as vox:
        with pytest.raises(InvalidInputError, match="naive"):
            vox.iter_audit_log(SINCE, datetime(2024, 6, 1))
        with pytest.raises(InvalidInputError, match="naive"):
            vox.export_audit_log(datetime(2024, 6, 1), UNTIL)


def test_generated_functions_get_auth_and_semicolon_lists(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    with Client(fake.account.credentials(), base_url=url) as vox:
        body = get_audit_log.sync(
            client=vox.generated,
            from_date="2024-05-01 00:00:00",
            to_date="2024-06-01 00:00:00",
            audit_log_id=[900001, 900002, 900003],
            with_total_count=True,
        )
        assert isinstance(body, HistoryGetAuditLogResponse200)
        assert [r.audit_log_id for r in body.result or []] == [900001, 900002, 900003]
        assert body.total_count == 3
        bad = get_audit_log.sync(client=vox.generated, from_date="May 1st", to_date="2024-06-01 00:00:00")
        assert isinstance(bad, ApiErrorResponse) and bad.error.code == 111
    assert "audit_log_id=900001;900002;900003" in fake.calls("GetAuditLog")[0].query


def test_a_repeated_key_is_not_a_list_at_the_fake(fake_url: tuple[FakeVoximplant, str]) -> None:
    """What the generated code would send without our rewrite: the vendor keeps one value only."""
    fake, url = fake_url
    with Client(fake.account.credentials(), base_url=url) as vox:
        token = vox.auth.token()
    answer = httpx.post(
        f"{url}/GetAuditLog?from_date=2024-05-01+00:00:00&to_date=2024-06-01+00:00:00"
        "&audit_log_id=900001&audit_log_id=900002",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert [r["audit_log_id"] for r in answer.json()["result"]] == [900002]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (100, "VoximplantAuthenticationError"),
        (101, "InvalidArgumentsError"),
        (111, "InvalidArgumentsError"),
        (123, "InvalidArgumentsError"),
        (340, "VoximplantRateLimitError"),
        (356, "ReportNotReadyError"),
        (357, "ReportFailedError"),
        (557, "ReportNotFoundError"),
        (999, "VoximplantAPIError"),
    ],
)
def test_every_vendor_code_has_a_typed_error(code: int, kind: str) -> None:
    error = error_from_envelope({"code": code, "msg": "boom"}, "GetAuditLog")
    assert error is not None and type(error).__name__ == kind
    assert error.code == code and error.msg == "boom" and isinstance(error, VoximplantAPIError)
    assert f"(code {code})" in str(error) and "voximplant GetAuditLog: boom" in str(error)
    if code != 999:
        assert error.code_name == ErrorCode(code).name
    assert isinstance(error_from_envelope({"code": 340, "msg": "x"}, None), VoximplantRateLimitError)
    assert isinstance(error_from_envelope({"code": 357, "msg": "x"}, None), ReportFailedError)
    assert isinstance(error_from_envelope({"code": 557, "msg": "x"}, None), ReportNotFoundError)
    assert isinstance(error_from_envelope({"code": 123, "msg": "x"}, None), InvalidArgumentsError)


def test_error_envelope_reaches_the_caller_typed(account: Account) -> None:
    vox, seen = recording_client(account, {"error": {"code": 123, "msg": "Invalid date range"}})
    with pytest.raises(InvalidArgumentsError) as caught:
        list(vox.iter_audit_log(SINCE, UNTIL))
    assert caught.value.code == 123 and caught.value.msg == "Invalid date range" and len(seen) == 1


# -- property tests ---------------------------------------------------------------------------------------

_item = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters=";", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
)


@given(values=st.lists(_item, min_size=1, max_size=8))
def test_repeated_keys_join_into_one_semicolon_list(values: list[str]) -> None:
    url = httpx.URL("https://h/platform_api/GetAuditLog", params=[("filtered_cmd", v) for v in values] + [("x", "1")])
    joined = join_repeated_keys(url)
    query = parse_qs(joined.query.decode(), keep_blank_values=True)
    assert query["filtered_cmd"] == [";".join(values)] and query["x"] == ["1"]
    assert query["filtered_cmd"][0].split(";") == values


@given(ids=st.lists(st.integers(min_value=0, max_value=2**53), min_size=1, max_size=20))
def test_audit_log_ids_round_trip(ids: list[int]) -> None:
    filters = AuditFilters.build(SINCE, UNTIL, audit_log_ids=ids)
    url = httpx.URL("https://h/p", params=[("audit_log_id", i) for i in filters.kwargs()["audit_log_id"]])
    value = parse_qs(join_repeated_keys(url).query.decode())["audit_log_id"][0]
    assert [int(v) for v in value.split(";")] == ids


@given(
    moment=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)),
    offset=st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_dates_go_out_in_utc_and_come_back(moment: datetime, offset: int) -> None:
    aware = moment.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=offset)))
    text = format_date(aware, "since")
    assert len(text) == 19 and text[10] == " "
    assert parse_date(text, "UTC") == aware.astimezone(UTC)


def test_requested_is_read_in_the_answers_zone() -> None:
    assert parse_date("2024-01-15 12:00:00", "America/New_York") == datetime(2024, 1, 15, 17, tzinfo=UTC)
    assert parse_date("2024-07-15 12:00:00", "America/New_York") == datetime(2024, 7, 15, 16, tzinfo=UTC)
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_date("2024-07-15 12:00:00", "Mars/Olympus")
