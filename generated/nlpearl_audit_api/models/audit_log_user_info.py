from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.user_type import UserType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogUserInfo")


@_attrs_define
class AuditLogUserInfo:
    """
    Attributes:
        id (None | str | Unset): The unique identifier of the user.
        name (None | str | Unset): The display name of the user.
        type_ (UserType | Unset): The type/role of the user who triggered the audit log event.

            `1 - Platform`

            `3 - APIKey`

            `90 - Support`

            `99 - System`

    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    type_: UserType | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        ID: Final = "id"
        NAME: Final = "name"
        TYPE_: Final = "type"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        type_: int | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: UserType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = UserType(_type_)

        audit_log_user_info = cls(
            id=id,
            name=name,
            type_=type_,
        )

        return audit_log_user_info
