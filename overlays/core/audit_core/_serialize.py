"""Wire-format helpers: delimited lists, booleans, filter checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol, TypeVar

from ._errors import InvalidInputError

T = TypeVar("T")


def join_list(values: Iterable[object], *, sep: str = ";", name: str = "list", vendor: str | None = None) -> str:
    """Join ``values`` with ``sep``, refusing items that would break the list.

    >>> join_list([1, 2, 3])
    '1;2;3'
    >>> join_list(["a;b"], name="ips")
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: ips: item 'a;b' contains the separator ';'
    """
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(f"{name} must be a list of values, not a single {type(values).__name__}", vendor=vendor)
    items: list[str] = []
    for value in values:
        if isinstance(value, bool) or value is None:
            raise InvalidInputError(f"{name}: {value!r} is not a valid item", vendor=vendor)
        text = str(value)
        if not text or text != text.strip():
            raise InvalidInputError(f"{name}: item {text!r} is empty or has surrounding blanks", vendor=vendor)
        if sep in text:
            raise InvalidInputError(f"{name}: item {text!r} contains the separator {sep!r}", vendor=vendor)
        items.append(text)
    if not items:
        raise InvalidInputError(f"{name} is empty: pass None to leave the filter out", vendor=vendor)
    return sep.join(items)


def format_bool(value: bool) -> str:
    """``True`` → ``"true"``: the spelling every vendor here expects.

    >>> format_bool(False)
    'false'
    """
    if not isinstance(value, bool):
        raise InvalidInputError(f"expected a bool, got {type(value).__name__}")
    return "true" if value else "false"


def check_ints(values: Iterable[object] | None, name: str, *, vendor: str | None = None) -> list[int] | None:
    """Validate an optional list of integer ids.

    >>> check_ints([3, 4], "ids")
    [3, 4]
    """
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidInputError(f"{name} must be a list of integers, not a string", vendor=vendor)
    out: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError(f"{name}: {value!r} is not an integer", vendor=vendor)
        out.append(value)
    return out


def check_choice(value: str, allowed: Sequence[str], name: str, *, vendor: str | None = None) -> str:
    """Refuse a value outside ``allowed`` before it reaches the wire.

    >>> check_choice("asc", ["asc", "desc"], "order")
    'asc'
    """
    if value not in allowed:
        raise InvalidInputError(f"{name} must be one of {', '.join(map(repr, allowed))}, not {value!r}", vendor=vendor)
    return value


class UnsetLike(Protocol):
    """What every generated package's ``Unset`` is: a class whose instances are always false."""

    def __bool__(self) -> Literal[False]: ...


def unset_to_none(value: T | UnsetLike) -> T | None:
    """``None`` for a generated client's ``UNSET`` (a field the answer left out), else ``value``.

    Every generated package has its own ``Unset`` class; they all say ``Unset`` and are
    always false. For mypy, ``int | Unset`` in gives ``int | None`` out.

    >>> class Unset:
    ...     def __bool__(self) -> bool: return False
    >>> unset_to_none(Unset()) is None, unset_to_none(0)
    (True, 0)
    """
    if type(value).__name__ == "Unset" and not value:
        return None
    return value  # type: ignore[return-value]  # not an Unset, so a T
