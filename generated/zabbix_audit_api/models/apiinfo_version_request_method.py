from enum import StrEnum


class ApiinfoVersionRequestMethod(StrEnum):
    APIINFO_VERSION = "apiinfo.version"

    def __str__(self) -> str:
        return str(self.value)
