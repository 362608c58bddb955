"""The real Zabbix 6.0 of ``scripts/zabbix-server``, seeded once with audit records through its API.

``hostgroup.create`` writes one audit record per host group (action add, resource type host group),
in batches, like a real bulk import. Seeding is idempotent: the groups are named ``bench-NNNNNNN``
and only the missing ones are created, until the audit log holds ``target`` records; a database
reset (``make test`` may reset it) is seen and seeded again. The window measured is
``[2000-01-01, end of seeding)``: logins made later by the benchmarks are outside it.

Worker counts: ``scripts/zabbix-server start --workers N`` (PHP's built-in server, one process per
worker). A script without that option (it always starts 4) is detected; the bench then measures
the 4 workers it gets and says the 1-worker figure is missing. ``BENCH_ZABBIX_URLS=1=URL,4=URL``
names servers started elsewhere instead (e.g. beside another instance that owns the default ports).

Example::

    >>> seed_names(3, 2)
    ['bench-0000003', 'bench-0000004']
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "zabbix-server"
SINCE = datetime(2000, 1, 1, tzinfo=UTC)
BATCH = 2000


class Unavailable(Exception):
    """The real Zabbix could not be started or seeded (the reason is the message)."""


@dataclass
class Server:
    """A running real Zabbix: its API URL and the workers it runs with (None: unknown)."""

    url: str
    workers: int | None
    note: str = ""


def start(workers: int) -> Server:
    """Start (or restart) the real Zabbix with ``workers`` PHP workers."""
    probe = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True, check=False)
    if "--workers" not in probe.stdout + probe.stderr:
        done = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Unavailable(f"scripts/zabbix-server start failed: {(done.stderr or done.stdout).strip()[-400:]}")
        return Server(
            done.stdout.strip().splitlines()[-1],
            4,
            "scripts/zabbix-server has no --workers yet: it always starts 4 (PHP_CLI_SERVER_WORKERS=4)",
        )
    # `start --workers N` restarts a running PHP server whose worker count differs (PostgreSQL stays up)
    done = subprocess.run(
        [str(SCRIPT), "start", "--workers", str(workers)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise Unavailable(f"scripts/zabbix-server start --workers {workers} failed: {done.stderr.strip()[-400:]}")
    return Server(done.stdout.strip().splitlines()[-1], workers)


def given_servers(spec: str) -> dict[int, Server]:
    """Servers started elsewhere, as ``BENCH_ZABBIX_URLS`` names them: ``1=URL,4=URL`` (workers=API URL).

    Both must serve the same database (the seeding is done once, through the first).

    >>> given_servers("1=http://127.0.0.1:1/api_jsonrpc.php")[1].workers
    1
    """
    out = {}
    for item in filter(None, spec.split(",")):
        workers, _, url = item.partition("=")
        out[int(workers)] = Server(url, int(workers), "servers given by BENCH_ZABBIX_URLS, not scripts/zabbix-server")
    return out


def rpc(client: httpx.Client, url: str, method: str, params: Any, auth: str | None = None) -> Any:
    """One JSON-RPC call; the result, or :class:`Unavailable` with the error."""
    body: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params, "id": 1}
    if auth is not None:
        body["auth"] = auth
    answer = client.post(url, json=body).json()
    if "error" in answer:
        raise Unavailable(f"{method}: {answer['error']}")
    return answer["result"]


def seed_names(first: int, count: int) -> list[str]:
    """The names of ``count`` benchmark host groups from number ``first``."""
    return [f"bench-{i:07d}" for i in range(first, first + count)]


def seed(url: str, target: int, state: Path) -> tuple[datetime, datetime, int]:
    """Make the audit log hold at least ``target`` records; the window to read and how many it holds."""
    with httpx.Client(timeout=600) as client:
        session = rpc(client, url, "user.login", {"username": "Admin", "password": "zabbix"})

        def audit_count() -> int:
            return int(rpc(client, url, "auditlog.get", {"countOutput": True}, session))

        groups = int(rpc(client, url, "hostgroup.get", {"countOutput": True, "search": {"name": "bench-"}}, session))
        have = audit_count()
        if have < target and state.exists():
            state.unlink()  # reset since (or never seeded)
        while have < target:
            count = min(BATCH, target - have)
            rpc(client, url, "hostgroup.create", [{"name": n} for n in seed_names(groups, count)], session)
            groups += count
            have = audit_count()
        if state.exists():
            saved = json.loads(state.read_text(encoding="utf-8"))
            until = datetime.fromisoformat(saved["until"])
        else:
            time.sleep(1.0)  # the window ends after the last record of the seeding, on a whole second
            until = datetime.fromtimestamp(int(time.time()), UTC)
            state.parent.mkdir(parents=True, exist_ok=True)
            state.write_text(json.dumps({"until": until.isoformat()}), encoding="utf-8")
        window = {"countOutput": True, "time_from": int(SINCE.timestamp()), "time_till": int(until.timestamp()) - 1}
        records = int(rpc(client, url, "auditlog.get", window, session))
        rpc(client, url, "user.logout", [], session)
    return SINCE, until, records
