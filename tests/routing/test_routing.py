"""Every routing branch: account owner, territory to a rep or a pool, weighted round-robin,
skips for out of office, working hours and capacity, the empty-pool escalation, and the
decision stored with who was considered and why."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.notifications.models import Notification
from huddle.routing import service
from huddle.routing.events import LeadHandedOff
from huddle.routing.schemas import RuleWrite
from tests.contacts.factories import make_account, make_contact
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule


def _notes(db: Session, user_id: int) -> list[Notification]:
    return list(db.query(Notification).filter(Notification.user_id == user_id))


def test_account_owner_gets_a_target_accounts_lead(db: Session, published: list[object]) -> None:
    owner = make_rep(db, "Olga Owner")
    other = make_rep(db, "Pat Pool")
    pool = make_pool(db, "Inside sales", [(other, 1)])
    make_rule(db, kind="account_owner", position=1, conditions={"target_only": True})
    make_rule(db, kind="round_robin", position=2, pool_id=pool.id)
    account = make_account(db, owner_id=owner.id, is_target=True, name="Acme")
    contact = make_contact(db, account_id=account.id)

    handoff = make_mql(db, contact)

    assert handoff.owner_id == owner.id
    assert handoff.rule == "account_owner"
    assert "Acme" in handoff.reason
    assert contacts_service.get_contact(db, contact.id).owner_id == owner.id
    handed = [e for e in published if isinstance(e, LeadHandedOff)]
    assert [(e.owner_id, e.handoff_id) for e in handed] == [(owner.id, handoff.id)]
    [note] = _notes(db, owner.id)
    assert note.kind == "routing.handoff" and note.link == f"/queue/{handoff.id}"


def test_account_owner_rule_skips_non_target_accounts_when_asked(db: Session) -> None:
    owner = make_rep(db, "Olga Owner")
    rep = make_rep(db, "Pat Pool")
    pool = make_pool(db, "Inside sales", [(rep, 1)])
    make_rule(db, kind="account_owner", position=1, conditions={"target_only": True})
    make_rule(db, kind="round_robin", position=2, pool_id=pool.id)
    account = make_account(db, owner_id=owner.id, is_target=False)

    handoff = make_mql(db, make_contact(db, account_id=account.id))

    assert handoff.owner_id == rep.id
    assert handoff.rule.startswith("round_robin:")


def test_out_of_office_account_owner_falls_through_to_the_next_rule(db: Session) -> None:
    owner = make_rep(db, "Olga Owner", out_of_office=True)
    rep = make_rep(db, "Pat Pool")
    pool = make_pool(db, "Inside sales", [(rep, 1)])
    make_rule(db, kind="account_owner", position=1)
    make_rule(db, kind="round_robin", position=2, pool_id=pool.id)
    account = make_account(db, owner_id=owner.id)

    handoff = make_mql(db, make_contact(db, account_id=account.id))

    assert handoff.owner_id == rep.id
    skipped = {c["user_id"]: c["skipped"] for c in handoff.candidates}
    assert skipped == {owner.id: "out of office", rep.id: None}


def test_territory_by_country_goes_to_its_rep(db: Session) -> None:
    emea = make_rep(db, "Emma EMEA")
    make_rule(
        db,
        kind="territory",
        name="DACH",
        position=1,
        conditions={"countries": ["Germany", "Austria"]},
        owner_id=emea.id,
    )
    handoff = make_mql(db, make_contact(db, country="germany"))

    assert handoff.owner_id == emea.id
    assert handoff.rule == "territory:DACH"
    assert "country germany" in handoff.reason


def test_territory_by_industry_and_segment_goes_to_a_pool(db: Session) -> None:
    a, b = make_rep(db, "Ann"), make_rep(db, "Ben")
    pool = make_pool(db, "Enterprise software", [(a, 1), (b, 1)])
    make_rule(
        db,
        kind="territory",
        name="Big software",
        position=1,
        conditions={"industries": ["Software"], "segments": ["enterprise"]},
        pool_id=pool.id,
    )
    small = make_account(db, industry="Software", employee_count=50)
    big = make_account(db, industry="Software", employee_count=5000)

    unmatched = make_mql(db, make_contact(db, account_id=small.id))
    matched = make_mql(db, make_contact(db, account_id=big.id))

    assert unmatched.owner_id is None and unmatched.team == "unrouted"
    assert matched.owner_id == a.id
    assert matched.team == "Enterprise software"
    assert "enterprise (5000 people)" in matched.reason


def test_weighted_round_robin_is_fair_and_deterministic(db: Session) -> None:
    a, b, c = make_rep(db, "Ann"), make_rep(db, "Ben"), make_rep(db, "Cat")
    pool = make_pool(db, "Inside sales", [(a, 3), (b, 2), (c, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)

    owners = [make_mql(db, make_contact(db)).owner_id for _ in range(12)]

    assert Counter(owners) == {a.id: 6, b.id: 4, c.id: 2}
    # Smooth: interleaved, not a block of Ann's leads first; each 6-pick cycle repeats.
    assert owners[:6] == [a.id, b.id, a.id, c.id, b.id, a.id]
    assert owners[6:] == owners[:6]


def test_capacity_and_working_hours_skip_reps(db: Session, frozen_clock: object) -> None:
    # The frozen clock reads Monday 2026-03-02 09:00 UTC.
    full = make_rep(db, "Fay Full", capacity=1)
    asleep = make_rep(
        db, "Sam Sydney", time_zone="Australia/Sydney", working_hours={"mon": ["09:00", "17:00"]}
    )
    free = make_rep(db, "Fred Free")
    pool = make_pool(db, "Inside sales", [(full, 5), (asleep, 5), (free, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)

    first = make_mql(db, make_contact(db))
    second = make_mql(db, make_contact(db))

    assert first.owner_id == full.id
    assert second.owner_id == free.id
    skipped = {c["user_id"]: c["skipped"] for c in second.candidates}
    assert skipped[full.id] == "at capacity (1 of 1 open)"
    assert skipped[asleep.id] == "outside working hours (Australia/Sydney)"
    assert skipped[free.id] is None


def test_working_hours_are_ignored_when_the_rule_says_so(db: Session, frozen_clock: object) -> None:
    asleep = make_rep(db, "Sam Sydney", time_zone="Australia/Sydney", working_hours={})
    pool = make_pool(db, "Inside sales", [(asleep, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id, respect_hours=False)

    assert make_mql(db, make_contact(db)).owner_id == asleep.id


def test_nobody_eligible_leaves_the_lead_in_the_team_queue_and_alerts_the_manager(
    db: Session,
) -> None:
    manager = make_rep(db, "Mia Manager")
    manager.role = "sales_manager"
    away = make_rep(db, "Al Away", out_of_office=True)
    pool = make_pool(db, "Inside sales", [(away, 1)], manager=manager)
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    contact = make_contact(db, first_name="Quinn")

    handoff = make_mql(db, contact)

    assert handoff.owner_id is None
    assert handoff.team == "Inside sales" and handoff.pool_id == pool.id
    assert "nobody in Inside sales is eligible" in handoff.reason
    [alert] = _notes(db, manager.id)
    assert alert.kind == "routing.unassigned"
    assert alert.subject.endswith(": waiting in Inside sales")
    assert "Al Away: out of office" in alert.body
    assert _notes(db, away.id) == []
    # The manager sees it in their queue.
    actor = Actor.user(manager.id, role="sales_manager", team="sales")
    assert [h.id for h in service.sales_queue(db, actor=actor)] == [handoff.id]


def test_rerouting_closes_the_open_handoff(db: Session) -> None:
    a, b = make_rep(db, "Ann"), make_rep(db, "Ben")
    pool = make_pool(db, "Inside sales", [(a, 1), (b, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    contact = make_contact(db)
    first = make_mql(db, contact)

    second = service.route_contact(db, contact.id, actor=SYSTEM)

    assert first.status == "rerouted"
    assert (first.owner_id, second.owner_id) == (a.id, b.id)


def test_a_rep_may_not_route_or_edit_rules(db: Session) -> None:
    rep = make_rep(db, "Ann")
    actor = Actor.user(rep.id, role="sales_rep", team="sales")
    contact = make_contact(db, lifecycle_stage="mql")
    with pytest.raises(NotPermitted):
        service.route_contact(db, contact.id, actor=actor)
    with pytest.raises(NotPermitted):
        service.save_rule(db, RuleWrite(name="x", kind="round_robin"), actor=actor)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "round_robin"}, "pool_id"),
        ({"kind": "territory", "conditions": {"planets": ["Mars"]}}, "conditions.planets"),
        ({"kind": "territory", "conditions": {"segments": ["huge"]}}, "conditions.segments"),
        ({"kind": "territory", "conditions": {}}, "conditions"),
        ({"kind": "round_robin", "pool_id": 999999}, "pool_id"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(
    db: Session, data: dict[str, object], field: str
) -> None:
    before = len(service.list_rules(db))
    with pytest.raises(ValidationFailed) as refused:
        make_rule(db, **data)
    assert field in [e.field for e in refused.value.errors]
    assert len(service.list_rules(db)) == before
