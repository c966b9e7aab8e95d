"""Durable background jobs: a table, not memory, so nothing queued is lost on a restart.

A job is enqueued inside the caller's transaction (it exists only if that commits). Any
number of workers claim jobs: PostgreSQL hands each job to one worker with
``FOR UPDATE SKIP LOCKED``; SQLite has a single writer, so one ``UPDATE ... RETURNING``
is already atomic. A job whose worker died is claimed again once its lease expires.

A worker polls for due jobs; one in the same process (``huddle serve``) is also woken
(``jobs_queued``) as soon as a transaction that queued a job due now has committed.
"""

from __future__ import annotations

import functools
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Index, Integer, String, Text, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from huddle.core import clock
from huddle.core.db import is_database_unavailable
from huddle.core.models import Base, BigIntId, JSONType, utcnow

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5

JobHandler = Callable[[Session, dict[str, Any]], None]
_handlers: dict[str, JobHandler] = {}
# Periodic job kinds and how long after a run the next one is due.
_periodic: dict[str, timedelta] = {}

# Set once a transaction that queued a job due now has committed: the workers of this
# process wait on it between polls (``Worker``). Workers in other processes only poll.
jobs_queued = threading.Event()
# In a session's info while its transaction holds a job that is due now.
_QUEUED_DUE_JOB = "huddle.jobs.queued_due_job"


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_run_after", "status", "run_after"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(80))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # queued -> running -> done | failed (after MAX_ATTEMPTS)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    run_after: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    locked_by: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class JobInterrupted(Exception):
    """The database became unreachable while a job ran: it neither finished nor failed.
    The worker hands it back (``hand_back``) as soon as the database answers again, so it
    runs again at once instead of waiting out its lease, without spending an attempt."""

    def __init__(self, job_id: int) -> None:
        super().__init__(f"job {job_id} interrupted: the database is unreachable")
        self.job_id = job_id


def job_handler(kind: str) -> Callable[[JobHandler], JobHandler]:
    def register(handler: JobHandler) -> JobHandler:
        if kind in _handlers and _handlers[kind] is not handler:
            raise RuntimeError(f"a handler for job kind {kind!r} is already registered")
        _handlers[kind] = handler
        return handler

    return register


def handler_for(kind: str) -> JobHandler:
    """What the worker runs for a job of ``kind`` (a periodic job's includes the requeue)."""
    return _handlers[kind]


def registered_handlers() -> list[tuple[str, JobHandler]]:
    """Each job kind with its handler, by kind."""
    return sorted(_handlers.items())


def periodic_job(kind: str, *, every: timedelta) -> Callable[[JobHandler], JobHandler]:
    """A job that queues its next run ``every`` after each run, in the same transaction, so
    exactly one is waiting at a time. ``ensure_periodic`` (the worker, on start and every
    few minutes) restarts a chain that broke, e.g. after a run failed for good."""

    def register(handler: JobHandler) -> JobHandler:
        @functools.wraps(handler)
        def run_then_queue_the_next(session: Session, payload: dict[str, Any]) -> None:
            handler(session, payload)
            enqueue(session, kind, {}, run_after=clock.now() + every)

        job_handler(kind)(run_then_queue_the_next)
        _periodic[kind] = every
        return handler

    return register


def ensure_periodic(session: Session) -> list[str]:
    """Queue each periodic job that has no run queued or running; returns those queued."""
    if not _periodic:
        return []
    waiting = set(
        session.scalars(
            select(Job.kind).where(
                Job.status.in_(("queued", "running")), Job.kind.in_(sorted(_periodic))
            )
        )
    )
    started = [kind for kind in sorted(_periodic) if kind not in waiting]
    for kind in started:
        enqueue(session, kind, {})
    return started


