"""Stage moves that contacts' own code asks for but cannot make: they are lifecycle's.

Lifecycle builds on contacts (it checks each move against its configuration, records it
and applies it with ``apply_stage``), so nothing of contacts may import lifecycle. An
import that sets an existing contact's stage still needs it: which moves are allowed (a
row asking for another fails, and changes nothing), and the moves made. So the registry of who
reacts to what (``huddle.subscribers``, imported wherever Huddle runs) plugs lifecycle's
``StageMover`` in, and an import asks ``stage_mover()`` for it.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from huddle.core.actor import Actor


class StageMover(Protocol):
    def allowed_moves(self, session: Session) -> set[tuple[str, str]]:
        """The (from stage, to stage) moves the configuration allows."""
        ...

    def move(
        self, session: Session, contact_id: int, stage: str, *, actor: Actor, reason: str | None
    ) -> None:
        """Move the contact to ``stage``, recorded as the actor's, for ``reason``."""
        ...


_registered: list[StageMover] = []


def move_stages_with(mover: StageMover) -> None:
    """Lifecycle's mover; registering it again replaces it (a process registers once)."""
    _registered[:] = [mover]


def stage_mover() -> StageMover:
    if not _registered:
        raise RuntimeError("no stage mover: importing huddle.subscribers plugs in lifecycle's")
    return _registered[0]
