"""A routing rule may test your own fields: ``when`` (any rule kind) is a condition over the
lead and its account, custom fields included, checked as a fit rule's is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.core.actor import SYSTEM
from huddle.routing import service
from tests.contacts.factories import make_account, make_contact
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule

GOLD = {"field": "contact.custom.tier", "op": "eq", "value": "gold"}


@pytest.fixture
def tier(db: Session) -> None:
    for entity, key, field_type, choices in (
        ("contact", "tier", "choice", ["gold", "silver"]),
        ("account", "seats", "number", []),
    ):
        contacts_service.define_custom_field(
            db,
            CustomFieldDefinitionCreate(
                entity=entity, key=key, label=key.title(), field_type=field_type, choices=choices
            ),
            actor=SYSTEM,
        )
    db.commit()


def test_a_territory_on_a_custom_field_routes_its_leads(db: Session, tier: None) -> None:
    vip = make_rep(db, "Vera VIP")
    rest = make_rep(db, "Rob Rest")
    make_rule(
        db, kind="territory", name="Gold", position=1, conditions={"when": GOLD}, owner_id=vip.id
    )
    make_rule(db, kind="round_robin", position=2, pool_id=make_pool(db, "All", [(rest, 1)]).id)

    gold = make_mql(db, make_contact(db, custom={"tier": "gold"}))
    silver = make_mql(db, make_contact(db, custom={"tier": "silver"}))

    assert (gold.owner_id, gold.rule) == (vip.id, "territory:Gold")
    assert "contact.custom.tier = gold" in gold.reason
    assert silver.owner_id == rest.id


def test_when_narrows_any_rule_kind(db: Session, tier: None) -> None:
    big = make_rep(db, "Bea Big")
    rest = make_rep(db, "Rob Rest")
    big_accounts = {"field": "account.custom.seats", "op": "gte", "value": 500}
    make_rule(
        db,
        kind="round_robin",
        position=1,
        pool_id=make_pool(db, "Big", [(big, 1)]).id,
        conditions={"when": big_accounts},
    )
    make_rule(db, kind="round_robin", position=2, pool_id=make_pool(db, "All", [(rest, 1)]).id)

    large = make_mql(db, make_contact(db, account=make_account(db, custom={"seats": 800})))
    small = make_mql(db, make_contact(db, account=make_account(db, custom={"seats": 20})))

    assert (large.owner_id, small.owner_id) == (big.id, rest.id)


@pytest.mark.parametrize(
    ("when", "where"),
    [
        ({"field": "contact.custom.tier", "op": "eq", "value": "platinum"}, "value"),
        ({"field": "account.custom.seats", "op": "gte", "value": "lots"}, "value"),
        ({"field": "contact.custom.nope", "op": "is_set"}, "field"),
    ],
)
def test_a_wrong_custom_condition_is_a_422_naming_it(
    client: TestClient, db: Session, tier: None, when: dict[str, object], where: str
) -> None:
    rep = make_rep(db, "Vera VIP")
    db.commit()
    response = client.post(
        "/api/v1/routing/rules",
        json={
            "name": "Gold",
            "kind": "territory",
            "owner_id": rep.id,
            "conditions": {"when": when},
        },
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "conditions", "when", where]
    assert service.list_rules(db) == []


def test_the_settings_form_saves_a_condition(client: TestClient, db: Session, tier: None) -> None:
    rep = make_rep(db, "Vera VIP")
    db.commit()
    form = {
        "name": "Gold",
        "kind": "territory",
        "position": "1",
        "owner_id": str(rep.id),
        "active": "1",
    }
    bad = client.post("/settings/routing/rules", data={**form, "when": '{"field": '})
    assert bad.status_code == 422 and "not valid JSON" in bad.text
    assert "{&#34;field&#34;: " in bad.text or '{"field": ' in bad.text  # what was typed stays
    saved = client.post(
        "/settings/routing/rules",
        data={**form, "when": '{"field": "contact.custom.tier", "op": "eq", "value": "gold"}'},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    [rule] = service.list_rules(db)
    assert rule.conditions["when"] == GOLD
    assert "only contact.custom.tier = gold" in client.get("/settings/routing").text
