"""A won deal makes its people customers: each contact on it moves to Customer through the
stages the configured transitions require on the way (Lead → SAL → Opportunity →
Customer), every move dated with the win. A contact the configuration gives no way to
Customer stays where it is, and the outcome says why: never a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.core.stages import STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.models import Opportunity
from huddle.lifecycle.service.transitions import transition_stage
from huddle.lifecycle.stages import shortest_path

GOAL = "customer"


@dataclass(frozen=True)
class ContactWin:
    """What winning a deal did to one of its contacts."""

    contact_id: int
    from_stage: str
    # The stages entered, in order, Customer last; empty when the contact did not move.
    stages: tuple[str, ...]
    # Why the contact did not become a customer; None when it did or already was one.
    problem: str | None = None

    @property
    def moved(self) -> bool:
        return bool(self.stages)


@dataclass(frozen=True)
class ClosedDeal:
    """A deal just closed, and what winning it did to each of its contacts."""

    opportunity: Opportunity
    contacts: tuple[ContactWin, ...] = ()

    @property
    def not_moved(self) -> list[ContactWin]:
        """The contacts a won deal could not make customers, each with why."""
        return [outcome for outcome in self.contacts if outcome.problem is not None]


def win_contacts(
    session: Session,
    contact_ids: Iterable[int],
    *,
    actor: Actor,
    reason: str,
    at: datetime | None = None,
    allowed: set[tuple[str, str]] | None = None,
    stages: dict[int, str] | None = None,
) -> list[ContactWin]:
    """Move each contact to Customer the shortest way the configuration allows.

    ``at``: when the deal was won, for a deal won in the past (an import): every move is
    dated then and starts nothing in the present (``transition_stage``'s ``at``). An
    import winning thousands of deals passes the ``allowed`` moves it read once and the
    contacts' ``stages`` (kept up to date here), saving a query per contact.
    """
    allowed = repository.allowed_pairs(session) if allowed is None else allowed
    outcomes = []
    for contact_id in contact_ids:
        stage = stages.get(contact_id) if stages is not None else None
        if stage is None:
            stage = contacts_service.get_contact(session, contact_id).lifecycle_stage
        path = shortest_path(allowed, stage, GOAL)
        if path is None:
            outcomes.append(ContactWin(contact_id, stage, (), no_way_to_customer(allowed, stage)))
            continue
        for step in path:
            transition_stage(session, contact_id, step, actor=actor, reason=reason, at=at)
        if stages is not None:
            stages[contact_id] = GOAL
        outcomes.append(ContactWin(contact_id, stage, path))
    return outcomes


def no_way_to_customer(allowed: set[tuple[str, str]], stage: str) -> str:
    """Why a contact in ``stage`` cannot become a customer, in words a person can act on."""
    targets = sorted((b for a, b in allowed if a == stage), key=list(STAGES).index)
    onward = ", ".join(STAGES[t] for t in targets) if targets else "nowhere"
    return (
        f"stays {STAGES[stage]}: the allowed stage transitions lead from {STAGES[stage]} "
        f"to {onward}, and by no way to Customer"
    )
