import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_page import AuditPage
from ...models.error_body import ErrorBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor_user_id: int | None | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject_type: None | str | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor_user_id: int | None | Unset
    if isinstance(actor_user_id, Unset):
        json_actor_user_id = UNSET
    else:
        json_actor_user_id = actor_user_id
    params["actor_user_id"] = json_actor_user_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_subject_type: None | str | Unset
    if isinstance(subject_type, Unset):
        json_subject_type = UNSET
    else:
        json_subject_type = subject_type
    params["subject_type"] = json_subject_type

    json_subject_id: None | str | Unset
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

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
        "url": "/api/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPage | ErrorBody | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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
) -> Response[AuditPage | ErrorBody | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor_user_id: int | None | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject_type: None | str | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPage | ErrorBody | ValidationErrorBody]:
    """List Audit Entries

     Who changed what, when and from where: newest first, narrowed by the filters.
    Needs the audit.read permission (admins, compliance).

    Args:
        actor_user_id (int | None | Unset): Changes made by this user.
        action (None | str | Unset): e.g. "contact.stage_changed"
        subject_type (None | str | Unset): e.g. "contact", "user"
        subject_id (None | str | Unset): Needs subject_type.
        since (datetime.datetime | None | Unset): From this time (inclusive).
        until (datetime.datetime | None | Unset): Before this time.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        actor_user_id=actor_user_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        since=since,
        until=until,
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
    actor_user_id: int | None | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject_type: None | str | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AuditPage | ErrorBody | ValidationErrorBody | None:
    """List Audit Entries

     Who changed what, when and from where: newest first, narrowed by the filters.
    Needs the audit.read permission (admins, compliance).

    Args:
        actor_user_id (int | None | Unset): Changes made by this user.
        action (None | str | Unset): e.g. "contact.stage_changed"
        subject_type (None | str | Unset): e.g. "contact", "user"
        subject_id (None | str | Unset): Needs subject_type.
        since (datetime.datetime | None | Unset): From this time (inclusive).
        until (datetime.datetime | None | Unset): Before this time.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ErrorBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        actor_user_id=actor_user_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor_user_id: int | None | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject_type: None | str | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPage | ErrorBody | ValidationErrorBody]:
    """List Audit Entries

     Who changed what, when and from where: newest first, narrowed by the filters.
    Needs the audit.read permission (admins, compliance).

    Args:
        actor_user_id (int | None | Unset): Changes made by this user.
        action (None | str | Unset): e.g. "contact.stage_changed"
        subject_type (None | str | Unset): e.g. "contact", "user"
        subject_id (None | str | Unset): Needs subject_type.
        since (datetime.datetime | None | Unset): From this time (inclusive).
        until (datetime.datetime | None | Unset): Before this time.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ErrorBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        actor_user_id=actor_user_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor_user_id: int | None | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject_type: None | str | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AuditPage | ErrorBody | ValidationErrorBody | None:
    """List Audit Entries

     Who changed what, when and from where: newest first, narrowed by the filters.
    Needs the audit.read permission (admins, compliance).

    Args:
        actor_user_id (int | None | Unset): Changes made by this user.
        action (None | str | Unset): e.g. "contact.stage_changed"
        subject_type (None | str | Unset): e.g. "contact", "user"
        subject_id (None | str | Unset): Needs subject_type.
        since (datetime.datetime | None | Unset): From this time (inclusive).
        until (datetime.datetime | None | Unset): Before this time.
        cursor (None | str | Unset): next_cursor of the previous page
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ErrorBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            actor_user_id=actor_user_id,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
