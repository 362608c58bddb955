from enum import StrEnum


class OutputExtend(StrEnum):
    EXTEND = "extend"

    def __str__(self) -> str:
        return str(self.value)
