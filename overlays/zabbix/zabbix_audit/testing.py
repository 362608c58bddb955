"""A fake Zabbix API on 127.0.0.1, for what the real 6.0 cannot do: other versions, faults, demos.

It answers like the real frontend (checked by ``test_differential.py`` against the real
6.0.14 and 7.0.22): HTTP 200 ``application/json`` envelopes, ``id`` echoed with its JSON type,
every record value a string, both time bounds inclusive, ``limit`` without offset, ties in an
arbitrary (shuffled) order unless ``sortfield`` includes ``auditid``, CUID ``auditid`` s,
the same error codes and texts. Version emulation (``FakeZabbix(version="7.0.22")``):

- before 6.4 the credential is read from the request member ``auth`` only (a Bearer header is ignored);
- 6.4 and 7.0 read ``Authorization: Bearer`` and, when there is no such header, the member ``auth``
  (the header wins when both are sent: seen on 7.0.22);
- 7.2 and later refuse the member ``auth`` (-32600 ``unexpected parameter "auth"``) and read the header;
- from 7.0 a user who may not call ``auditlog.get`` gets -32500 (6.0: -32602), ``countOutput``
  with ``sortfield`` fails with -32500 ``Database error occurred.`` (6.0 answers ``[]``) and
  ``excludeSearch`` is applied (6.0.14 ignores it), as 7.0.22 does.

Faults: a :class:`~audit_core.testing.faults.FaultPlan`; its ``vendor_rate_limit`` kind is Zabbix's
transient "Error connecting to database." (code 1). ``db_down = True`` sends that to every call.
``add_records`` may be called from the test while a client iterates.

At scale (benchmarks): ``records`` is kept in ``clock`` order (``add_records`` puts records in
their place, ``load`` sorts once) and ``time_from``/``time_till`` are found by bisection; sorted
by ``clock`` first with a ``limit``, only the seconds that can reach the page are read, so a page
of a million-record store takes milliseconds. Each record's JSON is encoded once (at ``load``, else on
first use) and answers are joined from those bytes: a record changed in place after it was served must
be announced with :meth:`FakeZabbix.changed`. ``latency`` adds that many seconds to every request.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import secrets
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any

from audit_core.testing.faults import FaultPlan
from audit_core.testing.servers import QuietServer, base_url, serve

FIELDS = (
    "auditid",
    "userid",
    "username",
    "clock",
    "ip",
    "action",
    "resourcetype",
    "resourceid",
    "resource_cuid",
    "resourcename",
    "recordsetid",
    "details",
)
FILTER_FIELDS = (
    "auditid",
    "userid",
    "clock",
    "action",
    "resourcetype",
    "ip",
    "resourceid",
    "resourcename",
    "username",
    "recordsetid",
)
SEARCH_FIELDS = ("username", "ip", "resourcename", "details")
PARAMS = {
    "auditids",
    "userids",
    "time_from",
    "time_till",
    "sortfield",
    "sortorder",
    "filter",
    "search",
    "countOutput",
    "excludeSearch",
    "limit",
    "output",
    "preservekeys",
    "searchByAny",
    "searchWildcardsEnabled",
    "startSearch",
}
JSON_TYPES = ("application/json-rpc", "application/json", "application/jsonrequest")
ERRORS = {
    -32700: "Parse error",
    -32600: "Invalid request.",
    -32601: "Method not found.",
    -32602: "Invalid params.",
    -32500: "Application error.",
}
NOT_AUTHORIZED = "Not authorized."
SESSION_TERMINATED = "Session terminated, re-login, please."
BAD_LOGIN = "Incorrect user name or password or account is temporarily blocked."

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(value: int, width: int) -> str:
    out = ""
    while value:
        value, digit = divmod(value, 36)
        out = _B36[digit] + out
    return out.rjust(width, "0")[-width:]


class CuidMaker:
    """CUIDs like Zabbix's: ``c`` + time (8) + counter (4) + fingerprint (4) + random (8) = 25 characters."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._counter = 0
        self._fingerprint = _base36(os.getpid() * 7919 + rng.randrange(36**4), 4)

    def __call__(self) -> str:
        """The next id."""
        self._counter = (self._counter + 1) % 36**4
        rand = _base36(self._rng.randrange(36**8), 8)
        return f"c{_base36(int(time.time() * 1000), 8)}{_base36(self._counter, 4)}{self._fingerprint}{rand}"


