"""A job queued in this process wakes its idle worker once the transaction that queued it
has committed (``huddle serve``'s embedded worker hands a new MQL off at once)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.db import session_factory, unit_of_work
from huddle.core.jobs import Job, enqueue, job_handler, jobs_queued
from huddle.worker import Worker

WAKE_JOB = "test.wake"
ran = threading.Event()


@job_handler(WAKE_JOB)
def _note_it_ran(session: Session, payload: dict[str, Any]) -> None:
    ran.set()


def test_only_a_committed_job_that_is_due_wakes_the_workers(own_engine: Engine) -> None:
    factory = session_factory(own_engine)
    jobs_queued.clear()
    with factory() as session:
        enqueue(session, WAKE_JOB, {})
        assert not jobs_queued.is_set()  # not before the commit: a worker would not see it
        session.rollback()
    with unit_of_work(factory) as session:
        enqueue(session, WAKE_JOB, {}, run_after=clock.now() + timedelta(hours=1))
    assert not jobs_queued.is_set()
    with unit_of_work(factory) as session:
        enqueue(session, WAKE_JOB, {})
    assert jobs_queued.is_set()


def _idle(factory: Any) -> bool:
    with factory() as session:
        waiting = session.scalar(
            select(func.count())
            .select_from(Job)
            .where(
                (Job.status == "running")
                | ((Job.status == "queued") & (Job.run_after <= clock.now()))
            )
        )
    return waiting == 0


def test_an_idle_worker_runs_a_job_queued_in_its_process_at_once(own_engine: Engine) -> None:
    factory = session_factory(own_engine)
    worker = Worker(factory, idle_seconds=60)
    ran.clear()
    worker.start_in_thread()
    try:
        deadline = time.monotonic() + 20
        while not _idle(factory):  # its first pass: the periodic jobs
            assert time.monotonic() < deadline, "the worker's first pass did not finish"
            time.sleep(0.05)
        time.sleep(0.3)  # now waiting for work, for up to a minute

        with unit_of_work(factory) as session:
            enqueue(session, WAKE_JOB, {})

        assert ran.wait(5), "the worker slept through a job queued in its own process"
    finally:
        worker.stop()
