"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .api_error_response import ApiErrorResponse
from .audit_log_info_type import AuditLogInfoType
from .audit_log_info_type_cmd_args import AuditLogInfoTypeCmdArgs
from .audit_log_info_type_cmd_result import AuditLogInfoTypeCmdResult
from .audit_log_info_type_cmd_result_deleted_skills_items import (
    AuditLogInfoTypeCmdResultDeletedSkillsItems,
)
from .history_get_audit_log_async_response_200 import HistoryGetAuditLogAsyncResponse200
from .history_get_audit_log_response_200 import HistoryGetAuditLogResponse200
from .history_get_history_reports_response_200 import (
    HistoryGetHistoryReportsResponse200,
)
from .history_report import HistoryReport

__all__ = (
    "ApiError",
    "ApiErrorResponse",
    "AuditLogInfoType",
    "AuditLogInfoTypeCmdArgs",
    "AuditLogInfoTypeCmdResult",
    "AuditLogInfoTypeCmdResultDeletedSkillsItems",
    "HistoryGetAuditLogAsyncResponse200",
    "HistoryGetAuditLogResponse200",
    "HistoryGetHistoryReportsResponse200",
    "HistoryReport",
)
