from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.run_step_read import RunStepRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    step_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/play-tasks/{step_id}/done".format(
            step_id=quote(str(step_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RunStepRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = RunStepRead.from_dict(response.json())

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
) -> Response[ErrorBody | RunStepRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    step_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | RunStepRead | ValidationErrorBody]:
    """Complete Task

     A play's sales or success task done (touch.write on its contact): the play moves on.
    409 when it is done already.

    Args:
        step_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RunStepRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        step_id=step_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    step_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | RunStepRead | ValidationErrorBody | None:
    """Complete Task

     A play's sales or success task done (touch.write on its contact): the play moves on.
    409 when it is done already.

    Args:
        step_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RunStepRead | ValidationErrorBody
    """

    return sync_detailed(
        step_id=step_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    step_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | RunStepRead | ValidationErrorBody]:
    """Complete Task

     A play's sales or success task done (touch.write on its contact): the play moves on.
    409 when it is done already.

    Args:
        step_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RunStepRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        step_id=step_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    step_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | RunStepRead | ValidationErrorBody | None:
    """Complete Task

     A play's sales or success task done (touch.write on its contact): the play moves on.
    409 when it is done already.

    Args:
        step_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RunStepRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            step_id=step_id,
            client=client,
        )
    ).parsed
