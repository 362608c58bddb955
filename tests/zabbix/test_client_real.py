"""The SDK against the REAL Zabbix 6.0 and 7.0 (scripts/zabbix-server): logins, filters, the 5,000-record burst, errors.

Every test runs once per version of ``tests.zabbix.conftest.REAL_VERSIONS`` (the ``zabbix_version`` fixture).
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from audit_core import InvalidInputError
from tests.support.contract import AsyncContractTransport, ContractTransport
from tests.zabbix.conftest import RealZabbix
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

pytestmark = pytest.mark.zabbix_real


def server_now(real: RealZabbix) -> int:
    """The server's clock: the newest audit record (our own login is one)."""
    newest = real.call("auditlog.get", {"sortfield": "clock", "sortorder": "DESC", "limit": 1, "output": ["clock"]})
    return int(newest[0]["clock"])


def unpaged(real: RealZabbix, time_from: int, time_till: int, **params: object) -> list[dict[str, str]]:
    """One unpaged auditlog.get: the reference answer."""
    result: list[dict[str, str]] = real.call(
        "auditlog.get", {"time_from": time_from, "time_till": time_till, "output": "extend", **params}
    )
    return result


def at(clock: int) -> datetime:
    return datetime.fromtimestamp(clock, UTC)


@pytest.fixture(scope="module")
def groups(real: RealZabbix) -> Iterator[tuple[str, int, int]]:
    """60 host groups added, 5 renamed, 10 deleted: (prefix, first clock, last clock)."""
    start = server_now(real)
    prefix = f"sdk-real-{uuid.uuid4().hex[:8]}-"
    groupids = real.host_groups(prefix, 60)
    real.call("hostgroup.update", [{"groupid": g, "name": f"{prefix}renamed-{g}"} for g in groupids[:5]])
    real.call("hostgroup.delete", groupids[50:])
    end = server_now(real)
    yield prefix, start, end
    real.call("hostgroup.delete", groupids[:50])


@pytest.fixture(scope="module")
def api_token(real: RealZabbix) -> Iterator[str]:
    tokenid = real.call("token.create", {"name": f"sdk-real-{uuid.uuid4().hex[:12]}", "userid": "1"})["tokenids"][0]
    token: str = real.call("token.generate", [tokenid])[0]["token"]
    yield token
    real.call("token.delete", [tokenid])


def test_password_login_typed_records_and_logout(
    zabbix_base_url: str, zabbix_version: str, real: RealZabbix, groups: tuple[str, int, int]
) -> None:
    prefix, start, end = groups
    contract = ContractTransport("zabbix")
    with Client(zabbix_base_url, username="Admin", password="zabbix", transport=contract) as zbx:
        assert zbx.version.startswith(f"{zabbix_version}.")
        records = list(zbx.iter_audit_log(at(start), at(end + 1), search={"resourcename": prefix}, page_size=7))
        assert zbx._auth.has_session
    assert not zbx._auth.has_session
    contract.assert_clean()
    expected = unpaged(real, start, end, search={"resourcename": prefix})
    assert sorted(r.auditid for r in records) == sorted(r["auditid"] for r in expected)
    assert len(records) == 60 + 5 + 10
    added = [r for r in records if r.action == AuditAction.ADD]
    assert len(added) == 60
    first = added[0]
    assert isinstance(first, AuditRecord)
    assert first.resourcetype is ResourceType.HOST_GROUP
    assert first.clock.tzinfo is UTC and first.clock == at(int(first.raw.clock))  # type: ignore[arg-type]
    assert first.details["hostgroup.name"] == ["add", first.resourcename]
    assert first.details["hostgroup.groupid"] == ["add", first.resourceid]
    assert json.loads(first.raw.details) == first.details  # type: ignore[arg-type]
    assert first.userid == "1" and first.username == "Admin" and len(first.auditid) == 25
    assert {r.action for r in records} == {AuditAction.ADD, AuditAction.UPDATE, AuditAction.DELETE}
    updated = next(r for r in records if r.action == AuditAction.UPDATE)
    assert updated.details["hostgroup.name"][0] == "update"
    # the logout of close() is in the audit log
    logouts = unpaged(real, end, server_now(real), filter={"action": "4", "resourcetype": "0"})
    assert logouts