def enqueue(
    session: Session, kind: str, payload: dict[str, Any], *, run_after: datetime | None = None
) -> Job:
    job = Job(kind=kind, payload=payload, run_after=run_after or clock.now())
    session.add(job)
    session.flush()
    if run_after is None or run_after <= clock.now():
        session.info[_QUEUED_DUE_JOB] = True
    return job


@event.listens_for(Session, "after_commit")
def _wake_workers(session: Session) -> None:
    # After the commit has landed: a woken worker finds the job.
    if session.info.pop(_QUEUED_DUE_JOB, False):
        jobs_queued.set()


@event.listens_for(Session, "after_rollback")
def _forget_queued_jobs(session: Session) -> None:
    session.info.pop(_QUEUED_DUE_JOB, None)


def claim_next(session: Session, worker_id: str) -> Job | None:
    """Take the oldest job that is due, or whose previous worker's lease ran out."""
    now = clock.now()
    due = (Job.status == "queued") & (Job.run_after <= now) | (Job.status == "running") & (
        Job.lease_until < now
    )
    candidate = select(Job.id).where(due).order_by(Job.run_after, Job.id).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        candidate = candidate.with_for_update(skip_locked=True)
    job_id = session.execute(
        update(Job)
        .where(Job.id == candidate.scalar_subquery())
        .values(
            status="running",
            locked_by=worker_id,
            lease_until=now + LEASE,
            attempts=Job.attempts + 1,
        )
        .returning(Job.id)
    ).scalar_one_or_none()
    return session.get(Job, job_id, populate_existing=True) if job_id is not None else None


def run_one(factory: sessionmaker[Session], worker_id: str) -> bool:
    """Claim and run one job. Returns False when nothing was due. Raises ``JobInterrupted``
    when the database went away under the job."""
    with factory() as session, session.begin():
        job = claim_next(session, worker_id)
        if job is None:
            return False
        job_id, kind, payload = job.id, job.kind, dict(job.payload)
    handler = _handlers.get(kind)
    try:
        with _interrupted_if_unreachable(job_id):
            if handler is None:
                raise LookupError(f"no handler registered for job kind {kind!r}")
            # The handler's own unit of work: its writes commit only if it finishes.
            with factory() as session, session.begin():
                handler(session, payload)
    except JobInterrupted:
        raise
    except Exception:
        log.exception("job %s (%s) failed", job_id, kind)
        with _interrupted_if_unreachable(job_id):
            _record_failure(factory, job_id, traceback.format_exc(limit=8))
    else:
        # Should the database go away before the job is marked done, it runs again (as
        # after a lease ran out: handlers are written to be safe to run twice).
        with _interrupted_if_unreachable(job_id), factory() as session, session.begin():
            session.execute(
                update(Job)
                .where(Job.id == job_id)
                .values(status="done", finished_at=clock.now(), lease_until=None)
            )
    return True


@contextmanager
def _interrupted_if_unreachable(job_id: int) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        if is_database_unavailable(exc):
            raise JobInterrupted(job_id) from exc
        raise


def hand_back(factory: sessionmaker[Session], job_ids: list[int]) -> None:
    """Queue jobs that a lost database connection interrupted again, due now, with the
    attempt they were claimed with given back (the job did not fail)."""
    if not job_ids:
        return
    with factory() as session, session.begin():
        session.execute(
            update(Job)
            .where(Job.id.in_(job_ids), Job.status == "running")
            .values(
                status="queued",
                run_after=clock.now(),
                lease_until=None,
                locked_by=None,
                attempts=Job.attempts - 1,
            )
        )


def _record_failure(factory: sessionmaker[Session], job_id: int, error: str) -> None:
    with factory() as session, session.begin():
        job = session.get(Job, job_id)
        if job is None:
            return
        job.last_error = error[-4000:]
        job.lease_until = None
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.finished_at = "failed", clock.now()
        else:
            # Exponential back-off: 30 s, 1 min, 2 min, 4 min.
            job.status = "queued"
            job.run_after = clock.now() + timedelta(seconds=30 * 2 ** (job.attempts - 1))