class RpcError(Exception):
    """A JSON-RPC error the fake answers with."""

    def __init__(self, code: int, data: str) -> None:
        super().__init__(data)
        self.code = code
        self.data = data


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".")[:3])


class FakeZabbix:
    """State of the fake: users, sessions, tokens and audit records (wire dicts of strings)."""

    def __init__(
        self,
        *,
        version: str = "6.0.14",
        plan: FaultPlan | None = None,
        seed: int = 7,
        clock: Callable[[], int] = lambda: int(time.time()),
    ) -> None:
        self.version = version
        self.plan = plan or FaultPlan()
        self.rng = random.Random(seed)
        self.cuid = CuidMaker(self.rng)
        self.clock = clock
        self.lock = threading.RLock()
        self.db_down = False
        # user name -> (password, userid, super admin)
        self.users: dict[str, tuple[str, str, bool]] = {
            "Admin": ("zabbix", "1", True),
            "guest": ("guestpw", "2", False),
        }
        self.sessions: dict[str, str] = {}
        self.tokens: dict[str, str] = {}
        self.records: list[dict[str, str]] = []
        #: Seconds added to every request (benchmarks: a network's round trip).
        self.latency = 0.0
        self._indexed: list[dict[str, str]] | None = None  # the time index of ``records`` (see _window)
        self._clocks: list[int] = []
        self._in_order = True
        self._bodies: list[bytes | None] = []  # the JSON of each record (parallel to _clocks), None until encoded
        #: (method, where the credential came from: "auth", "bearer" or None) of every call answered
        self.calls: list[tuple[str, str | None]] = []

    # ------------------------------------------------------------------ test helpers
    @property
    def bearer(self) -> bool:
        """Whether this version reads ``Authorization: Bearer``."""
        return _version_tuple(self.version) >= (6, 4)

    @property
    def since_7_0(self) -> bool:
        """Whether this version answers like 7.0 (permission errors, ``countOutput`` with ``sortfield``)."""
        return _version_tuple(self.version) >= (7, 0)

    @property
    def refuses_auth_member(self) -> bool:
        """Whether this version refuses the ``auth`` member."""
        return _version_tuple(self.version) >= (7, 2)

    def issue_token(self, userid: str = "1") -> str:
        """Create an API token for ``userid``."""
        token = secrets.token_hex(32)
        with self.lock:
            self.tokens[token] = userid
        return token

    def add_records(
        self,
        count: int,
        *,
        clock: int | None = None,
        action: str = "0",
        resourcetype: str = "14",
        userid: str = "1",
        username: str = "Admin",
        ip: str = "127.0.0.1",
        name: str = "group",
        details: Callable[[int], str] | None = None,
    ) -> list[dict[str, str]]:
        """Append ``count`` records of one operation (one ``recordsetid``, one ``clock``)."""
        with self.lock:
            at = self.clock() if clock is None else clock
            recordset = self.cuid()
            added = []
            for i in range(count):
                resourcename = f"{name}-{i:05d}"
                resourceid = str(1000 + len(self.records) + i)
                if details is None:
                    text = _dumps(
                        {
                            "hostgroup.name": ["add", resourcename],
                            "hostgroup.uuid": ["add", f"{self.rng.getrandbits(128):032x}"],
                            "hostgroup.groupid": ["add", resourceid],
                        }
                    ).decode()
                else:
                    text = details(i)
                added.append(
                    {
                        "auditid": self.cuid(),
                        "userid": userid,
                        "username": username,
                        "clock": str(at),
                        "ip": ip,
                        "action": action,
                        "resourcetype": resourcetype,
                        "resourceid": resourceid,
                        "resource_cuid": "0",
                        "resourcename": resourcename,
                        "recordsetid": recordset,
                        "details": text,
                    }
                )
            if self.records and at < int(self.records[-1]["clock"]):  # keep the log in clock order
                where = bisect_right(self.records, at, key=_clock)
                self.records[where:where] = added
                self._indexed = None
            else:
                self.records.extend(added)
            return added

    def load(self, records: list[dict[str, str]]) -> None:
        """Replace the audit log with ``records`` (e.g. copied from the real Zabbix; benchmarks: bulk loading)."""
        with self.lock:
            self.records = sorted((dict(r) for r in records), key=_clock)
            self._index()
            self._encoded(range(len(self.records)))  # once, now: no page pays for it

    def changed(self) -> None:
        """Say that records of ``records`` were changed in place: their cached JSON and the time index are redone."""
        with self.lock:
            self._indexed = None

    def _index(self) -> bool:
        """Whether ``records`` is in ``clock`` order; indexes what was appended since (hold the lock)."""
        records = self.records
        if self._indexed is not records or len(self._clocks) > len(records):
            self._indexed, self._clocks, self._bodies, self._in_order = records, [], [], True
        clocks = self._clocks
        if len(clocks) < len(records):
            for r in records[len(clocks) :]:
                clock = int(r["clock"])
                if clocks and clock < clocks[-1]:
                    self._in_order = False
                clocks.append(clock)
            self._bodies += [None] * (len(records) - len(self._bodies))
        return self._in_order

    def _encoded(self, indices: Iterable[int]) -> list[bytes]:
        """The JSON of the records at ``indices`` of ``records``, each encoded once (after _index; hold the lock)."""
        records, bodies = self.records, self._bodies
        out = []
        for i in indices:
            body = bodies[i]
            if body is None:
                body = bodies[i] = _dumps(records[i])
            out.append(body)
        return out

    # ------------------------------------------------------------------ the API
    def handle(self, call: Any, bearer: str | None) -> Any:
        """Answer one JSON-RPC call (already known to be an object); raise RpcError for error envelopes."""
        return self._handle(call, bearer, encoded=False)

    def handle_json(self, call: Any, bearer: str | None) -> bytes:
        """The JSON of :meth:`handle`'s answer (the records of ``auditlog.get`` joined from their cached JSON)."""
        result = self._handle(call, bearer, encoded=True)
        return result if isinstance(result, _Json) else _dumps(result)

    def _handle(self, call: Any, bearer: str | None, *, encoded: bool) -> Any:
        if self.db_down:
            raise RpcError(1, "")
        allowed = {"jsonrpc", "method", "params", "id"} | (set() if self.refuses_auth_member else {"auth"})
        if self.refuses_auth_member:
            for key in call:
                if key not in allowed:
                    raise RpcError(-32600, f'Invalid parameter "/": unexpected parameter "{key}".')
        if call.get("jsonrpc") != "2.0":
            raise RpcError(-32600, 'Invalid parameter "/jsonrpc": value must be "2.0".')
        method = call.get("method")
        if not isinstance(method, str):
            raise RpcError(-32600, 'Invalid parameter "/": the parameter "method" is missing.')
        if "params" not in call:
            raise RpcError(-32600, 'Invalid parameter "/": the parameter "params" is missing.')
        params = call["params"]
        member = call.get("auth") if not self.refuses_auth_member else None
        if member == "":
            raise RpcError(-32600, 'Invalid parameter "/auth": cannot be empty.')
        credential, source = (member, "auth") if member is not None else (None, None)
        if self.bearer and bearer:  # the header wins over the member (7.0.22)
            credential, source = bearer, "bearer"
        with self.lock:
            self.calls.append((method, source))
        if method in ("apiinfo.version", "user.login"):
            if source == "auth":
                raise RpcError(-32602, f'The "{method}" method must be called without the "auth" parameter.')
            if source == "bearer":
                raise RpcError(-32602, f'The "{method}" method must be called without authorization header.')
            return self.version if method == "apiinfo.version" else self._login(params)
        if method not in ("user.logout", "auditlog.get"):
            raise RpcError(-32601, f'Incorrect API "{method.split(".")[0]}".')
        userid = self._authenticate(credential)
        if method == "user.logout":
            return self._logout(str(credential))
        if not self._super_admin(userid):
            raise RpcError(-32500 if self.since_7_0 else -32602, 'No permissions to call "auditlog.get".')
        return self._auditlog(params, encoded=encoded)

    def _authenticate(self, credential: Any) -> str:
        if credential is None:
            raise RpcError(-32602, NOT_AUTHORIZED)
        with self.lock:
            userid = self.sessions.get(credential) or self.tokens.get(credential)
        if userid is None:  # an unknown API token (64 characters) is "not authorized", anything else "terminated"
            raise RpcError(-32602, NOT_AUTHORIZED if len(str(credential)) == 64 else SESSION_TERMINATED)
        return userid

    def _super_admin(self, userid: str) -> bool:
        return any(uid == userid and admin for _, uid, admin in self.users.values())

    def _login(self, params: Any) -> str:
        if not isinstance(params, dict):
            raise RpcError(-32602, 'Invalid parameter "/": an array is expected.')
        names = ("username", "password", "userData") + (("user",) if not self.bearer else ())
        for key in params:
            if key not in names:
                raise RpcError(-32602, f'Invalid parameter "/": unexpected parameter "{key}".')
        name, password = params.get("username", params.get("user")), params.get("password")
        user = self.users.get(name) if isinstance(name, str) else None
        if user is None or user[0] != password:
            raise RpcError(-32500, BAD_LOGIN)
        sid = secrets.token_hex(16)
        with self.lock:  # held until the record is complete: none is encoded (and cached) half made
            self.sessions[sid] = user[1]
            added = self.add_records(1, action="8", resourcetype="0", userid=user[1], username=str(name), name="")
            added[-1].update(resourcename="", details="", resourceid=user[1])
        return sid

    def _logout(self, credential: str) -> bool:
        with self.lock:
            if credential in self.tokens:
                raise RpcError(  # what 6.0.14 says, literally
                    -32500, 'Incorrect field "sessionid" name or value in where statement for table "sessions".'
                )
            userid = self.sessions.pop(credential)
            added = self.add_records(1, action="4", resourcetype="0", userid=userid, name="")
            added[-1].update(resourcename="", details="", resourceid=userid)
        return True

    def _auditlog_get(self, params: Any) -> Any:
        """``auditlog.get``'s result (the server sends :meth:`_auditlog_get_json`)."""
        return self._auditlog(params, encoded=False)

    def _auditlog_get_json(self, params: Any) -> bytes:
        """``auditlog.get``'s result as JSON: ``_dumps`` of :meth:`_auditlog_get`, records joined from their JSON."""
        result = self._auditlog(params, encoded=True)
        return result if isinstance(result, _Json) else _dumps(result)

    def _auditlog(self, params: Any, *, encoded: bool) -> Any:
        """``auditlog.get``'s result; a list of whole records as :class:`_Json` when ``encoded``."""
        if not isinstance(params, dict):
            params = {} if params == [] else None
        if params is None:
            raise RpcError(-32602, 'Invalid parameter "/": an array is expected.')
        for key in params:
            if key not in PARAMS:
                raise RpcError(-32602, f'Invalid parameter "/": unexpected parameter "{key}".')
        limit = params.get("limit")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
            raise RpcError(-32602, 'Invalid parameter "/limit": value must be one of 1-2147483647.')
        auditids = params.get("auditids")
        if isinstance(auditids, str) and len(auditids) != 25:
            raise RpcError(-32602, 'Invalid parameter "/auditids": an array is expected.')
        if isinstance(auditids, list):
            for i, value in enumerate(auditids, 1):
                if not isinstance(value, str) or len(value) != 25:
                    raise RpcError(-32602, f'Invalid parameter "/auditids/{i}": must be 25 characters long.')
        sortfields = _as_list(params.get("sortfield", []))
        for path, field in _paths("/sortfield", sortfields):  # a single field is made a list first
            if field not in ("auditid", "userid", "clock"):
                raise RpcError(
                    -32602, f'Invalid parameter "{path}": value must be one of "auditid", "userid", "clock".'
                )
        orders = _as_list(params.get("sortorder", []))
        for path, order in _paths("/sortorder", params.get("sortorder", [])):
            if order not in ("ASC", "DESC"):
                raise RpcError(-32602, f'Invalid parameter "{path}": value must be one of "ASC", "DESC".')
        for key in params.get("filter") or {}:
            if key not in FILTER_FIELDS:
                raise RpcError(-32602, f'Invalid parameter "/filter": unexpected parameter "{key}".')
        for key in params.get("search") or {}:
            if key not in SEARCH_FIELDS:
                raise RpcError(-32602, f'Invalid parameter "/search": unexpected parameter "{key}".')

        with self.lock:
            exclude = bool(params.get("excludeSearch")) and self.since_7_0  # 6.0.14 ignores it
            records = self.records
            where = self._window(params, sortfields, orders, limit, exclude)
            if where is None:  # not found by clock: every record, each checked
                where = [i for i in range(len(records)) if _matches(records[i], params, exclude)]
            elif _filtered(params):
                where = [i for i in where if _matches(records[i], params, exclude)]
            if params.get("countOutput"):
                if sortfields and self.since_7_0:  # COUNT(*) ... ORDER BY fails in PostgreSQL; 7.0 says so
                    raise RpcError(-32500, "Database error occurred.")
                return [] if sortfields else str(len(where))
            where = list(where)
            if "auditid" not in sortfields:  # (auditid is unique: a sort by it leaves no ties to shuffle)
                self.rng.shuffle(where)  # no defined order, ties included
            if sortfields:
                if len(orders) <= 1:
                    orders = (orders or ["ASC"]) * len(sortfields)
                for field, order in reversed(list(zip(sortfields, orders, strict=False))):
                    sort_key: Callable[[int], Any] = (
                        self._clocks.__getitem__ if field == "clock" else functools.partial(_row_at, records, field)
                    )
                    where.sort(key=sort_key, reverse=order == "DESC")
            if limit is not None:
                where = where[:limit]
            rows = [records[i] for i in where]
            output = params.get("output", "extend")
            if encoded and output == "extend" and not (params.get("preservekeys") and rows):
                return _Json(b"[" + b",".join(self._encoded(where)) + b"]")
        if output != "extend":
            rows = [{k: r[k] for k in FIELDS if k in output} for r in rows]
        if params.get("preservekeys") and rows:
            return {r.get("auditid") or str(i): r for i, r in enumerate(rows)}
        return rows

    def _window(
        self, params: dict[str, Any], sortfields: list[Any], orders: list[Any], limit: Any, exclude: bool = False
    ) -> Sequence[int] | None:
        """Where the records in ``time_from``..``time_till`` are, found by bisection on ``clock`` (hold the lock).

        Sorted by ``clock`` first with a ``limit``: whole seconds from the near end, until ``limit`` match.
        None when the log is not in ``clock`` order (or the bounds are not numbers): every record has to be checked.
        """
        in_order = self._index()
        clocks, records = self._clocks, self.records
        try:
            low, high = int(params.get("time_from", 0)), int(params.get("time_till", 2**63))
        except (TypeError, ValueError):
            return None
        if not in_order:
            return None
        lo, hi = bisect_left(clocks, low), bisect_right(clocks, high)
        if not (sortfields and sortfields[0] == "clock" and isinstance(limit, int)) or params.get("countOutput"):
            return range(lo, hi)
        filtered = _filtered(params)

        def matching(a: int, b: int) -> int:
            return sum(1 for r in records[a:b] if _matches(r, params, exclude)) if filtered else b - a

        found = 0
        if (orders[0] if orders else "ASC") == "DESC":
            end = hi
            while hi > lo and found < limit:
                start = bisect_left(clocks, clocks[hi - 1], lo, hi)
                found += matching(start, hi)
                hi = start
            return range(hi, end)
        start = lo
        while lo < hi and found < limit:
            end = bisect_right(clocks, clocks[lo], lo, hi)
            found += matching(lo, end)
            lo = end
        return range(start, lo)


