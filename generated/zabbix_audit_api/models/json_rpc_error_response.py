from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.json_rpc_version import JsonRpcVersion

if TYPE_CHECKING:
    from ..models.json_rpc_error import JsonRpcError


T = TypeVar("T", bound="JsonRpcErrorResponse")


@_attrs_define
class JsonRpcErrorResponse:
    """A failed call. Sent with HTTP status 200.

    Attributes:
        jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`.
        error (JsonRpcError): The JSON-RPC error object. Codes seen on 6.0.14: `-32700` "Parse error" (invalid JSON);
            `-32600` "Invalid request." (not a JSON-RPC 2.0 request: `jsonrpc`, `method` or `params` missing or wrong, bad
            `id`); `-32601` "Method not found." (e.g. `Incorrect API "nope".`); `-32602` "Invalid params." (invalid or
            unexpected parameters, and also the authentication errors `Not authorized.` (no `auth`), `Session terminated,
            re-login, please.` (unknown or expired session/token), `No permissions to call "auditlog.get".` (not a Super
            admin; -32500 on 7.0) and `The "user.login" method must be called without the "auth" parameter.` (7.0, for the
            header: `... without authorization header.`)); `-32500` "Application error." (e.g. `Incorrect user name or
            password or account is temporarily blocked.`, and on 7.0 `No permissions to call "auditlog.get".` and `Database
            error occurred.`); `-32300` "Transport error."; `-32400` "System error.". Outside JSON-RPC's range, a frontend
            that cannot reach its database answers every method (even `apiinfo.version`) with code `1`, message `Error
            connecting to database.` and an empty `data`.
        id (int | None | str): The `id` of the request, echoed with its JSON type; `null` when the request could not be
            parsed or its `id` was invalid. (`nullable` sits on the integer branch so that `null` matches exactly one
            branch.)
    """

    jsonrpc: JsonRpcVersion
    error: JsonRpcError
    id: int | None | str

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        JSONRPC: Final = "jsonrpc"
        ERROR: Final = "error"
        ID: Final = "id"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "jsonrpc",
                "error",
                "id",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        jsonrpc = self.jsonrpc.value

        error = self.error.to_dict()

        id: int | None | str
        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jsonrpc": jsonrpc,
                "error": error,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        jsonrpc = JsonRpcVersion(d.pop("jsonrpc"))

        error = JsonRpcError.from_dict(d.pop("error"))

        def _parse_id(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        id = _parse_id(d.pop("id"))

        json_rpc_error_response = cls(
            jsonrpc=jsonrpc,
            error=error,
            id=id,
        )

        return json_rpc_error_response


# Imported here, after the class, so that two models may refer to each other.
from ..models.json_rpc_error import JsonRpcError
