"""A faithful fake of NLPearl's ``POST /v2/Account/AuditLog`` on 127.0.0.1.

What it does like the real ASP.NET service (as far as its spec and the
framework tell):

- ``Authorization: Bearer <accountId>:<secretKey>``; a missing or wrong token
  gets 401 with an empty body and a ``WWW-Authenticate: Bearer`` challenge; an
  account without the audit-log right gets 403 (ProblemDetails, or empty);
- the body is the JSON ``AuditLogAPIRequest``; unreadable values get 400
  ``application/problem+json`` ValidationProblemDetails (``type``, ``title``,
  ``status``, ``errors``, ``traceId``);
- ``from``/``to`` are inclusive on both ends (``bounds="exclusive"`` to flip),
  ``eventType`` and ``userId`` filter; there is no pagination;
- the answer is a bare JSON array, newest first, with events of one instant in
  a different random order on every request; timestamps as System.Text.Json
  writes them (UTC ``Z``, fractions to 100 ns, trailing zeros trimmed), or
  without an offset (``naive_timestamps=True``), like an unspecified DateTime;
- faults from a :class:`audit_core.testing.faults.FaultPlan`, the vendor's own rate
  limit being ASP.NET's rate limiter answer (429 problem+json).

At scale (benchmarks): ``events`` is kept in time order (:meth:`NLPearlFake.add` puts an event
in its place, :meth:`NLPearlFake.extend` bulk-loads) and a window is found by bisection, so a
day of a million-event store is served in milliseconds. Each event's JSON is encoded once per
timestamp format (at :meth:`NLPearlFake.extend`, else on first use) and answers are joined from
those bytes: an event changed in place after it was served must be announced with
:meth:`NLPearlFake.changed`. ``latency`` adds that many seconds to every request.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any

from audit_core.testing.faults import FaultPlan
from audit_core.testing.servers import QuietServer, base_url, serve

PATH = "/v2/Account/AuditLog"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ticks_of(when: datetime) -> int:
    """100 ns ticks since the Unix epoch of an aware datetime."""
    delta = when - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


def render(ticks: int, *, naive: bool = False) -> str:
    """A timestamp as System.Text.Json writes a DateTime: trailing zeros of the fraction trimmed."""
    seconds, rest = divmod(ticks, 10_000_000)
    text = (EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    fraction = f"{rest:07d}".rstrip("0")
    if fraction:
        text += "." + fraction
    return text if naive else text + "Z"


def parse_request_time(value: str) -> int:
    """Ticks of a ``from``/``to`` value (an offset-less one is taken as UTC)."""
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    base = ticks_of(when.replace(microsecond=0))
    fraction = value.split(".", 1)[1] if "." in value else ""
    digits = "".join(ch for ch in fraction if ch.isdigit())
    return base + int(digits.ljust(7, "0")[:7] or 0)


class _PromptServer(QuietServer):
    """Notices a shutdown within 20 ms (the default poll of 0.5 s would add that to every test)."""

    def serve_forever(self, poll_interval: float = 0.02) -> None:
        super().serve_forever(poll_interval)


class StoredEvent:
    """One event of the fake's database: its time in ticks and its wire record (minus the timestamp)."""

    def __init__(self, ticks: int, record: dict[str, Any]) -> None:
        self.ticks = ticks
        self.record = record

    def wire(self, *, naive: bool) -> dict[str, Any]:
        """The event as the API sends it."""
        return {"timestamp": render(self.ticks, naive=naive), **self.record}


