"""Reps, pools and rules for routing tests, saved through the real services."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from huddle.routing import service
from huddle.routing.models import Handoff, RoutingPool, RoutingRule
from huddle.routing.schemas import MemberWrite, PoolWrite, RuleWrite
from tests.conftest import make_user
from tests.jobs import route_qualified_leads

ALWAYS = {day: ["00:00", "23:59"] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def make_rep(session: Session, name: str, **overrides: Any) -> User:
    user = make_user(session, name=name, role="sales_rep", team="sales")
    user.working_hours = overrides.pop("working_hours", ALWAYS)
    for key, value in overrides.items():
        setattr(user, key, value)
    session.flush()
    return user


def make_pool(
    session: Session, name: str, reps: list[tuple[User, int]], manager: User | None = None
) -> RoutingPool:
    return service.save_pool(
        session,
        PoolWrite(
            name=name,
            manager_id=manager.id if manager else None,
            members=[MemberWrite(user_id=u.id, weight=w) for u, w in reps],
        ),
        actor=SYSTEM,
    )


def make_rule(session: Session, **data: Any) -> RoutingRule:
    data.setdefault("name", f"Rule {len(service.list_rules(session)) + 1}")
    return service.save_rule(session, RuleWrite(**data), actor=SYSTEM)


def make_mql(session: Session, contact: Contact) -> Handoff:
    """Move the contact to MQL as the scoring rule does, then run the routing job the
    subscriber queued (as the worker does after the commit)."""
    lifecycle.transition_stage(session, contact.id, "mql", actor=SYSTEM, reason="test")
    route_qualified_leads(session)
    handoff = service.latest_handoff(session, contact.id)
    assert handoff is not None
    return handoff
