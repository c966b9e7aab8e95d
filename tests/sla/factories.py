"""SLA versions signed through the real services, hand-offs published as routing would."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.core.events import publish
from huddle.routing.events import HandoffDecided, LeadHandedOff, LeadRecycled
from huddle.sla import service
from huddle.sla.models import SlaVersion
from tests.conftest import make_user

_handoffs = itertools.count(1000)


def actor_of(user: User) -> Actor:
    return Actor.user(user.id, role=user.role, team=user.team)


def signers(session: Session) -> tuple[User, User]:
    marketing = make_user(session, name="Mara Marketing", role="marketing_ops", team="marketing")
    sales = make_user(session, name="Sam Sales", role="sales_manager", team="sales")
    return marketing, sales


def activate(
    session: Session,
    terms: list[dict[str, Any]],
    *,
    title: str = "Our SLA",
    body: str = "We agree.",
) -> SlaVersion:
    marketing, sales = signers(session)
    version = service.create_draft(
        session, actor_of(marketing), title=title, body=body, terms=terms
    )
    service.sign(session, actor_of(marketing), version.id, "marketing")
    service.sign(session, actor_of(sales), version.id, "sales")
    assert version.status == "active"
    return version


def hand_off(
    session: Session,
    contact_id: int,
    owner_id: int | None,
    *,
    at: datetime | None = None,
    team: str = "sales",
    handoff_id: int | None = None,
) -> int:
    handoff_id = handoff_id if handoff_id is not None else next(_handoffs)
    publish(
        session,
        LeadHandedOff(
            handoff_id=handoff_id,
            contact_id=contact_id,
            owner_id=owner_id,
            team=team,
            rule="test",
            reason="test hand-off",
            at=at or clock.now(),
            actor=SYSTEM,
        ),
    )
    return handoff_id


def decide(
    session: Session,
    handoff_id: int,
    contact_id: int,
    owner_id: int,
    *,
    accepted: bool,
    at: datetime | None = None,
) -> None:
    publish(
        session,
        HandoffDecided(
            handoff_id=handoff_id,
            contact_id=contact_id,
            owner_id=owner_id,
            accepted=accepted,
            reason=None if accepted else "not a fit",
            at=at or clock.now(),
            actor=SYSTEM,
        ),
    )


def recycle(session: Session, contact_id: int, *, at: datetime | None = None) -> None:
    publish(
        session,
        LeadRecycled(
            handoff_id=None,
            contact_id=contact_id,
            reason="stalled",
            at=at or clock.now(),
            actor=SYSTEM,
        ),
    )
