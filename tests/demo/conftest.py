from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.demo.load import LoadSummary, load_demo

DEMO_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def loaded(engine: Engine) -> Iterator[tuple[Session, LoadSummary]]:
    """A small demo loaded once per module into a transaction rolled back at the end."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    previous = clock.use_clock(clock.FrozenClock(DEMO_NOW))
    try:
        summary = load_demo(session, seed=11, contacts=300)
        yield session, summary
    finally:
        clock.use_clock(previous)
        session.close()
        outer.rollback()
        connection.close()
