"""Your own fields where built-in ones go: fit rules, personas, the ICP and MQL criteria test
``contact.custom.<key>`` / ``account.custom.<key>`` with the operators their type allows, a
value of the wrong type is a 422, and a score model scoped to a segment scores only it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactUpdate, CustomFieldDefinitionCreate
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.scoring import service
from huddle.scoring.models import ContactScore
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_model, make_profile, points, set_mql, touch

FIELDS: tuple[tuple[str, str, str, list[str]], ...] = (
    ("contact", "tier", "choice", ["gold", "silver", "bronze"]),
    ("contact", "nickname", "text", []),
    ("contact", "partner", "boolean", []),
    ("contact", "trial_ends", "date", []),
    ("account", "seats", "number", []),
    ("account", "plan", "choice", ["free", "pro", "enterprise"]),
)


@pytest.fixture
def fields(db: Session) -> None:
    for entity, key, field_type, choices in FIELDS:
        contacts_service.define_custom_field(
            db,
            CustomFieldDefinitionCreate(
                entity=entity, key=key, label=key.title(), field_type=field_type, choices=choices
            ),
            actor=SYSTEM,
        )
    db.commit()  # an API call that is refused rolls back what it did not commit


def _fit(field: str, op: str, value: object = None) -> dict[str, Any]:
    when: dict[str, Any] = {"field": field, "op": op}
    if value is not None:
        when["value"] = value
    return {"name": f"{field} {op}", "kind": "fit", "points": 10, "when": when}


@pytest.mark.parametrize(
    ("rule", "matching", "other"),
    [
        (
            _fit("contact.custom.tier", "in", ["gold", "silver"]),
            {"tier": "silver"},
            {"tier": "bronze"},
        ),
        (_fit("contact.custom.tier", "eq", "gold"), {"tier": "gold"}, {}),
        (_fit("contact.custom.nickname", "contains", "ace"), {"nickname": "The Ace"}, {}),
        (_fit("contact.custom.partner", "is_true"), {"partner": True}, {"partner": False}),
        (
            _fit("contact.custom.trial_ends", "before", "2024-04-01"),
            {"trial_ends": "2024-03-14"},
            {"trial_ends": "2024-04-02"},
        ),
        (
            _fit("contact.custom.trial_ends", "after", "2024-04-01"),
            {"trial_ends": "2024-12-31"},
            {"trial_ends": "2024-04-01"},
        ),
        (_fit("contact.custom.nickname", "is_set"), {"nickname": "x"}, {}),
        (
            _fit("account.custom.seats", "gte", 100),
            {"account": {"seats": 250}},
            {"account": {"seats": 99}},
        ),
        (
            _fit("account.custom.seats", "between", [10, 20]),
            {"account": {"seats": 10}},
            {"account": {"seats": 21}},
        ),
        (
            _fit("account.custom.plan", "not_in", ["free"]),
            {"account": {"plan": "pro"}},
            {"account": {"plan": "free"}},
        ),
    ],
)
def test_a_fit_rule_scores_on_a_custom_field(
    db: Session,
    fields: None,
    rule: dict[str, Any],
    matching: dict[str, Any],
    other: dict[str, Any],
) -> None:
    model = make_model(db, [rule])
    contacts = []
    for values in (matching, other):
        values = dict(values)
        account = values.pop("account", None)
        contacts.append(
            make_contact(
                db, custom=values, account=make_account(db, custom=account) if account else None
            )
        )
    service.rescore_all(db, reason="test", actor=SYSTEM)
    assert (points(db, contacts[0], model), points(db, contacts[1], model)) == (10, 0)


@pytest.mark.parametrize(
    ("when", "where", "why"),
    [
        ({"field": "account.custom.seats", "op": "gt", "value": "many"}, "value", "a number"),
        ({"field": "contact.custom.tier", "op": "eq", "value": "platinum"}, "value", "gold"),
        ({"field": "contact.custom.tier", "op": "in", "value": ["gold", "tin"]}, "value", "tin"),
        ({"field": "contact.custom.trial_ends", "op": "after", "value": "14/03"}, "value", "date"),
        ({"field": "contact.custom.nickname", "op": "gt", "value": 3}, "op", "unknown operator"),
        ({"field": "contact.custom.partner", "op": "eq", "value": "yes"}, "op", "is_true"),
        ({"field": "contact.custom.shoe_size", "op": "eq", "value": "9"}, "field", "custom.<key>"),
    ],
)
def test_a_custom_field_rule_of_the_wrong_type_is_a_422_naming_it(
    client: TestClient, fields: None, when: dict[str, Any], where: str, why: str
) -> None:
    rule = {"name": "x", "kind": "fit", "points": 5, "when": when}
    response = client.post("/api/v1/scoring/models", json={"name": "Fit", "rules": [rule]})
    assert response.status_code == 422, response.text
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "rules", "0", "when", where]
    assert why in error["msg"]
    assert client.get("/api/v1/scoring/models").json() == []


def test_a_persona_and_the_icp_grade_on_custom_fields(db: Session, fields: None) -> None:
    make_profile(
        db,
        "icp",
        "ICP",
        [
            {
                "label": "Big",
                "weight": 1,
                "when": {"field": "account.custom.seats", "op": "gte", "value": 50},
            }
        ],
    )
    make_profile(
        db,
        "persona",
        "Partner",
        [
            {
                "label": "Partner",
                "weight": 1,
                "when": {"field": "contact.custom.partner", "op": "is_true"},
            }
        ],
    )
    contact = make_contact(
        db, custom={"partner": True}, account=make_account(db, custom={"seats": 80})
    )
    service.rescore_all(db, reason="test", actor=SYSTEM)
    grade = service.explain_scores(db, contact.id).grade
    assert grade is not None
    assert (grade.grade, grade.persona) == ("A", "Partner")


def test_a_persona_may_not_test_an_account_field(db: Session, fields: None) -> None:
    with pytest.raises(ValidationFailed) as refused:
        make_profile(
            db,
            "persona",
            "P",
            [
                {
                    "label": "x",
                    "weight": 1,
                    "when": {"field": "account.custom.seats", "op": "gt", "value": 1},
                }
            ],
        )
    assert refused.value.errors[0].field == "criteria.0.when.field"


def test_an_mql_criterion_on_a_custom_field_moves_the_contact(db: Session, fields: None) -> None:
    set_mql(db, {"field": "contact.custom.tier", "op": "eq", "value": "gold"})
    gold = make_contact(db, custom={"tier": "gold"})
    silver = make_contact(db, custom={"tier": "silver"})
    service.score_contacts(db, [gold.id, silver.id])
    db.refresh(gold)
    db.refresh(silver)
    assert (gold.lifecycle_stage, silver.lifecycle_stage) == ("mql", "lead")


def test_mql_criteria_refuse_a_value_not_among_the_choices(
    client: TestClient, fields: None
) -> None:
    response = client.put(
        "/api/v1/scoring/criteria/mql",
        json={"condition": {"field": "contact.custom.tier", "op": "eq", "value": "Gold!"}},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "condition", "value"]


# --- a score model scoped to a segment ---------------------------------------------------------

PARTNERS = {"field": "contact.custom.partner", "op": "is_true"}
ANYONE = {
    "name": "Everyone",
    "kind": "fit",
    "points": 7,
    "when": {"field": "contact.email", "op": "is_set"},
}


def _stored(db: Session, model_id: int) -> dict[int, float]:
    rows = db.scalars(select(ContactScore).where(ContactScore.model_id == model_id))
    return {row.contact_id: row.points for row in rows}


def test_a_scoped_model_scores_only_its_segment(db: Session, fields: None) -> None:
    model = make_model(db, [ANYONE], segment=PARTNERS, is_primary=True)
    partner = make_contact(db, custom={"partner": True})
    other = make_contact(db, custom={"partner": False}, score=3)
    service.rescore_all(db, reason="test", actor=SYSTEM)
    assert _stored(db, model.id) == {partner.id: 7}
    db.refresh(partner)
    db.refresh(other)
    assert (partner.score, other.score) == (7, 0)
    [explained] = service.explain_scores(db, other.id).models
    assert (explained.in_segment, explained.total, explained.stored_total) == (False, 0, None)


def test_a_contact_leaving_the_segment_loses_the_models_score(db: Session, fields: None) -> None:
    model = make_model(db, [ANYONE], segment=PARTNERS, is_primary=True)
    contact = make_contact(db, custom={"partner": True})
    service.score_contacts(db, [contact.id])
    assert _stored(db, model.id) == {contact.id: 7}
    contacts_service.update_contact(
        db, contact.id, ContactUpdate(custom={"partner": False}), actor=SYSTEM
    )
    service.score_contacts(db, [contact.id])
    assert _stored(db, model.id) == {}
    db.refresh(contact)
    assert contact.score == 0
    # and back in, by a full rescore this time
    contacts_service.update_contact(
        db, contact.id, ContactUpdate(custom={"partner": True}), actor=SYSTEM
    )
    service.rescore_all(db, reason="test", actor=SYSTEM)
    assert _stored(db, model.id) == {contact.id: 7}


def test_a_segment_is_checked_like_a_rule(client: TestClient, fields: None) -> None:
    response = client.post(
        "/api/v1/scoring/models",
        json={
            "name": "Partners",
            "rules": [ANYONE],
            "segment": {"field": "contact.custom.partner", "op": "eq", "value": 1},
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "segment", "op"]
    created = client.post(
        "/api/v1/scoring/models", json={"name": "Partners", "rules": [ANYONE], "segment": PARTNERS}
    )
    assert created.status_code == 201, created.text
    assert created.json()["segment"] == PARTNERS


def test_the_model_form_takes_a_segment(client: TestClient, db: Session, fields: None) -> None:
    form = {"name": "Partners", "rules": json.dumps([ANYONE]), "action": "save"}
    bad = client.post("/settings/scoring/models", data={**form, "segment": '{"field": '})
    assert bad.status_code == 422 and "not valid JSON" in bad.text
    assert "{&#34;field&#34;: " in bad.text or '{"field": ' in bad.text  # what was typed stays
    wrong = client.post(
        "/settings/scoring/models",
        data={
            **form,
            "segment": json.dumps({"field": "contact.custom.tier", "op": "eq", "value": "x"}),
        },
    )
    assert wrong.status_code == 422 and "not one of gold" in wrong.text
    saved = client.post(
        "/settings/scoring/models",
        data={**form, "segment": json.dumps(PARTNERS)},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    [model] = service.list_models(db)
    assert model.segment == PARTNERS
    assert "only contact.custom.partner is true" in client.get("/settings/scoring").text


def test_a_touch_rescores_a_model_with_a_custom_fit_rule_in_the_same_statement(
    db: Session, fields: None
) -> None:
    demo = {
        "name": "Demo",
        "kind": "behaviour",
        "points": 40,
        "event": {"types": ["demo_requested"]},
    }
    big = _fit("account.custom.seats", "gte", 100)
    model = make_model(db, [demo, big], segment=PARTNERS)
    contact = make_contact(
        db, custom={"partner": True}, account=make_account(db, custom={"seats": 300})
    )
    outsider = make_contact(db, account=make_account(db, custom={"seats": 300}))
    for person in (contact, outsider):
        touch(db, person, "demo_requested")
    assert points(db, contact, model) == 50
    assert _stored(db, model.id) == {contact.id: 50}
