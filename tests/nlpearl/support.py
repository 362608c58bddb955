"""NLPearl's contract check and a client wired through it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from nlpearl_audit import Client
from nlpearl_audit.testing import NLPearlFake
from tests.support.contract import ContractTransport


class NLPearlContract(ContractTransport):
    """``ContractTransport("nlpearl")``: the shared check, for a fake on any loopback host."""

    def __init__(self, wrapped: httpx.BaseTransport | None = None) -> None:
        super().__init__("nlpearl", wrapped)


@contextmanager
def contract_client(fake: NLPearlFake, **options: Any) -> Iterator[tuple[Client, NLPearlContract]]:
    """A running ``fake`` and a Client talking to it through the contract check."""
    contract = NLPearlContract()
    with (
        fake.running() as url,
        Client(
            account_id=fake.account_id, secret_key=fake.secret_key, base_url=url, transport=contract, **options
        ) as pearl,
    ):
        yield pearl, contract
