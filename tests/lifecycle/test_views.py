"""The pipeline pages: the board of open deals, one deal's page, moving and closing it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.actor import Actor
from huddle.lifecycle import service
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity
from tests.web.forms import submitted

XSS = "<script>alert(1)</script>"


@pytest.mark.parametrize("path", ["/opportunities", "/opportunities/1"])
def test_anonymous_visitors_are_sent_to_sign_in(anon_client: TestClient, path: str) -> None:
    response = anon_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


def column(html: str, stage: str) -> str:
    start = html.index(f'id="col-{stage}"')
    end = html.find('<section class="column"', start)
    return html[start : end if end != -1 else len(html)]


def test_board_puts_deals_in_their_columns_with_totals(
    client: TestClient, db: Session, admin: User
) -> None:
    globex = make_account(db, name="Globex")
    make_opportunity(
        db,
        name="Globex expansion",
        account=globex,
        amount=120000,
        pipeline_stage="negotiation",
        owner_id=admin.id,
    )
    make_opportunity(db, name="Small pilot", amount=5000, pipeline_stage="negotiation")
    make_opportunity(db, name="Early chat", amount=2500, pipeline_stage="qualification")
    html = client.get("/opportunities").text
    negotiation = column(html, "negotiation")
    assert "Globex expansion" in negotiation and "Globex" in negotiation
    assert "Small pilot" in negotiation and "Early chat" not in negotiation
    assert "$125,000" in negotiation  # the column's sum
    assert re.search(r'<span class="count-pill">2</span>', negotiation)
    assert "Early chat" in column(html, "qualification")


def test_my_deals_shows_only_mine(client: TestClient, db: Session, admin: User) -> None:
    make_opportunity(db, name="Mine", owner_id=admin.id)
    make_opportunity(db, name="Theirs")
    html = client.get("/opportunities?owner=me").text
    assert "Mine" in html and "Theirs" not in html


def test_empty_board_explains_itself(client: TestClient) -> None:
    assert "No open deals" in client.get("/opportunities").text


def test_deal_page_shows_account_people_and_amount(client: TestClient, db: Session) -> None:
    account = make_account(db, name="Initech")
    person = make_contact(db, first_name="Bill", last_name="Lumbergh", account=account)
    deal = make_opportunity(
        db,
        name="Initech seats",
        account=account,
        amount=18500,
        expected_close_date=date(2026, 4, 30),
        contacts={person.id: "decision_maker"},
    )
    html = client.get(f"/opportunities/{deal.id}").text
    assert "Initech seats" in html and f'href="/accounts/{account.id}"' in html
    assert "$18,500" in html and "Bill Lumbergh" in html and "Decision maker" in html


def test_deal_names_are_escaped(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db, name=XSS, pipeline_stage="proposal")
    for path in ("/opportunities", f"/opportunities/{deal.id}"):
        html = client.get(path).text
        assert XSS not in html and "&lt;script&gt;" in html


def test_move_a_deal(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db)
    submitted(client, f"/opportunities/{deal.id}/move", {"pipeline_stage": "proposal"})
    assert service.get_opportunity(db, deal.id).pipeline_stage == "proposal"


def test_a_lost_deal_needs_a_reason_shown_inline(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db)
    response = client.post(f"/opportunities/{deal.id}/close", data={"outcome": "lost"})
    assert response.status_code == 422
    assert 'class="alert alert-error"' in response.text
    assert service.get_opportunity(db, deal.id).status == "open"


def test_winning_a_deal_whose_contact_cannot_move_says_so(
    client: TestClient, db: Session, admin: User
) -> None:
    service.set_allowed_transitions(
        db, [("mql", "recycled")], actor=Actor.user(admin.id, role="admin")
    )
    stuck = make_contact(db, first_name="Mia", last_name="Quinn", lifecycle_stage="mql")
    deal = make_opportunity(db, primary_contact_id=stuck.id)

    submitted(client, f"/opportunities/{deal.id}/close", {"outcome": "won"})

    html = client.get(f"/opportunities/{deal.id}").text
    assert "Deal won. 0 of its 1 people are now customers." in html
    assert "Mia Quinn stays MQL" in html
    assert "Its people are now customers" not in html


def test_win_a_deal(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db)
    submitted(client, f"/opportunities/{deal.id}/close", {"outcome": "won", "reason": "Great fit"})
    assert service.get_opportunity(db, deal.id).status == "won"
    html = client.get(f"/opportunities/{deal.id}").text
    assert "This deal was <strong>won</strong>" in html
    assert "Recently closed" in client.get("/opportunities").text
