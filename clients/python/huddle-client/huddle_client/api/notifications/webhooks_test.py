from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_read import DeliveryRead
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...models.webhooks_test_event_type_0 import WebhooksTestEventType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: int,
    *,
    event: None | Unset | WebhooksTestEventType0 = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_event: None | str | Unset
    if isinstance(event, Unset):
        json_event = UNSET
    elif isinstance(event, WebhooksTestEventType0):
        json_event = event.value
    else:
        json_event = event
    params["event"] = json_event

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{webhook_id}/test".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryRead | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 202:
        response_202 = DeliveryRead.from_dict(response.json())

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
) -> Response[DeliveryRead | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    event: None | Unset | WebhooksTestEventType0 = UNSET,
) -> Response[DeliveryRead | ErrorBody | ValidationErrorBody]:
    """Test Webhook

     Queue a signed test delivery, even to a webhook that is off (admins): a sample of
    ``event``'s payload marked ``"test": true``, or without one a ``webhook.test``. Its
    status shows under ``GET /webhooks/{id}/deliveries``.

    Args:
        webhook_id (int):
        event (None | Unset | WebhooksTestEventType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        event=event,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    event: None | Unset | WebhooksTestEventType0 = UNSET,
) -> DeliveryRead | ErrorBody | ValidationErrorBody | None:
    """Test Webhook

     Queue a signed test delivery, even to a webhook that is off (admins): a sample of
    ``event``'s payload marked ``"test": true``, or without one a ``webhook.test``. Its
    status shows under ``GET /webhooks/{id}/deliveries``.

    Args:
        webhook_id (int):
        event (None | Unset | WebhooksTestEventType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRead | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        event=event,
    ).parsed


async def asyncio_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    event: None | Unset | WebhooksTestEventType0 = UNSET,
) -> Response[DeliveryRead | ErrorBody | ValidationErrorBody]:
    """Test Webhook

     Queue a signed test delivery, even to a webhook that is off (admins): a sample of
    ``event``'s payload marked ``"test": true``, or without one a ``webhook.test``. Its
    status shows under ``GET /webhooks/{id}/deliveries``.

    Args:
        webhook_id (int):
        event (None | Unset | WebhooksTestEventType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRead | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        event=event,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    event: None | Unset | WebhooksTestEventType0 = UNSET,
) -> DeliveryRead | ErrorBody | ValidationErrorBody | None:
    """Test Webhook

     Queue a signed test delivery, even to a webhook that is off (admins): a sample of
    ``event``'s payload marked ``"test": true``, or without one a ``webhook.test``. Its
    status shows under ``GET /webhooks/{id}/deliveries``.

    Args:
        webhook_id (int):
        event (None | Unset | WebhooksTestEventType0):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRead | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            event=event,
        )
    ).parsed
