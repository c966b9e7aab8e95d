"""``units_on_one_connection``: a thread's run of short transactions (a mail conversation's
"sent" marks) on one connection, each committed when its block ends, one that raises
rolled back alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from huddle.core.db import make_engine, units_on_one_connection


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(f"sqlite:///{tmp_path / 'units.db'}")
    with made.begin() as connection:
        connection.execute(text("CREATE TABLE marks (n INTEGER)"))
    yield made
    made.dispose()


def _marks(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT n FROM marks ORDER BY n")))


def test_each_block_is_committed_when_it_ends_and_a_failing_one_alone_rolls_back(
    engine: Engine,
) -> None:
    checkouts: list[object] = []
    event.listen(engine, "checkout", lambda *args: checkouts.append(args))
    factory = sessionmaker(bind=engine, expire_on_commit=False)

    with units_on_one_connection(factory) as units:
        with units() as session:
            session.execute(text("INSERT INTO marks VALUES (1)"))
        seen_after_first = _marks(engine)  # another connection sees it: committed
        with pytest.raises(RuntimeError), units() as session:
            session.execute(text("INSERT INTO marks VALUES (2)"))
            raise RuntimeError("the server went away")
        with units() as session:
            session.execute(text("INSERT INTO marks VALUES (3)"))
        # The read in between checked out a connection of its own; the units held one.
        held_checkouts = len(checkouts) - 1

    assert seen_after_first == [1]
    assert _marks(engine) == [1, 3]
    assert held_checkouts == 1


def test_a_factory_bound_to_a_connection_keeps_its_savepoints(engine: Engine) -> None:
    connection = engine.connect()
    outer = connection.begin()
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    with units_on_one_connection(factory) as units, units() as session:
        session.execute(text("INSERT INTO marks VALUES (7)"))
    with Session(bind=connection) as inside:
        assert list(inside.scalars(text("SELECT n FROM marks"))) == [7]
    outer.rollback()  # the test's transaction: nothing of it stays
    connection.close()
    assert _marks(engine) == []
