"""The shared record's JSON API (mounted under /api/v1): contacts, accounts, touches, notes,
custom fields and saved views. Stage moves are the lifecycle domain's (lifecycle/api.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, IngestActor
from huddle.contacts import service
from huddle.contacts.schemas import (
    AccountCreate,
    AccountFilters,
    AccountPage,
    AccountRead,
    AccountSort,
    AccountUpdate,
    ConsentChangeRead,
    ConsentUpdate,
    ContactCreate,
    ContactFilters,
    ContactPage,
    ContactRead,
    ContactSort,
    ContactUpdate,
    CustomFieldDefinitionCreate,
    CustomFieldDefinitionRead,
    CustomFieldDefinitionUpdate,
    MergeRequest,
    NoteBody,
    NoteCreate,
    NoteRead,
    SavedViewCreate,
    SavedViewRead,
    TimelinePage,
    TouchBase,
    TouchConflict,
    TouchCreate,
    TouchRead,
)
from huddle.core.actor import Actor
from huddle.lifecycle import service as lifecycle
from huddle.tracking import service as tracking
from huddle.web.deps import SessionDep
from huddle.workflows import service as workflows

router = APIRouter()

Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=200)]
_UPDATED = "An existing record was found and updated (or a repeated delivery was ignored)."
_KEY_REUSED = "The sender used this idempotency_key before for another touch."


def _contact(session: Session, contact_id: int, actor: Actor) -> ContactRead:
    return service.contact_read(service.get_contact_detail(session, contact_id), actor=actor)


def _timeline(
    session: Session,
    actor: Actor,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: str | None,
    limit: int,
) -> TimelinePage:
    # One item more than asked says whether another page follows.
    items = lifecycle.timeline(
        session,
        contact_id=contact_id,
        account_id=account_id,
        before=before,
        limit=limit + 1,
        actor=actor,
        sources=[workflows.timeline_source(session, contact_id)],
    )
    more = len(items) > limit
    return TimelinePage(items=items[:limit], next_cursor=items[limit - 1].cursor if more else None)


# --- contacts --------------------------------------------------------------------------------


@router.get(
    "/contacts", operation_id="contacts.list", response_model=ContactPage, tags=["contacts"]
)
def list_contacts(
    actor: CurrentActor,
    session: SessionDep,
    filters: Annotated[ContactFilters, Query()],
    sort: ContactSort = ContactSort.CREATED_AT_DESC,
    cursor: Cursor = None,
    limit: Limit = 50,
    sort_field: Annotated[
        str | None,
        Query(
            max_length=80,
            description="Sort by a contact's custom field instead of sort: "
            "contact.custom.<key>, or -contact.custom.<key> for descending "
            "(text, choice, date or number fields; contacts without a value together).",
        ),
    ] = None,
) -> ContactPage:
    """Contacts matching the filters, a page at a time (follow ``next_cursor``)."""
    page = service.list_contacts(
        session,
        filters,
        sort=sort,
        cursor=cursor,
        limit=limit,
        actor=actor,
        sort_field=sort_field,
    )
    return ContactPage(
        items=[service.contact_read(c, actor=actor) for c in page.items],
        next_cursor=page.next_cursor,
    )


@router.post(
    "/contacts",
    operation_id="contacts.create",
    response_model=ContactRead,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": ContactRead, "description": _UPDATED}},
    tags=["contacts"],
)
def create_contact(
    actor: CurrentActor, session: SessionDep, data: ContactCreate, response: Response
) -> ContactRead:
    """Create a contact: 201. A contact with the same email (any case) is updated instead,
    with only the fields given: 200."""
    contact, created = service.upsert_contact(session, data, actor=actor)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _contact(session, contact.id, actor)


@router.get(
    "/contacts/{contact_id:int}",
    operation_id="contacts.get",
    response_model=ContactRead,
    tags=["contacts"],
)
def get_contact(actor: CurrentActor, session: SessionDep, contact_id: int) -> ContactRead:
    """One contact with a summary of its account."""
    return _contact(session, contact_id, actor)


@router.patch(
    "/contacts/{contact_id:int}",
    operation_id="contacts.update",
    response_model=ContactRead,
    tags=["contacts"],
)
def update_contact(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: ContactUpdate
) -> ContactRead:
    """Change the fields given. The stage moves through POST /contacts/{id}/stage."""
    service.update_contact(session, contact_id, data, actor=actor)
    return _contact(session, contact_id, actor)


@router.post(
    "/contacts/{contact_id:int}/merge",
    operation_id="contacts.merge",
    response_model=ContactRead,
    tags=["contacts"],
)
def merge_contact(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: MergeRequest
) -> ContactRead:
    """Merge contact ``merged_id`` into this one; everything it had moves here."""
    service.merge_contacts(session, contact_id, data.merged_id, choices=data.choices, actor=actor)
    return _contact(session, contact_id, actor)


@router.get(
    "/contacts/{contact_id:int}/timeline",
    operation_id="contacts.timeline",
    response_model=TimelinePage,
    tags=["contacts"],
)
def contact_timeline(
    actor: CurrentActor,
    session: SessionDep,
    contact_id: int,
    before: Cursor = None,
    limit: Limit = 50,
) -> TimelinePage:
    """Touches, stage changes, notes and merges of the contact, newest first."""
    return _timeline(
        session, actor, contact_id=contact_id, account_id=None, before=before, limit=limit
    )


@router.post(
    "/contacts/{contact_id:int}/touches",
    operation_id="contacts.record_touch",
    response_model=TouchRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": TouchRead, "description": _UPDATED},
        409: {"model": TouchConflict, "description": _KEY_REUSED},
    },
    tags=["touches"],
)
def record_contact_touch(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: TouchBase, response: Response
) -> TouchRead | JSONResponse:
    """Log a touch of this contact (a call, a meeting, ...). The same ``idempotency_key``
    from the same sender with the same touch returns the stored one (200); with another
    touch it is a 409 naming both fingerprints."""
    touch = TouchCreate(**data.model_dump(), contact_id=contact_id)
    return _store_touch(session, touch, actor, response)


@router.post(
    "/contacts/{contact_id:int}/touches/{touch_id:int}/apply",
    operation_id="touches.apply",
    response_model=ContactRead,
    tags=["touches"],
)
def apply_touch_values(
    actor: CurrentActor, session: SessionDep, contact_id: int, touch_id: int
) -> ContactRead:
    """Apply the values a touch of this contact kept aside (a form posted with the
    contact's email by a sender who did not prove to be them; the touch's
    ``not_applied`` names them). 409 when none are left to apply."""
    service.apply_touch_values(session, contact_id, touch_id, actor=actor)
    return _contact(session, contact_id, actor)


@router.post(
    "/contacts/{contact_id:int}/notes",
    operation_id="contacts.add_note",
    response_model=NoteRead,
    status_code=status.HTTP_201_CREATED,
    tags=["notes"],
)
def add_contact_note(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: NoteBody
) -> NoteRead:
    """A note on the contact; @first.last or @email mentions are resolved to users."""
    note = service.add_note(session, contact_id=contact_id, body=data.body, actor=actor)
    return NoteRead.model_validate(note)


@router.post(
    "/contacts/{contact_id:int}/consent",
    operation_id="contacts.set_consent",
    response_model=ContactRead,
    tags=["contacts"],
)
def set_contact_consent(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: ConsentUpdate
) -> ContactRead:
    """Change one consent flag, recording where it came from and the text shown."""
    service.set_consent(
        session,
        contact_id,
        field=data.field,
        value=data.value,
        source=data.source,
        text_shown=data.text_shown,
        actor=actor,
    )
    return _contact(session, contact_id, actor)


@router.get(
    "/contacts/{contact_id:int}/consent",
    operation_id="contacts.consent",
    response_model=list[ConsentChangeRead],
    tags=["contacts"],
)
def list_contact_consent(
    actor: CurrentActor, session: SessionDep, contact_id: int
) -> list[ConsentChangeRead]:
    """Every consent change of the contact, oldest first."""
    changes = service.consent_history(session, contact_id, actor=actor)
    return [ConsentChangeRead.model_validate(change) for change in changes]


# --- accounts --------------------------------------------------------------------------------


@router.get(
    "/accounts", operation_id="accounts.list", response_model=AccountPage, tags=["accounts"]
)
def list_accounts(
    actor: CurrentActor,
    session: SessionDep,
    filters: Annotated[AccountFilters, Query()],
    sort: AccountSort = AccountSort.NAME,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> AccountPage:
    """Accounts matching the filters, a page at a time (follow ``next_cursor``)."""
    page = service.list_accounts(session, filters, sort=sort, cursor=cursor, limit=limit)
    return AccountPage(
        items=[AccountRead.model_validate(a) for a in page.items], next_cursor=page.next_cursor
    )


@router.post(
    "/accounts",
    operation_id="accounts.create",
    response_model=AccountRead,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": AccountRead, "description": _UPDATED}},
    tags=["accounts"],
)
def create_account(
    actor: CurrentActor, session: SessionDep, data: AccountCreate, response: Response
) -> AccountRead:
    """Create an account (enriched from its domain): 201. An account with the same domain
    is updated instead: 200."""
    account, created = service.upsert_account(session, data, actor=actor)
    if not created:
        response.status_code = status.HTTP_200_OK
    return AccountRead.model_validate(account)


@router.get(
    "/accounts/{account_id:int}",
    operation_id="accounts.get",
    response_model=AccountRead,
    tags=["accounts"],
)
def get_account(actor: CurrentActor, session: SessionDep, account_id: int) -> AccountRead:
    """One account."""
    return AccountRead.model_validate(service.get_account(session, account_id))


@router.patch(
    "/accounts/{account_id:int}",
    operation_id="accounts.update",
    response_model=AccountRead,
    tags=["accounts"],
)
def update_account(
    actor: CurrentActor, session: SessionDep, account_id: int, data: AccountUpdate
) -> AccountRead:
    """Change the fields given; enrichment never overwrites them afterwards."""
    account = service.update_account(session, account_id, data, actor=actor)
    return AccountRead.model_validate(account)


@router.post(
    "/accounts/{account_id:int}/merge",
    operation_id="accounts.merge",
    response_model=AccountRead,
    tags=["accounts"],
)
def merge_account(
    actor: CurrentActor, session: SessionDep, account_id: int, data: MergeRequest
) -> AccountRead:
    """Merge account ``merged_id`` into this one: its contacts, touches, notes and deals move."""
    account = service.merge_accounts(
        session, account_id, data.merged_id, choices=data.choices, actor=actor
    )
    return AccountRead.model_validate(account)


@router.post(
    "/accounts/{account_id:int}/enrich",
    operation_id="accounts.enrich",
    response_model=AccountRead,
    tags=["accounts"],
)
def enrich_account(actor: CurrentActor, session: SessionDep, account_id: int) -> AccountRead:
    """Fill the account's empty fields from the enrichment data now."""
    service.enrich(session, account_id, actor=actor)
    return AccountRead.model_validate(service.get_account(session, account_id))


