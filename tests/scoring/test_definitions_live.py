"""A touch is scored with the definitions as stored now, whoever saved them and however.

Scoring a touch keeps parsed models and compiled statements between transactions; these
tests change the stored rows behind its back (a plain UPDATE, as another process or a hand
edit would, without a new version number) and check the next touch uses what is stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from huddle.lifecycle.models import AllowedTransition
from huddle.scoring.models import QualificationCriteria, ScoreModel
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model, points, set_mql, touch


def _webinar(points: int) -> dict[str, Any]:
    return {
        "name": "Webinar",
        "kind": "behaviour",
        "points": points,
        "event": {"types": ["webinar_attended"]},
    }


def test_a_rule_changed_in_the_database_counts_from_the_next_touch(db: Session) -> None:
    model = make_model(db, [_webinar(5)], name="Engagement", is_primary=True)
    contact = make_contact(db)
    touch(db, contact, "webinar_attended")
    assert points(db, contact, model) == 5

    version = model.version
    db.execute(update(ScoreModel).values(rules=[_webinar(7)]).where(ScoreModel.id == model.id))
    db.expire_all()
    touch(db, contact, "webinar_attended")
    db.refresh(contact)
    assert points(db, contact, model) == 14  # both touches at the new 7 points
    assert contact.score == 14
    assert db.get(ScoreModel, model.id).version == version  # type: ignore[union-attr]


def test_a_model_that_stops_reacting_to_a_type_is_not_rescored_by_it(db: Session) -> None:
    model = make_model(db, [_webinar(5)], name="Engagement")
    contact = make_contact(db)
    touch(db, contact, "webinar_attended")
    other_type = {**_webinar(5), "event": {"types": ["demo_requested"]}}
    db.execute(update(ScoreModel).values(rules=[other_type]).where(ScoreModel.id == model.id))
    db.expire_all()
    touch(db, contact, "webinar_attended")
    assert points(db, contact, model) == 5  # not recomputed: no rule on webinars any more
    touch(db, contact, "demo_requested")
    assert points(db, contact, model) == 5  # recomputed: one demo, the webinars count no more


def test_criteria_changed_in_the_database_apply_to_the_next_touch(db: Session) -> None:
    model = make_model(db, [_webinar(5)], name="Engagement")
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 100})
    contact = make_contact(db)
    touch(db, contact, "webinar_attended")
    db.refresh(contact)
    assert contact.lifecycle_stage == "lead"

    lower = {"field": f"score.{model.id}", "op": "gte", "value": 10}
    db.execute(update(QualificationCriteria).values(condition=lower))
    touch(db, contact, "webinar_attended")
    db.refresh(contact)
    assert contact.lifecycle_stage == "mql"


def test_criteria_move_only_stages_lifecycle_allows_now(db: Session) -> None:
    model = make_model(db, [_webinar(5)], name="Engagement")
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 5})
    first, second = make_contact(db), make_contact(db)
    db.execute(delete(AllowedTransition).where(AllowedTransition.to_stage == "mql"))
    touch(db, first, "webinar_attended")
    db.refresh(first)
    assert first.lifecycle_stage == "lead"

    db.add(AllowedTransition(from_stage="lead", to_stage="mql"))
    db.flush()
    touch(db, second, "webinar_attended")
    db.refresh(second)
    assert second.lifecycle_stage == "mql"
