from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import Conflict, ResourceAlreadyExists, ResourceNotFound, ValidationFailed
from huddle.core.events import DomainEvent
from huddle.lifecycle import service
from huddle.lifecycle.events import StageChanged
from huddle.lifecycle.models import StageTransition
from huddle.lifecycle.schemas import RejectionReasonCreate
from huddle.lifecycle.stages import DEFAULT_TRANSITIONS
from tests.contacts.factories import make_contact


def _transition_count(db: Session, contact_id: int) -> int:
    query = select(func.count()).where(StageTransition.contact_id == contact_id)
    return db.scalar(query) or 0


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {error.field for error in exc.value.errors}


# --- transition_stage --------------------------------------------------------------------


def test_an_allowed_move_records_who_when_and_why(
    db: Session, actor: Actor, frozen_clock: FrozenClock, published: list[DomainEvent]
) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    frozen_clock.advance(timedelta(hours=3))

    transition = service.transition_stage(
        db, contact.id, "sal", actor=actor, reason="called, wants a demo"
    )

    assert (transition.from_stage, transition.to_stage) == ("mql", "sal")
    assert transition.at == frozen_clock.now()
    assert transition.by_user_id == actor.user_id
    assert transition.by_rule is None
    assert transition.reason == "called, wants a demo"
    db.refresh(contact)
    assert contact.lifecycle_stage == "sal"
    assert contact.stage_entered_at == frozen_clock.now()
    changes = [e for e in published if isinstance(e, StageChanged)]
    assert [(e.contact_id, e.from_stage, e.to_stage) for e in changes] == [
        (contact.id, "mql", "sal")
    ]


