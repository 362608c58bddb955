"""The SDK against the fake Zabbix: auth across versions (6.0 member, 6.4 Bearer, 7.2 refusing ``auth``),
errors, input checks, the generated client, the async client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from audit_core import ConfigurationError, InvalidInputError, RetriesExhaustedError, RetryPolicy
from tests.support.contract import AsyncContractTransport, ContractTransport
from zabbix_audit import (
    AsyncClient,
    AuditAction,
    AuditRecord,
    Client,
    ResourceType,
    ZabbixAPIError,
    ZabbixAuthenticationError,
    ZabbixPermissionError,
)
from zabbix_audit.testing import FakeZabbix, running
from zabbix_audit_api.api.jsonrpc import jsonrpc
from zabbix_audit_api.models import AuditlogGetParams, AuditlogGetRequest, AuditlogGetResponse, JsonRpcResult

T0 = 1_790_000_000
SINCE = datetime.fromtimestamp(T0, UTC)
UNTIL = SINCE + timedelta(hours=1)
FAST = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_max=0.02)


@pytest.fixture(params=["6.0.14", "6.4.0", "7.2.0"])
def fake(request: pytest.FixtureRequest) -> Iterator[tuple[FakeZabbix, str]]:
    server = FakeZabbix(version=request.param)
    server.add_records(30, clock=T0 + 10, name="web")
    server.add_records(5, clock=T0 + 20, action="2", resourcetype="4", name="host")
    with running(server) as running_fake:
        yield running_fake


def test_password_login_pages_and_logs_out(fake: tuple[FakeZabbix, str]) -> None:
    server, url = fake
    contract = ContractTransport("zabbix")
    with Client(url, username="Admin", password="zabbix", transport=contract, retry_policy=FAST) as zbx:
        assert zbx.version == server.version
        records = list(zbx.iter_audit_log(SINCE, UNTIL, page_size=7))
        assert len(server.sessions) == 1
    contract.assert_clean()
    assert server.sessions == {}  # user.logout on close
    assert [r.resourcename for r in records[:30]] == sorted(r.resourcename for r in records[:30])
    assert len({r.auditid for r in records}) == 35
    assert {r.action for r in records} == {AuditAction.ADD, AuditAction.DELETE}
    assert isinstance(records[0], AuditRecord)
    assert records[0].clock == SINCE + timedelta(seconds=10)
    sources = {source for method, source in server.calls if method in ("auditlog.get", "user.logout")}
    assert sources == ({"bearer"} if server.bearer else {"auth"})
    assert ("user.login", None) in server.calls and ("apiinfo.version", None) in server.calls


def test_api_token_is_never_logged_out(fake: tuple[FakeZabbix, str]) -> None:
    server, url = fake
    token = server.issue_token()
    with Client(f"{url}/api_jsonrpc.php", token=token, retry_policy=FAST) as zbx:
        assert len(list(zbx.iter_audit_log(SINCE, UNTIL, resourcetypes=[ResourceType.HOST]))) == 5
    methods = [method for method, _ in server.calls]
    assert "user.login" not in methods and "user.logout" not in methods
    assert token in server.tokens


def test_7_2_refuses_the_auth_member_and_6_0_ignores_bearer() -> None:
    """What the fake emulates, seen on the wire (the SDK must never send what these refuse)."""
    for version, body_auth, header, expected in [
        ("7.2.0", True, False, (-32600, 'Invalid parameter "/": unexpected parameter "auth".')),
        ("6.0.14", False, True, (-32602, "Not authorized.")),
        ("6.4.0", True, False, None),
        ("6.4.0", False, True, None),
    ]:
        server = FakeZabbix(version=version)
        token = server.issue_token()
        with running(server) as (_, url), httpx.Client(base_url=url) as http:
            body: dict[str, object] = {"jsonrpc": "2.0", "method": "auditlog.get", "params": {"limit": 1}, "id": 9}
            if body_auth:
                body["auth"] = token
            headers = {"Authorization": f"Bearer {token}"} if header else {}
            answer = http.post("/api_jsonrpc.php", json=body, headers=headers).json()
        if expected is None:
            assert answer["result"] == []
        else:
            assert (answer["error"]["code"], answer["error"]["data"]) == expected
            assert answer["id"] == 9


def test_generated_client_gets_our_auth(fake: tuple[FakeZabbix, str]) -> None:
    """Generated operations through ``client.generated``: no ``auth`` given, the SDK places it per version."""
    server, url = fake
    contract = ContractTransport("zabbix")
    with Client(url, username="Admin", password="zabbix", transport=contract) as zbx:
        body = AuditlogGetRequest(params=AuditlogGetParams(limit=3), id="x")
        answer = jsonrpc.sync(client=zbx.generated, body=body)
        assert isinstance(answer, JsonRpcResult)
        typed = AuditlogGetResponse.from_dict(answer.to_dict())
        assert isinstance(typed.result, list) and len(typed.result) == 3
    contract.assert_clean()
    assert ("auditlog.get", "bearer" if server.bearer else "auth") in server.calls


def test_an_auth_member_given_by_the_caller_is_moved_to_the_header_on_7_2() -> None:
    server = FakeZabbix(version="7.2.0")
    server.add_records(2, clock=T0)
    with running(server) as (_, url), Client(url, username="Admin", password="zabbix") as zbx:
        body = AuditlogGetRequest(params=AuditlogGetParams(limit=5), auth="stale-session-id", id=1)
        answer = jsonrpc.sync(client=zbx.generated, body=body)
        assert isinstance(answer, JsonRpcResult)
        assert isinstance(answer.result, list) and len(answer.result) == 3  # 2 + our login
    assert ("auditlog.get", "bearer") in server.calls


def test_session_ended_by_the_server_is_opened_again() -> None:
    server = FakeZabbix()
    server.add_records(3, clock=T0)
    with running(server) as (_, url), Client(url, username="Admin", password="zabbix") as zbx:
        assert len(list(zbx.iter_audit_log(SINCE, UNTIL))) == 3
        server.sessions.clear()  # expired on the server
        assert len(list(zbx.iter_audit_log(SINCE, UNTIL))) == 3
        assert [m for m, _ in server.calls].count("user.login") == 2


def test_errors_are_typed() -> None:
    server = FakeZabbix()
    with running(server) as (_, url):
        with Client(url, username="Admin", password="wrong") as zbx, pytest.raises(ZabbixAuthenticationError) as bad:
            list(zbx.iter_audit_log(SINCE, UNTIL))
        assert (bad.value.code, bad.value.message) == (-32500, "Application error.")
        assert "Incorrect user name or password" in bad.value.data
        assert bad.value.operation == "user.login"
        with Client(url, token="0" * 64) as zbx, pytest.raises(ZabbixAuthenticationError) as ended:
            list(zbx.iter_audit_log(SINCE, UNTIL))
        assert (ended.value.code, ended.value.data) == (-32602, "Not authorized.")
        with Client(url, username="guest", password="guestpw") as zbx, pytest.raises(ZabbixPermissionError) as perm:
            list(zbx.iter_audit_log(SINCE, UNTIL))
        assert perm.value.code == -32602 and perm.value.data == 'No permissions to call "auditlog.get".'
        assert isinstance(perm.value, ZabbixAPIError)
        server.db_down = True
        with Client(url, token="0" * 64, retry_policy=FAST) as zbx, pytest.raises(RetriesExhaustedError) as down:
            zbx.login()
        assert down.value.attempts == 3 and down.value.operation == "apiinfo.version"
        assert isinstance(down.value.last_cause, ZabbixAPIError) and down.value.last_cause.code == 1


def test_bad_input_is_refused_before_any_request() -> None:
    server = FakeZabbix()
    with running(server) as (_, url), Client(url, token="t") as zbx:
        cases: list[dict[str, object]] = [
            {"since": datetime(2024, 1, 1)},
            {"since": UNTIL, "until": SINCE},
            {"page_size": 0},
            {"page_size": True},
            {"search": {"details": ""}},
            {"search": {"bogus": "x"}},
            {"userids": "1"},
            {"userids": ["one"]},
            {"actions": []},
        ]
        for case in cases:
            kwargs: dict[str, object] = {"since": SINCE, "until": UNTIL, **case}
            with pytest.raises(InvalidInputError):
                zbx.iter_audit_log(**kwargs)  # type: ignore[arg-type]
    assert server.calls == []
    for bad in ("", "zabbix.example.com", "ftp://x/zabbix"):
        with pytest.raises(InvalidInputError):
            Client(bad, token="t")
    # credentials are configuration: ConfigurationError (0.1 raised InvalidInputError)
    with pytest.raises(ConfigurationError, match="username= is set but password= is not"):
        Client("http://x", username="Admin")
    with pytest.raises(ConfigurationError, match=r"not both \(token= and username=, password= are set\)"):
        Client("http://x", username="Admin", password="p", token="t")


def test_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeZabbix()
    server.add_records(2, clock=T0)
    with running(server) as (_, url):
        monkeypatch.setenv("ZABBIX_URL", url + "/")
        monkeypatch.setenv("ZABBIX_USER", "Admin")
        monkeypatch.setenv("ZABBIX_PASSWORD", "zabbix")
        monkeypatch.delenv("ZABBIX_TOKEN", raising=False)
        with Client.from_env(timeout=5) as zbx:
            assert zbx.base_url == url
            assert len(list(zbx.iter_audit_log(SINCE, UNTIL))) == 2
        # a token and a password at once: refused, naming both (0.1 silently preferred the token)
        monkeypatch.setenv("ZABBIX_TOKEN", server.issue_token())
        with pytest.raises(ConfigurationError, match="ZABBIX_TOKEN and ZABBIX_USER, ZABBIX_PASSWORD are set"):
            Client.from_env()
        monkeypatch.delenv("ZABBIX_USER")
        monkeypatch.delenv("ZABBIX_PASSWORD")
        with Client.from_env() as zbx:
            assert len(list(zbx.iter_audit_log(SINCE, UNTIL))) == 2
        monkeypatch.delenv("ZABBIX_URL")
        with pytest.raises(ConfigurationError, match="ZABBIX_URL"):
            Client.from_env()
    assert server.sessions == {}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "no credentials: set ZABBIX_TOKEN, or ZABBIX_USER and ZABBIX_PASSWORD"),
        ({"ZABBIX_USER": "Admin"}, "ZABBIX_USER is set but ZABBIX_PASSWORD is not"),
        ({"ZABBIX_PASSWORD": "pw"}, "ZABBIX_PASSWORD is set but ZABBIX_USER is not"),
        ({"ZABBIX_TOKEN": "t", "ZABBIX_PASSWORD": "pw"}, "not both (ZABBIX_TOKEN and ZABBIX_PASSWORD are set)"),
    ],
)
@pytest.mark.parametrize("client", [Client, AsyncClient])
def test_credentials_are_configuration_errors(
    env: dict[str, str], message: str, client: type[Client] | type[AsyncClient]
) -> None:
    environ = {"ZABBIX_URL": "https://zabbix.example.com/zabbix", **env}
    with pytest.raises(ConfigurationError) as refused:
        client.from_env(environ)
    assert message in str(refused.value) and refused.value.vendor == "zabbix"
    assert "pw" not in str(refused.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "no credentials: give token=, or username= and password="),
        ({"password": "pw"}, "password= is set but username= is not"),
        ({"token": "t", "username": "Admin"}, "not both (token= and username= are set)"),
        ({"token": "   "}, "token= is blank"),
        ({"username": "Admin", "password": 5}, "password= must be a string"),
    ],
)
@pytest.mark.parametrize("client", [Client, AsyncClient])
def test_constructor_credentials_are_configuration_errors(
    kwargs: dict[str, object], message: str, client: type[Client] | type[AsyncClient]
) -> None:
    with pytest.raises(ConfigurationError) as refused:
        client("https://zabbix.example.com/zabbix", **kwargs)  # type: ignore[arg-type]
    assert message in str(refused.value) and refused.value.vendor == "zabbix"


def test_from_env_keywords_are_checked() -> None:
    environ = {"ZABBIX_URL": "https://zabbix.example.com/zabbix", "ZABBIX_TOKEN": "t"}
    with pytest.raises(InvalidInputError, match="did you mean max_retries="):
        Client.from_env(environ, max_retry=2)  # type: ignore[call-arg]
    with Client.from_env(environ, max_retries=0) as zbx:
        assert zbx.base_url == "https://zabbix.example.com/zabbix"
        assert repr(zbx) == "<Client base_url='https://zabbix.example.com/zabbix'>"


@pytest.mark.anyio
async def test_async_client_across_versions() -> None:
    for version in ("6.0.14", "7.2.0"):
        server = FakeZabbix(version=version)
        server.add_records(12, clock=T0 + 1)
        server.add_records(4, clock=T0 + 2)
        checker = ContractTransport("zabbix")
        with running(server) as (_, url):
            async with AsyncClient(
                url, username="Admin", password="zabbix", transport=AsyncContractTransport(checker)
            ) as zbx:
                assert zbx.version == version
                assert await zbx.get_version() == version
                records = [r async for r in zbx.iter_audit_log(SINCE, UNTIL, page_size=5)]
                answer = await jsonrpc.asyncio(
                    client=zbx.generated, body=AuditlogGetRequest(params=AuditlogGetParams(limit=1), id=1)
                )
                assert isinstance(answer, JsonRpcResult)
            assert server.sessions == {}
        checker.assert_clean()
        assert len({r.auditid for r in records}) == 16
        assert [r.clock for r in records] == sorted(r.clock for r in records)


@pytest.mark.anyio
async def test_async_login_failure_at_enter_is_typed() -> None:
    server = FakeZabbix(version="6.4.0")
    with running(server) as (_, url):
        with pytest.raises(ZabbixAuthenticationError) as refused:
            async with AsyncClient(url, username="Admin", password="wrong"):
                pass
        token = server.issue_token()
        async with AsyncClient(url, token=token) as zbx:
            assert zbx.version == "6.4.0"
            assert [r async for r in zbx.iter_audit_log(SINCE, UNTIL)] == []
    assert refused.value.code == -32500 and refused.value.operation == "user.login"
    assert "user.logout" not in [m for m, _ in server.calls]
