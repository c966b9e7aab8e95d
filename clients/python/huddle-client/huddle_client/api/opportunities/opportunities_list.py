from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.opportunities_list_pipeline_stage_type_0 import OpportunitiesListPipelineStageType0
from ...models.opportunities_list_status_type_0 import OpportunitiesListStatusType0
from ...models.opportunity_page import OpportunityPage
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: None | OpportunitiesListStatusType0 | Unset = UNSET,
    pipeline_stage: None | OpportunitiesListPipelineStageType0 | Unset = UNSET,
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
    elif isinstance(status, OpportunitiesListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_pipeline_stage: None | str | Unset
    if isinstance(pipeline_stage, Unset):
        json_pipeline_stage = UNSET
    elif isinstance(pipeline_stage, OpportunitiesListPipelineStageType0):
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
) -> ErrorBody | OpportunityPage | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = OpportunityPage.from_dict(response.json())

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
) -> Response[ErrorBody | OpportunityPage | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: None | OpportunitiesListStatusType0 | Unset = UNSET,
    pipeline_stage: None | OpportunitiesListPipelineStageType0 | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | OpportunityPage | ValidationErrorBody]:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (None | OpportunitiesListStatusType0 | Unset):
        pipeline_stage (None | OpportunitiesListPipelineStageType0 | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | OpportunityPage | ValidationErrorBody]
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
    client: AuthenticatedClient,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: None | OpportunitiesListStatusType0 | Unset = UNSET,
    pipeline_stage: None | OpportunitiesListPipelineStageType0 | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | OpportunityPage | ValidationErrorBody | None:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (None | OpportunitiesListStatusType0 | Unset):
        pipeline_stage (None | OpportunitiesListPipelineStageType0 | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | OpportunityPage | ValidationErrorBody
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
    client: AuthenticatedClient,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: None | OpportunitiesListStatusType0 | Unset = UNSET,
    pipeline_stage: None | OpportunitiesListPipelineStageType0 | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | OpportunityPage | ValidationErrorBody]:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (None | OpportunitiesListStatusType0 | Unset):
        pipeline_stage (None | OpportunitiesListPipelineStageType0 | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | OpportunityPage | ValidationErrorBody]
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
    client: AuthenticatedClient,
    account_id: int | None | Unset = UNSET,
    owner_id: int | None | Unset = UNSET,
    status: None | OpportunitiesListStatusType0 | Unset = UNSET,
    pipeline_stage: None | OpportunitiesListPipelineStageType0 | Unset = UNSET,
    contact_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | OpportunityPage | ValidationErrorBody | None:
    """List Opportunities

    Args:
        account_id (int | None | Unset):
        owner_id (int | None | Unset):
        status (None | OpportunitiesListStatusType0 | Unset):
        pipeline_stage (None | OpportunitiesListPipelineStageType0 | Unset):
        contact_id (int | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | OpportunityPage | ValidationErrorBody
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
