"""The GetAuditLogAsync report flow end to end, and the incremental CSV parser."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit_core import RetriesExhaustedError, RetryPolicy
from tests.support.contract import AsyncContractTransport
from tests.voximplant.conftest import SINCE, UNTIL, assert_contract_clean, contract
from voximplant_audit import (
    AsyncClient,
    AuditLogEntry,
    Client,
    ReportParser,
    ReportTimeoutError,
    TruncatedReportError,
)
from voximplant_audit.testing import FakeVoximplant, make_records, report_csv

FAST = RetryPolicy(max_retries=3, backoff_base=0.01, backoff_max=0.05)
POLL = {"poll_interval": 0.01, "max_poll_interval": 0.05}


@pytest.mark.parametrize("mode", ["content-encoding", "gzip-file", "plain"])
def test_export_matches_the_paged_pull(make_fake: Callable[..., FakeVoximplant], mode: str) -> None:
    fake = make_fake(300, timezone="Asia/Tokyo", report_polls=2, download_mode=mode, download_chunk=1000)
    checker = contract()
    with fake.running() as url, Client(fake.account.credentials(), base_url=url, transport=checker) as vox:
        exported = list(vox.export_audit_log(SINCE, UNTIL, cmds=["DelUser", "AddRule"], **POLL))
        paged = list(vox.iter_audit_log(SINCE, UNTIL, cmds=["DelUser", "AddRule"], page_size=100))
    assert_contract_clean(checker)
    assert exported == paged and len(exported) == 75
    assert exported[0].raw.subuser_name == paged[0].raw.subuser_name  # quotes and commas survive the CSV
    (start,) = fake.calls("GetAuditLogAsync")
    assert start.params["filtered_cmd"] == "DelUser;AddRule" and start.params["output"] == "csv"
    assert len(fake.calls("GetHistoryReports")) == 3  # not ready, not ready, completed
    assert len(fake.calls("DownloadHistoryReport")) == 1


@pytest.mark.anyio
async def test_async_export_matches_the_paged_pull(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(300, report_polls=1, download_mode="gzip-file")
    checker = contract()
    with fake.running() as url:
        async with AsyncClient(
            fake.account.credentials(), base_url=url, transport=AsyncContractTransport(checker)
        ) as vox:
            exported = [e async for e in vox.export_audit_log(SINCE, UNTIL, **POLL)]
            paged = [e async for e in vox.iter_audit_log(SINCE, UNTIL, page_size=100)]
    assert_contract_clean(checker)
    assert exported == paged and len(exported) == 300


def test_report_that_never_completes_times_out(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(10, report_polls=10**6)
    with fake.running() as url, Client(fake.account.credentials(), base_url=url) as vox:
        with pytest.raises(ReportTimeoutError, match=r"not completed after 0\.2s"):
            list(vox.export_audit_log(SINCE, UNTIL, report_timeout=0.2, **POLL))
    assert len(fake.calls("GetHistoryReports")) >= 2


def test_download_that_keeps_failing_gives_up_clearly(make_fake: Callable[..., FakeVoximplant]) -> None:
    fake = make_fake(400, download_chunk=512, cut_downloads=100)
    with fake.running() as url, Client(fake.account.credentials(), base_url=url, retry_policy=FAST) as vox:
        with pytest.raises(RetriesExhaustedError) as caught:
            list(vox.export_audit_log(SINCE, UNTIL, **POLL))
    error = caught.value
    assert error.vendor == "voximplant" and error.operation == "DownloadHistoryReport" and error.attempts == 4


# -- the parser -------------------------------------------------------------------------------------------

RECORDS = make_records(40)
CSV = report_csv(RECORDS)


def _feed(body: bytes, cuts: list[int]) -> tuple[list[AuditLogEntry], int]:
    """Feed ``body`` split at ``cuts``; return the records and how many came out before close()."""
    parser = ReportParser()
    out: list[AuditLogEntry] = []
    bounds = [0, *sorted(set(cuts)), len(body)]
    for a, b in itertools.pairwise(bounds):
        out += parser.feed(body[a:b])
    early = len(out)
    return out + parser.close(), early


@settings(max_examples=60, deadline=None)
@given(cuts=st.lists(st.integers(min_value=0, max_value=len(CSV)), max_size=30), gz=st.booleans())
def test_any_chunking_gives_the_same_records(cuts: list[int], gz: bool) -> None:
    body = gzip.compress(CSV) if gz else CSV
    records, _ = _feed(body, [c for c in cuts if c <= len(body)])
    assert [r.audit_log_id for r in records] == [r["audit_log_id"] for r in RECORDS]
    assert [r.subuser_name for r in records] == [r["subuser_name"] for r in RECORDS]
    assert [r.requested for r in records] == [r["requested"] for r in RECORDS]


def test_records_come_out_before_the_end_of_the_body() -> None:
    records, early = _feed(gzip.compress(CSV), list(range(0, 10_000, 64)))
    assert len(records) == 40 and early >= 39  # all but possibly the last row before close()


def test_quoted_newlines_bom_and_crlf() -> None:
    body = (
        "\ufeffaudit_log_id,requested,subuser_name,cmd_args\r\n"
        '1,2024-05-01 00:00:00,"two\r\nlines, ""quoted""","{""a"": 1}"\r\n'
        "2,2024-05-01 00:00:01,,\r\n"
    ).encode()
    records, _ = _feed(body, list(range(len(body))))
    assert [r.audit_log_id for r in records] == [1, 2]
    assert records[0].subuser_name == 'two\r\nlines, "quoted"' and records[1].subuser_name is None
    assert records[0].cmd_args is not None and records[0].cmd_args["a"] == 1


def test_truncated_bodies_are_detected() -> None:
    body = gzip.compress(CSV)
    parser = ReportParser()
    parser.feed(body[: len(body) // 2])
    with pytest.raises(TruncatedReportError):
        parser.close()
    parser = ReportParser()
    parser.feed(b'audit_log_id,requested,subuser_name\n1,2024-05-01 00:00:00,"cut he')
    with pytest.raises(TruncatedReportError):
        parser.close()