def test_api_token_login_is_not_logged_out(zabbix_base_url: str, real: RealZabbix, api_token: str) -> None:
    contract = ContractTransport("zabbix")
    now = server_now(real)
    with Client(f"{zabbix_base_url}/api_jsonrpc.php", token=api_token, transport=contract) as zbx:
        records = list(zbx.iter_audit_log(at(now - 3600), at(now + 1), actions=[AuditAction.LOGIN]))
    contract.assert_clean()
    assert records and all(r.action is AuditAction.LOGIN for r in records)
    # close() did not end the token
    assert real.raw("auditlog.get", {"limit": 1}, auth=api_token).get("result") is not None


def test_every_filter_matches_the_server(zabbix_base_url: str, real: RealZabbix, groups: tuple[str, int, int]) -> None:
    prefix, start, end = groups
    cases: list[tuple[dict[str, object], dict[str, object]]] = [
        ({"userids": [1]}, {"userids": ["1"]}),
        ({"userids": ["999"]}, {"userids": ["999"]}),
        ({"actions": [AuditAction.DELETE]}, {"filter": {"action": ["2"]}}),
        ({"actions": [AuditAction.UPDATE, 2]}, {"filter": {"action": ["1", "2"]}}),
        ({"resourcetypes": [ResourceType.HOST_GROUP]}, {"filter": {"resourcetype": ["14"]}}),
        ({"resourcetypes": [ResourceType.USER]}, {"filter": {"resourcetype": ["0"]}}),
        ({"search": {"resourcename": prefix.upper()}}, {"search": {"resourcename": prefix.upper()}}),
        ({"search": {"details": "renamed"}}, {"search": {"details": "renamed"}}),
        ({"search": {"username": "admin", "ip": "127.0.0.1"}}, {"search": {"username": "admin", "ip": "127.0.0.1"}}),
        (
            {"actions": [0], "resourcetypes": [14], "userids": [1], "search": {"resourcename": prefix}},
            {"filter": {"action": ["0"], "resourcetype": ["14"]}, "userids": ["1"], "search": {"resourcename": prefix}},
        ),
    ]
    with Client(zabbix_base_url, username="Admin", password="zabbix") as zbx:
        for sdk, wire in cases:
            got = [r.auditid for r in zbx.iter_audit_log(at(start), at(end + 1), page_size=10, **sdk)]  # type: ignore[arg-type]
            expected = unpaged(real, start, end, **wire)
            assert sorted(got) == sorted(r["auditid"] for r in expected), sdk
            assert len(got) == len(set(got))
    assert cases  # every filter of iter_audit_log is covered above


def test_exact_paging_over_a_5000_record_second(zabbix_base_url: str, real: RealZabbix) -> None:
    before = server_now(real)
    prefix = f"sdk-burst-{uuid.uuid4().hex[:8]}-"
    groupids = real.host_groups(prefix, 5000)
    try:
        after = server_now(real)
        reference = unpaged(real, before, after)
        burst = [r for r in reference if r["resourcename"].startswith(prefix)]
        assert len(burst) == 5000 and len({r["clock"] for r in burst}) == 1  # one second, 5x the page
        with Client(zabbix_base_url, username="Admin", password="zabbix") as zbx:
            records = list(zbx.iter_audit_log(at(before), at(after + 1), page_size=1000))
            reference = unpaged(real, before, after)  # before close(): its logout may land in the last second
        got = [r.auditid for r in records]
        assert len(got) == len(set(got))
        assert set(got) == {r["auditid"] for r in reference}  # the same as one unpaged call
        assert {r["auditid"] for r in burst} <= set(got)
        assert [r.timestamp for r in records] == sorted(r.timestamp for r in records)
    finally:
        real.call("hostgroup.delete", groupids)


