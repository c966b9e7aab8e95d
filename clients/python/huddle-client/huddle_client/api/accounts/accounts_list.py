from http import HTTPStatus
from typing import Any, Literal

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_page import AccountPage
from ...models.account_sort import AccountSort
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    owner_id: int | Literal["unassigned"] | None | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    industry: None | str | Unset = UNSET,
    sort: AccountSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_owner_id: int | Literal["unassigned"] | None | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_is_target: bool | None | Unset
    if isinstance(is_target, Unset):
        json_is_target = UNSET
    else:
        json_is_target = is_target
    params["is_target"] = json_is_target

    json_industry: None | str | Unset
    if isinstance(industry, Unset):
        json_industry = UNSET
    else:
        json_industry = industry
    params["industry"] = json_industry

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountPage | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = AccountPage.from_dict(response.json())

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
) -> Response[AccountPage | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    owner_id: int | Literal["unassigned"] | None | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    industry: None | str | Unset = UNSET,
    sort: AccountSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AccountPage | ErrorBody | ValidationErrorBody]:
    """List Accounts

     Accounts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        q (None | str | Unset): Words that each start a word of the account's name (any case or
            accent), or the account's whole domain.
        owner_id (int | Literal['unassigned'] | None | Unset):
        is_target (bool | None | Unset):
        industry (None | str | Unset):
        sort (AccountSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        q=q,
        owner_id=owner_id,
        is_target=is_target,
        industry=industry,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    owner_id: int | Literal["unassigned"] | None | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    industry: None | str | Unset = UNSET,
    sort: AccountSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AccountPage | ErrorBody | ValidationErrorBody | None:
    """List Accounts

     Accounts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        q (None | str | Unset): Words that each start a word of the account's name (any case or
            accent), or the account's whole domain.
        owner_id (int | Literal['unassigned'] | None | Unset):
        is_target (bool | None | Unset):
        industry (None | str | Unset):
        sort (AccountSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        q=q,
        owner_id=owner_id,
        is_target=is_target,
        industry=industry,
        sort=sort,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    owner_id: int | Literal["unassigned"] | None | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    industry: None | str | Unset = UNSET,
    sort: AccountSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AccountPage | ErrorBody | ValidationErrorBody]:
    """List Accounts

     Accounts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        q (None | str | Unset): Words that each start a word of the account's name (any case or
            accent), or the account's whole domain.
        owner_id (int | Literal['unassigned'] | None | Unset):
        is_target (bool | None | Unset):
        industry (None | str | Unset):
        sort (AccountSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        q=q,
        owner_id=owner_id,
        is_target=is_target,
        industry=industry,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    owner_id: int | Literal["unassigned"] | None | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    industry: None | str | Unset = UNSET,
    sort: AccountSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AccountPage | ErrorBody | ValidationErrorBody | None:
    """List Accounts

     Accounts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        q (None | str | Unset): Words that each start a word of the account's name (any case or
            accent), or the account's whole domain.
        owner_id (int | Literal['unassigned'] | None | Unset):
        is_target (bool | None | Unset):
        industry (None | str | Unset):
        sort (AccountSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            owner_id=owner_id,
            is_target=is_target,
            industry=industry,
            sort=sort,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
