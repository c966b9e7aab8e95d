"""Tracking's JSON API (under /api/v1): sites, forms, event types, and the events batch."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, File, Form, Request, UploadFile, status
from fastapi.responses import Response

from huddle.auth.deps import CurrentActor, CurrentUser, IngestActor
from huddle.core.collector import collection_paused
from huddle.core.columnmap import mapping_described, mapping_from_json
from huddle.core.errors import FieldError, ValidationFailed
from huddle.tracking import service
from huddle.tracking.importing import TOUCH_FIELDS, import_touches
from huddle.tracking.schemas import (
    EventBatch,
    EventBatchResult,
    EventTypeCreate,
    EventTypeRead,
    EventTypeUpdate,
    FormCreate,
    FormRead,
    FormUpdate,
    SiteCreate,
    SiteRead,
    SiteUpdate,
)
from huddle.tracking.service import ReplayConflict
from huddle.web.deps import SessionDep
from huddle.web.uploads import FileImportRead, import_upload

router = APIRouter(tags=["tracking"])

# --- sites -----------------------------------------------------------------------------------


@router.get("/tracking/sites", operation_id="sites.list", response_model=list[SiteRead])
def list_sites(user: CurrentUser, session: SessionDep) -> list[SiteRead]:
    """Every tracked website with its public key and allowlists."""
    return [SiteRead.model_validate(s) for s in service.list_sites(session)]


@router.post(
    "/tracking/sites",
    operation_id="sites.create",
    response_model=SiteRead,
    status_code=status.HTTP_201_CREATED,
)
def create_site(actor: CurrentActor, session: SessionDep, data: SiteCreate) -> SiteRead:
    """Add a website; its key is generated (public: it can only send touches)."""
    return SiteRead.model_validate(service.create_site(session, data, actor=actor))


@router.get("/tracking/sites/{site_id:int}", operation_id="sites.get", response_model=SiteRead)
def get_site(user: CurrentUser, session: SessionDep, site_id: int) -> SiteRead:
    """One website."""
    return SiteRead.model_validate(service.get_site(session, site_id))


@router.patch("/tracking/sites/{site_id:int}", operation_id="sites.update", response_model=SiteRead)
def update_site(
    actor: CurrentActor, session: SessionDep, site_id: int, data: SiteUpdate
) -> SiteRead:
    """Rename a website or change its allowed origins and redirect URLs."""
    return SiteRead.model_validate(service.update_site(session, site_id, data, actor=actor))


# --- forms -----------------------------------------------------------------------------------


@router.get("/tracking/forms", operation_id="forms.list", response_model=list[FormRead])
def list_forms(
    user: CurrentUser, session: SessionDep, site_id: int | None = None
) -> list[FormRead]:
    """Forms, of one site or all."""
    return [FormRead.model_validate(f) for f in service.list_forms(session, site_id)]


@router.post(
    "/tracking/forms",
    operation_id="forms.create",
    response_model=FormRead,
    status_code=status.HTTP_201_CREATED,
)
def create_form(actor: CurrentActor, session: SessionDep, data: FormCreate) -> FormRead:
    """Add a form to a site; its thank-you URL must be one of the site's allowed redirects."""
    return FormRead.model_validate(service.create_form(session, data, actor=actor))


@router.get("/tracking/forms/{form_id:int}", operation_id="forms.get", response_model=FormRead)
def get_form(user: CurrentUser, session: SessionDep, form_id: int) -> FormRead:
    """One form."""
    return FormRead.model_validate(service.get_form(session, form_id))


@router.patch("/tracking/forms/{form_id:int}", operation_id="forms.update", response_model=FormRead)
def update_form(
    actor: CurrentActor, session: SessionDep, form_id: int, data: FormUpdate
) -> FormRead:
    """Change a form's fields, consent checkbox, thank-you URL or spam settings."""
    return FormRead.model_validate(service.update_form(session, form_id, data, actor=actor))


# --- event types -----------------------------------------------------------------------------


@router.get(
    "/tracking/event-types", operation_id="event_types.list", response_model=list[EventTypeRead]
)
def list_event_types(user: CurrentUser, session: SessionDep) -> list[EventTypeRead]:
    """The registry of event types scoring, workflows and analytics refer to."""
    return [EventTypeRead.model_validate(t) for t in service.list_event_types(session)]


