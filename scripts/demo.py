"""``make demo``: ``auditpull export`` against the four fake vendor servers, twice, incrementally.

Starts each vendor's fake server from ``<vendor>_audit.testing`` on 127.0.0.1 with a
day of realistic audit records, configures the SDKs through their usual environment
variables (throw-away credentials of the fakes), and runs::

    auditpull export --output audit.jsonl --state audit.state
    ... new records arrive at every vendor ...
    auditpull export --output audit.jsonl --state audit.state   # writes only the new ones

showing what each run wrote and the summary auditpull prints.

Example::

    python -m scripts.demo
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HOURS = 24
#: Every variable a vendor SDK's from_env() reads: cleared so that only the fakes' are seen.
SDK_VARIABLES = (
    "VOXIMPLANT_CREDENTIALS",
    "NLPEARL_ACCOUNT_ID",
    "NLPEARL_SECRET_KEY",
    "NLPEARL_BASE_URL",
    "NAVIXY_URL",
    "NAVIXY_API_KEY",
    "NAVIXY_LOGIN",
    "NAVIXY_PASSWORD",
    "ZABBIX_URL",
    "ZABBIX_TOKEN",
    "ZABBIX_USER",
    "ZABBIX_PASSWORD",
)
VENDORS = ("voximplant", "nlpearl", "zabbix", "navixy")


class Fakes:
    """The four fakes, running: ``env`` (what the SDKs' from_env() read), ``urls``, ``secrets``.

    ``add(vendor, when)`` stores one more realistic record at ``when`` while the fakes run;
    ``added[vendor]`` lists the times of every record stored.
    """

    def __init__(self) -> None:
        self.env: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.secrets: list[str] = []
        self.added: dict[str, list[datetime]] = {v: [] for v in VENDORS}
        self.fakes: dict[str, Any] = {}
        self._adders: dict[str, Callable[[datetime, int], None]] = {}
        self._counter = itertools.count()

    def add(self, vendor: str, when: datetime) -> None:
        """Store one record of ``vendor`` at ``when`` (aware)."""
        self._adders[vendor](when, next(self._counter))
        self.added[vendor].append(when)

    def count(self, vendor: str, since: datetime, until: datetime) -> int:
        """How many records of ``vendor`` lie in ``[since, until)`` (at the precision the vendor stores)."""
        if vendor == "zabbix":  # the fake also logs the logins of the clients, as Zabbix does
            with self.fakes["zabbix"].lock:
                stored = [datetime.fromtimestamp(int(r["clock"]), UTC) for r in self.fakes["zabbix"].records]
        else:
            stored = [_stored(vendor, t) for t in self.added[vendor]]
        return sum(since <= t < until for t in stored)

    def cli_args(self) -> list[str]:
        """The options auditpull needs beyond the environment: Voximplant's URL (it has no variable)."""
        return ["--url", f"voximplant={self.urls['voximplant']}"]

    def environ(self) -> dict[str, str]:
        """The environment of this process without any SDK variable, plus the fakes' variables."""
        base = {k: v for k, v in os.environ.items() if k not in SDK_VARIABLES}
        return {**base, **self.env}


def _stored(vendor: str, when: datetime) -> datetime:
    return when.replace(microsecond=0) if vendor in ("zabbix", "navixy", "voximplant") else when


def _voximplant(fakes: Fakes, stack: ExitStack, tmp: Path) -> None:
    from voximplant_audit.testing import FakeVoximplant, make_account, make_records

    account = make_account()
    credentials = tmp / "credentials.json"
    credentials.write_text(json.dumps(account.credentials()))
    credentials.chmod(0o600)
    fakes.env["VOXIMPLANT_CREDENTIALS"] = str(credentials)
    fakes.secrets += account.credentials()["private_key"].splitlines()[1:-1]
    fake = FakeVoximplant(account, [], timezone="Europe/Berlin")
    fakes.fakes["voximplant"] = fake

    def add(when: datetime, i: int) -> None:
        # Voximplant hands out ids as actions happen: id order is time order (what the SDK's cursor relies on),
        # even for a record the demo or a test stores "late", at an earlier time.
        first_id = int(when.timestamp()) * 1000 + i % 1000
        (record,) = make_records(1, start=when.replace(microsecond=0), first_id=first_id)
        record["cmd_name"] = ("AddUser", "SetUserInfo", "AddSkill", "DelUser", "CreateKey", "SetAccountInfo")[i % 6]
        fake.append(record)

    fakes._adders["voximplant"] = add
    fakes.urls["voximplant"] = stack.enter_context(fake.running())


def _nlpearl(fakes: Fakes, stack: ExitStack) -> None:
    from nlpearl_audit.testing import NLPearlFake

    fake = NLPearlFake(account_id="demo-account", secret_key="demo-secret-key-Q7")
    fakes.fakes["nlpearl"] = fake
    people = [("u-17", "Dana Ops", 1), ("k-2", "ci-pipeline", 3), ("s-1", "Support desk", 90)]
    kinds = [2, 10, 30, 70, 73, 81, 1, 52]

    def add(when: datetime, i: int) -> None:
        uid, name, utype = people[i % len(people)]
        fake.add(
            when,
            kinds[i % len(kinds)],
            user={"id": uid, "name": name, "type": utype},
            additional_data={"ip": f"198.51.100.{10 + i % 200}", "userAgent": "Mozilla/5.0"},
        )

    fakes._adders["nlpearl"] = add
    fakes.env["NLPEARL_ACCOUNT_ID"] = fake.account_id
    fakes.env["NLPEARL_SECRET_KEY"] = fake.secret_key
    fakes.secrets.append(fake.secret_key)
    fakes.env["NLPEARL_BASE_URL"] = stack.enter_context(fake.running())
    fakes.urls["nlpearl"] = fakes.env["NLPEARL_BASE_URL"]


def _zabbix(fakes: Fakes, stack: ExitStack) -> None:
    from zabbix_audit.testing import FakeZabbix, running

    fake = FakeZabbix()
    fakes.fakes["zabbix"] = fake
    operations = [("0", "14", "linux servers"), ("1", "4", "web-01"), ("2", "13", "cpu load"), ("8", "0", "Admin")]

    def add(when: datetime, i: int) -> None:
        action, resourcetype, name = operations[i % len(operations)]
        fake.add_records(
            1, clock=int(when.timestamp()), action=action, resourcetype=resourcetype, name=name, ip=f"192.0.2.{i % 250}"
        )

    fakes._adders["zabbix"] = add
    # An API token: a session (user + password) would add login and logout records of its own.
    fakes.env["ZABBIX_TOKEN"] = fake.issue_token()
    fakes.secrets.append(fakes.env["ZABBIX_TOKEN"])
    _, url = stack.enter_context(running(fake))
    fakes.env["ZABBIX_URL"] = fakes.urls["zabbix"] = url


def _navixy(fakes: Fakes, stack: ExitStack) -> None:
    from navixy_audit.testing import NavixyFake, running

    fake = NavixyFake()
    fakes.fakes["navixy"] = fake
    key = "de70de70de70de70de70de70de70de70"
    fake.add_api_key(key)
    actions = [("create", "custom_field"), ("update", "tracker"), ("delete", "place"), ("create", "user")]

    def add(when: datetime, i: int) -> None:
        action, category = actions[i % len(actions)]
        fake.add(
            when,
            subuser_id=184541 + i % 3,
            action=action,
            entry_category=category,
            entry_id=1000 + i,
            payload={"name": f"{category} {i}"},
            host=f"94.140.138.{200 + i % 50}",
        )

    fakes._adders["navixy"] = add
    fakes.env["NAVIXY_API_KEY"] = key
    fakes.secrets.append(key)
    _, url = stack.enter_context(running(fake))
    fakes.env["NAVIXY_URL"] = fakes.urls["navixy"] = url


@contextmanager
def running_fakes(now: datetime, per_vendor: int = 12) -> Iterator[Fakes]:
    """Start every vendor's fake with ``per_vendor`` records spread over the day before ``now``."""
    fakes = Fakes()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="audit-demo-") as tmp:
        _voximplant(fakes, stack, Path(tmp))
        _nlpearl(fakes, stack)
        _zabbix(fakes, stack)
        _navixy(fakes, stack)
        for n, vendor in enumerate(VENDORS):
            step = timedelta(hours=HOURS - 2) / per_vendor
            for i in range(per_vendor):
                fakes.add(vendor, now - timedelta(hours=HOURS - 1) + i * step + timedelta(minutes=7 * n))
        yield fakes


