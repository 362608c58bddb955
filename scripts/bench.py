"""``make bench``: speed and memory of the SDKs against a baseline measured in the same run.

The baseline is what users of the untyped peers write: httpx, ``json.loads``
and dicts, no retries, no typing. Each scenario runs against the local fake
servers on 127.0.0.1 and reports the SDK's time and peak traced memory as
ratios to the baseline (lower is better; 1.00 means "as fast as raw dicts").
Nothing is asserted: these are figures to watch, not tests.

Example::

    python -m scripts.bench              # all scenarios
    python -m scripts.bench --records 20000
    python -m scripts.bench auditpull    # peak RSS of auditpull export: 100,000 and 1,000,000 records
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import io
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import attrs
import httpx

START = datetime(2024, 5, 1, tzinfo=UTC)


@attrs.frozen
class Figure:
    """One measured run: best wall time over the repeats, and peak traced memory of one run."""

    seconds: float
    peak_bytes: int
    items: int


@contextmanager
def in_child(serve: Callable[[], AbstractContextManager[str]]) -> Iterator[str]:
    """Run a fake server in a forked child process; yield its URL.

    The fakes are Python too: in the same process their allocations would be
    traced with the client's and blur the memory figures.
    """
    ctx = multiprocessing.get_context("fork")
    urls: multiprocessing.Queue[str] = ctx.Queue()
    stop = ctx.Event()

    def run() -> None:
        with serve() as url:
            urls.put(url)
            stop.wait()

    child = ctx.Process(target=run, daemon=True)
    child.start()
    try:
        yield urls.get(timeout=60)
    finally:
        stop.set()
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()


def measure(run: Callable[[], int], repeats: int) -> Figure:
    """Time ``run`` ``repeats`` times (best of), then trace one more run's peak memory."""
    times = []
    items = 0
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        items = run()
        times.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Figure(min(times) if times else statistics.mean(times), peak, items)


def report(name: str, sdk: Figure, base: Figure) -> str:
    """One line: the scenario, both figures and the SDK/baseline ratios."""
    assert sdk.items == base.items, f"{name}: SDK saw {sdk.items} records, baseline {base.items}"
    return (
        f"{name:44} {sdk.items:>7} rec  sdk {sdk.seconds * 1000:8.1f} ms {sdk.peak_bytes / 2**20:7.1f} MiB  "
        f"baseline {base.seconds * 1000:8.1f} ms {base.peak_bytes / 2**20:7.1f} MiB  "
        f"time x{sdk.seconds / base.seconds:5.2f}  memory x{sdk.peak_bytes / max(base.peak_bytes, 1):5.2f}"
    )


def bench_voximplant(records: int, repeats: int) -> list[str]:
    """GetAuditLog paging, and the report export streamed vs downloaded whole."""
    from voximplant_audit import Client, Credentials, JWTAuth
    from voximplant_audit.testing import FakeVoximplant, make_account, make_records

    account = make_account()
    # The export streams: it shows against a baseline holding the whole file once the file is large.
    exported = 5 * records
    rows = make_records(exported, start=START, step=timedelta(seconds=1))
    until = START + timedelta(seconds=records) - timedelta(microseconds=1)
    export_until = START + timedelta(seconds=exported + 1)
    fake = FakeVoximplant(account, rows, report_polls=0, download_mode="gzip-file")
    lines = []
    with in_child(fake.running) as url:
        auth = JWTAuth(Credentials.from_mapping(account.credentials()))
        with Client(account.credentials(), base_url=url) as vox, httpx.Client(base_url=url, auth=auth) as raw:

            def sdk_pages() -> int:
                return sum(1 for _ in vox.iter_audit_log(START, until, page_size=1000))

            def raw_pages() -> int:
                seen, offset = 0, 0
                while True:
                    params: dict[str, str | int] = {
                        "from_date": "2024-05-01 00:00:00",
                        "to_date": until.strftime("%Y-%m-%d %H:%M:%S"),
                        "count": 1000,
                        "offset": offset,
                    }
                    page = raw.post("/GetAuditLog", params=params).json()["result"]
                    seen += len(page)
                    offset += len(page)
                    if len(page) < 1000:
                        return seen

            lines.append(
                report("voximplant GetAuditLog pages (1000)", measure(sdk_pages, repeats), measure(raw_pages, repeats))
            )

            def sdk_export() -> int:
                return sum(1 for _ in vox.export_audit_log(START, export_until, poll_interval=0.01))

            def raw_export() -> int:
                params = {"from_date": "2024-05-01 00:00:00", "to_date": export_until.strftime("%Y-%m-%d %H:%M:%S")}
                report_id = raw.post("/GetAuditLogAsync", params=params).json()["history_report_id"]
                while (
                    not raw.post("/GetHistoryReports", params={"history_report_id": report_id})
                    .json()["result"][0]
                    .get("completed")
                ):
                    time.sleep(0.01)
                body = raw.post("/DownloadHistoryReport", params={"history_report_id": report_id}).content
                return len(list(csv.DictReader(io.StringIO(gzip.decompress(body).decode("utf-8-sig")))))

            lines.append(
                report(
                    "voximplant export (GetAuditLogAsync, gzip CSV)",
                    measure(sdk_export, repeats),
                    measure(raw_export, repeats),
                )
            )
    return lines


