"""The GetAuditLogAsync report flow, I/O-free: waiting for a report, checking and parsing its download.

The client sends the requests; this module decides what their answers mean: the
backoff and deadline of the wait (:class:`Poll`), whether a download's head is the
report (:func:`check_download_head`), and the records of its body, parsed as the
bytes arrive (:class:`ReportParser`). A download cut short is tried again by the
client's one retry loop; :class:`Download` skips the rows a previous attempt
already handed out.
"""

from __future__ import annotations

import codecs
import csv
import time
import zlib
from collections.abc import Iterator

import httpx

from audit_core import APIError, InvalidInputError, TransportError, json_body
from voximplant_audit_api.models import (
    HistoryGetAuditLogAsyncResponse200,
    HistoryGetHistoryReportsResponse200,
    HistoryReport,
)

from ._errors import VENDOR, ReportTimeoutError, raise_for_envelope
from ._models import CSV_COLUMNS, AuditLogEntry

_GZIP_MAGIC = b"\x1f\x8b"


class TruncatedReportError(TransportError, ValueError):
    """The report body ended early (a dropped connection): a new download attempt may cure it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, vendor=VENDOR, operation="DownloadHistoryReport")


def _unreadable(message: str) -> TransportError:
    return TransportError(f"unreadable report: {message}", vendor=VENDOR, operation="DownloadHistoryReport")


class ReportParser:
    r"""Push parser for the report CSV: feed byte chunks, get records as soon as their rows end.

    A gzip file body (magic ``1f 8b``) is decompressed on the fly; a body sent with
    ``Content-Encoding: gzip`` arrives here already decoded by httpx. Only the rows
    not yet complete are held in memory. A quoted cell may span lines.

    >>> parser = ReportParser()
    >>> rows = parser.feed(b"audit_log_id,account_id,requested\n1,2,2024-05-01 12:00:00\n")
    >>> [r.audit_log_id for r in rows + parser.close()]
    [1]
    """

    def __init__(self, timezone: str = "UTC", *, with_header: bool = True) -> None:
        self._timezone = timezone
        self._head = b""
        self._inflate: zlib._Decompress | None = None
        self._sniffed = False
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._pending = ""
        self._header: list[str] | None = None if with_header else list(CSV_COLUMNS)
        self.rows = 0

    def feed(self, chunk: bytes) -> list[AuditLogEntry]:
        """Take the next bytes of the body; return the records completed by them."""
        if not self._sniffed:
            self._head += chunk
            if len(self._head) < len(_GZIP_MAGIC):
                return []
            chunk, self._head, self._sniffed = self._head, b"", True
            if chunk.startswith(_GZIP_MAGIC):
                self._inflate = zlib.decompressobj(wbits=31)
        if self._inflate is not None:
            try:
                chunk = self._inflate.decompress(chunk)
            except zlib.error as exc:
                raise _unreadable(f"bad gzip data ({exc})") from None
        return self._text(self._decoder.decode(chunk))

    def close(self) -> list[AuditLogEntry]:
        """End of body: flush what is left; raise ValueError if the file was cut short."""
        tail = b""
        if not self._sniffed:
            tail, self._sniffed = self._head, True
            if tail.startswith(_GZIP_MAGIC):  # pragma: no cover - a 1-byte body cannot be gzip
                self._inflate = zlib.decompressobj(wbits=31)
        if self._inflate is not None:
            try:
                tail = self._inflate.decompress(tail) + self._inflate.flush()
            except zlib.error as exc:
                raise _unreadable(f"bad gzip data ({exc})") from None
            if not self._inflate.eof:
                raise TruncatedReportError("the gzip report ended before its end marker (truncated download)")
        records = self._text(self._decoder.decode(tail, final=True))
        if self._pending.strip():
            if self._pending.count('"') % 2:
                raise TruncatedReportError("the report ended inside a quoted cell (truncated download)")
            records += self._rows([self._pending])
            self._pending = ""
        return records

    def _text(self, text: str) -> list[AuditLogEntry]:
        if not text:
            return []
        self._pending += text
        cut = self._pending.rfind("\n")
        if cut < 0:
            return []
        complete, self._pending = self._pending[: cut + 1], self._pending[cut + 1 :]
        records: list[str] = []
        current = ""
        for line in complete[:-1].split("\n"):
            current += line + "\n"
            if current.count('"') % 2 == 0:  # quotes pair up: the row is complete
                records.append(current)
                current = ""
        if current:
            self._pending = current + self._pending
        return self._rows(records)

    def _rows(self, lines: list[str]) -> list[AuditLogEntry]:
        out: list[AuditLogEntry] = []
        for cells in csv.reader(lines):
            if not cells or cells == [""]:
                continue
            if self._header is None:
                self._header = [cell.strip() for cell in cells]
                missing = {"audit_log_id", "requested"} - set(self._header)
                if missing:
                    raise _unreadable(f"no {', '.join(sorted(missing))} column in the header")
                continue
            row = dict(zip(self._header, cells, strict=False))
            self.rows += 1
            try:
                out.append(AuditLogEntry.from_csv_row(row, self._timezone))
            except (ValueError, TypeError, KeyError) as exc:
                raise _unreadable(f"row {self.rows}: {exc}") from None
        return out


def parse_report(chunks: Iterator[bytes], timezone: str = "UTC") -> Iterator[AuditLogEntry]:
    """Parse a whole report from an iterator of byte chunks (see :class:`ReportParser`)."""
    parser = ReportParser(timezone)
    for chunk in chunks:
        yield from parser.feed(chunk)
    yield from parser.close()


# -- the flow around the file ------------------------------------------------------------------------------

DOWNLOAD = "DownloadHistoryReport"


def check_report_id(report_id: object) -> int:
    """``history_report_id`` must be a positive integer."""
    if isinstance(report_id, bool) or not isinstance(report_id, int) or report_id <= 0:
        raise InvalidInputError(f"history_report_id must be a positive integer, not {report_id!r}", vendor=VENDOR)
    return report_id


def check_seconds(value: object, name: str) -> float:
    """A positive number of seconds (poll intervals, the report time-out)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise InvalidInputError(f"{name} must be a positive number of seconds, not {value!r}", vendor=VENDOR)
    return float(value)


