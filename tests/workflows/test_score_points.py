"""The "add or subtract score points" step: points in a score model with the workflow's
reason, kept by incremental and full rescoring, given once per step visit."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.scoring import service as scoring
from huddle.scoring.schemas import ModelBreakdown
from huddle.workflows.models import StepRun
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model, touch
from tests.workflows.factories import enrol, make_workflow, outcomes, run

PAGE_VIEW = {
    "name": "Any page",
    "kind": "behaviour",
    "points": 5,
    "event": {"types": ["page_view"]},
}


@pytest.fixture(autouse=True)
def still(frozen_clock: clock.FrozenClock) -> clock.FrozenClock:
    return frozen_clock


def _breakdown(db: Session, contact_id: int, model_id: int) -> ModelBreakdown:
    found = scoring.explain_scores(db, contact_id).models
    return next(m for m in found if m.model_id == model_id)


def test_points_go_to_the_primary_model_with_the_reason_and_survive_rescoring(
    db: Session,
) -> None:
    primary = make_model(db, [PAGE_VIEW], name="Engagement", is_primary=True)
    other = make_model(db, [PAGE_VIEW], name="Product interest")
    contact = make_contact(db)
    touch(db, contact)
    workflow = make_workflow(
        db,
        [
            {"id": "add", "kind": "adjust_score", "points": 10, "next": "take"},
            {
                "id": "take",
                "kind": "adjust_score",
                "model_id": other.id,
                "points": -3,
                "reason": "went cold",
            },
        ],
        name="Nurture",
    )
    enrolment = enrol(db, workflow, contact.id)
    run(db)

    assert outcomes(db, enrolment) == [("add", "done"), ("take", "done")]
    db.refresh(contact)
    assert contact.score == 15  # 5 for the page view, 10 from the workflow
    engagement = _breakdown(db, contact.id, primary.id)
    assert engagement.total == 15
    assert engagement.stored_total == 15
    assert [(a.points, a.reason) for a in engagement.adjustments] == [
        (10, "Workflow 'Nurture': +10")
    ]
    interest = _breakdown(db, contact.id, other.id)
    assert (interest.stored_total, interest.total) == (2, 2)
    assert [a.reason for a in interest.adjustments] == ["Workflow 'Nurture': -3 (went cold)"]
    detail = db.query(StepRun.detail).filter(StepRun.step_id == "add").scalar()
    assert detail == "+10 points in Engagement"

    # A full rescore (a definition changed) and a touch (incremental) keep the points.
    scoring.rescore_all(db, reason="test", actor=SYSTEM)
    assert _breakdown(db, contact.id, primary.id).stored_total == 15
    assert _breakdown(db, contact.id, other.id).stored_total == 2
    touch(db, contact)
    db.refresh(contact)
    assert contact.score == 20
    assert _breakdown(db, contact.id, other.id).stored_total == 7


def test_the_same_key_gives_the_points_once(db: Session) -> None:
    model = make_model(db, [PAGE_VIEW], is_primary=True)
    contact = make_contact(db)
    for _ in range(2):
        scoring.adjust_score(db, contact.id, 7, model=model, reason="test", key="step:1:1")
    db.refresh(contact)
    assert contact.score == 7
    assert len(_breakdown(db, contact.id, model.id).adjustments) == 1


def test_saving_refuses_zero_points_and_a_model_that_is_not_there(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        make_workflow(
            db,
            [
                {"id": "a", "kind": "adjust_score", "points": 0, "next": "b"},
                {"id": "b", "kind": "adjust_score", "model_id": 999, "points": 5},
            ],
        )
    problems = {(e.field, e.message) for e in refused.value.errors}
    assert ("steps.0.points", "give a number of points other than 0") in problems
    assert ("steps.0.model_id", "there is no primary score model: pick one") in problems
    assert ("steps.1.model_id", "no score model 999 made of rules") in problems


def test_the_editor_adds_points_with_a_form(client: TestClient, db: Session) -> None:
    model = make_model(db, [PAGE_VIEW], name="Engagement", is_primary=True)
    made = client.post("/workflows", data={"name": "Nurture"}, follow_redirects=False)
    editor = made.headers["location"]

    form = client.get(f"{editor}?after=start&arm=next&kind=adjust_score").text
    assert 'name="points"' in form and f'<option value="{model.id}">Engagement' in form
    zero = {"after": "start", "kind": "adjust_score", "model_id": "", "points": "0"}
    refused = client.post(f"{editor}/steps", data=zero)
    assert refused.status_code == 422 and "other than 0" in refused.text
    take = {"after": "start", "kind": "adjust_score", "model_id": str(model.id), "points": "-5"}
    assert client.post(f"{editor}/steps", data=take, follow_redirects=False).status_code == 303
    assert "Subtract 5 points from Engagement" in client.get(editor).text


def test_the_contacts_scores_card_shows_the_points_with_their_reason(
    client: TestClient, db: Session
) -> None:
    model = make_model(db, [PAGE_VIEW], name="Engagement", is_primary=True)
    contact = make_contact(db)
    reason = "Workflow 'Nurture': +10 (<b>webinar</b>)"
    scoring.adjust_score(db, contact.id, 10, model=model, reason=reason, key="k")
    card = client.get(f"/contacts/{contact.id}/score-breakdown").text
    assert 'data-testid="score-adjustments"' in card
    assert "Workflow &#39;Nurture&#39;: +10 (&lt;b&gt;webinar&lt;/b&gt;)" in card
    assert '<td class="num">+10</td>' in card


def test_a_merge_keeps_the_points_on_the_surviving_contact(db: Session) -> None:
    from huddle.contacts import service as contacts

    primary = make_model(db, [PAGE_VIEW], name="Engagement", is_primary=True)
    survivor = make_contact(db)
    merged = make_contact(db)
    workflow = make_workflow(
        db, [{"id": "add", "kind": "adjust_score", "points": 10}], name="Nurture"
    )
    enrol(db, workflow, merged.id)
    run(db)
    assert _breakdown(db, merged.id, primary.id).stored_total == 10

    contacts.merge_contacts(db, survivor.id, merged.id, actor=SYSTEM)

    kept = _breakdown(db, survivor.id, primary.id)
    assert kept.stored_total == 10
    assert [a.reason for a in kept.adjustments] == ["Workflow 'Nurture': +10"]