@router.post(
    "/tracking/event-types",
    operation_id="event_types.create",
    response_model=EventTypeRead,
    status_code=status.HTTP_201_CREATED,
)
def create_event_type(
    actor: CurrentActor, session: SessionDep, data: EventTypeCreate
) -> EventTypeRead:
    """Register an event type."""
    return EventTypeRead.model_validate(service.create_event_type(session, data, actor=actor))


@router.patch(
    "/tracking/event-types/{event_type_id:int}",
    operation_id="event_types.update",
    response_model=EventTypeRead,
)
def update_event_type(
    actor: CurrentActor, session: SessionDep, event_type_id: int, data: EventTypeUpdate
) -> EventTypeRead:
    """Change an event type (its name stays: touches refer to it)."""
    return EventTypeRead.model_validate(
        service.update_event_type(session, event_type_id, data, actor=actor)
    )


# --- events ----------------------------------------------------------------------------------


async def _body(request: Request) -> bytes:
    """The raw body: it is parsed in the thread pool with the rest of the batch's work, not
    on the event loop, where parsing a full batch would hold up every other request."""
    return await request.body()


def _batch(body: bytes) -> Any:
    """The body parsed with orjson: at 5,000 events a batch, FastAPI's model validation
    would cost more than storing them."""
    try:
        parsed = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise ValidationFailed("bad batch", [FieldError("events", "not JSON")]) from exc
    if not isinstance(parsed, dict) or "events" not in parsed:
        raise ValidationFailed("bad batch", [FieldError("events", "required")])
    return parsed["events"]


def _batch_schema() -> dict[str, Any]:
    # Inline, so the document needs no $defs of its own.
    schema = EventBatch.model_json_schema()
    schema["properties"]["events"]["items"] = schema.pop("$defs")["EventIn"]
    return schema


@router.post(
    "/events",
    operation_id="events.ingest",
    response_model=EventBatchResult,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _batch_schema()}},
        }
    },
)
def ingest_events(
    actor: IngestActor, session: SessionDep, body: Annotated[bytes, Depends(_body)]
) -> Response:
    """Store a batch of up to 5,000 events. Each has an idempotency key, the sender's own
    (its API token's): a retried batch stores nothing twice (``duplicates``). Events that
    fail are listed by index with the reason; the others are stored. A key the sender used
    before for another payload is such a failure, with ``code`` "idempotency_conflict" and
    both fingerprints (sha256 of the event as canonical JSON); the answer is 200 whatever
    the mix, as for any other failure. Events for unknown emails create contacts only if
    their type says so."""
    # The batch's parsed JSON and rows are dropped before the pause ends (see collector).
    with collection_paused():
        report = service.ingest_events(session, _batch(body), actor=actor)
    conflicts = {c.index: c for c in report.conflicts}
    result = {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "contacts_created": report.contacts_created,
        "failed": [_failure(i, reason, conflicts.get(i)) for i, reason in report.failed],
    }
    return Response(orjson.dumps(result), media_type="application/json")


def _failure(index: int, reason: str, conflict: ReplayConflict | None) -> dict[str, Any]:
    failure: dict[str, Any] = {"index": index, "reason": reason}
    if conflict is not None:
        failure |= {
            "code": "idempotency_conflict",
            "idempotency_key": conflict.idempotency_key,
            "fingerprint": conflict.fingerprint,
            "stored_fingerprint": conflict.stored_fingerprint,
        }
    return failure


# --- activities from another CRM ---------------------------------------------------------------


@router.post(
    "/touch-imports",
    operation_id="touch_imports.create",
    response_model=FileImportRead,
    tags=["imports"],
)
def create_touch_import(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    file: Annotated[
        UploadFile,
        File(
            description="Activities (CSV): contact email or record id, activity type, date; "
            "HubSpot and "
            "Salesforce activity exports are read by their headers"
        ),
    ],
    mapping: Annotated[
        str | None,
        Form(description=mapping_described(TOUCH_FIELDS)),
    ] = None,
) -> FileImportRead:
    """Import activities (email opens and clicks, emails, calls, meetings, form fills) as
    touches at their own time, typed by the registered event types; a re-import stores
    nothing twice. Rows with an unknown type or contact are in ``problems``, with why.
    422 when the file has no contact email or record id, activity type or date column."""
    return import_upload(
        import_touches,
        session,
        request.app.state.settings,
        file,
        actor=actor,
        mapping=mapping_from_json(mapping),
    )