@router.get(
    "/accounts/{account_id:int}/timeline",
    operation_id="accounts.timeline",
    response_model=TimelinePage,
    tags=["accounts"],
)
def account_timeline(
    actor: CurrentActor,
    session: SessionDep,
    account_id: int,
    before: Cursor = None,
    limit: Limit = 50,
) -> TimelinePage:
    """Touches, notes, merges and its people's stage changes, newest first."""
    return _timeline(
        session, actor, contact_id=None, account_id=account_id, before=before, limit=limit
    )


@router.post(
    "/accounts/{account_id:int}/notes",
    operation_id="accounts.add_note",
    response_model=NoteRead,
    status_code=status.HTTP_201_CREATED,
    tags=["notes"],
)
def add_account_note(
    actor: CurrentActor, session: SessionDep, account_id: int, data: NoteBody
) -> NoteRead:
    """A note on the account; @mentions are resolved to users."""
    note = service.add_note(session, account_id=account_id, body=data.body, actor=actor)
    return NoteRead.model_validate(note)


# --- touches and notes -----------------------------------------------------------------------


def _store_touch(
    session: Session, data: TouchCreate, actor: Actor, response: Response
) -> TouchRead | JSONResponse:
    tracking.check_touch_type(session, data.type)
    try:
        touch, created = service.store_touch(session, data, actor=actor)
    except service.IdempotencyConflict as exc:
        # Both fingerprints, so the integrator can see which delivery Huddle kept.
        return JSONResponse(
            {
                "detail": exc.message,
                "code": exc.code,
                "idempotency_key": exc.key,
                "fingerprint": exc.fingerprint,
                "stored_fingerprint": exc.stored_fingerprint,
            },
            status_code=status.HTTP_409_CONFLICT,
        )
    if not created:
        response.status_code = status.HTTP_200_OK
    return TouchRead.model_validate(touch)


