"""The sales queue, packet page, Settings > Routing, the contact page's hand-off card and
the notification bell, through the real app; and the JSON API with its permissions."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.routing import service
from huddle.routing.models import Handoff
from huddle.scoring import service as scoring
from tests.conftest import sign_in
from tests.contacts.factories import make_contact, make_touch
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule


def _routed(db: Session) -> tuple[User, User, Contact, Handoff]:
    ann, ben = make_rep(db, "Ann Rep"), make_rep(db, "Ben Rep")
    pool = make_pool(db, "Inside sales", [(ann, 1), (ben, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    contact = make_contact(db, first_name="Quinn", last_name="Lead", job_title="VP Marketing")
    handoff = make_mql(db, contact)
    db.commit()
    return ann, ben, contact, handoff


def test_the_rep_sees_the_lead_in_the_queue_and_accepts_it(
    db: Session, anon_client: TestClient
) -> None:
    ann, _, contact, handoff = _routed(db)
    client = sign_in(anon_client, ann)

    page = client.get("/queue")
    assert page.status_code == 200
    assert "Quinn Lead" in page.text and f'id="handoff-{handoff.id}"' in page.text
    assert "Talking points" in page.text
    assert 'href="/queue"' in page.text  # the nav entry
    bell = client.get("/notifications/bell")
    assert 'data-unread="1"' in bell.text

    packet = client.get(f"/queue/{handoff.id}")
    assert packet.status_code == 200 and "Routing decision" in packet.text
    # The deciding rule as people read it, not its stored key ("round_robin:Rule 1").
    assert "Round robin: Rule 1" in packet.text and "round_robin:" not in packet.text
    assert "bell-count" not in client.get("/notifications/bell").text  # opening it read it

    done = client.post(f"/queue/{handoff.id}/accept", data={}, follow_redirects=False)
    assert done.status_code == 303
    assert contacts_service.get_contact(db, contact.id).lifecycle_stage == "sal"
    assert "No new leads waiting" in client.get("/queue").text


def test_reject_without_a_reason_is_refused_on_the_page(
    db: Session, anon_client: TestClient
) -> None:
    ann, _, contact, handoff = _routed(db)
    client = sign_in(anon_client, ann)

    refused = client.post(f"/queue/{handoff.id}/reject", data={"reason_code": ""})
    assert refused.status_code == 422
    assert "rejection reason" in refused.text

    done = client.post(
        f"/queue/{handoff.id}/reject",
        data={"reason_code": "no_need", "note": ""},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert contacts_service.get_contact(db, contact.id).lifecycle_stage == "recycled"


def test_a_rep_cannot_see_or_accept_another_reps_lead_over_the_api(
    db: Session, anon_client: TestClient
) -> None:
    _, ben, _, handoff = _routed(db)
    client = sign_in(anon_client, ben)

    assert client.post(f"/api/v1/handoffs/{handoff.id}/accept").status_code == 403
    assert client.get(f"/api/v1/handoffs/{handoff.id}").status_code == 403
    assert client.get(f"/queue/{handoff.id}").status_code == 403
    assert client.get("/api/v1/queue").json() == []
    # The routing rules are a read-only page for them: who can change them, no webhooks.
    settings = client.get("/settings/routing")
    assert settings.status_code == 200
    assert "Only admins, marketing ops and sales managers can change this." in settings.text
    assert 'fieldset class="bare" disabled' in settings.text and "Webhooks" not in settings.text


def test_the_api_accepts_for_the_owner(db: Session, anon_client: TestClient) -> None:
    ann, _, _, handoff = _routed(db)
    client = sign_in(anon_client, ann)
    [queued] = client.get("/api/v1/queue").json()
    assert queued["id"] == handoff.id and queued["packet"]["buying_stage"] == "Awareness"
    accepted = client.post(f"/api/v1/handoffs/{handoff.id}/accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    again = client.post(f"/api/v1/handoffs/{handoff.id}/accept")
    assert again.status_code == 409


def test_admin_edits_rules_and_pools_in_settings(db: Session, client: TestClient) -> None:
    ann = make_rep(db, "Ann Rep")
    db.commit()
    page = client.get("/settings/routing")
    assert page.status_code == 200 and "No routing rules yet" in page.text

    saved = client.post(
        "/settings/routing/pools",
        data={"name": "Inside sales", "manager_id": "", f"weight_{ann.id}": "2"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    [pool] = service.list_pools(db)
    assert [(m.user_id, m.weight) for m in pool.members] == [(ann.id, 2)]

    bad = client.post(
        "/settings/routing/rules",
        data={"name": "RR", "kind": "round_robin", "position": "1", "active": "1"},
    )
    assert bad.status_code == 422 and "needs a team pool" in bad.text
    ok = client.post(
        "/settings/routing/rules",
        data={
            "name": "RR",
            "kind": "round_robin",
            "position": "1",
            "pool_id": str(pool.id),
            "active": "1",
            "respect_hours": "1",
        },
        follow_redirects=False,
    )
    assert ok.status_code == 303
    [rule] = service.list_rules(db)
    assert (rule.kind, rule.pool_id, rule.respect_hours) == ("round_robin", pool.id, True)

    api = client.put(
        f"/api/v1/routing/rules/{rule.id}",
        json={"name": "RR", "kind": "round_robin", "pool_id": pool.id, "respect_hours": False},
    )
    assert api.status_code == 200 and api.json()["version"] == 2
    rule_fields = ("name", "kind", "position", "active", "conditions", "owner_id", "pool_id")
    unchanged = {field: api.json()[field] for field in (*rule_fields, "respect_hours")}
    same = client.put(f"/api/v1/routing/rules/{rule.id}", json=unchanged)
    assert (same.status_code, same.json()["version"]) == (200, 2)
    audit = client.get("/api/v1/audit", params={"action": "routing.rule_changed"})
    assert audit.status_code == 200


def test_contact_page_card_routes_now_and_logs_activity(db: Session, client: TestClient) -> None:
    ann = make_rep(db, "Ann Rep")
    pool = make_pool(db, "Inside sales", [(ann, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    contact = make_contact(db, lifecycle_stage="mql")
    db.commit()

    card = client.get(f"/contacts/{contact.id}/handoff")
    assert "Route now" in card.text and "Log activity" in card.text
    routed = client.post(f"/contacts/{contact.id}/route", follow_redirects=False)
    assert routed.status_code == 303
    latest = service.latest_handoff(db, contact.id)
    assert latest is not None and latest.owner_id == ann.id

    logged = client.post(
        f"/contacts/{contact.id}/activities",
        data={"kind": "call", "note": "Spoke to Quinn"},
        follow_redirects=False,
    )
    assert logged.status_code == 303
    api = client.post(f"/api/v1/contacts/{contact.id}/activities", json={"kind": "fax"})
    assert api.status_code == 422


def test_an_open_queue_is_told_of_new_leads(db: Session, anon_client: TestClient) -> None:
    ann = make_rep(db, "Ann Rep")
    pool = make_pool(db, "Inside sales", [(ann, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    first = make_mql(db, make_contact(db, first_name="Quinn", last_name="Lead"))
    db.commit()
    client = sign_in(anon_client, ann)

    page = client.get("/queue").text
    poll = re.search(r'id="queue-news"[^>]*hx-get="([^"]+)"', page, re.S)
    assert poll, "the queue page has no poller"
    url = html.unescape(poll.group(1))
    assert f"after_id={first.id}" in url
    assert "new-pill" not in client.get(url).text

    make_mql(db, make_contact(db, first_name="Rosa", last_name="Newer"))
    db.commit()
    news = client.get(url).text
    assert "1 new lead waiting" in news
    assert f"after_id={first.id}" in news  # it keeps asking after the same card until reloaded
    # A page that showed no card (or a garbled place) is told of every lead waiting.
    assert "2 new leads waiting" in client.get("/queue/news").text
    assert "2 new leads waiting" in client.get("/queue/news?after_at=bad&after_id=x").text


def test_the_bell_keeps_asking(db: Session, anon_client: TestClient) -> None:
    ann, _, _, _ = _routed(db)
    client = sign_in(anon_client, ann)
    bell = client.get("/notifications/bell").text
    assert (
        'hx-get="/notifications/bell"' in bell
        and "every 30s" in bell
        and "data-poll-when-visible" in bell
    )


def test_the_queue_and_packet_show_todays_score_beside_the_hand_offs(
    db: Session, anon_client: TestClient
) -> None:
    ann, _, contact, handoff = _routed(db)
    # The packet keeps the story as it stood at the hand-off (a primary score of 10);
    # the lead has done more since.
    handoff.packet = {
        **handoff.packet,
        "scores": [{"model": "Engagement", "total": 10.0, "primary": True, "top": []}],
    }
    contact.score = 29
    db.commit()
    client = sign_in(anon_client, ann)

    for page in (client.get("/queue").text, client.get(f"/queue/{handoff.id}").text):
        assert "Score <strong>29</strong>" in page
        assert "(10 at hand-off)" in page


def test_the_packet_page_shows_what_the_lead_did_since_the_hand_off(
    db: Session, anon_client: TestClient
) -> None:
    ann, _, contact, handoff = _routed(db)
    make_touch(
        db,
        contact_id=contact.id,
        type="trial_started",
        properties={"product": "Huddle Cloud trial"},
        occurred_at=handoff.at + timedelta(hours=20),
    )
    db.commit()
    client = sign_in(anon_client, ann)
    page = client.get(f"/queue/{handoff.id}").text
    since = page[page.index('id="since-handoff"') :]
    assert "Huddle Cloud trial" in since and "Trial started" in since
    assert "Huddle Cloud trial" not in page[: page.index('id="since-handoff"')]


def test_the_queue_orders_leads_by_predicted_conversion_when_asked(
    db: Session, anon_client: TestClient
) -> None:
    ann = make_rep(db, "Ann Rep")
    pool = make_pool(db, "Inside sales", [(ann, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    older = make_mql(db, make_contact(db, first_name="Likely", last_name="Lead"))
    newer = make_mql(db, make_contact(db, first_name="Unlikely", last_name="Lead"))
    db.commit()
    client = sign_in(anon_client, ann)

    def shown(url: str) -> list[int]:
        return [int(i) for i in re.findall(r'id="handoff-(\d+)"', client.get(url).text)]

    assert shown("/queue") == [newer.id, older.id]
    # No trained model yet: said, and the queue stays newest first.
    without = client.get("/queue?order=likeliest").text
    assert "No trained model predicts conversion yet" in without
    assert shown("/queue?order=likeliest") == [newer.id, older.id]

    model = scoring.predicted_score_model(db, name="Predicted conversion", description="test")
    scoring.write_predicted_scores(
        db, model.id, {older.contact_id: 0.81, newer.contact_id: 0.12}, as_of=clock.now()
    )
    db.commit()

    assert shown("/queue?order=likeliest") == [older.id, newer.id]
    page = client.get("/queue?order=likeliest").text
    assert "most likely to convert first" in page
    assert "No trained model" not in page
