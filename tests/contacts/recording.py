"""Capture the domain events a block of code publishes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from huddle.core.events import DomainEvent, subscribe

_recorders: list[list[DomainEvent]] = []


@subscribe(DomainEvent)
def _record(_session: Session, event: DomainEvent) -> None:
    for recorder in _recorders:
        recorder.append(event)


@contextmanager
def recorded_events() -> Iterator[list[DomainEvent]]:
    """Every event published inside the block, in order."""
    events: list[DomainEvent] = []
    _recorders.append(events)
    try:
        yield events
    finally:
        _recorders.remove(events)
