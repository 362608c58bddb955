"""NLPearl's integer enums, tolerant of values the server adds later.

``EventType`` and ``UserType`` come out of generation (``nlpearl_audit_api.models``):
their members are the values the vendor's page lists (`` `81 - Set2FA` `` becomes
``SET_2FA = 81``), so a value the vendor documents becomes a named member with the
next ``make update-specs``, with no hand edit here. They are :class:`enum.IntEnum`
classes. A value the server sends that is not (yet) documented does not fail: it
becomes a *pseudo-member* of the same class, named ``UNKNOWN_<value>``, that
compares equal to its integer and says ``is_known == False``. So a field is always
typed ``EventType`` (never ``EventType | int``) and code written against today's
values keeps working.

>>> EventType(2)
<EventType.LOGIN_SUCCESSFUL: 2>
>>> EventType(500)
<EventType.UNKNOWN_500: 500>
>>> EventType(500) == 500, EventType(500).is_known
(True, False)
>>> EventType.SET_2FA.value, UserType(3).name, UserType.SYSTEM.is_known
(81, 'API_KEY', True)
"""

from __future__ import annotations

from nlpearl_audit_api.models.event_type import EventType
from nlpearl_audit_api.models.user_type import UserType

__all__ = ["EventType", "UserType"]
