from enum import StrEnum


class AuditLogField(StrEnum):
    ACTION = "action"
    AUDITID = "auditid"
    CLOCK = "clock"
    DETAILS = "details"
    IP = "ip"
    RECORDSETID = "recordsetid"
    RESOURCEID = "resourceid"
    RESOURCENAME = "resourcename"
    RESOURCETYPE = "resourcetype"
    RESOURCE_CUID = "resource_cuid"
    USERID = "userid"
    USERNAME = "username"

    def __str__(self) -> str:
        return str(self.value)
