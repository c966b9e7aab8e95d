from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.clock import FrozenClock
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity

API = "/api/v1"

# Requests share the test's session: one that fails rolls back to the last commit, so each
# test commits its setup (the test's outer transaction still rolls it all back at the end).


def _error_fields(response_json: dict[str, list[dict[str, list[str]]]]) -> set[str]:
    return {".".join(map(str, e["loc"][1:])) for e in response_json["detail"]}


def test_a_stage_change_returns_the_transition(
    client: TestClient, db: Session, admin: User, frozen_clock: FrozenClock
) -> None:
    contact = make_contact(db, lifecycle_stage="mql")

    response = client.post(
        f"{API}/contacts/{contact.id}/stage", json={"to_stage": "sal", "reason": "Booked a call"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from_stage"], body["to_stage"], body["reason"]) == ("mql", "sal", "Booked a call")
    assert body["by_user_id"] == admin.id
    history = client.get(f"{API}/contacts/{contact.id}/stage-history").json()
    assert [t["to_stage"] for t in history] == ["sal"]


def test_a_disallowed_stage_change_is_409_and_changes_nothing(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    db.commit()

    response = client.post(f"{API}/contacts/{contact.id}/stage", json={"to_stage": "customer"})

    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert client.get(f"{API}/contacts/{contact.id}/stage-history").json() == []


def test_stage_change_errors(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()

    unknown = client.post(f"{API}/contacts/{contact.id}/stage", json={"to_stage": "hot"})
    missing = client.post(f"{API}/contacts/999999999/stage", json={"to_stage": "mql"})

    assert unknown.status_code == 422
    assert _error_fields(unknown.json()) == {"to_stage"}
    assert missing.status_code == 404


def test_rejecting_a_lead(client: TestClient, db: Session) -> None:
    mql, lead = make_contact(db, lifecycle_stage="mql"), make_contact(db, lifecycle_stage="lead")
    payload = {"reason_code": "bad_fit", "note": "Two-person agency"}
    db.commit()

    accepted = client.post(f"{API}/contacts/{mql.id}/reject", json=payload)
    refused = client.post(f"{API}/contacts/{lead.id}/reject", json=payload)
    bad_reason = client.post(
        f"{API}/contacts/{mql.id}/reject", json={"reason_code": "nope", "note": None}
    )

    assert accepted.status_code == 200
    assert (accepted.json()["to_stage"], accepted.json()["rejection_reason"]) == (
        "recycled",
        "bad_fit",
    )
    assert refused.status_code == 409
    assert bad_reason.status_code == 422
    assert _error_fields(bad_reason.json()) == {"reason_code"}


def test_stages_transitions_and_reasons_are_listed(client: TestClient) -> None:
    stages = client.get(f"{API}/lifecycle/stages").json()
    transitions = client.get(f"{API}/lifecycle/transitions").json()
    reasons = client.get(f"{API}/lifecycle/rejection-reasons").json()

    assert [s["key"] for s in stages if s["rejectable"]] == ["mql", "sal"]
    assert {"from_stage": "mql", "to_stage": "sal"} in transitions
    assert "no_budget" in [r["code"] for r in reasons]


def test_an_admin_replaces_the_transitions(client: TestClient) -> None:
    new = [{"from_stage": "lead", "to_stage": "mql"}, {"from_stage": "mql", "to_stage": "sal"}]

    response = client.put(f"{API}/lifecycle/transitions", json={"transitions": new})
    invalid = client.put(
        f"{API}/lifecycle/transitions",
        json={"transitions": [{"from_stage": "lead", "to_stage": "hot"}]},
    )

    assert response.status_code == 200
    assert response.json() == new
    assert invalid.status_code == 422
    assert _error_fields(invalid.json()) == {"transitions.0.to_stage"}
    assert client.get(f"{API}/lifecycle/transitions").json() == new


def test_a_sales_rep_cannot_change_lifecycle_rules(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    client = sign_in(anon_client, rep)

    transitions = client.put(f"{API}/lifecycle/transitions", json={"transitions": []})
    reason = client.post(f"{API}/lifecycle/rejection-reasons", json={"code": "x", "label": "X"})

    assert (transitions.status_code, reason.status_code) == (403, 403)
    assert client.get(f"{API}/lifecycle/transitions").json() != []


def test_rejection_reasons_are_managed(client: TestClient) -> None:
    created = client.post(
        f"{API}/lifecycle/rejection-reasons", json={"code": "student", "label": "A student"}
    )
    again = client.post(
        f"{API}/lifecycle/rejection-reasons", json={"code": "student", "label": "A student"}
    )
    deactivated = client.post(f"{API}/lifecycle/rejection-reasons/student/deactivate")

    assert (created.status_code, again.status_code, deactivated.status_code) == (201, 409, 200)
    active = client.get(f"{API}/lifecycle/rejection-reasons").json()
    every = client.get(f"{API}/lifecycle/rejection-reasons?include_inactive=true").json()
    assert "student" not in [r["code"] for r in active]
    assert {"code": "student", "label": "A student", "active": False}.items() <= every[-1].items()


def test_stage_entries_in_a_window(
    client: TestClient, db: Session, frozen_clock: FrozenClock
) -> None:
    start = frozen_clock.now()
    first, second = make_contact(db), make_contact(db)
    client.post(f"{API}/contacts/{first.id}/stage", json={"to_stage": "mql"})
    frozen_clock.advance(timedelta(days=2))
    client.post(f"{API}/contacts/{second.id}/stage", json={"to_stage": "mql"})

    window = client.get(
        f"{API}/lifecycle/entries",
        params={
            "stage": "mql",
            "since": start.isoformat(),
            "until": (start + timedelta(days=1)).isoformat(),
        },
    )
    naive = client.get(
        f"{API}/lifecycle/entries", params={"stage": "mql", "since": "2026-03-01T00:00:00"}
    )

    assert window.status_code == 200
    assert [e["contact_id"] for e in window.json()] == [first.id]
    assert naive.status_code == 422


def test_every_route_needs_a_signed_in_user(anon_client: TestClient) -> None:
    for method, path in (
        ("get", "/lifecycle/stages"),
        ("get", "/lifecycle/transitions"),
        ("post", "/contacts/1/stage"),
        ("get", "/opportunities"),
        ("get", "/opportunities/board"),
    ):
        assert anon_client.request(method, f"{API}{path}").status_code == 401, path


# --- opportunities ----------------------------------------------------------------------


def test_a_deal_is_created_moved_and_won(client: TestClient, db: Session) -> None:
    account = make_account(db)
    champion = make_contact(db, account=account, lifecycle_stage="sql")
    db.commit()

    created = client.post(
        f"{API}/opportunities",
        json={
            "name": "Annual plan",
            "account_id": account.id,
            "amount": 12000,
            "expected_close_date": "2026-05-31",
            "contacts": [{"contact_id": champion.id, "role": "champion"}],
        },
    )
    assert created.status_code == 201, created.text
    deal = created.json()
    assert [(c["contact_id"], c["role"]) for c in deal["contacts"]] == [(champion.id, "champion")]

    moved = client.post(
        f"{API}/opportunities/{deal['id']}/move", json={"pipeline_stage": "proposal"}
    )
    lost_without_reason = client.post(
        f"{API}/opportunities/{deal['id']}/close", json={"won": False}
    )
    won = client.post(f"{API}/opportunities/{deal['id']}/close", json={"won": True})

    assert moved.json()["pipeline_stage"] == "proposal"
    assert lost_without_reason.status_code == 422
    assert (won.json()["status"], won.json()["pipeline_stage"]) == ("won", "closed_won")
    assert won.json()["contacts"] == [
        {
            "contact_id": champion.id,
            "from_stage": "opportunity",
            "stages": ["customer"],
            "problem": None,
        }
    ]
    history = client.get(f"{API}/contacts/{champion.id}/stage-history").json()
    assert [h["to_stage"] for h in history] == ["opportunity", "customer"]


def test_winning_a_deal_says_which_contact_could_not_become_a_customer(
    client: TestClient, db: Session
) -> None:
    # A configuration where an MQL can only be recycled or disqualified: no way to Customer.
    client.put(
        f"{API}/lifecycle/transitions",
        json={"transitions": [{"from_stage": "mql", "to_stage": "recycled"}]},
    ).raise_for_status()
    stuck = make_contact(db, lifecycle_stage="mql")
    deal = make_opportunity(db, primary_contact_id=stuck.id)
    db.commit()

    won = client.post(f"{API}/opportunities/{deal.id}/close", json={"won": True})

    assert won.status_code == 200, won.text
    assert won.json()["status"] == "won"
    [outcome] = won.json()["contacts"]
    assert (outcome["contact_id"], outcome["from_stage"], outcome["stages"]) == (
        stuck.id,
        "mql",
        [],
    )
    assert outcome["problem"].startswith("stays MQL")
    db.refresh(stuck)
    assert stuck.lifecycle_stage == "mql"


def test_a_deal_is_read_updated_and_its_roles_managed(client: TestClient, db: Session) -> None:
    deal = make_opportunity(db, amount=100)
    contact = make_contact(db, lifecycle_stage="lead")
    path = f"{API}/opportunities/{deal.id}"
    db.commit()

    patched = client.patch(path, json={"amount": 250, "expected_close_date": None})
    added = client.put(f"{path}/contacts/{contact.id}", json={"role": "decision_maker"})
    read = client.get(path)
    removed = client.delete(f"{path}/contacts/{contact.id}")

    assert patched.json()["amount"] == 250
    assert added.json()["role"] == "decision_maker"
    assert read.json()["contacts"][0]["contact_id"] == contact.id
    assert removed.status_code == 204
    assert client.get(path).json()["contacts"] == []
    assert client.get(f"{API}/opportunities/999999999").status_code == 404


def test_deals_are_listed_a_page_at_a_time(client: TestClient, db: Session) -> None:
    account = make_account(db)
    deals = [make_opportunity(db, account=account) for _ in range(3)]

    first = client.get(f"{API}/opportunities", params={"account_id": account.id, "limit": 2}).json()
    second = client.get(
        f"{API}/opportunities",
        params={"account_id": account.id, "limit": 2, "cursor": first["next_cursor"]},
    ).json()

    assert [d["id"] for d in first["items"]] == [deals[2].id, deals[1].id]
    assert [d["id"] for d in second["items"]] == [deals[0].id]
    assert second["next_cursor"] is None


def test_the_board(client: TestClient, db: Session) -> None:
    make_opportunity(db, amount=1000, pipeline_stage="negotiation")

    board = client.get(f"{API}/opportunities/board")

    assert board.status_code == 200
    negotiation = board.json()["columns"][3]
    assert negotiation["stage"] == "negotiation"
    assert negotiation["totals"] == {
        "count": 1,
        "amount": 1000,
        "weighted_amount": 750,
        "currency": "USD",
    }


def test_a_total_is_in_the_currency_of_its_deals_or_says_they_are_in_several(
    client: TestClient, db: Session
) -> None:
    make_opportunity(db, amount=1000, currency="EUR", pipeline_stage="negotiation")
    make_opportunity(db, amount=500, currency="EUR", pipeline_stage="proposal")

    euros = client.get(f"{API}/opportunities/board").json()
    make_opportunity(db, amount=200, currency="GBP", pipeline_stage="proposal")
    mixed = client.get(f"{API}/opportunities/board").json()
    page = client.get("/opportunities").text

    assert (euros["totals"]["amount"], euros["totals"]["currency"]) == (1500, "EUR")
    assert [c["totals"]["currency"] for c in mixed["columns"][2:]] == [None, "EUR"]
    assert (mixed["totals"]["amount"], mixed["totals"]["currency"]) == (1700, None)
    assert "€1,000" in page
    assert "in several currencies added as written" in page


def test_only_a_manager_deletes_a_deal_not_even_its_owner(
    anon_client: TestClient, db: Session
) -> None:
    owner = make_user(db, role="sales_rep", team="sales")
    manager = make_user(db, role="sales_manager", team="sales")
    deal = make_opportunity(db, owner_id=owner.id)
    db.commit()

    # A deleted deal leaves the forecast and win rate without a trace: its rep closes it.
    refused = sign_in(anon_client, owner).delete(f"{API}/opportunities/{deal.id}")
    anon_client.cookies.clear()
    deleted = sign_in(anon_client, manager).delete(f"{API}/opportunities/{deal.id}")

    assert (refused.status_code, deleted.status_code) == (403, 204)
    assert anon_client.get(f"{API}/opportunities/{deal.id}").status_code == 404
