"""Open enums: a value a newer server sends that we do not know yet is a member too, never a crash.

A field typed ``AuditAction`` is always an ``AuditAction``: a known value is its
named member, an unknown one a *pseudo-member* named ``UNKNOWN_<value>`` that keeps
the raw ``.value`` and says ``is_known == False``. So ``rec.action.name`` and
``rec.action.value`` always work, for mypy too. Enums generated from the specs
behave the same way (their template gives them the same ``_missing_``).

>>> class Color(OpenIntEnum):
...     RED = 1
>>> Color(1), Color(7), Color(7).value, Color(7).is_known, Color(7) == 7
(<Color.RED: 1>, <Color.UNKNOWN_7: 7>, 7, False, True)
>>> class Mode(OpenStrEnum):
...     FAST = "fast"
>>> Mode("slow").name, Mode("slow").value
('UNKNOWN_slow', 'slow')
"""

from __future__ import annotations

import enum
from typing import Any, Self, TypeVar

E = TypeVar("E", bound=enum.Enum)


def enum_member(cls: type[E], value: object) -> E:
    """``cls(value)``, with a dictionary look-up for a known value instead of Enum's call machinery.

    The same member (or pseudo-member, or error) as ``cls(value)``, at a fraction of the cost:
    records decode one or two enums each.

    >>> class Color(OpenIntEnum):
    ...     RED = 1
    >>> enum_member(Color, 1), enum_member(Color, 7)
    (<Color.RED: 1>, <Color.UNKNOWN_7: 7>)
    """
    try:
        member = cls._value2member_map_.get(value)
    except TypeError:  # unhashable: Enum's own search and error
        member = None
    return cls(value) if member is None else member  # type: ignore[return-value]


class OpenIntEnum(enum.IntEnum):
    """An :class:`enum.IntEnum` whose unknown integer values become ``UNKNOWN_<n>`` pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        member: Self = _pseudo(cls, int.__new__(cls, value), value)
        return member

    @property
    def is_known(self) -> bool:
        """True for a documented value, False for an ``UNKNOWN_<value>`` pseudo-member."""
        return self._name_ in type(self).__members__


class OpenStrEnum(enum.StrEnum):
    """An :class:`enum.StrEnum` whose unknown string values become ``UNKNOWN_<value>`` pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member: Self = _pseudo(cls, str.__new__(cls, value), value)
        return member

    @property
    def is_known(self) -> bool:
        """True for a documented value, False for an ``UNKNOWN_<value>`` pseudo-member."""
        return self._name_ in type(self).__members__


def _pseudo(cls: Any, member: Any, value: object) -> Any:
    # Cached, so the same unknown value is the same object (``is`` and hashing agree).
    cache: dict[object, Any] = cls.__dict__.get("_unknown_cache_") or {}
    if value not in cache:
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        cache[value] = member
        type.__setattr__(cls, "_unknown_cache_", cache)
    return cache[value]
