"""specs/zabbix/openapi.yaml against the REAL Zabbix 6.0 and 7.0 started by scripts/zabbix-server.

Every test runs once per version (the ``zabbix_version`` fixture).

Every exchange that goes through ``ContractTransport`` is validated with
openapi-core (request and response) against the hand-written spec; the result of
each method is also checked against the per-method envelope schema
(``ApiinfoVersionResponse``, ``UserLoginResponse``, ``UserLogoutResponse``,
``AuditlogGetResponse``), which the operation's ``oneOf`` cannot tell apart.
Setup calls outside the spec (token.create, hostgroup.create, ...) go through a
plain client.
"""

from __future__ import annotations

import functools
import itertools
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS30Validator

import zabbix_audit_api
from scripts.specs import resolved_spec
from tests.support.contract import ContractTransport

pytestmark = pytest.mark.zabbix_real

_ids = itertools.count(1)


@pytest.fixture
def contract(zabbix_base_url: str) -> Iterator[tuple[httpx.Client, ContractTransport]]:
    transport = ContractTransport("zabbix")
    with httpx.Client(base_url=zabbix_base_url, transport=transport, timeout=60) as client:
        yield client, transport
    transport.assert_clean()


@pytest.fixture(scope="module")
def plain(zabbix_base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=zabbix_base_url, timeout=120) as client:
        yield client


def rpc(
    client: httpx.Client,
    method: str,
    params: Any,
    auth: str | None = None,
    id: int | str | None = None,
    bearer: str | None = None,
) -> Any:
    body: dict[str, Any] = {
        "jsonrpc": "2.0",
        "method": method,
        "params": params,
        "id": next(_ids) if id is None else id,
    }
    if auth is not None:
        body["auth"] = auth
    headers = {"Content-Type": "application/json"}
    if bearer is not None:
        headers["Authorization"] = f"Bearer {bearer}"
    response = client.post("/api_jsonrpc.php", json=body, headers=headers)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    data = response.json()
    assert data["id"] == body["id"]
    assert type(data["id"]) is type(body["id"])
    return data


def result(client: httpx.Client, method: str, params: Any, auth: str | None = None) -> Any:
    data = rpc(client, method, params, auth)
    assert "error" not in data, data
    return data["result"]


@functools.cache
def _validator(name: str) -> OAS30Validator:
    spec = resolved_spec("zabbix")
    return OAS30Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


def assert_fits(schema_name: str, instance: Any) -> None:
    errors = sorted(_validator(schema_name).iter_errors(instance), key=str)
    assert not errors, f"{schema_name}: {errors[0].message}"


def assert_not_fits(schema_name: str, instance: Any) -> None:
    assert not _validator(schema_name).is_valid(instance), f"{instance!r} unexpectedly fits {schema_name}"


@pytest.fixture(scope="module")
def session(plain: httpx.Client) -> Iterator[str]:
    sid: str = result(plain, "user.login", {"username": "Admin", "password": "zabbix"})
    yield sid
    rpc(plain, "user.logout", [], auth=sid)


@pytest.fixture(scope="module")
def api_token(plain: httpx.Client, session: str) -> Iterator[str]:
    created = result(plain, "token.create", {"name": f"sdk-contract-{uuid.uuid4().hex[:12]}", "userid": "1"}, session)
    tokenid = created["tokenids"][0]
    token: str = result(plain, "token.generate", [tokenid], session)[0]["token"]
    yield token
    rpc(plain, "token.delete", [tokenid], auth=session)


@pytest.fixture(scope="module")
def host_groups(plain: httpx.Client, session: str) -> Iterator[tuple[str, list[str]]]:
    """50 host groups created in one call: a prefix and their ids (the call writes 50 audit records)."""
    prefix = f"sdk-contract-{uuid.uuid4().hex[:10]}-"
    created = result(plain, "hostgroup.create", [{"name": f"{prefix}{i:03d}"} for i in range(50)], session)
    yield prefix, created["groupids"]
    rpc(plain, "hostgroup.delete", created["groupids"], auth=session)


def test_apiinfo_version(contract: tuple[httpx.Client, ContractTransport], zabbix_version: str) -> None:
    client, _ = contract
    data = rpc(client, "apiinfo.version", [], id="string-id")
    assert_fits("ApiinfoVersionResponse", data)
    assert data["result"].startswith(f"{zabbix_version}.")
    assert_not_fits("SessionId", data["result"])
    assert_not_fits("AuditLogCount", data["result"])


