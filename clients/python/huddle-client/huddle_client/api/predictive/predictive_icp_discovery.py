from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.icp_discovery_read import IcpDiscoveryRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    best_share: float | Unset = 0.5,
    min_support: int | Unset = 3,
    min_lift: float | Unset = 1.5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["best_share"] = best_share

    params["min_support"] = min_support

    params["min_lift"] = min_lift

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/predictive/icp-discovery",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | IcpDiscoveryRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = IcpDiscoveryRead.from_dict(response.json())

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
) -> Response[ErrorBody | IcpDiscoveryRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    best_share: float | Unset = 0.5,
    min_support: int | Unset = 3,
    min_lift: float | Unset = 1.5,
) -> Response[ErrorBody | IcpDiscoveryRead | ValidationErrorBody]:
    """Icp Discovery

     The segments (industry, country, region, employee and revenue bands, text and
    choice custom fields) over-represented among the best customers, ranked by won deal
    value and tenure, against all accounts, with lift and support; and an ICP draft.

    Args:
        best_share (float | Unset): The share of customers counted as the best (0-1] Default: 0.5.
        min_support (int | Unset): Best customers a segment needs to be proposed Default: 3.
        min_lift (float | Unset): How over-represented a segment must be (1.5: 50% more) Default:
            1.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IcpDiscoveryRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        best_share=best_share,
        min_support=min_support,
        min_lift=min_lift,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    best_share: float | Unset = 0.5,
    min_support: int | Unset = 3,
    min_lift: float | Unset = 1.5,
) -> ErrorBody | IcpDiscoveryRead | ValidationErrorBody | None:
    """Icp Discovery

     The segments (industry, country, region, employee and revenue bands, text and
    choice custom fields) over-represented among the best customers, ranked by won deal
    value and tenure, against all accounts, with lift and support; and an ICP draft.

    Args:
        best_share (float | Unset): The share of customers counted as the best (0-1] Default: 0.5.
        min_support (int | Unset): Best customers a segment needs to be proposed Default: 3.
        min_lift (float | Unset): How over-represented a segment must be (1.5: 50% more) Default:
            1.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IcpDiscoveryRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        best_share=best_share,
        min_support=min_support,
        min_lift=min_lift,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    best_share: float | Unset = 0.5,
    min_support: int | Unset = 3,
    min_lift: float | Unset = 1.5,
) -> Response[ErrorBody | IcpDiscoveryRead | ValidationErrorBody]:
    """Icp Discovery

     The segments (industry, country, region, employee and revenue bands, text and
    choice custom fields) over-represented among the best customers, ranked by won deal
    value and tenure, against all accounts, with lift and support; and an ICP draft.

    Args:
        best_share (float | Unset): The share of customers counted as the best (0-1] Default: 0.5.
        min_support (int | Unset): Best customers a segment needs to be proposed Default: 3.
        min_lift (float | Unset): How over-represented a segment must be (1.5: 50% more) Default:
            1.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IcpDiscoveryRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        best_share=best_share,
        min_support=min_support,
        min_lift=min_lift,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    best_share: float | Unset = 0.5,
    min_support: int | Unset = 3,
    min_lift: float | Unset = 1.5,
) -> ErrorBody | IcpDiscoveryRead | ValidationErrorBody | None:
    """Icp Discovery

     The segments (industry, country, region, employee and revenue bands, text and
    choice custom fields) over-represented among the best customers, ranked by won deal
    value and tenure, against all accounts, with lift and support; and an ICP draft.

    Args:
        best_share (float | Unset): The share of customers counted as the best (0-1] Default: 0.5.
        min_support (int | Unset): Best customers a segment needs to be proposed Default: 3.
        min_lift (float | Unset): How over-represented a segment must be (1.5: 50% more) Default:
            1.5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IcpDiscoveryRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            best_share=best_share,
            min_support=min_support,
            min_lift=min_lift,
        )
    ).parsed
