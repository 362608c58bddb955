"""Serve one vendor's benchmark fake in this process until stdin closes: ``python -m scripts.bench.serve``.

The parent reads one JSON line on stdout: the base URL, the window of the records and how long
building the store took. The fake runs apart from the client measured, as a vendor's server does:
its CPU time and memory are not the client's.

Example::

    python -m scripts.bench.serve voximplant 100000 --latency 0.02 --account account.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from scripts.bench.data import NAVIXY_KEY, build


@contextmanager
def serving(vendor: str, fake: Any) -> Iterator[str]:
    """Serve ``fake``; yield the base URL an SDK client takes."""
    if vendor == "voximplant":
        with fake.running() as url:
            yield url
    elif vendor == "navixy":
        from navixy_audit.testing import running

        with running(fake) as (_, url):
            yield url
    elif vendor == "nlpearl":
        with fake.running() as url:
            yield url
    else:
        from zabbix_audit.testing import running as zabbix_running

        with zabbix_running(fake) as (_, url):
            yield url


def main(argv: list[str] | None = None) -> int:
    """Build the fake, print its URL as JSON, serve until stdin closes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("vendor")
    parser.add_argument("records", type=int)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    parser.add_argument("--account", help="Voximplant: the account (credentials.json plus the public key) to accept")
    args = parser.parse_args(argv)
    account = None
    if args.account:
        account = load_account(args.account)
    started = time.perf_counter()
    fake, since, until = build(args.vendor, args.records, account)
    fake.latency = args.latency
    built = time.perf_counter() - started
    with serving(args.vendor, fake) as url:
        line = {"url": url, "since": since.isoformat(), "until": until.isoformat(), "build_seconds": built}
        if args.vendor == "navixy":
            line["api_key"] = NAVIXY_KEY
        print(json.dumps(line), flush=True)
        sys.stdin.read()  # until the parent closes it (or dies)
    return 0


def load_account(path: str) -> Any:
    """The Voximplant account of a credentials file written by :func:`save_account`."""
    from cryptography.hazmat.primitives import serialization

    from voximplant_audit.testing import Account

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    key = serialization.load_pem_private_key(data["private_key"].encode(), password=None)
    return Account(data["account_id"], data["key_id"], data["private_key"], key.public_key())  # type: ignore[arg-type]


def save_account(account: Any, path: str) -> None:
    """Write a Voximplant account as its ``credentials.json`` (what both the SDK and the peer read)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(account.credentials(), f)


if __name__ == "__main__":
    raise SystemExit(main())
