"""The internal event bus: every state change emits one event; other domains subscribe.

Handlers run synchronously inside the emitting transaction, so a handler's writes commit
or roll back together with the change that caused them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DomainEvent:
    """Base class; concrete events are frozen dataclasses in their domain's ``events.py``."""


E = TypeVar("E", bound=DomainEvent)
Handler = Callable[[Session, Any], None]

_handlers: dict[type[DomainEvent], list[Handler]] = defaultdict(list)


def subscribe(
    event_type: type[E],
) -> Callable[[Callable[[Session, E], None]], Callable[[Session, E], None]]:
    def register(handler: Callable[[Session, E], None]) -> Callable[[Session, E], None]:
        _handlers[event_type].append(handler)
        return handler

    return register


def publish(session: Session, event: DomainEvent) -> None:
    for event_type in type(event).__mro__:
        for handler in _handlers.get(event_type, ()):
            handler(session, event)