def started_report(body: HistoryGetAuditLogAsyncResponse200) -> int:
    """The ``history_report_id`` GetAuditLogAsync answered with."""
    if not isinstance(body.history_report_id, int):
        raise APIError("GetAuditLogAsync gave no history_report_id", vendor=VENDOR, operation="GetAuditLogAsync")
    return body.history_report_id


def report_of(body: HistoryGetHistoryReportsResponse200, report_id: int) -> HistoryReport | None:
    """The report's entry in a GetHistoryReports answer (None when it is not listed)."""
    for report in body.result or []:
        if report.history_report_id == report_id:
            return report
    return None


def is_completed(report: HistoryReport | None) -> bool:
    """Whether GetHistoryReports says the report is built."""
    return report is not None and isinstance(report.completed, str) and bool(report.completed)


class Poll:
    """Backoff and deadline of the wait for a report."""

    def __init__(self, report_id: int, interval: float, max_interval: float, timeout: float) -> None:
        self.report_id = check_report_id(report_id)
        self.interval = check_seconds(interval, "poll_interval")
        self.max_interval = max(check_seconds(max_interval, "max_poll_interval"), self.interval)
        self.timeout = check_seconds(timeout, "report_timeout")
        self.deadline = time.monotonic() + self.timeout

    def next_wait(self) -> float:
        """Seconds to wait before the next poll; :class:`ReportTimeoutError` when the time is up."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise ReportTimeoutError(
                f"history report {self.report_id} not completed after {self.timeout:g}s",
                vendor=VENDOR,
                operation="GetHistoryReports",
            )
        wait = min(self.interval, remaining)
        self.interval = min(self.interval * 1.5, self.max_interval)
        return wait


class UnusableAnswer(TransportError):
    """An HTML error page or garbled JSON where the report was expected (a proxy hiccup): retried."""

    def __init__(self, message: str) -> None:
        super().__init__(message, vendor=VENDOR, operation=DOWNLOAD)


def wants_body(response: httpx.Response) -> bool:
    """An answer that cannot be the report: an error status, JSON (the error envelope) or an HTML page."""
    kind = response.headers.get("Content-Type", "").lower()
    return response.status_code != 200 or "json" in kind or "html" in kind


def check_download_head(response: httpx.Response) -> None:
    """Raise for an answer that is not the report (its body already read, see :func:`wants_body`)."""
    if response.status_code != 200:
        raise APIError(
            f"HTTP {response.status_code}", status_code=response.status_code, vendor=VENDOR, operation=DOWNLOAD
        )
    kind = response.headers.get("Content-Type", "no content type")
    try:
        data = json_body(response)
    except ValueError:
        raise UnusableAnswer(f"an unreadable answer instead of the report ({kind})") from None
    raise_for_envelope(data, DOWNLOAD)
    raise UnusableAnswer(f"a JSON answer instead of the report ({kind})")


class Download:
    """One report download across attempts: each attempt parses the body anew and skips the rows handed out.

    ``feed(chunk)`` (``None`` at the end of the body) returns the rows not handed out yet.
    """

    def __init__(self, report_id: int) -> None:
        self.report_id = check_report_id(report_id)
        self.handed_out = 0
        self.finished = False
        self._parser = ReportParser()
        self._seen = 0

    def restart(self) -> None:
        """A new attempt: the body starts again from its first byte."""
        self._parser, self._seen = ReportParser(), 0

    def feed(self, chunk: bytes | None) -> list[AuditLogEntry]:
        """The rows completed by ``chunk`` that no attempt handed out yet."""
        if chunk is None:
            rows = self._parser.close()
            self.finished = True
        else:
            rows = self._parser.feed(chunk)
        skip = max(0, min(len(rows), self.handed_out - self._seen))
        self._seen += len(rows)
        fresh = rows[skip:]
        self.handed_out += len(fresh)
        return fresh
