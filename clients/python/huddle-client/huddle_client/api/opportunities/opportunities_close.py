from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.opportunity_close import OpportunityClose
from ...models.opportunity_closed_read import OpportunityClosedRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    opportunity_id: int,
    *,
    body: OpportunityClose,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/opportunities/{opportunity_id}/close".format(
            opportunity_id=quote(str(opportunity_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | OpportunityClosedRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = OpportunityClosedRead.from_dict(response.json())

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
) -> Response[ErrorBody | OpportunityClosedRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    opportunity_id: int,
    *,
    client: AuthenticatedClient,
    body: OpportunityClose,
) -> Response[ErrorBody | OpportunityClosedRead | ValidationErrorBody]:
    """Close Opportunity

     Win or lose the deal (lost needs a reason). Won: its contacts become Customers
    through the stages the allowed transitions require; ``contacts`` says, for each, what
    happened, and why one the configuration gives no way to Customer stayed where it was.
    Lost: its contacts engaged in no other open deal become Lost.

    Args:
        opportunity_id (int):
        body (OpportunityClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | OpportunityClosedRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        opportunity_id=opportunity_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    opportunity_id: int,
    *,
    client: AuthenticatedClient,
    body: OpportunityClose,
) -> ErrorBody | OpportunityClosedRead | ValidationErrorBody | None:
    """Close Opportunity

     Win or lose the deal (lost needs a reason). Won: its contacts become Customers
    through the stages the allowed transitions require; ``contacts`` says, for each, what
    happened, and why one the configuration gives no way to Customer stayed where it was.
    Lost: its contacts engaged in no other open deal become Lost.

    Args:
        opportunity_id (int):
        body (OpportunityClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | OpportunityClosedRead | ValidationErrorBody
    """

    return sync_detailed(
        opportunity_id=opportunity_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    opportunity_id: int,
    *,
    client: AuthenticatedClient,
    body: OpportunityClose,
) -> Response[ErrorBody | OpportunityClosedRead | ValidationErrorBody]:
    """Close Opportunity

     Win or lose the deal (lost needs a reason). Won: its contacts become Customers
    through the stages the allowed transitions require; ``contacts`` says, for each, what
    happened, and why one the configuration gives no way to Customer stayed where it was.
    Lost: its contacts engaged in no other open deal become Lost.

    Args:
        opportunity_id (int):
        body (OpportunityClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | OpportunityClosedRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        opportunity_id=opportunity_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    opportunity_id: int,
    *,
    client: AuthenticatedClient,
    body: OpportunityClose,
) -> ErrorBody | OpportunityClosedRead | ValidationErrorBody | None:
    """Close Opportunity

     Win or lose the deal (lost needs a reason). Won: its contacts become Customers
    through the stages the allowed transitions require; ``contacts`` says, for each, what
    happened, and why one the configuration gives no way to Customer stayed where it was.
    Lost: its contacts engaged in no other open deal become Lost.

    Args:
        opportunity_id (int):
        body (OpportunityClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | OpportunityClosedRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            opportunity_id=opportunity_id,
            client=client,
            body=body,
        )
    ).parsed
