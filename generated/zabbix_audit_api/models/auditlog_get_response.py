from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion

if TYPE_CHECKING:
    from ..models.audit_log import AuditLog
    from ..models.audit_log_map import AuditLogMap


T = TypeVar("T", bound="AuditlogGetResponse")


@_attrs_define
class AuditlogGetResponse:
    """The success envelope of `auditlog.get`.

    Attributes:
        jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`.
        result (AuditLogMap | list[AuditLog] | str): The result of `auditlog.get`: `AuditLogList` by default,
            `AuditLogMap` with `preservekeys` (but `[]` when nothing matches), or `AuditLogCount` with `countOutput`.
        id (int | None | str): The `id` of the request, echoed with its JSON type; `null` when the request could not be
            parsed or its `id` was invalid. (`nullable` sits on the integer branch so that `null` matches exactly one
            branch.)
    """

    jsonrpc: JsonRpcVersion
    result: AuditLogMap | list[AuditLog] | str
    id: int | None | str

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        JSONRPC: Final = "jsonrpc"
        RESULT: Final = "result"
        ID: Final = "id"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "jsonrpc",
                "result",
                "id",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        result: dict[str, Any] | list[dict[str, Any]] | str
        if isinstance(self.result, list):
            result = []
            for componentsschemas_audit_log_list_item_data in self.result:
                componentsschemas_audit_log_list_item = (
                    componentsschemas_audit_log_list_item_data.to_dict()
                )
                result.append(componentsschemas_audit_log_list_item)

        elif isinstance(self.result, AuditLogMap):
            result = self.result.to_dict()
        else:
            result = self.result

        id: int | None | str
        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "result": result,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        def _parse_result(data: object) -> AuditLogMap | list[AuditLog] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_auditlog_get_result_type_0 = []
                _componentsschemas_auditlog_get_result_type_0 = data
                for (
                    componentsschemas_audit_log_list_item_data
                ) in _componentsschemas_auditlog_get_result_type_0:
                    componentsschemas_audit_log_list_item = AuditLog.from_dict(
                        componentsschemas_audit_log_list_item_data
                    )

                    componentsschemas_auditlog_get_result_type_0.append(
                        componentsschemas_audit_log_list_item
                    )

                return componentsschemas_auditlog_get_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auditlog_get_result_type_1 = AuditLogMap.from_dict(
                    data
                )

                return componentsschemas_auditlog_get_result_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditLogMap | list[AuditLog] | str, data)

        result = _parse_result(d.pop("result"))

        def _parse_id(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        id = _parse_id(d.pop("id"))

        auditlog_get_response = cls(
            jsonrpc=jsonrpc,
            result=result,
            id=id,
        )

        return auditlog_get_response


# Imported here, after the class, so that two models may refer to each other.
from ..models.audit_log import AuditLog
from ..models.audit_log_map import AuditLogMap
