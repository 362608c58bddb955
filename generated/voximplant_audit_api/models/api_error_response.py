from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_error import ApiError


T = TypeVar("T", bound="ApiErrorResponse")


@_attrs_define
class ApiErrorResponse:
    """The envelope every function returns with HTTP 200 when it fails.

    Attributes:
        error (ApiError): The error object of the Management API. Codes seen with the history functions: 100
            authorization failed, 101 invalid arguments, 111 invalid date format, 123 invalid date range, 340 rate limit
            exceeded, 356 report not ready, 357 report failed, 557 report not found.
    """

    error: ApiError
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        ERROR: Final = "error"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "error",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = ApiError.from_dict(d.pop("error"))

        api_error_response = cls(
            error=error,
        )

        api_error_response.additional_properties = d
        return api_error_response

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
from ..models.api_error import ApiError
