"""The demo company comes with its website, form and scoring set up, and scored."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.demo import catalog
from huddle.demo.load import load_demo
from huddle.demo.timeline import anchor_of
from huddle.lifecycle.models import StageTransition
from huddle.scoring import service as scoring
from huddle.tracking import service as tracking


def test_the_demo_is_configured_scored_and_qualified_by_its_own_criteria(db: Session) -> None:
    load_demo(db, contacts=150)

    assert [s.name for s in tracking.list_sites(db)] == ["Northwind Analytics website"]
    assert {m.name for m in scoring.list_models(db)} == {"Marketing engagement", "Sales readiness"}
    scored = db.scalar(select(func.count()).select_from(Contact).where(Contact.score != 0))
    assert scored, "the primary model's totals are on the contacts"
    # The MQL criteria went through scoring's service: versioned, saved by marketing ops.
    active = scoring.active_criteria(db, "mql")
    assert active is not None and (active.label, active.saved_by) == (
        "MQL criteria v2",
        next(u.name for u in catalog.USERS if u.email == catalog.MARKETING_OPS_EMAIL),
    )
    # Every MQL a rule made names a version that was saved, never one that does not exist.
    by_rules = set(
        db.scalars(
            select(StageTransition.by_rule).where(
                StageTransition.to_stage == "mql", StageTransition.by_rule.is_not(None)
            )
        )
    )
    assert by_rules and by_rules <= {"MQL criteria v1", "MQL criteria v2"}
    # The story ends where today starts: no move, the criteria's included, comes later.
    last_move = db.scalar(select(func.max(StageTransition.at)))
    assert last_move is not None and last_move <= anchor_of(clock.now())


def test_a_small_demo_loads_whatever_its_stories_overlap(db: Session) -> None:
    # With few contacts a subscriber's planned download can fall after the day the story
    # makes it a fresh MQL; the plan's later move back to Lead no longer applies.
    previous = clock.use_clock(clock.FrozenClock(datetime(2026, 12, 5, 11, 0, tzinfo=UTC)))
    try:
        summary = load_demo(db, seed=2026, contacts=50)
    finally:
        clock.use_clock(previous)

    assert summary.counts["contacts"] == 50
    backwards = db.scalar(
        select(func.count())
        .select_from(StageTransition)
        .where(StageTransition.from_stage == "mql", StageTransition.to_stage == "lead")
    )
    assert backwards == 0
