"""One measured client run in a fresh process: ``python -m scripts.bench.child '<job as JSON>'``.

Prints one JSON line: ``seconds`` (wall time of the pull alone, imports and construction excluded),
``records`` and ``peak_rss_kb`` (the process's peak resident set, imports included, as the issue
measures it). Jobs (``kind``):

- ``pull``: every record of ``[since, until)`` from ``url``, by ``variant``: ``sync``/``async`` (our SDK)
  or ``peer`` (the peer's obvious loop, or a plain httpx loop where there is no peer);
- ``export``: the Voximplant report export (GetAuditLogAsync), streamed by our SDK.

The peers are imported by name (they live in the benchmark environment only). Where a peer hard-codes
its vendor's https URL, the job points it at the fake and nothing else: the peer's own code runs.

Example::

    python -m scripts.bench.child '{"kind": "pull", "vendor": "navixy", "variant": "sync", ...}'
"""

from __future__ import annotations

import asyncio
import importlib
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

Job = dict[str, Any]
#: When the measured part started, for runs that set up inside their event loop (else: when run() is called).
STARTED = [0.0]


def _ours(job: Job, asynchronous: bool) -> Any:
    vendor = job["vendor"]
    module = importlib.import_module(f"{vendor}_audit")
    cls = module.AsyncClient if asynchronous else module.Client
    url = job["url"]
    options: dict[str, Any] = {} if job.get("concurrency") is None else {"concurrency": job["concurrency"]}
    if vendor == "voximplant":
        with open(job["credentials"], encoding="utf-8") as f:
            return cls(json.load(f), base_url=url, **options)
    if vendor == "navixy":
        return cls(base_url=url, api_key=job["api_key"], **options)
    if vendor == "nlpearl":
        return cls(account_id="acc-7f3c", secret_key="sk-live-Zq81-NEVER-LEAK", base_url=url, **options)
    return cls(url, username="Admin", password="zabbix", **options)


def _page_kwargs(job: Job) -> dict[str, Any]:
    return {} if job["vendor"] == "nlpearl" or job.get("page_size") is None else {"page_size": job["page_size"]}


def _warm(client: Any) -> None:
    """Set up, before the clock, what our clients set up on first use.

    That is the modules a pull imports and the network transport (a TLS context). Construction did
    both before start-up was made lazy, and the peers' set-up is not timed either; the start-up
    table counts it.
    """
    vendor = type(client).__module__.split(".")[0]
    for name in (f"{vendor}._paging", f"{vendor}._models", f"{vendor}_api.models", "orjson", "concurrent.futures"):
        importlib.import_module(name)
    transport = getattr(client._http, "_transport", None)
    build = getattr(getattr(transport, "_wrapped", None), "_built", None)
    if build is not None:
        build()


