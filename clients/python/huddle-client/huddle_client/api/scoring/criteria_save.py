from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.criteria_read import CriteriaRead
from ...models.criteria_stage import CriteriaStage
from ...models.criteria_write import CriteriaWrite
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    stage: CriteriaStage,
    *,
    body: CriteriaWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/scoring/criteria/{stage}".format(
            stage=quote(str(stage), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CriteriaRead | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = CriteriaRead.from_dict(response.json())

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
) -> Response[CriteriaRead | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    stage: CriteriaStage,
    *,
    client: AuthenticatedClient,
    body: CriteriaWrite,
) -> Response[CriteriaRead | ErrorBody | ValidationErrorBody]:
    """Save Criteria

     Set the MQL or SQL criteria: a condition over scores, grade, stage and touches.

    Args:
        stage (CriteriaStage): The stages a lead qualifies into by criteria.
        body (CriteriaWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriteriaRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        stage=stage,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    stage: CriteriaStage,
    *,
    client: AuthenticatedClient,
    body: CriteriaWrite,
) -> CriteriaRead | ErrorBody | ValidationErrorBody | None:
    """Save Criteria

     Set the MQL or SQL criteria: a condition over scores, grade, stage and touches.

    Args:
        stage (CriteriaStage): The stages a lead qualifies into by criteria.
        body (CriteriaWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriteriaRead | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        stage=stage,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    stage: CriteriaStage,
    *,
    client: AuthenticatedClient,
    body: CriteriaWrite,
) -> Response[CriteriaRead | ErrorBody | ValidationErrorBody]:
    """Save Criteria

     Set the MQL or SQL criteria: a condition over scores, grade, stage and touches.

    Args:
        stage (CriteriaStage): The stages a lead qualifies into by criteria.
        body (CriteriaWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriteriaRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        stage=stage,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    stage: CriteriaStage,
    *,
    client: AuthenticatedClient,
    body: CriteriaWrite,
) -> CriteriaRead | ErrorBody | ValidationErrorBody | None:
    """Save Criteria

     Set the MQL or SQL criteria: a condition over scores, grade, stage and touches.

    Args:
        stage (CriteriaStage): The stages a lead qualifies into by criteria.
        body (CriteriaWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriteriaRead | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            stage=stage,
            client=client,
            body=body,
        )
    ).parsed
