from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserAuthRequest")


@_attrs_define
class UserAuthRequest:
    """
    Attributes:
        login (str): The user's login (email).
        password (str): The user's password.
    """

    login: str
    password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        LOGIN: Final = "login"
        PASSWORD: Final = "password"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "login",
                "password",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        login = self.login

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "login": login,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        login = d.pop("login")

        password = d.pop("password")

        user_auth_request = cls(
            login=login,
            password=password,
        )

        user_auth_request.additional_properties = d
        return user_auth_request

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
