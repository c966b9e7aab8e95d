"""The shared record's JSON API: status codes, validation errors naming the field, pages."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Touch
from tests.contacts.factories import make_account, make_contact, make_custom_field
from tests.lifecycle.factories import make_opportunity
from tests.tokens import token_client

API = "/api/v1"
HOSTILE = "<script>alert(1)</script>"


def _error_fields(response: Any) -> list[tuple[str, ...]]:
    assert response.status_code == 422, response.text
    return [tuple(str(part) for part in error["loc"][1:]) for error in response.json()["detail"]]


def test_create_is_201_and_the_same_email_again_is_200_updating_given_fields(
    client: TestClient,
) -> None:
    created = client.post(
        f"{API}/contacts", json={"email": "Jane@Acme.com", "first_name": "Jane", "city": "Oslo"}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["email"] == "jane@acme.com"
    assert body["account"]["domain"] == "acme.com"
    assert body["lifecycle_stage"] == "lead"

    again = client.post(f"{API}/contacts", json={"email": " JANE@acme.com", "last_name": "Doe"})
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert (again.json()["first_name"], again.json()["last_name"], again.json()["city"]) == (
        "Jane",
        "Doe",
        "Oslo",
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email"}, ("email",)),
        ({"email": ""}, ("email",)),
        ({"email": "a@acme.com", "lifecycle_stage": "hot"}, ("lifecycle_stage",)),
        ({"email": "a@acme.com", "email_opt_in": "maybe"}, ("email_opt_in",)),
        ({"email": "a@acme.com", "company_domain": "no domain"}, ("company_domain",)),
        ({"email": "a@acme.com", "nickname": "x"}, ("nickname",)),
        (
            {"email": "a@acme.com", "custom": {"industry_vertical": "x"}},
            ("custom", "industry_vertical"),
        ),
        ({"email": "a@acme.com", "owner_id": 999999}, ("owner_id",)),
        ({"email": "a@acme.com", "account_id": 999999}, ("account_id",)),
    ],
)
def test_bad_contact_input_is_422_naming_the_field(
    client: TestClient, payload: dict[str, Any], field: tuple[str, ...]
) -> None:
    response = client.post(f"{API}/contacts", json=payload)
    assert field in _error_fields(response)
    assert client.get(f"{API}/contacts", params={"q": "a@acme.com"}).json()["items"] == []


def test_a_custom_value_of_the_wrong_type_is_422_naming_the_field(
    client: TestClient, db: Session
) -> None:
    make_custom_field(db, key="seats", field_type="number")
    contact = make_contact(db)
    db.commit()  # a failed request rolls back what the test's session has not committed
    response = client.patch(f"{API}/contacts/{contact.id}", json={"custom": {"seats": "lots"}})
    assert _error_fields(response) == [("custom", "seats")]
    ok = client.patch(f"{API}/contacts/{contact.id}", json={"custom": {"seats": 3}})
    assert ok.json()["custom"] == {"seats": 3}


def test_a_hostile_name_round_trips_unchanged_as_data(client: TestClient) -> None:
    created = client.post(
        f"{API}/contacts",
        json={"email": "x@evil.example", "first_name": HOSTILE, "company": HOSTILE},
    ).json()
    fetched = client.get(f"{API}/contacts/{created['id']}").json()
    assert fetched["first_name"] == HOSTILE
    assert fetched["account"]["name"] == HOSTILE
    listed = client.get(f"{API}/contacts", params={"q": "script"}).json()["items"]
    assert [c["first_name"] for c in listed] == [HOSTILE]


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("get", "/contacts/999999", None),
        ("get", "/contacts/not-an-id", None),
        ("patch", "/contacts/999999", {"city": "x"}),
        ("post", "/contacts/999999/merge", {"merged_id": 1}),
        ("get", "/contacts/999999/timeline", None),
        ("post", "/contacts/999999/touches", {"type": "call_logged"}),
        ("post", "/contacts/999999/notes", {"body": "x"}),
        (
            "post",
            "/contacts/999999/consent",
            {"field": "do_not_call", "value": True, "source": "x"},
        ),
        ("get", "/contacts/999999/consent", None),
        ("get", "/accounts/999999", None),
        ("patch", "/accounts/999999", {"city": "x"}),
        ("get", "/accounts/999999/timeline", None),
        ("post", "/accounts/999999/enrich", None),
        ("get", "/touches/999999", None),
        ("get", "/notes/999999", None),
        ("get", "/custom-fields/999999", None),
        ("get", "/saved-views/999999", None),
        ("delete", "/saved-views/999999", None),
    ],
)
def test_unknown_ids_are_404(
    client: TestClient, method: str, path: str, payload: dict[str, Any] | None
) -> None:
    kwargs = {"json": payload} if payload is not None else {}
    response = client.request(method.upper(), f"{API}{path}", **kwargs)
    assert response.status_code == 404, response.text


def test_signed_out_requests_are_401(anon_client: TestClient) -> None:
    assert anon_client.get(f"{API}/contacts").status_code == 401
    assert anon_client.post(f"{API}/contacts", json={"email": "a@b.com"}).status_code == 401


def test_list_filters_and_cursor_pages(client: TestClient, db: Session) -> None:
    account = make_account(db)
    made = [
        make_contact(db, account=account, lifecycle_stage=stage, score=n)
        for n, stage in enumerate(["mql", "sql", "lead", "mql", "sql"])
    ]
    params: dict[str, Any] = {
        "account_id": account.id,
        "stage": ["mql", "sql"],
        "owner_id": "unassigned",
        "sort": "-score",
        "limit": 2,
    }
    seen = []
    while True:
        page = client.get(f"{API}/contacts", params=params)
        assert page.status_code == 200, page.text
        seen += [c["id"] for c in page.json()["items"]]
        if not page.json()["next_cursor"]:
            break
        params["cursor"] = page.json()["next_cursor"]
    assert seen == [made[i].id for i in (4, 3, 1, 0)]
    assert _error_fields(client.get(f"{API}/contacts", params={"stage": "hot"}))
    assert client.get(f"{API}/contacts", params={"limit": 0}).status_code == 422
    assert client.get(f"{API}/contacts", params={"cursor": "zzz"}).status_code == 422


def test_touch_with_a_repeated_key_is_201_then_200_and_stored_once(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db)
    payload = {"type": "meeting_held", "idempotency_key": "cal-77", "properties": {"x": 1}}
    first = client.post(f"{API}/contacts/{contact.id}/touches", json=payload)
    again = client.post(f"{API}/touches", json={**payload, "contact_id": contact.id})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["contact_id"] == contact.id
    missing = client.post(f"{API}/touches", json={"type": "page_view"})
    assert missing.status_code == 422
    timeline = client.get(f"{API}/contacts/{contact.id}/timeline").json()
    assert [item["kind"] for item in timeline["items"]] == ["touch"]


def test_a_touch_property_holding_an_object_is_a_422_naming_it_and_stores_nothing(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db)
    db.commit()
    url = f"{API}/contacts/{contact.id}/touches"
    nested = {"type": "page_view", "properties": {"url": "/a", "utm": {"source": "ads"}}}
    in_a_list = {"type": "page_view", "properties": {"tags": ["a", {"b": 1}]}}

    assert _error_fields(client.post(url, json=nested)) == [("properties", "utm")]
    assert _error_fields(client.post(url, json=in_a_list)) == [("properties", "tags")]
    assert _touch_types(db, contact.id) == []

    flat = {"url": "/a", "seats": 3, "share": 0.5, "trial": True, "gone": None, "tags": ["a", 1]}
    stored = client.post(url, json={"type": "page_view", "properties": flat})
    assert stored.status_code == 201, stored.text
    assert stored.json()["properties"] == flat


def test_a_note_on_a_deal_is_stored_on_it_and_an_unknown_deal_is_404(
    client: TestClient, db: Session
) -> None:
    deal = make_opportunity(db)
    db.commit()
    note = client.post(f"{API}/notes", json={"body": "Budget approved", "opportunity_id": deal.id})
    assert note.status_code == 201, note.text
    assert note.json()["opportunity_id"] == deal.id
    assert client.get(f"{API}/notes/{note.json()['id']}").json()["body"] == "Budget approved"
    missing = client.post(f"{API}/notes", json={"body": "x", "opportunity_id": 999999})
    assert missing.status_code == 404


def test_notes_consent_and_timeline_pages(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    for n in range(3):
        note = client.post(f"{API}/contacts/{contact.id}/notes", json={"body": f"note {n}"})
        assert note.status_code == 201
    assert (
        client.post(
            f"{API}/notes",
            json={
                "body": "two subjects",
                "contact_id": contact.id,
                "account_id": make_account(db).id,
            },
        ).status_code
        == 422
    )
    consent = client.post(
        f"{API}/contacts/{contact.id}/consent",
        json={"field": "email_opt_in", "value": "opted_out", "source": "unsubscribe link"},
    )
    assert consent.json()["email_opt_in"] == "opted_out"
    history = client.get(f"{API}/contacts/{contact.id}/consent").json()
    assert [(h["field"], h["new_value"]) for h in history] == [("email_opt_in", "opted_out")]

    first = client.get(f"{API}/contacts/{contact.id}/timeline", params={"limit": 2}).json()
    rest = client.get(
        f"{API}/contacts/{contact.id}/timeline", params={"before": first["next_cursor"]}
    ).json()
    bodies = [item["body"] for item in first["items"] + rest["items"]]
    assert bodies == ["note 2", "note 1", "note 0"]
    assert rest["next_cursor"] is None


def test_merge_endpoint(client: TestClient, db: Session) -> None:
    survivor = make_contact(db, phone=None)
    merged = make_contact(db, phone="555")
    db.commit()  # a failed request rolls back what the test's session has not committed
    assert (
        client.post(
            f"{API}/contacts/{survivor.id}/merge", json={"merged_id": survivor.id}
        ).status_code
        == 422
    )
    bad_choice = client.post(
        f"{API}/contacts/{survivor.id}/merge",
        json={"merged_id": merged.id, "choices": {"phone": "x"}},
    )
    assert bad_choice.status_code == 422
    response = client.post(
        f"{API}/contacts/{survivor.id}/merge",
        json={"merged_id": merged.id, "choices": {"phone": "merged"}},
    )
    assert response.status_code == 200, response.text
    assert response.json()["phone"] == "555"
    assert client.get(f"{API}/contacts/{merged.id}").status_code == 404


def test_accounts_endpoints(client: TestClient, db: Session) -> None:
    created = client.post(f"{API}/accounts", json={"name": "Hooli", "domain": "www.hooli.com"})
    assert created.status_code == 201
    again = client.post(f"{API}/accounts", json={"name": "Hooli XYZ", "domain": "hooli.com"})
    assert (again.status_code, again.json()["id"]) == (200, created.json()["id"])
    account_id = created.json()["id"]
    patched = client.patch(f"{API}/accounts/{account_id}", json={"is_target": True})
    assert patched.json()["is_target"] is True
    listed = client.get(f"{API}/accounts", params={"q": "hooli", "is_target": True}).json()
    assert [a["id"] for a in listed["items"]] == [account_id]
    assert client.post(f"{API}/accounts", json={"name": ""}).status_code == 422
    other = make_account(db)
    taken = client.patch(f"{API}/accounts/{other.id}", json={"domain": "hooli.com"})
    assert taken.status_code == 409


def test_custom_fields_and_saved_views_endpoints(client: TestClient) -> None:
    field = client.post(
        f"{API}/custom-fields",
        json={
            "entity": "contact",
            "key": "tier",
            "label": "Tier",
            "field_type": "choice",
            "choices": ["gold", "silver"],
        },
    )
    assert field.status_code == 201, field.text
    assert (
        client.post(
            f"{API}/custom-fields",
            json={"entity": "contact", "key": "tier", "label": "Tier", "field_type": "text"},
        ).status_code
        == 409
    )
    assert (
        client.post(
            f"{API}/custom-fields",
            json={"entity": "contact", "key": "Bad Key", "label": "x", "field_type": "text"},
        ).status_code
        == 422
    )
    listed = client.get(f"{API}/custom-fields", params={"entity": "contact"}).json()
    assert [f["key"] for f in listed] == ["tier"]

    view = client.post(
        f"{API}/saved-views",
        json={"name": "Hot", "filters": {"stage": ["mql"], "score_min": 50}, "sort": "-score"},
    )
    assert view.status_code == 201, view.text
    assert view.json()["filters"]["stage"] == ["mql"] and view.json()["sort"] == "-score"
    assert [v["name"] for v in client.get(f"{API}/saved-views").json()] == ["Hot"]
    assert client.delete(f"{API}/saved-views/{view.json()['id']}").status_code == 204
    assert client.get(f"{API}/saved-views").json() == []


def test_a_touch_key_replayed_with_another_payload_is_409_with_the_stored_fingerprint(
    client: TestClient, db: Session, admin: User
) -> None:
    contact = make_contact(db)
    db.commit()
    url = f"{API}/contacts/{contact.id}/touches"
    call = {"type": "call_logged", "idempotency_key": "dialer-9", "properties": {"minutes": 5}}
    first = client.post(url, json=call)
    assert first.status_code == 201
    assert client.post(url, json=call).status_code == 200  # a retry: the stored touch

    changed = client.post(url, json={**call, "properties": {"minutes": 50}})

    assert changed.status_code == 409
    body = changed.json()
    assert body["code"] == "idempotency_conflict"
    assert len(body["stored_fingerprint"]) == 64
    assert body["fingerprint"] != body["stored_fingerprint"]
    assert _touch_types(db, contact.id) == ["call_logged"]
    # Another sender (an integration's token) may use the same key for its own touch.
    dialer = token_client(client.app, db, admin, ["write"], name="dialer")
    other = dialer.post(url, json={**call, "properties": {"minutes": 50}})
    assert other.status_code == 201
    assert other.json()["id"] != first.json()["id"]
    assert _touch_types(db, contact.id) == ["call_logged", "call_logged"]


def _touch_types(db: Session, contact_id: int) -> list[str]:
    return list(db.scalars(select(Touch.type).where(Touch.contact_id == contact_id)))


def test_touch_types_are_the_registered_event_types_on_every_path(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db)
    db.commit()
    touch = {"type": "bogus_type", "idempotency_key": "t-1"}
    one = client.post(f"{API}/contacts/{contact.id}/touches", json=touch)
    other = client.post(f"{API}/touches", json={**touch, "contact_id": contact.id})
    assert _error_fields(one) == _error_fields(other) == [("type",)]
    assert one.json() == other.json()
    batch = client.post(
        f"{API}/events", json={"events": [{**touch, "contact_id": contact.id}]}
    ).json()
    assert batch["failed"][0]["reason"] == f"type: {one.json()['detail'][0]['msg']}"


def test_every_documented_touch_type_example_is_accepted(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    spec = client.get(f"{API}/openapi.json").json()
    examples = spec["components"]["schemas"]["TouchBase"]["properties"]["type"]["examples"]
    assert examples
    for i, example in enumerate(examples):
        touch = {"type": example, "idempotency_key": f"example-{i}"}
        assert client.post(f"{API}/contacts/{contact.id}/touches", json=touch).status_code == 201


@pytest.mark.parametrize("field", ["email", "email_opt_in", "do_not_email", "do_not_call"])
def test_an_explicit_null_for_a_field_a_contact_needs_is_a_422_naming_it(
    client: TestClient, db: Session, field: str
) -> None:
    contact = make_contact(db)
    db.commit()
    answer = client.patch(f"{API}/contacts/{contact.id}", json={field: None})
    assert _error_fields(answer) == [(field,)]
    assert client.get(f"{API}/contacts/{contact.id}").json()["email"] == contact.email


def test_an_explicit_null_clears_an_optional_field(client: TestClient, db: Session) -> None:
    contact = make_contact(db, job_title="CTO", city="Lyon")
    db.commit()
    answer = client.patch(f"{API}/contacts/{contact.id}", json={"job_title": None})
    assert answer.status_code == 200
    assert (answer.json()["job_title"], answer.json()["city"]) == (None, "Lyon")


def test_an_account_keeps_its_name_and_clears_an_optional_field_on_null(
    client: TestClient, db: Session
) -> None:
    account = make_account(db, industry="Retail")
    db.commit()
    assert _error_fields(client.patch(f"{API}/accounts/{account.id}", json={"name": None})) == [
        ("name",)
    ]
    cleared = client.patch(f"{API}/accounts/{account.id}", json={"industry": None})
    assert (cleared.status_code, cleared.json()["industry"]) == (200, None)


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", 12), ("email", ["a@b.example"]), ("lifecycle_stage", ["lead"]), ("email_opt_in", 1)],
)
def test_a_value_of_the_wrong_json_type_is_a_422_naming_the_field(
    client: TestClient, field: str, value: object
) -> None:
    body: dict[str, object] = {"email": "typed@wrong.example", field: value}
    answer = client.post("/api/v1/contacts", json=body)
    assert answer.status_code == 422, answer.text
    assert [problem["loc"][-1] for problem in answer.json()["detail"]] == [field]
