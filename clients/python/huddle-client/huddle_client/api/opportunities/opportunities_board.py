from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.pipeline_board import PipelineBoard
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    owner_id: int | None | Unset = UNSET,
    cards_per_column: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_owner_id: int | None | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    params["cards_per_column"] = cards_per_column

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/opportunities/board",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | PipelineBoard | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = PipelineBoard.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

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
) -> Response[ErrorBody | PipelineBoard | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    owner_id: int | None | Unset = UNSET,
    cards_per_column: int | Unset = 50,
) -> Response[ErrorBody | PipelineBoard | ValidationErrorBody]:
    """Pipeline Board

     Open deals per pipeline stage with totals: count, amount, probability-weighted.

    Args:
        owner_id (int | None | Unset):
        cards_per_column (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | PipelineBoard | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        owner_id=owner_id,
        cards_per_column=cards_per_column,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    owner_id: int | None | Unset = UNSET,
    cards_per_column: int | Unset = 50,
) -> ErrorBody | PipelineBoard | ValidationErrorBody | None:
    """Pipeline Board

     Open deals per pipeline stage with totals: count, amount, probability-weighted.

    Args:
        owner_id (int | None | Unset):
        cards_per_column (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | PipelineBoard | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        owner_id=owner_id,
        cards_per_column=cards_per_column,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    owner_id: int | None | Unset = UNSET,
    cards_per_column: int | Unset = 50,
) -> Response[ErrorBody | PipelineBoard | ValidationErrorBody]:
    """Pipeline Board

     Open deals per pipeline stage with totals: count, amount, probability-weighted.

    Args:
        owner_id (int | None | Unset):
        cards_per_column (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | PipelineBoard | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        owner_id=owner_id,
        cards_per_column=cards_per_column,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    owner_id: int | None | Unset = UNSET,
    cards_per_column: int | Unset = 50,
) -> ErrorBody | PipelineBoard | ValidationErrorBody | None:
    """Pipeline Board

     Open deals per pipeline stage with totals: count, amount, probability-weighted.

    Args:
        owner_id (int | None | Unset):
        cards_per_column (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | PipelineBoard | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            owner_id=owner_id,
            cards_per_column=cards_per_column,
        )
    ).parsed
