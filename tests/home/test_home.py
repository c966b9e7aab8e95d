"""Home: the funnel of the last 30 days, my open leads, recent activity."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from tests.contacts.factories import make_contact
from tests.lifecycle.factories import make_opportunity, make_transition


def test_anonymous_visitors_are_sent_to_sign_in(anon_client: TestClient) -> None:
    response = anon_client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/"


def test_funnel_counts_entries_of_the_last_30_days(
    client: TestClient, db: Session, frozen_clock: clock.FrozenClock
) -> None:
    now = clock.now()
    for _ in range(4):
        make_transition(db, contact_id=make_contact(db).id, to_stage="lead", at=now)
    for _ in range(2):
        make_transition(db, contact_id=make_contact(db).id, to_stage="mql", at=now)
    # Too old to count.
    make_transition(db, contact_id=make_contact(db).id, to_stage="mql", at=now - timedelta(days=45))
    rows = _funnel_rows(client.get("/").text)
    assert rows["lead"] == "4 contacts"
    assert rows["mql"] == "2 contacts 50% of Lead"


def _funnel_rows(html: str) -> dict[str, str]:
    """Each funnel row's stage (from its link) and the words a screen reader hears after it."""
    rows = {}
    for row in re.findall(r'<li class="funnel-row">(.*?)</li>', html, re.S):
        stage = re.search(r'href="/contacts\?stage=(\w+)"', row)
        assert stage, row
        after_link = row.split("</a>", 1)[1]
        hidden = re.sub(r"<svg.*?</svg>", "", after_link, flags=re.S)
        rows[stage.group(1)] = " ".join(re.sub(r"<[^>]+>", " ", hidden).split())
    return rows


def test_empty_funnel_says_what_to_do(client: TestClient) -> None:
    assert "Nobody moved through the funnel lately" in client.get("/").text


def test_my_open_leads_are_mine_and_open(client: TestClient, db: Session, admin: User) -> None:
    make_contact(db, first_name="Mine", last_name="Open", lifecycle_stage="mql", owner_id=admin.id)
    make_contact(
        db, first_name="Mine", last_name="Won", lifecycle_stage="customer", owner_id=admin.id
    )
    make_contact(db, first_name="Someone", last_name="Else", lifecycle_stage="mql")
    html = client.get("/").text
    leads = html[html.index("My open leads") : html.index("Recent activity")]
    assert "Mine Open" in leads and "Mine Won" not in leads and "Someone Else" not in leads


def test_pipeline_total_on_home(client: TestClient, db: Session) -> None:
    make_opportunity(db, amount=1_500_000)
    assert "$1.5M" in client.get("/").text
