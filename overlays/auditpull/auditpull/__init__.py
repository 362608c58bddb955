"""auditpull: every vendor's audit log as one normalized stream, exactly once, in JSON lines, CSV or OCSF.

The Python API (the command line ``auditpull export`` is built on it):

>>> from auditpull import AuditEvent, Actor, Resource, events, aevents, to_ocsf
>>> from datetime import datetime, timezone
>>> ev = AuditEvent(vendor="navixy", id="44504790", time=datetime(2020, 12, 21, 14, 54, 1, tzinfo=timezone.utc),
...                 actor=Actor("184541", None, "subuser"), action="create",
...                 resource=Resource("custom_field", None, "Decimal number"), source_ip="94.140.138.215")
>>> ev.to_dict()["time"], to_ocsf(ev)["class_uid"]
('2020-12-21T14:54:01Z', 6003)
"""

from ._api import aevents, events
from ._event import Actor, AuditEvent, Resource
from ._ocsf import OCSF_VERSION, to_ocsf

__version__ = "0.2.0"

__all__ = ["OCSF_VERSION", "Actor", "AuditEvent", "Resource", "__version__", "aevents", "events", "to_ocsf"]
