"""The stage moves of a contact import, allowed and made here (``contacts.service.StageMover``).

Lifecycle builds on contacts, so the import cannot call this domain; lifecycle registers
this mover with contacts where it subscribes to contacts' events (``lifecycle.subscribers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from huddle.contacts.service import ContactHistory
from huddle.core.actor import Actor
from huddle.lifecycle import repository
from huddle.lifecycle.models import ENTRY_DATE_INDEXES, StageTransition
from huddle.lifecycle.service.history import record_history
from huddle.lifecycle.service.transitions import transition_stage


class ImportedStageMoves:
    """The import checks each row's move against ``allowed_moves`` (read once a chunk)
    and makes the moves of the rows that pass like any other: ``transition_stage``. The
    past moves a file dates are history instead: recorded as they happened, announced to
    nobody (``history.record_history``)."""

    def allowed_moves(self, session: Session) -> set[tuple[str, str]]:
        return repository.allowed_pairs(session)

    def move(
        self, session: Session, contact_id: int, stage: str, *, actor: Actor, reason: str | None
    ) -> None:
        transition_stage(session, contact_id, stage, actor=actor, reason=reason)

    def recorded_moves(
        self, session: Session, contact_ids: list[int]
    ) -> set[tuple[int, str, datetime]]:
        return repository.recorded_moves(session, contact_ids)

    def record_history(
        self,
        session: Session,
        histories: list[ContactHistory],
        *,
        actor: Actor,
        source: str | None,
    ) -> list[int]:
        return record_history(session, histories, actor=actor, source=source)

    def history_indexes(self) -> tuple[str, Sequence[str]]:
        return StageTransition.__tablename__, ENTRY_DATE_INDEXES
