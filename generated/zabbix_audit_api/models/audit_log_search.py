from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogSearch")


@_attrs_define
class AuditLogSearch:
    """Case-insensitive substring search (see `startSearch`, `searchWildcardsEnabled`, `searchByAny`). Several patterns for
    one property must all match unless `searchByAny` is set.

        Attributes:
            username (list[str] | str | Unset): One string or an array of strings.
            ip (list[str] | str | Unset): One string or an array of strings.
            resourcename (list[str] | str | Unset): One string or an array of strings.
            details (list[str] | str | Unset): One string or an array of strings.
    """

    username: list[str] | str | Unset = UNSET
    ip: list[str] | str | Unset = UNSET
    resourcename: list[str] | str | Unset = UNSET
    details: list[str] | str | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        USERNAME: Final = "username"
        IP: Final = "ip"
        RESOURCENAME: Final = "resourcename"
        DETAILS: Final = "details"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        username: list[str] | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        elif isinstance(self.username, list):
            username = self.username

        else:
            username = self.username

        ip: list[str] | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        elif isinstance(self.ip, list):
            ip = self.ip

        else:
            ip = self.ip

        resourcename: list[str] | str | Unset
        if isinstance(self.resourcename, Unset):
            resourcename = UNSET
        elif isinstance(self.resourcename, list):
            resourcename = self.resourcename

        else:
            resourcename = self.resourcename

        details: list[str] | str | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = self.details

        else:
            details = self.details

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if ip is not UNSET:
            field_dict["ip"] = ip
        if resourcename is not UNSET:
            field_dict["resourcename"] = resourcename
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_username(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_strings_type_1 = cast(list[str], data)

                return componentsschemas_string_or_strings_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_ip(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_strings_type_1 = cast(list[str], data)

                return componentsschemas_string_or_strings_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        ip = _parse_ip(d.pop("ip", UNSET))

        def _parse_resourcename(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_strings_type_1 = cast(list[str], data)

                return componentsschemas_string_or_strings_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        resourcename = _parse_resourcename(d.pop("resourcename", UNSET))

        def _parse_details(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_strings_type_1 = cast(list[str], data)

                return componentsschemas_string_or_strings_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        audit_log_search = cls(
            username=username,
            ip=ip,
            resourcename=resourcename,
            details=details,
        )

        return audit_log_search
