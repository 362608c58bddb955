from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The error object of the Management API. Codes seen with the history functions: 100 authorization failed, 101 invalid
    arguments, 111 invalid date format, 123 invalid date range, 340 rate limit exceeded, 356 report not ready, 357
    report failed, 557 report not found.

        Attributes:
            code (int): The error code
            msg (str): The error description
    """

    code: int
    msg: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        CODE: Final = "code"
        MSG: Final = "msg"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "code",
                "msg",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "msg": msg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        msg = d.pop("msg")

        api_error = cls(
            code=code,
            msg=msg,
        )

        api_error.additional_properties = d
        return api_error

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
