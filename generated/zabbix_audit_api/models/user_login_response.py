from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion

T = TypeVar("T", bound="UserLoginResponse")


@_attrs_define
class UserLoginResponse:
    """The success envelope of `user.login`.

    Attributes:
        jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`.
        result (str): The session id (authentication token) of the new session.
        id (int | None | str): The `id` of the request, echoed with its JSON type; `null` when the request could not be
            parsed or its `id` was invalid. (`nullable` sits on the integer branch so that `null` matches exactly one
            branch.)
    """

    jsonrpc: JsonRpcVersion
    result: str
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

        result = d.pop("result")

        def _parse_id(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        id = _parse_id(d.pop("id"))

        user_login_response = cls(
            jsonrpc=jsonrpc,
            result=result,
            id=id,
        )

        return user_login_response
