from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error_response import ApiErrorResponse
from ...models.history_get_audit_log_async_response_200 import (
    HistoryGetAuditLogAsyncResponse200,
)
from ...types import UNSET, Response, Unset, json_body


def _get_kwargs(
    *,
    from_date: str,
    to_date: str,
    audit_log_id: list[int] | Unset = UNSET,
    filtered_admin_user_id: str | Unset = UNSET,
    filtered_ip: list[str] | Unset = UNSET,
    filtered_cmd: list[str] | Unset = UNSET,
    advanced_filters: str | Unset = UNSET,
    desc_order: bool | Unset = False,
    with_header: bool | Unset = True,
    output: str | Unset = "csv",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from_date"] = from_date

    params["to_date"] = to_date

    json_audit_log_id: list[int] | Unset = UNSET
    if not isinstance(audit_log_id, Unset):
        json_audit_log_id = audit_log_id

    params["audit_log_id"] = json_audit_log_id

    params["filtered_admin_user_id"] = filtered_admin_user_id

    json_filtered_ip: list[str] | Unset = UNSET
    if not isinstance(filtered_ip, Unset):
        json_filtered_ip = filtered_ip

    params["filtered_ip"] = json_filtered_ip

    json_filtered_cmd: list[str] | Unset = UNSET
    if not isinstance(filtered_cmd, Unset):
        json_filtered_cmd = filtered_cmd

    params["filtered_cmd"] = json_filtered_cmd

    params["advanced_filters"] = advanced_filters

    params["desc_order"] = desc_order

    params["with_header"] = with_header

    params["output"] = output

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/GetAuditLogAsync",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrorResponse | HistoryGetAuditLogAsyncResponse200 | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ApiErrorResponse | HistoryGetAuditLogAsyncResponse200:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ApiErrorResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = HistoryGetAuditLogAsyncResponse200.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(json_body(response))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiErrorResponse | HistoryGetAuditLogAsyncResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_date: str,
    to_date: str,
    audit_log_id: list[int] | Unset = UNSET,
    filtered_admin_user_id: str | Unset = UNSET,
    filtered_ip: list[str] | Unset = UNSET,
    filtered_cmd: list[str] | Unset = UNSET,
    advanced_filters: str | Unset = UNSET,
    desc_order: bool | Unset = False,
    with_header: bool | Unset = True,
    output: str | Unset = "csv",
) -> Response[ApiErrorResponse | HistoryGetAuditLogAsyncResponse200]:
    """GetAuditLogAsync

     The [GetAuditLog] asynchronous implementation. Use this function to download large amounts of data.
    See [GetHistoryReports] and [DownloadHistoryReport] for downloading details. Allowed roles: `Owner`.

    Args:
        from_date (str):
        to_date (str):
        audit_log_id (list[int] | Unset):
        filtered_admin_user_id (str | Unset):
        filtered_ip (list[str] | Unset):
        filtered_cmd (list[str] | Unset):
        advanced_filters (str | Unset):
        desc_order (bool | Unset):  Default: False.
        with_header (bool | Unset):  Default: True.
        output (str | Unset):  Default: 'csv'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | HistoryGetAuditLogAsyncResponse200]
    """

    kwargs = _get_kwargs(
        from_date=from_date,
        to_date=to_date,
        audit_log_id=audit_log_id,
        filtered_admin_user_id=filtered_admin_user_id,
        filtered_ip=filtered_ip,
        filtered_cmd=filtered_cmd,
        advanced_filters=advanced_filters,
        desc_order=desc_order,
        with_header=with_header,
        output=output,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_date: str,
    to_date: str,
    audit_log_id: list[int] | Unset = UNSET,
    filtered_admin_user_id: str | Unset = UNSET,
    filtered_ip: list[str] | Unset = UNSET,
    filtered_cmd: list[str] | Unset = UNSET,
    advanced_filters: str | Unset = UNSET,
    desc_order: bool | Unset = False,
    with_header: bool | Unset = True,
    output: str | Unset = "csv",
) -> ApiErrorResponse | HistoryGetAuditLogAsyncResponse200 | None:
    """GetAuditLogAsync

     The [GetAuditLog] asynchronous implementation. Use this function to download large amounts of data.
    See [GetHistoryReports] and [DownloadHistoryReport] for downloading details. Allowed roles: `Owner`.

    Args:
        from_date (str):
        to_date (str):
        audit_log_id (list[int] | Unset):
        filtered_admin_user_id (str | Unset):
        filtered_ip (list[str] | Unset):
        filtered_cmd (list[str] | Unset):
        advanced_filters (str | Unset):
        desc_order (bool | Unset):  Default: False.
        with_header (bool | Unset):  Default: True.
        output (str | Unset):  Default: 'csv'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | HistoryGetAuditLogAsyncResponse200
    """

    return sync_detailed(
        client=client,
        from_date=from_date,
        to_date=to_date,
        audit_log_id=audit_log_id,
        filtered_admin_user_id=filtered_admin_user_id,
        filtered_ip=filtered_ip,
        filtered_cmd=filtered_cmd,
        advanced_filters=advanced_filters,
        desc_order=desc_order,
        with_header=with_header,
        output=output,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_date: str,
    to_date: str,
    audit_log_id: list[int] | Unset = UNSET,
    filtered_admin_user_id: str | Unset = UNSET,
    filtered_ip: list[str] | Unset = UNSET,
    filtered_cmd: list[str] | Unset = UNSET,
    advanced_filters: str | Unset = UNSET,
    desc_order: bool | Unset = False,
    with_header: bool | Unset = True,
    output: str | Unset = "csv",
) -> Response[ApiErrorResponse | HistoryGetAuditLogAsyncResponse200]:
    """GetAuditLogAsync

     The [GetAuditLog] asynchronous implementation. Use this function to download large amounts of data.
    See [GetHistoryReports] and [DownloadHistoryReport] for downloading details. Allowed roles: `Owner`.

    Args:
        from_date (str):
        to_date (str):
        audit_log_id (list[int] | Unset):
        filtered_admin_user_id (str | Unset):
        filtered_ip (list[str] | Unset):
        filtered_cmd (list[str] | Unset):
        advanced_filters (str | Unset):
        desc_order (bool | Unset):  Default: False.
        with_header (bool | Unset):  Default: True.
        output (str | Unset):  Default: 'csv'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | HistoryGetAuditLogAsyncResponse200]
    """

    kwargs = _get_kwargs(
        from_date=from_date,
        to_date=to_date,
        audit_log_id=audit_log_id,
        filtered_admin_user_id=filtered_admin_user_id,
        filtered_ip=filtered_ip,
        filtered_cmd=filtered_cmd,
        advanced_filters=advanced_filters,
        desc_order=desc_order,
        with_header=with_header,
        output=output,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_date: str,
    to_date: str,
    audit_log_id: list[int] | Unset = UNSET,
    filtered_admin_user_id: str | Unset = UNSET,
    filtered_ip: list[str] | Unset = UNSET,
    filtered_cmd: list[str] | Unset = UNSET,
    advanced_filters: str | Unset = UNSET,
    desc_order: bool | Unset = False,
    with_header: bool | Unset = True,
    output: str | Unset = "csv",
) -> ApiErrorResponse | HistoryGetAuditLogAsyncResponse200 | None:
    """GetAuditLogAsync

     The [GetAuditLog] asynchronous implementation. Use this function to download large amounts of data.
    See [GetHistoryReports] and [DownloadHistoryReport] for downloading details. Allowed roles: `Owner`.

    Args:
        from_date (str):
        to_date (str):
        audit_log_id (list[int] | Unset):
        filtered_admin_user_id (str | Unset):
        filtered_ip (list[str] | Unset):
        filtered_cmd (list[str] | Unset):
        advanced_filters (str | Unset):
        desc_order (bool | Unset):  Default: False.
        with_header (bool | Unset):  Default: True.
        output (str | Unset):  Default: 'csv'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | HistoryGetAuditLogAsyncResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            from_date=from_date,
            to_date=to_date,
            audit_log_id=audit_log_id,
            filtered_admin_user_id=filtered_admin_user_id,
            filtered_ip=filtered_ip,
            filtered_cmd=filtered_cmd,
            advanced_filters=advanced_filters,
            desc_order=desc_order,
            with_header=with_header,
            output=output,
        )
    ).parsed
