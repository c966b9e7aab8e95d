from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_read import CalendarRead
from ...models.calendar_write import CalendarWrite
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    scope: str,
    *,
    body: CalendarWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/sla/calendars/{scope}".format(
            scope=quote(str(scope), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarRead | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = CalendarRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ValidationErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CalendarRead | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    scope: str,
    *,
    client: AuthenticatedClient,
    body: CalendarWrite,
) -> Response[CalendarRead | ErrorBody | ValidationErrorBody]:
    """Save Calendar

     The company's (``company``) or a team's (``team:sales``) working hours and holidays.

    Args:
        scope (str):
        body (CalendarWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        scope=scope,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    scope: str,
    *,
    client: AuthenticatedClient,
    body: CalendarWrite,
) -> CalendarRead | ErrorBody | ValidationErrorBody | None:
    """Save Calendar

     The company's (``company``) or a team's (``team:sales``) working hours and holidays.

    Args:
        scope (str):
        body (CalendarWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarRead | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        scope=scope,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    scope: str,
    *,
    client: AuthenticatedClient,
    body: CalendarWrite,
) -> Response[CalendarRead | ErrorBody | ValidationErrorBody]:
    """Save Calendar

     The company's (``company``) or a team's (``team:sales``) working hours and holidays.

    Args:
        scope (str):
        body (CalendarWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        scope=scope,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    scope: str,
    *,
    client: AuthenticatedClient,
    body: CalendarWrite,
) -> CalendarRead | ErrorBody | ValidationErrorBody | None:
    """Save Calendar

     The company's (``company``) or a team's (``team:sales``) working hours and holidays.

    Args:
        scope (str):
        body (CalendarWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarRead | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            scope=scope,
            client=client,
            body=body,
        )
    ).parsed
