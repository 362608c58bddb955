from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.user_auth_request import UserAuthRequest
from ...models.user_auth_response import UserAuthResponse
from ...types import Response, json_body


def _get_kwargs(
    *,
    body: UserAuthRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/user/auth",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UserAuthResponse:
    if response.status_code == 200:
        response_200 = UserAuthResponse.from_dict(json_body(response))

        return response_200

    response_default = ErrorResponse.from_dict(json_body(response))

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UserAuthResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserAuthRequest,
) -> Response[ErrorResponse | UserAuthResponse]:
    """user/auth

     Logs in with a user's login and password and returns a session hash. An account with two-factor
    authentication answers with `second_factor_required: true`; the hash then is not usable for API
    calls.

    Args:
        body (UserAuthRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UserAuthResponse]
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
    body: UserAuthRequest,
) -> ErrorResponse | UserAuthResponse | None:
    """user/auth

     Logs in with a user's login and password and returns a session hash. An account with two-factor
    authentication answers with `second_factor_required: true`; the hash then is not usable for API
    calls.

    Args:
        body (UserAuthRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UserAuthResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserAuthRequest,
) -> Response[ErrorResponse | UserAuthResponse]:
    """user/auth

     Logs in with a user's login and password and returns a session hash. An account with two-factor
    authentication answers with `second_factor_required: true`; the hash then is not usable for API
    calls.

    Args:
        body (UserAuthRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UserAuthResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UserAuthRequest,
) -> ErrorResponse | UserAuthResponse | None:
    """user/auth

     Logs in with a user's login and password and returns a session hash. An account with two-factor
    authentication answers with `second_factor_required: true`; the hash then is not usable for API
    calls.

    Args:
        body (UserAuthRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UserAuthResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
