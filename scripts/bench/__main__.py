"""``make bench``: the benchmark suite of issue 10; writes ``BENCHMARKS.md``.

Every figure is a ratio to a baseline measured in the same run, on the same machine: medians of
several runs with their spread (min to max); memory is one run each. The peers (voximplant-apiclient,
zabbix-utils, nlpearl) and pyinstrument live in the benchmark environment only (``.venv-bench``,
made by ``make bench``), never in our packages' dependencies. Nothing here is a test: nothing fails
on a figure.

Tables: the fakes at scale (their own time per page), typed decoding, end-to-end pulls with 20 ms a
request, the real Zabbix 6.0, flat memory, start-up, ``make generate``; then profiles of the worst
misses.

Example::

    python -m scripts.bench                 # everything, full size (about half an hour, more with seeding)
    python -m scripts.bench --quick         # reduced sizes and runs: checks the suite works
    python -m scripts.bench --only decode,pull --out /tmp/b.md
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scripts.bench import profile, zabbix_real
from scripts.bench.data import PAGE, VENDORS, build, page_body
from scripts.bench.decode import decoders, full_readers
from scripts.bench.report import Row, Sample, Table, machine

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "bench"
CREDENTIALS = CACHE / "voximplant-credentials.json"
NOTES = Path(__file__).with_name("notes.md")
LATENCY = 0.02
SECTIONS = ("fakes", "decode", "pull", "concurrency", "zabbix", "memory", "auditpull", "startup", "generate", "profile")
NAMES = {"voximplant": "Voximplant", "navixy": "Navixy", "nlpearl": "NLPearl", "zabbix": "Zabbix"}
PEERS = {
    "voximplant": "voximplant-apiclient count/offset loop",
    "navixy": "plain httpx limit/offset loop (no peer)",
    "nlpearl": "nlpearl get_audit_log, one call per day",
    "zabbix": "zabbix-utils auditlog.get paged by time",
}


@dataclass
class Sizes:
    """How big and how often: full (the issue's sizes) or quick (a check that the suite runs)."""

    pull: int
    runs: int
    memory: tuple[int, int]
    store: int
    zabbix: int
    decode_runs: int
    startup_runs: int
    generate_runs: int


FULL = Sizes(100_000, 5, (100_000, 1_000_000), 1_000_000, 100_000, 7, 9, 3)
QUICK = Sizes(10_000, 3, (10_000, 100_000), 100_000, 10_000, 5, 5, 1)


# ------------------------------------------------------------------ processes


@contextmanager
def served(vendor: str, records: int, latency: float = 0.0) -> Iterator[dict[str, Any]]:
    """A fake holding ``records`` records, served by its own process; yields its URL and window."""
    command = [sys.executable, "-m", "scripts.bench.serve", vendor, str(records), "--latency", str(latency)]
    command += ["--account", str(CREDENTIALS)]
    server = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        if not line:
            raise RuntimeError(f"the {vendor} fake did not start")
        yield json.loads(line)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def child(job: dict[str, Any]) -> dict[str, Any]:
    """Run one measured job in a fresh process (scripts/bench/child.py); its figures."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench.child", json.dumps(job)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"job {job['kind']} {job['vendor']} {job.get('variant')} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def job_for(server: dict[str, Any], vendor: str, variant: str, kind: str = "pull") -> dict[str, Any]:
    """The child job pulling the whole window of ``server``."""
    return {
        "kind": kind,
        "vendor": vendor,
        "variant": variant,
        "url": server["url"],
        "since": server["since"],
        "until": server["until"],
        "credentials": str(CREDENTIALS),
        "api_key": server.get("api_key"),
        "page_size": PAGE,
    }


def log(text: str) -> None:
    """Progress on stderr."""
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {text}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ the tables


def table_fakes(sizes: Sizes) -> Table:
    """The fakes' own time to answer one 1,000-record page of a large store (no HTTP, in this process)."""
    table = Table(
        "Fakes at scale",
        f"Each fake's own time to answer one {PAGE:,}-record page (selection and JSON encoding, no HTTP) from a "
        f"store of {sizes.store:,} records, at 20 random offsets of the whole window; and the time to bulk-load "
        "that store. The target: a few milliseconds a page, so the fakes are not what the pulls measure.",
        "—",
        ours="the fake's time per page",
    )
    rng = random.Random(1)
    for vendor in VENDORS:
        started = time.perf_counter()
        fake, since, until = build(vendor, sizes.store)
        built = time.perf_counter() - started
        pages = []
        for _ in range(20):
            offset = rng.randrange(0, sizes.store - PAGE)
            t0 = time.perf_counter()
            body = page_body(vendor, fake, since, until, offset)
            pages.append(time.perf_counter() - t0)
            assert body.count(b"{") >= PAGE, vendor
        del fake
        table.rows.append(
            Row(
                f"{NAMES[vendor]}: one page",
                Sample(pages),
                target=None,
                target_text="a few ms",
                note=f"store loaded in {built:.1f} s",
            )
        )
        log(f"fakes: {vendor} page {statistics.median(pages) * 1000:.1f} ms")
    table.machine = machine()
    return table


def _decode_samples(
    ours: Callable[[bytes], int], base: Callable[[bytes], int], body: bytes, runs: int, collect: bool = True
) -> tuple[Sample, Sample]:
    """Each side's mean time over 20 decodes of ``body``, ``runs`` times, interleaved; the cyclic GC on or off."""
    mine: list[float] = []
    theirs: list[float] = []
    try:
        if not collect:
            gc.disable()
        for _ in range(runs):
            for side, out in ((ours, mine), (base, theirs)):
                t0 = time.perf_counter()
                for _ in range(20):
                    side(body)
                out.append((time.perf_counter() - t0) / 20)
    finally:
        gc.enable()
    return Sample(mine), Sample(theirs)


def table_decode(sizes: Sizes) -> Table:
    """Typed decoding against json.loads into dicts, per vendor's record."""
    table = Table(
        "Typed decoding",
        f"From the bytes of one {PAGE:,}-record answer (the fake's own) to our typed records, against "
        "`json.loads` of the same bytes into dicts. Each run is the mean of 20 decodes; "
        f"{sizes.decode_runs} runs. Target (1): typed decoding at least as fast as dicts, ratio <= 1.0. "
        "Records are decoded lazily: id and time (what the pagers need, checked as before) at once, the other "
        "fields on first access. Reported below the targets: the same with Python's cyclic GC off (each typed "
        "record is one more GC-tracked object than the dicts hold), and decoding then reading every field of "
        "every record (what laziness defers).",
        "json.loads into dicts",
    )
    pages: list[tuple[str, bytes]] = []
    for vendor in VENDORS:
        fake, since, until = build(vendor, PAGE)
        body = page_body(vendor, fake, since, until)
        ours, base = decoders(vendor)
        assert ours(body) == base(body) == PAGE
        mine, theirs = _decode_samples(ours, base, body, sizes.decode_runs)
        table.rows.append(Row(f"{NAMES[vendor]} ({len(body) // 1024} KiB page)", mine, theirs, 1.0, "<= 1.0"))
        log(f"decode: {vendor} x{mine.median / theirs.median:.2f}")
        pages.append((vendor, body))
    for vendor, body in pages:
        ours, base = decoders(vendor)
        mine, theirs = _decode_samples(ours, base, body, sizes.decode_runs, collect=False)
        table.rows.append(Row(f"{NAMES[vendor]}: the same, cyclic GC off", mine, theirs, None, "reported"))
        log(f"decode, gc off: {vendor} x{mine.median / theirs.median:.2f}")
    for vendor, body in pages:
        ours, base = full_readers(vendor)
        assert ours(body) == base(body) == PAGE
        mine, theirs = _decode_samples(ours, base, body, sizes.decode_runs)
        table.rows.append(
            Row(
                f"{NAMES[vendor]}: decode, then read every field of every record",
                mine,
                theirs,
                target=None,
                target_text="reported",
                note="fields decoded on first access",
            )
        )
        log(f"decode + read all: {vendor} x{mine.median / theirs.median:.2f}")
    table.machine = machine()
    return table


#: The values of ``concurrency=`` measured to choose its default (audit_core.DEFAULT_CONCURRENCY).
CONCURRENCIES = (1, 2, 4, 8, 16)


def table_concurrency(sizes: Sizes) -> Table:
    """How the pull time falls with ``concurrency=``, against one request at a time: what the default is chosen by."""
    from audit_core import DEFAULT_CONCURRENCY

    n = sizes.pull
    runs = max(3, sizes.runs - 2)
    table = Table(
        "Concurrency",
        f"{n:,} records from the Navixy and Zabbix fakes ({LATENCY * 1000:.0f} ms added to every request), our "
        f"clients with each `concurrency=` against the same client with `concurrency=1` (one request at a time); "
        f"{runs} runs each, interleaved, fresh processes. Reported: the default, {DEFAULT_CONCURRENCY}, is chosen "
        "from it (the smallest value that gets most of the gain, so a vendor's server is asked for little more).",
        "concurrency=1",
    )
    for vendor in ("navixy", "zabbix"):
        with served(vendor, n, LATENCY) as server:
            for variant in ("async", "sync"):
                times: dict[int, list[float]] = {c: [] for c in CONCURRENCIES}
                for _ in range(runs):
                    for c in CONCURRENCIES:
                        result = child({**job_for(server, vendor, variant), "concurrency": c})
                        times[c].append(result["seconds"])
                base = Sample(times[1])
                for c in CONCURRENCIES[1:]:
                    mark = " (the default)" if c == DEFAULT_CONCURRENCY else ""
                    table.rows.append(Row(f"{NAMES[vendor]} {variant}, concurrency={c}{mark}", Sample(times[c]), base))
                medians = ", ".join(f"{c}: {statistics.median(v):.2f} s" for c, v in times.items())
                log(f"concurrency: {vendor} {variant} {medians}")
    table.machine = machine()
    return table


#: The issue's targets for end-to-end pulls: (async, sync) highest ratios ours / peer.
PULL_TARGETS = {"voximplant": (0.1, 1 / 3), "navixy": (0.25, 1.0), "nlpearl": (0.25, 1.0), "zabbix": (0.25, 1.0)}


def table_pull(sizes: Sizes) -> tuple[Table, dict[str, dict[str, Sample]]]:
    """End-to-end pulls with 20 ms a request, the fake in its own process, against each peer's obvious loop."""
    n = sizes.pull
    table = Table(
        "End-to-end pulls",
        f"{n:,} records from each vendor's fake (its own process, {LATENCY * 1000:.0f} ms added to every request), "
        f"pages of {PAGE:,} (NLPearl: {n // PAGE} one-day windows of {PAGE:,}); {sizes.runs} runs of each side, "
        "interleaved, each in a fresh process (imports and client construction not timed). Targets (2): Voximplant "
        "async >= 10x faster than its peer, sync >= 3x; the others async >= 4x, sync never slower.",
        "peer's obvious loop",
    )
    figures: dict[str, dict[str, Sample]] = {}
    for vendor in VENDORS:
        runs: dict[str, list[float]] = {"sync": [], "async": [], "peer": []}
        with served(vendor, n, LATENCY) as server:
            for _ in range(sizes.runs):
                for variant in runs:
                    result = child(job_for(server, vendor, variant))
                    if result["records"] != n:
                        raise RuntimeError(f"{vendor} {variant} pulled {result['records']} records, not {n}")
                    runs[variant].append(result["seconds"])
        samples = {variant: Sample(values) for variant, values in runs.items()}
        figures[vendor] = samples
        requests = -(-n // PAGE)
        floor = f"floor {requests} x {LATENCY * 1000:.0f} ms = {requests * LATENCY:.1f} s serial"
        async_target, sync_target = PULL_TARGETS[vendor]
        table.rows += [
            Row(
                f"{NAMES[vendor]} async vs {PEERS[vendor]}",
                samples["async"],
                samples["peer"],
                async_target,
                f"<= {async_target:.2f}",
            ),
            Row(
                f"{NAMES[vendor]} sync vs {PEERS[vendor]}",
                samples["sync"],
                samples["peer"],
                sync_target,
                f"<= {sync_target:.2f}",
                note=floor,
            ),
        ]
        log(f"pull: {vendor} " + ", ".join(f"{k} {v.median:.2f} s" for k, v in samples.items()))
    table.notes.append(
        "Over plain HTTP on 127.0.0.1: the peers that open a connection per request pay no TLS handshake here, "
        "which would cost them more against the real vendors."
    )
    table.notes.append(
        "Zabbix's peer loop reads from the last page's last second on (`time_from`), skipping the ids it has "
        "seen there; Navixy's baseline pages `limit`/`offset` sorted by `action_datetime`."
    )
    table.machine = machine()
    return table, figures


def table_zabbix(sizes: Sizes) -> Table:
    """Real Zabbix 6.0: our typed iteration against one unpaged zabbix-utils call, with 1 and 4 PHP workers."""
    table = Table(
        "Real Zabbix 6.0",
        f"About {sizes.zabbix:,} audit records in a real Zabbix 6.0 (scripts/zabbix-server: PHP's built-in server, "
        "PostgreSQL), seeded once through the API (`hostgroup.create` in batches; reused by later runs). Ours: "
        "the default paged iteration, typed; the peer: one unpaged zabbix-utils `auditlog.get`. "
        f"{sizes.runs} runs each, interleaved, in fresh processes. Targets (3): with one worker <= 1.0x the peer's "
        "time, with four <= 0.7x; peak RSS <= 0.35x the peer's.",
        "zabbix-utils, one unpaged call",
    )
    table.machine = machine()
    given = zabbix_real.given_servers(os.environ.get("BENCH_ZABBIX_URLS", ""))
    plans: list[int] = sorted(given) if given else [1, 4]
    seeded: tuple[datetime, datetime, int] | None = None
    for workers in plans:
        try:
            server = given[workers] if given else zabbix_real.start(workers)
            if server.workers != workers:
                table.notes.append(f"{workers} worker(s): not measured: {server.note}")
                if workers != 4:
                    continue
            elif server.note and server.note not in table.notes:
                table.notes.append(server.note)
            if seeded is None:
                log(f"zabbix: seeding {server.url} to {sizes.zabbix:,} audit records if it holds fewer")
                seeded = zabbix_real.seed(server.url, sizes.zabbix, CACHE / "zabbix-seed.json")
        except (zabbix_real.Unavailable, OSError) as exc:
            table.notes.append(f"Not run: {exc}")
            table.rows.append(Row("real Zabbix", None, None, None, note="not run"))
            return table
        since, until, count = seeded
        REAL_ZABBIX.setdefault("job", {"url": server.url, "since": since.isoformat(), "until": until.isoformat()})
        runs: dict[str, list[dict[str, Any]]] = {"sync": [], "async": [], "unpaged": []}
        for _ in range(sizes.runs):
            for variant in runs:
                job = {
                    "kind": "pull",
                    "vendor": "zabbix",
                    "variant": variant,
                    "url": server.url,
                    "since": since.isoformat(),
                    "until": until.isoformat(),
                    "page_size": None,
                }
                result = child(job)
                if result["records"] != count:
                    raise RuntimeError(f"zabbix {variant} read {result['records']} records, not {count}")
                runs[variant].append(result)
        label = f"{server.workers} worker{'s' if server.workers != 1 else ''}"
        target = 1.0 if server.workers == 1 else 0.7
        peer_time = Sample([r["seconds"] for r in runs["unpaged"]])
        peer_rss = Sample([r["peak_rss_kb"] for r in runs["unpaged"]], "KiB")
        for variant in ("sync", "async"):
            table.rows.append(
                Row(
                    f"{label}, {count:,} records: time, ours {variant}",
                    Sample([r["seconds"] for r in runs[variant]]),
                    peer_time,
                    target,
                    f"<= {target}",
                )
            )
        table.rows.append(
            Row(
                f"{label}: peak RSS, ours sync",
                Sample([r["peak_rss_kb"] for r in runs["sync"]], "KiB"),
                peer_rss,
                0.35,
                "<= 0.35",
            )
        )
        log(
            f"zabbix real {label}: "
            + ", ".join(f"{k} {statistics.median(r['seconds'] for r in v):.2f} s" for k, v in runs.items())
        )
    table.machine = machine()
    return table


#: The first real Zabbix measured (URL and window), for its profile.
REAL_ZABBIX: dict[str, dict[str, Any]] = {}


def table_memory(sizes: Sizes) -> Table:
    """Flat memory: peak RSS of a pull and of the Voximplant export, large against small."""
    small, big = sizes.memory
    table = Table(
        "Flat memory",
        f"Peak RSS (VmHWM) of a fresh process pulling every record with our sync client, {big:,} records against "
        f"{small:,}; and of the Voximplant report export (GetAuditLogAsync, gzip'd CSV streamed). One run each, no "
        "added latency. Target (4): the ratio <= 1.1.",
        f"same at {small:,} records",
    )
    for vendor, kind in [*((v, "pull") for v in VENDORS), ("voximplant", "export")]:
        figures = []
        for n in (small, big):
            with served(vendor, n) as server:
                result = child(job_for(server, vendor, "sync", kind))
            if result["records"] != n:
                raise RuntimeError(f"{vendor} {kind} saw {result['records']} records, not {n}")
            figures.append(result["peak_rss_kb"])
        what = "report export" if kind == "export" else "pull"
        table.rows.append(
            Row(
                f"{NAMES[vendor]} {what}, {big:,} records",
                Sample([figures[1]], "KiB"),
                Sample([figures[0]], "KiB"),
                1.1,
                "<= 1.1",
            )
        )
        log(f"memory: {vendor} {kind} {figures[0] // 1024} -> {figures[1] // 1024} MiB")
    table.machine = machine()
    return table


#: Runs argv[1:] and prints its peak RSS in KiB (RUSAGE_CHILDREN), exiting with its status.
_PEAK_RSS = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
)


def table_auditpull(sizes: Sizes) -> Table:
    """Peak RSS of ``auditpull export --state`` to JSONL, small and large: streamed, so flat (issue 11)."""
    from nlpearl_audit.testing import NLPearlFake

    small, big = sizes.memory
    table = Table(
        "auditpull export",
        f"Peak RSS (ru_maxrss) of `auditpull export nlpearl --state --output FILE` (JSON lines) of {small:,} and "
        f"{big:,} NLPearl records from the fake in its own process; one run each. Target (issue 11): under 150 MB "
        "for both.",
        "150 MB",
        ours="peak RSS",
    )
    default = NLPearlFake()
    for n in (small, big):
        with served("nlpearl", n) as server, tempfile.TemporaryDirectory(prefix="bench-auditpull-") as tmp:
            out = Path(tmp) / "audit.jsonl"
            env = {
                **os.environ,
                "NLPEARL_ACCOUNT_ID": default.account_id,
                "NLPEARL_SECRET_KEY": default.secret_key,
                "NLPEARL_BASE_URL": server["url"],
            }
            command = [sys.executable, "-m", "auditpull", "export", "nlpearl", "--since", server["since"]]
            command += ["--until", server["until"], "--output", str(out), "--state", str(Path(tmp) / "s"), "--quiet"]
            # Through a small launcher: Linux counts the RSS a process had when it forked into its child's
            # ru_maxrss, and this process holds far more than the export. The launcher's own child is clean.
            done = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], cwd=ROOT, env=env, capture_output=True)
            status, peak = done.returncode, int(done.stdout.decode().split()[-1])
            with out.open("rb") as stream:
                written = sum(1 for _ in stream)
        if status != 0 or written != n:
            raise RuntimeError(f"auditpull export of {n} records wrote {written} (status {status})")
        table.rows.append(Row(f"{n:,} records", Sample([peak], "KiB"), Sample([150 * 1024], "KiB"), 1.0, "< 150 MB"))
        log(f"auditpull: {n} records, peak {peak // 1024} MiB")
    table.machine = machine()
    return table


