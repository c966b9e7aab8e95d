import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.funnel_view import FunnelView
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.date,
    end: datetime.date,
    view: FunnelView | Unset = UNSET,
    by: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start = start.isoformat()
    params["start"] = json_start

    json_end = end.isoformat()
    params["end"] = json_end

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    json_by: None | str | Unset
    if isinstance(by, Unset):
        json_by = UNSET
    else:
        json_by = by
    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/funnel.csv",
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
    start: datetime.date,
    end: datetime.date,
    view: FunnelView | Unset = UNSET,
    by: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Funnel Csv

     The funnel as CSV: the total, then one line per row of ``GET /analytics/funnel``.

    Args:
        start (datetime.date): First day of the range (workspace time zone)
        end (datetime.date): Last day of the range, included
        view (FunnelView | Unset):
        by (None | str | Unset): Breakdown: a key of GET /analytics/breakdowns, e.g. ``source``

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        view=view,
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    start: datetime.date,
    end: datetime.date,
    view: FunnelView | Unset = UNSET,
    by: None | str | Unset = UNSET,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Funnel Csv

     The funnel as CSV: the total, then one line per row of ``GET /analytics/funnel``.

    Args:
        start (datetime.date): First day of the range (workspace time zone)
        end (datetime.date): Last day of the range, included
        view (FunnelView | Unset):
        by (None | str | Unset): Breakdown: a key of GET /analytics/breakdowns, e.g. ``source``

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        start=start,
        end=end,
        view=view,
        by=by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.date,
    end: datetime.date,
    view: FunnelView | Unset = UNSET,
    by: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody | ValidationErrorBody]:
    """Funnel Csv

     The funnel as CSV: the total, then one line per row of ``GET /analytics/funnel``.

    Args:
        start (datetime.date): First day of the range (workspace time zone)
        end (datetime.date): Last day of the range, included
        view (FunnelView | Unset):
        by (None | str | Unset): Breakdown: a key of GET /analytics/breakdowns, e.g. ``source``

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        view=view,
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    start: datetime.date,
    end: datetime.date,
    view: FunnelView | Unset = UNSET,
    by: None | str | Unset = UNSET,
) -> Any | ErrorBody | ValidationErrorBody | None:
    """Funnel Csv

     The funnel as CSV: the total, then one line per row of ``GET /analytics/funnel``.

    Args:
        start (datetime.date): First day of the range (workspace time zone)
        end (datetime.date): Last day of the range, included
        view (FunnelView | Unset):
        by (None | str | Unset): Breakdown: a key of GET /analytics/breakdowns, e.g. ``source``

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            end=end,
            view=view,
            by=by,
        )
    ).parsed
