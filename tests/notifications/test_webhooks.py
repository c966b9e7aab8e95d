"""Admins change, test and remove outbound webhooks (service, API and settings page); the
test delivery is signed like any other and reaches a real HTTP server on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.models import User
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.notifications import service
from huddle.notifications.models import Webhook, WebhookDelivery
from tests.conftest import make_user, sign_in
from tests.notifications.conftest import ALERT, SECRET, run_jobs

Received = tuple[str, list[tuple[dict[str, str], bytes]]]


def _as(user: User) -> Actor:
    return Actor.user(user.id, role=user.role, team=user.team)


def _hook(db: Session, url: str = "http://127.0.0.1:9/hook", **kw: object) -> Webhook:
    return service.save_webhook(db, name="CRM", url=url, secret=SECRET, actor=SYSTEM, **kw)  # type: ignore[arg-type]


def test_an_admin_edits_url_kinds_and_switches_it_off(db: Session, admin: User) -> None:
    hook = _hook(db)
    service.update_webhook(
        db,
        hook.id,
        url=" https://crm.example/hooks ",
        kinds=["sla.breached", " routing.handoff", "sla.breached"],
        actor=_as(admin),
    )
    assert (hook.url, hook.kinds, hook.active) == (
        "https://crm.example/hooks",
        ["sla.breached", "routing.handoff"],
        True,
    )
    service.update_webhook(db, hook.id, active=False, actor=_as(admin))
    assert hook.active is False and hook.url == "https://crm.example/hooks"

    with pytest.raises(ValidationFailed) as refused:
        service.update_webhook(db, hook.id, url="javascript:alert(1)", actor=_as(admin))
    assert [e.field for e in refused.value.errors] == ["url"]
    assert hook.url == "https://crm.example/hooks"

    rep = make_user(db, role="sales_rep", team="sales")
    service.notify(
        db, user_id=rep.id, kind="sla.warning", subject="s", body="b", data=ALERT, email=False
    )
    assert db.scalar(select(func.count()).where(WebhookDelivery.webhook_id == hook.id)) == 0
    changes = db.scalars(
        select(AuditEntry.summary).where(AuditEntry.action == "notifications.webhook_changed")
    ).all()
    assert changes == [f"Webhook #{hook.id} updated"] * 2


@pytest.mark.parametrize("role", ["marketing_ops", "sales_manager", "sales_rep"])
def test_only_admins_change_test_or_delete(db: Session, role: str) -> None:
    hook = _hook(db)
    someone = _as(make_user(db, role=role, team="sales"))
    for attempt in (
        lambda: service.update_webhook(db, hook.id, active=False, actor=someone),
        lambda: service.delete_webhook(db, hook.id, actor=someone),
        lambda: service.send_test(db, hook.id, actor=someone),
    ):
        with pytest.raises(NotPermitted):
            attempt()
    assert hook.active and db.get(Webhook, hook.id) is not None


def test_the_test_delivery_is_signed_and_reaches_a_webhook_that_is_off(
    db: Session, admin: User, receiver: Received
) -> None:
    url, received = receiver
    hook = _hook(db, url=url, active=False)
    delivery = service.send_test(db, hook.id, actor=_as(admin))
    assert received == []  # queued, never sent inline

    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 1
    [(headers, body)] = received
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Huddle-Signature"], expected)
    assert headers["X-Huddle-Kind"] == "webhook.test"
    assert headers["X-Huddle-Delivery"] == str(delivery.id)
    payload = json.loads(body)
    assert (payload["event"], payload["test"], payload["data"]["webhook_id"]) == (
        "webhook.test",
        True,
        hook.id,
    )
    assert payload["data"]["by_user_id"] == admin.id
    assert (delivery.status, delivery.response_status) == ("delivered", 204)
    wrong = "sha256=" + hmac.new(b"another-secret-entirely", body, hashlib.sha256).hexdigest()
    assert not hmac.compare_digest(headers["X-Huddle-Signature"], wrong)


def test_deleting_removes_the_hook_and_its_log(
    db: Session, admin: User, receiver: Received
) -> None:
    url, received = receiver
    hook = _hook(db, url=url)
    service.send_test(db, hook.id, actor=_as(admin))
    service.delete_webhook(db, hook.id, actor=_as(admin))

    assert db.get(Webhook, hook.id) is None
    assert db.scalar(select(func.count()).where(WebhookDelivery.webhook_id == hook.id)) == 0
    run_jobs(db, service.DELIVER_WEBHOOK_JOB)
    assert received == []  # the queued test lapsed with the hook


def test_the_api_lets_admins_manage_and_refuses_others(
    db: Session, client: TestClient, admin: User
) -> None:
    created = client.post(
        "/api/v1/webhooks",
        json={"name": "CRM", "url": "https://crm.example/h", "secret": SECRET, "kinds": []},
    )
    assert created.status_code == 201 and "secret" not in created.json()
    hook_id = created.json()["id"]

    patched = client.patch(f"/api/v1/webhooks/{hook_id}", json={"active": False})
    assert patched.status_code == 200
    assert (patched.json()["active"], patched.json()["url"]) == (False, "https://crm.example/h")
    assert client.patch(f"/api/v1/webhooks/{hook_id}", json={"url": "ftp://x"}).status_code == 422
    tested = client.post(f"/api/v1/webhooks/{hook_id}/test")
    assert tested.status_code == 202 and tested.json()["kind"] == "webhook.test"
    [logged] = client.get(f"/api/v1/webhooks/{hook_id}/deliveries").json()
    assert (logged["id"], logged["status"]) == (tested.json()["id"], "queued")

    ops = make_user(db, role="marketing_ops", team="marketing")
    db.commit()
    other = sign_in(client, ops)  # the same client, now signed in as marketing-ops
    assert [h["id"] for h in other.get("/api/v1/webhooks").json()] == [hook_id]
    assert other.patch(f"/api/v1/webhooks/{hook_id}", json={"active": True}).status_code == 403
    assert other.post(f"/api/v1/webhooks/{hook_id}/test").status_code == 403
    assert other.delete(f"/api/v1/webhooks/{hook_id}").status_code == 403
    refused = other.post(
        "/api/v1/webhooks",
        json={"name": "Mine", "url": "https://elsewhere.example/h", "secret": SECRET, "kinds": []},
    )
    assert refused.status_code == 403  # leads' details leave Huddle: admins only
    settings_page = other.get("/settings/routing")
    assert settings_page.status_code == 200 and "webhook-new-form" not in settings_page.text

    client = sign_in(client, admin)
    assert "webhook-new-form" in client.get("/settings/routing").text
    assert client.delete(f"/api/v1/webhooks/{hook_id}").status_code == 204
    assert client.delete(f"/api/v1/webhooks/{hook_id}").status_code == 404


def test_the_settings_page_edits_tests_and_deletes(
    db: Session, client: TestClient, admin: User
) -> None:
    hook = _hook(db, url="https://crm.example/h")
    db.commit()
    page = client.get("/settings/routing")
    assert (
        "Send test" in page.text and f'action="/settings/routing/webhooks/{hook.id}"' in page.text
    )

    # The events are boxes to tick, each named and described.
    assert 'name="events" value="deal.won"' in page.text and "A deal closed won." in page.text
    saved = client.post(
        f"/settings/routing/webhooks/{hook.id}",
        data={"url": "https://crm.example/v2", "events": ["sla.breached", "sla.escalated"]},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.refresh(hook)
    assert (hook.url, hook.events, hook.active) == (
        "https://crm.example/v2",
        ["sla.breached", "sla.escalated"],
        False,  # the box was not ticked
    )
    bad = client.post(f"/settings/routing/webhooks/{hook.id}", data={"url": "nope", "active": "1"})
    assert bad.status_code == 422 and "http:// or https://" in bad.text
    assert "pick at least one event" in bad.text

    tested = client.post(f"/settings/routing/webhooks/{hook.id}/test")
    assert tested.status_code == 200 and "webhook.test" in tested.text
    sample = client.post(f"/settings/routing/webhooks/{hook.id}/test", data={"event": "deal.won"})
    assert sample.status_code == 200 and '<td title="deal.won">Deal won</td>' in sample.text

    ops = make_user(db, role="marketing_ops", team="marketing")
    db.commit()
    other = sign_in(client, ops)
    assert "Send test" not in other.get("/settings/routing").text
    assert other.post(f"/settings/routing/webhooks/{hook.id}/delete").status_code == 403

    client = sign_in(client, admin)
    deleted = client.post(f"/settings/routing/webhooks/{hook.id}/delete", follow_redirects=False)
    assert deleted.status_code == 303
    assert db.scalar(select(func.count()).select_from(Webhook)) == 0
