"""One harness per vendor, so that one contract suite runs against all four SDKs and their fakes.

A harness starts the vendor's fake (from ``<vendor>_audit.testing``), stores records
at chosen instants (several at one instant make ties), and says how to configure a
client (the environment ``from_env()`` reads), how to read a record's time and
identity, and which of its fields are vendor enums.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any


@dataclass
class EnumCase:
    """A record with an unknown value in one enum field: how to store it and how to read the field."""

    field: str  # the field as a user writes it, e.g. "action" or "user.type"
    enum: type
    raw: object  # the unknown wire value
    add: Callable[[datetime], None]

    def read(self, record: Any) -> Any:
        """The field's value in ``record``."""
        value = record
        for part in self.field.split("."):
            value = None if value is None else getattr(value, part)
        return value


@dataclass
class Harness:
    """What the contract suite needs to know about one vendor."""

    vendor: str
    module: ModuleType
    time_field: str
    key: Callable[[Any], Hashable]
    env: dict[str, str] = field(default_factory=dict)
    #: Keyword arguments from_env() needs beyond the environment (a base URL without a variable).
    extra: dict[str, Any] = field(default_factory=dict)
    #: (environment, text the ConfigurationError must contain) for bad configurations.
    bad_envs: list[tuple[dict[str, str], str]] = field(default_factory=list)
    enum_cases: list[EnumCase] = field(default_factory=list)
    #: The environment with credentials the vendor refuses.
    wrong_env: dict[str, str] = field(default_factory=dict)
    #: Secret values that must never show (in reprs, errors, logs).
    secrets: list[str] = field(default_factory=list)
    _add: Callable[[datetime, int], None] | None = None
    _serve: Callable[[], Any] | None = None
    url: str = ""

    def add(self, when: datetime, count: int = 1) -> None:
        """Store ``count`` records at ``when`` (ties when ``count > 1``)."""
        assert self._add is not None
        self._add(when, count)

    def time_of(self, record: Any) -> datetime:
        """The record's time (aware UTC)."""
        value: datetime = getattr(record, self.time_field)
        return value

    @contextmanager
    def serving(self) -> Iterator[str]:
        """Run the fake; yields its base URL (also put where ``env``/``extra`` need it)."""
        assert self._serve is not None
        with self._serve() as url:
            self.url = url
            yield url

    def from_env(self, cls: Any, **options: Any) -> Any:
        """``cls.from_env()`` on this vendor's environment, with fast retries."""
        return cls.from_env(self.env_for(), **self.extra_for(), **options)

    def env_for(self) -> dict[str, str]:
        """The environment, with the running fake's URL filled in."""
        return {k: v.replace("{url}", self.url) for k, v in self.env.items()}

    def extra_for(self) -> dict[str, Any]:
        """The extra keywords, with the running fake's URL filled in."""
        return {k: v.replace("{url}", self.url) if isinstance(v, str) else v for k, v in self.extra.items()}


_counter = itertools.count(1)


def nlpearl() -> Harness:
    """NLPearl: events at 100 ns ticks; no id, so each stored event carries a unique ``n``."""
    import nlpearl_audit
    from nlpearl_audit.testing import NLPearlFake

    fake = NLPearlFake()

    def add(when: datetime, count: int) -> None:
        for _ in range(count):
            fake.add(when, 2, user={"id": "u-1", "name": "Ann", "type": 1}, additional_data={"n": str(next(_counter))})

    return Harness(
        vendor="nlpearl",
        module=nlpearl_audit,
        time_field="timestamp",
        key=lambda ev: (ev.timestamp, ev.additional_data.get("n")),
        env={
            "NLPEARL_ACCOUNT_ID": fake.account_id,
            "NLPEARL_SECRET_KEY": fake.secret_key,
            "NLPEARL_BASE_URL": "{url}",
        },
        wrong_env={
            "NLPEARL_ACCOUNT_ID": fake.account_id,
            "NLPEARL_SECRET_KEY": "sk-not-the-key",
            "NLPEARL_BASE_URL": "{url}",
        },
        bad_envs=[
            ({}, "NLPEARL_ACCOUNT_ID"),
            ({"NLPEARL_ACCOUNT_ID": "acc"}, "NLPEARL_SECRET_KEY"),
        ],
        enum_cases=[
            EnumCase("event_type", nlpearl_audit.EventType, 250, lambda when: _discard(fake.add(when, 250))),
            EnumCase(
                "user.type",
                nlpearl_audit.UserType,
                77,
                lambda when: _discard(fake.add(when, 2, user={"id": "u", "name": "x", "type": 77})),
            ),
        ],
        secrets=[fake.secret_key],
        _add=add,
        _serve=fake.running,
    )


