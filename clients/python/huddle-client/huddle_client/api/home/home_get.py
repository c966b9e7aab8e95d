import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.home_read import HomeRead
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/home",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HomeRead | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = HomeRead.from_dict(response.json())

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
) -> Response[ErrorBody | HomeRead | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[ErrorBody | HomeRead | ValidationErrorBody]:
    """Home

     What the home page shows you: the lifecycle funnel of the last 30 days, or of the
    days ``start``..``end`` (contacts that entered each stage, each once), the open
    pipeline's totals, your open leads and the contacts changed last.

    Args:
        start (datetime.date | None | Unset): The funnel's first day (with end); default 30 days
        end (datetime.date | None | Unset): The funnel's last day, included, in the workspace's
            zone

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HomeRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> ErrorBody | HomeRead | ValidationErrorBody | None:
    """Home

     What the home page shows you: the lifecycle funnel of the last 30 days, or of the
    days ``start``..``end`` (contacts that entered each stage, each once), the open
    pipeline's totals, your open leads and the contacts changed last.

    Args:
        start (datetime.date | None | Unset): The funnel's first day (with end); default 30 days
        end (datetime.date | None | Unset): The funnel's last day, included, in the workspace's
            zone

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HomeRead | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        start=start,
        end=end,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[ErrorBody | HomeRead | ValidationErrorBody]:
    """Home

     What the home page shows you: the lifecycle funnel of the last 30 days, or of the
    days ``start``..``end`` (contacts that entered each stage, each once), the open
    pipeline's totals, your open leads and the contacts changed last.

    Args:
        start (datetime.date | None | Unset): The funnel's first day (with end); default 30 days
        end (datetime.date | None | Unset): The funnel's last day, included, in the workspace's
            zone

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HomeRead | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> ErrorBody | HomeRead | ValidationErrorBody | None:
    """Home

     What the home page shows you: the lifecycle funnel of the last 30 days, or of the
    days ``start``..``end`` (contacts that entered each stage, each once), the open
    pipeline's totals, your open leads and the contacts changed last.

    Args:
        start (datetime.date | None | Unset): The funnel's first day (with end); default 30 days
        end (datetime.date | None | Unset): The funnel's last day, included, in the workspace's
            zone

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HomeRead | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            end=end,
        )
    ).parsed
