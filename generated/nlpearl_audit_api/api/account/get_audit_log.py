from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_log_api_request import AuditLogAPIRequest
from ...models.audit_log_view import AuditLogView
from ...models.problem_details import ProblemDetails
from ...models.validation_problem_details import ValidationProblemDetails
from ...types import UNSET, Response, Unset, json_body


def _get_kwargs(
    *,
    body: AuditLogAPIRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/Account/AuditLog",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = json_body(response)
        for response_200_item_data in _response_200:
            response_200_item = AuditLogView.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ValidationProblemDetails.from_dict(json_body(response))

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(json_body(response))

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogAPIRequest | Unset = UNSET,
) -> Response[Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]]:
    """Get Audit Log

     Retrieves the audit log.

    Args:
        body (AuditLogAPIRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]]
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
    body: AuditLogAPIRequest | Unset = UNSET,
) -> Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView] | None:
    """Get Audit Log

     Retrieves the audit log.

    Args:
        body (AuditLogAPIRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogAPIRequest | Unset = UNSET,
) -> Response[Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]]:
    """Get Audit Log

     Retrieves the audit log.

    Args:
        body (AuditLogAPIRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuditLogAPIRequest | Unset = UNSET,
) -> Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView] | None:
    """Get Audit Log

     Retrieves the audit log.

    Args:
        body (AuditLogAPIRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ValidationProblemDetails | list[AuditLogView]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
