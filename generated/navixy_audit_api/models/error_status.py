from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorStatus")


@_attrs_define
class ErrorStatus:
    """
    Attributes:
        code (int): General error codes: 1 database error, 2 service unavailable, 3 wrong hash, 4 user or API key not
            found or session ended, 5 wrong request format, 6 unexpected error, 7 invalid parameters, 11 access denied, 12
            entity not found, 13 operation not permitted, 15 too many requests (rate limit exceeded), 211 requested time
            span is too big, 212 requested limit is too big. From user/auth: 102 wrong login or password, 103 user not
            activated. Other codes may appear.
        description (str):
    """

    code: int
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        CODE: Final = "code"
        DESCRIPTION: Final = "description"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "code",
                "description",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        description = d.pop("description")

        error_status = cls(
            code=code,
            description=description,
        )

        error_status.additional_properties = d
        return error_status

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
