"""Settings → Scoring → Predictive models and the contact page's prediction card, as HTML."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.predictive import service
from tests.jobs import run_due_jobs
from tests.predictive.test_records import _history


def test_versions_are_shown_with_their_figures_and_activated_from_the_page(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    card = client.get(f"/contacts/{contacts[-1].id}/prediction").text
    assert "No predictive model is active" in card

    page = client.get("/settings/scoring/predictive").text
    assert f"Model v{version.id}" in page and "ROC AUC" in page
    assert 'data-testid="lift-chart"' in page and "Activate" in page

    response = client.post(
        f"/settings/scoring/predictive/{version.id}/activate", follow_redirects=False
    )
    assert response.status_code == 303
    db.refresh(version)
    assert version.is_active
    run_due_jobs(db, service.RESCORE_JOB)

    card = client.get(f"/contacts/{contacts[-1].id}/prediction").text
    assert "Predicted conversion" in card and "Pushing it up" in card
    assert "industry is" in card  # factors in words
    assert "Active" in client.get("/settings/scoring/predictive").text


def test_a_rep_cannot_see_or_activate_models(anon_client: TestClient, db: Session) -> None:
    from tests.conftest import make_user, sign_in

    rep = make_user(db, role="sales_rep")
    signed_in = sign_in(anon_client, rep)
    assert signed_in.get("/settings/scoring/predictive").status_code == 403
    assert signed_in.post("/settings/scoring/predictive/1/activate").status_code == 403


def test_the_api_lists_activates_and_explains(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    # (An error answer rolls the request's session back: asked before anything is made.)
    missing = client.get("/api/v1/contacts/1/prediction")
    assert missing.status_code == 404 and "no predictive model" in missing.text
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)

    listed = client.get("/api/v1/predictive/models").json()
    assert [v["id"] for v in listed] == [version.id]
    assert listed[0]["metrics"]["roc_auc"] == version.metrics["roc_auc"]
    assert "model_bytes" not in listed[0] and "digest" not in listed[0]
    assert "industry" in listed[0]["features"] and listed[0]["settings"][0]["name"] == "C"

    active = client.post(f"/api/v1/predictive/models/{version.id}/activate").json()
    assert active["is_active"] and active["score_model_id"] is not None
    prediction = client.get(f"/api/v1/contacts/{contacts[0].id}/prediction").json()
    total = prediction["intercept"] + sum(f["contribution"] for f in prediction["factors"])
    assert total == pytest.approx(prediction["logit"])
    assert 0 < prediction["probability"] < 1 and prediction["factors"][0]["words"]
