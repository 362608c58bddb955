from enum import IntEnum
from typing import Self


class EventType(IntEnum):
    """An open enum: a value the spec does not list becomes a pseudo-member.

    The pseudo-member is named ``UNKNOWN_<value>``, keeps the raw value, compares equal
    to it and has ``is_known == False``; listed members have ``is_known == True``.
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

    def __str__(self) -> str:
        return str(self.value)

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
        """True for a value the spec lists, False for an ``UNKNOWN_<value>`` pseudo-member."""
        return self._name_ in type(self).__members__
