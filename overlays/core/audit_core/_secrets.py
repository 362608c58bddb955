"""Secrets that never show up in ``repr``, ``str``, logs or tracebacks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, final

_MASK: Final = "**********"


@final
class Secret:
    """A string that must not leak: its ``repr`` and ``str`` are masked.

    >>> key = Secret("s3cr3t")
    >>> key
    Secret('**********')
    >>> key.get_secret_value()
    's3cr3t'
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"a secret must be a str, not {type(value).__name__}")
        self._value = value

    def get_secret_value(self) -> str:
        """Return the secret itself, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("secrets are not picklable")


def redact(text: str, secrets: Iterable[Secret | str | None]) -> str:
    """Replace every occurrence of any of ``secrets`` in ``text`` by a mask.

    >>> redact("token=abc123", [Secret("abc123")])
    'token=**********'
    """
    for secret in secrets:
        value = secret.get_secret_value() if isinstance(secret, Secret) else secret
        if value:
            text = text.replace(value, _MASK)
    return text
