"""A client library for accessing NLPearl Client API (audit log subset)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
