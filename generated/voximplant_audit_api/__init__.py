"""A client library for accessing Voximplant Management API (audit log subset)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
