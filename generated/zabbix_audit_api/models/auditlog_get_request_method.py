from enum import StrEnum


class AuditlogGetRequestMethod(StrEnum):
    AUDITLOG_GET = "auditlog.get"

    def __str__(self) -> str:
        return str(self.value)
