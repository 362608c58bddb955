"""Contains all the data models used in inputs/outputs"""

from .audit_log_list_request import AuditLogListRequest
from .audit_log_list_request_grouping import AuditLogListRequestGrouping
from .audit_log_list_response import AuditLogListResponse
from .audit_record import AuditRecord
from .audit_record_payload_type_0 import AuditRecordPayloadType0
from .error_response import ErrorResponse
from .error_status import ErrorStatus
from .parameter_error import ParameterError
from .user_auth_request import UserAuthRequest
from .user_auth_response import UserAuthResponse

__all__ = (
    "AuditLogListRequest",
    "AuditLogListRequestGrouping",
    "AuditLogListResponse",
    "AuditRecord",
    "AuditRecordPayloadType0",
    "ErrorResponse",
    "ErrorStatus",
    "ParameterError",
    "UserAuthRequest",
    "UserAuthResponse",
)
