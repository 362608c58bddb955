from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_log_info_type_cmd_args import AuditLogInfoTypeCmdArgs
    from ..models.audit_log_info_type_cmd_result import AuditLogInfoTypeCmdResult


T = TypeVar("T", bound="AuditLogInfoType")


@_attrs_define
class AuditLogInfoType:
    """The [GetAuditLog] function result item.

    Attributes:
        audit_log_id (int | Unset): The audit log ID
        subuser_id (int | Unset): The subuser's ID
        subuser_name (str | Unset): The subuser's name
        account_id (int | Unset): The account ID
        requested (str | Unset): Timestamp in YYYY-MM-DD HH:mm:ss format.

            The action time in the selected timezone in 24-h format: YYYY-MM-DD HH:mm:ss
        ip (str | Unset): The initiator IP address
        cmd_name (str | Unset): The called function
        cmd_args (AuditLogInfoTypeCmdArgs | Unset): The arguments of the called function (they may be masked or
            resolved)
        cmd_result (AuditLogInfoTypeCmdResult | Unset): The modified values
    """

    audit_log_id: int | Unset = UNSET
    subuser_id: int | Unset = UNSET
    subuser_name: str | Unset = UNSET
    account_id: int | Unset = UNSET
    requested: str | Unset = UNSET
    ip: str | Unset = UNSET
    cmd_name: str | Unset = UNSET
    cmd_args: AuditLogInfoTypeCmdArgs | Unset = UNSET
    cmd_result: AuditLogInfoTypeCmdResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        AUDIT_LOG_ID: Final = "audit_log_id"
        SUBUSER_ID: Final = "subuser_id"
        SUBUSER_NAME: Final = "subuser_name"
        ACCOUNT_ID: Final = "account_id"
        REQUESTED: Final = "requested"
        IP: Final = "ip"
        CMD_NAME: Final = "cmd_name"
        CMD_ARGS: Final = "cmd_args"
        CMD_RESULT: Final = "cmd_result"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        audit_log_id = self.audit_log_id

        subuser_id = self.subuser_id

        subuser_name = self.subuser_name

        account_id = self.account_id

        requested = self.requested

        ip = self.ip

        cmd_name = self.cmd_name

        cmd_args: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cmd_args, Unset):
            cmd_args = self.cmd_args.to_dict()

        cmd_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cmd_result, Unset):
            cmd_result = self.cmd_result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if audit_log_id is not UNSET:
            field_dict["audit_log_id"] = audit_log_id
        if subuser_id is not UNSET:
            field_dict["subuser_id"] = subuser_id
        if subuser_name is not UNSET:
            field_dict["subuser_name"] = subuser_name
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if requested is not UNSET:
            field_dict["requested"] = requested
        if ip is not UNSET:
            field_dict["ip"] = ip
        if cmd_name is not UNSET:
            field_dict["cmd_name"] = cmd_name
        if cmd_args is not UNSET:
            field_dict["cmd_args"] = cmd_args
        if cmd_result is not UNSET:
            field_dict["cmd_result"] = cmd_result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audit_log_id = d.pop("audit_log_id", UNSET)

        subuser_id = d.pop("subuser_id", UNSET)

        subuser_name = d.pop("subuser_name", UNSET)

        account_id = d.pop("account_id", UNSET)

        requested = d.pop("requested", UNSET)

        ip = d.pop("ip", UNSET)

        cmd_name = d.pop("cmd_name", UNSET)

        _cmd_args = d.pop("cmd_args", UNSET)
        cmd_args: AuditLogInfoTypeCmdArgs | Unset
        if isinstance(_cmd_args, Unset):
            cmd_args = UNSET
        else:
            cmd_args = AuditLogInfoTypeCmdArgs.from_dict(_cmd_args)

        _cmd_result = d.pop("cmd_result", UNSET)
        cmd_result: AuditLogInfoTypeCmdResult | Unset
        if isinstance(_cmd_result, Unset):
            cmd_result = UNSET
        else:
            cmd_result = AuditLogInfoTypeCmdResult.from_dict(_cmd_result)

        audit_log_info_type = cls(
            audit_log_id=audit_log_id,
            subuser_id=subuser_id,
            subuser_name=subuser_name,
            account_id=account_id,
            requested=requested,
            ip=ip,
            cmd_name=cmd_name,
            cmd_args=cmd_args,
            cmd_result=cmd_result,
        )

        audit_log_info_type.additional_properties = d
        return audit_log_info_type

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
from ..models.audit_log_info_type_cmd_args import AuditLogInfoTypeCmdArgs
from ..models.audit_log_info_type_cmd_result import AuditLogInfoTypeCmdResult
