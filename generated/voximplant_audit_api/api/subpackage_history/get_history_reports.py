from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error_response import ApiErrorResponse
from ...models.history_get_history_reports_response_200 import (
    HistoryGetHistoryReportsResponse200,
)
from ...types import UNSET, Response, Unset, json_body


def _get_kwargs(
    *,
    history_report_id: int | Unset = UNSET,
    history_type: list[str] | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    is_completed: bool | Unset = UNSET,
    desc_order: bool | Unset = False,
    count: int | Unset = 100,
    offset: int | Unset = 0,
    application_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["history_report_id"] = history_report_id

    json_history_type: list[str] | Unset = UNSET
    if not isinstance(history_type, Unset):
        json_history_type = history_type

    params["history_type"] = json_history_type

    params["created_from"] = created_from

    params["created_to"] = created_to

    params["is_completed"] = is_completed

    params["desc_order"] = desc_order

    params["count"] = count

    params["offset"] = offset

    params["application_id"] = application_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/GetHistoryReports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrorResponse | HistoryGetHistoryReportsResponse200 | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ApiErrorResponse | HistoryGetHistoryReportsResponse200:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ApiErrorResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = HistoryGetHistoryReportsResponse200.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(json_body(response))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiErrorResponse | HistoryGetHistoryReportsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int | Unset = UNSET,
    history_type: list[str] | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    is_completed: bool | Unset = UNSET,
    desc_order: bool | Unset = False,
    count: int | Unset = 100,
    offset: int | Unset = 0,
    application_id: int | Unset = UNSET,
) -> Response[ApiErrorResponse | HistoryGetHistoryReportsResponse200]:
    """GetHistoryReports

     Gets the list of history reports and their statuses. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int | Unset):
        history_type (list[str] | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        is_completed (bool | Unset):
        desc_order (bool | Unset):  Default: False.
        count (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        application_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | HistoryGetHistoryReportsResponse200]
    """

    kwargs = _get_kwargs(
        history_report_id=history_report_id,
        history_type=history_type,
        created_from=created_from,
        created_to=created_to,
        is_completed=is_completed,
        desc_order=desc_order,
        count=count,
        offset=offset,
        application_id=application_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int | Unset = UNSET,
    history_type: list[str] | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    is_completed: bool | Unset = UNSET,
    desc_order: bool | Unset = False,
    count: int | Unset = 100,
    offset: int | Unset = 0,
    application_id: int | Unset = UNSET,
) -> ApiErrorResponse | HistoryGetHistoryReportsResponse200 | None:
    """GetHistoryReports

     Gets the list of history reports and their statuses. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int | Unset):
        history_type (list[str] | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        is_completed (bool | Unset):
        desc_order (bool | Unset):  Default: False.
        count (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        application_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | HistoryGetHistoryReportsResponse200
    """

    return sync_detailed(
        client=client,
        history_report_id=history_report_id,
        history_type=history_type,
        created_from=created_from,
        created_to=created_to,
        is_completed=is_completed,
        desc_order=desc_order,
        count=count,
        offset=offset,
        application_id=application_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int | Unset = UNSET,
    history_type: list[str] | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    is_completed: bool | Unset = UNSET,
    desc_order: bool | Unset = False,
    count: int | Unset = 100,
    offset: int | Unset = 0,
    application_id: int | Unset = UNSET,
) -> Response[ApiErrorResponse | HistoryGetHistoryReportsResponse200]:
    """GetHistoryReports

     Gets the list of history reports and their statuses. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int | Unset):
        history_type (list[str] | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        is_completed (bool | Unset):
        desc_order (bool | Unset):  Default: False.
        count (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        application_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrorResponse | HistoryGetHistoryReportsResponse200]
    """

    kwargs = _get_kwargs(
        history_report_id=history_report_id,
        history_type=history_type,
        created_from=created_from,
        created_to=created_to,
        is_completed=is_completed,
        desc_order=desc_order,
        count=count,
        offset=offset,
        application_id=application_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    history_report_id: int | Unset = UNSET,
    history_type: list[str] | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    is_completed: bool | Unset = UNSET,
    desc_order: bool | Unset = False,
    count: int | Unset = 100,
    offset: int | Unset = 0,
    application_id: int | Unset = UNSET,
) -> ApiErrorResponse | HistoryGetHistoryReportsResponse200 | None:
    """GetHistoryReports

     Gets the list of history reports and their statuses. Allowed roles: `Owner`, `Accountant`.

    Args:
        history_report_id (int | Unset):
        history_type (list[str] | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        is_completed (bool | Unset):
        desc_order (bool | Unset):  Default: False.
        count (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        application_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrorResponse | HistoryGetHistoryReportsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            history_report_id=history_report_id,
            history_type=history_type,
            created_from=created_from,
            created_to=created_to,
            is_completed=is_completed,
            desc_order=desc_order,
            count=count,
            offset=offset,
            application_id=application_id,
        )
    ).parsed
