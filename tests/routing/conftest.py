from __future__ import annotations

from collections.abc import Iterator

import pytest

from huddle.core import events
from huddle.core.events import DomainEvent


@pytest.fixture
def published() -> Iterator[list[DomainEvent]]:
    """Every event published during the test, in order (a real subscriber on the real bus)."""
    seen: list[DomainEvent] = []

    def capture(_session: object, event: DomainEvent) -> None:
        seen.append(event)

    events._handlers[DomainEvent].append(capture)
    yield seen
    events._handlers[DomainEvent].remove(capture)
