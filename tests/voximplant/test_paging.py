"""GetAuditLog against the fake: every record once, in the API's order, each filter honoured; sync and async."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from audit_core import DEFAULT_CONCURRENCY, AsyncPager, Pager, RetryPolicy
from audit_core.testing.faults import FaultPlan
from tests.support.contract import AsyncContractTransport
from tests.voximplant.conftest import SINCE, UNTIL, assert_contract_clean, contract
from voximplant_audit import AsyncClient, AuditLogCursor, AuditLogEntry, Client
from voximplant_audit.testing import FakeVoximplant, make_records

FAST = RetryPolicy(max_retries=8, backoff_base=0.01, backoff_max=0.05)


def _ids(entries: list[AuditLogEntry]) -> list[int]:
    return [e.audit_log_id for e in entries]


def test_full_pull_is_exact_typed_and_contract_clean(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    checker = contract()
    with Client(fake.account.credentials(), base_url=url, transport=checker) as vox:
        pager = vox.iter_audit_log(SINCE, UNTIL, page_size=100)
        assert isinstance(pager, Pager)
        entries = list(pager)
        # The position after the last record handed out (an offset into the window before 0.2.0).
        assert pager.cursor == AuditLogCursor(fake.records[-1]["requested"], (fake.records[-1]["audit_log_id"],))
    assert_contract_clean(checker)
    assert _ids(entries) == [r["audit_log_id"] for r in fake.records]
    # (pages after the first are asked for in parallel: in any order)
    assert sorted(int(c.params["offset"]) for c in fake.calls("GetAuditLog")) == [0, 100, 200]
    first, source = entries[1], fake.records[1]
    # The fake wrote `requested` in Europe/Moscow (UTC+3); we hand it out in UTC.
    assert first.requested == source["requested"] and first.requested.tzinfo == UTC
    assert first.raw.requested == (source["requested"] + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S")
    assert first.timezone == "Europe/Moscow"
    assert first.account_id == source["account_id"] and first.subuser_name == source["subuser_name"]
    assert first.cmd_args is not None and first.cmd_args.skill_name == "skill 1"
    assert first.cmd_args["user_id"] == [5001]
    assert first.cmd_result is not None and first.cmd_result.skill_id == 71


def _matches(record: dict[str, Any], kwargs: dict[str, Any]) -> bool:
    if "audit_log_ids" in kwargs and record["audit_log_id"] not in kwargs["audit_log_ids"]:
        return False
    if "ips" in kwargs and record["ip"] not in kwargs["ips"]:
        return False
    if "cmds" in kwargs and record["cmd_name"] not in kwargs["cmds"]:
        return False
    if "admin_user_id" in kwargs and record["subuser_id"] != kwargs["admin_user_id"]:
        return False
    return not ("advanced_filters" in kwargs and [int(kwargs["advanced_filters"])] != record["cmd_args"]["user_id"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"audit_log_ids": [900003, 900010, 900111, 999999]},
        {"ips": ["10.0.0.1", "10.0.3.4"]},
        {"cmds": ["DelUser", "BindSkill"]},
        {"admin_user_id": 101},
        {"advanced_filters": "5003"},
        {"cmds": ["CreateUser", "DelUser"], "ips": ["10.0.0.1", "10.0.1.2"], "admin_user_id": 0},
    ],
    ids=["ids", "ips", "cmds", "admin", "advanced", "combined"],
)
def test_each_filter_is_honoured(fake_url: tuple[FakeVoximplant, str], kwargs: dict[str, Any]) -> None:
    fake, url = fake_url
    expected = [r["audit_log_id"] for r in fake.records if _matches(r, kwargs)]
    assert expected  # the filter keeps something, and ...
    assert len(expected) < len(fake.records)  # ... drops something
    checker = contract()
    with Client(fake.account.credentials(), base_url=url, transport=checker) as vox:
        assert _ids(list(vox.iter_audit_log(SINCE, UNTIL, page_size=7, **kwargs))) == expected
    assert_contract_clean(checker)


def test_window_and_descending_order(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    since = fake.records[10]["requested"]
    until = fake.records[20]["requested"]
    with Client(fake.account.credentials(), base_url=url) as vox:
        window = _ids(list(vox.iter_audit_log(since, until, page_size=4)))
        backwards = _ids(list(vox.iter_audit_log(since, until, page_size=4, desc_order=True)))
    expected = [r["audit_log_id"] for r in fake.records[10:20]]  # [since, until): the record at `until` is not in it
    assert window == expected and backwards == expected[::-1]


def test_vendor_rate_limit_is_retried(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(120, faults=FaultPlan(rate=0.5, kinds=["vendor_rate_limit"], seed=3))
    with fake.running() as url, Client(fake.account.credentials(), base_url=url, retry_policy=FAST) as vox:
        entries = list(vox.iter_audit_log(SINCE, UNTIL, page_size=10))
    assert _ids(entries) == [r["audit_log_id"] for r in fake.records]
    assert fake.faults.injected["vendor_rate_limit"] > 0


@pytest.mark.parametrize("how", ["query", "form", "cmd"])
def test_fake_takes_parameters_the_three_ways(fake_url: tuple[FakeVoximplant, str], how: str) -> None:
    fake, url = fake_url
    with Client(fake.account.credentials(), base_url=url) as vox:
        token = vox.auth.token()
    params = {"from_date": "2024-05-01 00:00:00", "to_date": "2024-06-01 00:00:00", "audit_log_id": "900002;900004"}
    headers = {"Authorization": f"Bearer {token}"}
    if how == "query":
        answer = httpx.post(f"{url}/GetAuditLog", params=params, headers=headers)
    elif how == "form":
        answer = httpx.post(f"{url}/GetAuditLog", data=params, headers=headers)
    else:
        answer = httpx.post(url, data={"cmd": "GetAuditLog", **params}, headers=headers)
    assert [r["audit_log_id"] for r in answer.json()["result"]] == [900002, 900004]
    assert fake.seen[-1].how == how


# -- async ------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_pull_is_exact_in_order_with_bounded_concurrency(
    make_fake: Callable[..., FakeVoximplant],
) -> None:
    fake = make_fake(1000, slow_seconds=0.05)
    checker = contract()
    with fake.running() as url:
        async with AsyncClient(
            fake.account.credentials(), base_url=url, transport=AsyncContractTransport(checker)
        ) as vox:
            pager = vox.iter_audit_log(SINCE, UNTIL, page_size=50)
            assert isinstance(pager, AsyncPager)
            entries = [entry async for entry in pager]
    assert_contract_clean(checker)
    assert _ids(entries) == [r["audit_log_id"] for r in fake.records]
    calls = fake.calls("GetAuditLog")
    # Each page once, and the empty page after the last full one (records may have been added since).
    assert sorted(int(c.params["offset"]) for c in calls) == list(range(0, 1001, 50))
    assert [c.params.get("with_total_count") for c in calls].count("true") == 1
    assert 1 < fake.max_in_flight <= DEFAULT_CONCURRENCY


@pytest.mark.anyio
async def test_async_pull_of_a_filtered_empty_window(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    later = datetime(2030, 1, 1, tzinfo=UTC)
    async with AsyncClient(fake.account.credentials(), base_url=url) as vox:
        assert [e async for e in vox.iter_audit_log(later, later + timedelta(days=1))] == []
        assert [e async for e in vox.iter_audit_log(SINCE, UNTIL, cmds=["NoSuchCmd"])] == []


def test_records_beyond_a_page_boundary(make_fake: Callable[..., FakeVoximplant]) -> None:
    """Exactly a multiple of the page size: the last, empty page ends the walk."""
    fake = make_fake(records=make_records(60))
    with fake.running() as url, Client(fake.account.credentials(), base_url=url) as vox:
        assert len(list(vox.iter_audit_log(SINCE, UNTIL, page_size=20))) == 60
    assert len(fake.calls("GetAuditLog")) == 4
