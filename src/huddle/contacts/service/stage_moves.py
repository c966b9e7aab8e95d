"""Stage moves that contacts' own code asks for but cannot make: they are lifecycle's.

Lifecycle builds on contacts (it checks each move against its configuration, records it
and applies it with ``apply_stage``), so nothing of contacts may import lifecycle. An
import that sets an existing contact's stage still needs it: which moves are allowed (a
row asking for another fails, and changes nothing), and the moves made. So the registry of who
reacts to what (``huddle.subscribers``, imported wherever Huddle runs) plugs lifecycle's
``StageMover`` in, and an import asks ``stage_mover()`` for it.

The same port records history an import brings (moves made in another CRM, with their
dates): ``record_history``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.stages import STAGES


class PastMove(NamedTuple):
    """A stage a contact entered before Huddle knew it, and when."""

    stage: str
    at: datetime
    # False when the file names the stage but not its date: it is then recorded at the
    # latest date the row gives (the move happened no earlier), and its reason says so.
    dated: bool = True


@dataclass(frozen=True, slots=True)
class ContactHistory:
    """One contact's past moves, oldest first, to record as imported from ``source``."""

    contact_id: int
    moves: tuple[PastMove, ...]
    # The contact's stage before this history, None for a contact the import created
    # (whose history starts with these moves).
    stage_before: str | None


# Each stage's place in the funnel: the order of moves made on the same moment.
FUNNEL_ORDER = {stage: position for position, stage in enumerate(STAGES)}


def in_order(moves: list[PastMove]) -> tuple[PastMove, ...]:
    """Oldest first; moves on the same moment in the funnel's order (a contact created an
    MQL entered Lead, then MQL), an undated one after the dated ones (it is where the row
    says the contact is now)."""
    return tuple(
        sorted(moves, key=lambda move: (move.at, not move.dated, FUNNEL_ORDER[move.stage]))
    )


class StageMover(Protocol):
    def allowed_moves(self, session: Session) -> set[tuple[str, str]]:
        """The (from stage, to stage) moves the configuration allows."""
        ...

    def move(
        self, session: Session, contact_id: int, stage: str, *, actor: Actor, reason: str | None
    ) -> None:
        """Move the contact to ``stage``, recorded as the actor's, for ``reason``."""
        ...

    def recorded_moves(
        self, session: Session, contact_ids: list[int]
    ) -> set[tuple[int, str, datetime]]:
        """(contact, stage, at) of every move recorded for these contacts."""
        ...

    def record_history(
        self,
        session: Session,
        histories: list[ContactHistory],
        *,
        actor: Actor,
        source: str | None,
    ) -> list[int]:
        """Record past moves as they happened (once: a move already recorded is not added
        again), without announcing them as stage changes; returns the contacts that
        existed before whose current stage the history changed."""
        ...

    def history_indexes(self) -> tuple[str, Sequence[str]]:
        """(table, indexes) of the moves ``record_history`` writes whose keys are the
        moves' dates: a big import builds them at its end."""
        ...


_registered: list[StageMover] = []


def move_stages_with(mover: StageMover) -> None:
    """Lifecycle's mover; registering it again replaces it (a process registers once)."""
    _registered[:] = [mover]


def stage_mover() -> StageMover:
    if not _registered:
        raise RuntimeError("no stage mover: importing huddle.subscribers plugs in lifecycle's")
    return _registered[0]
