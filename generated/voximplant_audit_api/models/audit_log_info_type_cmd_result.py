from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_log_info_type_cmd_result_deleted_skills_items import (
        AuditLogInfoTypeCmdResultDeletedSkillsItems,
    )


T = TypeVar("T", bound="AuditLogInfoTypeCmdResult")


@_attrs_define
class AuditLogInfoTypeCmdResult:
    """The modified values

    Attributes:
        skill_id (int | Unset):
        deleted_skills (list[AuditLogInfoTypeCmdResultDeletedSkillsItems] | Unset):
    """

    skill_id: int | Unset = UNSET
    deleted_skills: list[AuditLogInfoTypeCmdResultDeletedSkillsItems] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SKILL_ID: Final = "skill_id"
        DELETED_SKILLS: Final = "deleted_skills"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        skill_id = self.skill_id

        deleted_skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.deleted_skills, Unset):
            deleted_skills = []
            for deleted_skills_item_data in self.deleted_skills:
                deleted_skills_item = deleted_skills_item_data.to_dict()
                deleted_skills.append(deleted_skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if skill_id is not UNSET:
            field_dict["skill_id"] = skill_id
        if deleted_skills is not UNSET:
            field_dict["deleted_skills"] = deleted_skills

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        skill_id = d.pop("skill_id", UNSET)

        _deleted_skills = d.pop("deleted_skills", UNSET)
        deleted_skills: list[AuditLogInfoTypeCmdResultDeletedSkillsItems] | Unset = (
            UNSET
        )
        if _deleted_skills is not UNSET:
            deleted_skills = []
            for deleted_skills_item_data in _deleted_skills:
                deleted_skills_item = (
                    AuditLogInfoTypeCmdResultDeletedSkillsItems.from_dict(
                        deleted_skills_item_data
                    )
                )

                deleted_skills.append(deleted_skills_item)

        audit_log_info_type_cmd_result = cls(
            skill_id=skill_id,
            deleted_skills=deleted_skills,
        )

        audit_log_info_type_cmd_result.additional_properties = d
        return audit_log_info_type_cmd_result

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
from ..models.audit_log_info_type_cmd_result_deleted_skills_items import (
    AuditLogInfoTypeCmdResultDeletedSkillsItems,
)
