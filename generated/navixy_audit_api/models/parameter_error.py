from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParameterError")


@_attrs_define
class ParameterError:
    """
    Attributes:
        parameter (str | Unset):
        error (str | Unset):
    """

    parameter: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        PARAMETER: Final = "parameter"
        ERROR: Final = "error"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        parameter = self.parameter

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if parameter is not UNSET:
            field_dict["parameter"] = parameter
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        parameter = d.pop("parameter", UNSET)

        error = d.pop("error", UNSET)

        parameter_error = cls(
            parameter=parameter,
            error=error,
        )

        parameter_error.additional_properties = d
        return parameter_error

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
