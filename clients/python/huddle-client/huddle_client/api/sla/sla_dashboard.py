from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.sla_dashboard_read import SlaDashboardRead
from ...models.sla_period import SlaPeriod
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: SlaPeriod | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sla/dashboard",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SlaDashboardRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = SlaDashboardRead.from_dict(response.json())

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
) -> Response[ErrorBody | SlaDashboardRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: SlaPeriod | Unset = UNSET,
) -> Response[ErrorBody | SlaDashboardRead | ValidationErrorBody]:
    """Dashboard

     Everything the SLA dashboard shows: compliance of the clocks started this period
    (overall, per term, rep and team), MQL pacing and acceptance, the leads at risk now and
    the weekly trend.

    Args:
        period (SlaPeriod | Unset): A calendar period in UTC: the week from Monday, the month, the
            quarter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SlaDashboardRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: SlaPeriod | Unset = UNSET,
) -> ErrorBody | SlaDashboardRead | ValidationErrorBody | None:
    """Dashboard

     Everything the SLA dashboard shows: compliance of the clocks started this period
    (overall, per term, rep and team), MQL pacing and acceptance, the leads at risk now and
    the weekly trend.

    Args:
        period (SlaPeriod | Unset): A calendar period in UTC: the week from Monday, the month, the
            quarter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SlaDashboardRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        period=period,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: SlaPeriod | Unset = UNSET,
) -> Response[ErrorBody | SlaDashboardRead | ValidationErrorBody]:
    """Dashboard

     Everything the SLA dashboard shows: compliance of the clocks started this period
    (overall, per term, rep and team), MQL pacing and acceptance, the leads at risk now and
    the weekly trend.

    Args:
        period (SlaPeriod | Unset): A calendar period in UTC: the week from Monday, the month, the
            quarter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SlaDashboardRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: SlaPeriod | Unset = UNSET,
) -> ErrorBody | SlaDashboardRead | ValidationErrorBody | None:
    """Dashboard

     Everything the SLA dashboard shows: compliance of the clocks started this period
    (overall, per term, rep and team), MQL pacing and acceptance, the leads at risk now and
    the weekly trend.

    Args:
        period (SlaPeriod | Unset): A calendar period in UTC: the week from Monday, the month, the
            quarter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SlaDashboardRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
        )
    ).parsed
