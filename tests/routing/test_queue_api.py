"""The sales queue and the packet in the API, as their pages show them: the same hand-offs
in the same order with the lead, the rule and the rep by name; the new-leads count the
queue page polls for; a rep never reads another rep's packet; contact details stay hidden
from roles that may not see them."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.routing.models import Handoff
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule
from tests.tokens import token_client


def _three_leads_for_ann(db: Session, test_clock: clock.ShiftedClock) -> tuple[User, list[Handoff]]:
    ann = make_rep(db, "Ann Rep")
    pool = make_pool(db, "Inside sales", [(ann, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    handoffs = []
    for n, title in enumerate(("VP Marketing", "CTO", None)):
        contact = make_contact(db, first_name=f"Lead{n}", last_name="Person", job_title=title)
        handoffs.append(make_mql(db, contact))
        test_clock.set(test_clock.now() + timedelta(minutes=1))
    db.commit()
    return ann, handoffs


def test_queue_entries_agree_with_the_queue_page(
    db: Session, anon_client: TestClient, test_clock: clock.ShiftedClock
) -> None:
    ann, handoffs = _three_leads_for_ann(db, test_clock)
    client = sign_in(anon_client, ann)
    page = client.get("/queue").text
    entries = client.get("/api/v1/queue/entries").json()
    shown = [int(i) for i in re.findall(r'id="handoff-(\d+)"', page)]
    assert [e["handoff"]["id"] for e in entries] == shown == [h.id for h in reversed(handoffs)]
    for entry in entries:
        contact, handoff = entry["contact"], entry["handoff"]
        name = f"{contact['first_name']} {contact['last_name']}"
        assert f'<a href="/queue/{handoff["id"]}">{name}</a>' in page
        if contact["job_title"]:
            assert f'{name}</a> <span class="muted">· {contact["job_title"]}' in page
        assert entry["owner_name"] == "Ann Rep" and handoff["owner_id"] == ann.id
        assert handoff["reason"] in page
        assert entry["rule_label"] == "Round robin: Rule 1"
    # The same hand-offs as /queue, and the same paging.
    assert [h["id"] for h in client.get("/api/v1/queue").json()] == shown
    newest = entries[0]["handoff"]
    older = client.get(
        "/api/v1/queue/entries",
        params={"before_at": newest["at"], "before_id": newest["id"], "limit": 1},
    ).json()
    assert [e["handoff"]["id"] for e in older] == [shown[1]]


def test_the_packet_agrees_with_its_page_and_is_the_reps_own(
    db: Session, anon_client: TestClient, test_clock: clock.ShiftedClock
) -> None:
    ann, handoffs = _three_leads_for_ann(db, test_clock)
    other = make_rep(db, "Ben Rep")
    db.commit()
    handoff = handoffs[0]
    client = sign_in(anon_client, ann)
    page = client.get(f"/queue/{handoff.id}").text
    entry = client.get(f"/api/v1/queue/{handoff.id}").json()
    assert entry == client.get("/api/v1/queue/entries").json()[-1]
    assert entry["rule_label"] in page and entry["handoff"]["reason"] in page
    assert f"Hand-off {entry['handoff']['status']}" in page
    for point in entry["handoff"]["packet"]["talking_points"]:
        assert point in page
    assert client.get("/api/v1/queue/999999").status_code == 404
    sign_in(anon_client, other)
    assert anon_client.get(f"/queue/{handoff.id}").status_code == 403
    assert anon_client.get(f"/api/v1/queue/{handoff.id}").status_code == 403
    assert anon_client.get("/api/v1/queue/entries").json() == []


def test_news_counts_the_leads_above_the_newest_shown(
    db: Session, anon_client: TestClient, test_clock: clock.ShiftedClock
) -> None:
    ann, _ = _three_leads_for_ann(db, test_clock)
    client = sign_in(anon_client, ann)
    newest = client.get("/api/v1/queue/entries").json()[0]["handoff"]
    place = {"after_at": newest["at"], "after_id": newest["id"]}
    assert client.get("/api/v1/queue/news", params=place).json() == {"fresh": 0}
    assert client.get("/api/v1/queue/news").json() == {"fresh": 3}
    make_mql(db, make_contact(db, first_name="Late", last_name="Arrival"))
    db.commit()
    assert client.get("/api/v1/queue/news", params=place).json() == {"fresh": 1}
    pill = client.get("/queue/news", params=place).text
    assert "1 new lead waiting" in pill


def _lead_with_details(db: Session) -> tuple[Handoff, Contact]:
    ann = make_rep(db, "Ann Rep")
    make_rule(db, kind="round_robin", position=1, pool_id=make_pool(db, "P", [(ann, 1)]).id)
    contact = make_contact(db, email="kept@private.example", phone="+44 20 7946 0000")
    handoff = make_mql(db, contact)
    db.commit()
    return handoff, contact


def test_contact_details_only_for_roles_that_may_see_them(
    db: Session, anon_client: TestClient
) -> None:
    handoff, contact = _lead_with_details(db)
    for role, shown in (("sales_manager", True), ("product", False)):
        sign_in(anon_client, make_user(db, role=role, team="sales"))
        got = anon_client.get(f"/api/v1/queue/{handoff.id}")
        assert got.status_code == 200
        lead = got.json()["contact"]
        assert (lead["email"], lead["phone"]) == (
            (contact.email, contact.phone) if shown else (None, None)
        )
        assert ("kept@private.example" in got.text) is shown


def test_who_may_read_the_queue(app: Any, anon_client: TestClient, db: Session) -> None:
    """Every role reads its queue (as the page): an ingest-only token may not (403),
    nobody signed in gets 401."""
    handoff, _ = _lead_with_details(db)
    manager = make_user(db, role="sales_manager", team="sales")
    reader = token_client(app, db, manager, ["read"])
    sender = token_client(app, db, manager, ["ingest"])
    for url in ("/api/v1/queue/entries", "/api/v1/queue/news", f"/api/v1/queue/{handoff.id}"):
        assert anon_client.get(url).status_code == 401, url
        assert reader.get(url).status_code == 200, url
        assert sender.get(url).status_code == 403, url
