from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.auditlog_get_request_method import AuditlogGetRequestMethod
from ..models.json_rpc_version import JsonRpcVersion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auditlog_get_params import AuditlogGetParams


T = TypeVar("T", bound="AuditlogGetRequest")


@_attrs_define
class AuditlogGetRequest:
    """`auditlog.get`: audit log records matching the parameters. Only for Super admin users (others get -32602 `No
    permissions to call "auditlog.get".`, -32500 on 7.0). Authenticated by the member `auth` (before 6.4) or the
    `Authorization: Bearer` header (6.4 and later).

        Attributes:
            jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
            method (AuditlogGetRequestMethod):  Default: AuditlogGetRequestMethod.AUDITLOG_GET.
            params (AuditlogGetParams): The parameters of `auditlog.get`; all optional. Unknown parameters are rejected
                (-32602 `unexpected parameter`). There is no offset: page by `time_till`/`time_from` and `auditid`. Without
                `sortfield` the order is the database's (unspecified), and rows with equal sort values have no defined order
                either: sort by `clock` and `auditid` for a stable order.
            id (int | str): The request identifier, echoed unchanged (same JSON type) in the response. Zabbix also accepts a
                number with a fraction and `null`.
            auth (str | Unset): A session id from `user.login` (32 hexadecimal characters) or an API token from
                `token.generate` (64 hexadecimal characters). Sent in the request member `auth` before Zabbix 6.4. From 6.4 the
                same value goes in the HTTP header `Authorization: Bearer <value>` instead (the member is deprecated in 6.4 and
                removed in 7.2, which rejects a request carrying it with -32600 `Invalid parameter "/": unexpected parameter
                "auth".`); a request then has no `auth` member, which is why the member is optional in `UserLogoutRequest` and
                `AuditlogGetRequest` (without either, the call fails with -32602 `Not authorized.`). 7.0 reads either, and when
                a request carries both, the header wins (observed on 7.0.22).
    """

    params: AuditlogGetParams
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: AuditlogGetRequestMethod = AuditlogGetRequestMethod.AUDITLOG_GET
    auth: str | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        JSONRPC: Final = "jsonrpc"
        METHOD: Final = "method"
        PARAMS: Final = "params"
        ID: Final = "id"
        AUTH: Final = "auth"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "jsonrpc",
                "method",
                "params",
                "id",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        method = self.method.value

        params = self.params.to_dict()

        id: int | str
        id = self.id

        auth = self.auth

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "method": method,
                "params": params,
                "id": id,
            }
        )
        if auth is not UNSET:
            field_dict["auth"] = auth

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        method = AuditlogGetRequestMethod(d.pop("method"))

        params = AuditlogGetParams.from_dict(d.pop("params"))

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        auth = d.pop("auth", UNSET)

        auditlog_get_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            id=id,
            auth=auth,
        )

        return auditlog_get_request


# Imported here, after the class, so that two models may refer to each other.
from ..models.auditlog_get_params import AuditlogGetParams