def _clock(row: dict[str, str]) -> int:
    return int(row["clock"])


class _Json(bytes):
    """A value's JSON text, already encoded."""


def _filtered(params: dict[str, Any]) -> bool:
    """Whether ``params`` asks for more than a ``clock`` window (what :func:`_matches` checks besides the time)."""
    return "auditids" in params or "userids" in params or bool(params.get("filter")) or bool(params.get("search"))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _paths(path: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, list):
        return [(f"{path}/{i}", v) for i, v in enumerate(value, 1)]
    return [(path, value)]


def _row_at(records: list[dict[str, str]], field: str, i: int) -> Any:
    return records[i][field] if field == "auditid" else int(records[i][field])


def _like(value: str, pattern: str, *, start: bool, wildcards: bool) -> bool:
    """SQL ``UPPER(value) LIKE pattern`` as Zabbix builds it.

    A substring (a prefix with ``startSearch``), or with ``searchWildcardsEnabled`` the whole
    value, ``*`` matching anything.
    """
    value, pattern = value.upper(), pattern.upper()
    if wildcards:
        regex = "".join(".*" if ch == "*" else re.escape(ch) for ch in pattern)
        return re.fullmatch(regex, value, re.DOTALL) is not None
    return value.startswith(pattern) if start else pattern in value


