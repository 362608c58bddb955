from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogInfoTypeCmdResultDeletedSkillsItems")


@_attrs_define
class AuditLogInfoTypeCmdResultDeletedSkillsItems:
    """
    Attributes:
        skill_name (str | Unset):
        skill_id (int | Unset):
    """

    skill_name: str | Unset = UNSET
    skill_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SKILL_NAME: Final = "skill_name"
        SKILL_ID: Final = "skill_id"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        skill_name = self.skill_name

        skill_id = self.skill_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if skill_name is not UNSET:
            field_dict["skill_name"] = skill_name
        if skill_id is not UNSET:
            field_dict["skill_id"] = skill_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        skill_name = d.pop("skill_name", UNSET)

        skill_id = d.pop("skill_id", UNSET)

        audit_log_info_type_cmd_result_deleted_skills_items = cls(
            skill_name=skill_name,
            skill_id=skill_id,
        )

        audit_log_info_type_cmd_result_deleted_skills_items.additional_properties = d
        return audit_log_info_type_cmd_result_deleted_skills_items

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
