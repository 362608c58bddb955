"""audit_core: secrets, time, wire helpers, and retries against a real loopback server."""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

import httpx
import pytest

from audit_core import (
    APIError,
    AsyncBaseClient,
    BaseClient,
    Classifier,
    InvalidInputError,
    Page,
    Pager,
    RetriesExhaustedError,
    RetryPolicy,
    Secret,
    TransportError,
    call_timeout,
    check_base_url,
    check_window,
    classify_unreadable_json,
    join_list,
    make_timeout,
    parse_retry_after,
    redact,
    require_aware,
)
from audit_core.testing.servers import QuietServer, base_url, serve


class Demo(BaseClient):
    VENDOR = "demo"

    def __init__(self, url: str, classify: Classifier | None = None, **kwargs: Any) -> None:
        self._classifier = classify
        super().__init__(url, **kwargs)

    def classify(self, request: httpx.Request, response: httpx.Response) -> Any:
        return self._classifier(request, response) if self._classifier else None


class AsyncDemo(AsyncBaseClient):
    VENDOR = "demo"


def build_client(*, vendor: str, base_url: str, auth: httpx.Auth | None = None, **kwargs: Any) -> httpx.Client:
    """The httpx client the base client builds (time-outs, retries, the vendor's classify hook)."""
    assert vendor == "demo"
    return Demo(base_url, auth=auth, **kwargs)._http


def build_async_client(*, vendor: str, base_url: str, **kwargs: Any) -> httpx.AsyncClient:
    assert vendor == "demo"
    return AsyncDemo(base_url, auth=None, **kwargs)._http


FAST = RetryPolicy(max_retries=3, backoff_base=0.01)


def test_secret_never_prints() -> None:
    s = Secret("hunter2")
    assert "hunter2" not in repr(s) and "hunter2" not in str(s) and "hunter2" not in f"{s!r} {s}"
    assert s.get_secret_value() == "hunter2"
    assert redact("key hunter2 used", [s]) == "key ********** used"


def test_naive_datetime_is_refused_with_a_fix() -> None:
    with pytest.raises(InvalidInputError, match=r"naive datetime.*tzinfo=timezone.utc"):
        require_aware(datetime(2024, 1, 1), "since")


def test_aware_datetimes_come_out_in_utc() -> None:
    plus2 = timezone(timedelta(hours=2))
    start, end = check_window(datetime(2024, 1, 1, 12, tzinfo=plus2), datetime(2024, 1, 2, tzinfo=plus2))
    assert start == datetime(2024, 1, 1, 10, tzinfo=UTC) and start.tzinfo is UTC
    assert end.tzinfo is UTC


def test_window_must_not_run_backwards() -> None:
    a = datetime(2024, 1, 2, tzinfo=UTC)
    with pytest.raises(InvalidInputError, match="after until"):
        check_window(a, a - timedelta(seconds=1))


def test_join_list() -> None:
    assert join_list([1, 2, 3]) == "1;2;3"
    for bad in (["a;b"], [], "abc", [None], [" x"]):
        with pytest.raises(InvalidInputError):
            join_list(bad)


@pytest.mark.parametrize("url", ["", "   ", "api.example.com", "ftp://x", "http://", "https://x/?a=1"])
def test_bad_base_url_is_refused(url: str) -> None:
    with pytest.raises(InvalidInputError, match="base_url"):
        check_base_url(url)


def test_timeouts_are_never_infinite() -> None:
    assert make_timeout(None) == httpx.Timeout(60.0, connect=5.0)
    with pytest.raises(InvalidInputError):
        make_timeout(httpx.Timeout(None))
    with pytest.raises(InvalidInputError):
        make_timeout(0)


def test_retry_after_both_forms() -> None:
    now = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now=now) == 5.0
    assert parse_retry_after("garbage") is None


