from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.feedback_loop_read import FeedbackLoopRead
from ...models.objective import Objective
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    capacity: int | None | Unset = UNSET,
    objective: Objective | Unset = UNSET,
    min_count: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["months"] = months

    params["stage"] = stage

    json_capacity: int | None | Unset
    if isinstance(capacity, Unset):
        json_capacity = UNSET
    else:
        json_capacity = capacity
    params["capacity"] = json_capacity

    json_objective: str | Unset = UNSET
    if not isinstance(objective, Unset):
        json_objective = objective.value

    params["objective"] = json_objective

    params["min_count"] = min_count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/feedback-loop",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | FeedbackLoopRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = FeedbackLoopRead.from_dict(response.json())

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
) -> Response[ErrorBody | FeedbackLoopRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    capacity: int | None | Unset = UNSET,
    objective: Objective | Unset = UNSET,
    min_count: int | Unset = 5,
) -> Response[ErrorBody | FeedbackLoopRead | ValidationErrorBody]:
    """Feedback Loop

     Which traits (fields, custom fields, touch types before converting) separate the
    contacts created in the window that converted from those that did not, ranked by lift
    with a two-proportion z-test p-value and a Wilson 95% interval; and the MQL threshold
    on the primary score the objective prefers within sales capacity.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        capacity (int | None | Unset): MQLs sales can take a month (default: the SLA's)
        objective (Objective | Unset):
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FeedbackLoopRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        months=months,
        stage=stage,
        capacity=capacity,
        objective=objective,
        min_count=min_count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    capacity: int | None | Unset = UNSET,
    objective: Objective | Unset = UNSET,
    min_count: int | Unset = 5,
) -> ErrorBody | FeedbackLoopRead | ValidationErrorBody | None:
    """Feedback Loop

     Which traits (fields, custom fields, touch types before converting) separate the
    contacts created in the window that converted from those that did not, ranked by lift
    with a two-proportion z-test p-value and a Wilson 95% interval; and the MQL threshold
    on the primary score the objective prefers within sales capacity.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        capacity (int | None | Unset): MQLs sales can take a month (default: the SLA's)
        objective (Objective | Unset):
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FeedbackLoopRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        months=months,
        stage=stage,
        capacity=capacity,
        objective=objective,
        min_count=min_count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    capacity: int | None | Unset = UNSET,
    objective: Objective | Unset = UNSET,
    min_count: int | Unset = 5,
) -> Response[ErrorBody | FeedbackLoopRead | ValidationErrorBody]:
    """Feedback Loop

     Which traits (fields, custom fields, touch types before converting) separate the
    contacts created in the window that converted from those that did not, ranked by lift
    with a two-proportion z-test p-value and a Wilson 95% interval; and the MQL threshold
    on the primary score the objective prefers within sales capacity.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        capacity (int | None | Unset): MQLs sales can take a month (default: the SLA's)
        objective (Objective | Unset):
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FeedbackLoopRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        months=months,
        stage=stage,
        capacity=capacity,
        objective=objective,
        min_count=min_count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    capacity: int | None | Unset = UNSET,
    objective: Objective | Unset = UNSET,
    min_count: int | Unset = 5,
) -> ErrorBody | FeedbackLoopRead | ValidationErrorBody | None:
    """Feedback Loop

     Which traits (fields, custom fields, touch types before converting) separate the
    contacts created in the window that converted from those that did not, ranked by lift
    with a two-proportion z-test p-value and a Wilson 95% interval; and the MQL threshold
    on the primary score the objective prefers within sales capacity.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        capacity (int | None | Unset): MQLs sales can take a month (default: the SLA's)
        objective (Objective | Unset):
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FeedbackLoopRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            months=months,
            stage=stage,
            capacity=capacity,
            objective=objective,
            min_count=min_count,
        )
    ).parsed
