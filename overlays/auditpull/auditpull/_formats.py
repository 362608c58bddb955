"""Output formats: ``jsonl``, ``csv``, ``ocsf`` (JSON lines) and ``table`` (for people)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable

from ._event import AuditEvent, dumps, format_time
from ._ocsf import to_ocsf

FORMATS = ("jsonl", "csv", "ocsf", "table")
CSV_COLUMNS = (
    "vendor",
    "id",
    "time",
    "actor_id",
    "actor_name",
    "actor_type",
    "action",
    "resource_type",
    "resource_id",
    "resource_name",
    "source_ip",
    "user_agent",
    "outcome",
    "raw",
)
_TABLE = (("time (UTC)", 20), ("vendor", 10), ("actor", 24), ("action", 24), ("resource", 32), ("source", 15))


def jsonl_line(event: AuditEvent) -> str:
    """One ``AuditEvent`` as a JSON line."""
    return event.to_json() + "\n"


def ocsf_line(event: AuditEvent) -> str:
    """One OCSF record as a JSON line."""
    return dumps(to_ocsf(event)) + "\n"


def csv_row(event: AuditEvent) -> str:
    r"""One CSV row (RFC 4180 quoting) of :data:`CSV_COLUMNS`, ``raw`` as compact JSON.

    >>> from datetime import datetime, timezone
    >>> csv_row(AuditEvent(vendor="zabbix", id="c1", time=datetime(2024, 5, 1, tzinfo=timezone.utc)))
    'zabbix,c1,2024-05-01T00:00:00Z,,,,,,,,,,,{}\r\n'
    """
    a, r = event.actor, event.resource
    values = (
        event.vendor,
        event.id,
        format_time(event.time),
        a.id,
        a.name,
        a.type,
        event.action,
        r.type,
        r.id,
        r.name,
        event.source_ip,
        event.user_agent,
        event.outcome,
        dumps(event.to_dict()["raw"]),
    )
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def csv_header() -> str:
    """The CSV header row."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(CSV_COLUMNS)
    return buffer.getvalue()


def escape(text: str) -> str:
    r"""Every control, format or line-separator character as a visible escape.

    >>> escape("a\nb\x1b[2Jc\u202e")
    'a\\nb\\x1b[2Jc\\u202e'
    """
    out = []
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") or char == "\\":
            out.append(char.encode("unicode_escape").decode("ascii") if char != "\\" else "\\\\")
        else:
            out.append(char)
    return "".join(out)


def _cell(text: str, width: int) -> str:
    text = escape(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def table_header() -> str:
    """The table's header line."""
    return "  ".join(f"{name:{width}}" for name, width in _TABLE).rstrip() + "\n"


def table_row(event: AuditEvent) -> str:
    """One event as a table line; no field can add a line or reach the terminal raw."""
    a, r = event.actor, event.resource
    actor = a.name or a.id or a.type or "-"
    resource = " ".join(p for p in (r.type, r.name or r.id) if p) or "-"
    action = event.action + (f" ({event.outcome})" if event.outcome else "")
    cells = (
        event.time.strftime("%Y-%m-%d %H:%M:%S"),
        event.vendor,
        actor,
        action,
        resource,
        event.source_ip or "-",
    )
    return "  ".join(f"{_cell(c, w):{w}}" for c, (_, w) in zip(cells, _TABLE, strict=True)).rstrip() + "\n"


def formatter(name: str) -> tuple[Callable[[AuditEvent], str], str]:
    """The line writer of a format and its header (written only into an empty output)."""
    return {
        "jsonl": (jsonl_line, ""),
        "ocsf": (ocsf_line, ""),
        "csv": (csv_row, csv_header()),
        "table": (table_row, table_header()),
    }[name]