def _matches(row: dict[str, str], params: dict[str, Any], exclude: bool = False) -> bool:
    if "auditids" in params and row["auditid"] not in _as_list(params["auditids"]):
        return False
    if "userids" in params and row["userid"] not in [str(u) for u in _as_list(params["userids"])]:
        return False
    clock = int(row["clock"])
    if "time_from" in params and clock < int(params["time_from"]):
        return False
    if "time_till" in params and clock > int(params["time_till"]):
        return False
    for key, wanted in (params.get("filter") or {}).items():
        if row[key] not in [str(w) for w in _as_list(wanted)]:
            return False
    search = params.get("search") or {}
    start = bool(params.get("startSearch"))
    wildcards = bool(params.get("searchWildcardsEnabled"))
    by_any = bool(params.get("searchByAny"))
    hits = []
    for key, patterns in search.items():
        wanted = [p for p in _as_list(patterns) if p != ""]  # empty patterns are dropped, then the field
        if patterns is None or not wanted:
            continue
        # excludeSearch turns each LIKE into NOT LIKE (same AND/OR glue)
        found = [_like(row[key], p, start=start, wildcards=wildcards) != exclude for p in wanted]
        hits.append(any(found) if by_any else all(found))
    return not hits or (any(hits) if by_any else all(hits))