def _startup_code(vendor: str, side: str, zabbix_url: str) -> str:
    """A program timing a cold import plus a client's construction; prints the seconds."""
    body = {
        ("voximplant", "ours"): "import voximplant_audit\n"
        f"c = voximplant_audit.Client(json.load(open({str(CREDENTIALS)!r})), base_url='http://127.0.0.1:9/p')",
        ("voximplant", "peer"): "from voximplant.apiclient.client import VoximplantAPI\n"
        f"c = VoximplantAPI(credentials_file_path={str(CREDENTIALS)!r})",
        ("zabbix", "ours"): f"import zabbix_audit\nc = zabbix_audit.Client({zabbix_url!r}, token='0' * 64)",
        ("zabbix", "peer"): f"import zabbix_utils\nc = zabbix_utils.ZabbixAPI(url={zabbix_url + '/api_jsonrpc.php'!r})",
        ("nlpearl", "ours"): "import nlpearl_audit\nc = nlpearl_audit.Client(account_id='a', secret_key='s')",
        ("nlpearl", "peer"): "import nlpearl\nnlpearl.api_key = 'a:s'",
        ("navixy", "ours"): "import navixy_audit\nc = navixy_audit.Client(api_key='0123456789abcdef0123456789abcdef')",
        ("httpx", "ours"): "import httpx",
    }[(vendor, side)]
    return "import json, time\nt = time.perf_counter()\n" + body + "\nprint(time.perf_counter() - t)\n"


