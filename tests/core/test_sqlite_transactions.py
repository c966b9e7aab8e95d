from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from huddle.core.db import make_engine


def test_a_released_savepoint_rolls_back_with_its_transaction_on_sqlite(tmp_path: Path) -> None:
    # pysqlite on its own would let the SAVEPOINT open the transaction and its RELEASE
    # commit it: begin_nested() and every test's rolled-back transaction would persist.
    engine = make_engine(f"sqlite:///{tmp_path / 'savepoints.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    session.execute(text("INSERT INTO t VALUES (1)"))
    session.commit()
    outer.rollback()
    connection.close()

    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
    engine.dispose()
