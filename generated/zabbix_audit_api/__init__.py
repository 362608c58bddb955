"""A client library for accessing Zabbix API 6.0 (audit log subset)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
