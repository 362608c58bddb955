from enum import StrEnum
from typing import Self


class OutputExtend(StrEnum):
    """An open enum: a value the spec does not list becomes a pseudo-member.

    The pseudo-member is named ``UNKNOWN_<value>``, keeps the raw value, compares equal
    to it and has ``is_known == False``; listed members have ``is_known == True``.
    """

    EXTEND = "extend"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """True for a value the spec lists, False for an ``UNKNOWN_<value>`` pseudo-member."""
        return self._name_ in type(self).__members__
