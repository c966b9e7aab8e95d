"""Plays as written: created, adopted from the library, their steps edited, paused.
Changes need ``workflow.manage`` (marketing runs the programme, as for workflows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ValidationFailed, found
from huddle.core.permissions import Action, require
from huddle.mailing import service as mailing
from huddle.mailing.schemas import TemplateWrite
from huddle.plays import repository
from huddle.plays.models import Play
from huddle.plays.schemas import PlayStep, PlayWrite
from huddle.plays.service.library import LIBRARY, LIBRARY_BY_KEY, LibraryPlay
from huddle.plays.service.stages import stage_names


def list_plays(session: Session) -> Sequence[Play]:
    return repository.plays(session)


def get_play(session: Session, play_id: int) -> Play:
    return found(repository.play(session, play_id), "play")


def steps_of(play: Play) -> list[PlayStep]:
    return [PlayStep.model_validate(step) for step in play.steps or []]


@dataclass(frozen=True)
class LibraryEntry:
    play: LibraryPlay
    adopted: bool


def library(session: Session) -> list[LibraryEntry]:
    adopted = repository.adopted_keys(session)
    return [LibraryEntry(play, play.key in adopted) for play in LIBRARY]


def _check(session: Session, data: PlayWrite) -> None:
    """Refuses, naming the field: an unknown buying stage, an email step without a
    template or with one that does not exist, a task without a due time."""
    errors: list[FieldError] = []
    if data.buying_stage is not None and data.buying_stage not in stage_names(session):
        errors.append(FieldError("buying_stage", f"no buying stage {data.buying_stage!r}"))
    templates = mailing.template_names(session)
    for n, step in enumerate(data.steps):
        if step.is_task and step.due_hours is None:
            errors.append(FieldError(f"steps.{n}.due_hours", "a task needs a due time"))
        if not step.is_task and step.template_id is None:
            errors.append(FieldError(f"steps.{n}.template_id", "marketing sends an email"))
        if step.template_id is not None and step.template_id not in templates:
            errors.append(FieldError(f"steps.{n}.template_id", "no such email template"))
    if errors:
        raise ValidationFailed("the play cannot be saved", errors)


def create_play(
    session: Session, data: PlayWrite, *, actor: Actor, library_key: str | None = None
) -> Play:
    require(actor, Action.WORKFLOW_MANAGE)
    _check(session, data)
    if repository.play_by_name(session, data.name) is not None:
        raise ResourceAlreadyExists(f"a play named {data.name!r} exists")
    play = Play(
        name=data.name,
        description=data.description,
        buying_stage=data.buying_stage,
        status="active",
        steps=[step.model_dump(exclude_none=True) for step in data.steps],
        library_key=library_key,
    )
    session.add(play)
    session.flush()
    return play


def adopt(session: Session, key: str, *, actor: Actor) -> Play:
    """The library's play as a play of this company's: its emails become templates (one
    already named so is reused), then it is edited like any other."""
    require(actor, Action.WORKFLOW_MANAGE)
    entry = LIBRARY_BY_KEY.get(key)
    if entry is None:
        raise ValidationFailed("no such library play", [FieldError("key", "not in the library")])
    if key in repository.adopted_keys(session):
        raise ResourceAlreadyExists(f"{entry.name} is adopted already")
    by_name = {name: template_id for template_id, name in mailing.template_names(session).items()}
    steps = []
    for item in entry.steps:
        step = item.step
        if item.email is not None:
            template_id = by_name.get(item.email.name)
            if template_id is None:
                email = TemplateWrite(
                    name=item.email.name, subject=item.email.subject, html_body=item.email.html_body
                )
                template_id = mailing.create_template(session, email, actor=actor).id
            step = step.model_copy(update={"template_id": template_id})
        steps.append(step)
    name = entry.name
    if repository.play_by_name(session, name) is not None:
        name = f"{entry.name} (library)"
    data = PlayWrite(
        name=name, description=entry.description, buying_stage=entry.buying_stage, steps=steps
    )
    return create_play(session, data, actor=actor, library_key=key)


def _rewrite(session: Session, play: Play, steps: list[PlayStep], buying_stage: str | None) -> None:
    data = PlayWrite(
        name=play.name, description=play.description, buying_stage=buying_stage, steps=steps
    )
    _check(session, data)
    play.steps = [step.model_dump(exclude_none=True) for step in data.steps]
    play.buying_stage = buying_stage
    session.flush()


def add_step(session: Session, play_id: int, step: PlayStep, *, actor: Actor) -> Play:
    """The step at the end. Runs on their way take it when they get there."""
    require(actor, Action.WORKFLOW_MANAGE)
    play = get_play(session, play_id)
    steps = steps_of(play)
    if len(steps) >= 30:
        raise ValidationFailed("too many steps", [FieldError("steps", "at most 30 steps")])
    _rewrite(session, play, [*steps, step], play.buying_stage)
    return play


def remove_step(session: Session, play_id: int, position: int, *, actor: Actor) -> Play:
    require(actor, Action.WORKFLOW_MANAGE)
    play = get_play(session, play_id)
    steps = steps_of(play)
    if not 0 <= position < len(steps):
        raise ValidationFailed("no such step", [FieldError("position", "no such step")])
    del steps[position]
    _rewrite(session, play, steps, play.buying_stage)
    return play


def set_trigger(session: Session, play_id: int, buying_stage: str | None, *, actor: Actor) -> Play:
    require(actor, Action.WORKFLOW_MANAGE)
    play = get_play(session, play_id)
    _rewrite(session, play, steps_of(play), buying_stage)
    return play


def set_status(session: Session, play_id: int, status: str, *, actor: Actor) -> Play:
    """Active plays start on their buying stage; a paused one starts only by hand."""
    require(actor, Action.WORKFLOW_MANAGE)
    if status not in ("active", "paused"):
        raise ValidationFailed("no such status", [FieldError("status", "active or paused")])
    play = get_play(session, play_id)
    play.status = status
    session.flush()
    return play
