from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type import EventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_log_user_info import AuditLogUserInfo
    from ..models.audit_log_view_additional_data_type_0 import (
        AuditLogViewAdditionalDataType0,
    )


T = TypeVar("T", bound="AuditLogView")


@_attrs_define
class AuditLogView:
    """
    Attributes:
        timestamp (datetime.datetime | Unset):
        event_type (EventType | Unset): The type of event recorded in the audit log.

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

        additional_data (AuditLogViewAdditionalDataType0 | None | Unset):
        user (AuditLogUserInfo | None | Unset):
    """

    timestamp: datetime.datetime | Unset = UNSET
    event_type: EventType | Unset = UNSET
    additional_data: AuditLogViewAdditionalDataType0 | None | Unset = UNSET
    user: AuditLogUserInfo | None | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        TIMESTAMP: Final = "timestamp"
        EVENT_TYPE: Final = "eventType"
        ADDITIONAL_DATA: Final = "additionalData"
        USER: Final = "user"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        event_type: int | Unset = UNSET
        if not isinstance(self.event_type, Unset):
            event_type = self.event_type.value

        additional_data: dict[str, Any] | None | Unset
        if isinstance(self.additional_data, Unset):
            additional_data = UNSET
        elif isinstance(self.additional_data, AuditLogViewAdditionalDataType0):
            additional_data = self.additional_data.to_dict()
        else:
            additional_data = self.additional_data

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, AuditLogUserInfo):
            user = self.user.to_dict()
        else:
            user = self.user

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if additional_data is not UNSET:
            field_dict["additionalData"] = additional_data
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        _event_type = d.pop("eventType", UNSET)
        event_type: EventType | Unset
        if isinstance(_event_type, Unset):
            event_type = UNSET
        else:
            event_type = EventType(_event_type)

        def _parse_additional_data(
            data: object,
        ) -> AuditLogViewAdditionalDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                additional_data_type_0 = AuditLogViewAdditionalDataType0.from_dict(data)

                return additional_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditLogViewAdditionalDataType0 | None | Unset, data)

        additional_data = _parse_additional_data(d.pop("additionalData", UNSET))

        def _parse_user(data: object) -> AuditLogUserInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = AuditLogUserInfo.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditLogUserInfo | None | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        audit_log_view = cls(
            timestamp=timestamp,
            event_type=event_type,
            additional_data=additional_data,
            user=user,
        )

        return audit_log_view


# Imported here, after the class, so that two models may refer to each other.
from ..models.audit_log_user_info import AuditLogUserInfo
from ..models.audit_log_view_additional_data_type_0 import (
    AuditLogViewAdditionalDataType0,
)
