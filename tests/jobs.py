"""Running queued jobs inside a test's transaction, as the worker runs them after the
commit that queued them (routing a new MQL is such a job)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from huddle.core import clock
from huddle.core.jobs import Job, handler_for
from huddle.routing.service import ROUTE_JOB


def run_due_jobs(session: Session, kind: str, *, due_only: bool = True) -> int:
    """Run the queued jobs of ``kind`` that are due (any queued one unless ``due_only``),
    oldest first, through their registered handler, each in a savepoint marked done when it
    finishes. A handler that raises rolls its savepoint back and the exception reaches the
    test. Returns how many ran."""
    queued = select(Job).where(Job.kind == kind, Job.status == "queued")
    if due_only:
        queued = queued.where(Job.run_after <= clock.now())
    due = session.scalars(queued.order_by(Job.run_after, Job.id)).all()
    for job in due:
        with session.begin_nested():
            handler_for(kind)(session, dict(job.payload))
            job.status, job.attempts, job.finished_at = "done", job.attempts + 1, clock.now()
    session.flush()
    return len(due)


def route_qualified_leads(session: Session) -> int:
    """Route the leads that qualified so far: what the worker does after their commit."""
    return run_due_jobs(session, ROUTE_JOB)


def worker_sessions(session: Session) -> sessionmaker[Session]:
    """Sessions for ``core.jobs.run_one`` inside the test's transaction: each of the
    worker's transactions is a savepoint on the test's connection."""
    return sessionmaker(
        bind=session.connection(), join_transaction_mode="create_savepoint", expire_on_commit=False
    )
