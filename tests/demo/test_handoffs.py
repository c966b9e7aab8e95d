"""The demo's hand-offs and SLA, played through routing and the SLA's own services."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core.jobs import Job
from huddle.demo import agreement, catalog
from huddle.demo.load import LoadSummary
from huddle.lifecycle.models import StageTransition
from huddle.routing import service as routing
from huddle.routing.models import Handoff, RoutingRule
from huddle.sla import service as sla
from huddle.sla.models import SlaClock, SlaClockEvent
from tests.demo.conftest import DEMO_NOW

Loaded = tuple[Session, LoadSummary]


def _users(session: Session) -> dict[str, User]:
    return {u.email: u for u in session.scalars(select(User))}


def test_every_mql_of_the_story_was_routed_when_it_qualified(loaded: Loaded) -> None:
    session, _ = loaded
    routing_jobs = session.execute(
        select(Job.status, func.count()).where(Job.kind == routing.ROUTE_JOB).group_by(Job.status)
    ).all()
    assert dict(routing_jobs).keys() == {"done"}
    mqls = session.scalar(
        select(func.count()).select_from(StageTransition).where(StageTransition.to_stage == "mql")
    )
    assert mqls == dict(routing_jobs)["done"]


def test_fresh_hand_offs_wait_in_the_reps_queues(loaded: Loaded) -> None:
    session, _ = loaded
    users = {u.id: u for u in session.scalars(select(User))}
    waiting = list(session.scalars(select(Handoff).where(Handoff.status == "open")))

    assert waiting and all(h.at > DEMO_NOW - timedelta(days=7) for h in waiting)
    owned = [h for h in waiting if h.owner_id is not None]
    assert owned
    for handoff in owned:
        rep = users[handoff.owner_id]
        queue = routing.sales_queue(session, actor=auth_service.actor_for(rep))
        assert handoff.id in {h.id for h in queue}
        assert session.get(Contact, handoff.contact_id).lifecycle_stage == "mql"  # type: ignore[union-attr]


def test_history_has_accepted_and_rejected_hand_offs_decided_by_their_owner(
    loaded: Loaded,
) -> None:
    session, _ = loaded
    decided = list(
        session.scalars(select(Handoff).where(Handoff.status.in_(("accepted", "rejected"))))
    )
    statuses = {h.status for h in decided}
    rejected = [h for h in decided if h.status == "rejected"]

    assert statuses == {"accepted", "rejected"}
    assert all(h.decision_reason for h in rejected)
    codes = tuple(code for code, _, _ in catalog.MQL_REJECTIONS)
    assert any((h.decision_reason or "").startswith(codes) for h in rejected)
    by_owner = [h for h in decided if h.owner_id is not None and h.decided_by_id is not None]
    assert by_owner and all(h.decided_by_id == h.owner_id for h in by_owner)
    recycled = session.scalar(select(func.count()).where(StageTransition.to_stage == "recycled"))
    assert recycled and recycled > 0


def test_routing_uses_every_rule_and_skips_the_rep_who_is_away(loaded: Loaded) -> None:
    session, _ = loaded
    users = _users(session)
    kinds = {rule.kind for rule in session.scalars(select(RoutingRule))}
    teams = set(session.scalars(select(Handoff.team).distinct()))
    away = users[agreement.AWAY_NOW]
    pools = routing.list_pools(session)

    assert kinds == {"account_owner", "territory", "round_robin"}
    assert "account" in teams and agreement.POOL_NAME in teams
    assert away.out_of_office
    assert pools and len({m.weight for m in pools[0].members}) > 1
    skipped_away = [
        c
        for candidates in session.scalars(select(Handoff.candidates))
        for c in candidates
        if c["user_id"] == away.id and c["skipped"] == "out of office"
    ]
    assert skipped_away, "a lead was routed past the rep who is away"


def test_the_sla_is_signed_by_both_leads_and_mostly_met(loaded: Loaded) -> None:
    session, _ = loaded
    users = _users(session)
    version = sla.active_version(session)
    assert version is not None
    signed = {s.side: s.user_id for s in sla.signatures(session, [version.id])[version.id]}
    states = dict(
        session.execute(select(SlaClock.state, func.count()).group_by(SlaClock.state)).all()
    )
    warned = session.scalar(select(func.count()).where(SlaClockEvent.kind == "warned"))

    assert signed == {
        "marketing": users[catalog.MARKETING_OPS_EMAIL].id,
        "sales": users[catalog.MANAGER_EMAIL].id,
    }
    assert len(sla.list_versions(session)) == 2
    assert version.activated_at is not None and version.activated_at < DEMO_NOW - timedelta(days=90)
    assert states.get("met", 0) > 0 and states.get("breached", 0) > 0 and warned
    assert states["met"] > 3 * states["breached"]
