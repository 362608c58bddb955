from enum import StrEnum


class AuditLogListRequestGrouping(StrEnum):
    ACTION = "action"
    ACTION_DATE = "action_date"
    DEFAULT = "default"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