def test_user_login_and_logout(contract: tuple[httpx.Client, ContractTransport]) -> None:
    client, _ = contract
    data = rpc(client, "user.login", {"username": "Admin", "password": "zabbix"})
    assert_fits("UserLoginResponse", data)
    sid = data["result"]
    assert_not_fits("ApiVersion", sid)
    data = rpc(client, "user.logout", [], auth=sid)
    assert_fits("UserLogoutResponse", data)
    assert data["result"] is True
    # the session is gone
    gone = rpc(client, "user.logout", [], auth=sid)
    assert gone["error"] == {
        "code": -32602,
        "message": "Invalid params.",
        "data": "Session terminated, re-login, please.",
    }


def test_the_old_login_name_user(plain: httpx.Client, zabbix_version: str) -> None:
    """``user`` instead of ``username`` (outside the spec): 6.0 still takes it, 7.0 refuses it."""
    data = rpc(plain, "user.login", {"user": "Admin", "password": "zabbix"})
    if zabbix_version == "6.0":
        rpc(plain, "user.logout", [], auth=data["result"])
    else:
        assert data["error"] == {
            "code": -32602,
            "message": "Invalid params.",
            "data": 'Invalid parameter "/": unexpected parameter "user".',
        }


def test_bad_password_is_an_application_error(contract: tuple[httpx.Client, ContractTransport]) -> None:
    client, _ = contract
    data = rpc(client, "user.login", {"username": "Admin", "password": "not-the-password"})
    assert data["error"]["code"] == -32500
    assert data["error"]["message"] == "Application error."
    assert "Incorrect user name or password" in data["error"]["data"]


def test_auditlog_get_extend_every_value_is_a_string(
    contract: tuple[httpx.Client, ContractTransport], session: str, host_groups: tuple[str, list[str]]
) -> None:
    client, _ = contract
    prefix, groupids = host_groups
    data = rpc(
        client,
        "auditlog.get",
        {
            "output": "extend",
            "filter": {"resourcetype": "14", "action": "0"},
            "search": {"resourcename": prefix},
            "sortfield": ["clock", "auditid"],
            "sortorder": "ASC",
        },
        auth=session,
    )
    assert_fits("AuditlogGetResponse", data)
    records = data["result"]
    assert len(records) == len(groupids)
    fields = {
        "auditid",
        "userid",
        "username",
        "clock",
        "ip",
        "action",
        "resourcetype",
        "resourceid",
        "resource_cuid",
        "resourcename",
        "recordsetid",
        "details",
    }
    for record in records:
        assert set(record) == fields
        assert all(isinstance(v, str) for v in record.values()), record
        assert record["resource_cuid"] == "0"  # database NULL, sent as "0"
        assert record["username"] == "Admin"
    assert {r["resourceid"] for r in records} == set(groupids)
    assert len({r["recordsetid"] for r in records}) == 1  # one operation, one recordset
    assert [r["auditid"] for r in records] == sorted(r["auditid"] for r in records)


def test_auditlog_get_every_parameter(
    contract: tuple[httpx.Client, ContractTransport], session: str, host_groups: tuple[str, list[str]]
) -> None:
    """One call with every parameter of the manual page (countOutput excepted, see below)."""
    client, _ = contract
    prefix, _ = host_groups
    first = result(client, "auditlog.get", {"search": {"resourcename": prefix}, "limit": 1}, session)[0]
    clock = int(first["clock"])
    params = {
        "auditids": [first["auditid"]],
        "userids": ["1"],
        "time_from": clock,
        "time_till": clock,
        "sortfield": ["clock", "auditid"],
        "sortorder": ["DESC", "ASC"],
        "filter": {"resourcetype": ["14"], "action": "0", "username": "Admin"},
        "search": {"resourcename": prefix.upper(), "details": '{"hostgroup.name"'},
        "excludeSearch": False,
        "limit": 10,
        "output": ["auditid", "clock", "resourcename"],
        "preservekeys": True,
        "searchByAny": False,
        "searchWildcardsEnabled": False,
        "startSearch": True,
    }
    data = rpc(client, "auditlog.get", params, auth=session)
    assert_fits("AuditlogGetResponse", data)
    assert data["result"] == {
        first["auditid"]: {"auditid": first["auditid"], "clock": first["clock"], "resourcename": first["resourcename"]}
    }
    # countOutput cannot be combined with sortfield on 6.0.14 + PostgreSQL (see the next test)
    unsorted = {k: v for k, v in params.items() if k not in ("sortfield", "sortorder")}
    count = rpc(client, "auditlog.get", {**unsorted, "countOutput": True}, auth=session)
    assert_fits("AuditlogGetResponse", count)
    assert count["result"] == "1"


