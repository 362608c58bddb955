"""Explicit time zones: aware datetimes in, aware UTC datetimes out."""

from __future__ import annotations

from datetime import UTC, datetime

from ._errors import InvalidInputError

_HOW_TO_FIX = (
    "pass an aware datetime, e.g. datetime(2024, 5, 1, tzinfo=timezone.utc) "
    "or naive_value.replace(tzinfo=ZoneInfo('Europe/Berlin'))"
)


def require_aware(value: datetime, name: str, *, vendor: str | None = None) -> datetime:
    """Return ``value`` converted to UTC; reject naive datetimes with a clear message.

    >>> require_aware(datetime(2024, 1, 1, 12, tzinfo=UTC), "since").isoformat()
    '2024-01-01T12:00:00+00:00'
    >>> require_aware(datetime(2024, 1, 1), "since")
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: since is a naive datetime (no time zone): pass an aware ...
    """
    if not isinstance(value, datetime):
        raise InvalidInputError(f"{name} must be a datetime, not {type(value).__name__}", vendor=vendor)
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(f"{name} is a naive datetime (no time zone): {_HOW_TO_FIX}", vendor=vendor)
    return value.astimezone(UTC)


def check_window(since: datetime, until: datetime, *, vendor: str | None = None) -> tuple[datetime, datetime]:
    """Validate a ``[since, until)`` window and return both ends in UTC.

    >>> a = datetime(2024, 1, 1, tzinfo=UTC)
    >>> check_window(a, a.replace(day=2))[1].day
    2
    """
    start = require_aware(since, "since", vendor=vendor)
    end = require_aware(until, "until", vendor=vendor)
    if start > end:
        raise InvalidInputError(f"since ({start.isoformat()}) is after until ({end.isoformat()})", vendor=vendor)
    return start, end


def utc_from_timestamp(value: int | float | str) -> datetime:
    """Turn a Unix timestamp (possibly sent as a string) into an aware UTC datetime.

    >>> utc_from_timestamp("0").isoformat()
    '1970-01-01T00:00:00+00:00'
    """
    return datetime.fromtimestamp(int(value), tz=UTC)


def format_utc(value: datetime, fmt: str = "%Y-%m-%d %H:%M:%S", *, name: str = "datetime") -> str:
    """Format an aware datetime in UTC with ``fmt`` (naive ones are rejected).

    >>> format_utc(datetime(2024, 1, 1, 1, tzinfo=UTC))
    '2024-01-01 01:00:00'
    """
    return require_aware(value, name).strftime(fmt)
