"""The core v2 engine: base client, options, URLs, tokens, open enums, credentials, one retry loop."""

from __future__ import annotations

import gzip
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

import httpx
import pytest

from audit_core import (
    AsyncBaseClient,
    BaseClient,
    ConfigurationError,
    EnvSpec,
    EnvVar,
    InsecureTransportWarning,
    InvalidInputError,
    OpenIntEnum,
    OpenStrEnum,
    RetriesExhaustedError,
    RetryPolicy,
    TransportError,
    decode_token,
    encode_token,
    token_time,
)
from audit_core.testing.servers import QuietServer, base_url, serve

FAST = RetryPolicy(max_retries=3, backoff_base=0.001)


class Demo(BaseClient):
    VENDOR = "demo"
    ENV = EnvSpec(
        vendor="demo",
        url=EnvVar("DEMO_URL", "base_url", "API URL"),
        url_required=True,
        credentials=((EnvVar("DEMO_KEY", "key", "API key", secret=True),),),
    )

    def __init__(self, base_url: str, key: Any = None, **options: Any) -> None:
        self.key = key
        super().__init__(base_url, auth=None, **options)


class AsyncDemo(AsyncBaseClient):
    VENDOR = "demo"


class Color(OpenIntEnum):
    RED = 1


class Mode(OpenStrEnum):
    FAST = "fast"


def test_unknown_enum_values_are_members_that_keep_their_value() -> None:
    known, unknown = Color(1), Color(42)
    assert known is Color.RED and known.is_known
    assert isinstance(unknown, Color) and unknown.name == "UNKNOWN_42" and unknown.value == 42
    assert not unknown.is_known and unknown == 42 and Color(42) is unknown
    assert list(Color) == [Color.RED]  # pseudo-members are not listed
    slow = Mode("slow")
    assert isinstance(slow, Mode) and (slow.name, slow.value, slow.is_known) == ("UNKNOWN_slow", "slow", False)
    with pytest.raises(ValueError, match="not a valid Color"):
        Color("red")  # a value of the wrong type is still refused


def test_tokens_round_trip_and_refuse_garbage_and_other_vendors() -> None:
    token = encode_token("demo", {"p": "2026-01-01T00:00:00+00:00", "ids": [1, 2]})
    assert decode_token("demo", token) == {"p": "2026-01-01T00:00:00+00:00", "ids": [1, 2]}
    for bad in ("", "abc", "v1.", "v1.!!!", "v1." + "eyJ4IjoxfQ", 17, None):
        with pytest.raises(InvalidInputError) as info:
            decode_token("demo", bad)
        assert info.value.vendor == "demo"
    with pytest.raises(InvalidInputError, match="from demo, not other"):
        decode_token("other", token)
    with pytest.raises(InvalidInputError, match="no time zone"):
        token_time("demo", "2026-01-01T00:00:00")
    assert token_time("demo", "2026-01-01T01:00:00+01:00") == datetime(2026, 1, 1, tzinfo=UTC)


def test_credentials_from_the_environment_are_checked_like_arguments() -> None:
    client = Demo.from_env({"DEMO_URL": "https://api.example.com", "DEMO_KEY": "k3y"}, max_retries=0)
    assert client.key.get_secret_value() == "k3y" and "k3y" not in repr(client)
    with pytest.raises(ConfigurationError, match="DEMO_URL is not set") as info:
        Demo.from_env({"DEMO_KEY": "k"})
    assert info.value.vendor == "demo"
    with pytest.raises(ConfigurationError, match="no credentials: set DEMO_KEY"):
        Demo.from_env({"DEMO_URL": "https://api.example.com"})
    overridden = Demo.from_env({"DEMO_URL": "https://a.example.com", "DEMO_KEY": "k"}, base_url="https://b.example.com")
    assert overridden.base_url == "https://b.example.com"


def test_a_misspelled_option_is_refused_with_a_suggestion() -> None:
    with pytest.raises(InvalidInputError, match=r"max_retry= \(did you mean max_retries=\?\)"):
        Demo("https://api.example.com", max_retry=2)
    with pytest.raises(InvalidInputError, match="did you mean timeout="):
        Demo.from_env({"DEMO_URL": "https://a.example.com", "DEMO_KEY": "k"}, timeuot=3)  # type: ignore[call-arg]