def table_startup(sizes: Sizes) -> Table:
    """Start-up: cold import plus a client's construction, in fresh interpreters, against the peers."""
    table = Table(
        "Start-up",
        "A fresh interpreter's import of the package plus the construction of a client (interpreter start-up not "
        f"counted), every package's modules compiled beforehand as an install does; {sizes.startup_runs} runs each, "
        "interleaved. zabbix-utils asks the server its version while "
        "it is constructed (a fake Zabbix on 127.0.0.1 answers, about a millisecond). Targets (5): Voximplant "
        "<= 1.0x its peer's; Zabbix and NLPearl <= 1.5x; Navixy reported only.",
        "peer",
    )
    targets = {"voximplant": 1.0, "zabbix": 1.5, "nlpearl": 1.5}
    # Compiled first, as a wheel install is (pip compiles the peers' files when it installs them; our
    # editable install under PYTHONDONTWRITEBYTECODE would otherwise compile ours in every run).
    subprocess.run([sys.executable, "-m", "compileall", "-q", "overlays", "generated"], cwd=ROOT, check=True)
    with served("zabbix", 0) as zabbix:
        url = zabbix["url"]
        cases = [(v, s) for v in ("voximplant", "zabbix", "nlpearl") for s in ("ours", "peer")]
        cases += [("navixy", "ours"), ("httpx", "ours")]
        runs: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
        for _ in range(sizes.startup_runs):
            for case in cases:
                done = subprocess.run(
                    [sys.executable, "-c", _startup_code(*case, url)],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs[case].append(float(done.stdout.strip()))
    for vendor, target in targets.items():
        table.rows.append(
            Row(
                f"{NAMES[vendor]}",
                Sample(runs[(vendor, "ours")]),
                Sample(runs[(vendor, "peer")]),
                target,
                f"<= {target}",
            )
        )
    table.rows.append(Row("Navixy (no peer)", Sample(runs[("navixy", "ours")])))
    table.rows.append(Row("`import httpx` alone (our floor)", Sample(runs[("httpx", "ours")])))
    log("startup: done")
    table.machine = machine()
    return table


def table_generate(sizes: Sizes) -> Table:
    """The wall time of `make generate`, reported only."""
    table = Table(
        "Generation",
        f"Wall time of `make generate` (openapi-python-client for the four vendors, with our templates); "
        f"{sizes.generate_runs} run(s). Reported only (6).",
        "—",
    )
    runs = []
    for _ in range(sizes.generate_runs):
        t0 = time.perf_counter()
        subprocess.run(["make", "-s", "generate"], cwd=ROOT, capture_output=True, check=True)
        runs.append(time.perf_counter() - t0)
    table.rows.append(Row("make generate", Sample(runs)))
    log(f"generate: {statistics.median(runs):.1f} s")
    table.machine = machine()
    return table


# ------------------------------------------------------------------ profiles


def profiles(decode: Table | None, pulls: dict[str, dict[str, Sample]] | None, sizes: Sizes) -> str:
    """Profiles of the worst misses: each vendor's decoding, and the worst sync and async pulls."""
    parts = [
        "## Profiles of the misses\n\nTaken with pyinstrument (benchmark environment only) in this run: the top "
        "frames by own time, with their cumulative share. This is what the next pass optimizes.\n"
    ]
    if decode is not None:
        for vendor in sorted(VENDORS, key=lambda v: -_ratio(decode, NAMES[v])):
            fake, since, until = build(vendor, PAGE)
            body = page_body(vendor, fake, since, until)
            ours, _ = decoders(vendor)
            parts.append(
                profile.markdown(
                    f"Decoding a {NAMES[vendor]} page",
                    f"one {PAGE:,}-record answer decoded 40 times",
                    functools.partial(ours, body),
                    40,
                )
            )
    if pulls:
        from scripts.bench import child as runner

        for variant in ("sync", "async"):
            worst = max(pulls, key=lambda v: pulls[v][variant].median / pulls[v]["peer"].median)
            with served(worst, sizes.pull, LATENCY) as server:
                job = job_for(server, worst, variant)
                # The sync client works in threads, which the profiler does not see: one request at a
                # time shows the same code's costs in the main thread.
                serial = variant == "sync"
                if serial:
                    job["concurrency"] = 1
                run = runner.prepare(job)
                parts.append(
                    profile.markdown(
                        f"{NAMES[worst]} {variant} pull (the worst {variant} ratio)"
                        + (", with concurrency=1" if serial else ""),
                        f"{sizes.pull:,} records, {LATENCY * 1000:.0f} ms a request, the fake in its own process; "
                        "time spent waiting for the server shows under the socket and event-loop frames",
                        run,
                    )
                )
    if "job" in REAL_ZABBIX:
        from scripts.bench import child as runner

        job = {"kind": "pull", "vendor": "zabbix", "variant": "async", "page_size": None, **REAL_ZABBIX["job"]}
        parts.append(
            profile.markdown(
                "Zabbix async pull from the real Zabbix 6.0 (the worst miss of all; async, as the profiler "
                "does not see the sync client's threads)",
                f"the default paged iteration of the seeded window, one worker's server ({job['url']})",
                runner.prepare(job),
            )
        )
    return "\n".join(parts)


def _ratio(table: Table, name: str) -> float:
    return next((row.ratio or 0.0 for row in table.rows if row.name.startswith(name)), 0.0)


# ------------------------------------------------------------------ main


def versions() -> str:
    """The peers and tools measured, as installed here."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("voximplant-apiclient", "zabbix-utils", "nlpearl", "httpx", "attrs", "pyinstrument"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def summary(tables: list[Table]) -> str:
    """Every target: met or missed."""
    lines = ["## Targets at a glance", "", "| benchmark | row | ratio | target | verdict |", "|---|---|---|---|---|"]
    for table in tables:
        for row in table.rows:
            if row.target is not None or row.verdict == "not run":
                ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
                verdict = f"**{row.verdict}**" if row.verdict == "missed" else row.verdict
                lines.append(f"| {table.title} | {row.name} | {ratio} | {row.target_text} | {verdict} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the suite and write the report."""
    parser = argparse.ArgumentParser(description="The benchmark suite of issue 10.")
    parser.add_argument("--quick", action="store_true", help="reduced sizes and runs, to check the suite works")
    parser.add_argument("--only", help=f"comma-separated sections of {','.join(SECTIONS)}")
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out")
    parser.add_argument("--runs", type=int, help="runs of each timed side (default 5; quick 3)")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes.runs = args.runs
    chosen = set(args.only.split(",")) if args.only else set(SECTIONS)
    chosen -= set(filter(None, args.skip.split(",")))
    CACHE.mkdir(parents=True, exist_ok=True)
    if not CREDENTIALS.exists():
        from scripts.bench.serve import save_account
        from voximplant_audit.testing import make_account

        save_account(make_account(), str(CREDENTIALS))
    started = datetime.now(UTC)
    log(f"{'quick' if args.quick else 'full'} run of {sorted(chosen)} on {machine()}")
    tables: list[Table] = []
    decode = pulls = None
    builders: list[tuple[str, Callable[[Sizes], Table]]] = [
        ("fakes", table_fakes),
        ("decode", table_decode),
    ]
    for name, make in builders:
        if name in chosen:
            tables.append(make(sizes))
            if name == "decode":
                decode = tables[-1]
    if "pull" in chosen:
        table, pulls = table_pull(sizes)
        tables.append(table)
    for name, make in (
        ("concurrency", table_concurrency),
        ("zabbix", table_zabbix),
        ("memory", table_memory),
        ("auditpull", table_auditpull),
        ("startup", table_startup),
        ("generate", table_generate),
    ):
        if name in chosen:
            tables.append(make(sizes))
    profiled = profiles(decode, pulls, sizes) if "profile" in chosen else ""
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` (`python -m scripts.bench{' --quick' if args.quick else ''}`), "
        f"{started:%Y-%m-%d %H:%M} to {datetime.now(UTC):%H:%M} UTC. "
        + (
            "**A quick run** (reduced sizes and runs, fewer than the issue's): it checks that the suite works; "
            "its figures are indicative only.\n\n"
            if args.quick
            else "A full run at the issue's sizes.\n\n"
        )
        + "Ratios are ours / baseline, medians of the runs of one run of the suite (below 1: ours takes less); the "
        "spread is min to max. Where a target is missed, the verdict says so; the profiles below show where the "
        f"time goes.\n\nMeasured with: {versions()}.\n\n"
    )
    left_out = [s for s in SECTIONS if s not in chosen]
    if left_out:
        header += f"Sections left out of this run: {', '.join(left_out)}.\n\n"
    text = header + summary(tables) + "\n" + "\n".join(t.markdown() for t in tables) + "\n" + profiled
    if NOTES.exists():  # the hand-written reading of a run, kept across runs (it names the run it reads)
        text += "\n" + NOTES.read_text(encoding="utf-8")
    Path(args.out).write_text(text, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
