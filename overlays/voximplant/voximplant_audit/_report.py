"""Reading a history report incrementally: gzip or plain bytes in, audit-log records out."""

from __future__ import annotations

import codecs
import csv
import zlib
from collections.abc import Iterator

from audit_core import TransportError

from ._errors import VENDOR
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
