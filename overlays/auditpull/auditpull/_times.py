"""``--since``/``--until``/``--lag`` values: ISO 8601 with an offset, ``now``, or a span like ``12h``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_SPAN = re.compile(r"^(\d+)(s|m|h|d|w)$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class UsageError(Exception):
    """A command-line value is wrong; the message says what to write instead."""


def parse_span(text: str, option: str, *, allow_zero: bool = False) -> timedelta:
    """``30m``, ``12h``, ``7d`` (also ``s`` and ``w``) as a timedelta; zero only when ``allow_zero``.

    >>> parse_span("12h", "--since")
    datetime.timedelta(seconds=43200)
    >>> parse_span("0h", "--since")
    Traceback (most recent call last):
    ...
    auditpull._times.UsageError: --since 0h: a span must be more than zero, like 30m, 12h or 7d
    """
    match = _SPAN.match(text.strip())
    if not match:
        raise UsageError(f"{option} {text!r}: write a span like 30m, 12h or 7d")
    span = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    if span <= timedelta(0) and not allow_zero:
        raise UsageError(f"{option} {text}: a span must be more than zero, like 30m, 12h or 7d")
    return span


def parse_when(text: str, option: str, now: datetime) -> datetime:
    """An instant: ISO 8601 with an offset (``Z`` allowed), ``now``, or a span counted back from ``now``.

    >>> now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    >>> parse_when("7d", "--since", now).isoformat()
    '2026-11-18T12:00:00+00:00'
    >>> parse_when("2026-11-01T00:00:00+01:00", "--since", now).isoformat()
    '2026-10-31T23:00:00+00:00'
    """
    value = text.strip()
    if value.lower() == "now":
        return now
    if _SPAN.match(value):
        return now - parse_span(value, option)
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"{option} {text!r}: write ISO 8601 with an offset (2026-11-01T00:00:00Z), now, or a span like 12h"
        ) from None
    if parsed.tzinfo is None:
        raise UsageError(f"{option} {text!r} has no time zone: add Z or an offset like +02:00")
    return parsed.astimezone(UTC)
