"""The active model's probability and its explanation, in words, in the hand-off packet
(the story the rep gets) and on the contact's card, for the boosted model too."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import SYSTEM
from huddle.predictive import service
from huddle.routing.service.packet import build_packet, packet_text
from tests.conftest import sign_in
from tests.predictive.test_records import _history
from tests.routing.test_web import _routed


def test_the_packet_carries_the_prediction_and_why_in_words(
    db: Session, anon_client: TestClient, frozen_clock: object
) -> None:
    contacts = _history(db)
    assert build_packet(db, contacts[0])["prediction"] is None  # no active model: none
    version = service.train_from_records(db, actor=SYSTEM, algorithm="boosted", seed=2)
    service.activate(db, version.id, actor=SYSTEM)

    software = next(c for c in contacts if c.account_id == contacts[0].account_id)
    packet = build_packet(db, contacts_service.get_contact(db, software.id))
    prediction = packet["prediction"]
    assert prediction["algorithm"] == "boosted" and 0 < prediction["probability"] < 1
    assert prediction["in_words"].startswith(("More likely", "Less likely"))
    assert prediction["up"] or prediction["down"]
    text = packet_text(packet)
    assert "Predicted conversion:" in text and prediction["in_words"] in text

    ann, _, _, handoff = _routed(db)
    page = sign_in(anon_client, ann).get(f"/queue/{handoff.id}").text
    assert 'id="packet-prediction"' in page and 'data-testid="packet-prediction-words"' in page


def test_the_boosted_models_card_and_api_give_factors_in_probability_points(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    contacts = _history(db)
    version = service.train_from_records(db, actor=SYSTEM, algorithm="boosted", seed=2)
    service.activate(db, version.id, actor=SYSTEM)
    card = client.get(f"/contacts/{contacts[0].id}/prediction").text
    assert 'data-testid="prediction-words"' in card and " pts" in card
    answer = client.get(f"/api/v1/contacts/{contacts[0].id}/prediction").json()
    assert answer["method"] == "replacement" and answer["logit"] is None
    assert answer["factors"] and all(f["value"] is None for f in answer["factors"])
    assert answer["in_words"].endswith(".")
