"""Enums that tolerate values from a newer server."""

from __future__ import annotations

import enum
from typing import TypeVar

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


def open_enum(cls: type[E], value: V) -> E | V:
    """``cls(value)`` when the value is known, else ``value`` itself: a newer server must not crash us.

    >>> class Color(enum.IntEnum):
    ...     RED = 1
    >>> open_enum(Color, 1), open_enum(Color, 7)
    (<Color.RED: 1>, 7)
    """
    try:
        return cls(value)
    except ValueError:
        return value
