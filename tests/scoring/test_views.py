"""Settings > Scoring and the contact page's score card, as HTML."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.contacts.factories import make_contact

DEMO = {
    "name": "Demo request",
    "kind": "behaviour",
    "points": 40,
    "event": {"types": ["demo_requested"]},
}


def test_saving_a_model_in_the_form_and_seeing_its_rules(client: TestClient) -> None:
    response = client.post(
        "/settings/scoring/models",
        data={
            "name": "Engagement",
            "rules": json.dumps([DEMO]),
            "half_life_days": "30",
            "action": "save",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get("/settings/scoring").text
    assert "Engagement" in page and "Demo request" in page and "half-life 30 days" in page


def test_a_bad_regex_in_the_form_is_named_next_to_it(client: TestClient) -> None:
    rule = {
        "name": "Pricing",
        "kind": "behaviour",
        "points": 5,
        "event": {
            "types": ["page_view"],
            "where": {"field": "properties.url", "op": "matches", "value": "(pricing"},
        },
    }
    response = client.post(
        "/settings/scoring/models", data={"name": "Engagement", "rules": json.dumps([rule])}
    )
    assert response.status_code == 422
    assert "regular expression" in response.text
    assert "(pricing" in response.text  # the draft is kept


def test_not_json_is_named(client: TestClient) -> None:
    response = client.post("/settings/scoring/models", data={"name": "Engagement", "rules": "[{"})
    assert response.status_code == 422
    assert "not valid JSON" in response.text


def test_back_test_panel_shows_both_figures(client: TestClient) -> None:
    response = client.post(
        "/settings/scoring/criteria/mql",
        data={
            "condition": json.dumps({"touched": {"types": ["demo_requested"]}}),
            "action": "backtest",
        },
    )
    assert response.status_code == 200
    assert "Your change" in response.text and "with your change" in response.text
    assert 'data-testid="backtest-chart"' in response.text
    assert "New MQLs with your change" in response.text


def test_contact_score_card(client: TestClient, db: Session) -> None:
    client.post(
        "/settings/scoring/models", data={"name": "Engagement", "rules": json.dumps([DEMO])}
    )
    contact = make_contact(db)
    db.commit()
    client.post(f"/api/v1/contacts/{contact.id}/touches", json={"type": "demo_requested"})
    assert f"/contacts/{contact.id}/score-breakdown" in client.get(f"/contacts/{contact.id}").text
    card = client.get(f"/contacts/{contact.id}/score-breakdown").text
    assert "Engagement" in card and "Demo request" in card and "40.0" in card


def test_score_card_without_models_offers_to_set_one_up(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    card = client.get(f"/contacts/{contact.id}/score-breakdown")
    assert card.status_code == 200
    assert "No score models yet" in card.text and 'href="/settings/scoring"' in card.text


def test_account_engagement_card(client: TestClient, db: Session) -> None:
    from tests.contacts.factories import make_account

    client.post(
        "/settings/scoring/models", data={"name": "Engagement", "rules": json.dumps([DEMO])}
    )
    account = make_account(db)
    contact = make_contact(db, account=account, first_name="Ada", last_name="Eager")
    db.commit()
    client.post(f"/api/v1/contacts/{contact.id}/touches", json={"type": "demo_requested"})
    assert f"/accounts/{account.id}/buying-group" in client.get(f"/accounts/{account.id}").text
    card = client.get(f"/accounts/{account.id}/buying-group").text
    assert "Engagement" in card and "Ada Eager" in card and ">40<" in card
