"""Events the plays domain publishes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class BuyingStageChanged(DomainEvent):
    """A contact's buying stage moved (``from_stage`` None: its first)."""

    contact_id: int
    from_stage: str | None
    to_stage: str
    evidence: str
    at: datetime


@dataclass(frozen=True)
class PlayTaskOpened(DomainEvent):
    """A play's sales or success step opened a task (``task_id``: its run step) in the
    queue of ``assignee_id`` (None: of ``team``); ``task_owner`` is the step's owner."""

    task_id: int
    play_id: int
    contact_id: int
    task_owner: str
    assignee_id: int | None
    team: str | None
    at: datetime
    due_at: datetime | None


@dataclass(frozen=True)
class PlayTaskDone(DomainEvent):
    task_id: int
    contact_id: int
    at: datetime


@dataclass(frozen=True)
class PlayTaskWithdrawn(DomainEvent):
    """An open task left its queue undone: its play run was stopped (``reason``)."""

    task_id: int
    contact_id: int
    at: datetime
    reason: str
