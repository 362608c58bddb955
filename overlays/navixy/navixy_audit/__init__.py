"""Typed Python SDK for the Navixy audit log.

The generated client lives in navixy_audit_api; this package adds what is
special about Navixy on top of the shared audit_core.

>>> import navixy_audit
>>> navixy_audit.__version__
'0.1.0'
"""

from navixy_audit_api import AuthenticatedClient as GeneratedClient

__version__ = "0.1.0"

__all__ = ["GeneratedClient", "__version__"]
