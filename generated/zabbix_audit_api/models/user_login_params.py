from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UserLoginParams")


@_attrs_define
class UserLoginParams:
    """
    Attributes:
        username (str): User name (6.0 also accepts the deprecated name `user`, which 7.0 rejects).
        password (str): User password.
    """

    username: str
    password: str

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        USERNAME: Final = "username"
        PASSWORD: Final = "password"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "username",
                "password",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        user_login_params = cls(
            username=username,
            password=password,
        )

        return user_login_params
