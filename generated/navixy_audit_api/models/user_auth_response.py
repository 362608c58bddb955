from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserAuthResponse")


@_attrs_define
class UserAuthResponse:
    """
    Attributes:
        success (bool):
        hash_ (str): The session hash.
        second_factor_required (bool | Unset): Present and true when the account requires a second factor to finish the
            login.
    """

    success: bool
    hash_: str
    second_factor_required: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        SUCCESS: Final = "success"
        HASH_: Final = "hash"
        SECOND_FACTOR_REQUIRED: Final = "second_factor_required"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "success",
                "hash",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        hash_ = self.hash_

        second_factor_required = self.second_factor_required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "hash": hash_,
            }
        )
        if second_factor_required is not UNSET:
            field_dict["second_factor_required"] = second_factor_required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        hash_ = d.pop("hash")

        second_factor_required = d.pop("second_factor_required", UNSET)

        user_auth_response = cls(
            success=success,
            hash_=hash_,
            second_factor_required=second_factor_required,
        )

        user_auth_response.additional_properties = d
        return user_auth_response

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
