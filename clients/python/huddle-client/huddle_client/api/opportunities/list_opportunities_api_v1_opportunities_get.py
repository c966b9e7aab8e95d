from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.http_validation_error import HTTPValidationError
from ...models.list_opportunities_api_v1_opportunities_get_pipeline_stage_type_0 import (
    ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0,
)
from ...models.list_opportunities_api_v1_opportunities_get_status_type_0 import (
    ListOpportunitiesApiV1OpportunitiesGetStatusType0,
)
from ...models.opportunity_page import OpportunityPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset = UNSET,
    pipeline_stage: ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_account_id: int | None | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_owner_id: int | None | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListOpportunitiesApiV1OpportunitiesGetStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_pipeline_stage: None | str | Unset
    if isinstance(pipeline_stage, Unset):
        json_pipeline_stage = UNSET
    elif isinstance(pipeline_stage, ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0):
        json_pipeline_stage = pipeline_stage.value
    else:
        json_pipeline_stage = pipeline_stage
    params["pipeline_stage"] = json_pipeline_stage

    json_contact_id: int | None | Unset
    if isinstance(contact_id, Unset):
        json_contact_id = UNSET
    else:
        json_contact_id = contact_id
    params["contact_id"] = json_contact_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/opportunities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HTTPValidationError | OpportunityPage | None:
    if response.status_code == 200:
        response_200 = OpportunityPage.from_dict(response.json())

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
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | HTTPValidationError | OpportunityPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset = UNSET,
    pipeline_stage: ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | HTTPValidationError | OpportunityPage]:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset):
        pipeline_stage (ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HTTPValidationError | OpportunityPage]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        owner_id=owner_id,
        status=status,
        pipeline_stage=pipeline_stage,
        contact_id=contact_id,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset = UNSET,
    pipeline_stage: ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | HTTPValidationError | OpportunityPage | None:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset):
        pipeline_stage (ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HTTPValidationError | OpportunityPage
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        owner_id=owner_id,
        status=status,
        pipeline_stage=pipeline_stage,
        contact_id=contact_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset = UNSET,
    pipeline_stage: ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | HTTPValidationError | OpportunityPage]:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset):
        pipeline_stage (ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HTTPValidationError | OpportunityPage]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        owner_id=owner_id,
        status=status,
        pipeline_stage=pipeline_stage,
        contact_id=contact_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset = UNSET,
    pipeline_stage: ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | HTTPValidationError | OpportunityPage | None:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (ListOpportunitiesApiV1OpportunitiesGetStatusType0 | None | Unset):
        pipeline_stage (ListOpportunitiesApiV1OpportunitiesGetPipelineStageType0 | None | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HTTPValidationError | OpportunityPage
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            owner_id=owner_id,
            status=status,
            pipeline_stage=pipeline_stage,
            contact_id=contact_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
