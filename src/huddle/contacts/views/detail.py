"""One contact's page: header, details, timeline, lifecycle (stage moves, rejection), notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser, request_actor
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.core.actor import Actor
from huddle.core.stages import STAGES
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import REJECTABLE, OpportunityFilters
from huddle.web.deps import SessionDep
from huddle.web.format import stage_label
from huddle.web.templating import render
from huddle.web.views import page, submit
from huddle.workflows import service as workflows

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

TIMELINE_PAGE = 30


def timeline_context(
    session: Session,
    *,
    actor: Actor,
    contact_id: int | None = None,
    account_id: int | None = None,
    before: str | None = None,
) -> dict[str, Any]:
    """The timeline partial's data for a contact or an account page."""
    items = lifecycle.timeline(
        session,
        contact_id=contact_id,
        account_id=account_id,
        before=before,
        limit=TIMELINE_PAGE,
        actor=actor,
        sources=[workflows.timeline_source(session, contact_id)],
    )
    return {
        "timeline": items,
        # A full page may have more behind it; the last item's cursor continues from there.
        "timeline_next": items[-1].cursor if len(items) == TIMELINE_PAGE else None,
        "reasons": _reason_labels(session),
        "timeline_before": before,
    }


def _reason_labels(session: Session) -> dict[str, str]:
    """Rejection reason code -> label, retired ones too (old stage changes name them)."""
    return {r.code: r.label for r in lifecycle.list_rejection_reasons(session, active_only=False)}


def _lifecycle_context(session: Session, contact: Any) -> dict[str, Any]:
    """What the Lifecycle card shows: the moves from the contact's stage, the rejection
    reasons where it may be rejected, and its stage history."""
    stage = contact.lifecycle_stage
    order = list(STAGES)
    targets = sorted(
        (t.to_stage for t in lifecycle.list_allowed_transitions(session) if t.from_stage == stage),
        key=order.index,
    )
    return {
        "history": lifecycle.stage_history(session, contact.id),
        "targets": targets,
        "reasons_list": lifecycle.list_rejection_reasons(session) if stage in REJECTABLE else [],
    }


def _details_context(session: Session, contact: Any) -> dict[str, Any]:
    """What the About card shows: the contact and its custom fields, defined or not."""
    definitions = service.list_custom_fields(session, "contact")
    known = {d.key for d in definitions}
    return {
        "contact": contact,
        "custom_fields": definitions,
        "extra_custom": sorted((k, v) for k, v in contact.custom.items() if k not in known),
    }


def live_timeline(
    request: Request,
    session: Session,
    *,
    after: str | None,
    contact_id: int | None = None,
    account_id: int | None = None,
    extra: Callable[[], dict[str, Any]] | None = None,
) -> Response:
    """What happened since the newest item the page shows (``after``; none shown: all of
    the first page), to put on top of its timeline; 204 when nothing did. ``extra``: more
    for the answer's template, read only when there is something new."""
    new = lifecycle.timeline_since(
        session,
        contact_id=contact_id,
        account_id=account_id,
        after=after,
        limit=TIMELINE_PAGE,
        actor=request_actor(request),
        sources=[workflows.timeline_source(session, contact_id)],
    )
    if not new.items:
        return Response(status_code=204)
    subject = f"/contacts/{contact_id}" if contact_id is not None else f"/accounts/{account_id}"
    return render(
        request,
        "contacts/_timeline_live.html",
        {
            "items": new.items,
            "complete": new.complete,
            "live_after": new.items[0].cursor,
            "subject_url": subject,
            "users": users_by_id(session),
            "reasons": _reason_labels(session),
            "show_contact": account_id is not None,
            "contact_names": {},
            **(extra() if extra else {}),
        },
    )


def contact_page(
    request: Request,
    session: Session,
    user: User,
    contact_id: int,
    *,
    before: str | None = None,
    status_code: int = 200,
    **errors: Any,
) -> HTMLResponse:
    contact = service.get_contact_detail(session, contact_id)
    context: dict[str, Any] = {
        **_details_context(session, contact),
        **_lifecycle_context(session, contact),
        "users": users_by_id(session),
        "deals": lifecycle.list_opportunities(
            session, OpportunityFilters(contact_id=contact_id), limit=10
        ).items,
        **timeline_context(
            session, contact_id=contact_id, before=before, actor=request_actor(request)
        ),
        **errors,
    }
    return page(request, "contacts/detail.html", user, "contacts", context, status_code=status_code)


@router.get("/contacts/{contact_id}", response_class=HTMLResponse)
def contact_detail(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contact_id: int,
    before: str | None = None,
) -> HTMLResponse:
    return contact_page(request, session, user, contact_id, before=before)


def _refused(
    request: Request, session: Session, user: User, contact_id: int, key: str
) -> Callable[[str, int], Response]:
    """The contact page again, with why the change was refused next to its form (``key``)."""

    def answer(message: str, status_code: int) -> Response:
        return contact_page(
            request, session, user, contact_id, status_code=status_code, **{key: message}
        )

    return answer


@router.get("/contacts/{contact_id}/timeline/live", response_model=None)
def contact_timeline_live(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contact_id: int,
    after: str | None = None,
    stage: str | None = None,
) -> Response:
    """The contact page's timeline, kept current while it is open, with the header pieces
    and the About card a touch may have changed; the Lifecycle card too when the stage is
    no longer the one the page shows (``stage``), so a half-typed reason is kept until
    the moves it was written for have changed."""

    def details() -> dict[str, Any]:
        contact = service.get_contact_detail(session, contact_id)
        context = _details_context(session, contact)
        if stage is not None and stage != contact.lifecycle_stage:
            context |= _lifecycle_context(session, contact) | {"lifecycle_moved": True}
        return context

    return live_timeline(request, session, after=after, contact_id=contact_id, extra=details)


@router.post("/contacts/{contact_id}/notes", response_model=None)
def add_note(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    body: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: service.add_note(session, contact_id=contact_id, body=body, actor=actor),
        done="Note added.",
        then=f"/contacts/{contact_id}#timeline",
        refused=_refused(request, session, user, contact_id, "note_error"),
    )


@router.post("/contacts/{contact_id}/touches/{touch_id}/apply", response_model=None)
def apply_touch_values(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    touch_id: int,
) -> Response:
    """The "Apply these values" button of a form submission the contact was not proven to
    have sent: the values it kept aside become the contact's."""
    return submit(
        request,
        lambda: service.apply_touch_values(session, contact_id, touch_id, actor=actor),
        done="The submitted values are now the contact's.",
        then=f"/contacts/{contact_id}#timeline",
        refused=_refused(request, session, user, contact_id, "timeline_error"),
    )


@router.post("/contacts/{contact_id}/stage", response_model=None)
def change_stage(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    to_stage: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: lifecycle.transition_stage(
            session, contact_id, to_stage, actor=actor, reason=reason.strip() or None
        ),
        done=f"Moved to {stage_label(to_stage)}.",
        then=f"/contacts/{contact_id}",
        refused=_refused(request, session, user, contact_id, "stage_error"),
    )


@router.post("/contacts/{contact_id}/reject", response_model=None)
def reject(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    reason_code: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: lifecycle.reject_lead(
            session, contact_id, reason_code=reason_code, note=note, actor=actor
        ),
        done="Lead rejected and handed back to marketing as Recycled.",
        then=f"/contacts/{contact_id}",
        refused=_refused(request, session, user, contact_id, "reject_error"),
    )
