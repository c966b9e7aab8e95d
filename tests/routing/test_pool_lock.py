"""Round-robin is safe under concurrency on PostgreSQL: routing locks the pool row, so a
second router waits for the first to commit its credits instead of reading stale ones."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, delete, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from huddle.routing import repository
from huddle.routing.models import RoutingPool


def test_a_pool_being_routed_is_locked_for_other_routers(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers")
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    with factory() as session, session.begin():
        pool = RoutingPool(name="lock test pool", picks=0)
        session.add(pool)
    try:
        with factory() as first, first.begin(), factory() as second, second.begin():
            assert repository.lock_pool(first, pool.id) is not None
            second.execute(text("SET LOCAL lock_timeout = '200ms'"))
            with pytest.raises(OperationalError, match="lock timeout"):
                repository.lock_pool(second, pool.id)
    finally:
        with factory() as session, session.begin():
            session.execute(delete(RoutingPool).where(RoutingPool.id == pool.id))
