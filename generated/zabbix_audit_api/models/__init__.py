"""Contains all the data models used in inputs/outputs

A model's module is imported when the model is first used (PEP 562), not with this
package: ``from <package>.models import X`` imports X's module only.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .apiinfo_version_request import ApiinfoVersionRequest
    from .apiinfo_version_request_method import ApiinfoVersionRequestMethod
    from .apiinfo_version_response import ApiinfoVersionResponse
    from .audit_log import AuditLog
    from .audit_log_field import AuditLogField
    from .audit_log_filter import AuditLogFilter
    from .audit_log_map import AuditLogMap
    from .audit_log_search import AuditLogSearch
    from .audit_log_sort_field import AuditLogSortField
    from .auditlog_get_params import AuditlogGetParams
    from .auditlog_get_request import AuditlogGetRequest
    from .auditlog_get_request_method import AuditlogGetRequestMethod
    from .auditlog_get_response import AuditlogGetResponse
    from .json_rpc_error import JsonRpcError
    from .json_rpc_error_response import JsonRpcErrorResponse
    from .json_rpc_result import JsonRpcResult
    from .json_rpc_version import JsonRpcVersion
    from .output_extend import OutputExtend
    from .sort_order import SortOrder
    from .user_login_params import UserLoginParams
    from .user_login_request import UserLoginRequest
    from .user_login_request_method import UserLoginRequestMethod
    from .user_login_response import UserLoginResponse
    from .user_logout_request import UserLogoutRequest
    from .user_logout_request_method import UserLogoutRequestMethod
    from .user_logout_response import UserLogoutResponse

_MODULES: dict[str, str] = {
    "ApiinfoVersionRequest": ".apiinfo_version_request",
    "ApiinfoVersionRequestMethod": ".apiinfo_version_request_method",
    "ApiinfoVersionResponse": ".apiinfo_version_response",
    "AuditLog": ".audit_log",
    "AuditLogField": ".audit_log_field",
    "AuditLogFilter": ".audit_log_filter",
    "AuditLogMap": ".audit_log_map",
    "AuditLogSearch": ".audit_log_search",
    "AuditLogSortField": ".audit_log_sort_field",
    "AuditlogGetParams": ".auditlog_get_params",
    "AuditlogGetRequest": ".auditlog_get_request",
    "AuditlogGetRequestMethod": ".auditlog_get_request_method",
    "AuditlogGetResponse": ".auditlog_get_response",
    "JsonRpcError": ".json_rpc_error",
    "JsonRpcErrorResponse": ".json_rpc_error_response",
    "JsonRpcResult": ".json_rpc_result",
    "JsonRpcVersion": ".json_rpc_version",
    "OutputExtend": ".output_extend",
    "SortOrder": ".sort_order",
    "UserLoginParams": ".user_login_params",
    "UserLoginRequest": ".user_login_request",
    "UserLoginRequestMethod": ".user_login_request_method",
    "UserLoginResponse": ".user_login_response",
    "UserLogoutRequest": ".user_logout_request",
    "UserLogoutRequestMethod": ".user_logout_request_method",
    "UserLogoutResponse": ".user_logout_response",
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
    "ApiinfoVersionRequest",
    "ApiinfoVersionRequestMethod",
    "ApiinfoVersionResponse",
    "AuditLog",
    "AuditLogField",
    "AuditLogFilter",
    "AuditLogMap",
    "AuditLogSearch",
    "AuditLogSortField",
    "AuditlogGetParams",
    "AuditlogGetRequest",
    "AuditlogGetRequestMethod",
    "AuditlogGetResponse",
    "JsonRpcError",
    "JsonRpcErrorResponse",
    "JsonRpcResult",
    "JsonRpcVersion",
    "OutputExtend",
    "SortOrder",
    "UserLoginParams",
    "UserLoginRequest",
    "UserLoginRequestMethod",
    "UserLoginResponse",
    "UserLogoutRequest",
    "UserLogoutRequestMethod",
    "UserLogoutResponse",
)