def zabbix() -> Harness:
    """Zabbix: records at whole seconds (``clock``), identity ``auditid``, API token auth."""
    import zabbix_audit
    from zabbix_audit.testing import FakeZabbix
    from zabbix_audit.testing import running as zabbix_running

    fake = FakeZabbix()
    token = fake.issue_token()

    def add(when: datetime, count: int) -> None:
        fake.add_records(count, clock=int(when.timestamp()))

    @contextmanager
    def serve() -> Iterator[str]:
        with zabbix_running(fake) as (_, url):
            yield url

    return Harness(
        vendor="zabbix",
        module=zabbix_audit,
        time_field="clock",
        key=lambda rec: rec.auditid,
        env={"ZABBIX_URL": "{url}", "ZABBIX_TOKEN": token},
        wrong_env={"ZABBIX_URL": "{url}", "ZABBIX_TOKEN": "0" * 64},
        bad_envs=[
            ({"ZABBIX_URL": "http://127.0.0.1:1"}, "ZABBIX_TOKEN"),
            ({"ZABBIX_URL": "http://127.0.0.1:1", "ZABBIX_USER": "Admin"}, "ZABBIX_PASSWORD"),
            (
                {
                    "ZABBIX_URL": "http://127.0.0.1:1",
                    "ZABBIX_TOKEN": "t",
                    "ZABBIX_USER": "Admin",
                    "ZABBIX_PASSWORD": "p",
                },
                "ZABBIX_TOKEN and ZABBIX_USER",
            ),
            ({"ZABBIX_TOKEN": "t"}, "ZABBIX_URL"),
        ],
        enum_cases=[
            EnumCase(
                "action",
                zabbix_audit.AuditAction,
                99,
                lambda when: _discard(fake.add_records(1, clock=int(when.timestamp()), action="99")),
            ),
            EnumCase(
                "resourcetype",
                zabbix_audit.ResourceType,
                999,
                lambda when: _discard(fake.add_records(1, clock=int(when.timestamp()), resourcetype="999")),
            ),
        ],
        secrets=[token],
        _add=add,
        _serve=serve,
    )


NAVIXY_KEY = "c915157ac483e7319b0b257408bc04e1"


def navixy() -> Harness:
    """Navixy: records at whole seconds (``action_date``), identity ``id``, API key auth."""
    import navixy_audit
    from navixy_audit.testing import NavixyFake
    from navixy_audit.testing import running as navixy_running

    fake = NavixyFake()
    fake.add_api_key(NAVIXY_KEY)

    def add(when: datetime, count: int) -> None:
        for _ in range(count):
            fake.add(when)

    @contextmanager
    def serve() -> Iterator[str]:
        with navixy_running(fake) as (_, url):
            yield url

    return Harness(
        vendor="navixy",
        module=navixy_audit,
        time_field="action_date",
        key=lambda rec: rec.id,
        env={"NAVIXY_URL": "{url}", "NAVIXY_API_KEY": NAVIXY_KEY},
        wrong_env={"NAVIXY_URL": "{url}", "NAVIXY_API_KEY": "0" * 32},
        bad_envs=[
            ({}, "NAVIXY_API_KEY"),
            ({"NAVIXY_LOGIN": "me@example.com"}, "NAVIXY_PASSWORD"),
            (
                {"NAVIXY_API_KEY": "k", "NAVIXY_LOGIN": "me@example.com", "NAVIXY_PASSWORD": "p"},
                "NAVIXY_API_KEY and NAVIXY_LOGIN",
            ),
        ],
        enum_cases=[
            EnumCase(
                "action", navixy_audit.AuditAction, "teleport", lambda when: _discard(fake.add(when, action="teleport"))
            ),
            EnumCase(
                "entry_category",
                navixy_audit.EntryCategory,
                "warp_drive",
                lambda when: _discard(fake.add(when, entry_category="warp_drive")),
            ),
        ],
        secrets=[NAVIXY_KEY],
        _add=add,
        _serve=serve,
    )


def voximplant() -> Harness:
    """Voximplant: records at whole seconds (``requested``), identity ``audit_log_id``, a service account."""
    import voximplant_audit
    from voximplant_audit.testing import FakeVoximplant, make_account, make_records

    account = make_account()
    fake = FakeVoximplant(account, [])
    ids = itertools.count(900001)
    folder = Path(tempfile.mkdtemp(prefix="vox-contract-"))
    credentials = folder / "credentials.json"
    credentials.write_text(json.dumps(account.credentials()), encoding="utf-8")
    stranger = folder / "stranger.json"  # a well-formed service account the vendor does not know
    stranger.write_text(json.dumps(make_account(account.account_id).credentials()), encoding="utf-8")

    def add(when: datetime, count: int) -> None:
        for record in make_records(count, start=when, step=timedelta(0), first_id=next(ids)):
            fake.append(record)
        for _ in range(count - 1):
            next(ids)

    return Harness(
        vendor="voximplant",
        module=voximplant_audit,
        time_field="requested",
        key=lambda rec: rec.audit_log_id,
        env={"VOXIMPLANT_CREDENTIALS": str(credentials)},
        wrong_env={"VOXIMPLANT_CREDENTIALS": str(stranger)},
        extra={"base_url": "{url}"},
        bad_envs=[
            ({}, "VOXIMPLANT_CREDENTIALS"),
            ({"VOXIMPLANT_CREDENTIALS": str(folder / "missing.json")}, "missing.json"),
        ],
        enum_cases=[],  # its records carry no vendor enum (cmd_name is free text)
        secrets=[account.private_pem.splitlines()[1]],
        _add=add,
        _serve=fake.running,
    )


def _discard(_: object) -> None:
    return None


#: The vendors whose records carry vendor enums (Voximplant's carry none).
ENUM_VENDORS = ("navixy", "nlpearl", "zabbix")

HARNESSES: dict[str, Callable[[], Harness]] = {
    "voximplant": voximplant,
    "nlpearl": nlpearl,
    "zabbix": zabbix,
    "navixy": navixy,
}