def make_handler(fake: FakeZabbix) -> type[BaseHTTPRequestHandler]:
    """The request handler class of ``fake``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            if body:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._send(412, b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if fake.latency:
                time.sleep(fake.latency)
            if fake.plan.inject(self, vendor_rate_limit=_database_down):
                return
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in JSON_TYPES:
                self._send(412, b"")
                return
            try:
                call = json.loads(raw)
            except ValueError:
                self._send(
                    200,
                    _error(-32700, "Invalid JSON. An error occurred on the server while parsing the JSON text.", None),
                )
                return
            if not isinstance(call, dict) or not call:
                self._send(200, _error(-32600, "The received JSON is not a valid JSON-RPC request.", None))
                return
            call_id = call.get("id")
            auth_header = self.headers.get("Authorization") or ""
            bearer = auth_header[7:] if auth_header.startswith("Bearer ") else None
            try:
                result = fake.handle_json(call, bearer)
            except RpcError as exc:
                if "id" not in call and exc.code != -32600:
                    self._send(200, b"")
                    return
                self._send(200, _error(exc.code, exc.data, call_id))
                return
            if "id" not in call:
                self._send(200, b"")
                return
            # _dumps({"jsonrpc": "2.0", "result": <the result>, "id": call_id}), the result already encoded
            self._send(200, b'{"jsonrpc":"2.0","result":' + result + b',"id":' + _dumps(call_id) + b"}")

    return Handler


#: ``json.dumps(value, separators=(",", ":"))`` without making an encoder for every call.
_COMPACT = json.JSONEncoder(separators=(",", ":"))


def _dumps(value: Any) -> bytes:
    return _COMPACT.encode(value).encode()


def _error(code: int, data: str, call_id: Any) -> bytes:
    message = "Error connecting to database." if code == 1 else ERRORS[code]
    return _dumps({"jsonrpc": "2.0", "error": {"code": code, "message": message, "data": data}, "id": call_id})


def _database_down(handler: BaseHTTPRequestHandler) -> None:
    """Zabbix's transient failure: the frontend cannot reach its database (code 1)."""
    body = _error(1, "", 1)
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def running(fake: FakeZabbix) -> Iterator[tuple[FakeZabbix, str]]:
    """Serve ``fake``; yields it and its frontend URL (the API is at ``<url>/api_jsonrpc.php``)."""
    srv: QuietServer
    with serve(make_handler(fake)) as srv:
        yield fake, base_url(srv)
