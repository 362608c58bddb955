"""Contains all the data models used in inputs/outputs

A model's module is imported when the model is first used (PEP 562), not with this
package: ``from <package>.models import X`` imports X's module only.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES: dict[str, str] = {
    "AuditLogAPIRequest": ".audit_log_api_request",
    "AuditLogUserInfo": ".audit_log_user_info",
    "AuditLogView": ".audit_log_view",
    "AuditLogViewAdditionalDataType0": ".audit_log_view_additional_data_type_0",
    "EventType": ".event_type",
    "ProblemDetails": ".problem_details",
    "UserType": ".user_type",
    "ValidationProblemDetails": ".validation_problem_details",
    "ValidationProblemDetailsErrorsType0": ".validation_problem_details_errors_type_0",
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
