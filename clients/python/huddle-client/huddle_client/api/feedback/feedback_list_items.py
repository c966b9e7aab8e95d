from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.feedback_item_read import FeedbackItemRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    opportunity_id: int | None | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_opportunity_id: int | None | Unset
    if isinstance(opportunity_id, Unset):
        json_opportunity_id = UNSET
    else:
        json_opportunity_id = opportunity_id
    params["opportunity_id"] = json_opportunity_id

    json_account_id: int | None | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/feedback-items",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ValidationErrorBody | list[FeedbackItemRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = FeedbackItemRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorBody | ValidationErrorBody | list[FeedbackItemRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    opportunity_id: int | None | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[FeedbackItemRead]]:
    """List Items

     Objections and feature gaps heard on a deal, or on an account and its deals.

    Args:
        opportunity_id (int | None | Unset):
        account_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[FeedbackItemRead]]
    """

    kwargs = _get_kwargs(
        opportunity_id=opportunity_id,
        account_id=account_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    opportunity_id: int | None | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[FeedbackItemRead] | None:
    """List Items

     Objections and feature gaps heard on a deal, or on an account and its deals.

    Args:
        opportunity_id (int | None | Unset):
        account_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[FeedbackItemRead]
    """

    return sync_detailed(
        client=client,
        opportunity_id=opportunity_id,
        account_id=account_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    opportunity_id: int | None | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[FeedbackItemRead]]:
    """List Items

     Objections and feature gaps heard on a deal, or on an account and its deals.

    Args:
        opportunity_id (int | None | Unset):
        account_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[FeedbackItemRead]]
    """

    kwargs = _get_kwargs(
        opportunity_id=opportunity_id,
        account_id=account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    opportunity_id: int | None | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[FeedbackItemRead] | None:
    """List Items

     Objections and feature gaps heard on a deal, or on an account and its deals.

    Args:
        opportunity_id (int | None | Unset):
        account_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[FeedbackItemRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            opportunity_id=opportunity_id,
            account_id=account_id,
        )
    ).parsed
