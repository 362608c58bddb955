from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_record_payload_type_0 import AuditRecordPayloadType0


T = TypeVar("T", bound="AuditRecord")


@_attrs_define
class AuditRecord:
    """
    Attributes:
        id (int): An ID of the audit record.
        user_id (int): Master user's ID.
        entry_category (str): Category of the entry on which an action made.
        action (str): Action on entry.
        action_date (str): Date and time of the action: `yyyy-MM-dd HH:mm:ss` in the user's time zone, or ISO 8601 with
            offset when `NVX-ISO-DateTime: true` was sent.
        subuser_id (int | None | Unset): ID of the sub-user who made an action.
        entry_id (int | None | Unset): ID of the entry on which an action made.
        payload (AuditRecordPayloadType0 | None | Unset): Additional information about action.
        host (str | Unset): Host from which an action made. IPv4 or IPv6.
        user_agent (None | str | Unset): User agent.
    """

    id: int
    user_id: int
    entry_category: str
    action: str
    action_date: str
    subuser_id: int | None | Unset = UNSET
    entry_id: int | None | Unset = UNSET
    payload: AuditRecordPayloadType0 | None | Unset = UNSET
    host: str | Unset = UNSET
    user_agent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        ID: Final = "id"
        USER_ID: Final = "user_id"
        ENTRY_CATEGORY: Final = "entry_category"
        ACTION: Final = "action"
        ACTION_DATE: Final = "action_date"
        SUBUSER_ID: Final = "subuser_id"
        ENTRY_ID: Final = "entry_id"
        PAYLOAD: Final = "payload"
        HOST: Final = "host"
        USER_AGENT: Final = "user_agent"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "id",
                "user_id",
                "entry_category",
                "action",
                "action_date",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        entry_category = self.entry_category

        action = self.action

        action_date = self.action_date

        subuser_id: int | None | Unset
        if isinstance(self.subuser_id, Unset):
            subuser_id = UNSET
        else:
            subuser_id = self.subuser_id

        entry_id: int | None | Unset
        if isinstance(self.entry_id, Unset):
            entry_id = UNSET
        else:
            entry_id = self.entry_id

        payload: dict[str, Any] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, AuditRecordPayloadType0):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        host = self.host

        user_agent: None | str | Unset
        if isinstance(self.user_agent, Unset):
            user_agent = UNSET
        else:
            user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "entry_category": entry_category,
                "action": action,
                "action_date": action_date,
            }
        )
        if subuser_id is not UNSET:
            field_dict["subuser_id"] = subuser_id
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if payload is not UNSET:
            field_dict["payload"] = payload
        if host is not UNSET:
            field_dict["host"] = host
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id")

        entry_category = d.pop("entry_category")

        action = d.pop("action")

        action_date = d.pop("action_date")

        def _parse_subuser_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subuser_id = _parse_subuser_id(d.pop("subuser_id", UNSET))

        def _parse_entry_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        entry_id = _parse_entry_id(d.pop("entry_id", UNSET))

        def _parse_payload(data: object) -> AuditRecordPayloadType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = AuditRecordPayloadType0.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditRecordPayloadType0 | None | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        host = d.pop("host", UNSET)

        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))

        audit_record = cls(
            id=id,
            user_id=user_id,
            entry_category=entry_category,
            action=action,
            action_date=action_date,
            subuser_id=subuser_id,
            entry_id=entry_id,
            payload=payload,
            host=host,
            user_agent=user_agent,
        )

        audit_record.additional_properties = d
        return audit_record

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported here, after the class, so that two models may refer to each other.
from ..models.audit_record_payload_type_0 import AuditRecordPayloadType0