def test_a_rule_is_recorded_by_name(db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    rule = Actor("rule", label="MQL criteria v3")

    transition = service.transition_stage(db, contact.id, "mql", actor=rule)

    assert transition.by_rule == "MQL criteria v3"
    assert transition.by_user_id is None


def test_a_move_not_in_the_table_is_refused_and_writes_nothing(
    db: Session, actor: Actor, published: list[DomainEvent]
) -> None:
    contact = make_contact(db, lifecycle_stage="lead")

    with pytest.raises(Conflict):
        service.transition_stage(db, contact.id, "customer", actor=actor)

    db.refresh(contact)
    assert contact.lifecycle_stage == "lead"
    assert _transition_count(db, contact.id) == 0
    assert published == []


def test_moving_to_the_current_stage_is_a_conflict(db: Session, actor: Actor) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    with pytest.raises(Conflict):
        service.transition_stage(db, contact.id, "mql", actor=actor)
    assert _transition_count(db, contact.id) == 0


def test_an_unknown_stage_is_a_validation_error_naming_to_stage(db: Session, actor: Actor) -> None:
    contact = make_contact(db)
    with pytest.raises(ValidationFailed) as exc:
        service.transition_stage(db, contact.id, "hot", actor=actor)
    assert _fields(exc) == {"to_stage"}


def test_an_unknown_contact_is_not_found(db: Session, actor: Actor) -> None:
    with pytest.raises(ResourceNotFound):
        service.transition_stage(db, 10**9, "mql", actor=actor)


def test_transitions_are_configuration(db: Session, actor: Actor) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    with pytest.raises(Conflict):
        service.transition_stage(db, contact.id, "customer", actor=actor)

    service.set_allowed_transitions(db, [*DEFAULT_TRANSITIONS, ("lead", "customer")], actor=actor)
    service.transition_stage(db, contact.id, "customer", actor=actor)

    db.refresh(contact)
    assert contact.lifecycle_stage == "customer"


def test_a_move_removed_from_the_table_is_refused(db: Session, actor: Actor) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    remaining = [pair for pair in DEFAULT_TRANSITIONS if pair != ("mql", "sal")]

    service.set_allowed_transitions(db, remaining, actor=actor)

    with pytest.raises(Conflict):
        service.transition_stage(db, contact.id, "sal", actor=actor)
    pairs = {(t.from_stage, t.to_stage) for t in service.list_allowed_transitions(db)}
    assert pairs == set(remaining)


def test_invalid_transition_tables_are_refused_whole(db: Session, actor: Actor) -> None:
    before = {(t.from_stage, t.to_stage) for t in service.list_allowed_transitions(db)}

    with pytest.raises(ValidationFailed) as exc:
        service.set_allowed_transitions(
            db, [("lead", "mql"), ("lead", "hot"), ("sal", "sal")], actor=actor
        )

    assert _fields(exc) == {"transitions.1.to_stage", "transitions.2.to_stage"}
    after = {(t.from_stage, t.to_stage) for t in service.list_allowed_transitions(db)}
    assert after == before


# --- reject_lead -------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["mql", "sal"])
def test_sales_rejects_a_lead_back_to_marketing_with_a_reason(
    db: Session, actor: Actor, stage: str
) -> None:
    contact = make_contact(db, lifecycle_stage=stage)

    transition = service.reject_lead(
        db, contact.id, reason_code="no_budget", note="Budget frozen until Q3", actor=actor
    )

    assert (transition.from_stage, transition.to_stage) == (stage, "recycled")
    assert transition.rejection_reason == "no_budget"
    assert transition.reason == "Budget frozen until Q3"
    assert transition.by_user_id == actor.user_id
    db.refresh(contact)
    assert contact.lifecycle_stage == "recycled"


@pytest.mark.parametrize("stage", ["lead", "sql", "customer", "recycled"])
def test_only_mql_and_sal_can_be_rejected(db: Session, actor: Actor, stage: str) -> None:
    contact = make_contact(db, lifecycle_stage=stage)
    with pytest.raises(Conflict):
        service.reject_lead(db, contact.id, reason_code="no_budget", note=None, actor=actor)
    assert _transition_count(db, contact.id) == 0


def test_a_rejection_needs_an_active_reason(db: Session, actor: Actor) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    service.deactivate_rejection_reason(db, "competitor", actor=actor)

    for code in ("competitor", "made_up"):
        with pytest.raises(ValidationFailed) as exc:
            service.reject_lead(db, contact.id, reason_code=code, note=None, actor=actor)
        assert _fields(exc) == {"reason_code"}
    assert _transition_count(db, contact.id) == 0


def test_rejecting_for_another_reason_needs_a_note(db: Session, actor: Actor) -> None:
    contact = make_contact(db, lifecycle_stage="sal")
    with pytest.raises(ValidationFailed) as exc:
        service.reject_lead(db, contact.id, reason_code="other", note="  ", actor=actor)
    assert _fields(exc) == {"note"}


def test_rejection_reasons_can_be_added_deactivated_and_brought_back(
    db: Session, actor: Actor
) -> None:
    data = RejectionReasonCreate(code="wrong_region", label="Outside our sales regions")

    added = service.add_rejection_reason(db, data, actor=actor)
    with pytest.raises(ResourceAlreadyExists):
        service.add_rejection_reason(db, data, actor=actor)
    service.deactivate_rejection_reason(db, "wrong_region", actor=actor)
    active = [r.code for r in service.list_rejection_reasons(db)]
    every = [r.code for r in service.list_rejection_reasons(db, active_only=False)]
    service.add_rejection_reason(db, data, actor=actor)

    assert (added.code, added.active) == ("wrong_region", True)
    assert "wrong_region" not in active
    assert every[-1] == "wrong_region"  # new reasons go to the end of the list
    assert "wrong_region" in [r.code for r in service.list_rejection_reasons(db)]
    with pytest.raises(ResourceNotFound):
        service.deactivate_rejection_reason(db, "nope", actor=actor)


# --- history and entries -----------------------------------------------------------------


def test_stage_history_is_oldest_first(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    for stage in ("mql", "sal", "sql"):
        frozen_clock.advance(timedelta(days=1))
        service.transition_stage(db, contact.id, stage, actor=actor)

    history = service.stage_history(db, contact.id)

    assert [t.to_stage for t in history] == ["mql", "sal", "sql"]
    assert [t.at for t in history] == sorted(t.at for t in history)
    with pytest.raises(ResourceNotFound):
        service.stage_history(db, 10**9)


def test_stage_entries_give_each_contacts_first_entry_in_the_window(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    start = frozen_clock.now()
    day = timedelta(days=1)
    early, late = make_contact(db, lifecycle_stage="lead"), make_contact(db, lifecycle_stage="lead")
    service.transition_stage(db, early.id, "mql", actor=actor)  # day 0
    frozen_clock.advance(day)
    service.transition_stage(db, late.id, "mql", actor=actor)  # day 1
    service.reject_lead(db, early.id, reason_code="no_need", note=None, actor=actor)
    frozen_clock.advance(day)
    service.transition_stage(db, early.id, "mql", actor=actor)  # day 2, again
    frozen_clock.advance(day)
    service.reject_lead(db, early.id, reason_code="no_need", note=None, actor=actor)
    service.transition_stage(db, early.id, "mql", actor=actor)  # day 3, once more

    every = service.stage_entries(db, stage="mql")
    first_day = service.stage_entries(db, stage="mql", since=start, until=start + day)
    later = service.stage_entries(db, stage="mql", since=start + day, until=start + 4 * day)

    assert every == [(early.id, start), (late.id, start + day)]
    assert first_day == [(early.id, start)]
    assert later == [(late.id, start + day), (early.id, start + 2 * day)]
    assert service.stage_entries(db, stage="customer") == []


def test_stage_entry_counts_match_the_entries_for_every_stage(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    start = frozen_clock.now()
    day = timedelta(days=1)
    first, second = (
        make_contact(db, lifecycle_stage="lead"),
        make_contact(db, lifecycle_stage="lead"),
    )
    service.transition_stage(db, first.id, "mql", actor=actor)
    service.reject_lead(db, first.id, reason_code="no_need", note=None, actor=actor)
    frozen_clock.advance(day)
    service.transition_stage(db, first.id, "mql", actor=actor)  # re-enters: counts once
    service.transition_stage(db, second.id, "mql", actor=actor)
    service.transition_stage(db, second.id, "sal", actor=actor)

    counts = service.count_stage_entries(db, since=start)
    since_day_one = service.count_stage_entries(db, since=start + day)

    assert (counts["mql"], counts["recycled"], counts["sal"], counts["sql"]) == (2, 1, 1, 0)
    assert (since_day_one["mql"], since_day_one["recycled"], since_day_one["sal"]) == (2, 0, 1)
    for stage, count in counts.items():
        assert count == len(service.stage_entries(db, stage=stage, since=start)), stage


def test_stage_entries_refuse_unknown_stages_and_naive_or_empty_windows(
    db: Session, frozen_clock: FrozenClock
) -> None:
    now = frozen_clock.now()
    for kwargs, field in (
        ({"stage": "hot"}, "stage"),
        ({"stage": "mql", "since": now.replace(tzinfo=None)}, "since"),
        ({"stage": "mql", "since": now, "until": now - timedelta(days=1)}, "until"),
    ):
        with pytest.raises(ValidationFailed) as exc:
            service.stage_entries(db, **kwargs)  # type: ignore[arg-type]
        assert _fields(exc) == {field}
