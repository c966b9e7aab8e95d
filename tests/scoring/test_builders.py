"""What the rule builders offer and answer: fields with the operators their type allows and
values seen, a check in words as you go, and each score rule as a sentence."""

from __future__ import annotations

import html
import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.core.actor import SYSTEM
from huddle.scoring import service
from tests.conftest import csrf_of
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model

PRICING = {
    "name": "Pricing page",
    "kind": "behaviour",
    "points": 10,
    "cap": 30,
    "event": {
        "types": ["page_view"],
        "where": {"field": "properties.url", "op": "matches", "value": "/pricing"},
        "within_days": 90,
    },
}


def _check(client: TestClient, what: str, value: Any, scope: str = "record") -> str:
    response = client.post(
        "/settings/scoring/check",
        data={"what": what, "scope": scope, "value": json.dumps(value)},
        headers={"X-CSRF-Token": csrf_of(client)},
    )
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


def test_a_score_rule_reads_as_a_sentence(client: TestClient) -> None:
    said = _check(client, "rules", [PRICING])
    assert (
        "Adds 10 points each time someone visits /pricing, at most 30, "
        "for touches in the last 90 days" in said
    )
    fit = {
        "name": "Senior",
        "kind": "fit",
        "points": 15,
        "when": {"field": "contact.seniority", "op": "in", "value": ["VP", "C-level"]},
    }
    assert "Adds 15 points once, to contacts where contact.seniority in VP, C-level" in _check(
        client, "rules", [fit]
    )


def test_what_is_wrong_is_said_in_words_and_where(client: TestClient) -> None:
    bad = {**PRICING, "event": {"types": []}}
    said = _check(client, "rules", [PRICING, bad])
    assert "Not ready to save" in said
    assert "rule 2, event, types:" in said and "give a non-empty list of touch types" in said
    wrong_op = {"field": "contact.country", "op": "gte", "value": "DE"}
    said = _check(client, "condition", wrong_op)
    assert "unknown operator 'gte' for contact.country" in said
    assert "this is not valid JSON" in html.unescape(
        client.post(
            "/settings/scoring/check",
            data={"what": "condition", "value": "{"},
            headers={"X-CSRF-Token": csrf_of(client)},
        ).text
    )


def test_mql_criteria_may_test_scores_and_grade_but_a_routing_rule_may_not(
    client: TestClient, db: Session
) -> None:
    model = make_model(db, [PRICING], name="Engagement")
    db.commit()
    criterion = {"field": f"score.{model.id}", "op": "gte", "value": 40}
    assert "Matches when Engagement ≥ 40." in _check(client, "condition", criterion, "criteria")
    assert "unknown field" in _check(client, "condition", criterion, "record")


def test_fields_offer_custom_fields_operators_by_type_and_values_seen(db: Session) -> None:
    contacts_service.define_custom_field(
        db,
        CustomFieldDefinitionCreate(
            entity="contact", key="partner", label="Partner", field_type="boolean"
        ),
        actor=SYSTEM,
    )
    make_contact(db, department="Data")
    make_contact(db, department="Finance")
    model = make_model(db, [PRICING], name="Engagement")

    fields = {f.field: f for f in service.condition_fields(db, "criteria")}

    partner = fields["contact.custom.partner"]
    assert (partner.label, partner.operators) == ("Contact · Partner", ("is_true", "is_false"))
    assert {"Data", "Finance"} <= set(fields["contact.department"].suggestions)
    assert "gte" in fields[f"score.{model.id}"].operators
    assert fields["grade"].choices == ("A", "B", "C", "D")
    assert "contains" not in fields["account.employee_count"].operators
    # Personal data is never offered as a suggestion.
    assert fields["contact.email"].suggestions == ()


def test_the_new_model_form_is_not_pre_filled_with_rules_a_save_would_store(
    client: TestClient,
) -> None:
    page = html.unescape(client.get("/settings/scoring").text)
    new_model = page[page.index('id="model-new-rules"') :]
    textarea = new_model[new_model.index(">") + 1 : new_model.index("</textarea>")]
    assert textarea.strip() == ""
    assert 'data-builder="rules"' in page and 'data-builder="condition"' in page


def test_a_personas_criteria_are_checked_against_contact_fields_and_read_in_words(
    client: TestClient,
) -> None:
    leader = [
        {
            "label": "Leads a data team",
            "weight": 2,
            "when": {"field": "contact.department", "op": "eq", "value": "Data"},
        }
    ]
    said = _check(client, "profile", leader, "contact")
    assert "Leads a data team (weight 2): contact.department = Data" in said
    # The ICP tests accounts: a contact field is named as wrong, in words.
    said = _check(client, "profile", leader, "account")
    assert "criterion 1, when, field:" in said and "unknown field 'contact.department'" in said
    zero = [{**leader[0], "weight": 0}]
    assert "a whole number from 1 to 100" in _check(client, "profile", zero, "contact")
    by_title = [{"label": "Runs engineering", "weight": 4, "title_like": "VP Engineering"}]
    said = _check(client, "profile", by_title, "contact")
    assert "Runs engineering (weight 4): job title alike in meaning to “VP Engineering”" in said
