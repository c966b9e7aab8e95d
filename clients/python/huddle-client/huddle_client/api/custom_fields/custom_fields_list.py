from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.custom_field_definition_read import CustomFieldDefinitionRead
from ...models.custom_fields_list_entity_type_0 import CustomFieldsListEntityType0
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity: CustomFieldsListEntityType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity: None | str | Unset
    if isinstance(entity, Unset):
        json_entity = UNSET
    elif isinstance(entity, CustomFieldsListEntityType0):
        json_entity = entity.value
    else:
        json_entity = entity
    params["entity"] = json_entity

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/custom-fields",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CustomFieldDefinitionRead.from_dict(response_200_item_data)

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
) -> Response[ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity: CustomFieldsListEntityType0 | None | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]]:
    """List Custom Fields

     The custom fields of contacts and accounts (or of one of them).

    Args:
        entity (CustomFieldsListEntityType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]]
    """

    kwargs = _get_kwargs(
        entity=entity,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity: CustomFieldsListEntityType0 | None | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead] | None:
    """List Custom Fields

     The custom fields of contacts and accounts (or of one of them).

    Args:
        entity (CustomFieldsListEntityType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]
    """

    return sync_detailed(
        client=client,
        entity=entity,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity: CustomFieldsListEntityType0 | None | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]]:
    """List Custom Fields

     The custom fields of contacts and accounts (or of one of them).

    Args:
        entity (CustomFieldsListEntityType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]]
    """

    kwargs = _get_kwargs(
        entity=entity,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity: CustomFieldsListEntityType0 | None | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead] | None:
    """List Custom Fields

     The custom fields of contacts and accounts (or of one of them).

    Args:
        entity (CustomFieldsListEntityType0 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[CustomFieldDefinitionRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            entity=entity,
        )
    ).parsed
