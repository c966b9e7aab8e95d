from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.progress import Progress
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    goal_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/goals/{goal_id}/progress".format(
            goal_id=quote(str(goal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Progress | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())

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
) -> Response[ErrorBody | Progress | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    goal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | Progress | ValidationErrorBody]:
    """Goal Progress

     Value so far, projection (linear on the elapsed share of days for counts and
    amounts), status and the pacing chart's points.

    Args:
        goal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Progress | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        goal_id=goal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    goal_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | Progress | ValidationErrorBody | None:
    """Goal Progress

     Value so far, projection (linear on the elapsed share of days for counts and
    amounts), status and the pacing chart's points.

    Args:
        goal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Progress | ValidationErrorBody
    """

    return sync_detailed(
        goal_id=goal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    goal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | Progress | ValidationErrorBody]:
    """Goal Progress

     Value so far, projection (linear on the elapsed share of days for counts and
    amounts), status and the pacing chart's points.

    Args:
        goal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Progress | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        goal_id=goal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    goal_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | Progress | ValidationErrorBody | None:
    """Goal Progress

     Value so far, projection (linear on the elapsed share of days for counts and
    amounts), status and the pacing chart's points.

    Args:
        goal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Progress | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            goal_id=goal_id,
            client=client,
        )
    ).parsed
