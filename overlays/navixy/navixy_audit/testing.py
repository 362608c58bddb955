"""A faithful fake of the Navixy API's ``user/auth`` and ``user/audit/log/list``, on a real HTTP server.

What it models (see also specs/navixy/openapi.yaml):

- ``POST <base>/v2/<resource>/<action>`` with a JSON body (or form data, as Navixy also accepts).
- Auth: ``Authorization: NVX <hash>`` (or ``hash`` in the body). A missing or malformed hash is error 3,
  an unknown API key or an ended session error 4 (both HTTP 400, as the vendor's table gives no status).
  API keys never end; sessions from ``user/auth`` end when :meth:`NavixyFake.end_sessions` is called. An
  account with two-factor auth answers ``second_factor_required: true`` with a hash that is not a session;
  one not activated answers error 103.
- Every answer an envelope; errors as ``{"success": false, "status": {"code", "description"}, "errors": [...]}``
  with the description and the HTTP status of the vendor's table (:data:`STATUSES`, from the page
  "Backend API > Errors": https://www.navixy.com/docs/navixy-api/user-api/backend-api/errors), HTTP 400
  where the table gives none. Any code can be injected: :attr:`NavixyFake.fail_next` (list calls) and
  :attr:`NavixyFake.auth_fail_next` (``user/auth``), with extra headers such as ``Retry-After``.
- Dates in the user's time zone (+05:30 here, deliberately not UTC) as ``yyyy-MM-dd HH:mm:ss``, or ISO 8601
  with an offset when the request carries ``NVX-ISO-DateTime: true``; ``from`` and ``to`` are read the same way.
- ``from`` and ``to`` are both inclusive (the docs are ambiguous; the SDK must be exact either way).
- A span longer than ``max_span`` is error 211, a ``limit`` above ``max_limit`` error 212.
- Filters ``subuser_ids`` and ``actions``; ``sort`` (``action``, ``action_date`` = date only,
  ``action_datetime``, ``user`` = sub-user's name, ``host``; default ``action_date=asc``) and ``grouping``.
  Ties are shuffled anew on every request, as a database without a unique order may return them.
- ``limit``/``offset`` applied after sorting.
- Faults: :class:`audit_core.testing.faults.FaultPlan`, whose ``vendor_rate_limit`` is Navixy's error 15 (HTTP 429).

At scale (benchmarks): ``records`` is kept in time order (:meth:`NavixyFake.add` puts a record in
its place, :meth:`NavixyFake.extend` bulk-loads), and a request sorted by ``action_datetime``
alone, without filters or grouping, finds its page by bisection (shuffling only the ties it
touches): a page of a million-record store in milliseconds. Each record's JSON is encoded once
per date format (at :meth:`NavixyFake.extend`, else on first use) and answers are joined from those
bytes: a record changed in place after it was served must be announced with
:meth:`NavixyFake.changed`. ``latency`` adds that many seconds to every request.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import secrets
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from audit_core.testing.faults import FaultPlan
from audit_core.testing.servers import QuietServer, base_url

#: The fake user's time zone: not UTC, and not a whole hour, so a mistake cannot hide.
USER_TZ = timezone(timedelta(hours=5, minutes=30))
PLAIN_FORMAT = "%Y-%m-%d %H:%M:%S"
HASH_RE = re.compile(r"^[0-9a-f]{32}$")
SORT_RE = re.compile(r"^(action|action_date|action_datetime|user|host)=(asc|desc)$")
GROUPINGS = ("user", "action_date", "action", "default")

#: The vendor's descriptions, as the page "Backend API > Errors" gives them (the common codes and
#: the resource or action codes the audit log and ``user/auth`` can meet).
DESCRIPTIONS = {
    1: "Database error",
    2: "Service Auth error",
    3: "Wrong hash",
    4: "User or API key not found or session ended",
    5: "Wrong request format",
    6: "Unexpected error",
    7: "Invalid parameters",
    8: "Queue service error, try again later",
    9: "Too large request",
    11: "Access denied",
    12: "Dealer not found",
    13: "Operation not permitted",
    14: "Database unavailable",
    15: "Too many requests (rate limit exceeded)",
    101: "In demo mode this function is disabled",
    102: "Wrong login or password",
    103: "User not activated",
    204: "Entity not found",
    208: "Device blocked",
    211: "Requested time span is too big",
    212: "Requested limit is too big",
}
#: The HTTP status of each code where the vendor's table gives one; every other code is sent with
#: :data:`DEFAULT_STATUS`, the table's default.
STATUSES = {1: 500, 2: 403, 6: 500, 8: 503, 9: 412, 11: 403, 13: 403, 14: 503, 15: 429, 101: 403, 204: 404, 208: 403}
DEFAULT_STATUS = 400


def status_of(code: int) -> int:
    """The HTTP status Navixy sends error ``code`` with (400 unless the vendor's table says otherwise)."""
    return STATUSES.get(code, DEFAULT_STATUS)


@dataclass
class Principal:
    """Who a hash belongs to: the master user, and whether it may read the audit log."""

    user_id: int
    admin: bool = True


@dataclass
class Account:
    """A login the fake accepts, with its user and whether it needs a second factor."""

    login: str
    password: str
    principal: Principal
    second_factor: bool = False
    activated: bool = True


@dataclass
class Rec:
    """One stored audit record (``action_date`` aware, UTC)."""

    id: int
    user_id: int
    subuser_id: int | None
    entry_category: str
    entry_id: int | None
    action: str
    payload: dict[str, Any] | None
    host: str
    user_agent: str | None
    action_date: datetime
    user_name: str = ""

    def wire(self, iso: bool) -> dict[str, Any]:
        """The record as the API sends it (ISO dates or the user's local time)."""
        local = self.action_date.astimezone(USER_TZ)
        # ISO with a Java-style offset (+0530) when asked; plain local time otherwise.
        date = local.strftime("%Y-%m-%dT%H:%M:%S%z") if iso else local.strftime(PLAIN_FORMAT)
        return {
            "id": self.id,
            "user_id": self.user_id,
            "subuser_id": self.subuser_id,
            "entry_category": self.entry_category,
            "entry_id": self.entry_id,
            "action": self.action,
            "payload": self.payload,
            "host": self.host,
            "user_agent": self.user_agent,
            "action_date": date,
        }


class Failure(Exception):
    """An error envelope to answer with: the vendor's description and HTTP status unless given here.

    ``headers`` are sent with it (e.g. ``{"Retry-After": "2"}``).
    """

    def __init__(
        self,
        code: int,
        errors: list[dict[str, str]] | None = None,
        description: str | None = None,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(code)
        self.code = code
        self.errors = errors or []
        self.description = description or DESCRIPTIONS.get(code, "Error")
        self.status = status if status is not None else status_of(code)
        self.headers = dict(headers or {})


@dataclass
class NavixyFake:
    """The server's state; tests change it directly (add records, end sessions, inject faults)."""

    max_span: timedelta = timedelta(days=30)
    max_limit: int = 1000
    seed: int = 7
    #: The docs say "after this date" / "before this date": inclusive by default, switchable to prove the SDK exact.
    from_exclusive: bool = False
    to_exclusive: bool = False
    #: Behave like a server that ignores NVX-ISO-DateTime (dates in the user's time zone, without offset).
    ignore_iso_header: bool = False
    #: Every session ends as soon as it is made (API keys still work).
    sessions_end_at_once: bool = False
    records: list[Rec] = field(default_factory=list)
    accounts: dict[str, Account] = field(default_factory=dict)
    api_keys: dict[str, Principal] = field(default_factory=dict)
    sessions: dict[str, Principal] = field(default_factory=dict)
    faults: FaultPlan | None = None
    #: Called with the fake at the start of every authorised list request (e.g. to append records).
    on_list: Callable[[NavixyFake], None] | None = None
    #: Error codes to answer the next list requests with, one each (after the hash was accepted).
    fail_next: list[Failure] = field(default_factory=list)
    #: Error codes to answer the next ``user/auth`` requests with, one each.
    auth_fail_next: list[Failure] = field(default_factory=list)
    list_bodies: list[dict[str, Any]] = field(default_factory=list)
    list_headers: list[dict[str, str]] = field(default_factory=list)
    auth_requests: int = 0
    #: Every list request that reached the server (faulted, refused or answered).
    list_requests: int = 0
    #: Every session hash ever handed out (to prove none leaks).
    issued_hashes: list[str] = field(default_factory=list)
    #: Seconds added to every request (benchmarks: a network's round trip).
    latency: float = 0.0

    def __post_init__(self) -> None:
        self.lock = threading.RLock()
        self.rng = random.Random(self.seed)
        self._ids = itertools.count(44504790)
        # The time index of ``records`` (see _ordered): their times, while the list is in time order, and their users.
        self._indexed: list[Rec] | None = None
        self._times: list[datetime] = []
        self._users: set[int] = set()
        self._in_order = True
        # The JSON of each record of ``records`` (parallel to ``_times``) with ISO dates and with local ones,
        # each encoded once (None: not yet).
        self._bodies: dict[bool, list[bytes | None]] = {True: [], False: []}

    # --- setting up -------------------------------------------------------------------------------

    def add_account(
        self, login: str, password: str, *, user_id: int = 3, second_factor: bool = False, activated: bool = True
    ) -> None:
        """Accept ``login``/``password`` through ``user/auth`` (error 103 while not ``activated``)."""
        self.accounts[login] = Account(login, password, Principal(user_id), second_factor, activated)

    def add_api_key(self, key: str, *, user_id: int = 3, admin: bool = True) -> None:
        """Accept the API key ``key``."""
        self.api_keys[key] = Principal(user_id, admin)

    def end_sessions(self) -> None:
        """Every session hash stops working (error 4), as after a logout or a password change."""
        with self.lock:
            self.sessions.clear()

    def add(
        self,
        action_date: datetime,
        *,
        user_id: int = 3,
        subuser_id: int | None = None,
        action: str = "create",
        entry_category: str = "custom_field",
        entry_id: int | None = None,
        payload: dict[str, Any] | None = None,
        host: str = "94.140.138.215",
        user_agent: str | None = "Apache-HttpClient/4.1.1 (java 1.5)",
    ) -> Rec:
        """Store a record (``action_date`` aware; stored at whole seconds, as Navixy does)."""
        assert action_date.tzinfo is not None
        with self.lock:
            rec = Rec(
                id=next(self._ids),
                user_id=user_id,
                subuser_id=subuser_id,
                entry_category=entry_category,
                entry_id=entry_id,
                action=action,
                payload=payload,
                host=host,
                user_agent=user_agent,
                action_date=action_date.astimezone(UTC).replace(microsecond=0),
                user_name=f"user-{subuser_id}" if subuser_id is not None else "",
            )
            if self.records and rec.action_date < self.records[-1].action_date:  # keep the store in time order
                self.records.insert(bisect_right(self.records, rec.action_date, key=_time), rec)
                self._indexed = None
            else:
                self.records.append(rec)
            return rec

    def next_id(self) -> int:
        """A new record id (for :class:`Rec` objects made outside :meth:`add`)."""
        with self.lock:
            return next(self._ids)

    def extend(self, records: Iterable[Rec]) -> None:
        """Bulk-load records (benchmarks): appended, then the whole store put in time order once.

        ``action_date`` must be aware, UTC and at whole seconds, as :meth:`add` stores it.
        """
        with self.lock:
            self.records.extend(records)
            self.records.sort(key=_time)
            self._indexed = None
            self._ordered()
            self._encoded(range(len(self.records)), not self.ignore_iso_header)  # once, now: no page pays for it

    def changed(self) -> None:
        """Say that records of ``records`` were changed in place: their cached JSON and the time index are redone."""
        with self.lock:
            self._indexed = None

    def _ordered(self) -> bool:
        """Whether ``records`` is in time order; indexes what was appended since (hold the lock)."""
        records = self.records
        if self._indexed is not records or len(self._times) > len(records):
            self._indexed, self._times, self._users, self._in_order = records, [], set(), True
            self._bodies = {True: [], False: []}
        times = self._times
        if len(times) < len(records):
            for r in records[len(times) :]:
                if times and r.action_date < times[-1]:
                    self._in_order = False
                times.append(r.action_date)
                self._users.add(r.user_id)
            for bodies in self._bodies.values():
                bodies += [None] * (len(records) - len(bodies))
        return self._in_order

    def _encoded(self, indices: Iterable[int], iso: bool) -> list[bytes]:
        """The JSON of the records at ``indices`` of ``records``, each encoded once (after _ordered; hold the lock)."""
        records, bodies = self.records, self._bodies[iso]
        out = []
        for i in indices:
            body = bodies[i]
            if body is None:
                body = bodies[i] = record_json(records[i], iso)
            out.append(body)
        return out

    def _page_by_time(
        self, user_id: int, start: datetime, end: datetime, sort: list[str], offset: int, limit: int, rng: random.Random
    ) -> list[int] | None:
        """The page by bisection, when the store allows it (hold the lock): where its records are; None: scan instead.

        The same answer as a full scan: the window sorted by time, ties shuffled (only the ties this page touches).
        """
        if sort not in (["action_datetime=asc"], ["action_datetime=desc"]) or not self._ordered():
            return None
        if self._users - {user_id}:
            return None  # other users' records would have to be skipped: scan
        times = self._times
        lo = bisect_right(times, start) if self.from_exclusive else bisect_left(times, start)
        hi = bisect_left(times, end) if self.to_exclusive else bisect_right(times, end)
        stop = min(offset + limit, hi - lo)
        if offset >= stop:
            return []
        desc = sort == ["action_datetime=desc"]
        first, last = (hi - stop, hi - offset - 1) if desc else (lo + offset, lo + stop - 1)
        # Whole groups of ties around the page, shuffled, then stable-sorted by time: the ties come out in a new order.
        a, b = bisect_left(times, times[first], lo, hi), bisect_right(times, times[last], lo, hi)
        chunk = list(range(a, b))
        rng.shuffle(chunk)
        chunk.sort(key=times.__getitem__, reverse=desc)
        skip = offset - (hi - b if desc else a - lo)  # the chunk's first position in the sorted window
        return chunk[skip : skip + stop - offset]

    # --- answering --------------------------------------------------------------------------------

    def principal_for(self, handler: BaseHTTPRequestHandler, params: dict[str, Any]) -> Principal:
        """Who sent the request (API key or session hash), or raise the vendor's error."""
        header = handler.headers.get("Authorization")
        value: Any
        if header is not None:
            scheme, _, value = header.partition(" ")
            if scheme != "NVX":
                raise Failure(3)
        else:
            value = params.get("hash")
        if not isinstance(value, str) or not HASH_RE.match(value):
            raise Failure(3)
        with self.lock:
            principal = self.api_keys.get(value)
            if principal is None and not self.sessions_end_at_once:
                principal = self.sessions.get(value)
        if principal is None:
            raise Failure(4)
        return principal

    def user_auth(self, params: dict[str, Any]) -> dict[str, Any]:
        """Answer ``user/auth``: a session hash for a known login."""
        with self.lock:
            self.auth_requests += 1
            if self.auth_fail_next:
                raise self.auth_fail_next.pop(0)
        missing = [{"parameter": p, "error": "required"} for p in ("login", "password") if not params.get(p)]
        if missing:
            raise Failure(7, missing)
        account = self.accounts.get(str(params["login"]))
        if account is None or account.password != params["password"]:
            raise Failure(102)
        if not account.activated:
            raise Failure(103)
        value = secrets.token_hex(16)
        with self.lock:
            self.issued_hashes.append(value)
        if account.second_factor:
            return {"success": True, "hash": value, "second_factor_required": True}
        with self.lock:
            self.sessions[value] = account.principal
        return {"success": True, "hash": value}

    def audit_log_list(self, principal: Principal, params: dict[str, Any], iso: bool) -> dict[str, Any]:
        """Answer ``user/audit/log/list`` as Navixy does (the server sends its bytes, :meth:`audit_log_list_json`)."""
        page, _ = self._audit_log_page(principal, params, iso, encoded=False)
        iso = iso and not self.ignore_iso_header
        return {"success": True, "list": [r.wire(iso) for r in page]}

    def audit_log_list_json(self, principal: Principal, params: dict[str, Any], iso: bool) -> bytes:
        """The answer's bytes: ``json.dumps`` of :meth:`audit_log_list`, joined from each record's JSON."""
        _, bodies = self._audit_log_page(principal, params, iso, encoded=True)
        return b'{"success": true, "list": [' + b", ".join(bodies) + b"]}"

    def _audit_log_page(
        self, principal: Principal, params: dict[str, Any], iso: bool, *, encoded: bool
    ) -> tuple[list[Rec], list[bytes]]:
        """The records of the answer, and (``encoded``) their JSON."""
        if self.on_list is not None:
            self.on_list(self)
        with self.lock:
            if self.fail_next:
                raise self.fail_next.pop(0)
        if not principal.admin:
            raise Failure(11)
        errors: list[dict[str, str]] = []

        def date(name: str) -> datetime | None:
            value = params.get(name)
            if value is None:
                errors.append({"parameter": name, "error": "required"})
                return None
            parsed = parse_date(value, iso)
            if parsed is None:
                errors.append({"parameter": name, "error": "wrong date/time format"})
            return parsed

        start, end = date("from"), date("to")
        limit = int_param(params, "limit", errors, default=self.max_limit)
        offset = int_param(params, "offset", errors, default=0)
        subusers = list_param(params, "subuser_ids", int, errors)
        actions = list_param(params, "actions", str, errors)
        sort = list_param(params, "sort", str, errors) or ["action_date=asc"]
        for option in sort:
            if not SORT_RE.match(option):
                errors.append({"parameter": "sort", "error": f"unknown sort option {option!r}"})
        grouping = params.get("grouping", "default")
        if grouping not in GROUPINGS:
            errors.append({"parameter": "grouping", "error": "unknown grouping"})
        if errors or start is None or end is None:
            raise Failure(7, errors)
        if start > end:
            raise Failure(7, [{"parameter": "to", "error": "must be after from"}])
        if end - start > self.max_span:
            raise Failure(211)
        if limit > self.max_limit:
            raise Failure(212)
        iso = iso and not self.ignore_iso_header
        with self.lock:
            rng = random.Random(self.rng.random())
            if subusers is None and actions is None and grouping == "default":
                where = self._page_by_time(principal.user_id, start, end, list(sort), offset, limit, rng)
                if where is not None:
                    return [self.records[i] for i in where], self._encoded(where, iso) if encoded else []
            found = [
                r
                for r in self.records
                if r.user_id == principal.user_id
                and (start < r.action_date if self.from_exclusive else start <= r.action_date)
                and (r.action_date < end if self.to_exclusive else r.action_date <= end)
                and (subusers is None or r.subuser_id in subusers)
                and (actions is None or r.action in actions)
            ]
        # Shuffle, then stable-sort by the keys from the last to the first: ties come out in a new order each time.
        rng.shuffle(found)
        keys = list(sort)
        if grouping != "default":
            keys.insert(0, f"{'action_datetime' if grouping == 'action_date' else grouping}=asc")
        for option in reversed(keys):
            name, _, direction = option.partition("=")
            found.sort(key=SORT_KEYS[name], reverse=direction == "desc")
        page = found[offset : offset + limit]
        return page, [record_json(r, iso) for r in page] if encoded else []


def record_json(rec: Rec, iso: bool) -> bytes:
    """One record's JSON in an answer, as ``json.dumps`` writes it."""
    return json.dumps(rec.wire(iso)).encode()


def _time(rec: Rec) -> datetime:
    return rec.action_date


SORT_KEYS: dict[str, Callable[[Rec], Any]] = {
    "action": lambda r: r.action,
    "action_date": lambda r: r.action_date.astimezone(USER_TZ).date(),
    "action_datetime": lambda r: r.action_date,
    "user": lambda r: r.user_name,
    "host": lambda r: r.host,
}


def parse_date(value: Any, iso: bool) -> datetime | None:
    """Read ``from``/``to``: ISO 8601 when the ISO header was sent, else ``yyyy-MM-dd HH:mm:ss``, local time."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value) if iso else datetime.strptime(value, PLAIN_FORMAT)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=USER_TZ)
    return parsed.astimezone(UTC)


def int_param(params: dict[str, Any], name: str, errors: list[dict[str, str]], *, default: int) -> int:
    """Read an integer parameter, noting a bad one in ``errors``."""
    value = params.get(name, default)
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        errors.append({"parameter": name, "error": "must be an integer >= 0"})
        return default
    return value


def list_param(params: dict[str, Any], name: str, kind: type, errors: list[dict[str, str]]) -> list[Any] | None:
    """Read a list parameter of ``kind`` items, noting a bad one in ``errors``."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, str):  # form data: a JSON array in a string
        with suppress(ValueError):
            value = json.loads(value)
    if not isinstance(value, list) or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
        errors.append({"parameter": name, "error": f"must be an array of {kind.__name__}"})
        return None
    return value


class NavixyHandler(BaseHTTPRequestHandler):
    """Answers like the Navixy API; ``fake`` is set on a subclass per server."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    fake: NavixyFake

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""
        pass

    def send_json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        """Send ``body`` as JSON with ``status`` (and ``headers``)."""
        self.send_body(status, json.dumps(body).encode(), headers)

    def send_body(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        """Send ``data``, JSON text, with ``status`` (and ``headers``)."""
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def send_failure(self, failure: Failure) -> None:
        """Send the vendor's error envelope for ``failure``."""
        body: dict[str, Any] = {"success": False, "status": {"code": failure.code, "description": failure.description}}
        if failure.errors:
            body["errors"] = failure.errors
        self.send_json(failure.status, body, failure.headers)

    def rate_limited(self, handler: BaseHTTPRequestHandler) -> None:
        """Answer the vendor's rate-limit error (code 15)."""
        self.send_failure(Failure(15))

    def do_GET(self) -> None:
        """GET is answered like POST, as the vendor does."""
        self.send_failure(Failure(5, [{"parameter": "method", "error": "use POST"}]))

    def do_POST(self) -> None:
        """Dispatch an API call."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fake = self.fake
        if fake.latency:
            time.sleep(fake.latency)
        if self.path.rstrip("/").endswith("/user/audit/log/list"):
            with fake.lock:
                fake.list_requests += 1
        if fake.faults is not None and fake.faults.inject(self, vendor_rate_limit=self.rate_limited):
            return
        path = urlsplit(self.path).path.rstrip("/")
        try:
            params = self.read_params(raw)
            if path == "/v2/user/auth":
                self.send_json(200, fake.user_auth(params))
            elif path == "/v2/user/audit/log/list":
                principal = fake.principal_for(self, params)
                with fake.lock:
                    fake.list_bodies.append(params)
                    fake.list_headers.append(dict(self.headers.items()))
                iso = self.headers.get("NVX-ISO-DateTime", "").lower() == "true"
                self.send_body(200, fake.audit_log_list_json(principal, params, iso))
            else:
                self.send_failure(Failure(5, description="Unknown method"))
        except Failure as failure:
            self.send_failure(failure)

    def read_params(self, raw: bytes) -> dict[str, Any]:
        """Parameters from a JSON or form body."""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/json":
            try:
                params = json.loads(raw or b"{}")
            except ValueError:
                raise Failure(5) from None
            if not isinstance(params, dict):
                raise Failure(5)
            return params
        if content_type in ("application/x-www-form-urlencoded", ""):
            return {k: v[-1] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
        raise Failure(5)


@contextmanager
def running(fake: NavixyFake) -> Iterator[tuple[QuietServer, str]]:
    """Serve ``fake``; yields the server and its base URL (``http://127.0.0.1:PORT/v2``).

    Like :func:`audit_core.testing.servers.serve`, with a short poll interval so that stopping is quick.
    """
    handler = type("BoundNavixyHandler", (NavixyHandler,), {"fake": fake})
    srv = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield srv, base_url(srv, "/v2")
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)
