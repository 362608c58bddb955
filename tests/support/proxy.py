"""A fault-injecting reverse proxy on 127.0.0.1, for servers we run but cannot make misbehave.

Put it in front of the real Zabbix: each request is either answered with a
fault from the :class:`~audit_core.testing.faults.FaultPlan` or forwarded upstream
unchanged (method, path, headers, body) and the upstream answer relayed back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

import httpx

from audit_core.testing.faults import FaultPlan, VendorRateLimit
from audit_core.testing.servers import QuietServer, serve

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "content-encoding"}


@contextmanager
def fault_proxy(
    upstream: str, plan: FaultPlan, vendor_rate_limit: VendorRateLimit | None = None
) -> Iterator[QuietServer]:
    """Serve a proxy to ``upstream`` (scheme://host:port) injecting ``plan``'s faults."""
    client = httpx.Client(base_url=upstream, timeout=120)

    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _relay(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if plan.inject(self, vendor_rate_limit):
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            answer = client.request(self.command, self.path, headers=headers, content=body)
            self.send_response(answer.status_code)
            for key, value in answer.headers.items():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        do_GET = do_POST = _relay

        def log_message(self, *args: object) -> None:
            pass

    try:
        with serve(Proxy) as srv:
            yield srv
    finally:
        client.close()