@router.post(
    "/touches",
    operation_id="touches.create",
    response_model=TouchRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": TouchRead, "description": _UPDATED},
        409: {"model": TouchConflict, "description": _KEY_REUSED},
    },
    tags=["touches"],
)
def create_touch(
    actor: IngestActor, session: SessionDep, data: TouchCreate, response: Response
) -> TouchRead | JSONResponse:
    """Record a touch of a contact or an anonymous visitor. Keys belong to their sender
    (the API token, else the user): the same key and touch again returns the stored touch
    (200) and stores nothing; the same key with another touch is a 409 with both
    fingerprints. Tokens with the ``ingest`` scope may call this (and nothing that reads)."""
    return _store_touch(session, data, actor, response)


@router.get(
    "/touches/{touch_id:int}",
    operation_id="touches.get",
    response_model=TouchRead,
    tags=["touches"],
)
def get_touch(actor: CurrentActor, session: SessionDep, touch_id: int) -> TouchRead:
    """One touch."""
    return TouchRead.model_validate(service.get_touch(session, touch_id))


@router.post(
    "/notes",
    operation_id="notes.create",
    response_model=NoteRead,
    status_code=status.HTTP_201_CREATED,
    tags=["notes"],
)
def create_note(actor: CurrentActor, session: SessionDep, data: NoteCreate) -> NoteRead:
    """A note on exactly one contact, account or opportunity."""
    if data.opportunity_id is not None:
        # Deals are the lifecycle domain's: it finds the deal, contacts store the note.
        note = lifecycle.add_deal_note(session, data.opportunity_id, body=data.body, actor=actor)
    else:
        note = service.add_note(
            session,
            contact_id=data.contact_id,
            account_id=data.account_id,
            body=data.body,
            actor=actor,
        )
    return NoteRead.model_validate(note)


