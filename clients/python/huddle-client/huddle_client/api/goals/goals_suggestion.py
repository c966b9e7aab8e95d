import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.goals_suggestion_metric import GoalsSuggestionMetric
from ...models.suggestion import Suggestion
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    metric: GoalsSuggestionMetric,
    starts_on: datetime.date,
    ends_on: datetime.date,
    segment: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_metric = metric.value
    params["metric"] = json_metric

    json_starts_on = starts_on.isoformat()
    params["starts_on"] = json_starts_on

    json_ends_on = ends_on.isoformat()
    params["ends_on"] = json_ends_on

    json_segment: None | str | Unset
    if isinstance(segment, Unset):
        json_segment = UNSET
    else:
        json_segment = segment
    params["segment"] = json_segment

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/goals/suggestion",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Suggestion | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = Suggestion.from_dict(response.json())

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
) -> Response[ErrorBody | Suggestion | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    metric: GoalsSuggestionMetric,
    starts_on: datetime.date,
    ends_on: datetime.date,
    segment: None | str | Unset = UNSET,
) -> Response[ErrorBody | Suggestion | ValidationErrorBody]:
    """Suggestion

     A target for a new goal from history: the trend through the three periods before and
    the same period last year, a band from comfortable to stretch, and the reasoning.

    Args:
        metric (GoalsSuggestionMetric):
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Suggestion | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        metric=metric,
        starts_on=starts_on,
        ends_on=ends_on,
        segment=segment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    metric: GoalsSuggestionMetric,
    starts_on: datetime.date,
    ends_on: datetime.date,
    segment: None | str | Unset = UNSET,
) -> ErrorBody | Suggestion | ValidationErrorBody | None:
    """Suggestion

     A target for a new goal from history: the trend through the three periods before and
    the same period last year, a band from comfortable to stretch, and the reasoning.

    Args:
        metric (GoalsSuggestionMetric):
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Suggestion | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        metric=metric,
        starts_on=starts_on,
        ends_on=ends_on,
        segment=segment,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    metric: GoalsSuggestionMetric,
    starts_on: datetime.date,
    ends_on: datetime.date,
    segment: None | str | Unset = UNSET,
) -> Response[ErrorBody | Suggestion | ValidationErrorBody]:
    """Suggestion

     A target for a new goal from history: the trend through the three periods before and
    the same period last year, a band from comfortable to stretch, and the reasoning.

    Args:
        metric (GoalsSuggestionMetric):
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Suggestion | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        metric=metric,
        starts_on=starts_on,
        ends_on=ends_on,
        segment=segment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    metric: GoalsSuggestionMetric,
    starts_on: datetime.date,
    ends_on: datetime.date,
    segment: None | str | Unset = UNSET,
) -> ErrorBody | Suggestion | ValidationErrorBody | None:
    """Suggestion

     A target for a new goal from history: the trend through the three periods before and
    the same period last year, a band from comfortable to stretch, and the reasoning.

    Args:
        metric (GoalsSuggestionMetric):
        starts_on (datetime.date): A day in the workspace's time zone
        ends_on (datetime.date): A day in the workspace's time zone
        segment (None | str | Unset): A record condition as JSON (the language of MQL criteria),
            optional

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Suggestion | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            metric=metric,
            starts_on=starts_on,
            ends_on=ends_on,
            segment=segment,
        )
    ).parsed
