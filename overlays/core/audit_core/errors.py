"""The errors a user of any SDK catches; every vendor package re-exports them.

>>> from audit_core.errors import RetriesExhaustedError
>>> issubclass(RetriesExhaustedError, AuditError)
True
"""

from ._errors import (
    APIError,
    AuditError,
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetriesExhaustedError,
    TransportError,
)

__all__ = [
    "APIError",
    "AuditError",
    "AuthenticationError",
    "ConfigurationError",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetriesExhaustedError",
    "TransportError",
]
