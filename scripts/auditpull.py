"""Pull "who did what, when, from where" out of every configured vendor, as one stream.

Each vendor is configured the way its SDK's ``Client.from_env()`` reads it
(``VOXIMPLANT_CREDENTIALS``; ``NLPEARL_ACCOUNT_ID`` + ``NLPEARL_SECRET_KEY``;
``ZABBIX_URL`` + ``ZABBIX_TOKEN`` or ``ZABBIX_USER`` + ``ZABBIX_PASSWORD``;
``NAVIXY_URL`` + ``NAVIXY_API_KEY`` or ``NAVIXY_LOGIN`` + ``NAVIXY_PASSWORD``).
Vendors without configuration are left out unless named with ``--vendor``.
Records come out per vendor in time order, normalised to one line each, as a
table or JSON lines. Errors are reported per vendor without their secrets, and
what was already fetched is kept.

Example::

    python -m scripts.auditpull --last 24h
    python -m scripts.auditpull --vendor zabbix --since 2024-05-01T00:00:00Z --until 2024-05-02T00:00:00Z --format jsonl
"""

from __future__ import annotations

import argparse
import enum
import heapq
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import TextIO

import attrs

from audit_core import AuditError, check_window


@attrs.frozen
class Event:
    """One audit record of any vendor, normalised: who did what, when, from where."""

    vendor: str
    id: str
    when: datetime
    who: str
    what: str
    where: str

    def as_json(self) -> dict[str, str]:
        """The event as a JSON object, ``when`` in ISO 8601 UTC."""
        return {**attrs.asdict(self), "when": self.when.isoformat().replace("+00:00", "Z")}


#: Pulls one vendor's events in ``[since, until)``; ``base_url`` overrides the SDK's default endpoint.
Puller = Callable[[datetime, datetime, str | None], Iterator[Event]]


def _text(value: object) -> str:
    """Display text of a field: string enums by value, int enums by name, None as nothing."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value) if isinstance(value, str) else value.name
    return str(value)


def pull_voximplant(since: datetime, until: datetime, base_url: str | None) -> Iterator[Event]:
    """GetAuditLog through ``voximplant_audit.Client.from_env()``."""
    from voximplant_audit import Client

    with Client.from_env() if base_url is None else Client.from_env(base_url=base_url) as vox:
        for entry in vox.iter_audit_log(since, until):
            who = entry.subuser_name or (f"subuser {entry.subuser_id}" if entry.subuser_id else "account owner")
            yield Event(
                "voximplant", str(entry.audit_log_id), entry.requested, who, _text(entry.cmd_name), _text(entry.ip)
            )


def pull_navixy(since: datetime, until: datetime, base_url: str | None) -> Iterator[Event]:
    """user/audit/log/list through ``navixy_audit.Client.from_env()``."""
    from navixy_audit import Client

    with Client.from_env(None if base_url is None else {**os.environ, "NAVIXY_URL": base_url}) as nvx:
        for rec in nvx.iter_audit_log(since, until):
            who = f"subuser {rec.subuser_id}" if rec.subuser_id else f"user {rec.user_id}"
            what = f"{_text(rec.action)} {_text(rec.entry_category)}".strip()
            yield Event("navixy", str(rec.id), rec.action_date, who, what, _text(rec.host))


def pull_nlpearl(since: datetime, until: datetime, base_url: str | None) -> Iterator[Event]:
    """POST /v2/Account/AuditLog through ``nlpearl_audit.Client.from_env()``."""
    from nlpearl_audit import Client

    with Client.from_env(base_url=base_url) as pearl:
        for ev in pearl.iter_audit_log(since, until):
            user = ev.user
            who = (user.name or user.id or "") if user else "system"
            if user and user.type is not None:
                who = f"{who} ({_text(user.type).lower()})"
            ip = ev.additional_data.get("ip") or ev.additional_data.get("IpAddress") or ""
            key = f"{ev.timestamp.isoformat()}/{_text(ev.event_type)}/{user.id if user else ''}"
            yield Event("nlpearl", key, ev.timestamp, who, _text(ev.event_type), ip)


def pull_zabbix(since: datetime, until: datetime, base_url: str | None) -> Iterator[Event]:
    """auditlog.get through ``zabbix_audit.Client.from_env()``."""
    from zabbix_audit import Client

    with Client.from_env(base_url=base_url) as zbx:
        for rec in zbx.iter_audit_log(since, until):
            what = f"{_text(rec.action).lower()} {_text(rec.resourcetype).lower()} {rec.resourcename}".strip()
            yield Event("zabbix", rec.auditid, rec.clock, rec.username or f"user {rec.userid}", what, rec.ip)


PULLERS: dict[str, tuple[tuple[str, ...], Puller]] = {
    # vendor: (environment variables of which any one means "configured", puller)
    "voximplant": (("VOXIMPLANT_CREDENTIALS",), pull_voximplant),
    "nlpearl": (("NLPEARL_ACCOUNT_ID",), pull_nlpearl),
    "zabbix": (("ZABBIX_URL",), pull_zabbix),
    "navixy": (("NAVIXY_API_KEY", "NAVIXY_LOGIN"), pull_navixy),
}

_DURATION = re.compile(r"^(\d+)([smhd])$")


def parse_duration(text: str) -> timedelta:
    """``90m``, ``24h``, ``7d`` → a timedelta.

    >>> parse_duration("24h")
    datetime.timedelta(days=1)
    """
    match = _DURATION.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 30m, 24h or 7d")
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[match.group(2)]
    return timedelta(**{unit: int(match.group(1))})


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with its offset (``Z`` allowed); a naive one is refused.

    >>> parse_instant("2024-05-01T00:00:00Z").isoformat()
    '2024-05-01T00:00:00+00:00'
    """
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 date-time") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no time zone: add Z or an offset like +02:00")
    return value.astimezone(UTC)


