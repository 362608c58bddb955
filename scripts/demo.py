"""``make demo``: the main job (``scripts.auditpull``) on local defaults.

Starts each vendor's fake server from ``<vendor>_audit.testing`` on 127.0.0.1
with a day of sample audit records, configures the SDKs through their usual
environment variables (a throw-away Voximplant service account, API keys...),
and pulls the last 24 hours from all of them into one time-ordered table.

Example::

    python -m scripts.demo            # table
    python -m scripts.demo --format jsonl
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scripts import auditpull

HOURS = 24


@contextmanager
def _voximplant(now: datetime, env: dict[str, str], tmp: Path) -> Iterator[str]:
    from voximplant_audit.testing import FakeVoximplant, make_account, make_records

    account = make_account()
    records = make_records(12, start=now - timedelta(hours=HOURS - 1), step=timedelta(minutes=97))
    credentials = tmp / "credentials.json"
    credentials.write_text(json.dumps(account.credentials()))
    credentials.chmod(0o600)
    env["VOXIMPLANT_CREDENTIALS"] = str(credentials)
    with FakeVoximplant(account, records, timezone="Europe/Berlin").running() as url:
        yield url


@contextmanager
def _navixy(now: datetime, env: dict[str, str]) -> Iterator[str]:
    from navixy_audit.testing import NavixyFake, running

    fake = NavixyFake()
    key = "de70de70de70de70de70de70de70de70"
    fake.add_api_key(key)
    actions = [("create", "custom_field"), ("update", "tracker"), ("delete", "place"), ("login", "user")]
    for i in range(12):
        action, category = actions[i % len(actions)]
        fake.add(
            now - timedelta(hours=HOURS - 1) + timedelta(minutes=113 * i),
            subuser_id=184541 + i % 3,
            action=action,
            entry_category=category,
            host=f"94.140.138.{200 + i}",
        )
    env["NAVIXY_API_KEY"] = key
    with running(fake) as (_, url):
        env["NAVIXY_URL"] = url
        yield url


@contextmanager
def _nlpearl(now: datetime, env: dict[str, str]) -> Iterator[str]:
    from nlpearl_audit.testing import NLPearlFake

    fake = NLPearlFake(account_id="demo-account", secret_key="demo-secret-key")
    people = [("u-17", "Dana Ops", 1), ("k-2", "ci-pipeline", 3), ("s-1", "Support desk", 90)]
    kinds = [2, 10, 30, 52, 70, 81]
    for i in range(10):
        uid, name, utype = people[i % len(people)]
        fake.add(
            now - timedelta(hours=HOURS - 2) + timedelta(minutes=131 * i),
            kinds[i % len(kinds)],
            user={"id": uid, "name": name, "type": utype},
            additional_data={"ip": f"198.51.100.{10 + i}"},
        )
    env["NLPEARL_ACCOUNT_ID"] = fake.account_id
    env["NLPEARL_SECRET_KEY"] = fake.secret_key
    with fake.running() as url:
        yield url


@contextmanager
def _zabbix(now: datetime, env: dict[str, str]) -> Iterator[str]:
    from zabbix_audit.testing import FakeZabbix, running

    fake = FakeZabbix()
    start = int((now - timedelta(hours=HOURS - 3)).timestamp())
    operations = [("0", "14", "linux servers"), ("1", "4", "web-01"), ("2", "13", "cpu load"), ("8", "0", "Admin")]
    for i in range(10):
        action, resourcetype, name = operations[i % len(operations)]
        fake.add_records(
            1 + i % 3,
            clock=start + 7411 * i,
            action=action,
            resourcetype=resourcetype,
            name=name,
            ip=f"192.0.2.{20 + i}",
        )
    fake.users["Admin"] = ("demo-Adm1n-pass", "1", True)
    env["ZABBIX_USER"], env["ZABBIX_PASSWORD"] = "Admin", "demo-Adm1n-pass"
    with running(fake) as (_, url):
        env["ZABBIX_URL"] = url
        yield url


@contextmanager
def running_fakes(now: datetime) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
    """Start every vendor's fake with sample records around ``now``.

    Yields the environment the SDKs' ``from_env()`` read (credentials of the
    fakes' throw-away accounts) and each vendor's base URL.
    """
    env: dict[str, str] = {}
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="audit-demo-") as tmp:
        urls = {
            "voximplant": stack.enter_context(_voximplant(now, env, Path(tmp))),
            "nlpearl": stack.enter_context(_nlpearl(now, env)),
            "zabbix": stack.enter_context(_zabbix(now, env)),
            "navixy": stack.enter_context(_navixy(now, env)),
        }
        yield env, urls


def main(argv: Sequence[str] | None = None) -> int:
    """Start the fakes, then run ``auditpull`` against them with ``argv``'s extra options."""
    now = datetime.now(UTC).replace(microsecond=0)
    with running_fakes(now) as (env, urls):
        saved = dict(os.environ)
        os.environ.update(env)
        try:
            args = ["--since", (now - timedelta(hours=HOURS)).isoformat(), "--until", now.isoformat()]
            for vendor, url in urls.items():
                args += ["--vendor", vendor, "--url", f"{vendor}={url}"]
            return auditpull.main([*args, *(argv if argv is not None else sys.argv[1:])])
        finally:
            os.environ.clear()
            os.environ.update(saved)


if __name__ == "__main__":
    raise SystemExit(main())
