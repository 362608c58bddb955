"""Typed Python SDK for the Zabbix audit log.

The generated client lives in zabbix_audit_api; this package adds what is
special about Zabbix on top of the shared audit_core.

>>> import zabbix_audit
>>> zabbix_audit.__version__
'0.1.0'
"""

from zabbix_audit_api import AuthenticatedClient as GeneratedClient

__version__ = "0.1.0"

__all__ = ["GeneratedClient", "__version__"]
