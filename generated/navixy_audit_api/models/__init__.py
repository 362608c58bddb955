"""Contains all the data models used in inputs/outputs

A model's module is imported when the model is first used (PEP 562), not with this
package: ``from <package>.models import X`` imports X's module only.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES: dict[str, str] = {
    "AuditLogListRequest": ".audit_log_list_request",
    "AuditLogListRequestGrouping": ".audit_log_list_request_grouping",
    "AuditLogListResponse": ".audit_log_list_response",
    "AuditRecord": ".audit_record",
    "AuditRecordPayloadType0": ".audit_record_payload_type_0",
    "ErrorResponse": ".error_response",
    "ErrorStatus": ".error_status",
    "ParameterError": ".parameter_error",
    "UserAuthRequest": ".user_auth_request",
    "UserAuthResponse": ".user_auth_response",
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
