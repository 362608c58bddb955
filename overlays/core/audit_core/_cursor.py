"""Cursor tokens: a position in a vendor's record order, as text that a later run resumes from.

Every vendor's cursor is a small frozen class with ``position`` (the time of the
last record handed out, aware UTC) plus what breaks ties at that time, and
``to_token()``. A token is ``v1.`` and the URL-safe base64 of a compact JSON object
that names its vendor, so a token from another vendor, or a garbled one, is
refused with a clear :class:`InvalidInputError` before any request.

>>> token = encode_token("acme", {"p": "2026-01-01T00:00:00+00:00", "id": 7})
>>> decode_token("acme", token)
{'p': '2026-01-01T00:00:00+00:00', 'id': 7}
>>> decode_token("other", token)
Traceback (most recent call last):
...
audit_core._errors.InvalidInputError: other: this cursor token is from acme, not other
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol, TypeVar, runtime_checkable

from ._errors import InvalidInputError
from ._time import require_aware

PREFIX = "v1."


@runtime_checkable
class Cursor(Protocol):
    """What every pager's ``.cursor`` offers."""

    @property
    def position(self) -> datetime:
        """The time of the last record handed out (or where the pull starts), aware UTC."""
        ...

    def to_token(self) -> str:
        """The cursor as text, for ``iter_audit_log(..., cursor=token)`` in a later run."""
        ...


C = TypeVar("C")


def encode_token(vendor: str, fields: Mapping[str, Any]) -> str:
    """Write ``fields`` (JSON values) as a token of ``vendor``.

    >>> encode_token("acme", {"n": 1})
    'v1.eyJ2IjoiYWNtZSIsIm4iOjF9'
    """
    data = {"v": vendor, **fields}
    raw = json.dumps(data, separators=(",", ":"), sort_keys=False).encode()
    return PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(vendor: str, token: object) -> dict[str, Any]:
    """Read the fields of a token written by :func:`encode_token` for ``vendor``."""
    if not isinstance(token, str) or not token.startswith(PREFIX):
        raise InvalidInputError(
            f"not a cursor token: {_short(token)} (pass pager.cursor or pager.cursor.to_token())", vendor=vendor
        )
    body = token[len(PREFIX) :]
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, binascii.Error):
        raise InvalidInputError(f"not a cursor token: {_short(token)} (it does not decode)", vendor=vendor) from None
    if not isinstance(data, dict) or not isinstance(data.get("v"), str):
        raise InvalidInputError(f"not a cursor token: {_short(token)}", vendor=vendor)
    if data["v"] != vendor:
        raise InvalidInputError(f"this cursor token is from {data['v']}, not {vendor}", vendor=vendor)
    del data["v"]
    return data


def token_time(vendor: str, value: object, name: str = "position") -> datetime:
    """Read an ISO 8601 time of a token field (aware; naive is refused as malformed).

    >>> token_time("acme", "2026-01-01T00:00:00+00:00").isoformat()
    '2026-01-01T00:00:00+00:00'
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"malformed cursor token: {name} is not a time", vendor=vendor)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"malformed cursor token: {name} {value!r} is not a time", vendor=vendor) from None
    if when.tzinfo is None:
        raise InvalidInputError(f"malformed cursor token: {name} has no time zone", vendor=vendor)
    return require_aware(when, name)


def resolve_cursor(vendor: str, cursor: object, cls: type[C], from_token: Callable[[str], C]) -> C | None:
    """``cursor=`` as given by a user: ``None``, a cursor of ``cls``, or its token.

    >>> resolve_cursor("acme", None, int, int) is None
    True
    """
    if cursor is None or isinstance(cursor, cls):
        return cursor
    if isinstance(cursor, str):
        return from_token(cursor)
    raise InvalidInputError(
        f"cursor must be {cls.__name__} (pager.cursor) or its token (pager.cursor.to_token()), "
        f"not {type(cursor).__name__}",
        vendor=vendor,
    )


def _short(token: object) -> str:
    text = repr(token)
    return text if len(text) <= 40 else text[:37] + "..."
