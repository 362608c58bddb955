"""Contains all the data models used in inputs/outputs

A model's module is imported when the model is first used (PEP 562), not with this
package: ``from <package>.models import X`` imports X's module only.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_error import ApiError
    from .api_error_response import ApiErrorResponse
    from .audit_log_info_type import AuditLogInfoType
    from .audit_log_info_type_cmd_args import AuditLogInfoTypeCmdArgs
    from .audit_log_info_type_cmd_result import AuditLogInfoTypeCmdResult
    from .audit_log_info_type_cmd_result_deleted_skills_items import (
        AuditLogInfoTypeCmdResultDeletedSkillsItems,
    )
    from .history_get_audit_log_async_response_200 import (
        HistoryGetAuditLogAsyncResponse200,
    )
    from .history_get_audit_log_response_200 import HistoryGetAuditLogResponse200
    from .history_get_history_reports_response_200 import (
        HistoryGetHistoryReportsResponse200,
    )
    from .history_report import HistoryReport

_MODULES: dict[str, str] = {
    "ApiError": ".api_error",
    "ApiErrorResponse": ".api_error_response",
    "AuditLogInfoType": ".audit_log_info_type",
    "AuditLogInfoTypeCmdArgs": ".audit_log_info_type_cmd_args",
    "AuditLogInfoTypeCmdResult": ".audit_log_info_type_cmd_result",
    "AuditLogInfoTypeCmdResultDeletedSkillsItems": ".audit_log_info_type_cmd_result_deleted_skills_items",
    "HistoryGetAuditLogAsyncResponse200": ".history_get_audit_log_async_response_200",
    "HistoryGetAuditLogResponse200": ".history_get_audit_log_response_200",
    "HistoryGetHistoryReportsResponse200": ".history_get_history_reports_response_200",
    "HistoryReport": ".history_report",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


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
