from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.email_sends_list_status_type_0 import EmailSendsListStatusType0
from ...models.error_body import ErrorBody
from ...models.send_read import SendRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: EmailSendsListStatusType0 | None | Unset = UNSET,
    before_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, EmailSendsListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_before_id: int | None | Unset
    if isinstance(before_id, Unset):
        json_before_id = UNSET
    else:
        json_before_id = before_id
    params["before_id"] = json_before_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/mailing/sends",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ValidationErrorBody | list[SendRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SendRead.from_dict(response_200_item_data)

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
) -> Response[ErrorBody | ValidationErrorBody | list[SendRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: EmailSendsListStatusType0 | None | Unset = UNSET,
    before_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorBody | ValidationErrorBody | list[SendRead]]:
    """List Sends

     The send log, newest first; page with ``before_id`` (the last id of a page).

    Args:
        status (EmailSendsListStatusType0 | None | Unset):
        before_id (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[SendRead]]
    """

    kwargs = _get_kwargs(
        status=status,
        before_id=before_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: EmailSendsListStatusType0 | None | Unset = UNSET,
    before_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorBody | ValidationErrorBody | list[SendRead] | None:
    """List Sends

     The send log, newest first; page with ``before_id`` (the last id of a page).

    Args:
        status (EmailSendsListStatusType0 | None | Unset):
        before_id (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[SendRead]
    """

    return sync_detailed(
        client=client,
        status=status,
        before_id=before_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: EmailSendsListStatusType0 | None | Unset = UNSET,
    before_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorBody | ValidationErrorBody | list[SendRead]]:
    """List Sends

     The send log, newest first; page with ``before_id`` (the last id of a page).

    Args:
        status (EmailSendsListStatusType0 | None | Unset):
        before_id (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[SendRead]]
    """

    kwargs = _get_kwargs(
        status=status,
        before_id=before_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: EmailSendsListStatusType0 | None | Unset = UNSET,
    before_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorBody | ValidationErrorBody | list[SendRead] | None:
    """List Sends

     The send log, newest first; page with ``before_id`` (the last id of a page).

    Args:
        status (EmailSendsListStatusType0 | None | Unset):
        before_id (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[SendRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            before_id=before_id,
            limit=limit,
        )
    ).parsed
