from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion
from ..models.user_logout_request_method import UserLogoutRequestMethod

T = TypeVar("T", bound="UserLogoutRequest")


@_attrs_define
class UserLogoutRequest:
    """`user.logout`: end the session given in `auth`. With an API token instead of a session id, 6.0.14 answers with error
    -32500.

        Attributes:
            jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
            method (UserLogoutRequestMethod):  Default: UserLogoutRequestMethod.USER_LOGOUT.
            params (list[str]): No parameters; send an empty array (Zabbix also accepts `{}`).
            auth (str): A session id from `user.login` (32 hexadecimal characters) or an API token from `token.generate` (64
                hexadecimal characters). Sent in the request member `auth` up to Zabbix 7.0 (removed in 7.2).
            id (int | str): The request identifier, echoed unchanged (same JSON type) in the response. Zabbix also accepts a
                number with a fraction and `null`.
    """

    params: list[str]
    auth: str
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: UserLogoutRequestMethod = UserLogoutRequestMethod.USER_LOGOUT

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        method = self.method.value

        params = self.params

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
        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        method = UserLogoutRequestMethod(d.pop("method"))

        params = cast(list[str], d.pop("params"))

        auth = d.pop("auth")

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        user_logout_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            auth=auth,
            id=id,
        )

        return user_logout_request
