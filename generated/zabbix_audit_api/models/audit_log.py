from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLog")


@_attrs_define
class AuditLog:
    """An audit log record. Every value is a JSON string. With `output` set to a list, only the listed properties are
    present, so none is required here; with `output: extend` (the default) all twelve are.

        Attributes:
            auditid (str | Unset): ID of the record, a CUID (25 characters).
            userid (str | Unset): ID of the user who did it; `"0"` when none (database NULL, e.g. a failed login with an
                unknown user name, or records written by the server).
            username (str | Unset): User name of the author.
            clock (str | Unset): Unix timestamp (seconds) of the record's creation.
            ip (str | Unset): IP address of the author.
            action (str | Unset): The action, a decimal number as a string. Defined by the 6.0.14 frontend
                (CAudit::ACTION_*): `0` Add, `1` Update, `2` Delete, `4` Logout, `7` Execute, `8` Login, `9` Failed login, `10`
                History clear. 7.0 adds `11` Config refresh and `12` Push; treat unknown values as opaque.
            resourcetype (str | Unset): The resource type, a decimal number as a string. Defined by the 6.0.14 frontend
                (CAudit::RESOURCE_*): `0` User, `3` Media type, `4` Host, `5` Action, `6` Graph, `11` User group, `13` Trigger,
                `14` Host group, `15` Item, `16` Image, `17` Value map, `18` Service, `19` Map, `22` Web scenario, `23`
                Discovery rule, `25` Script, `26` Proxy, `27` Maintenance, `28` Regular expression, `29` Macro, `30` Template,
                `31` Trigger prototype, `32` Icon mapping, `33` Dashboard, `34` Event correlation, `35` Graph prototype, `36`
                Item prototype, `37` Host prototype, `38` Autoregistration, `39` Module, `40` Settings, `41` Housekeeping, `42`
                Authentication, `43` Template dashboard, `44` User role, `45` API token, `46` Scheduled report, `47` High
                availability node, `48` SLA. 7.0 adds `49` User directory, `50` Template group, `51` Connector, `52` LLD rule,
                `53` History, `54` MFA, `55` Proxy group; treat unknown values as opaque.
            resourceid (str | Unset): ID of the resource; `"0"` when none (database NULL).
            resource_cuid (str | Unset): CUID of the resource, for resources whose ID is a CUID (high availability nodes);
                `"0"` otherwise (a database NULL, which the 6.0 frontend sends as `"0"`, never as JSON null).
            resourcename (str | Unset): Human-readable name of the resource (may be empty, e.g. for logins).
            recordsetid (str | Unset): ID (CUID) shared by every record written by the same operation, e.g. all 5,000
                records of one `hostgroup.create` call.
            details (str | Unset): The changes, as a JSON-encoded object in a string: keys are `<resource>.<property path>`
                (e.g. `hostgroup.name`, `user.medias[37].sendto`), values `["add", new]`, `["update", new, old]` or
                `["delete"]`; secrets are `******`. Empty string for login, logout and failed login.
    """

    auditid: str | Unset = UNSET
    userid: str | Unset = UNSET
    username: str | Unset = UNSET
    clock: str | Unset = UNSET
    ip: str | Unset = UNSET
    action: str | Unset = UNSET
    resourcetype: str | Unset = UNSET
    resourceid: str | Unset = UNSET
    resource_cuid: str | Unset = UNSET
    resourcename: str | Unset = UNSET
    recordsetid: str | Unset = UNSET
    details: str | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        AUDITID: Final = "auditid"
        USERID: Final = "userid"
        USERNAME: Final = "username"
        CLOCK: Final = "clock"
        IP: Final = "ip"
        ACTION: Final = "action"
        RESOURCETYPE: Final = "resourcetype"
        RESOURCEID: Final = "resourceid"
        RESOURCE_CUID: Final = "resource_cuid"
        RESOURCENAME: Final = "resourcename"
        RECORDSETID: Final = "recordsetid"
        DETAILS: Final = "details"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        auditid = self.auditid

        userid = self.userid

        username = self.username

        clock = self.clock

        ip = self.ip

        action = self.action

        resourcetype = self.resourcetype

        resourceid = self.resourceid

        resource_cuid = self.resource_cuid

        resourcename = self.resourcename

        recordsetid = self.recordsetid

        details = self.details

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auditid is not UNSET:
            field_dict["auditid"] = auditid
        if userid is not UNSET:
            field_dict["userid"] = userid
        if username is not UNSET:
            field_dict["username"] = username
        if clock is not UNSET:
            field_dict["clock"] = clock
        if ip is not UNSET:
            field_dict["ip"] = ip
        if action is not UNSET:
            field_dict["action"] = action
        if resourcetype is not UNSET:
            field_dict["resourcetype"] = resourcetype
        if resourceid is not UNSET:
            field_dict["resourceid"] = resourceid
        if resource_cuid is not UNSET:
            field_dict["resource_cuid"] = resource_cuid
        if resourcename is not UNSET:
            field_dict["resourcename"] = resourcename
        if recordsetid is not UNSET:
            field_dict["recordsetid"] = recordsetid
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auditid = d.pop("auditid", UNSET)

        userid = d.pop("userid", UNSET)

        username = d.pop("username", UNSET)

        clock = d.pop("clock", UNSET)

        ip = d.pop("ip", UNSET)

        action = d.pop("action", UNSET)

        resourcetype = d.pop("resourcetype", UNSET)

        resourceid = d.pop("resourceid", UNSET)

        resource_cuid = d.pop("resource_cuid", UNSET)

        resourcename = d.pop("resourcename", UNSET)

        recordsetid = d.pop("recordsetid", UNSET)

        details = d.pop("details", UNSET)

        audit_log = cls(
            auditid=auditid,
            userid=userid,
            username=username,
            clock=clock,
            ip=ip,
            action=action,
            resourcetype=resourcetype,
            resourceid=resourceid,
            resource_cuid=resource_cuid,
            resourcename=resourcename,
            recordsetid=recordsetid,
            details=details,
        )

        return audit_log
