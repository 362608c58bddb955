"""Voximplant's wire format: `;`-joined lists, ``true``/``false``, UTC ``YYYY-MM-DD HH:mm:ss`` dates (I/O-free)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import httpx

from audit_core import InvalidInputError, check_ints, check_window, format_utc, join_list

from ._errors import VENDOR

DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
#: The most records GetAuditLog returns per call.
MAX_PAGE_SIZE = 1000
_SECOND = timedelta(seconds=1)


def ceil_second(value: datetime) -> datetime:
    """The first whole second at or after ``value``.

    >>> from datetime import UTC
    >>> ceil_second(datetime(2024, 5, 1, 0, 0, 0, 1, tzinfo=UTC)).isoformat()
    '2024-05-01T00:00:01+00:00'
    """
    whole = value.replace(microsecond=0)
    return whole if whole == value else whole + _SECOND


def last_second_before(value: datetime) -> datetime:
    """The last whole second strictly before ``value``: the inclusive ``to_date`` of a window ending at ``value``.

    >>> from datetime import UTC
    >>> last_second_before(datetime(2024, 5, 1, 0, 0, 5, tzinfo=UTC)).isoformat()
    '2024-05-01T00:00:04+00:00'
    """
    return ceil_second(value) - _SECOND


def format_date(value: datetime, name: str) -> str:
    """An aware datetime as the API's UTC date string; naive ones are refused.

    >>> from datetime import timedelta, timezone
    >>> format_date(datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=3))), "since")
    '2024-05-01 09:00:00'
    """
    return format_utc(value, DATE_FORMAT, name=name)


def parse_date(value: str, zone: str = "UTC") -> datetime:
    """A ``YYYY-MM-DD HH:mm:ss`` string in ``zone`` as an aware UTC datetime.

    >>> parse_date("2024-05-01 12:00:00", "Europe/Moscow").isoformat()
    '2024-05-01T09:00:00+00:00'
    """
    tz = zone_info(zone)
    text = value.strip()
    if len(text) == 19 and text[10] == " " and text[13] == ":" and text[16] == ":" and text.isascii():
        try:  # the shape the API sends, read by fromisoformat: a tenth of strptime's time
            when = datetime.fromisoformat(text)
        except ValueError:
            when = datetime.strptime(text, DATE_FORMAT)
    else:
        when = datetime.strptime(text, DATE_FORMAT)
    return when.replace(tzinfo=tz).astimezone(UTC)


@functools.lru_cache(maxsize=64)
def zone_info(zone: str) -> ZoneInfo:
    """The time zone an answer names (``"Etc/GMT"``, ``"Europe/Moscow"``); UTC when blank (cached per name)."""
    name = (zone or "UTC").strip() or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} in the answer") from None


def _opt_strs(values: Iterable[str] | None, name: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(
            f"{name} must be a list of strings, not a single {type(values).__name__}", vendor=VENDOR
        )
    items = list(values)
    for item in items:
        if not isinstance(item, str):
            raise InvalidInputError(f"{name}: {item!r} is not a string", vendor=VENDOR)
    join_list(items, sep=";", name=name, vendor=VENDOR)  # no empty list, no blanks, no ';' inside an item
    return items


def _opt_ids(values: Iterable[int] | None) -> list[int] | None:
    ids = check_ints(values, "audit_log_ids", vendor=VENDOR)
    if ids is not None and not ids:
        raise InvalidInputError("audit_log_ids is empty: pass None to leave the filter out", vendor=VENDOR)
    return ids


def _opt_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidInputError(f"{name} must be a string, not {type(value).__name__}", vendor=VENDOR)
    text = str(value).strip()
    if not text:
        raise InvalidInputError(f"{name} is empty: pass None to leave the filter out", vendor=VENDOR)
    return text


@attrs.frozen
class AuditFilters:
    """The validated filters of GetAuditLog / GetAuditLogAsync, named as on the wire.

    The API's ``to_date`` is inclusive, to the second: the window ``[since, until)``
    goes out as ``from_date`` = ``since`` rounded up to a whole second and ``to_date``
    = the last whole second before ``until``. When no whole second is left
    (``since == until``), :attr:`empty` says so and nothing is asked for.

    >>> from datetime import timezone
    >>> f = AuditFilters.build(datetime(2024, 1, 1, tzinfo=timezone.utc), datetime(2024, 2, 1, tzinfo=timezone.utc),
    ...                        audit_log_ids=[1, 2, 3])
    >>> f.kwargs()["audit_log_id"], f.from_date
    ([1, 2, 3], '2024-01-01 00:00:00')
    """

    from_date: str
    to_date: str
    audit_log_id: list[int] | None = None
    filtered_admin_user_id: str | None = None
    filtered_ip: list[str] | None = None
    filtered_cmd: list[str] | None = None
    advanced_filters: str | None = None
    desc_order: bool = False

    @classmethod
    def build(
        cls,
        since: datetime,
        until: datetime,
        *,
        cmds: Iterable[str] | None = None,
        ips: Iterable[str] | None = None,
        audit_log_ids: Iterable[int] | None = None,
        admin_user_id: int | str | None = None,
        advanced_filters: str | None = None,
        desc_order: bool = False,
    ) -> AuditFilters:
        """Check every argument (raising :class:`InvalidInputError`) before any request."""
        start, end = check_window(since, until, vendor=VENDOR)
        if not isinstance(desc_order, bool):
            raise InvalidInputError(f"desc_order must be a bool, not {type(desc_order).__name__}", vendor=VENDOR)
        return cls(
            from_date=ceil_second(start).strftime(DATE_FORMAT),
            to_date=last_second_before(end).strftime(DATE_FORMAT),
            audit_log_id=_opt_ids(audit_log_ids),
            filtered_admin_user_id=_opt_text(admin_user_id, "admin_user_id"),
            filtered_ip=_opt_strs(ips, "ips"),
            filtered_cmd=_opt_strs(cmds, "cmds"),
            advanced_filters=_opt_text(advanced_filters, "advanced_filters"),
            desc_order=desc_order,
        )

    @property
    def empty(self) -> bool:
        """Whether the window holds no whole second (the dates share one sortable format)."""
        return self.from_date > self.to_date

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for the generated functions (absent filters left out)."""
        return {key: value for key, value in attrs.asdict(self).items() if value is not None}