def bench_navixy(records: int, repeats: int) -> list[str]:
    """user/audit/log/list: the SDK's exact time-sliced paging vs naive limit/offset."""
    from navixy_audit import Client
    from navixy_audit.testing import NavixyFake, running

    fake = NavixyFake()
    key = "0123456789abcdef0123456789abcdef"
    fake.add_api_key(key)
    for i in range(records):
        fake.add(START + timedelta(seconds=i // 3), subuser_id=100 + i % 5, action="update", entry_category="tracker")
    until = START + timedelta(seconds=records // 3 + 1)
    with (
        running(fake) as (_, url),
        Client(base_url=url, api_key=key) as nvx,
        httpx.Client(base_url=url, headers={"Authorization": f"NVX {key}"}) as raw,
    ):

        def sdk() -> int:
            return sum(1 for _ in nvx.iter_audit_log(START, until, page_size=1000))

        def naive() -> int:
            seen, offset = 0, 0
            while True:
                body = {"from": START.isoformat(), "to": until.isoformat(), "limit": 1000, "offset": offset}
                answer = raw.post("/user/audit/log/list", json=body, headers={"NVX-ISO-DateTime": "true"})
                page = answer.json()["list"]
                seen += len(page)
                offset += len(page)
                if len(page) < 1000:
                    return seen

        lines = [report("navixy audit/log/list (1000, ties of 3)", measure(sdk, repeats), measure(naive, repeats))]
    return lines


def bench_nlpearl(records: int, repeats: int) -> list[str]:
    """POST /v2/Account/AuditLog: the SDK's daily windows vs one raw request for the whole range."""
    from nlpearl_audit import Client
    from nlpearl_audit.testing import NLPearlFake

    fake = NLPearlFake()
    for i in range(records):
        fake.add(START + timedelta(seconds=30 * i), 2, user={"id": f"u{i % 7}", "name": "n", "type": 1})
    until = START + timedelta(seconds=30 * records + 1)
    with (
        fake.running() as url,
        Client(account_id=fake.account_id, secret_key=fake.secret_key, base_url=url) as pearl,
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {fake.account_id}:{fake.secret_key}"}) as raw,
    ):

        def sdk() -> int:
            return sum(1 for _ in pearl.iter_audit_log(START, until))

        def whole() -> int:
            body = {"from": START.isoformat(), "to": until.isoformat()}
            return len(raw.post("/v2/Account/AuditLog", json=body).json())

        return [report("nlpearl AuditLog (1-day windows vs one call)", measure(sdk, repeats), measure(whole, repeats))]


def bench_zabbix(records: int, repeats: int) -> list[str]:
    """auditlog.get: the SDK's exact keyset paging vs one unpaged call (what most scripts do)."""
    from zabbix_audit import Client
    from zabbix_audit.testing import FakeZabbix, running

    fake = FakeZabbix()
    first = int(START.timestamp())
    for second in range(records // 50):
        fake.add_records(50, clock=first + second)
    until = START + timedelta(seconds=records // 50 + 1)

    @contextmanager
    def serve() -> Iterator[str]:
        with running(fake) as (_, url):
            yield url

    with (
        in_child(serve) as url,
        Client(url, username="Admin", password="zabbix") as zbx,
        httpx.Client(base_url=url) as raw,
    ):

        def sdk() -> int:
            return sum(1 for _ in zbx.iter_audit_log(START, until, page_size=1000))

        def rpc(method: str, params: object, auth: str | None = None) -> object:
            body = {"jsonrpc": "2.0", "method": method, "params": params, "id": 1, "auth": auth}
            if auth is None:
                del body["auth"]
            return raw.post("/api_jsonrpc.php", json=body).json()["result"]

        session = str(rpc("user.login", {"username": "Admin", "password": "zabbix"}))

        def unpaged() -> int:
            window = {"output": "extend", "time_from": first, "time_till": int(until.timestamp()) - 1}
            result = rpc("auditlog.get", window, session)
            return len(result) if isinstance(result, list) else 0

        return [report("zabbix auditlog.get (1000, 50 per second)", measure(sdk, repeats), measure(unpaged, repeats))]


class _SyntheticPearl(BaseHTTPRequestHandler):
    """NLPearl's audit endpoint over ``total`` synthetic events, one every ``step``, made per request.

    The fakes hold their records in lists and scan them per request: fine for tests, too slow for
    a million records. This one makes the events of the window asked for, so the server is never
    the bottleneck (and it runs in a child process, outside what is measured).
    """

    total = 0
    step = timedelta(seconds=60)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        """Answer one window: events with ``from <= t <= to``, newest first."""
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        first, last = (datetime.fromisoformat(body[k].replace("Z", "+00:00")) for k in ("from", "to"))
        lo = max(0, -(-(first - START) // self.step))
        hi = min(self.total - 1, (last - START) // self.step)
        events = [
            {
                "timestamp": (START + k * self.step).isoformat().replace("+00:00", "Z"),
                "eventType": 30 + k % 2,
                "user": {"id": f"u{k % 97}", "name": "Bench User", "type": 1},
                "additionalData": {"ip": "198.51.100.7"},
            }
            for k in range(hi, lo - 1, -1)
        ]
        data = json.dumps(events).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def bench_auditpull(sizes: tuple[int, ...] = (100_000, 1_000_000)) -> list[str]:
    """Peak RSS of ``auditpull export --state`` to JSONL of ``sizes`` records (NLPearl-shaped, synthetic).

    The run is a child process; its peak resident memory comes from ``wait4``. The target is
    under 150 MB for both sizes: output is streamed, so memory must not grow with the count.
    """
    from audit_core.testing.servers import base_url, serve

    lines = []
    for total in sizes:
        handler = type("Pearl", (_SyntheticPearl,), {"total": total})

        @contextmanager
        def server(handler: type[BaseHTTPRequestHandler] = handler) -> Iterator[str]:
            with serve(handler) as srv:
                yield base_url(srv)

        with in_child(server) as url, tempfile.TemporaryDirectory(prefix="bench-auditpull-") as tmp:
            until = START + total * _SyntheticPearl.step
            env = {
                **os.environ,
                "NLPEARL_ACCOUNT_ID": "bench",
                "NLPEARL_SECRET_KEY": "bench-key",
                "NLPEARL_BASE_URL": url,
            }
            out = Path(tmp) / "audit.jsonl"
            cmd = [
                sys.executable,
                "-m",
                "auditpull",
                "export",
                "nlpearl",
                "--since",
                START.isoformat(),
                "--until",
                until.isoformat(),
                "--output",
                str(out),
                "--state",
                str(Path(tmp) / "audit.state"),
                "--quiet",
            ]
            started = time.perf_counter()
            child = subprocess.Popen(cmd, env=env)
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - started
            with out.open("rb") as stream:
                written = sum(1 for _ in stream)
            peak = usage.ru_maxrss / 1024  # KiB on Linux
            verdict = "ok" if peak < 150 and written == total and status == 0 else "OVER TARGET OR INCOMPLETE"
            lines.append(
                f"auditpull export --state, jsonl {total:>9} rec  {seconds:7.1f} s  peak RSS {peak:6.1f} MiB "
                f"(target < 150)  wrote {written}  {verdict}"
            )
    return lines


BENCHES: dict[str, Callable[[int, int], list[str]]] = {
    "voximplant": bench_voximplant,
    "navixy": bench_navixy,
    "nlpearl": bench_nlpearl,
    "zabbix": bench_zabbix,
    "auditpull": lambda records, repeats: bench_auditpull(),
}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print one line per scenario."""
    parser = argparse.ArgumentParser(description="SDK vs raw-httpx baseline, same run, same fakes.")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("vendors", nargs="*", choices=[*BENCHES, []])
    args = parser.parse_args(argv)
    print(f"records={args.records} repeats={args.repeats} (time: best of repeats; memory: tracemalloc peak)")
    for vendor in args.vendors or BENCHES:
        for line in BENCHES[vendor](args.records, args.repeats):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
