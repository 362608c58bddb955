"""What 0.2 changed for Zabbix, sync and async, against the fake: half-open windows, cursor tokens that
resume mid-pull under a later ``until``, refused tokens, typed open enums, typed HTTP errors, re-exported errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

import audit_core
import zabbix_audit
from audit_core import encode_token
from zabbix_audit import (
    AsyncClient,
    AuditAction,
    AuditCursor,
    AuditRecord,
    Client,
    InvalidInputError,
    NotFoundError,
    ResourceType,
    ZabbixAuthenticationError,
    ZabbixPermissionError,
)
from zabbix_audit._wire import read_result
from zabbix_audit.testing import FakeZabbix, running

T0 = 1_790_000_000
SINCE = datetime.fromtimestamp(T0, UTC)


def at(second: int) -> datetime:
    return datetime.fromtimestamp(T0 + second, UTC)


def ids(records: list[AuditRecord]) -> list[str]:
    return [r.auditid for r in records]


def in_window(server: FakeZabbix, since: datetime, until: datetime) -> set[str]:
    return {r["auditid"] for r in server.records if since.timestamp() <= int(r["clock"]) < until.timestamp()}


def test_windows_are_half_open_and_adjacent_windows_share_nothing() -> None:
    server = FakeZabbix(seed=1)
    for second in range(6):
        server.add_records(7, clock=T0 + second)
    with running(server) as (_, url), Client(url, token=server.issue_token()) as zbx:
        edge = list(zbx.iter_audit_log(at(0), at(3), page_size=4))
        assert {r.timestamp for r in edge} == {T0, T0 + 1, T0 + 2}  # a record at exactly until is not in
        parts = [list(zbx.iter_audit_log(at(a), at(b), page_size=5)) for a, b in ((0, 2), (2, 3), (3, 6))]
        # sub-second bounds: [T0+0.5, T0+2.5) holds seconds 1 and 2 only
        inner = list(zbx.iter_audit_log(at(0) + timedelta(milliseconds=500), at(2) + timedelta(milliseconds=500)))
    joined = [i for part in parts for i in ids(part)]
    assert len(joined) == len(set(joined)) == 42
    assert set(joined) == in_window(server, at(0), at(6))
    assert {r.timestamp for r in inner} == {T0 + 1, T0 + 2}
    assert all(r.clock.tzinfo is UTC for r in edge)


@pytest.mark.parametrize("as_token", [True, False])
def test_a_token_taken_mid_pull_resumes_under_a_later_until(as_token: bool) -> None:
    """Stop inside a second with ties, save the token; an hour later go on with a later ``until``."""
    server = FakeZabbix(seed=7)
    server.add_records(10, clock=T0)
    server.add_records(60, clock=T0 + 5)  # more than a page, shuffled ties
    server.add_records(10, clock=T0 + 9)
    first_until = at(10)
    with running(server) as (_, url), Client(url, token=server.issue_token()) as zbx:
        pager = zbx.iter_audit_log(SINCE, first_until, page_size=8)
        first = []
        for record in pager:
            first.append(record)
            if len(first) == 30:  # in the middle of second T0+5
                break
        assert pager.cursor.position == at(5) and len(pager.cursor.seen) == 20
        assert isinstance(pager.cursor, audit_core.Cursor)
        saved: AuditCursor | str = pager.cursor.to_token() if as_token else pager.cursor
        # meanwhile: more records in the cursor's own second, after the first until, and one before `since`
        server.add_records(3, clock=T0 + 5, name="late")
        server.add_records(12, clock=T0 + 30, name="later")
        server.add_records(2, clock=T0 - 100, name="old")
        later_until = at(60)
        # `since` is ignored with a cursor, whatever it says
        rest = list(zbx.iter_audit_log(at(-3600), later_until, cursor=saved, page_size=8))
        again = list(zbx.iter_audit_log(at(50), later_until, cursor=saved, page_size=8))
    got = ids(first) + ids(rest)
    assert len(got) == len(set(got))
    assert set(got) == in_window(server, SINCE, later_until)  # nothing lost, the late ties included
    assert ids(again) == ids(rest)
    assert rest[0].timestamp == T0 + 5  # it went on inside the second it stopped in


@pytest.mark.anyio
async def test_async_resume_from_a_token_with_a_later_until() -> None:
    server = FakeZabbix(seed=11)
    server.add_records(25, clock=T0 + 1)
    server.add_records(5, clock=T0 + 2)
    with running(server) as (_, url):
        async with AsyncClient(url, username="Admin", password="zabbix") as zbx:
            pager = zbx.iter_audit_log(SINCE, at(2), page_size=6)
            first = []
            async for record in pager:
                first.append(record)
                if len(first) == 10:
                    break
            token = pager.cursor.to_token()
            assert token.startswith("v1.") and AuditCursor.from_token(token) == pager.cursor
            rest = [r async for r in zbx.iter_audit_log(SINCE, at(3), cursor=token, page_size=6)]
    got = ids(first) + ids(rest)
    assert len(got) == len(set(got)) == 30


def test_a_cursor_at_or_after_until_gives_nothing() -> None:
    server = FakeZabbix()
    server.add_records(3, clock=T0 + 5)
    with running(server) as (_, url), Client(url, token=server.issue_token()) as zbx:
        cursor = AuditCursor(at(10))
        assert list(zbx.iter_audit_log(SINCE, at(10), cursor=cursor)) == []
        assert len(list(zbx.iter_audit_log(SINCE, at(20), cursor=AuditCursor(at(5))))) == 3


BAD_TOKENS: list[object] = [
    "",
    "not-a-token",
    "v1.!!!",
    "v1." + "e30",  # {} with no vendor
    encode_token("navixy", {"p": "2026-01-01T00:00:00+00:00", "ids": []}),
    encode_token("zabbix", {"p": "yesterday", "ids": []}),
    encode_token("zabbix", {"p": "2026-01-01T00:00:00", "ids": []}),  # naive
    encode_token("zabbix", {"p": "2026-01-01T00:00:00.5+00:00", "ids": []}),  # not a whole second
    encode_token("zabbix", {"p": "2026-01-01T00:00:00+00:00", "ids": "abc"}),
    encode_token("zabbix", {"p": "2026-01-01T00:00:00+00:00", "ids": [1]}),
    encode_token("zabbix", {"p": "2026-01-01T00:00:00+00:00", "ids": [], "w": "yes"}),
    42,
]


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_malformed_or_foreign_tokens_are_refused_before_any_request(token: object) -> None:
    server = FakeZabbix()
    with running(server) as (_, url), Client(url, token=server.issue_token()) as zbx:
        with pytest.raises(InvalidInputError) as refused:
            zbx.iter_audit_log(SINCE, at(10), cursor=token)  # type: ignore[arg-type]
    assert refused.value.vendor == "zabbix"
    assert server.calls == []
    if isinstance(token, str) and "navixy" not in str(refused.value):
        assert "token" in str(refused.value)


def test_a_foreign_token_names_its_vendor() -> None:
    with pytest.raises(InvalidInputError, match="from navixy, not zabbix"):
        AuditCursor.from_token(encode_token("navixy", {"p": "2026-01-01T00:00:00+00:00"}))


def test_cursor_positions_are_aware_whole_seconds() -> None:
    with pytest.raises(InvalidInputError, match="naive"):
        AuditCursor(datetime(2026, 1, 1))
    with pytest.raises(InvalidInputError, match="whole second"):
        AuditCursor(SINCE + timedelta(milliseconds=1))
    berlin = AuditCursor(datetime(2026, 1, 1, 1, tzinfo=ZoneInfo("Europe/Berlin")))
    assert berlin.position == datetime(2026, 1, 1, tzinfo=UTC) and berlin.position.tzinfo is UTC
    assert repr(AuditCursor.at(T0, ("a", "b"))) == (
        "AuditCursor(position=2026-09-21T14:13:20+00:00, seen=2 ids, whole_second=False)"
    )


@pytest.mark.anyio
async def test_unknown_enum_values_are_typed_members_sync_and_async() -> None:
    server = FakeZabbix()
    server.add_records(1, clock=T0, action="99", resourcetype="77")
    server.add_records(1, clock=T0 + 1, action="8", resourcetype="0")
    with running(server) as (_, url):
        with Client(url, token=server.issue_token()) as zbx:
            records = list(zbx.iter_audit_log(SINCE, at(2)))
        async with AsyncClient(url, token=server.issue_token()) as azbx:
            arecords = [r async for r in azbx.iter_audit_log(SINCE, at(2))]
    for recs in (records, arecords):
        unknown, login = recs
        assert isinstance(unknown.action, AuditAction) and isinstance(unknown.resourcetype, ResourceType)
        assert (unknown.action.name, unknown.action.value, unknown.action.is_known) == ("UNKNOWN_99", 99, False)
        assert (unknown.resourcetype.name, unknown.resourcetype.value) == ("UNKNOWN_77", 77)
        assert login.action is AuditAction.LOGIN and login.resourcetype is ResourceType.USER
        assert "Unset" not in repr(unknown) and "UNKNOWN_99" in repr(unknown)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ZabbixAuthenticationError),
        (403, ZabbixPermissionError),
        (404, NotFoundError),
        (412, audit_core.APIError),
    ],
)
def test_http_statuses_raise_the_same_classes_as_every_vendor(status: int, kind: type[Exception]) -> None:
    with pytest.raises(kind) as raised:
        read_result(httpx.Response(status), "auditlog.get")
    error = raised.value
    assert isinstance(error, audit_core.APIError)
    assert (error.vendor, error.operation, error.status_code) == ("zabbix", "auditlog.get", status)
    if status == 401:
        assert isinstance(error, audit_core.AuthenticationError)
    if status == 403:
        assert isinstance(error, audit_core.PermissionDeniedError)


def test_the_core_errors_are_re_exported() -> None:
    for name in audit_core.ERRORS:
        assert getattr(zabbix_audit, name) is getattr(audit_core, name), name
        assert name in zabbix_audit.__all__


def test_bad_arguments_carry_the_vendor() -> None:
    with Client("https://zabbix.example.com/zabbix", token="t") as zbx:
        cases: list[dict[str, object]] = [{"since": datetime(2024, 1, 1)}, {"page_size": 0}, {"actions": []}]
        for kwargs in cases:
            call: dict[str, object] = {"since": SINCE, "until": at(1), **kwargs}
            with pytest.raises(InvalidInputError) as refused:
                zbx.iter_audit_log(**call)  # type: ignore[arg-type]
            assert refused.value.vendor == "zabbix"
    with pytest.raises(InvalidInputError) as bad_url:
        Client("https://Admin:s3cret@zabbix.example.com/zabbix", token="t")
    assert "s3cret" not in str(bad_url.value) and bad_url.value.vendor == "zabbix"


@pytest.mark.anyio
async def test_version_sync_asks_async_says_how() -> None:
    """The one named difference: a property cannot wait in async code."""
    server = FakeZabbix(version="6.4.0")
    with running(server) as (_, url):
        zbx = Client(url, token=server.issue_token())
        assert zbx.version == "6.4.0" and zbx.get_version() == "6.4.0"
        zbx.close()
        azbx = AsyncClient(url, token=server.issue_token())
        with pytest.raises(InvalidInputError, match="not known yet"):
            _ = azbx.version
        assert await azbx.get_version() == "6.4.0" and azbx.version == "6.4.0"
        await azbx.aclose()
    assert [m for m, _ in server.calls] == ["apiinfo.version", "apiinfo.version"]
