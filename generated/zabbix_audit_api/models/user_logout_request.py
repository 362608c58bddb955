from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion
from ..models.user_logout_request_method import UserLogoutRequestMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserLogoutRequest")


@_attrs_define
class UserLogoutRequest:
    """`user.logout`: end the session given in `auth` (or, from 6.4, in the `Authorization: Bearer` header). With an API
    token instead of a session id, 6.0.14 answers with error -32500.

        Attributes:
            jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
            method (UserLogoutRequestMethod):  Default: UserLogoutRequestMethod.USER_LOGOUT.
            params (list[str]): No parameters; send an empty array (Zabbix also accepts `{}`).
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

    params: list[str]
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: UserLogoutRequestMethod = UserLogoutRequestMethod.USER_LOGOUT
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

        params = self.params

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

        method = UserLogoutRequestMethod(d.pop("method"))

        params = cast(list[str], d.pop("params"))

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        auth = d.pop("auth", UNSET)

        user_logout_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            id=id,
            auth=auth,
        )

        return user_logout_request