def configured(environ: dict[str, str] | os._Environ[str]) -> list[str]:
    """The vendors whose configuration is present in ``environ``."""
    return [name for name, (variables, _) in PULLERS.items() if any(environ.get(v) for v in variables)]


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """Print events as aligned columns; return how many."""
    count = 0
    out.write(f"{'when (UTC)':20}  {'vendor':10}  {'who':24}  {'what':32}  where\n")
    for ev in events:
        when = ev.when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        out.write(f"{when:20}  {ev.vendor:10}  {ev.who[:24]:24}  {ev.what[:32]:32}  {ev.where}\n")
        count += 1
    return count


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Print events as JSON lines; return how many."""
    count = 0
    for ev in events:
        out.write(json.dumps(ev.as_json(), ensure_ascii=False) + "\n")
        count += 1
    return count


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a vendor failed, 2 bad usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(prog="auditpull", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--vendor", action="append", choices=sorted(PULLERS), help="repeatable; default: configured")
    parser.add_argument("--since", type=parse_instant, help="ISO 8601 with offset, e.g. 2024-05-01T00:00:00Z")
    parser.add_argument("--until", type=parse_instant, help="default: now")
    parser.add_argument("--last", type=parse_duration, help="instead of --since: e.g. 24h (default 24h)")
    parser.add_argument("--format", choices=["table", "jsonl"], default="table")
    parser.add_argument(
        "--url", action="append", default=[], metavar="VENDOR=URL", help="another endpoint for a vendor; repeatable"
    )
    args = parser.parse_args(argv)
    until: datetime = args.until or datetime.now(UTC)
    since: datetime = args.since or until - (args.last or timedelta(hours=24))
    try:
        check_window(since, until)
    except AuditError as exc:
        err.write(f"auditpull: {exc}\n")
        return 2
    vendors: list[str] = args.vendor or configured(os.environ)
    if not vendors:
        err.write("auditpull: no vendor is configured; set e.g. ZABBIX_URL and ZABBIX_TOKEN (see --help)\n")
        return 2
    urls: dict[str, str] = {}
    for item in args.url:
        name, _, url = item.partition("=")
        if name not in PULLERS or not url:
            err.write(f"auditpull: --url takes VENDOR=URL with VENDOR one of {', '.join(PULLERS)}, not {item!r}\n")
            return 2
        urls[name] = url
    write = write_table if args.format == "table" else write_jsonl
    failed: list[str] = []
    counts = dict.fromkeys(vendors, 0)
    streams = [_guarded(v, PULLERS[v][1](since, until, urls.get(v)), err, failed, counts) for v in vendors]
    # Each vendor's stream is in time order: merge them lazily into one.
    write(heapq.merge(*streams, key=lambda ev: ev.when), out)
    out.flush()
    for vendor, count in counts.items():
        err.write(f"auditpull: {vendor}: {count} records{' (incomplete)' if vendor in failed else ''}\n")
    return 1 if failed else 0


def _guarded(
    vendor: str, events: Iterator[Event], err: TextIO, failed: list[str], counts: dict[str, int]
) -> Iterator[Event]:
    """Yield ``events``; on an SDK error, report it and stop that vendor (what was yielded stays)."""
    try:
        for event in events:
            counts[vendor] += 1
            yield event
    except AuditError as exc:
        failed.append(vendor)
        err.write(f"auditpull: {vendor} failed: {exc}\n")


if __name__ == "__main__":
    raise SystemExit(main())
