from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.auditlog_get_request_method import AuditlogGetRequestMethod
from ..models.json_rpc_version import JsonRpcVersion

if TYPE_CHECKING:
    from ..models.auditlog_get_params import AuditlogGetParams


T = TypeVar("T", bound="AuditlogGetRequest")


@_attrs_define
class AuditlogGetRequest:
    """`auditlog.get`: audit log records matching the parameters. Only for Super admin users (others get -32602 `No
    permissions to call "auditlog.get".`).

        Attributes:
            jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
            method (AuditlogGetRequestMethod):  Default: AuditlogGetRequestMethod.AUDITLOG_GET.
            params (AuditlogGetParams): The parameters of `auditlog.get`; all optional. Unknown parameters are rejected
                (-32602 `unexpected parameter`). There is no offset: page by `time_till`/`time_from` and `auditid`. Without
                `sortfield` the order is the database's (unspecified), and rows with equal sort values have no defined order
                either: sort by `clock` and `auditid` for a stable order.
            auth (str): A session id from `user.login` (32 hexadecimal characters) or an API token from `token.generate` (64
                hexadecimal characters). Sent in the request member `auth` up to Zabbix 7.0 (removed in 7.2).
            id (int | str): The request identifier, echoed unchanged (same JSON type) in the response. Zabbix also accepts a
                number with a fraction and `null`.
    """

    params: AuditlogGetParams
    auth: str
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: AuditlogGetRequestMethod = AuditlogGetRequestMethod.AUDITLOG_GET

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        method = self.method.value

        params = self.params.to_dict()

        auth = self.auth

        id: int | str
        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "method": method,
                "params": params,
                "auth": auth,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.auditlog_get_params import AuditlogGetParams

        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        method = AuditlogGetRequestMethod(d.pop("method"))

        params = AuditlogGetParams.from_dict(d.pop("params"))

        auth = d.pop("auth")

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        auditlog_get_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            auth=auth,
            id=id,
        )

        return auditlog_get_request
