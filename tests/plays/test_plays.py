"""Buying stages inferred from indicator touches, and plays run from a stage, by hand and
through their tasks: marketing steps run by themselves, a person's step waits in their
queue until done."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TouchCreate
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import Conflict, NotPermitted, ValidationFailed
from huddle.lifecycle import service as lifecycle
from huddle.mailing.models import EmailSend
from huddle.plays import service
from huddle.plays.models import Play, PlayRun, PlayRunStep
from huddle.plays.schemas import Indicator, PlayStep, PlayWrite
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.jobs import run_due_jobs
from tests.mailing.factories import make_template

ADMIN = Actor.user(0, role="admin", team="revops")


def _visit(db: Session, contact_id: int, touch_type: str, **properties: str) -> None:
    contacts.record_touch(
        db, TouchCreate(type=touch_type, contact_id=contact_id, properties=properties), actor=SYSTEM
    )


def _advance(db: Session) -> int:
    return run_due_jobs(db, service.ADVANCE_JOB, due_only=False)


def test_an_indicator_touch_moves_the_contact_forward_with_its_evidence(db: Session) -> None:
    contact = make_contact(db)
    _visit(db, contact.id, "page_view", url="https://example.com/blog/leaks")
    assert contacts.get_contact(db, contact.id).buying_stage == "problem_aware"
    _visit(db, contact.id, "page_view", url="https://example.com/pricing")
    assert contacts.get_contact(db, contact.id).buying_stage == "evaluating"
    # Reading the blog again is what an evaluating buyer also does: no step back.
    _visit(db, contact.id, "page_view", url="https://example.com/blog/more")
    history = service.stage_history(db, contact.id)
    assert [(h.from_stage, h.to_stage) for h in history] == [
        ("problem_aware", "evaluating"),
        (None, "problem_aware"),
    ]
    assert "/pricing" in history[0].evidence


def test_a_touch_no_indicator_names_leaves_the_stage_alone(db: Session) -> None:
    contact = make_contact(db)
    _visit(db, contact.id, "page_view", url="https://example.com/careers")
    assert contacts.get_contact(db, contact.id).buying_stage is None
    assert service.stage_history(db, contact.id) == []


def test_a_new_customer_reaches_the_last_stage_and_the_lifecycle_stays_its_own(
    db: Session,
) -> None:
    contact = make_contact(db, lifecycle_stage="opportunity")
    lifecycle.transition_stage(db, contact.id, "customer", actor=SYSTEM)
    found = contacts.get_contact(db, contact.id)
    assert (found.buying_stage, found.lifecycle_stage) == ("customer", "customer")


def test_a_configured_indicator_counts_and_a_bad_one_is_refused(db: Session) -> None:
    service.add_indicator(
        db,
        "deciding",
        Indicator(touch_type="page_view", property="url", contains="/security"),
        actor=ADMIN,
    )
    contact = make_contact(db)
    _visit(db, contact.id, "page_view", url="https://example.com/security")
    assert contacts.get_contact(db, contact.id).buying_stage == "deciding"
    with pytest.raises(ValidationFailed) as refused:
        service.add_indicator(db, "nowhere", Indicator(touch_type="page_view"), actor=ADMIN)
    assert refused.value.errors[0].field == "stage"


def _evaluation_play(db: Session) -> Play:
    return service.adopt(db, "evaluation", actor=ADMIN)


def test_entering_a_stage_starts_its_play_marketing_mails_and_sales_gets_a_task(
    db: Session,
) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    play = _evaluation_play(db)
    contact = make_contact(db, owner_id=rep.id, email_opt_in="opted_in")
    _visit(db, contact.id, "page_view", url="https://example.com/pricing")
    assert _advance(db) == 1
    sends = db.scalars(select(EmailSend).where(EmailSend.contact_id == contact.id)).all()
    assert [s.idempotency_key for s in sends] == [f"play-step:{_run(db, play).id}:0"]
    rep_actor = Actor.user(rep.id, role="sales_rep", team="sales")
    tasks = service.open_tasks(db, rep_actor)
    assert [t.step.title for t in tasks] == ["Sales calls within a day of the ROI calculator"]
    assert tasks[0].step.due_at is not None

    service.complete_task(db, tasks[0].step.id, actor=rep_actor)
    _advance(db)
    progress = service.contact_progress(db, contact.id)[0]
    assert [progress.reached[n].status for n in sorted(progress.reached)] == [
        "done",
        "done",
        "done",
        "open",
    ]
    assert [t.step.title for t in service.open_tasks(db, rep_actor)] == ["Sales books the demo"]


def _run(db: Session, play: Play) -> PlayRun:
    return db.scalars(select(PlayRun).where(PlayRun.play_id == play.id)).one()


def test_advancing_twice_sends_once_and_opens_one_task(db: Session) -> None:
    play = _evaluation_play(db)
    contact = make_contact(db, email_opt_in="opted_in")
    run = service.start_by_hand(db, contact.id, play.id, actor=ADMIN)
    service.advance(db, run.id)
    service.advance(db, run.id)
    assert _advance(db) == 1
    assert len(db.scalars(select(EmailSend).where(EmailSend.contact_id == contact.id)).all()) == 1
    steps = db.scalars(select(PlayRunStep).where(PlayRunStep.run_id == run.id)).all()
    assert [(s.position, s.status) for s in steps] == [(0, "done"), (1, "open")]


def test_a_play_runs_once_at_a_time_and_a_rep_starts_it_only_on_their_own(db: Session) -> None:
    play = _evaluation_play(db)
    other = make_user(db, role="sales_rep", team="sales")
    rep = Actor.user(make_user(db, role="sales_rep", team="sales").id, role="sales_rep")
    contact = make_contact(db, owner_id=other.id)
    with pytest.raises(NotPermitted):
        service.start_by_hand(db, contact.id, play.id, actor=rep)
    service.start_by_hand(db, contact.id, play.id, actor=ADMIN)
    with pytest.raises(Conflict):
        service.start_by_hand(db, contact.id, play.id, actor=ADMIN)


def test_an_unowned_contacts_task_waits_in_the_teams_queue_and_is_done_once(db: Session) -> None:
    template = make_template(db)
    play = service.create_play(
        db,
        PlayWrite(
            name="Call first",
            steps=[
                PlayStep(owner="sales", title="Call them", due_hours=4),
                PlayStep(owner="marketing", title="Send the guide", template_id=template.id),
            ],
        ),
        actor=ADMIN,
    )
    contact = make_contact(db, email_opt_in="opted_in")
    service.start_by_hand(db, contact.id, play.id, actor=ADMIN)
    _advance(db)
    rep = Actor.user(
        make_user(db, role="sales_rep", team="sales").id, role="sales_rep", team="sales"
    )
    marketer = Actor.user(0, role="marketing", team="marketing")
    assert service.open_tasks(db, marketer) == []
    [task] = service.open_tasks(db, rep)
    service.complete_task(db, task.step.id, actor=rep)
    with pytest.raises(Conflict):
        service.complete_task(db, task.step.id, actor=rep)
    _advance(db)
    run = db.get(PlayRun, task.step.run_id)
    assert run is not None and run.status == "completed"


def test_a_play_with_a_task_without_due_time_or_a_missing_template_is_refused(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        service.create_play(
            db,
            PlayWrite(
                name="Broken",
                buying_stage="nowhere",
                steps=[
                    PlayStep(owner="sales", title="Call"),
                    PlayStep(owner="marketing", title="Mail", template_id=987654),
                ],
            ),
            actor=ADMIN,
        )
    assert {e.field for e in refused.value.errors} == {
        "buying_stage",
        "steps.0.due_hours",
        "steps.1.template_id",
    }
    assert db.scalars(select(Play).where(Play.name == "Broken")).first() is None


def test_adopting_twice_is_refused_and_only_marketing_manages_plays(db: Session) -> None:
    _evaluation_play(db)
    with pytest.raises(Exception, match="adopted already"):
        _evaluation_play(db)
    with pytest.raises(NotPermitted):
        service.adopt(db, "decision", actor=Actor.user(0, role="sales_rep"))


def test_the_packet_and_the_contact_list_carry_the_inferred_stage(db: Session) -> None:
    from huddle.contacts.schemas import ContactFilters
    from huddle.routing.service.packet import build_packet

    evaluating, quiet = make_contact(db), make_contact(db)
    _visit(db, evaluating.id, "page_view", url="https://example.com/compare/us-vs-them")
    packet = build_packet(db, contacts.get_contact(db, evaluating.id))
    assert packet["buying_stage"] == "Evaluating vendors"
    listed = contacts.list_contacts(
        db, ContactFilters(buying_stage=["evaluating"], id=[evaluating.id, quiet.id])
    )
    assert [c.id for c in listed.items] == [evaluating.id]