class NLPearlFake:
    """The fake service: its accounts, its events, its options, and what it was asked."""

    def __init__(
        self,
        *,
        account_id: str = "acc-7f3c",
        secret_key: str = "sk-live-Zq81-NEVER-LEAK",
        bounds: str = "inclusive",
        naive_timestamps: bool = False,
        forbidden: bool = False,
        empty_forbidden_body: bool = False,
        max_range: timedelta | None = None,
        plan: FaultPlan | None = None,
        seed: int = 7,
        latency: float = 0.0,
    ) -> None:
        assert bounds in ("inclusive", "exclusive")
        self.account_id = account_id
        self.secret_key = secret_key
        self.bounds = bounds
        self.naive_timestamps = naive_timestamps
        self.forbidden = forbidden
        self.empty_forbidden_body = empty_forbidden_body
        self.max_range = max_range
        self.plan = plan or FaultPlan(rate=0.0)
        #: Seconds added to every request (benchmarks: a network's round trip).
        self.latency = latency
        #: In time order; the ticks of each, while they are (see _ordered).
        self.events: list[StoredEvent] = []
        self._indexed: list[StoredEvent] | None = None
        self._ticks: list[int] = []
        self._in_order = True
        # The JSON of each event (parallel to ``_ticks``), with naive timestamps and with UTC ones, each
        # encoded once (None: not yet).
        self._bodies: dict[bool, list[bytes | None]] = {True: [], False: []}
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self._rng = random.Random(seed)

    # --- the database -------------------------------------------------------------

    def add(
        self,
        when: datetime,
        event_type: int = 2,
        *,
        user: dict[str, Any] | None = None,
        additional_data: dict[str, Any] | None = None,
        extra_ticks: int = 0,
        **more: Any,
    ) -> StoredEvent:
        """Store an event at ``when`` (+ ``extra_ticks`` of 100 ns); return it."""
        record: dict[str, Any] = {"eventType": event_type, "user": user, "additionalData": additional_data, **more}
        event = StoredEvent(ticks_of(when) + extra_ticks, record)
        with self.lock:
            if self.events and event.ticks < self.events[-1].ticks:
                self.events.insert(bisect_right(self.events, event.ticks, key=_ticks), event)
                self._indexed = None
            else:
                self.events.append(event)
        return event

    def extend(self, events: Iterable[StoredEvent]) -> None:
        """Bulk-load events (benchmarks): appended, then the whole store put in time order once.

        >>> fake = NLPearlFake()
        >>> fake.extend(StoredEvent(t, {"eventType": 2}) for t in (30, 10, 20))
        >>> [e.ticks for e in fake.events]
        [10, 20, 30]
        """
        with self.lock:
            self.events.extend(events)
            self.events.sort(key=_ticks)
            self._indexed = None
            self._ordered()
            self._encoded(range(len(self.events)), self.naive_timestamps)  # once, now: no answer pays for it

    def changed(self) -> None:
        """Say that events of ``events`` were changed in place: their cached JSON and the time index are redone."""
        with self.lock:
            self._indexed = None

    def _ordered(self) -> bool:
        """Whether ``events`` is in time order; indexes what was appended since (hold the lock)."""
        events = self.events
        if self._indexed is not events or len(self._ticks) > len(events):
            self._indexed, self._ticks, self._in_order = events, [], True
            self._bodies = {True: [], False: []}
        ticks = self._ticks
        for ev in events[len(ticks) :]:
            if ticks and ev.ticks < ticks[-1]:
                self._in_order = False
            ticks.append(ev.ticks)
        for bodies in self._bodies.values():
            bodies += [None] * (len(events) - len(bodies))
        return self._in_order

    def _encoded(self, indices: Iterable[int], naive: bool) -> list[bytes]:
        """The JSON of the events at ``indices`` of ``events``, each encoded once (after _ordered; hold the lock)."""
        events, bodies = self.events, self._bodies[naive]
        out = []
        for i in indices:
            body = bodies[i]
            if body is None:
                body = bodies[i] = event_json(events[i], naive)
            out.append(body)
        return out

    def token(self) -> str:
        """The bearer token of this account: ``accountId:secretKey``."""
        return f"{self.account_id}:{self.secret_key}"

    # --- the endpoint -------------------------------------------------------------

    def select(self, start: int | None, end: int | None, event_type: int | None, user_id: str | None) -> list[Any]:
        """The matching events, newest first, ties shuffled anew on each call (the server sends :meth:`select_json`)."""
        naive = self.naive_timestamps
        return [ev.wire(naive=naive) for ev in self._select(start, end, event_type, user_id, None)[0]]

    def select_json(self, start: int | None, end: int | None, event_type: int | None, user_id: str | None) -> bytes:
        """The answer's bytes: ``json.dumps`` of :meth:`select`, joined from each event's JSON."""
        return b"[" + b", ".join(self._select(start, end, event_type, user_id, self.naive_timestamps)[1]) + b"]"

    def _select(
        self, start: int | None, end: int | None, event_type: int | None, user_id: str | None, naive: bool | None
    ) -> tuple[list[StoredEvent], list[bytes]]:
        """The matching events in the answer's order, and their JSON (with ``naive`` timestamps; None: not wanted)."""
        inclusive = self.bounds == "inclusive"
        with self.lock:
            ordered = self._ordered()
            events, ticks = self.events, self._ticks
            if ordered:  # the window by bisection
                lo = 0 if start is None else (bisect_left if inclusive else bisect_right)(ticks, start)
                hi = len(ticks) if end is None else (bisect_right if inclusive else bisect_left)(ticks, end)
            else:
                lo, hi = 0, len(events)
            rng_value = self._rng.random()
            if ordered and event_type is None and user_id is None:
                chosen = list(range(lo, hi))
            else:
                chosen = [i for i in range(lo, hi) if _matches(events[i], start, end, inclusive, event_type, user_id)]
            random.Random(rng_value).shuffle(chosen)  # an unstable order of ties...
            chosen.sort(key=ticks.__getitem__, reverse=True)  # ...that a stable sort by time keeps
            return [events[i] for i in chosen], [] if naive is None else self._encoded(chosen, naive)

    @contextmanager
    def running(self) -> Iterator[str]:
        """Serve on a free port for the block; yields the base URL."""
        fake = self

        class Handler(_Handler):
            pass

        Handler.fake = fake
        with serve(Handler, _PromptServer) as srv:
            yield base_url(srv)


