import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.queue_news_read import QueueNewsRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after_at: datetime.datetime | None | Unset = UNSET,
    after_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after_at: None | str | Unset
    if isinstance(after_at, Unset):
        json_after_at = UNSET
    elif isinstance(after_at, datetime.datetime):
        json_after_at = after_at.isoformat()
    else:
        json_after_at = after_at
    params["after_at"] = json_after_at

    json_after_id: int | None | Unset
    if isinstance(after_id, Unset):
        json_after_id = UNSET
    else:
        json_after_id = after_id
    params["after_id"] = json_after_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/queue/news",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | QueueNewsRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = QueueNewsRead.from_dict(response.json())

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
) -> Response[ErrorBody | QueueNewsRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after_at: datetime.datetime | None | Unset = UNSET,
    after_id: int | None | Unset = UNSET,
) -> Response[ErrorBody | QueueNewsRead | ValidationErrorBody]:
    """Sales Queue News

     How many leads arrived in my queue above the newest I show (its ``at`` and ``id`` as
    ``after_at``/``after_id``): what the queue page polls for its "new leads" pill.

    Args:
        after_at (datetime.datetime | None | Unset):
        after_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | QueueNewsRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        after_at=after_at,
        after_id=after_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after_at: datetime.datetime | None | Unset = UNSET,
    after_id: int | None | Unset = UNSET,
) -> ErrorBody | QueueNewsRead | ValidationErrorBody | None:
    """Sales Queue News

     How many leads arrived in my queue above the newest I show (its ``at`` and ``id`` as
    ``after_at``/``after_id``): what the queue page polls for its "new leads" pill.

    Args:
        after_at (datetime.datetime | None | Unset):
        after_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | QueueNewsRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        after_at=after_at,
        after_id=after_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after_at: datetime.datetime | None | Unset = UNSET,
    after_id: int | None | Unset = UNSET,
) -> Response[ErrorBody | QueueNewsRead | ValidationErrorBody]:
    """Sales Queue News

     How many leads arrived in my queue above the newest I show (its ``at`` and ``id`` as
    ``after_at``/``after_id``): what the queue page polls for its "new leads" pill.

    Args:
        after_at (datetime.datetime | None | Unset):
        after_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | QueueNewsRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        after_at=after_at,
        after_id=after_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after_at: datetime.datetime | None | Unset = UNSET,
    after_id: int | None | Unset = UNSET,
) -> ErrorBody | QueueNewsRead | ValidationErrorBody | None:
    """Sales Queue News

     How many leads arrived in my queue above the newest I show (its ``at`` and ``id`` as
    ``after_at``/``after_id``): what the queue page polls for its "new leads" pill.

    Args:
        after_at (datetime.datetime | None | Unset):
        after_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | QueueNewsRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            after_at=after_at,
            after_id=after_id,
        )
    ).parsed
