from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_record import AuditRecord


T = TypeVar("T", bound="AuditLogListResponse")


@_attrs_define
class AuditLogListResponse:
    """
    Attributes:
        success (bool):
        list_ (list[AuditRecord]):
    """

    success: bool
    list_: list[AuditRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SUCCESS: Final = "success"
        LIST_: Final = "list"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "success",
                "list",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        list_ = []
        for list_item_data in self.list_:
            list_item = list_item_data.to_dict()
            list_.append(list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "list": list_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:
            list_item = AuditRecord.from_dict(list_item_data)

            list_.append(list_item)

        audit_log_list_response = cls(
            success=success,
            list_=list_,
        )

        audit_log_list_response.additional_properties = d
        return audit_log_list_response

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
from ..models.audit_record import AuditRecord
