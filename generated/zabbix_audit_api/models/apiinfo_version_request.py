from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.apiinfo_version_request_method import ApiinfoVersionRequestMethod
from ..models.json_rpc_version import JsonRpcVersion

T = TypeVar("T", bound="ApiinfoVersionRequest")


@_attrs_define
class ApiinfoVersionRequest:
    """`apiinfo.version`: the version of the Zabbix API. Must be sent without `auth`.

    Attributes:
        jsonrpc (JsonRpcVersion): The JSON-RPC protocol version; always `2.0`. Default: JsonRpcVersion.V2_0.
        method (ApiinfoVersionRequestMethod):  Default: ApiinfoVersionRequestMethod.APIINFO_VERSION.
        params (list[str]): No parameters; send an empty array (Zabbix also accepts `{}`).
        id (int | str): The request identifier, echoed unchanged (same JSON type) in the response. Zabbix also accepts a
            number with a fraction and `null`.
    """

    params: list[str]
    id: int | str
    jsonrpc: JsonRpcVersion = JsonRpcVersion.V2_0
    method: ApiinfoVersionRequestMethod = ApiinfoVersionRequestMethod.APIINFO_VERSION

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

        params = self.params

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

        method = ApiinfoVersionRequestMethod(d.pop("method"))

        params = cast(list[str], d.pop("params"))

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        apiinfo_version_request = cls(
            jsonrpc=jsonrpc,
            method=method,
            params=params,
            id=id,
        )

        return apiinfo_version_request
