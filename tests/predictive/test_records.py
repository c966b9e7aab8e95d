"""Training from Huddle's own records: one row per contact as of entering Lead, features
only from before that moment, label = reached the target within the horizon; activating a
version scores every contact in the background as a score model MQL criteria can use."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.errors import Conflict
from huddle.lifecycle.models import StageTransition
from huddle.predictive import service
from huddle.predictive.features import touch_column
from huddle.scoring import service as scoring_service
from huddle.scoring.models import ContactScore
from huddle.scoring.schemas import ScoreModelWrite
from tests.contacts.factories import make_account, make_contact
from tests.jobs import run_due_jobs
from tests.scoring.factories import set_mql

DAY = timedelta(days=1)


def _lead(session: Session, entered: datetime, **overrides: object) -> Contact:
    contact = make_contact(session, created_at=entered - DAY, **overrides)
    session.add(StageTransition(contact_id=contact.id, to_stage="lead", at=entered))
    return contact


def _touches(session: Session, contact: Contact, kind: str, *moments: datetime) -> None:
    session.add_all(
        Touch(type=kind, occurred_at=at, contact_id=contact.id, properties={}) for at in moments
    )


def _moved(session: Session, contact: Contact, stage: str, at: datetime) -> None:
    session.add(StageTransition(contact_id=contact.id, to_stage=stage, at=at))


def test_features_come_only_from_before_the_cut_off(db: Session, frozen_clock: object) -> None:
    now = clock.now()
    entered = now - 200 * DAY
    contact = _lead(db, entered, seniority="VP")
    _touches(db, contact, "page_view", entered - 3 * DAY, entered - 40 * DAY)
    # Later touches and stage changes are what happened next: never features.
    _touches(db, contact, "page_view", *(entered + k * DAY for k in range(1, 6)))
    _touches(db, contact, "email_clicked", entered + 2 * DAY)
    _moved(db, contact, "mql", entered + 5 * DAY)
    _moved(db, contact, "sql", entered + 30 * DAY)
    late = _lead(db, entered)
    _moved(db, late, "sql", entered + 120 * DAY)  # after the 90-day horizon
    before = _lead(db, entered)
    _moved(db, before, "sql", entered - 10 * DAY)  # nothing left to predict
    pending = _lead(db, now - 20 * DAY)  # horizon not over, not reached: no outcome yet
    db.flush()

    read = service.records_table(db, target="sql", horizon_days=90)
    table, rows = read.table, read.rows

    ids = [facts.contact_id for facts in rows]
    assert contact.id in ids and late.id in ids
    assert before.id not in ids and pending.id not in ids
    row = ids.index(contact.id)
    assert rows[row].cutoff == entered
    assert table.columns[touch_column("page_view", 7)][row] == 1
    assert table.columns[touch_column("page_view", 90)][row] == 2
    assert table.columns["email_engagement.90d"][row] == 0
    assert table.columns["days_since_last_touch"][row] == pytest.approx(3.0)
    assert table.columns["seniority"][row] == "VP"
    assert touch_column("email_clicked", 7) not in table.columns  # only ever after cut-offs
    assert not any(name.startswith("stage") for name in table.columns)
    assert table.label[row] == 1 and table.label[ids.index(late.id)] == 0


def _history(session: Session, count: int = 260) -> list[Contact]:
    """Leads of the last year: software companies and readers of many pages reach SQL more."""
    rng = random.Random(11)
    now = clock.now()
    software, retail = (
        make_account(session, industry="Software"),
        make_account(session, industry="Retail"),
    )
    contacts = []
    for i in range(count):
        entered = now - (100 + (count - i)) * DAY
        is_software = rng.random() < 0.5
        contact = _lead(
            session,
            entered,
            account=software if is_software else retail,
            first_touch_source=rng.choice(["web", "event", "N/A"]),
        )
        views = rng.randint(0, 6)
        _touches(session, contact, "page_view", *(entered - (k + 1) * DAY for k in range(views)))
        chance = 0.08 + 0.35 * is_software + 0.07 * views
        if rng.random() < chance:
            _moved(session, contact, "sql", entered + rng.randint(1, 80) * DAY)
        contacts.append(contact)
    session.flush()
    return contacts


def test_a_model_trained_on_the_record_is_stored_with_its_figures(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    again = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)

    assert version.source == "records" and version.target == "sql"
    assert version.horizon_days == 90 and version.rows == 208  # the other fifth is held out
    assert version.window_from is not None and version.window_until is not None
    assert version.window_from < version.window_until
    assert version.metrics["roc_auc"] > 0.65
    assert {"pr_auc", "brier", "lift", "calibration", "cv_roc_auc"} <= set(version.metrics)
    assert "industry" in version.columns["features"]
    # Same records, same seed: the same model.
    assert again.metrics == version.metrics and again.params == version.params


def test_activating_rescores_every_contact_as_a_score_model_criteria_can_use(
    db: Session, frozen_clock: object
) -> None:
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    service.activate(db, version.id, actor=SYSTEM)
    model_id = version.score_model_id
    assert model_id is not None
    set_mql(db, {"field": f"score.{model_id}", "op": "gte", "value": 50})

    assert run_due_jobs(db, service.RESCORE_JOB) == 1
    stored = dict(
        db.execute(
            select(ContactScore.contact_id, ContactScore.points).where(
                ContactScore.model_id == model_id
            )
        ).all()
    )
    assert set(stored) >= {c.id for c in contacts}
    assert all(0 <= points <= 100 for points in stored.values())
    # The predicted model is listed with the others; rule rescoring leaves its values alone.
    assert model_id in {m.id for m in scoring_service.list_models(db)}
    scoring_service.rescore_all(db, reason="test", actor=SYSTEM)
    assert (
        db.scalar(
            select(ContactScore.points).where(
                ContactScore.model_id == model_id, ContactScore.contact_id == contacts[0].id
            )
        )
        == stored[contacts[0].id]
    )
    # MQL criteria read it like any score: leads at 50% or more moved to MQL.
    qualified = {c.id for c in contacts if stored[c.id] >= 50}
    moved = set(
        db.scalars(select(StageTransition.contact_id).where(StageTransition.to_stage == "mql"))
    )
    assert qualified <= moved
    # Its rules cannot be edited: its values come from the trained model.
    with pytest.raises(Conflict, match="trained model"):
        scoring_service.save_model(
            db, ScoreModelWrite(name="Predicted", rules=[]), actor=SYSTEM, model_id=model_id
        )


def test_new_leads_like_past_converters_qualify_on_the_predicted_score(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    now = clock.now()
    software = make_account(db, industry="Software")
    keen = [_lead(db, now - DAY, account=software) for _ in range(3)]
    for contact in keen:
        _touches(db, contact, "page_view", *(now - k * DAY for k in range(1, 7)))
    idle = _lead(db, now - DAY, account=make_account(db, industry="Retail"))
    db.flush()
    service.activate(db, version.id, actor=SYSTEM)
    assert version.score_model_id is not None
    set_mql(db, {"field": f"score.{version.score_model_id}", "op": "gte", "value": 50})

    run_due_jobs(db, service.RESCORE_JOB)

    for contact in keen:
        db.refresh(contact)
        assert contact.lifecycle_stage == "mql"
    db.refresh(idle)
    assert idle.lifecycle_stage == "lead"


def test_explanations_of_a_contact_sum_to_the_logit(db: Session, frozen_clock: object) -> None:
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    assert service.explain_contact(db, contacts[0].id) is None  # nothing active yet
    service.activate(db, version.id, actor=SYSTEM)
    run_due_jobs(db, service.RESCORE_JOB)

    prediction = service.explain_contact(db, contacts[-1].id)
    assert prediction is not None and prediction.explanation is not None
    explanation = prediction.explanation
    total = explanation.intercept + sum(f.contribution for f in explanation.factors)
    assert total == pytest.approx(explanation.logit)
    stored = db.scalar(
        select(ContactScore.points).where(
            ContactScore.model_id == version.score_model_id,
            ContactScore.contact_id == contacts[-1].id,
        )
    )
    assert stored == pytest.approx(explanation.probability * 100, abs=0.01)


def test_a_model_whose_bytes_were_changed_is_not_loaded(db: Session, frozen_clock: object) -> None:
    _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    middle = len(version.model_bytes) // 2
    data = version.model_bytes
    version.model_bytes = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
    with pytest.raises(Conflict, match="not written by this instance"):
        service.activate(db, version.id, actor=SYSTEM)


def test_the_boosted_model_scores_contacts_without_factors(
    db: Session, frozen_clock: object
) -> None:
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, algorithm="boosted", seed=1)
    assert version.algorithm == "boosted" and "max_leaf_nodes" in version.params
    service.activate(db, version.id, actor=SYSTEM)
    run_due_jobs(db, service.RESCORE_JOB)
    prediction = service.explain_contact(db, contacts[0].id)
    assert prediction is not None and prediction.explanation is None
    assert 0 < prediction.probability < 1
