from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.touch_conflict import TouchConflict
from ...models.touch_create import TouchCreate
from ...models.touch_read import TouchRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: TouchCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/touches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TouchConflict | TouchRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = TouchRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TouchRead.from_dict(response.json())

        return response_201

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
        response_409 = TouchConflict.from_dict(response.json())

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
) -> Response[ErrorBody | TouchConflict | TouchRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TouchCreate,
) -> Response[ErrorBody | TouchConflict | TouchRead | ValidationErrorBody]:
    """Create Touch

     Record a touch of a contact or an anonymous visitor. Keys belong to their sender
    (the API token, else the user): the same key and touch again returns the stored touch
    (200) and stores nothing; the same key with another touch is a 409 with both
    fingerprints. Tokens with the ``ingest`` scope may call this (and nothing that reads).

    Args:
        body (TouchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TouchConflict | TouchRead | ValidationErrorBody]
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
    client: AuthenticatedClient,
    body: TouchCreate,
) -> ErrorBody | TouchConflict | TouchRead | ValidationErrorBody | None:
    """Create Touch

     Record a touch of a contact or an anonymous visitor. Keys belong to their sender
    (the API token, else the user): the same key and touch again returns the stored touch
    (200) and stores nothing; the same key with another touch is a 409 with both
    fingerprints. Tokens with the ``ingest`` scope may call this (and nothing that reads).

    Args:
        body (TouchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TouchConflict | TouchRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TouchCreate,
) -> Response[ErrorBody | TouchConflict | TouchRead | ValidationErrorBody]:
    """Create Touch

     Record a touch of a contact or an anonymous visitor. Keys belong to their sender
    (the API token, else the user): the same key and touch again returns the stored touch
    (200) and stores nothing; the same key with another touch is a 409 with both
    fingerprints. Tokens with the ``ingest`` scope may call this (and nothing that reads).

    Args:
        body (TouchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TouchConflict | TouchRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TouchCreate,
) -> ErrorBody | TouchConflict | TouchRead | ValidationErrorBody | None:
    """Create Touch

     Record a touch of a contact or an anonymous visitor. Keys belong to their sender
    (the API token, else the user): the same key and touch again returns the stored touch
    (200) and stores nothing; the same key with another touch is a 409 with both
    fingerprints. Tokens with the ``ingest`` scope may call this (and nothing that reads).

    Args:
        body (TouchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TouchConflict | TouchRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
