"""Differential test: the same calls against the REAL Zabbix (6.0 and 7.0) and the fake give the same answers.

The fake emulates the real server's version (``apiinfo.version``) and is loaded with a copy
of the real server's audit records of a time window (written by host group calls made for
this test); then each call below goes to both, with the same ``id`` and the same way of
passing the credential (member ``auth`` and/or header ``Authorization: Bearer``), and the
envelopes are compared: exactly where the order is defined, as multisets (plus the order
that is defined) where ties are unordered.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.contract import ContractTransport
from tests.zabbix.conftest import RealZabbix
from zabbix_audit.testing import FakeZabbix, running

pytestmark = pytest.mark.zabbix_real


class Pair:
    """Sends each call to the real server and to the fake."""

    def __init__(self, real: RealZabbix, fake_url: str, fake_token: str) -> None:
        self.real = real
        self.real_check = ContractTransport("zabbix")
        self.fake_check = ContractTransport("zabbix")
        self.real_http = httpx.Client(base_url=real.base_url, transport=self.real_check)
        self.fake_http = httpx.Client(base_url=fake_url, transport=self.fake_check)
        self.plain_real = httpx.Client(base_url=real.base_url)
        self.plain_fake = httpx.Client(base_url=fake_url)
        self.fake_token = fake_token
        self.next_id = 100

    def send(
        self,
        params: Any,
        *,
        auth: str | None = "session",
        bearer: str | None = None,
        method: str = "auditlog.get",
        spec: bool = True,
    ) -> tuple[Any, Any]:
        """One call to both; ``"session"`` stands for each side's valid credential, ``bearer`` goes in
        ``Authorization: Bearer``; ``spec=False`` for calls outside the spec (not contract-checked)."""
        self.next_id += 1
        answers = []
        clients = (self.real_http, self.fake_http) if spec else (self.plain_real, self.plain_fake)
        for http, credential in zip(clients, (self.real.session, self.fake_token), strict=True):
            body: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params, "id": self.next_id}
            if auth is not None:
                body["auth"] = credential if auth == "session" else auth
            headers = {}
            if bearer is not None:
                headers["Authorization"] = f"Bearer {credential if bearer == 'session' else bearer}"
            response = http.post("/api_jsonrpc.php", json=body, headers=headers)
            assert response.status_code == 200
            assert response.headers["Content-Type"] == "application/json"
            answers.append(response.json())
        return answers[0], answers[1]

    def close(self) -> None:
        for http in (self.real_http, self.fake_http, self.plain_real, self.plain_fake):
            http.close()


@pytest.fixture(scope="module")
def window(real: RealZabbix) -> Iterator[tuple[str, int, int, list[dict[str, str]]]]:
    """Records written for this test: (prefix, first clock, last clock, every record of that window)."""
    prefix = f"sdk-diff-{uuid.uuid4().hex[:8]}-"
    first = real.host_groups(prefix, 40)
    real.call("hostgroup.update", [{"groupid": g, "name": f"{prefix}renamed-{g}"} for g in first[:4]])
    second = real.host_groups(f"{prefix}x-", 25)
    real.call("hostgroup.delete", second[:5])
    mine = real.call("auditlog.get", {"search": {"resourcename": prefix}, "output": ["clock"]})
    start, end = min(int(r["clock"]) for r in mine), max(int(r["clock"]) for r in mine)
    records = real.call("auditlog.get", {"time_from": start, "time_till": end})
    yield prefix, start, end, records
    real.call("hostgroup.delete", first + second[5:])


@pytest.fixture
def pair(real: RealZabbix, window: tuple[str, int, int, list[dict[str, str]]]) -> Iterator[Pair]:
    version = real.call("apiinfo.version", [], auth=None)
    fake = FakeZabbix(seed=13, version=version)
    fake.load(window[3])
    with running(fake) as (_, url):
        both = Pair(real, url, fake.issue_token())
        yield both
        both.close()
    both.real_check.assert_clean()
    both.fake_check.assert_clean()


def ids(answer: Any) -> list[str]:
    return [r["auditid"] for r in answer["result"]]


def test_ordered_calls_give_identical_answers(pair: Pair, window: tuple[str, int, int, list[dict[str, str]]]) -> None:
    prefix, start, end, records = window
    span = {"time_from": start, "time_till": end}
    by_id = sorted(records, key=lambda r: (int(r["clock"]), r["auditid"]))
    calls: list[Any] = [
        {**span, "countOutput": True},
        {**span, "sortfield": ["clock", "auditid"], "sortorder": "ASC", "limit": 7},
        {**span, "sortfield": ["clock", "auditid"], "sortorder": "DESC", "limit": 9},
        {**span, "sortfield": ["clock", "auditid"], "sortorder": ["DESC", "ASC"]},
        {**span, "sortfield": "auditid", "output": ["auditid", "clock"], "limit": 3},
        {**span, "sortfield": ["clock", "auditid"], "preservekeys": True, "limit": 2},
        {**span, "filter": {"resourcename": "nothing-here"}, "preservekeys": True},
        {**span, "countOutput": True, "sortfield": "clock"},  # the PostgreSQL bug: [] (6.0), an error (7.0)
        {"time_from": end + 1, "time_till": end + 5},
        {"time_from": end, "time_till": start - 1},
        {"auditids": [by_id[3]["auditid"]]},
        {"auditids": []},
        {**span, "output": ["action", "details"], "sortfield": ["clock", "auditid"], "limit": 4},
        {**span, "filter": {"action": ["1", "2"], "resourcetype": "14"}, "countOutput": True},
        {**span, "search": {"resourcename": prefix.upper()}, "startSearch": True, "countOutput": True},
        {**span, "search": {"resourcename": [prefix, "renamed"]}, "countOutput": True},
        {**span, "search": {"resourcename": [prefix, "renamed"]}, "searchByAny": True, "countOutput": True},
        {**span, "search": {"resourcename": "renamed", "details": "update"}, "countOutput": True},
        {**span, "search": {"resourcename": "renamed"}, "excludeSearch": True, "countOutput": True},
        {**span, "search": {"resourcename": ["renamed", "x-"]}, "excludeSearch": True, "countOutput": True},
        {
            **span,
            "search": {"resourcename": f"{prefix.upper()}*RENAMED*"},
            "searchWildcardsEnabled": True,
            "countOutput": True,
        },
        {**span, "search": {"resourcename": "*renamed"}, "searchWildcardsEnabled": True, "countOutput": True},
        {**span, "search": {"resourcename": ""}, "countOutput": True},
        {**span, "userids": ["999"], "countOutput": True},
        {**span, "userids": ["1"], "countOutput": True},
    ]
    for params in calls:
        real, fake = pair.send(params)
        assert real == fake, params


def test_unordered_ties_and_inclusive_bounds_have_the_same_semantics(
    pair: Pair, window: tuple[str, int, int, list[dict[str, str]]]
) -> None:
    prefix, start, end, _ = window
    for params in [
        {"time_from": start, "time_till": start},
        {"time_from": end, "time_till": end, "sortfield": "clock", "sortorder": "DESC"},
        {"time_from": start, "time_till": end, "filter": {"action": "0"}, "search": {"resourcename": f"{prefix}x-"}},
        {"time_from": start, "time_till": end, "search": {"resourcename": prefix}, "sortfield": "clock"},
    ]:
        real, fake = pair.send(params)
        assert sorted(ids(real)) == sorted(ids(fake)) and ids(real), params
        assert sorted(real["result"], key=lambda r: r["auditid"]) == sorted(fake["result"], key=lambda r: r["auditid"])
        for answer in (real, fake):
            clocks = [int(r["clock"]) for r in answer["result"]]
            assert clocks == sorted(clocks, reverse=params.get("sortorder") == "DESC") or "sortfield" not in params
    # limit without a total order: same count, a subset of the same second
    real, fake = pair.send({"time_from": start, "time_till": start, "sortfield": "clock", "limit": 5})
    assert len(real["result"]) == len(fake["result"]) == 5


def test_errors_are_identical(pair: Pair, window: tuple[str, int, int, list[dict[str, str]]]) -> None:
    _, start, _, _ = window
    real, fake = pair.send({"time_from": start, "time_till": start, "sortfield": ["clock", "auditid"], "limit": 1})
    assert real == fake and len(real["result"]) == 1
    for params, auth in [
        ({"limit": 0}, "session"),
        ({"foo": 1}, "session"),
        ({"auditids": ["too-short"]}, "session"),
        ({"auditids": "too-short"}, "session"),
        ({"sortfield": "bogus"}, "session"),
        ({"sortorder": "desc"}, "session"),
        ({"filter": {"table_name": "x"}}, "session"),
        ({"time_from": start}, None),
        ({"limit": 1}, "0" * 32),
        ({"limit": 1}, "0" * 64),
        ({"limit": 1}, ""),
    ]:
        real, fake = pair.send(params, auth=auth, spec=False)
        assert "error" in real and real == fake, (params, auth)
    real, fake = pair.send([], method="apiinfo.version", auth="session", spec=False)
    assert "error" in real and real == fake
    real, fake = pair.send({"username": "Admin", "password": "nope"}, method="user.login", auth=None)
    assert "error" in real and real == fake
    real, fake = pair.send({"username": "Admin", "password": "x", "foo": 1}, method="user.login", auth=None, spec=False)
    assert "error" in real and real == fake
    real, fake = pair.send({}, method="nope.get", spec=False)
    assert "error" in real and real == fake


def test_the_credential_is_taken_from_the_same_place(
    pair: Pair, zabbix_version: str, window: tuple[str, int, int, list[dict[str, str]]]
) -> None:
    """Member ``auth``, header ``Authorization: Bearer`` or both: 6.0 reads only the member, 7.0 prefers the header."""
    _, start, end, _ = window
    ended, unknown = "0" * 32, "0" * 64
    calls: list[tuple[str | None, str | None]] = [
        (None, "session"),  # the header alone
        ("session", "session"),
        ("session", ended),  # a bad header next to a good member
        (ended, "session"),  # and the other way round
        ("session", unknown),
        (None, unknown),
    ]
    params = {"time_from": start, "time_till": end, "sortfield": ["clock", "auditid"], "limit": 2}
    answered = []
    for auth, bearer in calls:
        real, fake = pair.send(params, auth=auth, bearer=bearer)
        assert real == fake, (auth, bearer)
        answered.append("result" in real)
    if zabbix_version == "6.0":  # the header is ignored
        assert answered == [False, True, True, False, True, False]
    else:  # the header wins over the member
        assert answered == [True, True, False, True, False, False]
    real, fake = pair.send([], method="apiinfo.version", auth=None, bearer="session", spec=False)
    assert real == fake and ("error" in real) == (zabbix_version != "6.0")
    login = {"username": "Admin", "password": "zabbix"}
    real, fake = pair.send(login, method="user.login", auth=None, bearer="session", spec=False)
    if zabbix_version == "6.0":  # a new session on both sides
        assert "result" in real and "result" in fake
        pair.real.call("user.logout", [], auth=real["result"])
    else:
        assert "error" in real and real == fake
