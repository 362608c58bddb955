"""Fixtures of the Voximplant tests: a test service account, its credentials file, the fake, contract checks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.contract import ContractTransport
from voximplant_audit.testing import Account, FakeVoximplant, make_account, make_records

SINCE = datetime(2024, 5, 1, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=30)
LIST_PARAMS = frozenset({"audit_log_id", "filtered_ip", "filtered_cmd", "history_type"})


def split_lists(query: dict[str, list[str]]) -> dict[str, list[str]]:
    """Contract-check adapter: the API's `;` lists back into the repeated keys the spec describes."""
    return {
        key: [item for value in values for item in value.split(";")] if key in LIST_PARAMS else values
        for key, values in query.items()
    }


def contract() -> ContractTransport:
    """A contract-checking transport for the fake (its spec server is the relative ``/platform_api``)."""
    return ContractTransport("voximplant", server_prefix="", query_adapter=split_lists)


def assert_contract_clean(checker: ContractTransport) -> None:
    """``assert_clean`` except one openapi-core quirk: an OAS 3.1 ``format: binary`` body read as bytes."""
    assert checker.checked
    real = [
        v
        for v in checker.violations
        if not (v.startswith("response 200 to POST /platform_api/DownloadHistoryReport") and "is not of type" in v)
    ]
    assert not real, "\n".join(real[:20])


@pytest.fixture(scope="session")
def account() -> Account:
    return make_account()


@pytest.fixture
def credentials_file(tmp_path: Path, account: Account) -> Path:
    path = tmp_path / "credentials.json"
    path.write_text(json.dumps(account.credentials()), encoding="utf-8")
    return path


@pytest.fixture
def make_fake(account: Account) -> Callable[..., FakeVoximplant]:
    def build(n: int = 0, records: list[dict[str, Any]] | None = None, **kwargs: Any) -> FakeVoximplant:
        return FakeVoximplant(account, records if records is not None else make_records(n), **kwargs)

    return build


@pytest.fixture
def fake_url(make_fake: Callable[..., FakeVoximplant]) -> Iterator[tuple[FakeVoximplant, str]]:
    fake = make_fake(250, timezone="Europe/Moscow")
    with fake.running() as url:
        yield fake, url
