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


# --- working a deal from its page and the board ---------------------------------------------


def test_moving_from_the_board_comes_back_to_the_board(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db)
    location = submitted(
        client,
        f"/opportunities/{deal.id}/move",
        {"pipeline_stage": "negotiation", "back": "board"},
    )
    assert location == "/opportunities"
    assert f'action="/opportunities/{deal.id}/move"' in column(
        client.get(location).text, "negotiation"
    )


def test_the_move_form_takes_no_address_to_go_back_to(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db)
    response = client.post(
        f"/opportunities/{deal.id}/move",
        data={"pipeline_stage": "proposal", "back": "https://evil.example/"},
        follow_redirects=False,
    )
    # Refused before anything runs (and the request's transaction, the test's here, rolled
    # back): no redirect to wherever the form said.
    assert response.status_code == 422
    assert "location" not in response.headers


def test_edit_a_deal_and_read_its_activity(client: TestClient, db: Session, admin: User) -> None:
    deal = make_opportunity(db, name="Pilot", amount=1000)
    submitted(
        client,
        f"/opportunities/{deal.id}/edit",
        {
            "name": "Pilot, 40 seats",
            "amount": "48000",
            "currency": "eur",
            "expected_close_date": "2026-12-18",
            "owner_id": str(admin.id),
        },
    )
    submitted(client, f"/opportunities/{deal.id}/move", {"pipeline_stage": "proposal"})
    submitted(client, f"/opportunities/{deal.id}/notes", {"body": "Legal asks for a DPA."})

    changed = service.get_opportunity(db, deal.id)
    assert (changed.name, changed.amount, changed.currency) == ("Pilot, 40 seats", 48000, "EUR")
    assert changed.expected_close_date == date(2026, 12, 18)
    assert changed.owner_id == admin.id

    html = client.get(f"/opportunities/{deal.id}").text
    activity = html[html.index('id="activity"') :]
    lines = re.findall(r'<span class="tl-title">([^<]*)</span>', activity)
    # Newest first: the note, the move, the edit.
    assert lines[0].split() == [*admin.name.split(), "wrote", "a", "note"]
    assert "moved it from Qualification to Proposal" in lines[1]
    assert "changed the name, amount, currency, close date and owner" in lines[2]
    assert "Legal asks for a DPA." in activity


def test_an_emptied_close_date_is_cleared_and_a_bad_amount_is_refused_inline(
    client: TestClient, db: Session
) -> None:
    deal = make_opportunity(db, expected_close_date=date(2026, 12, 1))
    fields = {"name": deal.name, "amount": "10", "currency": "USD", "expected_close_date": ""}
    submitted(client, f"/opportunities/{deal.id}/edit", fields)
    assert service.get_opportunity(db, deal.id).expected_close_date is None

    response = client.post(f"/opportunities/{deal.id}/edit", data=fields | {"amount": "-5"})
    assert response.status_code == 422
    assert 'class="alert alert-error"' in response.text and "amount" in response.text.lower()
    assert service.get_opportunity(db, deal.id).amount == 10


def test_an_open_deal_past_its_close_date_is_flagged(client: TestClient, db: Session) -> None:
    from huddle.core import clock

    today = clock.now().date()
    late = make_opportunity(db, name="Late one", expected_close_date=date(today.year - 1, 1, 1))
    make_opportunity(db, name="On time", expected_close_date=date(today.year + 1, 1, 1))
    board = client.get("/opportunities").text
    cards = re.findall(r'<article class="deal([^"]*)"[^>]*>\s*<a[^>]*>([^<]*)</a>', board)
    classes = {name: cls for cls, name in cards}
    assert "deal-overdue" in classes["Late one"]
    assert "deal-overdue" not in classes["On time"]
    assert "Close date passed" in client.get(f"/opportunities/{late.id}").text


def test_new_deal_from_a_contact_puts_them_on_it(client: TestClient, db: Session) -> None:
    acme = make_account(db, name="Acme")
    ana = make_contact(db, first_name="Ana", last_name="Ruiz", account_id=acme.id)
    form = client.get(f"/opportunities/new?contact_id={ana.id}").text
    assert "With Acme, Ana Ruiz as its decision maker" in form
    location = submitted(
        client,
        "/opportunities/new",
        {
            "name": "Acme annual",
            "account_id": str(acme.id),
            "contact_id": str(ana.id),
            "amount": "12000",
            "currency": "USD",
            "pipeline_stage": "discovery",
        },
    )
    deal_id = int(location.rsplit("/", 1)[1])
    deal = service.get_opportunity(db, deal_id)
    assert (deal.account_id, deal.primary_contact_id, deal.pipeline_stage) == (
        acme.id,
        ana.id,
        "discovery",
    )
    assert [r.contact_id for r in service.contact_roles(db, deal_id)] == [ana.id]
    assert "created the deal" in client.get(location).text


def test_new_deal_from_the_board_finds_its_account_by_name(client: TestClient, db: Session) -> None:
    make_account(db, name="Initech")
    make_account(db, name="Globex")
    choices = client.get("/opportunities/new/accounts", params={"q": "init"}).text
    assert "Initech" in choices and "Globex" not in choices
    refused = client.post("/opportunities/new", data={"name": "No account", "account_id": ""})
    assert refused.status_code == 422
    assert "account" in refused.text.lower() and 'class="alert alert-error"' in refused.text