def _ticks(event: StoredEvent) -> int:
    return event.ticks


def _matches(
    ev: StoredEvent, start: int | None, end: int | None, inclusive: bool, event_type: int | None, user_id: str | None
) -> bool:
    if start is not None and (ev.ticks < start if inclusive else ev.ticks <= start):
        return False
    if end is not None and (ev.ticks > end if inclusive else ev.ticks >= end):
        return False
    if event_type is not None and ev.record.get("eventType") != event_type:
        return False
    user = ev.record.get("user")
    return user_id is None or (isinstance(user, dict) and user.get("id") == user_id)


def event_json(event: StoredEvent, naive: bool) -> bytes:
    """One event's JSON in an answer, as ``json.dumps`` writes it."""
    return json.dumps(event.wire(naive=naive)).encode()


def _trace_id() -> str:
    return f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-00"


def validation_problem(errors: dict[str, list[str]]) -> dict[str, Any]:
    """ASP.NET Core's automatic 400 body."""
    return {
        "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        "title": "One or more validation errors occurred.",
        "status": 400,
        "errors": errors,
        "traceId": _trace_id(),
    }


class _Handler(BaseHTTPRequestHandler):
    fake: NLPearlFake
    protocol_version = "HTTP/1.1"
    server_version = "Kestrel"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle and delayed ACKs add 40 ms to each answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str | None = None, **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value: Any, content_type: str = "application/json; charset=utf-8") -> None:
        self._send(status, json.dumps(value).encode(), content_type)

    def _rate_limited(self, handler: BaseHTTPRequestHandler) -> None:
        problem = {"type": "https://tools.ietf.org/html/rfc6585#section-4", "title": "Too Many Requests", "status": 429}
        self._send(429, json.dumps(problem).encode(), "application/problem+json", Retry_After="0")

    def do_GET(self) -> None:
        self._read_body()
        self._send(405 if self.path.split("?")[0] == PATH else 404, Allow="POST")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_POST(self) -> None:
        fake = self.fake
        raw = self._read_body()
        if fake.latency:
            time.sleep(fake.latency)
        if fake.plan.inject(self, vendor_rate_limit=self._rate_limited):
            return
        if self.path.split("?")[0] != PATH:
            self._send(404)
            return
        with fake.lock:
            fake.headers.append(dict(self.headers.items()))
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            self._send(401, WWW_Authenticate="Bearer")
            return
        if auth[len("Bearer ") :] != fake.token():
            self._send(401, WWW_Authenticate='Bearer error="invalid_token"')
            return
        if fake.forbidden:
            if fake.empty_forbidden_body:
                self._send(403)
            else:
                problem = {
                    "type": "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    "title": "Forbidden",
                    "status": 403,
                    "detail": "The API key is not allowed to read the audit log.",
                    "traceId": _trace_id(),
                }
                self._json(403, problem, "application/problem+json; charset=utf-8")
            return
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in ("application/json", "text/json") and not content_type.endswith("+json"):
            problem = {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.16", "title": "Unsupported Media Type"}
            self._json(415, {**problem, "status": 415, "traceId": _trace_id()}, "application/problem+json")
            return
        self._answer(raw)

    def _answer(self, raw: bytes) -> None:
        fake = self.fake
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            self._problem({"$": ["'x' is an invalid start of a value."], "request": ["The request field is required."]})
            return
        if not isinstance(body, dict):
            self._problem({"request": ["The request field is required."]})
            return
        with fake.lock:
            fake.bodies.append(body)
        errors: dict[str, list[str]] = {}
        bounds: dict[str, int | None] = {}
        for name in ("from", "to"):
            value = body.get(name)
            try:
                bounds[name] = None if value is None else parse_request_time(value)
            except (TypeError, ValueError):
                errors[f"$.{name}"] = [
                    f"The JSON value could not be converted to System.Nullable`1[System.DateTime]. Path: $.{name}"
                ]
        event_type = body.get("eventType")
        if event_type is not None and (isinstance(event_type, bool) or not isinstance(event_type, int)):
            errors["$.eventType"] = ["The JSON value could not be converted to System.Nullable`1[eAuditLogEvent]."]
        user_id = body.get("userId")
        if user_id is not None and not isinstance(user_id, str):
            errors["$.userId"] = ["The JSON value could not be converted to System.String."]
        if errors:
            self._problem({**errors, "request": ["The request field is required."]})
            return
        start, end = bounds["from"], bounds["to"]
        if start is not None and end is not None:
            if start > end:
                self._problem({"From": ["'From' must be earlier than 'To'."]})
                return
            if fake.max_range is not None and timedelta(microseconds=(end - start) // 10) > fake.max_range:
                self._problem({"To": [f"The range may not exceed {fake.max_range.days} days."]})
                return
        self._send(200, fake.select_json(start, end, event_type, user_id), "application/json; charset=utf-8")

    def _problem(self, errors: dict[str, list[str]]) -> None:
        self._json(400, validation_problem(errors), "application/problem+json; charset=utf-8")
