import datetime
from http import HTTPStatus
from typing import Any, Literal

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_page import ContactPage
from ...models.contact_sort import ContactSort
from ...models.contacts_list_stage_item import ContactsListStageItem
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: list[int] | Unset = UNSET,
    stage: list[ContactsListStageItem] | Unset = UNSET,
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    buying_stage: list[str] | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
    score_min: int | None | Unset = UNSET,
    score_max: int | None | Unset = UNSET,
    created_since: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_field: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_id: list[int] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = id

    params["id"] = json_id

    json_stage: list[str] | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = []
        for stage_item_data in stage:
            stage_item = stage_item_data.value
            json_stage.append(stage_item)

    params["stage"] = json_stage

    json_owner_id: list[int | Literal["unassigned"]] | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = []
        for owner_id_item_data in owner_id:
            owner_id_item: int | Literal["unassigned"]
            owner_id_item = owner_id_item_data
            json_owner_id.append(owner_id_item)

    params["owner_id"] = json_owner_id

    json_source: list[str] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source

    params["source"] = json_source

    json_buying_stage: list[str] | Unset = UNSET
    if not isinstance(buying_stage, Unset):
        json_buying_stage = buying_stage

    params["buying_stage"] = json_buying_stage

    json_account_id: int | None | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_score_min: int | None | Unset
    if isinstance(score_min, Unset):
        json_score_min = UNSET
    else:
        json_score_min = score_min
    params["score_min"] = json_score_min

    json_score_max: int | None | Unset
    if isinstance(score_max, Unset):
        json_score_max = UNSET
    else:
        json_score_max = score_max
    params["score_max"] = json_score_max

    json_created_since: None | str | Unset
    if isinstance(created_since, Unset):
        json_created_since = UNSET
    elif isinstance(created_since, datetime.datetime):
        json_created_since = created_since.isoformat()
    else:
        json_created_since = created_since
    params["created_since"] = json_created_since

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_is_target: bool | None | Unset
    if isinstance(is_target, Unset):
        json_is_target = UNSET
    else:
        json_is_target = is_target
    params["is_target"] = json_is_target

    json_where: list[str] | Unset = UNSET
    if not isinstance(where, Unset):
        json_where = where

    params["where"] = json_where

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

    json_sort_field: None | str | Unset
    if isinstance(sort_field, Unset):
        json_sort_field = UNSET
    else:
        json_sort_field = sort_field
    params["sort_field"] = json_sort_field

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/contacts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPage | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = ContactPage.from_dict(response.json())

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
) -> Response[ContactPage | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    id: list[int] | Unset = UNSET,
    stage: list[ContactsListStageItem] | Unset = UNSET,
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    buying_stage: list[str] | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
    score_min: int | None | Unset = UNSET,
    score_max: int | None | Unset = UNSET,
    created_since: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_field: None | str | Unset = UNSET,
) -> Response[ContactPage | ErrorBody | ValidationErrorBody]:
    """List Contacts

     Contacts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        id (list[int] | Unset): Only these contacts (a selection).
        stage (list[ContactsListStageItem] | Unset): One or many stages.
        owner_id (list[int | Literal['unassigned']] | Unset): One or many user ids or
            "unassigned": contacts of any of them.
        source (list[str] | Unset): One or many first-touch sources (google, webinar...): any of
            them.
        buying_stage (list[str] | Unset): One or many buying stages (keys: evaluating,
            deciding...): any of them.
        account_id (int | None | Unset):
        score_min (int | None | Unset):
        score_max (int | None | Unset):
        created_since (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset):
        q (None | str | Unset): Free text over first and last name, email and account name.
        is_target (bool | None | Unset): Only contacts of target accounts.
        where (list[str] | Unset): Conditions on custom fields, all of which must hold, each
            <field>:<op>[:<value>] (several values comma-separated):
            contact.custom.tier:in:gold,silver, account.custom.seats:gte:100,
            contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. The operators a
            field's type allows are the scoring rules'.
        sort (ContactSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.
        sort_field (None | str | Unset): Sort by a contact's custom field instead of sort:
            contact.custom.<key>, or -contact.custom.<key> for descending (text, choice, date or
            number fields; contacts without a value together).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        stage=stage,
        owner_id=owner_id,
        source=source,
        buying_stage=buying_stage,
        account_id=account_id,
        score_min=score_min,
        score_max=score_max,
        created_since=created_since,
        updated_since=updated_since,
        q=q,
        is_target=is_target,
        where=where,
        sort=sort,
        cursor=cursor,
        limit=limit,
        sort_field=sort_field,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: list[int] | Unset = UNSET,
    stage: list[ContactsListStageItem] | Unset = UNSET,
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    buying_stage: list[str] | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
    score_min: int | None | Unset = UNSET,
    score_max: int | None | Unset = UNSET,
    created_since: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_field: None | str | Unset = UNSET,
) -> ContactPage | ErrorBody | ValidationErrorBody | None:
    """List Contacts

     Contacts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        id (list[int] | Unset): Only these contacts (a selection).
        stage (list[ContactsListStageItem] | Unset): One or many stages.
        owner_id (list[int | Literal['unassigned']] | Unset): One or many user ids or
            "unassigned": contacts of any of them.
        source (list[str] | Unset): One or many first-touch sources (google, webinar...): any of
            them.
        buying_stage (list[str] | Unset): One or many buying stages (keys: evaluating,
            deciding...): any of them.
        account_id (int | None | Unset):
        score_min (int | None | Unset):
        score_max (int | None | Unset):
        created_since (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset):
        q (None | str | Unset): Free text over first and last name, email and account name.
        is_target (bool | None | Unset): Only contacts of target accounts.
        where (list[str] | Unset): Conditions on custom fields, all of which must hold, each
            <field>:<op>[:<value>] (several values comma-separated):
            contact.custom.tier:in:gold,silver, account.custom.seats:gte:100,
            contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. The operators a
            field's type allows are the scoring rules'.
        sort (ContactSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.
        sort_field (None | str | Unset): Sort by a contact's custom field instead of sort:
            contact.custom.<key>, or -contact.custom.<key> for descending (text, choice, date or
            number fields; contacts without a value together).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        id=id,
        stage=stage,
        owner_id=owner_id,
        source=source,
        buying_stage=buying_stage,
        account_id=account_id,
        score_min=score_min,
        score_max=score_max,
        created_since=created_since,
        updated_since=updated_since,
        q=q,
        is_target=is_target,
        where=where,
        sort=sort,
        cursor=cursor,
        limit=limit,
        sort_field=sort_field,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: list[int] | Unset = UNSET,
    stage: list[ContactsListStageItem] | Unset = UNSET,
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    buying_stage: list[str] | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
    score_min: int | None | Unset = UNSET,
    score_max: int | None | Unset = UNSET,
    created_since: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_field: None | str | Unset = UNSET,
) -> Response[ContactPage | ErrorBody | ValidationErrorBody]:
    """List Contacts

     Contacts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        id (list[int] | Unset): Only these contacts (a selection).
        stage (list[ContactsListStageItem] | Unset): One or many stages.
        owner_id (list[int | Literal['unassigned']] | Unset): One or many user ids or
            "unassigned": contacts of any of them.
        source (list[str] | Unset): One or many first-touch sources (google, webinar...): any of
            them.
        buying_stage (list[str] | Unset): One or many buying stages (keys: evaluating,
            deciding...): any of them.
        account_id (int | None | Unset):
        score_min (int | None | Unset):
        score_max (int | None | Unset):
        created_since (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset):
        q (None | str | Unset): Free text over first and last name, email and account name.
        is_target (bool | None | Unset): Only contacts of target accounts.
        where (list[str] | Unset): Conditions on custom fields, all of which must hold, each
            <field>:<op>[:<value>] (several values comma-separated):
            contact.custom.tier:in:gold,silver, account.custom.seats:gte:100,
            contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. The operators a
            field's type allows are the scoring rules'.
        sort (ContactSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.
        sort_field (None | str | Unset): Sort by a contact's custom field instead of sort:
            contact.custom.<key>, or -contact.custom.<key> for descending (text, choice, date or
            number fields; contacts without a value together).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        stage=stage,
        owner_id=owner_id,
        source=source,
        buying_stage=buying_stage,
        account_id=account_id,
        score_min=score_min,
        score_max=score_max,
        created_since=created_since,
        updated_since=updated_since,
        q=q,
        is_target=is_target,
        where=where,
        sort=sort,
        cursor=cursor,
        limit=limit,
        sort_field=sort_field,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: list[int] | Unset = UNSET,
    stage: list[ContactsListStageItem] | Unset = UNSET,
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    buying_stage: list[str] | Unset = UNSET,
    account_id: int | None | Unset = UNSET,
    score_min: int | None | Unset = UNSET,
    score_max: int | None | Unset = UNSET,
    created_since: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    is_target: bool | None | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_field: None | str | Unset = UNSET,
) -> ContactPage | ErrorBody | ValidationErrorBody | None:
    """List Contacts

     Contacts matching the filters, a page at a time (follow ``next_cursor``).

    Args:
        id (list[int] | Unset): Only these contacts (a selection).
        stage (list[ContactsListStageItem] | Unset): One or many stages.
        owner_id (list[int | Literal['unassigned']] | Unset): One or many user ids or
            "unassigned": contacts of any of them.
        source (list[str] | Unset): One or many first-touch sources (google, webinar...): any of
            them.
        buying_stage (list[str] | Unset): One or many buying stages (keys: evaluating,
            deciding...): any of them.
        account_id (int | None | Unset):
        score_min (int | None | Unset):
        score_max (int | None | Unset):
        created_since (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset):
        q (None | str | Unset): Free text over first and last name, email and account name.
        is_target (bool | None | Unset): Only contacts of target accounts.
        where (list[str] | Unset): Conditions on custom fields, all of which must hold, each
            <field>:<op>[:<value>] (several values comma-separated):
            contact.custom.tier:in:gold,silver, account.custom.seats:gte:100,
            contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. The operators a
            field's type allows are the scoring rules'.
        sort (ContactSort | Unset):
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.
        sort_field (None | str | Unset): Sort by a contact's custom field instead of sort:
            contact.custom.<key>, or -contact.custom.<key> for descending (text, choice, date or
            number fields; contacts without a value together).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            stage=stage,
            owner_id=owner_id,
            source=source,
            buying_stage=buying_stage,
            account_id=account_id,
            score_min=score_min,
            score_max=score_max,
            created_since=created_since,
            updated_since=updated_since,
            q=q,
            is_target=is_target,
            where=where,
            sort=sort,
            cursor=cursor,
            limit=limit,
            sort_field=sort_field,
        )
    ).parsed
