"""Fixtures of the Navixy tests: a fake server with an owner account, API keys, and fast clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from audit_core import RetryPolicy
from navixy_audit import AsyncClient, Client
from navixy_audit.testing import NavixyFake, running

LOGIN = "owner@example.com"
PASSWORD = "correct-horse-battery-staple"
API_KEY = "c915157ac483e7319b0b257408bc04e1"
SUBUSER_KEY = "0123456789abcdef0123456789abcdef"
TWO_FACTOR_LOGIN = "careful@example.com"
FAST = RetryPolicy(max_retries=6, backoff_base=0.001, backoff_max=0.01)


@pytest.fixture
def fake() -> NavixyFake:
    fake = NavixyFake()
    fake.add_account(LOGIN, PASSWORD)
    fake.add_account(TWO_FACTOR_LOGIN, PASSWORD, second_factor=True)
    fake.add_api_key(API_KEY)
    fake.add_api_key(SUBUSER_KEY, admin=False)
    return fake


@pytest.fixture
def url(fake: NavixyFake) -> Iterator[str]:
    with running(fake) as (_, base):
        yield base


@pytest.fixture
def make_client(url: str) -> Iterator[Callable[..., Client]]:
    made: list[Client] = []

    def make(**kwargs: Any) -> Client:
        kwargs.setdefault("base_url", url)
        if "login" not in kwargs:
            kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("retry_policy", FAST)
        kwargs.setdefault("timeout", 5.0)
        client = Client(**kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_async_client(url: str) -> Callable[..., AsyncClient]:
    def make(**kwargs: Any) -> AsyncClient:
        kwargs.setdefault("base_url", url)
        if "login" not in kwargs:
            kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("retry_policy", FAST)
        kwargs.setdefault("timeout", 5.0)
        return AsyncClient(**kwargs)

    return make
