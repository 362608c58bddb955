"""Fault injection for the fake servers (and the proxy in front of the real Zabbix).

A fake's request handler calls :meth:`FaultPlan.inject` first; when it returns
True the fault has been sent (or the connection broken) and the handler must
stop. Faults are drawn with a seeded RNG at ``rate`` from ``kinds``, and every
injected fault is counted, so tests can print what they survived.

Kinds:
``429``            429 Too Many Requests with ``Retry-After`` (seconds)
``500``/``502``/``503``  a plain server error
``vendor_rate_limit``    the vendor's own rate-limit answer (the fake supplies it)
``reset``          the connection is closed without an answer
``stall``          the answer is held back longer than the client's read time-out
``truncated``      a JSON body cut in half (Content-Length promises more)
``invalid_json``   HTTP 200 with a body that is not JSON
``html``           HTTP 200 with an HTML error page
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler

ALL_KINDS: tuple[str, ...] = (
    "429",
    "500",
    "502",
    "503",
    "vendor_rate_limit",
    "reset",
    "stall",
    "truncated",
    "invalid_json",
    "html",
)

#: Sends the vendor's own rate-limit answer on the handler.
VendorRateLimit = Callable[[BaseHTTPRequestHandler], None]


class FaultPlan:
    """Which faults to inject, how often, and what was injected so far."""

    def __init__(
        self,
        rate: float = 0.0,
        kinds: Sequence[str] = ALL_KINDS,
        *,
        seed: int = 1234,
        stall_seconds: float = 2.0,
        retry_after: str = "0",
    ) -> None:
        unknown = set(kinds) - set(ALL_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
        self.rate = rate
        self.kinds = tuple(kinds)
        self.stall_seconds = stall_seconds
        self.retry_after = retry_after
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self.requests = 0
        self.injected: Counter[str] = Counter()

    @property
    def faulted(self) -> int:
        """How many requests got a fault."""
        return sum(self.injected.values())

    def draw(self) -> str | None:
        """Count a request and decide its fault (None: answer normally)."""
        with self._lock:
            self.requests += 1
            if self.rate <= 0 or self._rng.random() >= self.rate:
                return None
            kind = self._rng.choice(self.kinds)
            self.injected[kind] += 1
            return kind

    def inject(self, handler: BaseHTTPRequestHandler, vendor_rate_limit: VendorRateLimit | None = None) -> bool:
        """Maybe send a fault on ``handler``; True when one was sent and the handler must stop."""
        kind = self.draw()
        if kind is None:
            return False
        if kind == "vendor_rate_limit" and vendor_rate_limit is None:
            kind = "429"
        send_fault(handler, kind, self, vendor_rate_limit)
        return True

    def summary(self) -> str:
        """One line for the test output: requests seen and faults by kind."""
        kinds = ", ".join(f"{k}={v}" for k, v in sorted(self.injected.items()))
        return f"requests={self.requests} faulted={self.faulted} ({kinds})"


def send_fault(
    handler: BaseHTTPRequestHandler,
    kind: str,
    plan: FaultPlan,
    vendor_rate_limit: VendorRateLimit | None = None,
) -> None:
    """Send one fault of ``kind`` on ``handler`` (the request body must already be read)."""
    if kind == "vendor_rate_limit" and vendor_rate_limit is not None:
        vendor_rate_limit(handler)
    elif kind in ("429", "500", "502", "503"):
        body = b'{"message": "injected fault"}'
        handler.send_response(int(kind))
        if kind == "429":
            handler.send_header("Retry-After", plan.retry_after)
        _send_body(handler, body, "application/json")
    elif kind == "reset":
        # SO_LINGER 0: the close sends RST, like a crashed peer or a load balancer dropping us.
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
        handler.connection.close()
    elif kind == "stall":
        time.sleep(plan.stall_seconds)
        handler.close_connection = True
    elif kind == "truncated":
        body = b'{"result": [{"id": 1}, {"id": 2}]}'
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2])
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)
    elif kind == "invalid_json":
        handler.send_response(200)
        _send_body(handler, b'{"result": [', "application/json")
    elif kind == "html":
        handler.send_response(200)
        _send_body(handler, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
    else:
        raise ValueError(kind)


def _send_body(handler: BaseHTTPRequestHandler, body: bytes, content_type: str) -> None:
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
