from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.apiinfo_version_request import ApiinfoVersionRequest
from ...models.auditlog_get_request import AuditlogGetRequest
from ...models.json_rpc_error_response import JsonRpcErrorResponse
from ...models.json_rpc_result import JsonRpcResult
from ...models.user_login_request import UserLoginRequest
from ...models.user_logout_request import UserLogoutRequest
from ...types import Response, json_body


def _get_kwargs(
    *,
    body: ApiinfoVersionRequest
    | AuditlogGetRequest
    | UserLoginRequest
    | UserLogoutRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api_jsonrpc.php",
    }

    if (
        isinstance(body, ApiinfoVersionRequest)
        or isinstance(body, UserLoginRequest)
        or isinstance(body, UserLogoutRequest)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | JsonRpcErrorResponse | JsonRpcResult | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> JsonRpcErrorResponse | JsonRpcResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_json_rpc_response_type_0 = JsonRpcResult.from_dict(
                    data
                )

                return componentsschemas_json_rpc_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_json_rpc_response_type_1 = JsonRpcErrorResponse.from_dict(
                data
            )

            return componentsschemas_json_rpc_response_type_1

        response_200 = _parse_response_200(json_body(response))

        return response_200

    if response.status_code == 412:
        response_412 = cast(Any, None)
        return response_412

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | JsonRpcErrorResponse | JsonRpcResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiinfoVersionRequest
    | AuditlogGetRequest
    | UserLoginRequest
    | UserLogoutRequest,
) -> Response[Any | JsonRpcErrorResponse | JsonRpcResult]:
    """Call a Zabbix API method (JSON-RPC 2.0)

     Sends one JSON-RPC 2.0 request. Application errors (bad credentials, invalid parameters, missing
    permissions) are JSON-RPC error envelopes with HTTP status 200.

    Args:
        body (ApiinfoVersionRequest | AuditlogGetRequest | UserLoginRequest | UserLogoutRequest):
            One JSON-RPC 2.0 request; the member `method` selects its type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonRpcErrorResponse | JsonRpcResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ApiinfoVersionRequest
    | AuditlogGetRequest
    | UserLoginRequest
    | UserLogoutRequest,
) -> Any | JsonRpcErrorResponse | JsonRpcResult | None:
    """Call a Zabbix API method (JSON-RPC 2.0)

     Sends one JSON-RPC 2.0 request. Application errors (bad credentials, invalid parameters, missing
    permissions) are JSON-RPC error envelopes with HTTP status 200.

    Args:
        body (ApiinfoVersionRequest | AuditlogGetRequest | UserLoginRequest | UserLogoutRequest):
            One JSON-RPC 2.0 request; the member `method` selects its type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonRpcErrorResponse | JsonRpcResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiinfoVersionRequest
    | AuditlogGetRequest
    | UserLoginRequest
    | UserLogoutRequest,
) -> Response[Any | JsonRpcErrorResponse | JsonRpcResult]:
    """Call a Zabbix API method (JSON-RPC 2.0)

     Sends one JSON-RPC 2.0 request. Application errors (bad credentials, invalid parameters, missing
    permissions) are JSON-RPC error envelopes with HTTP status 200.

    Args:
        body (ApiinfoVersionRequest | AuditlogGetRequest | UserLoginRequest | UserLogoutRequest):
            One JSON-RPC 2.0 request; the member `method` selects its type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonRpcErrorResponse | JsonRpcResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApiinfoVersionRequest
    | AuditlogGetRequest
    | UserLoginRequest
    | UserLogoutRequest,
) -> Any | JsonRpcErrorResponse | JsonRpcResult | None:
    """Call a Zabbix API method (JSON-RPC 2.0)

     Sends one JSON-RPC 2.0 request. Application errors (bad credentials, invalid parameters, missing
    permissions) are JSON-RPC error envelopes with HTTP status 200.

    Args:
        body (ApiinfoVersionRequest | AuditlogGetRequest | UserLoginRequest | UserLogoutRequest):
            One JSON-RPC 2.0 request; the member `method` selects its type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonRpcErrorResponse | JsonRpcResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
