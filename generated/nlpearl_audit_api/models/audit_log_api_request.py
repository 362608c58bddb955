from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogAPIRequest")


@_attrs_define
class AuditLogAPIRequest:
    """
    Attributes:
        from_ (datetime.datetime | Unset): The start date and time of the audit log query range (UTC).
        to (datetime.datetime | Unset): The end date and time of the audit log query range (UTC).
        event_type (EventType | None | Unset): The type of event recorded in the audit log.

            `1 - LoginAttempt`

            `2 - LoginSuccessful`

            `10 - PublishPearl`

            `11 - PearlStatus`

            `18 - TransferPearl`

            `19 - DeletePearl`

            `30 - CreateAPIKey`

            `31 - DeleteAPIKey`

            `40 - PurchaseAgents`

            `41 - DeleteAgent`

            `50 - SetBillingDetails`

            `51 - SetPaymentMethod`

            `52 - SetSubscription`

            `59 - CancelSubscription`

            `60 - PurchaseCredits`

            `61 - SetAutoRecharge`

            `70 - InviteUser`

            `71 - UserJoin`

            `72 - InvitationCanceled`

            `73 - UpdateUserRole`

            `74 - UpdateAccountInformations`

            `75 - RemoveUserFromTheAccount`

            `76 - UserLeftAccount`

            `80 - UpdateSessionTTL`

            `81 - Set2FA`

        user_id (None | str | Unset): Optional filter by user ID. If not provided, logs for all users are returned.
    """

    from_: datetime.datetime | Unset = UNSET
    to: datetime.datetime | Unset = UNSET
    event_type: EventType | None | Unset = UNSET
    user_id: None | str | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        FROM_: Final = "from"
        TO: Final = "to"
        EVENT_TYPE: Final = "eventType"
        USER_ID: Final = "userId"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        event_type: int | None | Unset
        if isinstance(self.event_type, Unset):
            event_type = UNSET
        elif isinstance(self.event_type, EventType):
            event_type = self.event_type.value
        else:
            event_type = self.event_type

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if user_id is not UNSET:
            field_dict["userId"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _from_ = d.pop("from", UNSET)
        from_: datetime.datetime | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = datetime.datetime.fromisoformat(_from_)

        _to = d.pop("to", UNSET)
        to: datetime.datetime | Unset
        if isinstance(_to, Unset):
            to = UNSET
        else:
            to = datetime.datetime.fromisoformat(_to)

        def _parse_event_type(data: object) -> EventType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                event_type_type_1 = EventType(data)

                return event_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventType | None | Unset, data)

        event_type = _parse_event_type(d.pop("eventType", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))

        audit_log_api_request = cls(
            from_=from_,
            to=to,
            event_type=event_type,
            user_id=user_id,
        )

        return audit_log_api_request