def check_page_size(page_size: object) -> int:
    """``page_size`` must be an int in 1..1000 (the API's limit for ``count``)."""
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidInputError(
            f"page_size must be an integer from 1 to {MAX_PAGE_SIZE}, not {page_size!r}", vendor=VENDOR
        )
    return page_size


def join_repeated_keys(url: httpx.URL) -> httpx.URL:
    """Rewrite repeated query keys (how generated code sends lists) into one `;`-joined value.

    The Management API reads a list as ``audit_log_id=1;2;3``; ``audit_log_id=1&audit_log_id=2``
    would only keep one of them. The `;` goes out literally, as the vendor documents it.
    Booleans already go out as ``true``/``false``.

    >>> str(join_repeated_keys(httpx.URL("https://h/p?a=1&b=x&a=2")))
    'https://h/p?a=1;2&b=x'
    """
    params = url.params
    if not params:
        return url
    parts: list[str] = []
    for key in params:
        values = params.get_list(key)
        value = values[0] if len(values) == 1 else join_list(values, sep=";", name=key, vendor=VENDOR)
        parts.append(f"{quote_plus(key)}={quote_plus(value, safe=';')}")
    return url.copy_with(query="&".join(parts).encode("ascii"))


def join_lists_hook(request: httpx.Request) -> None:
    """Request hook (httpx) applying :func:`join_repeated_keys` to every request."""
    request.url = join_repeated_keys(request.url)


async def async_join_lists_hook(request: httpx.Request) -> None:
    """The async counterpart of :func:`join_lists_hook`."""
    join_lists_hook(request)
