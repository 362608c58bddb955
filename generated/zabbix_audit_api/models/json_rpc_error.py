from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="JsonRpcError")


@_attrs_define
class JsonRpcError:
    """The JSON-RPC error object. Codes seen on 6.0.14: `-32700` "Parse error" (invalid JSON); `-32600` "Invalid request."
    (not a JSON-RPC 2.0 request: `jsonrpc`, `method` or `params` missing or wrong, bad `id`); `-32601` "Method not
    found." (e.g. `Incorrect API "nope".`); `-32602` "Invalid params." (invalid or unexpected parameters, and also the
    authentication errors `Not authorized.` (no `auth`), `Session terminated, re-login, please.` (unknown or expired
    session/token), `No permissions to call "auditlog.get".` (not a Super admin; -32500 on 7.0) and `The "user.login"
    method must be called without the "auth" parameter.` (7.0, for the header: `... without authorization header.`));
    `-32500` "Application error." (e.g. `Incorrect user name or password or account is temporarily blocked.`, and on 7.0
    `No permissions to call "auditlog.get".` and `Database error occurred.`); `-32300` "Transport error."; `-32400`
    "System error.". Outside JSON-RPC's range, a frontend that cannot reach its database answers every method (even
    `apiinfo.version`) with code `1`, message `Error connecting to database.` and an empty `data`.

        Attributes:
            code (int): -32700, -32600, -32601, -32602, -32500, -32400, -32300 (or 1, database unreachable).
            message (str): The short, fixed text of the code, e.g. `Invalid params.`.
            data (str): The detailed, human-readable reason.
    """

    code: int
    message: str
    data: str

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        CODE: Final = "code"
        MESSAGE: Final = "message"
        DATA: Final = "data"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "code",
                "message",
                "data",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = d.pop("data")

        json_rpc_error = cls(
            code=code,
            message=message,
            data=data,
        )

        return json_rpc_error
