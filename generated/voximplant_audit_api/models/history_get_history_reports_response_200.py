from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_report import HistoryReport


T = TypeVar("T", bound="HistoryGetHistoryReportsResponse200")


@_attrs_define
class HistoryGetHistoryReportsResponse200:
    """
    Attributes:
        result (list[HistoryReport] | Unset):
        total_count (int | Unset): The total found item count
        count (int | Unset): The returned item count
    """

    result: list[HistoryReport] | Unset = UNSET
    total_count: int | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        RESULT: Final = "result"
        TOTAL_COUNT: Final = "total_count"
        COUNT: Final = "count"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        result: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = []
            for result_item_data in self.result:
                result_item = result_item_data.to_dict()
                result.append(result_item)

        total_count = self.total_count

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: list[HistoryReport] | Unset = UNSET
        if _result is not UNSET:
            result = []
            for result_item_data in _result:
                result_item = HistoryReport.from_dict(result_item_data)

                result.append(result_item)

        total_count = d.pop("total_count", UNSET)

        count = d.pop("count", UNSET)

        history_get_history_reports_response_200 = cls(
            result=result,
            total_count=total_count,
            count=count,
        )

        history_get_history_reports_response_200.additional_properties = d
        return history_get_history_reports_response_200

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
from ..models.history_report import HistoryReport
