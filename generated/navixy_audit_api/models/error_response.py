from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_status import ErrorStatus
    from ..models.parameter_error import ParameterError


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """
    Attributes:
        success (bool):
        status (ErrorStatus):
        errors (list[ParameterError] | Unset):
    """

    success: bool
    status: ErrorStatus
    errors: list[ParameterError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SUCCESS: Final = "success"
        STATUS: Final = "status"
        ERRORS: Final = "errors"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "success",
                "status",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        status = self.status.to_dict()

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "status": status,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        status = ErrorStatus.from_dict(d.pop("status"))

        _errors = d.pop("errors", UNSET)
        errors: list[ParameterError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ParameterError.from_dict(errors_item_data)

                errors.append(errors_item)

        error_response = cls(
            success=success,
            status=status,
            errors=errors,
        )

        error_response.additional_properties = d
        return error_response

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
from ..models.error_status import ErrorStatus
from ..models.parameter_error import ParameterError
