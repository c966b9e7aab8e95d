from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_create_import_api_v1_imports_post import BodyCreateImportApiV1ImportsPost
from ...models.error_body import ErrorBody
from ...models.http_validation_error import HTTPValidationError
from ...models.import_job_read import ImportJobRead
from ...types import Response


def _get_kwargs(
    *,
    body: BodyCreateImportApiV1ImportsPost,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HTTPValidationError | ImportJobRead | None:
    if response.status_code == 202:
        response_202 = ImportJobRead.from_dict(response.json())

        return response_202

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
) -> Response[ErrorBody | HTTPValidationError | ImportJobRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyCreateImportApiV1ImportsPost,
) -> Response[ErrorBody | HTTPValidationError | ImportJobRead]:
    """Create Import

     Upload contacts to import. The format is detected from the header row (HubSpot
    contacts, Salesforce Lead or Contact exports, Huddle's own export) unless a mapping is
    given. 202: queued; poll ``GET /imports/{id}``.

    Args:
        body (BodyCreateImportApiV1ImportsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HTTPValidationError | ImportJobRead]
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
    client: AuthenticatedClient | Client,
    body: BodyCreateImportApiV1ImportsPost,
) -> ErrorBody | HTTPValidationError | ImportJobRead | None:
    """Create Import

     Upload contacts to import. The format is detected from the header row (HubSpot
    contacts, Salesforce Lead or Contact exports, Huddle's own export) unless a mapping is
    given. 202: queued; poll ``GET /imports/{id}``.

    Args:
        body (BodyCreateImportApiV1ImportsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HTTPValidationError | ImportJobRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyCreateImportApiV1ImportsPost,
) -> Response[ErrorBody | HTTPValidationError | ImportJobRead]:
    """Create Import

     Upload contacts to import. The format is detected from the header row (HubSpot
    contacts, Salesforce Lead or Contact exports, Huddle's own export) unless a mapping is
    given. 202: queued; poll ``GET /imports/{id}``.

    Args:
        body (BodyCreateImportApiV1ImportsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HTTPValidationError | ImportJobRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyCreateImportApiV1ImportsPost,
) -> ErrorBody | HTTPValidationError | ImportJobRead | None:
    """Create Import

     Upload contacts to import. The format is detected from the header row (HubSpot
    contacts, Salesforce Lead or Contact exports, Huddle's own export) unless a mapping is
    given. 202: queued; poll ``GET /imports/{id}``.

    Args:
        body (BodyCreateImportApiV1ImportsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HTTPValidationError | ImportJobRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
