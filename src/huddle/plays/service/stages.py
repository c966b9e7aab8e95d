"""Buying stages: their configuration (the defaults until someone edits them), and each
contact's stage inferred from indicator touches as they arrive.

A contact moves forward only: an indicator of a later stage than its own moves it there
(pricing page: evaluating), an indicator of an earlier one is what a buyer at a later
stage also does (reading the blog) and says nothing new. A contact becoming a customer
(the lifecycle stage) reaches the last stage. Every move is a row with its evidence and
publishes ``BuyingStageChanged`` (plays keyed to the stage start; workflows may listen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.plays import repository
from huddle.plays.events import BuyingStageChanged
from huddle.plays.models import BuyingStage, BuyingStageChange
from huddle.plays.schemas import BuyingStageRead, BuyingStageWrite, Indicator
from huddle.plays.service.library import CUSTOMER_STAGE, DEFAULT_STAGES

if TYPE_CHECKING:
    from huddle.contacts.models import Touch

HISTORY_SHOWN = 20
MAX_STAGES = 12


def configured_stages(session: Session) -> list[BuyingStageRead]:
    """The stages in journey order: the stored ones, or the defaults while none are."""
    stored = repository.stages(session)
    if stored:
        return [
            BuyingStageRead(
                key=row.key,
                name=row.name,
                position=row.position,
                indicators=[Indicator.model_validate(i) for i in row.indicators or []],
            )
            for row in stored
        ]
    return [
        BuyingStageRead(key=s.key, name=s.name, position=n, indicators=s.indicators)
        for n, s in enumerate(DEFAULT_STAGES)
    ]


def stage_names(session: Session) -> dict[str, str]:
    return {stage.key: stage.name for stage in configured_stages(session)}


def _save(session: Session, stages: Sequence[BuyingStageWrite]) -> None:
    repository.replace_stages(
        session,
        [
            BuyingStage(
                key=s.key,
                name=s.name,
                position=n,
                indicators=[i.model_dump(exclude_none=True) for i in s.indicators],
            )
            for n, s in enumerate(stages)
        ],
    )


def _writable(session: Session) -> list[BuyingStageWrite]:
    return [
        BuyingStageWrite(key=s.key, name=s.name, indicators=list(s.indicators))
        for s in configured_stages(session)
    ]


def _stage_or_422(stages: list[BuyingStageWrite], key: str) -> BuyingStageWrite:
    for stage in stages:
        if stage.key == key:
            return stage
    raise ValidationFailed("no such buying stage", [FieldError("stage", f"no stage {key!r}")])


def add_indicator(session: Session, key: str, indicator: Indicator, *, actor: Actor) -> None:
    require(actor, Action.WORKFLOW_MANAGE)
    stages = _writable(session)
    stage = _stage_or_422(stages, key)
    if indicator in stage.indicators:
        raise ValidationFailed(
            "that indicator is there already", [FieldError("touch_type", "already an indicator")]
        )
    stage.indicators.append(indicator)
    _save(session, stages)


def remove_indicator(session: Session, key: str, index: int, *, actor: Actor) -> None:
    require(actor, Action.WORKFLOW_MANAGE)
    stages = _writable(session)
    stage = _stage_or_422(stages, key)
    if not 0 <= index < len(stage.indicators):
        raise ValidationFailed("no such indicator", [FieldError("index", "no such indicator")])
    del stage.indicators[index]
    _save(session, stages)


def add_stage(
    session: Session, data: BuyingStageWrite, *, before: str | None, actor: Actor
) -> None:
    """A new stage, placed before ``before`` (None: before the last, the customer)."""
    require(actor, Action.WORKFLOW_MANAGE)
    stages = _writable(session)
    if any(s.key == data.key for s in stages):
        raise ValidationFailed("that stage exists", [FieldError("name", "a stage has this name")])
    if len(stages) >= MAX_STAGES:
        raise ValidationFailed("too many stages", [FieldError("name", f"at most {MAX_STAGES}")])
    keys = [s.key for s in stages]
    at = keys.index(before) if before in keys else max(len(stages) - 1, 0)
    stages.insert(at, data)
    _save(session, stages)


# --- inference ---------------------------------------------------------------------------


def _matches(indicator: Indicator, touch: Touch) -> bool:
    if touch.type != indicator.touch_type:
        return False
    if not (indicator.property and indicator.contains):
        return True
    have = str((touch.properties or {}).get(indicator.property, ""))
    return indicator.contains.casefold() in have.casefold()


def indicated_stage(stages: Sequence[BuyingStageRead], touch: Touch) -> BuyingStageRead | None:
    """The furthest stage one of whose indicators the touch is."""
    found = None
    for stage in stages:
        if any(_matches(i, touch) for i in stage.indicators):
            found = stage
    return found


def infer_from_touches(session: Session, touch_ids: Sequence[int], types: Sequence[str]) -> int:
    """Move the touches' contacts to the stage their indicators say; how many moved.
    Touches of no indicator's type cost one look at the (few) configured stages."""
    stages = configured_stages(session)
    wanted = {i.touch_type for s in stages for i in s.indicators}
    if not wanted.intersection(types):
        return 0
    found = [t for t in repository.touches(session, touch_ids) if t.type in wanted]
    if not found:
        return 0
    order = {stage.key: stage.position for stage in stages}
    current = repository.current_stages(session, sorted({t.contact_id or 0 for t in found}))
    moved = 0
    for touch in found:
        stage = indicated_stage(stages, touch)
        contact_id = touch.contact_id or 0
        have = current.get(contact_id)
        if stage is None or order.get(have or "", -1) >= stage.position:
            continue
        evidence = _evidence(touch, stage)
        move_contact(session, contact_id, have, stage.key, evidence, touch_id=touch.id)
        current[contact_id] = stage.key
        moved += 1
    return moved


def _evidence(touch: Touch, stage: BuyingStageRead) -> str:
    what = next((i.describe() for i in stage.indicators if _matches(i, touch)), touch.type)
    properties = touch.properties or {}
    about = properties.get("url") or properties.get("asset") or properties.get("form") or ""
    return f"{what}{': ' + str(about) if about else ''}"[:300]


def became_customer(session: Session, contact_id: int) -> None:
    """The lifecycle stage became customer: the journey's last stage."""
    stages = configured_stages(session)
    if not any(s.key == CUSTOMER_STAGE for s in stages):
        return
    have = repository.current_stages(session, [contact_id]).get(contact_id)
    if have != CUSTOMER_STAGE:
        move_contact(session, contact_id, have, CUSTOMER_STAGE, "became a customer")


def move_contact(
    session: Session,
    contact_id: int,
    from_stage: str | None,
    to_stage: str,
    evidence: str,
    *,
    touch_id: int | None = None,
    at: datetime | None = None,
) -> None:
    at = at or clock.now()
    contacts.set_buying_stage(session, contact_id, to_stage)
    session.add(
        BuyingStageChange(
            contact_id=contact_id,
            from_stage=from_stage,
            to_stage=to_stage,
            evidence=evidence,
            touch_id=touch_id,
            at=at,
        )
    )
    publish(session, BuyingStageChanged(contact_id, from_stage, to_stage, evidence, at))


def stage_history(session: Session, contact_id: int) -> Sequence[BuyingStageChange]:
    return repository.stage_history(session, contact_id, HISTORY_SHOWN)
