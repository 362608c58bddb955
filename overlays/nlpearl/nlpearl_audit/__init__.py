"""Typed Python SDK for the NLPearl audit log.

The generated client lives in nlpearl_audit_api; this package adds what is
special about NLPearl on top of the shared audit_core.

>>> import nlpearl_audit
>>> nlpearl_audit.__version__
'0.1.0'
"""

from nlpearl_audit_api import AuthenticatedClient as GeneratedClient

__version__ = "0.1.0"

__all__ = ["GeneratedClient", "__version__"]
