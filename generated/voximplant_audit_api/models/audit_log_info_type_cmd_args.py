from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogInfoTypeCmdArgs")


@_attrs_define
class AuditLogInfoTypeCmdArgs:
    """The arguments of the called function (they may be masked or resolved)

    Attributes:
        skill_name (str | Unset):
        bind (bool | Unset):
        skill_id (list[int] | Unset):
        acd_queue_id (list[int] | Unset):
    """

    skill_name: str | Unset = UNSET
    bind: bool | Unset = UNSET
    skill_id: list[int] | Unset = UNSET
    acd_queue_id: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SKILL_NAME: Final = "skill_name"
        BIND: Final = "bind"
        SKILL_ID: Final = "skill_id"
        ACD_QUEUE_ID: Final = "acd_queue_id"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        skill_name = self.skill_name

        bind = self.bind

        skill_id: list[int] | Unset = UNSET
        if not isinstance(self.skill_id, Unset):
            skill_id = self.skill_id

        acd_queue_id: list[int] | Unset = UNSET
        if not isinstance(self.acd_queue_id, Unset):
            acd_queue_id = self.acd_queue_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if skill_name is not UNSET:
            field_dict["skill_name"] = skill_name
        if bind is not UNSET:
            field_dict["bind"] = bind
        if skill_id is not UNSET:
            field_dict["skill_id"] = skill_id
        if acd_queue_id is not UNSET:
            field_dict["acd_queue_id"] = acd_queue_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        skill_name = d.pop("skill_name", UNSET)

        bind = d.pop("bind", UNSET)

        skill_id = cast(list[int], d.pop("skill_id", UNSET))

        acd_queue_id = cast(list[int], d.pop("acd_queue_id", UNSET))

        audit_log_info_type_cmd_args = cls(
            skill_name=skill_name,
            bind=bind,
            skill_id=skill_id,
            acd_queue_id=acd_queue_id,
        )

        audit_log_info_type_cmd_args.additional_properties = d
        return audit_log_info_type_cmd_args

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
