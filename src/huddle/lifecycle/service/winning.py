"""A won deal makes its people customers: each contact on it moves to Customer through the
stages the configured transitions require on the way (Lead → SAL → Opportunity →
Customer), every move dated with the win. A contact the configuration gives no way to
Customer stays where it is, and the outcome says why: never a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.core.stages import STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.models import Opportunity
from huddle.lifecycle.service.transitions import recorded_by, transition_stage
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
) -> list[ContactWin]:
    """Move each contact to Customer the shortest way the configuration allows, now."""
    allowed = repository.allowed_pairs(session)
    outcomes = []
    for contact_id in contact_ids:
        stage = contacts_service.get_contact(session, contact_id).lifecycle_stage
        path = shortest_path(allowed, stage, GOAL)
        if path is None:
            outcomes.append(ContactWin(contact_id, stage, (), no_way_to_customer(allowed, stage)))
            continue
        for step in path:
            transition_stage(session, contact_id, step, actor=actor, reason=reason)
        outcomes.append(ContactWin(contact_id, stage, path))
    return outcomes


@dataclass
class PastMoves:
    """The moves an import makes for deals won (or opened) in the past: planned against
    the allowed moves read once, then written together (``write``), one INSERT of history
    rows and one UPDATE of contacts a chunk, instead of a locked read, a check and two
    writes per move. Like ``transition_stage(at=...)``, they announce nothing: history
    starts no SLA clock, hand-off, notification or webhook."""

    allowed: set[tuple[str, str]]
    # Contact id -> its stage, as the plan goes (every contact the plan may move).
    stages: dict[int, str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    entered: dict[int, tuple[str, datetime]] = field(default_factory=dict)
    # Contact id -> when it entered its stage, as the plan goes (where known).
    since: dict[int, datetime] = field(default_factory=dict)

    def win(
        self,
        contact_ids: Iterable[int],
        *,
        at: datetime,
        actor: Actor,
        reason: str,
        opened: datetime | None = None,
    ) -> list[ContactWin]:
        """``win_contacts``, Customer dated ``at``. ``opened``: when the deal was created;
        the stages on the way to Customer are dated then (the contact was in the deal from
        its start), never before the contact entered its stage nor after ``at``: an
        Opportunity's time to Customer is the deal's, not zero."""
        return self.reach(contact_ids, GOAL, at=at, actor=actor, reason=reason, opened=opened)

    def reach(
        self,
        contact_ids: Iterable[int],
        goal: str,
        *,
        at: datetime,
        actor: Actor,
        reason: str,
        opened: datetime | None = None,
    ) -> list[ContactWin]:
        """Each contact moved to ``goal``, dated ``at``, the shortest way the configuration
        allows (the stages on the way dated as ``win`` dates them); one it gives no way
        there stays where it is, and its outcome says why."""
        outcomes = []
        for contact_id in contact_ids:
            stage = self.stages[contact_id]
            path = shortest_path(self.allowed, stage, goal)
            if path is None:
                problem = no_way_to(self.allowed, stage, goal)
                outcomes.append(ContactWin(contact_id, stage, (), problem))
                continue
            on_the_way = at if opened is None else self._after_entry(contact_id, opened, at)
            for step in path:
                when = at if step == goal else on_the_way
                self._add(contact_id, step, at=when, actor=actor, reason=reason)
            outcomes.append(ContactWin(contact_id, stage, path))
        return outcomes

    def _after_entry(self, contact_id: int, opened: datetime, at: datetime) -> datetime:
        entered = self.since.get(contact_id)
        return min(at, opened if entered is None else max(opened, entered))

    def move(
        self, contact_id: int, to_stage: str, *, at: datetime, actor: Actor, reason: str
    ) -> bool:
        """One move, dated ``at``, if the configuration allows it; whether it does."""
        if (self.stages[contact_id], to_stage) not in self.allowed:
            return False
        self._add(contact_id, to_stage, at=at, actor=actor, reason=reason)
        return True

    def _add(
        self, contact_id: int, to_stage: str, *, at: datetime, actor: Actor, reason: str
    ) -> None:
        self.rows.append(
            {
                "contact_id": contact_id,
                "from_stage": self.stages[contact_id],
                "to_stage": to_stage,
                "at": at,
                **recorded_by(actor),
                "reason": reason,
            }
        )
        self.stages[contact_id] = to_stage
        self.since[contact_id] = at
        self.entered[contact_id] = (to_stage, at)

    def write(self, session: Session) -> None:
        """The planned moves into the history, and each moved contact into its stage."""
        repository.insert_transitions(session, self.rows)
        contacts_service.apply_stages(
            session, [(contact_id, stage, at) for contact_id, (stage, at) in self.entered.items()]
        )
        self.rows.clear()
        self.entered.clear()


def no_way_to_customer(allowed: set[tuple[str, str]], stage: str) -> str:
    """Why a contact in ``stage`` cannot become a customer, in words a person can act on."""
    return no_way_to(allowed, stage, GOAL)


def no_way_to(allowed: set[tuple[str, str]], stage: str, goal: str) -> str:
    """Why a contact in ``stage`` cannot reach ``goal``, in words a person can act on."""
    targets = sorted((b for a, b in allowed if a == stage), key=list(STAGES).index)
    onward = ", ".join(STAGES[t] for t in targets) if targets else "nowhere"
    return (
        f"stays {STAGES[stage]}: the allowed stage transitions lead from {STAGES[stage]} "
        f"to {onward}, and by no way to {STAGES[goal]}"
    )
