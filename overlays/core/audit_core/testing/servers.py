"""Real HTTP servers on 127.0.0.1 for the tests: a threaded server around a handler class."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that does not print tracebacks of clients that hang up."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet about clients that hang up early."""
        pass


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler], server: type[QuietServer] = QuietServer) -> Iterator[QuietServer]:
    """Run ``handler`` on a free loopback port for the duration of the block.

    The base URL is ``f"http://127.0.0.1:{srv.server_port}"``.
    """
    # Headers and body in one segment: without this, Nagle + delayed ACK add ~40 ms a request.
    handler.disable_nagle_algorithm = True
    srv = server(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=srv.serve_forever, kwargs={"poll_interval": 0.05}, name=f"{handler.__name__}-server", daemon=True
    )
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


def base_url(srv: QuietServer, path: str = "") -> str:
    """The URL of a server started by :func:`serve`, with an optional path prefix."""
    return f"http://127.0.0.1:{srv.server_port}{path}"
