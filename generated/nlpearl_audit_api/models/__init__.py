"""Contains all the data models used in inputs/outputs"""

from .audit_log_api_request import AuditLogAPIRequest
from .audit_log_user_info import AuditLogUserInfo
from .audit_log_view import AuditLogView
from .audit_log_view_additional_data_type_0 import AuditLogViewAdditionalDataType0
from .event_type import EventType
from .problem_details import ProblemDetails
from .user_type import UserType
from .validation_problem_details import ValidationProblemDetails
from .validation_problem_details_errors_type_0 import (
    ValidationProblemDetailsErrorsType0,
)

__all__ = (
    "AuditLogAPIRequest",
    "AuditLogUserInfo",
    "AuditLogView",
    "AuditLogViewAdditionalDataType0",
    "EventType",
    "ProblemDetails",
    "UserType",
    "ValidationProblemDetails",
    "ValidationProblemDetailsErrorsType0",
)