def _show(lines: list[str]) -> None:
    for text in lines:
        ev = json.loads(text)
        resource = " ".join(filter(None, (ev["resource"]["type"], ev["resource"]["name"] or ev["resource"]["id"])))
        who = ev["actor"]["name"] or ev["actor"]["id"] or "-"
        print(f"    {ev['time']}  {ev['vendor']:10}  {who[:18]:18}  {ev['action'][:22]:22}  {resource[:30]}")


def main(argv: list[str] | None = None) -> int:
    """Run the demo; return auditpull's exit status of the second run."""
    from auditpull._cli import main as auditpull

    now = datetime.now(UTC)
    with running_fakes(now) as fakes, tempfile.TemporaryDirectory(prefix="auditpull-demo-") as tmp:
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(fakes.environ())
        try:
            out, state = Path(tmp) / "audit.jsonl", Path(tmp) / "audit.state"
            args = ["export", "--output", str(out), "--state", str(state), *fakes.cli_args()]
            print("Four fake vendor servers on 127.0.0.1, a day of records each. First run (every configured vendor):")
            print(f"  $ auditpull {' '.join(args[:5])} --url voximplant=...", flush=True)
            status = auditpull(args)
            lines = out.read_text().splitlines()
            print(f"  wrote {len(lines)} records; the first three:")
            _show(lines[:3])
            time.sleep(1.1)  # new records in a later second than anything read so far
            for vendor in VENDORS:
                for k in range(2):
                    fakes.add(vendor, datetime.now(UTC) - timedelta(milliseconds=500 - 100 * k))
            print("\nTwo new records at every vendor. The same command again:", flush=True)
            status = auditpull(args)
            new = out.read_text().splitlines()[len(lines) :]
            print(f"  wrote {len(new)} records, only the new ones:")
            _show(new)
            print("\n  $ auditpull state show audit.state", flush=True)
            auditpull(["state", "show", str(state)])
            return status
        finally:
            os.environ.clear()
            os.environ.update(saved)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