def test_user_info_in_the_url_is_refused_without_repeating_the_password() -> None:
    with pytest.raises(InvalidInputError) as info:
        Demo("https://admin:pa55word@api.example.com/v2")
    text = f"{info.value} {info.value!r}"
    assert "user info" in text and "pa55word" not in text and "https://api.example.com/v2" in text


def test_plain_http_warns_once_per_client_except_on_loopback() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        client = Demo("http://api.example.com")
        client._http.build_request("GET", "/")  # using the client does not warn again
        Demo("http://127.0.0.1:8080")
        Demo("http://localhost:8080")
        Demo("http://[::1]:8080")
        Demo("https://api.example.com")
    insecure = [w for w in seen if issubclass(w.category, InsecureTransportWarning)]
    assert len(insecure) == 1 and issubclass(insecure[0].category, UserWarning)
    assert "api.example.com" in str(insecure[0].message)


class BadGzip(BaseHTTPRequestHandler):
    """Answers with a body that claims gzip and is not, ``fail`` times, then a good one."""

    fail: ClassVar[int] = 0
    seen: ClassVar[int] = 0

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        BadGzip.seen += 1
        body = b"not gzip at all" if BadGzip.seen <= BadGzip.fail else gzip.compress(b'{"ok": true}')
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def bad_gzip() -> Iterator[QuietServer]:
    BadGzip.seen = 0
    with serve(BadGzip) as srv:
        yield srv


def test_a_body_that_fails_to_decode_is_retried_like_a_transport_fault(bad_gzip: QuietServer) -> None:
    BadGzip.fail = 2
    with Demo(base_url(bad_gzip), retry_policy=FAST) as client:
        assert client._http.get("/").json() == {"ok": True}
    assert BadGzip.seen == 3
    BadGzip.fail, BadGzip.seen = 99, 0
    with Demo(base_url(bad_gzip), retry_policy=FAST) as client, pytest.raises(RetriesExhaustedError) as info:
        client._http.get("/")
    assert isinstance(info.value.last_cause, TransportError) and "decoded" in str(info.value.last_cause)
    assert BadGzip.seen == 4


@pytest.mark.anyio
async def test_async_decode_failures_are_retried_too(bad_gzip: QuietServer) -> None:
    BadGzip.fail = 1
    async with AsyncDemo(base_url(bad_gzip), auth=None, retry_policy=FAST) as client:
        response = await client._http.get("/")
    assert response.json() == {"ok": True} and BadGzip.seen == 2


def test_the_one_retry_loop_retries_transport_failures_and_nothing_else() -> None:
    calls: list[int] = []

    def flaky(attempt: int) -> str:
        calls.append(attempt)
        if attempt < 3:
            raise httpx.RemoteProtocolError("cut")
        return "done"

    with Demo("https://api.example.com", retry_policy=FAST) as client:
        assert client._retrying("Download", flaky) == "done"
        assert calls == [1, 2, 3]

        def broken(attempt: int) -> str:
            calls.append(attempt)
            raise KeyError("a bug is not retried")

        calls.clear()
        with pytest.raises(KeyError):
            client._retrying("Download", broken)
        assert calls == [1]

        def always(attempt: int) -> str:
            raise TransportError("cut")

        with pytest.raises(RetriesExhaustedError) as info:
            client._retrying("Download", always)
    assert (info.value.vendor, info.value.operation, info.value.attempts) == ("demo", "Download", 4)


def test_the_repr_names_the_class_and_url_only() -> None:
    client = Demo("https://api.example.com/v2/", key="s3cr3t")
    assert repr(client) == "<Demo base_url='https://api.example.com/v2'>"
    with pytest.raises(InvalidInputError, match="no generated client"):
        _ = client.generated


def test_the_sync_twins_are_what_unasync_writes() -> None:
    from scripts.unasync import expected, pairs

    found = pairs()
    assert any("audit_core" in str(src) for src, _ in found)
    for src, dst in found:
        assert dst.read_text(encoding="utf-8") == expected(src), f"{dst} is stale: run make unasync"


def test_the_core_readme_example_of_testing_against_a_fake_runs() -> None:
    import re

    from scripts.specs import ROOT

    text = (ROOT / "overlays" / "core" / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```py\n(.*?)```", text, flags=re.DOTALL)
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    exec(compile(example, "overlays/core/README.md", "exec"), namespace)
    assert namespace["fake"].bodies, "the example made no request"
