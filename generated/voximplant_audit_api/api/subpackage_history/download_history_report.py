from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    history_report_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["history_report_id"] = history_report_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/DownloadHistoryReport",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int,
) -> Response[File]:
    """DownloadHistoryReport

     Downloads the required history report. The body is the report file (CSV, possibly gzip-compressed);
    errors come as the JSON error envelope. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        history_report_id=history_report_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int,
) -> File | None:
    """DownloadHistoryReport

     Downloads the required history report. The body is the report file (CSV, possibly gzip-compressed);
    errors come as the JSON error envelope. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        client=client,
        history_report_id=history_report_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int,
) -> Response[File]:
    """DownloadHistoryReport

     Downloads the required history report. The body is the report file (CSV, possibly gzip-compressed);
    errors come as the JSON error envelope. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        history_report_id=history_report_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int,
) -> File | None:
    """DownloadHistoryReport

     Downloads the required history report. The body is the report file (CSV, possibly gzip-compressed);
    errors come as the JSON error envelope. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            client=client,
            history_report_id=history_report_id,
        )
    ).parsed
