"""Retiring a persona or a score model: from the settings page or the API, the contacts it
graded or scored follow at once, and the rescore that is queued finishes the job."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import Conflict, NotPermitted, ResourceNotFound
from huddle.core.jobs import Job
from huddle.scoring import service
from huddle.scoring.models import ContactGrade, ContactScore, GradingProfile, ScoreModel
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_model, make_profile
from tests.scoring.test_qualification import ICP, MARKETING_LEADER, OPS, PAGE
from tests.web.forms import submitted


def _graded(db: Session) -> tuple[GradingProfile, GradingProfile, int]:
    icp = make_profile(db, "icp", "ICP", ICP)
    leader = make_profile(db, "persona", "Marketing leader", MARKETING_LEADER)
    make_profile(db, "persona", "Marketing ops", OPS)
    account = make_account(db, industry="Software", employee_count=100)
    person = make_contact(
        db, account=account, department="Marketing", seniority="VP", job_title="Marketing Ops lead"
    )
    service.rescore_all(db, reason="test", actor=SYSTEM)
    assert service.explain_scores(db, person.id).grade.persona == "Marketing leader"  # type: ignore[union-attr]
    return icp, leader, person.id


def _rescores_queued(db: Session) -> int:
    return db.query(Job).filter(Job.kind == "scoring.rescore").count()


def test_a_retired_persona_leaves_its_contacts_to_the_others(db: Session) -> None:
    _, leader, person = _graded(db)
    queued = _rescores_queued(db)

    service.delete_persona(db, leader.id, actor=SYSTEM)

    assert db.get(GradingProfile, leader.id) is None
    grade = db.scalars(select(ContactGrade).where(ContactGrade.contact_id == person)).one()
    assert grade.persona_id is None  # at once: no grade names a profile that is gone
    assert _rescores_queued(db) == queued + 1
    service.rescore_all(db, reason="test", actor=SYSTEM)
    db.expire_all()  # the rescore writes around the ORM
    assert service.explain_scores(db, person).grade.persona == "Marketing ops"  # type: ignore[union-attr]


def test_the_icp_is_edited_not_deleted_and_only_by_scoring_editors(db: Session) -> None:
    icp, leader, _ = _graded(db)
    with pytest.raises(Conflict, match="ICP"):
        service.delete_persona(db, icp.id, actor=SYSTEM)
    with pytest.raises(NotPermitted):
        service.delete_persona(db, leader.id, actor=Actor.user(1, role="sales_rep"))
    with pytest.raises(ResourceNotFound):
        service.delete_persona(db, 987654, actor=SYSTEM)
    assert db.get(GradingProfile, leader.id) is not None


def test_the_api_retires_a_persona(client: TestClient, db: Session) -> None:
    icp, leader, _ = _graded(db)
    db.commit()
    assert client.delete(f"/api/v1/scoring/profiles/{leader.id}").status_code == 204
    refused = client.delete(f"/api/v1/scoring/profiles/{icp.id}")
    assert refused.status_code == 409 and "ICP" in refused.json()["detail"]


def test_the_settings_page_deletes_a_persona_and_a_model(client: TestClient, db: Session) -> None:
    _, leader, person = _graded(db)
    model = make_model(db, [PAGE], name="Web engagement")
    db.commit()
    html = client.get("/settings/scoring").text
    assert f'action="/settings/scoring/profiles/{leader.id}/delete"' in html
    assert html.count("Delete persona") == 2  # the two personas; the ICP has none
    assert f'action="/settings/scoring/models/{model.id}/delete"' in html

    submitted(client, f"/settings/scoring/profiles/{leader.id}/delete", {})
    submitted(client, f"/settings/scoring/models/{model.id}/delete", {})

    db.expire_all()
    assert db.get(GradingProfile, leader.id) is None
    assert db.get(ScoreModel, model.id) is None
    assert db.scalars(select(ContactScore).where(ContactScore.contact_id == person)).all() == []
    page = client.get("/settings/scoring").text
    assert "<strong>Marketing leader</strong>" not in page
    assert 'id="model-' + str(model.id) + '"' not in page
