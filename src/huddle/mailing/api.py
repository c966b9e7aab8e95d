"""Marketing email's JSON API (under /api/v1/mailing): templates and their preview,
sending, the send log, the suppression list and the bounce/complaint events endpoint."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from huddle.auth.deps import CurrentActor
from huddle.mailing import service
from huddle.mailing.schemas import (
    DeliveryEvents,
    DeliveryEventsResult,
    PreviewRead,
    PreviewRequest,
    SendOutcomeRead,
    SendRead,
    SendRequest,
    SuppressionRead,
    SuppressionWrite,
    TemplateRead,
    TemplateWrite,
)
from huddle.web.deps import SessionDep

router = APIRouter(prefix="/mailing", tags=["mailing"])
TEMPLATE = "/templates/{template_id:int}"
SendStatus = Literal["queued", "sending", "sent", "skipped", "failed"]


@router.get("/templates", operation_id="email_templates.list", response_model=list[TemplateRead])
def list_templates(actor: CurrentActor, session: SessionDep) -> list[TemplateRead]:
    return [TemplateRead.model_validate(t) for t in service.list_templates(session, actor=actor)]


@router.post(
    "/templates",
    operation_id="email_templates.create",
    response_model=TemplateRead,
    status_code=status.HTTP_201_CREATED,
)
def create_template(actor: CurrentActor, session: SessionDep, data: TemplateWrite) -> TemplateRead:
    """A template is checked before it is stored: 422 naming the field and line of anything
    a template may not do (Python internals, unknown names, calls, filters off the list)."""
    return TemplateRead.model_validate(service.create_template(session, data, actor=actor))


@router.get(TEMPLATE, operation_id="email_templates.get", response_model=TemplateRead)
def get_template(template_id: int, actor: CurrentActor, session: SessionDep) -> TemplateRead:
    return TemplateRead.model_validate(service.get_template(session, template_id, actor=actor))


@router.put(TEMPLATE, operation_id="email_templates.update", response_model=TemplateRead)
def update_template(
    template_id: int, actor: CurrentActor, session: SessionDep, data: TemplateWrite
) -> TemplateRead:
    return TemplateRead.model_validate(
        service.update_template(session, template_id, data, actor=actor)
    )


@router.delete(
    TEMPLATE, operation_id="email_templates.delete", status_code=status.HTTP_204_NO_CONTENT
)
def delete_template(template_id: int, actor: CurrentActor, session: SessionDep) -> None:
    service.delete_template(session, template_id, actor=actor)


@router.post(
    TEMPLATE + "/preview", operation_id="email_templates.preview", response_model=PreviewRead
)
def preview_template(
    template_id: int, actor: CurrentActor, session: SessionDep, data: PreviewRequest
) -> PreviewRead:
    """The message a contact would get (without tracking)."""
    shown = service.preview(session, template_id, data.contact_id, actor=actor)
    return PreviewRead(subject=shown.subject, html=shown.html, text=shown.text)


@router.post(
    "/sends",
    operation_id="email_sends.create",
    response_model=SendOutcomeRead,
    status_code=status.HTTP_202_ACCEPTED,
)
def send_template(actor: CurrentActor, session: SessionDep, data: SendRequest) -> SendOutcomeRead:
    """Queue a template to a contact, once per idempotency key (a repeat answers the first
    send and sends nothing). "skipped" with the reason when the contact may not be mailed;
    whether they may is asked again when the message is sent."""
    outcome = service.send_template(
        session,
        template_id=data.template_id,
        contact_id=data.contact_id,
        idempotency_key=data.idempotency_key,
        actor=actor,
    )
    return SendOutcomeRead(
        send_id=outcome.send_id,
        status=outcome.status,
        reason=outcome.reason,
        repeated=outcome.repeated,
    )


@router.get("/sends", operation_id="email_sends.list", response_model=list[SendRead])
def list_sends(
    actor: CurrentActor,
    session: SessionDep,
    send_status: Annotated[SendStatus | None, Query(alias="status")] = None,
    before_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SendRead]:
    """The send log, newest first; page with ``before_id`` (the last id of a page)."""
    sends = service.list_sends(
        session, actor=actor, status=send_status, before_id=before_id, limit=limit
    )
    return [SendRead.model_validate(s) for s in sends]


@router.get(
    "/suppressions", operation_id="email_suppressions.list", response_model=list[SuppressionRead]
)
def list_suppressions(actor: CurrentActor, session: SessionDep) -> list[SuppressionRead]:
    return [
        SuppressionRead.model_validate(s) for s in service.list_suppressions(session, actor=actor)
    ]


@router.post(
    "/suppressions",
    operation_id="email_suppressions.create",
    response_model=SuppressionRead,
    status_code=status.HTTP_201_CREATED,
)
def add_suppression(
    actor: CurrentActor, session: SessionDep, data: SuppressionWrite
) -> SuppressionRead:
    """Suppress an address; an address suppressed already keeps its first record."""
    return SuppressionRead.model_validate(
        service.add_suppression(session, data, actor=actor).suppression
    )


@router.delete(
    "/suppressions/{suppression_id:int}",
    operation_id="email_suppressions.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def remove_suppression(suppression_id: int, actor: CurrentActor, session: SessionDep) -> None:
    service.remove_suppression(session, suppression_id, actor=actor)


@router.post("/events", operation_id="email_events.create", response_model=DeliveryEventsResult)
def record_events(
    actor: CurrentActor, session: SessionDep, data: DeliveryEvents
) -> DeliveryEventsResult:
    """Bounces and complaints an email provider reported: each address is suppressed."""
    new, already = service.record_delivery_events(session, data, actor=actor)
    return DeliveryEventsResult(suppressed=new, already_suppressed=already)
