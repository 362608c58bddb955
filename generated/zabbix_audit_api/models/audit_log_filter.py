from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogFilter")


@_attrs_define
class AuditLogFilter:
    """Exact match: each property is one value or an array of values (any of them matches); properties are combined with
    AND. Values are compared as given, e.g. `{"action": ["0", "1"], "resourcetype": "14"}`. The manual also lists
    `table_name` and `field_name` (details fields), but 6.0.14 rejects them (-32602 `unexpected parameter
    "table_name"`), so they are not offered here.

        Attributes:
            auditid (list[str] | str | Unset): One string or an array of strings.
            userid (list[str] | str | Unset): One string or an array of strings.
            clock (list[str] | str | Unset): One string or an array of strings.
            action (list[str] | str | Unset): One string or an array of strings.
            resourcetype (list[str] | str | Unset): One string or an array of strings.
            ip (list[str] | str | Unset): One string or an array of strings.
            resourceid (list[str] | str | Unset): One string or an array of strings.
            resourcename (list[str] | str | Unset): One string or an array of strings.
            username (list[str] | str | Unset): One string or an array of strings.
            recordsetid (list[str] | str | Unset): One string or an array of strings.
    """

    auditid: list[str] | str | Unset = UNSET
    userid: list[str] | str | Unset = UNSET
    clock: list[str] | str | Unset = UNSET
    action: list[str] | str | Unset = UNSET
    resourcetype: list[str] | str | Unset = UNSET
    ip: list[str] | str | Unset = UNSET
    resourceid: list[str] | str | Unset = UNSET
    resourcename: list[str] | str | Unset = UNSET
    username: list[str] | str | Unset = UNSET
    recordsetid: list[str] | str | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        AUDITID: Final = "auditid"
        USERID: Final = "userid"
        CLOCK: Final = "clock"
        ACTION: Final = "action"
        RESOURCETYPE: Final = "resourcetype"
        IP: Final = "ip"
        RESOURCEID: Final = "resourceid"
        RESOURCENAME: Final = "resourcename"
        USERNAME: Final = "username"
        RECORDSETID: Final = "recordsetid"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        auditid: list[str] | str | Unset
        if isinstance(self.auditid, Unset):
            auditid = UNSET
        elif isinstance(self.auditid, list):
            auditid = self.auditid

        else:
            auditid = self.auditid

        userid: list[str] | str | Unset
        if isinstance(self.userid, Unset):
            userid = UNSET
        elif isinstance(self.userid, list):
            userid = self.userid

        else:
            userid = self.userid

        clock: list[str] | str | Unset
        if isinstance(self.clock, Unset):
            clock = UNSET
        elif isinstance(self.clock, list):
            clock = self.clock

        else:
            clock = self.clock

        action: list[str] | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, list):
            action = self.action

        else:
            action = self.action

        resourcetype: list[str] | str | Unset
        if isinstance(self.resourcetype, Unset):
            resourcetype = UNSET
        elif isinstance(self.resourcetype, list):
            resourcetype = self.resourcetype

        else:
            resourcetype = self.resourcetype

        ip: list[str] | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        elif isinstance(self.ip, list):
            ip = self.ip

        else:
            ip = self.ip

        resourceid: list[str] | str | Unset
        if isinstance(self.resourceid, Unset):
            resourceid = UNSET
        elif isinstance(self.resourceid, list):
            resourceid = self.resourceid

        else:
            resourceid = self.resourceid

        resourcename: list[str] | str | Unset
        if isinstance(self.resourcename, Unset):
            resourcename = UNSET
        elif isinstance(self.resourcename, list):
            resourcename = self.resourcename

        else:
            resourcename = self.resourcename

        username: list[str] | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        elif isinstance(self.username, list):
            username = self.username

        else:
            username = self.username

        recordsetid: list[str] | str | Unset
        if isinstance(self.recordsetid, Unset):
            recordsetid = UNSET
        elif isinstance(self.recordsetid, list):
            recordsetid = self.recordsetid

        else:
            recordsetid = self.recordsetid

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auditid is not UNSET:
            field_dict["auditid"] = auditid
        if userid is not UNSET:
            field_dict["userid"] = userid
        if clock is not UNSET:
            field_dict["clock"] = clock
        if action is not UNSET:
            field_dict["action"] = action
        if resourcetype is not UNSET:
            field_dict["resourcetype"] = resourcetype
        if ip is not UNSET:
            field_dict["ip"] = ip
        if resourceid is not UNSET:
            field_dict["resourceid"] = resourceid
        if resourcename is not UNSET:
            field_dict["resourcename"] = resourcename
        if username is not UNSET:
            field_dict["username"] = username
        if recordsetid is not UNSET:
            field_dict["recordsetid"] = recordsetid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_auditid(data: object) -> list[str] | str | Unset:
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

        auditid = _parse_auditid(d.pop("auditid", UNSET))

        def _parse_userid(data: object) -> list[str] | str | Unset:
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

        userid = _parse_userid(d.pop("userid", UNSET))

        def _parse_clock(data: object) -> list[str] | str | Unset:
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

        clock = _parse_clock(d.pop("clock", UNSET))

        def _parse_action(data: object) -> list[str] | str | Unset:
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

        action = _parse_action(d.pop("action", UNSET))

        def _parse_resourcetype(data: object) -> list[str] | str | Unset:
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

        resourcetype = _parse_resourcetype(d.pop("resourcetype", UNSET))

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

        def _parse_resourceid(data: object) -> list[str] | str | Unset:
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

        resourceid = _parse_resourceid(d.pop("resourceid", UNSET))

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

        def _parse_recordsetid(data: object) -> list[str] | str | Unset:
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

        recordsetid = _parse_recordsetid(d.pop("recordsetid", UNSET))

        audit_log_filter = cls(
            auditid=auditid,
            userid=userid,
            clock=clock,
            action=action,
            resourcetype=resourcetype,
            ip=ip,
            resourceid=resourceid,
            resourcename=resourcename,
            username=username,
            recordsetid=recordsetid,
        )

        return audit_log_filter