class Flaky(BaseHTTPRequestHandler):
    """Answers each path with a script of statuses, then 200."""

    script: ClassVar[dict[str, list[int]]] = {}
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        plan = self.script.get(self.path, [])
        status = plan.pop(0) if plan else 200
        body = b"<html>oops</html>" if status == 299 else json.dumps({"ok": True}).encode()
        self.send_response(200 if status == 299 else status)
        self.send_header("Content-Type", "application/json")
        if status == 429:
            self.send_header("Retry-After", "0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[QuietServer]:
    Flaky.script = {}
    Flaky.seen = []
    with serve(Flaky) as srv:
        yield srv


def test_retries_recover_from_429_and_5xx_and_garbled_json(
    flaky: QuietServer, caplog: pytest.LogCaptureFixture
) -> None:
    Flaky.script["/a"] = [429, 503, 299]
    caplog.set_level(logging.DEBUG)
    with build_client(
        vendor="demo", base_url=base_url(flaky), classify=classify_unreadable_json, retry_policy=FAST
    ) as http:
        response = http.get("/a")
    assert response.json() == {"ok": True}
    assert Flaky.seen == ["/a"] * 4
    assert "retrying" in caplog.text


def test_retries_run_out_with_a_typed_error(flaky: QuietServer) -> None:
    Flaky.script["/b"] = [500] * 10
    with build_client(
        vendor="demo", base_url=base_url(flaky), retry_policy=RetryPolicy(max_retries=2, backoff_base=0.01)
    ) as http:
        with pytest.raises(RetriesExhaustedError) as info:
            http.get("/b")
    err = info.value
    assert (err.vendor, err.operation, err.attempts) == ("demo", "/b", 3)
    assert isinstance(err.last_cause, APIError) and err.last_cause.status_code == 500
    assert len(Flaky.seen) == 3


def test_connection_refused_is_retried_then_reported() -> None:
    with serve(Flaky) as srv:
        dead = base_url(srv)
    with build_client(vendor="demo", base_url=dead, retry_policy=RetryPolicy(max_retries=1, backoff_base=0.01)) as http:
        with pytest.raises(RetriesExhaustedError) as info:
            http.get("/c")
    assert isinstance(info.value.last_cause, TransportError)
    assert info.value.attempts == 2


def test_max_retries_zero_disables_retries(flaky: QuietServer) -> None:
    Flaky.script["/d"] = [503]
    with build_client(vendor="demo", base_url=base_url(flaky), max_retries=0) as http:
        with pytest.raises(RetriesExhaustedError):
            http.get("/d")
    assert Flaky.seen == ["/d"]


@pytest.mark.anyio
async def test_async_client_retries_too(flaky: QuietServer) -> None:
    Flaky.script["/e"] = [502]
    async with build_async_client(vendor="demo", base_url=base_url(flaky), retry_policy=FAST) as http:
        response = await http.get("/e")
    assert response.status_code == 200 and Flaky.seen == ["/e", "/e"]


def test_pager_resumes_from_its_cursor_without_loss_or_repeat() -> None:
    data = list(range(10))
    fail_once = {4}

    def fetch(offset: int) -> Page[int, int]:
        if offset in fail_once:
            fail_once.discard(offset)
            raise TransportError("boom")
        items = data[offset : offset + 2]
        nxt = offset + 2 if offset + 2 < len(data) else None
        return Page(items, [offset + i + 1 for i in range(len(items))], nxt)

    got: list[int] = []
    pager = Pager(fetch, 0)
    with pytest.raises(TransportError):
        got.extend(pager)
    resumed = Pager(fetch, pager.cursor)
    got.extend(resumed)
    assert got == data


class Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        import time

        time.sleep(0.5)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


def test_per_call_timeout_overrides_the_clients() -> None:
    with serve(Slow) as srv, build_client(vendor="demo", base_url=base_url(srv), max_retries=0) as http:
        assert http.get("/").status_code == 200  # the client's 60 s read timeout is plenty
        with call_timeout(httpx.Timeout(0.1)), pytest.raises(RetriesExhaustedError) as info:
            http.get("/")
    assert "timed out" in str(info.value)


class LoginFirst(httpx.Auth):
    """An auth flow that sends a request of its own first, as a login or a token fetch does."""

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        yield httpx.Request("GET", request.url.copy_with(path="/login"))
        yield request


def test_requests_an_auth_flow_makes_get_the_clients_timeout_too() -> None:
    with (
        serve(Slow) as srv,
        build_client(vendor="demo", base_url=base_url(srv), auth=LoginFirst(), timeout=0.1, max_retries=0) as http,
        pytest.raises(RetriesExhaustedError) as info,
    ):
        http.get("/")
    assert info.value.operation == "/login"
    assert "timed out" in str(info.value)


def _ssl_context(http: httpx.Client) -> ssl.SSLContext:
    network = http._transport._wrapped  # type: ignore[attr-defined]
    assert not network.built  # built by the first request only (start-up time)
    context: ssl.SSLContext = network._built()._pool._ssl_context
    return context


def test_tls_is_verified_by_default_and_verify_false_is_explicit() -> None:
    with build_client(vendor="demo", base_url="https://example.com") as http:
        context = _ssl_context(http)
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname
    with build_client(vendor="demo", base_url="https://example.com", verify=False) as http:
        assert _ssl_context(http).verify_mode == ssl.CERT_NONE
