"""Plays' JSON API (under /api/v1): the buying stages, a contact's buying journey, plays,
starting one for a contact, its progress, and completing a task."""

from __future__ import annotations

from fastapi import APIRouter, status

from huddle.auth.deps import CurrentActor
from huddle.contacts import service as contacts
from huddle.core.permissions import Action, require
from huddle.plays import service
from huddle.plays.schemas import (
    BuyingJourneyRead,
    BuyingStageRead,
    PlayRead,
    PlayStartWrite,
    PlayWrite,
    RunProgressRead,
    RunRead,
    RunStepRead,
    StageChangeRead,
)
from huddle.web.deps import SessionDep

router = APIRouter(tags=["plays"])
CONTACT = "/contacts/{contact_id:int}"


@router.get(
    "/buying-stages", operation_id="buying_stages.list", response_model=list[BuyingStageRead]
)
def list_stages(actor: CurrentActor, session: SessionDep) -> list[BuyingStageRead]:
    """The buying stages in journey order, each with the touches that indicate it."""
    require(actor, Action.CONTACT_READ)
    return service.configured_stages(session)


@router.get(
    f"{CONTACT}/buying-stage",
    operation_id="contacts.buying_stage",
    response_model=BuyingJourneyRead,
)
def buying_journey(contact_id: int, actor: CurrentActor, session: SessionDep) -> BuyingJourneyRead:
    """The contact's buying stage and its history, newest first, each move with its evidence."""
    require(actor, Action.CONTACT_READ)
    contact = contacts.get_contact(session, contact_id)
    history = service.stage_history(session, contact_id)
    return BuyingJourneyRead(
        stage=contact.buying_stage,
        history=[StageChangeRead.model_validate(change) for change in history],
    )


@router.get("/plays", operation_id="plays.list", response_model=list[PlayRead])
def list_plays(actor: CurrentActor, session: SessionDep) -> list[PlayRead]:
    require(actor, Action.CONTACT_READ)
    return [PlayRead.model_validate(play) for play in service.list_plays(session)]


@router.post(
    "/plays",
    operation_id="plays.create",
    response_model=PlayRead,
    status_code=status.HTTP_201_CREATED,
)
def create_play(actor: CurrentActor, session: SessionDep, data: PlayWrite) -> PlayRead:
    """A play (workflow.manage). Refused (422, with the field) for an unknown buying stage,
    a marketing step without an existing email template, a task without a due time."""
    return PlayRead.model_validate(service.create_play(session, data, actor=actor))


@router.get(f"{CONTACT}/plays", operation_id="contacts.plays", response_model=list[RunProgressRead])
def contact_plays(
    contact_id: int, actor: CurrentActor, session: SessionDep
) -> list[RunProgressRead]:
    """The contact's play runs, newest first, with every step and those reached so far."""
    require(actor, Action.CONTACT_READ)
    contacts.get_contact(session, contact_id)
    return [
        RunProgressRead(
            **RunRead.model_validate(p.run).model_dump(),
            play=p.play.name,
            steps=p.steps,
            reached=[RunStepRead.model_validate(r) for _, r in sorted(p.reached.items())],
        )
        for p in service.contact_progress(session, contact_id)
    ]


@router.post(
    f"{CONTACT}/plays",
    operation_id="contacts.start_play",
    response_model=RunRead,
    status_code=status.HTTP_201_CREATED,
)
def start_play(
    contact_id: int, actor: CurrentActor, session: SessionDep, data: PlayStartWrite
) -> RunRead:
    """Start a play for the contact (contact.edit on it); 409 when it is running already."""
    run = service.start_by_hand(session, contact_id, data.play_id, actor=actor)
    return RunRead.model_validate(run)


@router.post(
    "/play-tasks/{step_id:int}/done", operation_id="play_tasks.complete", response_model=RunStepRead
)
def complete_task(step_id: int, actor: CurrentActor, session: SessionDep) -> RunStepRead:
    """A play's sales or success task done (touch.write on its contact): the play moves on.
    409 when it is done already."""
    return RunStepRead.model_validate(service.complete_task(session, step_id, actor=actor))
