from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryGetAuditLogAsyncResponse200")


@_attrs_define
class HistoryGetAuditLogAsyncResponse200:
    """
    Attributes:
        result (int | Unset): Returns 1 if the request has been completed successfully
        history_report_id (int | Unset): The history report ID
    """

    result: int | Unset = UNSET
    history_report_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        RESULT: Final = "result"
        HISTORY_REPORT_ID: Final = "history_report_id"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        history_report_id = self.history_report_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if history_report_id is not UNSET:
            field_dict["history_report_id"] = history_report_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = d.pop("result", UNSET)

        history_report_id = d.pop("history_report_id", UNSET)

        history_get_audit_log_async_response_200 = cls(
            result=result,
            history_report_id=history_report_id,
        )

        history_get_audit_log_async_response_200.additional_properties = d
        return history_get_audit_log_async_response_200

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
