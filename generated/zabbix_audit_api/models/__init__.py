"""Contains all the data models used in inputs/outputs"""

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