def test_count_output_with_sortfield_fails(
    contract: tuple[httpx.Client, ContractTransport],
    session: str,
    host_groups: tuple[str, list[str]],
    zabbix_version: str,
) -> None:
    """On PostgreSQL COUNT(*) ... ORDER BY fails in the database: 6.0.14 answers [], 7.0 an application error."""
    client, _ = contract
    prefix, _ = host_groups
    params = {"search": {"resourcename": prefix}, "countOutput": True, "sortfield": "clock"}
    data = rpc(client, "auditlog.get", params, auth=session)
    if zabbix_version == "6.0":
        assert_fits("AuditlogGetResponse", data)
        assert data["result"] == []
    else:
        assert_fits("JsonRpcErrorResponse", data)
        assert data["error"] == {"code": -32500, "message": "Application error.", "data": "Database error occurred."}


def test_auditlog_get_result_shapes(
    contract: tuple[httpx.Client, ContractTransport], session: str, host_groups: tuple[str, list[str]]
) -> None:
    client, _ = contract
    prefix, groupids = host_groups
    search = {"search": {"resourcename": prefix}}
    count = result(client, "auditlog.get", {**search, "countOutput": True, "limit": 1}, session)
    assert count == str(len(groupids))  # a string, and limit does not apply
    keyed = result(client, "auditlog.get", {**search, "preservekeys": True, "output": ["clock"]}, session)
    assert isinstance(keyed, dict)
    assert len(keyed) == len(groupids)
    nothing = {"filter": {"resourcetype": "14", "resourcename": f"{prefix}does-not-exist"}}
    assert result(client, "auditlog.get", {**nothing, "preservekeys": True}, session) == []
    assert result(client, "auditlog.get", {**nothing, "countOutput": True}, session) == "0"
    subset = result(client, "auditlog.get", {**search, "output": ["action", "details"], "limit": 2}, session)
    assert [set(r) for r in subset] == [{"action", "details"}] * 2


def test_time_window_is_inclusive(
    contract: tuple[httpx.Client, ContractTransport], session: str, host_groups: tuple[str, list[str]]
) -> None:
    client, _ = contract
    prefix, _ = host_groups
    search = {"search": {"resourcename": prefix}, "countOutput": True}
    clock = int(result(client, "auditlog.get", {"search": {"resourcename": prefix}, "limit": 1}, session)[0]["clock"])
    assert result(client, "auditlog.get", {**search, "time_from": clock, "time_till": clock}, session) == "50"
    assert result(client, "auditlog.get", {**search, "time_from": clock + 1}, session) == "0"
    assert result(client, "auditlog.get", {**search, "time_till": clock - 1}, session) == "0"


def test_api_token_in_auth(contract: tuple[httpx.Client, ContractTransport], api_token: str) -> None:
    client, _ = contract
    data = rpc(
        client, "auditlog.get", {"output": "extend", "limit": 3, "sortfield": "clock", "sortorder": "DESC"}, api_token
    )
    assert_fits("AuditlogGetResponse", data)
    assert len(data["result"]) == 3


def test_credential_in_the_authorization_header(
    contract: tuple[httpx.Client, ContractTransport], session: str, api_token: str, zabbix_version: str
) -> None:
    """``Authorization: Bearer``: ignored by 6.0; read by 7.0, before the member ``auth`` when both are sent."""
    client, _ = contract
    params = {"output": ["auditid", "clock"], "limit": 2, "sortfield": "clock", "sortorder": "DESC"}
    for credential in (session, api_token):
        alone = rpc(client, "auditlog.get", params, bearer=credential)
        good_member = rpc(client, "auditlog.get", params, auth=credential, bearer="0" * 32)
        good_header = rpc(client, "auditlog.get", params, auth="0" * 32, bearer=credential)
        if zabbix_version == "6.0":
            assert alone["error"]["data"] == "Not authorized."
            assert_fits("AuditlogGetResponse", good_member)
            assert good_header["error"]["data"] == "Session terminated, re-login, please."
        else:
            assert_fits("AuditlogGetResponse", alone)
            assert len(alone["result"]) == 2
            assert good_member["error"]["data"] == "Session terminated, re-login, please."
            assert_fits("AuditlogGetResponse", good_header)
    for method, params in [("apiinfo.version", []), ("user.login", {"username": "Admin", "password": "zabbix"})]:
        data = rpc(client, method, params, bearer=session)
        if zabbix_version == "6.0":
            assert "result" in data
            if method == "user.login":
                rpc(client, "user.logout", [], auth=data["result"])
        else:
            assert data["error"] == {
                "code": -32602,
                "message": "Invalid params.",
                "data": f'The "{method}" method must be called without authorization header.',
            }


def test_auth_errors(contract: tuple[httpx.Client, ContractTransport]) -> None:
    client, _ = contract
    data = rpc(client, "auditlog.get", {"limit": 1}, auth="0" * 32)
    assert data["error"] == {
        "code": -32602,
        "message": "Invalid params.",
        "data": "Session terminated, re-login, please.",
    }


