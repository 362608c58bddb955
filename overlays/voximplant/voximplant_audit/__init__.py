"""Typed Python SDK for the Voximplant Management API audit log.

The generated client lives in voximplant_audit_api; this package adds what is
special about Voximplant Management API on top of the shared audit_core.

>>> import voximplant_audit
>>> voximplant_audit.__version__
'0.1.0'
"""

from voximplant_audit_api import AuthenticatedClient as GeneratedClient

__version__ = "0.1.0"

__all__ = ["GeneratedClient", "__version__"]
