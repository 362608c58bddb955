# Generated from tests/voximplant/_async/test_pairs.py by scripts/unasync.py: edit that file.
"""Tests that were written twice (sync and sync), now written once: scripts/unasync.py writes the sync twin."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from audit_core import RetryPolicy
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import AuditLogEntry, Client, ReportFailedError, ReportNotFoundError
from voximplant_audit.testing import FakeVoximplant

FAST = RetryPolicy(max_retries=3, backoff_base=0.01, backoff_max=0.05)
POLL = {"poll_interval": 0.01, "max_poll_interval": 0.05}


def _ids(entries: list[AuditLogEntry]) -> list[int]:
    return [e.audit_log_id for e in entries]


@pytest.mark.parametrize(("page_size", "stop"), [(30, 45), (20, 33)])
def test_cursor_resumes_without_loss_or_repeat(fake_url: tuple[FakeVoximplant, str], page_size: int, stop: int) -> None:
    """An iteration stopped early hands out its cursor; a new one goes on from it."""
    fake, url = fake_url
    with Client(fake.account.credentials(), base_url=url, concurrency=3) as vox:
        pager = vox.iter_audit_log(SINCE, UNTIL, page_size=page_size)
        head = []
        for entry in pager:
            head.append(entry)
            if len(head) == stop:
                break
        rest = [e for e in vox.iter_audit_log(SINCE, UNTIL, page_size=page_size, cursor=pager.cursor)]
    assert _ids(head + rest) == [r["audit_log_id"] for r in fake.records]


def test_a_server_that_caps_count_loses_nothing(make_fake: Callable[..., FakeVoximplant]) -> None:
    """Should the API return fewer than ``count`` records per call, ``total_count`` keeps the walk going."""
    fake = make_fake(230, cap_count=40)
    with fake.running() as url:
        # One call at a time, so the offsets asked are exactly the walk's (pages asked ahead would be
        # at offsets a capped server makes useless, and are dropped).
        with Client(fake.account.credentials(), base_url=url, concurrency=1) as vox:
            ids = [e.audit_log_id for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)]
        with Client(fake.account.credentials(), base_url=url, concurrency=4) as vox:
            assert [e.audit_log_id for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)] == ids
    assert ids == [r["audit_log_id"] for r in fake.records]
    serial = [c.params["offset"] for c in fake.calls("GetAuditLog")][:6]
    assert serial == ["0", "40", "80", "120", "160", "200"]


def test_report_errors(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(10, report_fails=True)
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url) as vox:
            with pytest.raises(ReportFailedError) as caught:
                [e for e in vox.export_audit_log(SINCE, UNTIL, **POLL)]
            assert caught.value.code == 357 and caught.value.operation == "GetHistoryReports"
            with pytest.raises(ReportNotFoundError) as missing:
                [e for e in vox.iter_report(123456)]
            assert missing.value.code == 557


@pytest.mark.parametrize("mode", ["content-encoding", "gzip-file", "plain"])
def test_cut_download_resumes_without_repeats(make_fake: Callable[..., FakeVoximplant], mode: str) -> None:
    fake = make_fake(400, download_mode=mode, download_chunk=512, cut_downloads=2)
    with fake.running() as url:
        with Client(fake.account.credentials(), base_url=url, retry_policy=FAST) as vox:
            exported = [e for e in vox.export_audit_log(SINCE, UNTIL, **POLL)]
    assert _ids(exported) == [r["audit_log_id"] for r in fake.records]
    assert len(fake.calls("DownloadHistoryReport")) == 3