def test_invalid_params_are_minus_32602(contract: tuple[httpx.Client, ContractTransport], session: str) -> None:
    client, _ = contract
    data = rpc(client, "auditlog.get", {"auditids": ["too-short"]}, auth=session)
    assert data["error"]["code"] == -32602
    assert data["error"]["data"] == 'Invalid parameter "/auditids/1": must be 25 characters long.'
    # a single string that is not a CUID is not normalized to an array
    data = rpc(client, "auditlog.get", {"auditids": "too-short"}, auth=session)
    assert data["error"]["data"] == 'Invalid parameter "/auditids": an array is expected.'


def test_requests_outside_the_spec_get_error_envelopes_that_fit_it(plain: httpx.Client, session: str) -> None:
    """Requests the spec forbids still get answers the spec's error envelope describes."""
    cases: list[tuple[dict[str, Any], int]] = [
        ({"jsonrpc": "2.0", "method": "auditlog.get", "params": {"limit": 1}, "id": 1}, -32602),  # no auth
        ({"jsonrpc": "2.0", "method": "auditlog.get", "params": {"limit": 0}, "auth": session, "id": 1}, -32602),
        ({"jsonrpc": "2.0", "method": "auditlog.get", "params": {"foo": 1}, "auth": session, "id": 1}, -32602),
        ({"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "auth": session, "id": 1}, -32602),
        ({"jsonrpc": "2.0", "method": "nope.get", "params": {}, "auth": session, "id": 1}, -32601),
        ({"method": "apiinfo.version", "params": [], "id": 1}, -32600),
    ]
    for body, code in cases:
        data = plain.post("/api_jsonrpc.php", json=body, headers={"Content-Type": "application/json-rpc"}).json()
        assert_fits("JsonRpcErrorResponse", data)
        assert data["error"]["code"] == code, (body, data)
    parse_error = plain.post("/api_jsonrpc.php", content=b"{bad", headers={"Content-Type": "application/json-rpc"})
    assert_fits("JsonRpcErrorResponse", parse_error.json())
    assert parse_error.json()["id"] is None
    assert plain.post("/api_jsonrpc.php", content=b"{}", headers={"Content-Type": "text/plain"}).status_code == 412


def test_generated_client(zabbix_base_url: str, host_groups: tuple[str, list[str]]) -> None:
    """The client generated from the spec works against the real server, through the contract check."""
    from zabbix_audit_api.api.jsonrpc import jsonrpc
    from zabbix_audit_api.models import (
        ApiinfoVersionRequest,
        AuditLog,
        AuditlogGetParams,
        AuditlogGetRequest,
        AuditlogGetResponse,
        AuditLogSearch,
        AuditLogSortField,
        JsonRpcErrorResponse,
        JsonRpcResult,
        SortOrder,
        UserLoginParams,
        UserLoginRequest,
        UserLogoutRequest,
    )

    prefix, groupids = host_groups
    transport = ContractTransport("zabbix")
    client = zabbix_audit_api.Client(base_url=zabbix_base_url, httpx_args={"transport": transport})
    version = jsonrpc.sync(client=client, body=ApiinfoVersionRequest(params=[], id=1))
    assert isinstance(version, JsonRpcResult)
    assert isinstance(version.result, str)
    login = jsonrpc.sync(client=client, body=UserLoginRequest(params=UserLoginParams("Admin", "zabbix"), id=2))
    assert isinstance(login, JsonRpcResult)
    assert isinstance(login.result, str)
    sid = login.result
    params = AuditlogGetParams(
        search=AuditLogSearch(resourcename=prefix),
        sortfield=[AuditLogSortField.CLOCK, AuditLogSortField.AUDITID],
        sortorder=SortOrder.DESC,
        limit=5,
    )
    got = jsonrpc.sync_detailed(client=client, body=AuditlogGetRequest(params=params, auth=sid, id=3))
    assert isinstance(got.parsed, JsonRpcResult)
    assert isinstance(got.parsed.result, list)
    assert all(isinstance(r, AuditLog) for r in got.parsed.result)
    typed = AuditlogGetResponse.from_dict(got.parsed.to_dict())
    assert isinstance(typed.result, list)
    assert {r.resourceid for r in typed.result} <= set(groupids)
    assert typed.result[0].action == "0"
    bad = jsonrpc.sync(client=client, body=AuditlogGetRequest(params=params, auth="0" * 32, id=4))
    assert isinstance(bad, JsonRpcErrorResponse)
    assert bad.error.code == -32602
    out = jsonrpc.sync(client=client, body=UserLogoutRequest(params=[], auth=sid, id=5))
    assert isinstance(out, JsonRpcResult)
    assert out.result is True
    transport.assert_clean()
