"""Workflows and plays meet: a buying stage entered or a fit grade given enrols, and a
workflow's step starts a play (once, whatever re-runs it)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TouchCreate
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.core.events import publish
from huddle.plays import service as plays
from huddle.plays.models import PlayRun
from huddle.plays.schemas import PlayStep, PlayWrite
from huddle.scoring.events import ScoresUpdated
from huddle.scoring.models import ContactGrade
from huddle.workflows.models import Enrolment, Workflow
from tests.contacts.factories import make_contact
from tests.workflows.factories import enrol, make_list, make_workflow, outcomes, run


def _workflow(db: Session, trigger: dict[str, object]) -> Workflow:
    crm = make_list(db)
    return make_workflow(
        db, [{"id": "a", "kind": "add_to_list", "list_id": crm.id}], trigger=trigger
    )


def _enrolled(db: Session, workflow: Workflow) -> list[int]:
    return list(
        db.scalars(select(Enrolment.contact_id).where(Enrolment.workflow_id == workflow.id))
    )


def test_entering_a_buying_stage_enrols(db: Session) -> None:
    workflow = _workflow(db, {"type": "buying_stage_changed", "stage": "evaluating"})
    pricing, blog = make_contact(db), make_contact(db)
    for contact, url in ((pricing, "/pricing"), (blog, "/blog/x")):
        contacts.record_touch(
            db,
            TouchCreate(type="page_view", contact_id=contact.id, properties={"url": url}),
            actor=SYSTEM,
        )
    assert _enrolled(db, workflow) == [pricing.id]


def test_a_fit_grade_given_enrols(db: Session) -> None:
    workflow = _workflow(db, {"type": "grade_changed", "grade": "A"})
    a, b = make_contact(db), make_contact(db)
    for contact, grade in ((a, "A"), (b, "B")):
        db.add(
            ContactGrade(
                contact_id=contact.id, grade=grade, fit=0.8, icp_match=1.0, persona_match=0.8
            )
        )
    db.flush()
    publish(db, ScoresUpdated(contact_ids=(a.id, b.id), qualified=(), at=clock.now()))
    assert _enrolled(db, workflow) == [a.id]


def test_a_step_starts_a_play_once(db: Session) -> None:
    play = plays.create_play(
        db,
        PlayWrite(name="Call them", steps=[PlayStep(owner="sales", title="Call", due_hours=8)]),
        actor=SYSTEM,
    )
    starter = make_workflow(db, [{"id": "p", "kind": "start_play", "play_id": play.id}])
    contact = make_contact(db)
    enrolment = enrol(db, starter, contact.id)
    run(db)
    assert outcomes(db, enrolment) == [("p", "done")]
    again = make_workflow(db, [{"id": "p", "kind": "start_play", "play_id": play.id}])
    second = enrol(db, again, contact.id)
    run(db)
    assert outcomes(db, second) == [("p", "skipped")]
    runs = db.scalars(select(PlayRun).where(PlayRun.contact_id == contact.id)).all()
    assert len(runs) == 1


def test_an_unknown_buying_stage_or_play_is_refused_with_the_field(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        make_workflow(
            db,
            [{"id": "p", "kind": "start_play", "play_id": 987654}],
            trigger={"type": "buying_stage_changed", "stage": "nowhere"},
        )
    assert {e.field for e in refused.value.errors} == {"trigger.stage", "steps.0.play_id"}
