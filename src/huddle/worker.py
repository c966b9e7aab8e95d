"""The background runner: ``huddle worker`` on its own, or a thread inside ``huddle serve``."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time

from sqlalchemy.orm import Session, sessionmaker

from huddle.core.db import OutageLog, is_database_unavailable
from huddle.core.jobs import JobInterrupted, ensure_periodic, hand_back, jobs_queued, run_one
from huddle.subscribers import register as register_handlers

log = logging.getLogger(__name__)

# How often the worker checks its periodic jobs are queued (they re-queue themselves).
SCHEDULE_EVERY = 300.0
# While the database is unreachable a worker asks again after 1, 2, 4 ... at most this
# many seconds, so it carries on within seconds of the database's return.
OUTAGE_BACKOFF_MAX = 8.0


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


class Worker:
    """Runs due jobs until stopped. With nothing to do it waits ``idle_seconds``, or less:
    a job queued by this process (a request, another job) wakes it once its transaction
    has committed. ``threads``: how many jobs it runs at once (each claims its own)."""

    def __init__(
        self, factory: sessionmaker[Session], *, idle_seconds: float = 1.0, threads: int = 1
    ) -> None:
        # A worker started outside the CLI still needs every handler in place.
        register_handlers()
        self._factory = factory
        self._idle = idle_seconds
        self._threads = max(1, threads)
        self._stop = threading.Event()
        self._running: list[threading.Thread] = []
        self._outage = OutageLog(log, "worker")

    def run_pending(self) -> int:
        """Run every job that is due now; returns how many ran."""
        ran, me = 0, worker_id()
        while not self._stop.is_set() and run_one(self._factory, me):
            ran += 1
        return ran

    def schedule_periodic(self) -> None:
        """Queue the periodic jobs (the SLA tick, the stalled-lead recycler) unless queued."""
        with self._factory() as session, session.begin():
            ensure_periodic(session)

    def run_forever(self) -> None:
        """Run jobs on this thread and on ``threads - 1`` more, until stopped."""
        self._start_helpers(self._threads - 1)
        self._loop(schedules=True)

    def start_in_thread(self) -> None:
        """Run jobs on ``threads`` threads of their own (``huddle serve``)."""
        self._start_helpers(self._threads - 1)
        self._start("huddle-worker", schedules=True)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        jobs_queued.set()  # a thread waiting for work sees the stop at once
        for thread in self._running:
            thread.join(timeout)

    def _wait_for_work(self) -> None:
        """Until a job is queued in this process or ``idle_seconds`` have passed. Cleared
        before the next pass looks, so a job queued during that pass wakes the one after."""
        if jobs_queued.wait(self._idle):
            jobs_queued.clear()

    def _start_helpers(self, count: int) -> None:
        for n in range(count):
            self._start(f"huddle-worker-{n + 2}", schedules=False)

    def _start(self, name: str, *, schedules: bool) -> None:
        thread = threading.Thread(
            target=self._loop, kwargs={"schedules": schedules}, name=name, daemon=True
        )
        self._running.append(thread)
        thread.start()

    def _loop(self, *, schedules: bool) -> None:
        # One thread queues the periodic jobs; the others only run jobs.
        next_schedule = 0.0 if schedules else float("inf")
        # Jobs a lost connection interrupted, handed back once the database answers again.
        interrupted: list[int] = []
        backoff = 1.0
        while not self._stop.is_set():
            try:
                hand_back(self._factory, interrupted)
                interrupted.clear()
                # Rarely: the check is a write transaction (SQLite: the database's one writer).
                if time.monotonic() >= next_schedule:
                    self.schedule_periodic()
                    next_schedule = time.monotonic() + SCHEDULE_EVERY
                ran = self.run_pending()
                self._outage.available()
                backoff = 1.0
                if ran == 0:
                    self._wait_for_work()
            except Exception as exc:
                # A database outage must not kill the worker: the jobs stay queued. It is
                # said once, not as a traceback every pass; other failures keep theirs.
                if isinstance(exc, JobInterrupted):
                    interrupted.append(exc.job_id)
                if isinstance(exc, JobInterrupted) or is_database_unavailable(exc):
                    self._outage.unavailable(exc.__cause__ or exc)
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, OUTAGE_BACKOFF_MAX)
                else:
                    log.exception("worker pass failed; retrying")
                    self._stop.wait(self._idle * 5)
