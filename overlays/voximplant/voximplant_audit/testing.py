"""A fake Voximplant Management API on 127.0.0.1 that behaves like the vendor for the audit-log functions.

What it does like the vendor (docs.voximplant.ai, Management API > History / Authorization / Errors):

- Every call is authenticated with a service-account JWT (``Authorization: Bearer``): RS256
  signature checked with the account's public key, header ``kid`` = key id, claims ``iss`` =
  account id, ``iat`` and ``exp`` (at most one hour apart, not expired). Anything else gets
  error 100.
- Parameters are accepted the three ways clients send them: the query string of
  ``POST /platform_api/<Method>``, a form-encoded body to ``/platform_api/<Method>``, and a
  form-encoded body with ``cmd=<Method>`` to ``/platform_api``. A repeated key keeps its last
  value only (as a PHP back end does), so lists must be `;`-joined: ``audit_log_id=1;2;3``.
- Errors are HTTP 200 with ``{"error": {"code", "msg"}}``: 100 authorization failed, 101
  invalid arguments, 111 invalid date format, 123 invalid date range, 340 rate limit
  exceeded (fault injection), 356 report not ready, 357 report failed, 557 report not found.
- GetAuditLog: ``from_date``/``to_date`` (UTC ``YYYY-MM-DD HH:mm:ss``, both ends inclusive),
  ``audit_log_id``, ``filtered_admin_user_id`` (the subuser id), ``filtered_ip``,
  ``filtered_cmd``, ``advanced_filters`` (a relation id found among the values of
  ``cmd_args``/``cmd_result``), ``desc_order``, ``count`` (1..1000), ``offset``,
  ``with_total_count``. Records come ordered by ``audit_log_id``; ``requested`` is written in
  the answer's ``timezone`` (the account's time zone, configurable here).
- GetAuditLogAsync / GetHistoryReports / DownloadHistoryReport: a report is not ready for
  ``report_polls`` polls of GetHistoryReports (and DownloadHistoryReport answers 356 until it
  is), then has ``completed``; or it fails (357). Downloads are gzip'd.

At scale (benchmarks): while ``records`` is in time order with ascending ids (what
:func:`make_records`, :meth:`FakeVoximplant.append` and :meth:`FakeVoximplant.extend` keep), an
unfiltered GetAuditLog finds its window by bisection and serves a page of a million-record store
in milliseconds; otherwise (filters, or a list given out of order) it scans, as before. Each record's
JSON in the answer is encoded once (at :meth:`FakeVoximplant.extend`, else on first use, again if
``timezone`` changes) and answers are joined from those bytes: a record changed in place after it
was served must be announced with :meth:`FakeVoximplant.changed`. ``latency`` adds that many
seconds to every request.

Assumptions (the vendor does not publish them), also stated in the SDK README:

- The report CSV has a header row and the columns ``audit_log_id, account_id, requested,
  subuser_id, subuser_name, ip, cmd_name, cmd_args, cmd_result``; ``requested`` is UTC;
  ``cmd_args``/``cmd_result`` are JSON text; the body is sent with
  ``Content-Type: application/octet-stream`` and either ``Content-Encoding: gzip``
  (``download_mode="content-encoding"``, the default), as a gzip file (``"gzip-file"``) or
  plain (``"plain"``).
- A failed report makes GetHistoryReports for its id answer error 357.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import socket
import struct
import threading
import time
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from audit_core.testing.faults import FaultPlan
from audit_core.testing.servers import QuietServer, base_url, serve

DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
PREFIX = "/platform_api"
CSV_COLUMNS = (
    "audit_log_id",
    "account_id",
    "requested",
    "subuser_id",
    "subuser_name",
    "ip",
    "cmd_name",
    "cmd_args",
    "cmd_result",
)
MAX_COUNT = 1000
CMDS = ("CreateUser", "DelUser", "SetUserInfo", "BindSkill", "AddSkill", "DelSkill", "SetAccountInfo", "AddRule")


class ApiFailure(Exception):
    """An error the fake answers with the vendor's envelope."""

    def __init__(self, code: int, msg: str) -> None:
        super().__init__(msg)
        self.code = code
        self.msg = msg


