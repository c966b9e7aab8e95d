"""One MQL definition: the criteria a contact is moved by are the ones the scoring page,
the API, the back-test and the hand-off packet name, with their version and author."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.lifecycle import service as lifecycle
from huddle.routing import service as routing
from tests.contacts.factories import make_contact
from tests.jobs import route_qualified_leads
from tests.routing.factories import make_pool, make_rep, make_rule

DEMO_REQUEST = {"touched": {"types": ["demo_requested"]}}


def _qualify_by_demo_request(client: TestClient, db: Session) -> int:
    """A contact asks for a demo through the API and becomes an MQL by the criteria."""
    contact = make_contact(db)
    db.commit()
    touched = client.post(f"/api/v1/contacts/{contact.id}/touches", json={"type": "demo_requested"})
    assert touched.status_code == 201, touched.text
    return contact.id


def test_the_applied_criteria_are_the_ones_everyone_names(
    client: TestClient, db: Session, admin: User
) -> None:
    rep = make_rep(db, "Rita Rep")
    pool = make_pool(db, "Sales", [(rep, 1)])
    make_rule(db, kind="round_robin", pool_id=pool.id)
    db.commit()
    saved = client.put("/api/v1/scoring/criteria/mql", json={"condition": DEMO_REQUEST})
    assert saved.status_code == 200, saved.text
    assert saved.json()["label"] == "MQL criteria v1"

    contact_id = _qualify_by_demo_request(client, db)

    # Applied: the stage history names the criteria by their label.
    moves = [m for m in lifecycle.stage_history(db, contact_id) if m.to_stage == "mql"]
    assert [m.by_rule for m in moves] == ["MQL criteria v1"]
    # The API names them, with who saved them.
    api = client.get("/api/v1/scoring/criteria/mql").json()
    assert (api["label"], api["version"], api["saved_by"]) == ("MQL criteria v1", 1, admin.name)
    assert api["description"] == "touched demo_requested"
    # The scoring page shows the same words, version and author.
    page = client.get("/settings/scoring").text
    assert "MQL criteria v1" in page and "touched demo_requested" in page
    assert f"saved by {admin.name}" in page
    assert "contacts become MQLs only by hand" not in page
    # The back-test's current figures are those criteria's and find the contact.
    backtest = client.post("/api/v1/scoring/backtest", json={"months": 1}).json()
    assert backtest["current_criteria"] == "MQL criteria v1"
    assert backtest["current"]["mqls"] == 1
    # The hand-off packet says which criteria made the lead an MQL, in the same words.
    route_qualified_leads(db)
    handoff = routing.latest_handoff(db, contact_id)
    assert handoff is not None
    qualified = handoff.packet["qualified_by"]
    assert (qualified["by"], qualified["criteria"]) == ("MQL criteria v1", api["description"])
    assert qualified["saved_by"] == admin.name
    packet_page = client.get(f"/queue/{handoff.id}").text
    assert "MQL criteria v1" in packet_page and "touched demo_requested" in packet_page


def test_a_new_version_is_named_from_then_on(client: TestClient, db: Session) -> None:
    client.put("/api/v1/scoring/criteria/mql", json={"condition": DEMO_REQUEST})
    tighter = {"all": [DEMO_REQUEST, {"field": "contact.country", "op": "eq", "value": "DE"}]}
    saved = client.put("/api/v1/scoring/criteria/mql", json={"condition": tighter}).json()
    assert (saved["label"], saved["version"]) == ("MQL criteria v2", 2)
    contact = make_contact(db, country="DE")
    db.commit()
    client.post(f"/api/v1/contacts/{contact.id}/touches", json={"type": "demo_requested"})

    moves = [m for m in lifecycle.stage_history(db, contact.id) if m.to_stage == "mql"]
    assert [m.by_rule for m in moves] == ["MQL criteria v2"]
    assert client.get("/api/v1/scoring/criteria/mql").json()["label"] == "MQL criteria v2"


def test_without_criteria_nothing_claims_a_definition(client: TestClient) -> None:
    assert client.get("/api/v1/scoring/criteria/mql").status_code == 404
    page = client.get("/settings/scoring").text
    assert "contacts become MQLs only by hand" in page
    # The form is empty: no example condition a click on Save would store.
    assert '"grade"' not in page
    backtest = client.post("/api/v1/scoring/backtest", json={"months": 1}).json()
    assert backtest["current_criteria"] is None