def pull_sync(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """Our sync client's pull (the client made before the clock starts)."""
    client = _ours(job, asynchronous=False)
    client.__enter__()
    _warm(client)

    def run() -> int:
        n = sum(1 for _ in client.iter_audit_log(since, until, **_page_kwargs(job)))
        client.__exit__(None, None, None)
        return n

    return run


def pull_async(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """Our async client's pull, in one event loop; the clock starts once the client is entered."""

    def run() -> int:
        async def go() -> int:
            n = 0
            async with _ours(job, asynchronous=True) as client:
                _warm(client)
                STARTED[0] = time.perf_counter()
                async for _ in client.iter_audit_log(since, until, **_page_kwargs(job)):
                    n += 1
            return n

        return asyncio.run(go())

    return run


def peer_voximplant(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """voximplant-apiclient's obvious loop: GetAuditLog with count/offset (a JWT and a connection per request)."""
    import httpx

    client = importlib.import_module("voximplant.apiclient.client")
    post = httpx.post

    def plain_http(url: str, *args: Any, **kwargs: Any) -> Any:  # the peer knows https://<endpoint> only
        return post(url.replace("https://", "http://", 1), *args, **kwargs)

    client.httpx.post = plain_http
    api = client.VoximplantAPI(credentials_file_path=job["credentials"], endpoint=urlsplit(job["url"]).netloc)
    last = until - timedelta(seconds=1)  # to_date is inclusive

    def run() -> int:
        seen = offset = 0
        while True:
            page = api.get_audit_log(from_date=since, to_date=last, count=1000, offset=offset)["result"]
            seen += len(page)
            offset += len(page)
            if len(page) < 1000:
                return seen

    return run


def peer_zabbix(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """zabbix-utils ``auditlog.get`` paged by time: from the last page's last second, its ids skipped."""
    zabbix_utils = importlib.import_module("zabbix_utils")
    api = zabbix_utils.ZabbixAPI(url=_zabbix_api(job["url"]), user="Admin", password="zabbix")
    till = int(until.timestamp()) - 1

    def run() -> int:
        seen, clock, at_clock = 0, int(since.timestamp()), set[str]()
        while True:
            page = api.auditlog.get(
                output="extend", time_from=clock, time_till=till, sortfield="clock", sortorder="ASC", limit=1000
            )
            seen += sum(1 for r in page if r["auditid"] not in at_clock)
            if len(page) < 1000:
                return seen
            last = int(page[-1]["clock"])
            ids = {r["auditid"] for r in page if int(r["clock"]) == last}
            at_clock, clock = (at_clock | ids if last == clock else ids), last

    return run


def _zabbix_api(url: str) -> str:
    return url if url.endswith(".php") else url.rstrip("/") + "/api_jsonrpc.php"


def unpaged_zabbix(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """What most zabbix-utils scripts do: one unpaged ``auditlog.get`` for the whole window."""
    zabbix_utils = importlib.import_module("zabbix_utils")
    api = zabbix_utils.ZabbixAPI(url=_zabbix_api(job["url"]), user="Admin", password="zabbix")
    window = {"time_from": int(since.timestamp()), "time_till": int(until.timestamp()) - 1}

    def run() -> int:
        return len(api.auditlog.get(output="extend", **window))

    return run


def peer_nlpearl(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """The nlpearl peer: ``Account.get_audit_log``, one call per one-day window."""
    nlpearl: Any = importlib.import_module("nlpearl")
    account: Any = importlib.import_module("nlpearl.account")
    nlpearl.api_key = "acc-7f3c:sk-live-Zq81-NEVER-LEAK"
    account._get_api_url = lambda: job["url"] + "/v2"  # the peer knows https://api.nlpearl.ai only

    def run() -> int:
        seen, day = 0, since
        while day < until:
            # The peer writes what it is given with a "Z" appended: naive UTC datetimes are its users' way.
            end = min(day + timedelta(days=1), until)
            seen += len(nlpearl.Account.get_audit_log(day.replace(tzinfo=None), end.replace(tzinfo=None)))
            day += timedelta(days=1)
        return seen

    return run


def peer_navixy(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """Navixy has no peer: a plain httpx loop with limit/offset, as its docs suggest."""
    import httpx

    headers = {"Authorization": f"NVX {job['api_key']}", "NVX-ISO-DateTime": "true"}
    client = httpx.Client(base_url=job["url"], headers=headers, timeout=60)
    last = until - timedelta(seconds=1)  # "to" is inclusive

    def run() -> int:
        seen = offset = 0
        while True:
            body = {
                "from": since.isoformat(),
                "to": last.isoformat(),
                "limit": 1000,
                "offset": offset,
                "sort": ["action_datetime=asc"],
            }
            page = client.post("/user/audit/log/list", json=body).json()["list"]
            seen += len(page)
            offset += len(page)
            if len(page) < 1000:
                return seen

    return run


def export_voximplant(job: Job, since: datetime, until: datetime) -> Callable[[], int]:
    """Our Voximplant report export, streamed (GetAuditLogAsync, then the gzip'd CSV)."""
    client = _ours(job, asynchronous=False)
    client.__enter__()

    def run() -> int:
        n = sum(1 for _ in client.export_audit_log(since, until, poll_interval=0.01))
        client.__exit__(None, None, None)
        return n

    return run


def peak_rss_kb() -> int:
    """The peak resident set of this process (VmHWM: ru_maxrss would carry the parent's over fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


PEERS = {"voximplant": peer_voximplant, "zabbix": peer_zabbix, "nlpearl": peer_nlpearl, "navixy": peer_navixy}


def prepare(job: Job) -> Callable[[], int]:
    """The measured run of ``job``, everything before it (imports, clients, logins) done."""
    since, until = datetime.fromisoformat(job["since"]), datetime.fromisoformat(job["until"])
    if job["kind"] == "export":
        return export_voximplant(job, since, until)
    if job["variant"] == "sync":
        return pull_sync(job, since, until)
    if job["variant"] == "async":
        return pull_async(job, since, until)
    if job["variant"] == "unpaged":
        return unpaged_zabbix(job, since, until)
    return PEERS[job["vendor"]](job, since, until)


def main(argv: list[str] | None = None) -> int:
    """Run the job given as JSON; print its figures as JSON."""
    job = json.loads((argv if argv is not None else sys.argv[1:])[0])
    run = prepare(job)
    STARTED[0] = time.perf_counter()
    records = run()
    seconds = time.perf_counter() - STARTED[0]
    print(json.dumps({"seconds": seconds, "records": records, "peak_rss_kb": peak_rss_kb()}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
