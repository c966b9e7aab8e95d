import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compliance_by import ComplianceBy
from ...models.error_body import ErrorBody
from ...models.owner_compliance import OwnerCompliance
from ...models.team_compliance import TeamCompliance
from ...models.term_compliance import TermCompliance
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.datetime,
    end: datetime.datetime,
    by: ComplianceBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start = start.isoformat()
    params["start"] = json_start

    json_end = end.isoformat()
    params["end"] = json_end

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sla/compliance",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:

            def _parse_response_200_item(data: object) -> OwnerCompliance | TeamCompliance | TermCompliance:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_item_type_0 = TermCompliance.from_dict(data)

                    return response_200_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_item_type_1 = OwnerCompliance.from_dict(data)

                    return response_200_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_item_type_2 = TeamCompliance.from_dict(data)

                return response_200_item_type_2

            response_200_item = _parse_response_200_item(response_200_item_data)

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
) -> Response[ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    by: ComplianceBy | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]]:
    """Compliance

     Clocks started in [start, end): met, breached, open and the compliance per group.

    Args:
        start (datetime.datetime):
        end (datetime.datetime):
        by (ComplianceBy | Unset): How compliance is grouped: per term, per owner (the rep; the
            dashboard's "by rep")
            or per team.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    by: ComplianceBy | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance] | None:
    """Compliance

     Clocks started in [start, end): met, breached, open and the compliance per group.

    Args:
        start (datetime.datetime):
        end (datetime.datetime):
        by (ComplianceBy | Unset): How compliance is grouped: per term, per owner (the rep; the
            dashboard's "by rep")
            or per team.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]
    """

    return sync_detailed(
        client=client,
        start=start,
        end=end,
        by=by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    by: ComplianceBy | Unset = UNSET,
) -> Response[ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]]:
    """Compliance

     Clocks started in [start, end): met, breached, open and the compliance per group.

    Args:
        start (datetime.datetime):
        end (datetime.datetime):
        by (ComplianceBy | Unset): How compliance is grouped: per term, per owner (the rep; the
            dashboard's "by rep")
            or per team.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    by: ComplianceBy | Unset = UNSET,
) -> ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance] | None:
    """Compliance

     Clocks started in [start, end): met, breached, open and the compliance per group.

    Args:
        start (datetime.datetime):
        end (datetime.datetime):
        by (ComplianceBy | Unset): How compliance is grouped: per term, per owner (the rep; the
            dashboard's "by rep")
            or per team.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ValidationErrorBody | list[OwnerCompliance | TeamCompliance | TermCompliance]
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            end=end,
            by=by,
        )
    ).parsed
