from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Note
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import Conflict, ResourceNotFound, ValidationFailed
from huddle.lifecycle import service
from huddle.lifecycle.models import OpportunityContact
from huddle.lifecycle.schemas import (
    ContactRole,
    OpportunityCreate,
    OpportunityFilters,
    OpportunityUpdate,
)
from huddle.lifecycle.stages import DEFAULT_TRANSITIONS
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact, make_note
from tests.lifecycle.factories import make_opportunity


def _stage(db: Session, contact_id: int) -> str:
    history = service.stage_history(db, contact_id)
    return history[-1].to_stage if history else "(no moves)"


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {error.field for error in exc.value.errors}


def test_creating_a_deal_moves_its_qualified_contacts_to_opportunity(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    account = make_account(db)
    champion = make_contact(db, account=account, lifecycle_stage="sql")
    buyer = make_contact(db, account=account, lifecycle_stage="sal")
    too_early = make_contact(db, account=account, lifecycle_stage="mql")

    deal = service.create_opportunity(
        db,
        OpportunityCreate(
            name="Platform rollout",
            account_id=account.id,
            primary_contact_id=champion.id,
            amount=24000,
            contacts=[
                ContactRole(contact_id=buyer.id, role="economic_buyer"),
                ContactRole(contact_id=too_early.id, role="influencer"),
            ],
        ),
        actor=actor,
    )

    assert (deal.status, deal.pipeline_stage) == ("open", "qualification")
    assert [(r.contact_id, r.role) for r in service.contact_roles(db, deal.id)] == [
        (buyer.id, "economic_buyer"),
        (too_early.id, "influencer"),
    ]
    for contact in (champion, buyer):
        [move] = service.stage_history(db, contact.id)
        assert move.to_stage == "opportunity"
        assert move.by_rule == f"opportunity #{deal.id}"
        assert move.by_user_id == actor.user_id
        db.refresh(contact)
        assert contact.lifecycle_stage == "opportunity"
    # MQL -> Opportunity is not an allowed move: left as is, and the deal exists anyway.
    db.refresh(too_early)
    assert too_early.lifecycle_stage == "mql"
    assert service.stage_history(db, too_early.id) == []


def test_a_deal_needs_real_references_and_an_open_stage(db: Session, actor: Actor) -> None:
    contact = make_contact(db)
    with pytest.raises(ValidationFailed) as exc:
        service.create_opportunity(
            db,
            OpportunityCreate(
                name="Ghost",
                account_id=10**9,
                primary_contact_id=10**9 + 1,
                owner_id=10**9,
                pipeline_stage="closed_won",
                contacts=[ContactRole(contact_id=contact.id), ContactRole(contact_id=contact.id)],
            ),
            actor=actor,
        )
    assert _fields(exc) == {
        "account_id",
        "primary_contact_id",
        "owner_id",
        "pipeline_stage",
        "contacts.1.contact_id",
    }


def test_winning_makes_the_deals_contacts_customers(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    engaged = make_contact(db, lifecycle_stage="opportunity")
    user = make_contact(db, lifecycle_stage="lead")
    already = make_contact(db, lifecycle_stage="customer")
    deal = make_opportunity(
        db, primary_contact_id=engaged.id, contacts={user.id: "user", already.id: "champion"}
    )
    frozen_clock.advance(timedelta(days=30))

    closed = service.close_opportunity(db, deal.id, won=True, actor=actor)

    assert (deal.status, deal.pipeline_stage, deal.closed_at) == (
        "won",
        "closed_won",
        frozen_clock.now(),
    )
    db.refresh(engaged)
    db.refresh(user)
    assert (engaged.lifecycle_stage, user.lifecycle_stage) == ("customer", "customer")
    [move] = service.stage_history(db, engaged.id)
    assert (move.from_stage, move.to_stage, move.by_rule) == (
        "opportunity",
        "customer",
        f"opportunity #{deal.id}",
    )
    # A lead on a won deal goes through the stages the allowed transitions require.
    assert [(m.from_stage, m.to_stage) for m in service.stage_history(db, user.id)] == [
        ("lead", "sal"),
        ("sal", "opportunity"),
        ("opportunity", "customer"),
    ]
    assert {o.contact_id: (o.stages, o.problem) for o in closed.contacts} == {
        engaged.id: (("customer",), None),
        user.id: (("sal", "opportunity", "customer"), None),
        already.id: ((), None),
    }
    assert closed.not_moved == []


def test_losing_needs_a_reason_and_makes_contacts_lost(db: Session, actor: Actor) -> None:
    engaged = make_contact(db, lifecycle_stage="opportunity")
    deal = make_opportunity(db, contacts={engaged.id: "champion"})

    with pytest.raises(ValidationFailed) as exc:
        service.close_opportunity(db, deal.id, won=False, reason=" ", actor=actor)
    assert _fields(exc) == {"reason"}
    assert deal.status == "open"

    service.close_opportunity(db, deal.id, won=False, reason="Went with a competitor", actor=actor)

    assert (deal.status, deal.lost_reason) == ("lost", "Went with a competitor")
    db.refresh(engaged)
    assert engaged.lifecycle_stage == "lost"
    assert service.stage_history(db, engaged.id)[-1].reason == "deal lost: Went with a competitor"


def test_losing_one_deal_keeps_contacts_engaged_in_another(db: Session, actor: Actor) -> None:
    engaged = make_contact(db, lifecycle_stage="opportunity")
    lost = make_opportunity(db, primary_contact_id=engaged.id)
    make_opportunity(db, contacts={engaged.id: "champion"})

    service.close_opportunity(db, lost.id, won=False, reason="No budget", actor=actor)

    db.refresh(engaged)
    assert engaged.lifecycle_stage == "opportunity"


def test_a_contact_move_the_table_forbids_does_not_block_the_deal(
    db: Session, actor: Actor
) -> None:
    engaged = make_contact(db, lifecycle_stage="opportunity")
    deal = make_opportunity(db, primary_contact_id=engaged.id)
    without_win = [p for p in DEFAULT_TRANSITIONS if p != ("opportunity", "customer")]
    service.set_allowed_transitions(db, without_win, actor=actor)

    closed = service.close_opportunity(db, deal.id, won=True, actor=actor)

    assert deal.status == "won"
    db.refresh(engaged)
    assert engaged.lifecycle_stage == "opportunity"
    # ... and the result says so, and why, instead of leaving it silently where it was.
    [stayed] = closed.not_moved
    assert (stayed.contact_id, stayed.stages) == (engaged.id, ())
    assert stayed.problem is not None
    assert "stays Opportunity" in stayed.problem
    assert "Customer" in stayed.problem


def test_a_closed_deal_cannot_be_closed_or_moved_again(db: Session, actor: Actor) -> None:
    deal = make_opportunity(db)
    service.close_opportunity(db, deal.id, won=True, actor=actor)

    with pytest.raises(Conflict):
        service.close_opportunity(db, deal.id, won=False, reason="oops", actor=actor)
    with pytest.raises(Conflict):
        service.move_opportunity(db, deal.id, "proposal", actor=actor)
    assert deal.status == "won"


def test_moving_through_the_pipeline(db: Session, actor: Actor) -> None:
    deal = make_opportunity(db)

    service.move_opportunity(db, deal.id, "proposal", actor=actor)

    assert deal.pipeline_stage == "proposal"
    with pytest.raises(Conflict):
        service.move_opportunity(db, deal.id, "proposal", actor=actor)
    for stage in ("closed_won", "nowhere"):
        with pytest.raises(ValidationFailed) as exc:
            service.move_opportunity(db, deal.id, stage, actor=actor)
        assert _fields(exc) == {"pipeline_stage"}
    with pytest.raises(ResourceNotFound):
        service.move_opportunity(db, 10**9, "proposal", actor=actor)


def test_update_changes_only_the_fields_sent(db: Session, actor: Actor) -> None:
    deal = make_opportunity(db, amount=500, expected_close_date=date(2026, 6, 30))
    newcomer = make_contact(db, lifecycle_stage="sql")

    service.update_opportunity(
        db, deal.id, OpportunityUpdate(amount=750, primary_contact_id=newcomer.id), actor=actor
    )

    assert (deal.amount, deal.expected_close_date) == (750, date(2026, 6, 30))
    db.refresh(newcomer)
    assert newcomer.lifecycle_stage == "opportunity"
    # The schema refuses a null name (a 422 naming it); the service holds the rule as well.
    with pytest.raises(ValidationError):
        OpportunityUpdate(name=None)
    unnamed = OpportunityUpdate.model_construct(name=None, _fields_set={"name"})
    with pytest.raises(ValidationFailed) as exc:
        service.update_opportunity(db, deal.id, unnamed, actor=actor)
    assert _fields(exc) == {"name"}


def test_contact_roles_are_set_changed_and_removed(db: Session, actor: Actor) -> None:
    deal = make_opportunity(db)
    contact = make_contact(db, lifecycle_stage="sal")

    service.add_contact_role(db, deal.id, contact.id, role="influencer", actor=actor)
    service.add_contact_role(db, deal.id, contact.id, role="champion", actor=actor)

    assert [(r.contact_id, r.role) for r in service.contact_roles(db, deal.id)] == [
        (contact.id, "champion")
    ]
    db.refresh(contact)
    assert contact.lifecycle_stage == "opportunity"
    service.remove_contact_role(db, deal.id, contact.id, actor=actor)
    assert service.contact_roles(db, deal.id) == []
    with pytest.raises(ResourceNotFound):
        service.remove_contact_role(db, deal.id, contact.id, actor=actor)
    with pytest.raises(ValidationFailed):
        service.add_contact_role(db, deal.id, 10**9, role="champion", actor=actor)


def test_listing_filters_and_pages_through_every_deal(db: Session, admin: User) -> None:
    account, other = make_account(db), make_account(db)
    contact = make_contact(db)
    mine = [make_opportunity(db, account=account) for _ in range(5)]
    make_opportunity(db, account=other)
    with_contact = make_opportunity(db, account=other, contacts={contact.id: "champion"})
    as_primary = make_opportunity(db, account=other, primary_contact_id=contact.id)

    pages, cursor = [], None
    while True:
        page = service.list_opportunities(
            db, OpportunityFilters(account_id=account.id), cursor=cursor, limit=2
        )
        pages.append([o.id for o in page.items])
        cursor = page.next_cursor
        if cursor is None:
            break
    by_contact = service.list_opportunities(db, OpportunityFilters(contact_id=contact.id))

    assert pages == [[mine[4].id, mine[3].id], [mine[2].id, mine[1].id], [mine[0].id]]
    assert [o.id for o in by_contact.items] == [as_primary.id, with_contact.id]
    with pytest.raises(ValidationFailed):
        service.list_opportunities(db, OpportunityFilters(), cursor="garbage!")


def test_the_board_totals_match_a_hand_count(db: Session) -> None:
    alice, bob = make_user(db, name="Alice"), make_user(db, name="Bob")
    account = make_account(db, name="Acme")
    make_opportunity(db, account=account, amount=1000, owner_id=alice.id)
    make_opportunity(db, account=account, amount=500, owner_id=bob.id)
    make_opportunity(db, account=account, amount=2000, pipeline_stage="proposal")
    make_opportunity(db, account=account, amount=4000, pipeline_stage="negotiation")
    make_opportunity(db, amount=9999, status="won", pipeline_stage="closed_won")
    make_opportunity(db, amount=7777, status="lost", pipeline_stage="closed_lost")

    board = service.pipeline_board(db)
    alices = service.pipeline_board(db, owner_id=alice.id)

    columns = {c.stage: c for c in board.columns}
    assert list(columns) == ["qualification", "discovery", "proposal", "negotiation"]
    # qualification 1500 at 10%, proposal 2000 at 50%, negotiation 4000 at 75%.
    assert (columns["qualification"].totals.count, columns["qualification"].totals.amount) == (
        2,
        1500,
    )
    assert columns["qualification"].totals.weighted_amount == 150
    assert columns["discovery"].totals.count == 0
    assert columns["proposal"].totals.weighted_amount == 1000
    assert columns["negotiation"].totals.weighted_amount == 3000
    assert (board.totals.count, board.totals.amount, board.totals.weighted_amount) == (
        4,
        7500,
        4150,
    )
    owners = {card.owner_name for card in columns["qualification"].cards}
    assert owners == {"Alice", "Bob"}
    assert {card.account_name for c in board.columns for card in c.cards} == {"Acme"}
    assert (alices.totals.count, alices.totals.amount) == (1, 1000)


def test_the_board_shows_the_soonest_closing_cards_in_two_queries(
    db: Session, frozen_clock: FrozenClock
) -> None:
    today = frozen_clock.now().date()
    undated = make_opportunity(db, expected_close_date=None)
    deals = [
        make_opportunity(db, expected_close_date=today + timedelta(days=d), owner_id=None)
        for d in (30, 10, 20)
    ]
    for _ in range(20):
        make_opportunity(db, pipeline_stage="discovery")
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(db.get_bind(), "before_cursor_execute", count)
    try:
        board = service.pipeline_board(db, cards_per_column=3)
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", count)

    qualification, discovery = board.columns[0], board.columns[1]
    assert [c.id for c in qualification.cards] == [deals[1].id, deals[2].id, deals[0].id]
    assert undated.id not in {c.id for c in qualification.cards}
    assert qualification.totals.count == 4
    assert (len(discovery.cards), discovery.totals.count) == (3, 20)
    assert len(statements) == 2


def test_deleting_a_deal_takes_its_roles_and_notes_but_not_the_history(
    db: Session, actor: Actor
) -> None:
    contact = make_contact(db, lifecycle_stage="sql")
    deal = service.create_opportunity(
        db,
        OpportunityCreate(
            name="Mistake",
            account_id=make_account(db).id,
            contacts=[ContactRole(contact_id=contact.id)],
        ),
        actor=actor,
    )
    note = make_note(db, opportunity_id=deal.id)
    deal_id, note_id = deal.id, note.id

    service.delete_opportunity(db, deal_id, actor=actor)
    db.expire_all()

    with pytest.raises(ResourceNotFound):
        service.get_opportunity(db, deal_id)
    assert db.get(Note, note_id) is None
    assert (
        db.scalars(
            select(OpportunityContact).where(OpportunityContact.opportunity_id == deal_id)
        ).all()
        == []
    )
    assert [t.to_stage for t in service.stage_history(db, contact.id)] == ["opportunity"]