def test_errors_are_typed(zabbix_base_url: str, zabbix_version: str, real: RealZabbix) -> None:
    now = datetime.now(UTC)
    with (
        Client(zabbix_base_url, username="Admin", password="not-it") as zbx,
        pytest.raises(ZabbixAuthenticationError) as bad,
    ):
        zbx.login()
    assert (bad.value.code, bad.value.message) == (-32500, "Application error.")
    assert "Incorrect user name or password" in bad.value.data
    with Client(zabbix_base_url, token="0" * 64) as zbx, pytest.raises(ZabbixAuthenticationError) as unknown:
        list(zbx.iter_audit_log(now - timedelta(hours=1), now))
    assert (unknown.value.code, unknown.value.message, unknown.value.data) == (
        -32602,
        "Invalid params.",
        "Not authorized.",
    )
    with Client(zabbix_base_url, token="0" * 32) as zbx, pytest.raises(ZabbixAuthenticationError) as ended:
        list(zbx.iter_audit_log(now - timedelta(hours=1), now))
    assert (ended.value.code, ended.value.data) == (-32602, "Session terminated, re-login, please.")
    name = f"sdk-user-{uuid.uuid4().hex[:8]}"
    userid = real.call(
        "user.create", {"username": name, "passwd": "Sdk-pass-123!", "roleid": "1", "usrgrps": [{"usrgrpid": "8"}]}
    )["userids"][0]
    try:
        with Client(zabbix_base_url, username=name, password="Sdk-pass-123!") as zbx:
            with pytest.raises(ZabbixPermissionError) as denied:
                list(zbx.iter_audit_log(now - timedelta(hours=1), now))
        # 6.0 says -32602 "Invalid params.", 7.0 -32500 "Application error."
        assert denied.value.code == (-32602 if zabbix_version == "6.0" else -32500)
        assert denied.value.data == 'No permissions to call "auditlog.get".'
        assert isinstance(denied.value, ZabbixAPIError)
        assert "auditlog.get" in str(denied.value)
    finally:
        real.call("user.delete", [userid])
    with pytest.raises(InvalidInputError):
        Client(zabbix_base_url, token="x").iter_audit_log(datetime(2024, 1, 1), now)


@pytest.mark.anyio
async def test_async_client_on_the_real_server(
    zabbix_base_url: str, zabbix_version: str, groups: tuple[str, int, int]
) -> None:
    prefix, start, end = groups
    checker = ContractTransport("zabbix")
    async with AsyncClient(
        zabbix_base_url, username="Admin", password="zabbix", transport=AsyncContractTransport(checker)
    ) as zbx:
        assert zbx.version.startswith(f"{zabbix_version}.")
        records = [r async for r in zbx.iter_audit_log(at(start), at(end + 1), search={"resourcename": prefix})]
    checker.assert_clean()
    assert len(records) == 75


def test_records_arriving_while_iterating_on_the_real_server(zabbix_base_url: str, real: RealZabbix) -> None:
    """A thread keeps creating host groups while the SDK pages through an open-ended window."""
    before = server_now(real)
    prefix = f"sdk-live-{uuid.uuid4().hex[:8]}-"
    groupids = real.host_groups(f"{prefix}seed-", 300)
    helper = RealZabbix(zabbix_base_url)
    stop = threading.Event()

    def append() -> None:
        n = 0
        while not stop.is_set() and n < 25:
            groupids.extend(helper.host_groups(f"{prefix}live-{n:03d}-", 20))
            n += 1

    try:
        with Client(zabbix_base_url, username="Admin", password="zabbix") as zbx:
            pager = zbx.iter_audit_log(at(before), at(before + 3600), search={"resourcename": prefix}, page_size=30)
            worker = threading.Thread(target=append)
            worker.start()
            records = []
            for record in pager:  # a slow consumer, so that the appends land while it pages
                records.append(record)
                time.sleep(0.002)
            stop.set()
            worker.join()
        got = [r.auditid for r in records]
        assert len(got) == len(set(got))  # nothing twice
        assert [r.timestamp for r in records] == sorted(r.timestamp for r in records)
        everything = unpaged(real, before, before + 3600, search={"resourcename": prefix})
        assert set(got) <= {r["auditid"] for r in everything}
        last = records[-1].timestamp
        # every record of a second the iteration went past is there (the last second may have grown since)
        assert {r["auditid"] for r in everything if int(r["clock"]) < last} <= set(got)
        live = [r for r in records if "-live-" in r.resourcename]
        assert live and len(got) > 300, (len(got), len(everything))
    finally:
        stop.set()
        helper.close()
        real.call("hostgroup.delete", groupids)


def test_the_sdk_knows_every_action_and_resource_type_of_the_server(zabbix_frontend_dir: Path) -> None:
    """``AuditAction`` and ``ResourceType`` hold every ``CAudit::ACTION_*`` / ``RESOURCE_*`` of the real frontend."""
    source = (zabbix_frontend_dir / "include" / "classes" / "api" / "CAudit.php").read_text()
    constants = {
        kind: {int(v) for v in re.findall(rf"const {kind}_\w+ = (\d+);", source)} for kind in ("ACTION", "RESOURCE")
    }
    assert len(constants["ACTION"]) >= 8 and len(constants["RESOURCE"]) >= 30  # the file was read
    assert constants["ACTION"] <= {a.value for a in AuditAction}
    assert constants["RESOURCE"] <= {r.value for r in ResourceType}
