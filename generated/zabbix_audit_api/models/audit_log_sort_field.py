from enum import StrEnum


class AuditLogSortField(StrEnum):
    AUDITID = "auditid"
    CLOCK = "clock"
    USERID = "userid"

    def __str__(self) -> str:
        return str(self.value)
