"""The internal event bus: every state change emits one event; other domains subscribe.

Handlers run synchronously inside the emitting transaction, so a handler's writes commit
or roll back together with the change that caused them. Work that may fail on its own
(routing a lead, calling out) is a durable job a handler enqueues, not the handler itself.

Who subscribes to what is wired in one place, ``huddle.subscribers``. When handlers of one
event must run in a given order, the order is a ``Phase``, never the order of imports:
handlers run phase by phase, and handlers of one phase must not depend on each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, TypeVar

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DomainEvent:
    """Base class; concrete events are frozen dataclasses in their domain's ``events.py``."""


class Phase(IntEnum):
    """When a handler runs among the handlers of one event."""

    # Completes the record of the change itself before anyone reacts to it: the first row of
    # a new contact's stage history, the audit entry. So records read in the order things
    # happened, and a reaction (a score that qualifies the contact) comes after them.
    RECORD = 0
    # Other domains' reactions: scores, grades, qualification, hand-off jobs, SLA clocks.
    REACT = 1


E = TypeVar("E", bound=DomainEvent)
Handler = Callable[[Session, Any], None]


@dataclass(frozen=True)
class _Subscription:
    phase: Phase
    handler: Handler


_subscriptions: dict[type[DomainEvent], list[_Subscription]] = defaultdict(list)
# What ``publish`` runs per event type, worked out once: it runs for every touch.
_run_order: dict[type[DomainEvent], tuple[Handler, ...]] = {}


def subscribe(
    event_type: type[E], *, phase: Phase = Phase.REACT
) -> Callable[[Callable[[Session, E], None]], Callable[[Session, E], None]]:
    """Run the decorated handler for every ``event_type`` (and subclass) published."""

    def register(handler: Callable[[Session, E], None]) -> Callable[[Session, E], None]:
        _subscriptions[event_type].append(_Subscription(phase, handler))
        _run_order.clear()
        return handler

    return register


def unsubscribe(event_type: type[DomainEvent], handler: Handler) -> None:
    _subscriptions[event_type] = [
        each for each in _subscriptions[event_type] if each.handler is not handler
    ]
    _run_order.clear()


def subscribed_event_types() -> list[type[DomainEvent]]:
    """Every event type someone subscribed to, by name."""
    return sorted(
        (event_type for event_type, subs in _subscriptions.items() if subs),
        key=lambda event_type: event_type.__name__,
    )


def handlers_of(event_type: type[DomainEvent]) -> list[Handler]:
    """The handlers an event of ``event_type`` runs, in the order they run."""
    matching = [
        subscription for cls in event_type.__mro__ for subscription in _subscriptions.get(cls, ())
    ]
    # A stable sort: within a phase, the order of registration (which nothing relies on).
    return [each.handler for each in sorted(matching, key=lambda each: each.phase)]


def publish(session: Session, event: DomainEvent) -> None:
    for handler in handlers_of(type(event)):
        handler(session, event)
