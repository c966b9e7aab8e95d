import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.goals_plan_csv_target_metric import GoalsPlanCsvTargetMetric
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    target_metric: GoalsPlanCsvTargetMetric,
    target: float,
    starts_on: datetime.date,
    ends_on: datetime.date,
    history_months: int | Unset = 6,
    segment: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_target_metric = target_metric.value
    params["target_metric"] = json_target_metric

    params["target"] = target

    json_starts_on = starts_on.isoformat()
    params["starts_on"] = json_starts_on

    json_ends_on = ends_on.isoformat()
    params["ends_on"] = json_ends_on

    params["history_months"] = history_months

    json_segment: None | str | Unset
    if isinstance(segment, Unset):
        json_segment = UNSET
    else:
        json_segment = segment
    params["segment"] = json_segment

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/goals/plan.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    target_metric: GoalsPlanCsvTargetMetric,
    target: float,
    starts_on: datetime.date,
    ends_on: datetime.date,
    history_months: int | Unset = 6,
    segment: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Plan Csv

     The plan as CSV: one line per stage.

    Args:
        target_metric (GoalsPlanCsvTargetMetric): ``revenue`` or ``new_customers``
        target (float): The amount or the customers wanted
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        history_months (int | Unset): Whole months before the period's first month to measure on
            Default: 6.
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        target_metric=target_metric,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        history_months=history_months,
        segment=segment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    target_metric: GoalsPlanCsvTargetMetric,
    target: float,
    starts_on: datetime.date,
    ends_on: datetime.date,
    history_months: int | Unset = 6,
    segment: None | str | Unset = UNSET,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Plan Csv

     The plan as CSV: one line per stage.

    Args:
        target_metric (GoalsPlanCsvTargetMetric): ``revenue`` or ``new_customers``
        target (float): The amount or the customers wanted
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        history_months (int | Unset): Whole months before the period's first month to measure on
            Default: 6.
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        target_metric=target_metric,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        history_months=history_months,
        segment=segment,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    target_metric: GoalsPlanCsvTargetMetric,
    target: float,
    starts_on: datetime.date,
    ends_on: datetime.date,
    history_months: int | Unset = 6,
    segment: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Plan Csv

     The plan as CSV: one line per stage.

    Args:
        target_metric (GoalsPlanCsvTargetMetric): ``revenue`` or ``new_customers``
        target (float): The amount or the customers wanted
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        history_months (int | Unset): Whole months before the period's first month to measure on
            Default: 6.
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        target_metric=target_metric,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        history_months=history_months,
        segment=segment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    target_metric: GoalsPlanCsvTargetMetric,
    target: float,
    starts_on: datetime.date,
    ends_on: datetime.date,
    history_months: int | Unset = 6,
    segment: None | str | Unset = UNSET,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Plan Csv

     The plan as CSV: one line per stage.

    Args:
        target_metric (GoalsPlanCsvTargetMetric): ``revenue`` or ``new_customers``
        target (float): The amount or the customers wanted
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        history_months (int | Unset): Whole months before the period's first month to measure on
            Default: 6.
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            target_metric=target_metric,
            target=target,
            starts_on=starts_on,
            ends_on=ends_on,
            history_months=history_months,
            segment=segment,
        )
    ).parsed
