from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion
from ..models.user_login_request_method import UserLoginRequestMethod

if TYPE_CHECKING:
    from ..models.user_login_params import UserLoginParams


T = TypeVar("T", bound="UserLoginRequest")


@_attrs_define
class UserLoginRequest:
    """`user.login`: log in and get a session id. Must be sent without `auth`. (The parameter `userData: true`, which turns
    the result into a user object, is not modelled.)

        Attributes:
            jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
            method (UserLoginRequestMethod):  Default: UserLoginRequestMethod.USER_LOGIN.
            params (UserLoginParams):
            id (int | str): The request identifier, echoed unchanged (same JSON type) in the response. Zabbix also accepts a
                number with a fraction and `null`.
    """

    params: UserLoginParams
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: UserLoginRequestMethod = UserLoginRequestMethod.USER_LOGIN

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        JSONRPC: Final = "jsonrpc"
        METHOD: Final = "method"
        PARAMS: Final = "params"
        ID: Final = "id"
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "method": method,
                "params": params,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        method = UserLoginRequestMethod(d.pop("method"))

        params = UserLoginParams.from_dict(d.pop("params"))

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        user_login_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            id=id,
        )

        return user_login_request


# Imported here, after the class, so that two models may refer to each other.
from ..models.user_login_params import UserLoginParams
