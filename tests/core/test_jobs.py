"""The job queue commits for real, so these tests use their own sessions and clean up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from huddle.campaigns.models import Campaign
from huddle.core import jobs
from huddle.core.clock import FrozenClock
from huddle.core.jobs import Job, claim_next, enqueue, job_handler, run_one

calls: list[dict[str, Any]] = []


@job_handler("test.record")
def _record(session: Session, payload: dict[str, Any]) -> None:
    calls.append(payload)
    session.add(Campaign(name=f"job-{payload['n']}", channel="email"))


@job_handler("test.explode")
def _explode(session: Session, payload: dict[str, Any]) -> None:
    session.add(Campaign(name="must-not-survive", channel="email"))
    session.flush()
    raise RuntimeError("boom")


@pytest.fixture
def factory(engine: Engine, frozen_clock: FrozenClock) -> Iterator[sessionmaker[Session]]:
    calls.clear()
    made = sessionmaker(bind=engine, expire_on_commit=False)
    yield made
    with made() as session, session.begin():
        session.execute(delete(Job))
        session.execute(delete(Campaign).where(Campaign.name.like("job-%")))
        session.execute(delete(Campaign).where(Campaign.name == "must-not-survive"))


def _enqueue(factory: sessionmaker[Session], kind: str, **payload: Any) -> int:
    with factory() as session, session.begin():
        return enqueue(session, kind, payload).id


def _job(factory: sessionmaker[Session], job_id: int) -> Job:
    with factory() as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def test_a_job_enqueued_in_a_rolled_back_transaction_never_runs(
    factory: sessionmaker[Session],
) -> None:
    with factory() as session, session.begin():
        enqueue(session, "test.record", {"n": 1})
        session.rollback()
    assert run_one(factory, "w1") is False
    assert calls == []


def test_jobs_run_once_in_order_and_commit_their_writes(factory: sessionmaker[Session]) -> None:
    first = _enqueue(factory, "test.record", n=1)
    second = _enqueue(factory, "test.record", n=2)
    assert run_one(factory, "w1") and run_one(factory, "w1")
    assert run_one(factory, "w1") is False
    assert calls == [{"n": 1}, {"n": 2}]
    assert _job(factory, first).status == _job(factory, second).status == "done"
    with factory() as session:
        names = session.scalars(select(Campaign.name).where(Campaign.name.like("job-%")))
        assert sorted(names) == ["job-1", "job-2"]


def test_a_failing_job_rolls_back_its_writes_and_backs_off(
    factory: sessionmaker[Session], frozen_clock: FrozenClock
) -> None:
    job_id = _enqueue(factory, "test.explode")
    assert run_one(factory, "w1")
    job = _job(factory, job_id)
    assert job.status == "queued" and job.attempts == 1
    assert "boom" in (job.last_error or "")
    assert job.run_after == frozen_clock.now() + timedelta(seconds=30)
    with factory() as session:
        assert session.scalar(select(Campaign).where(Campaign.name == "must-not-survive")) is None
    # Not due again until the back-off has passed.
    assert run_one(factory, "w1") is False


def test_a_job_fails_for_good_after_max_attempts(
    factory: sessionmaker[Session], frozen_clock: FrozenClock
) -> None:
    job_id = _enqueue(factory, "test.explode")
    for _ in range(jobs.MAX_ATTEMPTS):
        assert run_one(factory, "w1")
        frozen_clock.advance(timedelta(hours=1))
    job = _job(factory, job_id)
    assert job.status == "failed" and job.attempts == jobs.MAX_ATTEMPTS
    assert run_one(factory, "w1") is False


def test_an_unknown_job_kind_is_kept_as_an_error_not_lost(factory: sessionmaker[Session]) -> None:
    job_id = _enqueue(factory, "test.nobody-handles-this")
    assert run_one(factory, "w1")
    job = _job(factory, job_id)
    assert job.status == "queued"
    assert "no handler registered" in (job.last_error or "")


def test_a_job_whose_worker_died_is_claimed_again_after_its_lease(
    factory: sessionmaker[Session], frozen_clock: FrozenClock
) -> None:
    job_id = _enqueue(factory, "test.record", n=7)
    with factory() as session, session.begin():
        claimed = claim_next(session, "dead-worker")
        assert claimed is not None and claimed.id == job_id
    assert run_one(factory, "w2") is False  # still leased to the dead worker
    frozen_clock.advance(jobs.LEASE + timedelta(seconds=1))
    assert run_one(factory, "w2")
    assert calls == [{"n": 7}]
    assert _job(factory, job_id).status == "done"


def test_two_workers_never_claim_the_same_job(
    factory: sessionmaker[Session], engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("concurrent claims need PostgreSQL; SQLite serialises writers")
    a, b = _enqueue(factory, "test.record", n=1), _enqueue(factory, "test.record", n=2)
    with factory() as first, first.begin(), factory() as second, second.begin():
        job_one = claim_next(first, "w1")
        job_two = claim_next(second, "w2")  # while the first still holds its row lock
        assert job_one is not None and job_two is not None
        assert {job_one.id, job_two.id} == {a, b}
        assert claim_next(second, "w2") is None
