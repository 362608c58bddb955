"""Test helpers for the vendor fakes: fault injection and quiet loopback HTTP servers.

The vendor packages' ``<vendor>_audit.testing`` modules build their fake servers on
these; users test their own pipelines against those fakes. No SDK client imports this.

>>> from audit_core.testing import FaultPlan
>>> FaultPlan(rate=0.0).rate
0.0
"""

from .faults import ALL_KINDS, FaultPlan, VendorRateLimit
from .servers import QuietServer, base_url, serve

__all__ = ["ALL_KINDS", "FaultPlan", "QuietServer", "VendorRateLimit", "base_url", "serve"]