@router.get(
    "/notes/{note_id:int}", operation_id="notes.get", response_model=NoteRead, tags=["notes"]
)
def get_note(actor: CurrentActor, session: SessionDep, note_id: int) -> NoteRead:
    """One note."""
    return NoteRead.model_validate(service.get_note(session, note_id))


# --- custom fields ---------------------------------------------------------------------------


@router.get(
    "/custom-fields",
    operation_id="custom_fields.list",
    response_model=list[CustomFieldDefinitionRead],
    tags=["custom fields"],
)
def list_custom_fields(
    actor: CurrentActor,
    session: SessionDep,
    entity: Literal["contact", "account"] | None = None,
) -> list[CustomFieldDefinitionRead]:
    """The custom fields of contacts and accounts (or of one of them)."""
    return [
        CustomFieldDefinitionRead.model_validate(d)
        for d in service.list_custom_fields(session, entity)
    ]


@router.post(
    "/custom-fields",
    operation_id="custom_fields.create",
    response_model=CustomFieldDefinitionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["custom fields"],
)
def create_custom_field(
    actor: CurrentActor, session: SessionDep, data: CustomFieldDefinitionCreate
) -> CustomFieldDefinitionRead:
    """Declare a custom field: its key, label, type and (for a choice field) its choices."""
    definition = service.define_custom_field(session, data, actor=actor)
    return CustomFieldDefinitionRead.model_validate(definition)


@router.get(
    "/custom-fields/{field_id:int}",
    operation_id="custom_fields.get",
    response_model=CustomFieldDefinitionRead,
    tags=["custom fields"],
)
def get_custom_field(
    actor: CurrentActor, session: SessionDep, field_id: int
) -> CustomFieldDefinitionRead:
    """One custom field definition."""
    return CustomFieldDefinitionRead.model_validate(service.get_custom_field(session, field_id))


@router.patch(
    "/custom-fields/{field_id:int}",
    operation_id="custom_fields.update",
    response_model=CustomFieldDefinitionRead,
    tags=["custom fields"],
)
def update_custom_field(
    actor: CurrentActor, session: SessionDep, field_id: int, data: CustomFieldDefinitionUpdate
) -> CustomFieldDefinitionRead:
    """Rename a custom field or add choices (a choice in use cannot be removed)."""
    definition = service.update_custom_field(session, field_id, data, actor=actor)
    return CustomFieldDefinitionRead.model_validate(definition)


# --- saved views -----------------------------------------------------------------------------


@router.get(
    "/saved-views",
    operation_id="saved_views.list",
    response_model=list[SavedViewRead],
    tags=["saved views"],
)
def list_saved_views(actor: CurrentActor, session: SessionDep) -> list[SavedViewRead]:
    """Your saved contact views and everyone's shared ones."""
    return [
        SavedViewRead.model_validate(v) for v in service.list_views(session, user_id=actor.user_id)
    ]


@router.post(
    "/saved-views",
    operation_id="saved_views.create",
    response_model=SavedViewRead,
    status_code=status.HTTP_201_CREATED,
    tags=["saved views"],
)
def create_saved_view(
    actor: CurrentActor, session: SessionDep, data: SavedViewCreate
) -> SavedViewRead:
    """Save contact-list filters and a sort under a name, for you or for everyone."""
    return SavedViewRead.model_validate(service.save_view(session, data, actor=actor))


@router.get(
    "/saved-views/{view_id:int}",
    operation_id="saved_views.get",
    response_model=SavedViewRead,
    tags=["saved views"],
)
def get_saved_view(actor: CurrentActor, session: SessionDep, view_id: int) -> SavedViewRead:
    """One saved view (yours, or a shared one)."""
    return SavedViewRead.model_validate(service.get_view(session, view_id, user_id=actor.user_id))


@router.delete(
    "/saved-views/{view_id:int}",
    operation_id="saved_views.delete",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["saved views"],
)
def delete_saved_view(actor: CurrentActor, session: SessionDep, view_id: int) -> None:
    """Delete one of your saved views."""
    service.delete_view(session, view_id, actor=actor)
