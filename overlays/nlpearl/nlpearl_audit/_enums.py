"""NLPearl's integer enums, tolerant of values the server adds later.

``EventType`` and ``UserType`` are :class:`enum.IntEnum` classes with the
documented values. A value the server sends that is not (yet) documented does
not fail: it becomes a *pseudo-member* of the same class, named
``UNKNOWN_<value>``, that compares equal to its integer and says
``is_known == False``. So a field is always typed ``EventType`` (never
``EventType | int``) and code written against today's values keeps working.

>>> EventType(2)
<EventType.LOGIN_SUCCESSFUL: 2>
>>> EventType(500)
<EventType.UNKNOWN_500: 500>
>>> EventType(500) == 500, EventType(500).is_known
(True, False)
"""

from __future__ import annotations

from enum import IntEnum
from typing import Self


class _TolerantIntEnum(IntEnum):
    """An IntEnum whose unknown integer values become ``UNKNOWN_<n>`` pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """True for a documented value, False for an ``UNKNOWN_<n>`` pseudo-member.

        >>> UserType.SYSTEM.is_known
        True
        """
        return self._name_ in type(self).__members__


class EventType(_TolerantIntEnum):
    """What happened (the vendor's ``eAuditLogEvent``).

    >>> EventType.SET_2FA.value
    81
    """

    LOGIN_ATTEMPT = 1
    LOGIN_SUCCESSFUL = 2
    PUBLISH_PEARL = 10
    PEARL_STATUS = 11
    TRANSFER_PEARL = 18
    DELETE_PEARL = 19
    CREATE_API_KEY = 30
    DELETE_API_KEY = 31
    PURCHASE_AGENTS = 40
    DELETE_AGENT = 41
    SET_BILLING_DETAILS = 50
    SET_PAYMENT_METHOD = 51
    SET_SUBSCRIPTION = 52
    CANCEL_SUBSCRIPTION = 59
    PURCHASE_CREDITS = 60
    SET_AUTO_RECHARGE = 61
    INVITE_USER = 70
    USER_JOIN = 71
    INVITATION_CANCELED = 72
    UPDATE_USER_ROLE = 73
    UPDATE_ACCOUNT_INFORMATIONS = 74
    REMOVE_USER_FROM_THE_ACCOUNT = 75
    USER_LEFT_ACCOUNT = 76
    UPDATE_SESSION_TTL = 80
    SET_2FA = 81


class UserType(_TolerantIntEnum):
    """Who triggered the event (the vendor's ``eUserType``).

    >>> UserType(3).name
    'API_KEY'
    """

    PLATFORM = 1
    API_KEY = 3
    SUPPORT = 90
    SYSTEM = 99
