"""Configuration, errors, enums and reprs of 0.2.0, written once: scripts/unasync.py writes the sync twin."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import audit_core
import voximplant_audit
from audit_core import (
    AuditError,
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetriesExhaustedError,
    RetryPolicy,
)
from audit_core.testing.servers import base_url, serve
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import AsyncClient, Credentials, ErrorCode, JWTAuth, VoximplantAPIError
from voximplant_audit._errors import error_from_envelope
from voximplant_audit.testing import Account, FakeVoximplant

pytestmark = pytest.mark.anyio


@contextmanager
def answering(status: int) -> Iterator[str]:
    """A server on 127.0.0.1 that answers every call with ``status`` and a plain-text body."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"no"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve(Handler) as srv:
        yield base_url(srv, "/platform_api")


async def test_missing_or_conflicting_credentials_are_configuration_errors(account: Account) -> None:
    with pytest.raises(ConfigurationError, match="no credentials: give credentials=, or auth="):
        AsyncClient()
    auth = JWTAuth(Credentials.from_mapping(account.credentials()))
    with pytest.raises(ConfigurationError, match="not both") as caught:
        AsyncClient(account.credentials(), auth=auth)
    assert "credentials=" in str(caught.value) and "auth=" in str(caught.value)
    with pytest.raises(ConfigurationError, match="missing key_id"):
        AsyncClient({"account_id": 1})
    with pytest.raises(ConfigurationError, match="auth= must be a JWTAuth"):
        AsyncClient(auth="Bearer x")  # type: ignore[arg-type]


async def test_credentials_files_that_cannot_be_used(
    tmp_path: Path, account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigurationError, match="cannot be read"):
        AsyncClient.from_credentials(tmp_path)  # a directory
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="expected a JSON object"):
        AsyncClient.from_credentials(listing)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not valid JSON"):
        AsyncClient.from_env({"VOXIMPLANT_CREDENTIALS": str(broken)})
    monkeypatch.setenv("VOXIMPLANT_CREDENTIALS", "  ")
    with pytest.raises(ConfigurationError, match="no credentials: set VOXIMPLANT_CREDENTIALS"):
        AsyncClient.from_env()


async def test_from_env_takes_the_options_by_keyword(
    credentials_file: Path, fake_url: tuple[FakeVoximplant, str]
) -> None:
    _, url = fake_url
    env = {"VOXIMPLANT_CREDENTIALS": str(credentials_file)}
    policy = RetryPolicy(max_retries=1)
    async with AsyncClient.from_env(env, base_url=url, retry_policy=policy, concurrency=2, timeout=5.0) as vox:
        assert vox.base_url == url
        entries = [e async for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)]
    assert len(entries) == 250
    with pytest.raises(InvalidInputError, match="did you mean max_retries="):
        AsyncClient.from_env(env, base_url=url, max_retry=2)  # type: ignore[call-arg]
    with pytest.raises(InvalidInputError, match="did you mean concurrency="):
        AsyncClient.from_env(env, concurency=2)  # type: ignore[call-arg]
    with pytest.raises(InvalidInputError, match="concurrency must be an integer from 1 to 16"):
        AsyncClient.from_credentials(credentials_file, concurrency=0)


def test_the_core_errors_are_re_exported() -> None:
    for name in audit_core.ERRORS:
        assert getattr(voximplant_audit, name) is getattr(audit_core, name), name
        assert name in voximplant_audit.__all__


def test_error_codes_are_an_open_enum() -> None:
    error = error_from_envelope({"code": 4242, "msg": "new"}, "GetAuditLog")
    assert isinstance(error, VoximplantAPIError)
    assert isinstance(error.code, ErrorCode) and error.code == 4242
    assert error.code.name == "UNKNOWN_4242" and error.code.value == 4242 and not error.code.is_known
    assert error.code_name is None and "(code 4242)" in str(error)
    known = error_from_envelope({"code": 340, "msg": "slow down"}, "GetAuditLog")
    assert known is not None and known.code is ErrorCode.RATE_LIMIT_EXCEEDED and known.code.is_known


@pytest.mark.parametrize(
    ("status", "kind"),
    [(401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError)],
)
async def test_http_error_statuses_raise_the_shared_classes(account: Account, status: int, kind: type) -> None:
    with answering(status) as url:
        async with AsyncClient(account.credentials(), base_url=url) as vox:
            with pytest.raises(kind) as caught:
                [e async for e in vox.iter_audit_log(SINCE, UNTIL)]
    error = caught.value
    assert isinstance(error, VoximplantAPIError) and isinstance(error, AuditError)
    assert error.vendor == "voximplant" and error.operation == "GetAuditLog" and error.status_code == status


async def test_http_429_is_retried_then_reported(account: Account) -> None:
    policy = RetryPolicy(max_retries=1, backoff_base=0.01, backoff_max=0.02)
    with answering(429) as url:
        async with AsyncClient(account.credentials(), base_url=url, retry_policy=policy) as vox:
            with pytest.raises(RetriesExhaustedError) as caught:
                [e async for e in vox.iter_audit_log(SINCE, UNTIL)]
    assert caught.value.attempts == 2 and isinstance(caught.value.last_cause, RateLimitError)


async def test_reprs_show_fields_not_unset(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    async with AsyncClient(fake.account.credentials(), base_url=url) as vox:
        pager = vox.iter_audit_log(SINCE, UNTIL, page_size=5)
        (entry,) = [e async for e in vox.iter_audit_log(SINCE, UNTIL, audit_log_ids=[900002])]
        shown = repr(entry)
        assert repr(vox) == f"<{type(vox).__name__} base_url='{url}'>"
    assert "Unset" not in shown and "object at 0x" not in shown
    assert "audit_log_id=900002" in shown and "'skill_name': 'skill 1'" in shown
    assert "AuditLogCursor(position=" in repr(pager.cursor)
    assert json.loads(json.dumps(entry.raw.to_dict()))["audit_log_id"] == 900002


async def test_a_not_ready_report_is_not_retried(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(5, report_polls=100)
    with fake.running() as url:
        async with AsyncClient(fake.account.credentials(), base_url=url) as vox:
            filters = voximplant_audit.AuditFilters.build(SINCE, UNTIL)
            report_id = await vox.start_audit_log_report(filters)
            with pytest.raises(voximplant_audit.ReportNotReadyError):
                [e async for e in vox.iter_report(report_id)]
    assert len(fake.calls("DownloadHistoryReport")) == 1
