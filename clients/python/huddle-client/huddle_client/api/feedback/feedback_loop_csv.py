from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    min_count: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["months"] = months

    params["stage"] = stage

    params["min_count"] = min_count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/feedback-loop.csv",
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
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    min_count: int | Unset = 5,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Feedback Loop Csv

     The ranked traits as CSV, one line each.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        months=months,
        stage=stage,
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
    min_count: int | Unset = 5,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Feedback Loop Csv

     The ranked traits as CSV, one line each.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        months=months,
        stage=stage,
        min_count=min_count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    min_count: int | Unset = 5,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Feedback Loop Csv

     The ranked traits as CSV, one line each.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        months=months,
        stage=stage,
        min_count=min_count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    months: int | Unset = 6,
    stage: str | Unset = "sql",
    min_count: int | Unset = 5,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Feedback Loop Csv

     The ranked traits as CSV, one line each.

    Args:
        months (int | Unset): The window: the last N months Default: 6.
        stage (str | Unset): Converted means reached this stage or a later one (mql..customer)
            Default: 'sql'.
        min_count (int | Unset): Traits held by fewer are left out Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            months=months,
            stage=stage,
            min_count=min_count,
        )
    ).parsed
