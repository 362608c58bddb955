from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.audit_log_list_request import AuditLogListRequest
from ...models.audit_log_list_response import AuditLogListResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset, json_body


def _get_kwargs(
    *,
    body: AuditLogListRequest,
    nvx_iso_date_time: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(nvx_iso_date_time, Unset):
        headers["NVX-ISO-DateTime"] = "true" if nvx_iso_date_time else "false"

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/user/audit/log/list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditLogListResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = AuditLogListResponse.from_dict(json_body(response))

        return response_200

    response_default = ErrorResponse.from_dict(json_body(response))

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditLogListResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogListRequest,
    nvx_iso_date_time: bool | Unset = UNSET,
) -> Response[AuditLogListResponse | ErrorResponse]:
    """user/audit/log/list

     Gets the list of audit records available for the current user. Required sub-user rights: `admin`
    (available only to master users).

    Args:
        nvx_iso_date_time (bool | Unset):
        body (AuditLogListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditLogListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        nvx_iso_date_time=nvx_iso_date_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogListRequest,
    nvx_iso_date_time: bool | Unset = UNSET,
) -> AuditLogListResponse | ErrorResponse | None:
    """user/audit/log/list

     Gets the list of audit records available for the current user. Required sub-user rights: `admin`
    (available only to master users).

    Args:
        nvx_iso_date_time (bool | Unset):
        body (AuditLogListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditLogListResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        nvx_iso_date_time=nvx_iso_date_time,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogListRequest,
    nvx_iso_date_time: bool | Unset = UNSET,
) -> Response[AuditLogListResponse | ErrorResponse]:
    """user/audit/log/list

     Gets the list of audit records available for the current user. Required sub-user rights: `admin`
    (available only to master users).

    Args:
        nvx_iso_date_time (bool | Unset):
        body (AuditLogListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditLogListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        nvx_iso_date_time=nvx_iso_date_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogListRequest,
    nvx_iso_date_time: bool | Unset = UNSET,
) -> AuditLogListResponse | ErrorResponse | None:
    """user/audit/log/list

     Gets the list of audit records available for the current user. Required sub-user rights: `admin`
    (available only to master users).

    Args:
        nvx_iso_date_time (bool | Unset):
        body (AuditLogListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditLogListResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            nvx_iso_date_time=nvx_iso_date_time,
        )
    ).parsed
