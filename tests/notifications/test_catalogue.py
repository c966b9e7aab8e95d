"""The webhooks catalogue end to end: a webhook subscribed to events receives each one,
triggered through the real services, as a signed POST to a real HTTP server on loopback,
its body matching the schema the OpenAPI document's ``webhooks`` section gives it. Nothing
is sent inside the publishing transaction, a failing receiver is retried and logged, and an
event nobody subscribed to is not sent."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate, ContactUpdate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from huddle.core.jobs import Job
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import OpportunityCreate
from huddle.notifications import service
from huddle.notifications.models import Webhook, WebhookDelivery
from huddle.notifications.schemas import WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS
from huddle.privacy import service as privacy
from huddle.routing import service as routing
from huddle.sla import service as sla
from tests.contacts.factories import make_account
from tests.notifications.conftest import SECRET, run_jobs
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule
from tests.sla.factories import activate

Received = tuple[str, list[tuple[dict[str, str], bytes]]]
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MODELS = {each.name: TypeAdapter(each.payload) for each in WEBHOOK_EVENTS}


def _as(user: User) -> Actor:
    return Actor.user(user.id, role=user.role, team=user.team)


def _subscribe(db: Session, url: str, events: list[str], **kw: Any) -> Webhook:
    return service.save_webhook(
        db, name="CRM", url=url, secret=SECRET, events=events, actor=_as_admin(db), **kw
    )


def _as_admin(db: Session) -> Actor:
    admin = db.scalars(select(User).where(User.role == "admin")).first()
    assert admin is not None
    return _as(admin)


def _new_contact(db: Session, admin: User, name: str) -> int:
    contact, created = contacts.upsert_contact(
        db,
        ContactCreate(email=f"{name.lower()}@prospect.example", first_name=name, last_name="Doe"),
        actor=_as(admin),
    )
    assert created
    return contact.id


def _trigger_every_event(db: Session, admin: User, frozen_clock: clock.FrozenClock) -> None:
    """Each event of the catalogue, through the services that publish it."""
    frozen_clock.set(MONDAY_10)
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 4, "warn_at": 0.5}])
    manager = make_rep(db, "Max Manager", role="sales_manager")
    ann = make_rep(db, "Ann", manager_id=manager.id)
    make_rule(db, kind="round_robin", position=1, pool_id=make_pool(db, "Inside", [(ann, 1)]).id)

    won_over = _new_contact(db, admin, "Lena")  # contact.created
    contacts.update_contact(db, won_over, ContactUpdate(job_title="CTO"), actor=_as(admin))
    handoff = make_mql(db, contacts.get_contact(db, won_over))  # stage changed, handed off
    frozen_clock.advance(timedelta(hours=2, minutes=1))
    assert sla.run_due(db).warned == 1
    frozen_clock.advance(timedelta(hours=2))
    assert sla.run_due(db).escalated == 1  # breached, and escalated to Ann's manager
    routing.accept_handoff(db, handoff.id, actor=_as(ann))

    turned_down = make_mql(db, contacts.get_contact(db, _new_contact(db, admin, "Rob")))
    routing.reject_handoff(
        db, turned_down.id, reason_code="no_budget", note=None, actor=_as(ann)
    )  # rejected, recycled

    twin = _new_contact(db, admin, "Lenny")
    contacts.merge_contacts(db, won_over, twin, actor=_as(admin))
    privacy.erase_personal_data(db, _new_contact(db, admin, "Gone"), actor=_as(admin))

    account_id = make_account(db).id
    for won, reason in ((True, "Best fit"), (False, "Went with a competitor")):
        deal = lifecycle.create_opportunity(
            db,
            OpportunityCreate(name="Acme: 50 seats", account_id=account_id, amount=24000),
            actor=_as(admin),
        )
        lifecycle.close_opportunity(db, deal.id, won=won, reason=reason, actor=_as(admin))


def _signed(headers: dict[str, str], body: bytes) -> bool:
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Huddle-Signature"], expected)


def _documented_schema(spec: dict[str, Any], event: str) -> Draft202012Validator:
    body = spec["webhooks"][event]["post"]["requestBody"]["content"]["application/json"]
    return Draft202012Validator({**body["schema"], "components": spec["components"]})


def _by_event(received: list[tuple[dict[str, str], bytes]]) -> dict[str, list[dict[str, Any]]]:
    payloads: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for headers, body in received:
        payload = json.loads(body)
        assert headers["X-Huddle-Event"] == payload["event"]
        payloads[payload["event"]].append(payload)
    return payloads


def test_every_event_reaches_its_subscriber_signed_and_as_documented(
    db: Session,
    client: TestClient,
    admin: User,
    receiver: Received,
    frozen_clock: clock.FrozenClock,
) -> None:
    url, received = receiver
    spec = client.get("/api/v1/openapi.json").json()
    _subscribe(db, url, list(WEBHOOK_EVENT_NAMES))

    _trigger_every_event(db, admin, frozen_clock)
    assert received == []  # queued in the publishing transaction, never sent inline
    run_jobs(db, service.DELIVER_WEBHOOK_JOB)

    assert all(_signed(headers, body) for headers, body in received)
    payloads = _by_event(received)
    assert set(payloads) == set(WEBHOOK_EVENT_NAMES)
    for event, sent in payloads.items():
        for payload in sent:
            MODELS[event].validate_python(payload)
            _documented_schema(spec, event).validate(payload)
            assert payload["version"] == 1 and payload["test"] is False
    [won], [lost] = payloads["deal.won"], payloads["deal.lost"]
    assert (won["data"]["name"], won["data"]["amount"], won["data"]["reason"]) == (
        "Acme: 50 seats",
        24000.0,
        "Best fit",
    )
    assert lost["data"]["reason"] == "Went with a competitor"
    [rejected] = payloads["handoff.rejected"]
    assert rejected["data"]["reason"] == "no_budget"
    moves = [
        (p["data"]["from_stage"], p["data"]["to_stage"]) for p in payloads["contact.stage_changed"]
    ]
    assert ("lead", "mql") in moves
    # Contacts are named by id and link, never by their personal details.
    catalogue_bodies = b"".join(
        body for headers, body in received if headers["X-Huddle-Event"] != "notification.created"
    )
    for detail in (b"prospect.example", b"Lena", b"Doe"):
        assert detail not in catalogue_bodies


def test_an_event_nobody_subscribed_to_is_not_sent(
    db: Session, admin: User, receiver: Received
) -> None:
    url, received = receiver
    _subscribe(db, url, ["deal.won"])
    _subscribe(db, url, list(WEBHOOK_EVENT_NAMES), active=False)  # off: sent nothing

    contact_id = _new_contact(db, admin, "Lena")
    lifecycle.transition_stage(db, contact_id, "mql", actor=_as(admin), reason="test")
    deal = lifecycle.create_opportunity(
        db, OpportunityCreate(name="Deal", account_id=make_account(db).id), actor=_as(admin)
    )
    lifecycle.close_opportunity(db, deal.id, won=False, reason="No budget", actor=_as(admin))
    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 0
    assert received == []

    other = lifecycle.create_opportunity(
        db, OpportunityCreate(name="Deal 2", account_id=make_account(db).id), actor=_as(admin)
    )
    lifecycle.close_opportunity(db, other.id, won=True, actor=_as(admin))
    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 1
    assert [json.loads(body)["event"] for _, body in received] == ["deal.won"]


def test_a_failing_receiver_is_retried_with_back_off_and_logged(
    db: Session,
    admin: User,
    receiver: Received,
    receiver_answers: list[int],
    frozen_clock: clock.FrozenClock,
) -> None:
    url, received = receiver
    frozen_clock.set(MONDAY_10)
    hook = _subscribe(db, url, ["contact.created"])
    receiver_answers.extend([500, 503])
    _new_contact(db, admin, "Lena")

    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 1
    delivery = db.scalars(
        select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
    ).one()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("retrying", 1, 500)
    assert delivery.last_error and "500" in delivery.last_error
    assert delivery.next_attempt_at == MONDAY_10 + service.WEBHOOK_RETRY_AFTER[0]
    retry = db.scalars(
        select(Job).where(Job.kind == service.DELIVER_WEBHOOK_JOB, Job.status == "queued")
    ).one()
    assert retry.run_after == delivery.next_attempt_at  # waits, then tries again

    run_jobs(db, service.DELIVER_WEBHOOK_JOB)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("retrying", 2, 503)
    assert delivery.next_attempt_at == MONDAY_10 + service.WEBHOOK_RETRY_AFTER[1]
    run_jobs(db, service.DELIVER_WEBHOOK_JOB)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 3, 204)
    assert delivery.last_error is None and delivery.next_attempt_at is None
    # The same body each time, signed each time.
    assert len({body for _, body in received}) == 1 and len(received) == 3
    assert all(_signed(headers, body) for headers, body in received)
    assert {headers["X-Huddle-Delivery"] for headers, _ in received} == {str(delivery.id)}


def test_a_receiver_that_never_answers_is_given_up_after_the_last_try(
    db: Session, admin: User, receiver: Received, receiver_answers: list[int]
) -> None:
    url, _ = receiver
    hook = _subscribe(db, url, ["contact.created"])
    tries = len(service.WEBHOOK_RETRY_AFTER) + 1
    receiver_answers.extend([500] * tries)
    _new_contact(db, admin, "Lena")

    for _ in range(tries):
        assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 1
    delivery = db.scalars(
        select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
    ).one()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", tries, None)
    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 0


def test_a_delivery_job_run_twice_posts_once(db: Session, admin: User, receiver: Received) -> None:
    url, received = receiver
    hook = _subscribe(db, url, ["contact.created"])
    _new_contact(db, admin, "Lena")
    delivery = db.scalars(
        select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
    ).one()

    service.deliver_webhook(db, delivery.id, attempt=1)
    service.deliver_webhook(db, delivery.id, attempt=1)  # its "done" was lost: run again
    assert len(received) == 1 and delivery.attempts == 1


@pytest.mark.parametrize("event", WEBHOOK_EVENT_NAMES)
def test_send_test_posts_a_documented_sample_of_each_event(
    db: Session, client: TestClient, admin: User, receiver: Received, event: str
) -> None:
    url, received = receiver
    spec = client.get("/api/v1/openapi.json").json()
    hook = _subscribe(db, url, ["deal.won"], active=False)

    tested = client.post(f"/api/v1/webhooks/{hook.id}/test", params={"event": event})
    assert tested.status_code == 202 and tested.json()["kind"] == event
    run_jobs(db, service.DELIVER_WEBHOOK_JOB)

    [(headers, body)] = received
    payload = json.loads(body)
    assert _signed(headers, body) and (payload["event"], payload["test"]) == (event, True)
    MODELS[event].validate_python(payload)
    _documented_schema(spec, event).validate(payload)


def test_the_spec_documents_every_event(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert list(spec["webhooks"]) == list(WEBHOOK_EVENT_NAMES)
    for event, item in spec["webhooks"].items():
        operation = item["post"]
        assert operation["operationId"] == f"webhooks.{event}"
        content = operation["requestBody"]["content"]["application/json"]
        _documented_schema(spec, event).validate(content["example"])
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert "x-huddle-signature" in headers
    listed = client.get("/api/v1/webhooks/events")
    assert [e["name"] for e in listed.json()] == list(WEBHOOK_EVENT_NAMES)


def test_the_api_subscribes_to_events_by_name(db: Session, client: TestClient) -> None:
    created = client.post(
        "/api/v1/webhooks",
        json={
            "name": "CRM",
            "url": "https://crm.example/h",
            "secret": SECRET,
            "events": ["deal.won", "contact.created", "deal.won"],
        },
    )
    assert created.status_code == 201
    assert created.json()["events"] == ["contact.created", "deal.won"]  # the catalogue's order
    hook_id = created.json()["id"]
    unknown = client.patch(f"/api/v1/webhooks/{hook_id}", json={"events": ["deal.signed"]})
    assert unknown.status_code == 422
    none = client.patch(f"/api/v1/webhooks/{hook_id}", json={"events": []})
    assert none.status_code == 422
    with pytest.raises(ValidationFailed):
        service.update_webhook(db, hook_id, events=["deal.signed"], actor=_as_admin(db))
    # Without events, a webhook is sent every notification, as before the catalogue.
    older = client.post(
        "/api/v1/webhooks", json={"name": "Old", "url": "https://crm.example/o", "secret": SECRET}
    )
    assert older.json()["events"] == ["notification.created"]
    assert db.scalar(select(func.count()).select_from(Webhook)) == 2
