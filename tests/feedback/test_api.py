"""The feedback API, its CSV exports and pages: the pages' figures are the API's, forms
follow POST → 303, and roles that may not are refused."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.scoring.models import ScoreModel
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account
from tests.feedback.factories import make_feature
from tests.lifecycle.factories import make_opportunity

LOOP = {"months": 3, "stage": "sql", "capacity": 1, "min_count": 1}


def test_the_feedback_loop_in_the_api_the_csv_and_the_page(
    client: TestClient, db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    db.commit()
    report = client.get("/api/v1/feedback-loop", params=LOOP).json()
    assert (report["total"], report["converted"]) == (6, 2)
    assert report["best"]["threshold"] == 80 and report["best"]["mqls"] == 2
    vp = next(t for t in report["traits"] if (t["trait"], t["value"]) == ("seniority", "VP"))
    assert vp["lift"] == 2.0
    exported = client.get("/api/v1/feedback-loop.csv", params=LOOP)
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(lines) == len(report["traits"])
    assert {(r["trait"], r["value"], r["with"]) for r in lines} >= {("Seniority", "VP", "3")}
    page = client.get("/analytics/feedback-loop", params={"months": 3, "capacity": 1})
    assert page.status_code == 200
    assert 'data-testid="threshold-chart"' in page.text
    assert "at least <strong>80.0</strong>" in page.text
    bad = client.get("/api/v1/feedback-loop", params={"stage": "lost"})
    assert bad.status_code == 422


def test_proposals_from_the_page_and_the_api(
    client: TestClient, db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    db.commit()
    form = {"months": "3", "stage": "sql", "capacity": "1", "objective": "converted"}
    made = client.post(
        "/analytics/feedback-loop/scoring-proposals", data=form, follow_redirects=False
    )
    assert made.status_code == 303
    proposals = client.get("/api/v1/feedback-loop/scoring-proposals").json()
    assert [(p["threshold"], p["status"]) for p in proposals] == [(80, "draft")]
    applied = client.post(f"/api/v1/feedback-loop/scoring-proposals/{proposals[0]['id']}/apply")
    assert applied.status_code == 200 and applied.json()["status"] == "applied"
    sla = client.post("/api/v1/feedback-loop/sla-proposals", json={"months": 3, "capacity": 1})
    assert sla.status_code == 201
    drafted = client.get(f"/api/v1/sla/versions/{sla.json()['version_id']}")
    assert drafted.status_code == 200 and drafted.json()["status"] == "draft"


def test_logging_feedback_and_the_report_in_the_api(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db, amount=1234)
    db.commit()
    feature = client.post("/api/v1/product-features", json={"name": "Audit log"})
    assert feature.status_code == 201
    item = client.post(
        "/api/v1/feedback-items",
        json={
            "kind": "feature_gap",
            "feature_id": feature.json()["id"],
            "opportunity_id": deal.id,
            "quote": "Security needs an audit log",
        },
    )
    assert item.status_code == 201 and item.json()["account_id"] == deal.account_id
    listed = client.get("/api/v1/feedback-items", params={"opportunity_id": deal.id}).json()
    assert [i["id"] for i in listed] == [item.json()["id"]]
    report = client.get("/api/v1/product-feedback").json()
    assert [(r["name"], r["open_pipeline"], r["open_deals"]) for r in report["features"]] == [
        ("Audit log", 1234, 1)
    ]
    assert report["features"][0]["quotes"][0]["quote"] == "Security needs an audit log"
    exported = client.get("/api/v1/product-feedback.csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["feature"], r["open_pipeline"], r["quote"]) for r in rows] == [
        ("Audit log", "1234.0", "Security needs an audit log")
    ]
    renamed = client.put(
        f"/api/v1/product-features/{feature.json()['id']}", json={"name": "Audit trail"}
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Audit trail"
    assert client.get("/api/v1/product-feedback/themes").json() == []


def test_roles_that_may_not_are_refused(anon_client: TestClient, db: Session) -> None:
    account = make_account(db)
    product = make_user(db, role="product", team="product")
    db.commit()
    sign_in(anon_client, product)
    logged = anon_client.post(
        "/api/v1/feedback-items",
        json={"kind": "objection", "account_id": account.id, "quote": "Too slow"},
    )
    assert logged.status_code == 403
    assert anon_client.post("/api/v1/product-features", json={"name": "Speed"}).status_code == 201
    proposed = anon_client.post("/api/v1/feedback-loop/sla-proposals", json={"months": 3})
    assert proposed.status_code == 403


def test_a_rep_logs_on_a_deal_page_and_product_sees_it_in_the_report(
    anon_client: TestClient, db: Session
) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    feature = make_feature(db, name="Offline mode")
    deal = make_opportunity(db, amount=5000, owner_id=rep.id)
    db.commit()
    sign_in(anon_client, rep)
    form = anon_client.get(f"/opportunities/{deal.id}/feedback")
    assert form.status_code == 200 and "Offline mode" in form.text
    logged = anon_client.post(
        f"/opportunities/{deal.id}/feedback",
        data={
            "kind": "feature_gap",
            "feature_id": str(feature.id),
            "quote": "Field teams work offline",
        },
        follow_redirects=False,
    )
    assert logged.status_code == 303
    refused = anon_client.post(
        f"/opportunities/{deal.id}/feedback",
        data={"kind": "objection", "feature_id": "", "quote": ""},
    )
    assert refused.status_code == 422
    report = anon_client.get("/analytics/product-feedback")
    assert report.status_code == 200
    assert (
        "Field teams work offline" in report.text and 'data-testid="feedback-chart"' in report.text
    )
    account_page = anon_client.get(f"/accounts/{deal.account_id}/feedback")
    assert account_page.status_code == 200 and "Field teams work offline" in account_page.text


def test_the_features_page_for_product_managers(anon_client: TestClient, db: Session) -> None:
    product = make_user(db, role="product", team="product")
    db.commit()
    sign_in(anon_client, product)
    added = anon_client.post(
        "/settings/product-features",
        data={"name": "Mobile app", "description": "iOS and Android"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    page = anon_client.get("/settings/product-features")
    assert page.status_code == 200 and 'value="Mobile app"' in page.text
    assert 'href="/settings/product-features"' in page.text  # in the nav for product
    twice = anon_client.post("/settings/product-features", data={"name": "mobile app"})
    assert twice.status_code == 409