@dataclass(frozen=True)
class Account:
    """A test service account: a fresh RSA key pair per test session (no key is committed)."""

    account_id: int
    key_id: str
    private_pem: str
    public_key: rsa.RSAPublicKey
    account_email: str = "owner@example.com"

    def credentials(self) -> dict[str, Any]:
        """The ``credentials.json`` content, as the control panel hands it out."""
        return {
            "account_email": self.account_email,
            "account_id": self.account_id,
            "key_id": self.key_id,
            "private_key": self.private_pem,
        }


def make_account(account_id: int = 4217811) -> Account:
    """A service account with a new 2048-bit RSA key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    ).decode()
    return Account(account_id, str(uuid.uuid4()), pem, key.public_key())


def make_records(
    n: int,
    *,
    start: datetime = datetime(2024, 5, 1, tzinfo=UTC),
    step: timedelta = timedelta(seconds=37),
    first_id: int = 900001,
    account_id: int = 4217811,
) -> list[dict[str, Any]]:
    """``n`` varied audit-log records, one every ``step``; ``requested`` kept as an aware UTC datetime."""
    out = []
    for i in range(n):
        cmd = CMDS[i % len(CMDS)]
        subuser = 0 if i % 5 == 0 else 100 + i % 3
        out.append(
            {
                "audit_log_id": first_id + i,
                "account_id": account_id,
                "requested": start + i * step,
                "subuser_id": subuser,
                "subuser_name": "owner" if subuser == 0 else f'admin{subuser}, "ops"',
                "ip": f"10.0.{i % 4}.{1 + i % 7}",
                "cmd_name": cmd,
                "cmd_args": {"user_id": [5000 + i % 11], "skill_name": f"skill {i}", "bind": i % 2 == 0},
                "cmd_result": {"skill_id": 70 + i % 13} if i % 3 else {},
            }
        )
    return out


@dataclass
class Report:
    """One GetAuditLogAsync report and its life cycle."""

    report_id: int
    rows: list[dict[str, Any]]
    created: datetime
    polls_left: int
    fails: bool
    completed: datetime | None = None
    downloads: int = 0


@dataclass
class Seen:
    """One request as it reached the fake (for assertions on the wire format)."""

    method: str
    path: str
    query: str
    body: str
    params: dict[str, str]
    how: str  # "query", "form" or "cmd"


@dataclass
class FakeVoximplant:
    """The fake's state and behaviour; :meth:`running` serves it on a free port."""

    account: Account
    records: list[dict[str, Any]]
    timezone: str = "UTC"
    faults: FaultPlan = field(default_factory=FaultPlan)
    report_polls: int = 1
    report_fails: bool = False
    download_mode: str = "content-encoding"
    download_chunk: int = 4096
    cut_downloads: int = 0
    slow_seconds: float = 0.0
    cap_count: int = MAX_COUNT
    #: Seconds added to every request (benchmarks: a network's round trip).
    latency: float = 0.0
    seen: list[Seen] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    auth_failures: list[str] = field(default_factory=list)
    reports: dict[int, Report] = field(default_factory=dict)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    _next_report: int = 7001
    #: The time index of ``records``: their ``requested``, kept while the list is in order (see _indexed).
    _times: list[datetime] = field(default_factory=list, repr=False)
    _indexed: list[dict[str, Any]] | None = field(default=None, repr=False)
    _in_order: bool = field(default=True, repr=False)
    #: The JSON of each record of ``records`` as GetAuditLog answers it (``requested`` in ``_zone``), or None
    #: while not encoded yet: parallel to ``_times``.
    _bodies: list[bytes | None] = field(default_factory=list, repr=False)
    _zone: str = field(default="", repr=False)

    # -- serving ------------------------------------------------------------------------------------

    @contextmanager
    def running(self) -> Iterator[str]:
        """Serve on 127.0.0.1; yields the base URL (``http://127.0.0.1:<port>/platform_api``)."""
        fake = self

        class Handler(_Handler):
            state = fake

        with serve(Handler, _PromptServer) as srv:
            yield base_url(srv, PREFIX)

    def append(self, record: dict[str, Any]) -> None:
        """Add a record while clients are reading (thread-safe); an earlier one goes to its place in time."""
        with self.lock:
            if self.records and _order_key(record) < _order_key(self.records[-1]):
                self.records.insert(bisect_right(self.records, _order_key(record), key=_order_key), record)
                self._indexed = None  # re-indexed at the next request
            else:
                self.records.append(record)

    def extend(self, records: Iterable[dict[str, Any]]) -> None:
        """Bulk-load records (benchmarks): appended, then the whole store put in time order once.

        >>> fake = FakeVoximplant(make_account(), [])
        >>> fake.extend(reversed(make_records(3)))
        >>> [r["audit_log_id"] for r in fake.records]
        [900001, 900002, 900003]
        """
        with self.lock:
            self.records.extend(records)
            self.records.sort(key=_order_key)
            self._indexed = None
            self._ordered()
            self._encoded(range(len(self.records)))  # once, now: no page pays for it

    def changed(self) -> None:
        """Say that records of ``records`` were changed in place: their cached JSON and the time index are redone."""
        with self.lock:
            self._indexed = None

    def _ordered(self) -> bool:
        """Whether ``records`` is in time order with ascending ids; indexes what was appended since (hold the lock)."""
        records = self.records
        if self._indexed is not records or len(self._times) > len(records):
            self._indexed, self._times, self._bodies, self._in_order = records, [], [], True
        times = self._times
        if len(times) < len(records):
            last = records[len(times) - 1] if times else None
            for r in records[len(times) :]:
                if last is not None and not _follows(last, r):
                    self._in_order = False
                times.append(r["requested"])
                last = r
            self._bodies += [None] * (len(records) - len(self._bodies))
        return self._in_order

    def _encoded(self, indices: Iterable[int]) -> list[bytes]:
        """The JSON of the records at ``indices`` of ``records``, each encoded once (after _ordered; hold the lock)."""
        if self._zone != self.timezone:
            self._zone, self._bodies = self.timezone, [None] * len(self._bodies)
        zone = ZoneInfo(self.timezone)
        records, bodies = self.records, self._bodies
        out = []
        for i in indices:
            body = bodies[i]
            if body is None:
                body = bodies[i] = record_json(records[i], zone)
            out.append(body)
        return out

    def calls(self, method: str) -> list[Seen]:
        """The requests seen for one function."""
        with self.lock:
            return [s for s in self.seen if s.path.endswith(method) or s.params.get("cmd") == method]

    # -- auth ---------------------------------------------------------------------------------------

    def check_token(self, header: str | None) -> None:
        """Verify a service-account JWT as Voximplant does, or raise its error."""
        if not header or not header.startswith("Bearer "):
            raise self._auth_failed("no bearer token")
        token = header[len("Bearer ") :].strip()
        try:
            head = jwt.get_unverified_header(token)
            claims = jwt.decode(
                token,
                self.account.public_key,
                algorithms=["RS256"],
                options={"require": ["iss", "iat", "exp"], "verify_iat": False},
            )
        except jwt.ExpiredSignatureError:
            raise self._auth_failed("token expired") from None
        except jwt.InvalidTokenError as exc:
            raise self._auth_failed(f"invalid token ({type(exc).__name__})") from None
        if head.get("kid") != self.account.key_id:
            raise self._auth_failed("unknown kid")
        if str(claims["iss"]) != str(self.account.account_id):
            raise self._auth_failed("iss is not the account")
        if not isinstance(claims["iat"], int) or claims["exp"] - claims["iat"] > 3600:
            raise self._auth_failed("token lives longer than an hour")
        if claims["iat"] > time.time() + 60:
            raise self._auth_failed("token issued in the future")
        with self.lock:
            self.tokens.add(token)

    def _auth_failed(self, why: str) -> ApiFailure:
        with self.lock:
            self.auth_failures.append(why)
        return ApiFailure(100, "Authorization failed")

    # -- functions ----------------------------------------------------------------------------------

    def call(self, method: str, params: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Run one Management API function: (status, headers, body)."""
        if method == "GetAuditLog":
            return 200, {"Content-Type": "application/json; charset=utf-8"}, self.get_audit_log_json(params)
        if method == "GetAuditLogAsync":
            return _json(self.get_audit_log_async(params))
        if method == "GetHistoryReports":
            return _json(self.get_history_reports(params))
        if method == "DownloadHistoryReport":
            return self.download_history_report(params)
        raise ApiFailure(101, f"Unknown function {method}")

    def _matching(self, params: dict[str, str]) -> list[dict[str, Any]]:
        return self._select(params)[0]

    def _select(
        self, params: dict[str, str], offset: int = 0, count: int | None = None, *, encoded: bool = False
    ) -> tuple[list[dict[str, Any]], int, list[bytes]]:
        """The matching records in the answer's order, ``count`` of them from ``offset``; how many match; their JSON.

        Their JSON (as GetAuditLog answers them) only when ``encoded``.
        """
        since = _date(params, "from_date")
        until = _date(params, "to_date")
        if since > until:
            raise ApiFailure(123, "Invalid date range: from_date is after to_date")
        ids = {_int(v, "audit_log_id") for v in _list(params, "audit_log_id")}
        ips = set(_list(params, "filtered_ip"))
        cmds = set(_list(params, "filtered_cmd"))
        admin = params.get("filtered_admin_user_id")
        relation = params.get("advanced_filters")
        desc = _bool(params, "desc_order", False)
        with self.lock:
            if not (ids or ips or cmds) and admin is None and relation is None and self._ordered():
                # In time order with ascending ids: the window is one slice, already in the answer's order.
                lo, hi = bisect_left(self._times, since), bisect_right(self._times, until)
                total, stop = hi - lo, hi - lo if count is None else min(hi - lo, offset + count)
                if offset >= stop:
                    return [], total, []
                where = range(hi - offset - 1, hi - stop - 1, -1) if desc else range(lo + offset, lo + stop)
                return [self.records[i] for i in where], total, self._encoded(where) if encoded else []
            records = list(self.records)
            zone = ZoneInfo(self.timezone)
        out = []
        for r in records:
            if not since <= r["requested"] <= until:
                continue
            if ids and r["audit_log_id"] not in ids:
                continue
            if ips and r["ip"] not in ips:
                continue
            if cmds and r["cmd_name"] not in cmds:
                continue
            if admin is not None and str(r["subuser_id"]) != admin:
                continue
            if relation is not None and relation not in _scalars(r["cmd_args"]) | _scalars(r["cmd_result"]):
                continue
            out.append(r)
        out.sort(key=lambda r: r["audit_log_id"], reverse=desc)
        page = out[offset : None if count is None else offset + count]
        return page, len(out), [record_json(r, zone) for r in page] if encoded else []

    def get_audit_log(self, params: dict[str, str]) -> dict[str, Any]:
        """Answer ``GetAuditLog`` (the JSON value; the server sends :meth:`get_audit_log_json`)."""
        page, rest, _ = self._audit_log(params, encoded=False)
        zone = ZoneInfo(rest["timezone"])
        return {
            "result": [{**r, "requested": r["requested"].astimezone(zone).strftime(DATE_FORMAT)} for r in page],
            **rest,
        }

    def get_audit_log_json(self, params: dict[str, str]) -> bytes:
        """Answer ``GetAuditLog``: ``json.dumps`` of :meth:`get_audit_log`, joined from each record's JSON."""
        _, rest, bodies = self._audit_log(params, encoded=True)
        return b'{"result": [' + b", ".join(bodies) + b"], " + json.dumps(rest).encode()[1:]

    def _audit_log(
        self, params: dict[str, str], *, encoded: bool
    ) -> tuple[list[dict[str, Any]], dict[str, Any], list[bytes]]:
        """GetAuditLog's page; the members of its answer after ``result``; and (``encoded``) the page's JSON."""
        count = _int(params.get("count", "100"), "count")
        offset = _int(params.get("offset", "0"), "offset")
        if not 1 <= count <= MAX_COUNT or offset < 0:
            raise ApiFailure(101, "Invalid arguments: count must be 1..1000 and offset >= 0")
        with_total = _bool(params, "with_total_count", False)
        timezone = self.timezone
        page, total, bodies = self._select(params, offset, min(count, self.cap_count), encoded=encoded)
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.slow_seconds:
                time.sleep(self.slow_seconds)
        finally:
            with self.lock:
                self.in_flight -= 1
        rest: dict[str, Any] = {"count": len(page), "timezone": timezone}
        if with_total:
            rest["total_count"] = total
        return page, rest, bodies

    def get_audit_log_async(self, params: dict[str, str]) -> dict[str, Any]:
        """Answer ``GetAuditLogAsync``: start a report."""
        if params.get("output", "csv") != "csv":
            raise ApiFailure(101, "Invalid arguments: output must be csv")
        with_header = _bool(params, "with_header", True)
        if not with_header:
            raise ApiFailure(101, "Invalid arguments: this fake only builds reports with a header")
        rows = self._matching(params)
        with self.lock:
            report_id = self._next_report
            self._next_report += 1
            self.reports[report_id] = Report(
                report_id, rows, datetime.now(UTC).replace(microsecond=0), self.report_polls, self.report_fails
            )
        return {"result": 1, "history_report_id": report_id}

    def _advance(self, report: Report) -> None:
        if report.completed is None and not report.fails:
            if report.polls_left <= 0:
                report.completed = datetime.now(UTC).replace(microsecond=0)
            else:
                report.polls_left -= 1

    def get_history_reports(self, params: dict[str, str]) -> dict[str, Any]:
        """Answer ``GetHistoryReports``."""
        wanted = _int(params["history_report_id"], "history_report_id") if "history_report_id" in params else None
        types = set(_list(params, "history_type"))
        with self.lock:
            reports = [r for r in self.reports.values() if wanted is None or r.report_id == wanted]
            if types and "audit" not in types:
                reports = []
            for report in reports:
                if report.fails and wanted is not None:
                    raise ApiFailure(357, "Report failed")
                self._advance(report)
            result = [self._report_json(r) for r in reports]
        return {"result": result, "count": len(result), "total_count": len(result)}

    def _report_json(self, report: Report) -> dict[str, Any]:
        out: dict[str, Any] = {
            "history_report_id": report.report_id,
            "history_type": "audit",
            "created": report.created.strftime(DATE_FORMAT),
            "format": "csv",
            "file_name": f"audit_{report.report_id}.csv",
            "download_count": report.downloads,
            "store_until": (report.created + timedelta(days=7)).strftime(DATE_FORMAT),
        }
        if report.completed is not None:
            body = report_csv(report.rows)
            out.update(
                completed=report.completed.strftime(DATE_FORMAT),
                file_size=len(body),
                download_size=len(gzip.compress(body)),
            )
        return out

    def download_history_report(self, params: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Answer ``DownloadHistoryReport``: status, headers and body."""
        if "history_report_id" not in params:
            raise ApiFailure(101, "Invalid arguments: history_report_id is required")
        report_id = _int(params["history_report_id"], "history_report_id")
        with self.lock:
            report = self.reports.get(report_id)
            if report is None:
                raise ApiFailure(557, "Report not found")
            if report.fails:
                raise ApiFailure(357, "Report failed")
            if report.completed is None:
                raise ApiFailure(356, "Report not ready")
            report.downloads += 1
        body = report_csv(report.rows)
        headers = {"Content-Type": "application/octet-stream"}
        if self.download_mode == "content-encoding":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        elif self.download_mode == "gzip-file":
            body = gzip.compress(body)
            headers["Content-Disposition"] = f'attachment; filename="audit_{report_id}.csv.gz"'
        elif self.download_mode != "plain":
            raise ValueError(self.download_mode)
        return 200, headers, body


# -- helpers -------------------------------------------------------------------------------------------


def _order_key(record: dict[str, Any]) -> tuple[datetime, int]:
    return record["requested"], record["audit_log_id"]


def _follows(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether ``after`` may follow ``before`` (GetAuditLog answers in id order: ids ascend with time)."""
    return bool(before["requested"] <= after["requested"] and before["audit_log_id"] < after["audit_log_id"])


def record_json(record: dict[str, Any], zone: ZoneInfo) -> bytes:
    """One record's JSON as GetAuditLog answers it (``requested`` in ``zone``), as ``json.dumps`` writes it."""
    return json.dumps({**record, "requested": record["requested"].astimezone(zone).strftime(DATE_FORMAT)}).encode()


def report_csv(rows: list[dict[str, Any]]) -> bytes:
    """The report file: header + one row per record; ``requested`` in UTC; JSON text for the objects."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r["audit_log_id"],
                r["account_id"],
                r["requested"].astimezone(UTC).strftime(DATE_FORMAT),
                r["subuser_id"],
                r["subuser_name"],
                r["ip"],
                r["cmd_name"],
                json.dumps(r["cmd_args"]),
                json.dumps(r["cmd_result"]),
            ]
        )
    return buf.getvalue().encode("utf-8")


def _json(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()


def _envelope(code: int, msg: str) -> bytes:
    return json.dumps({"error": {"code": code, "msg": msg}}).encode()


def _date(params: dict[str, str], name: str) -> datetime:
    if name not in params:
        raise ApiFailure(101, f"Invalid arguments: {name} is required")
    try:
        return datetime.strptime(params[name], DATE_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise ApiFailure(111, f"Invalid date format: {name}") from None


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ApiFailure(101, f"Invalid arguments: {name} must be an integer") from None


def _bool(params: dict[str, str], name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None:
        return default
    if value.lower() in ("true", "1"):
        return True
    if value.lower() in ("false", "0"):
        return False
    raise ApiFailure(101, f"Invalid arguments: {name} must be true or false")


def _list(params: dict[str, str], name: str) -> list[str]:
    value = params.get(name)
    return [] if not value else [item for item in value.split(";") if item]


def _scalars(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_scalars(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_scalars(v) for v in value)) if value else set()
    if isinstance(value, bool):
        return {"true" if value else "false"}
    return {str(value)}


def send_rate_limit(handler: BaseHTTPRequestHandler) -> None:
    """The vendor's rate-limit answer: HTTP 200 with error 340."""
    _send(handler, 200, {"Content-Type": "application/json; charset=utf-8"}, _envelope(340, "Rate limit exceeded"))


def _send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class _PromptServer(QuietServer):
    """Checks for shutdown every 20 ms instead of 500 ms: many short-lived fakes, fast test runs."""

    def serve_forever(self, poll_interval: float = 0.02) -> None:
        super().serve_forever(poll_interval)


class _Handler(BaseHTTPRequestHandler):
    state: FakeVoximplant
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        state = self.state
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        if state.latency:
            time.sleep(state.latency)
        if state.faults.inject(self, vendor_rate_limit=send_rate_limit):
            return
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))  # a repeated key: the last one wins
        how = "query"
        if raw_body and "application/x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
            params.update(parse_qsl(raw_body.decode("utf-8"), keep_blank_values=True))
            how = "form"
        path = url.path.rstrip("/")
        if path == PREFIX:
            method = params.pop("cmd", "")
            how = "cmd"
        elif path.startswith(PREFIX + "/"):
            method = path[len(PREFIX) + 1 :]
        else:
            _send(self, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        with state.lock:
            state.seen.append(Seen(self.command, url.path, url.query, raw_body.decode("utf-8", "replace"), params, how))
        try:
            state.check_token(self.headers.get("Authorization"))
            status, headers, body = state.call(method, params)
        except ApiFailure as failure:
            _send(self, 200, {"Content-Type": "application/json; charset=utf-8"}, _envelope(failure.code, failure.msg))
            return
        if method == "DownloadHistoryReport":
            self._stream(status, headers, body)
        else:
            _send(self, status, headers, body)

    def _stream(self, status: int, headers: dict[str, str], body: bytes) -> None:
        """Send a report in chunks; the first ``cut_downloads`` downloads are cut half way."""
        state = self.state
        with state.lock:
            cut = state.cut_downloads > 0
            if cut:
                state.cut_downloads -= 1
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        end = len(body) // 2 if cut else len(body)
        for i in range(0, end, state.download_chunk):
            self.wfile.write(body[i : min(i + state.download_chunk, end)])
            self.wfile.flush()
        if cut:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
