"""PostgreSQL restarts under load: Huddle answers 503 with Retry-After while the server is
away (never a 500, never a traceback), loses nothing it acknowledged, and carries on by
itself afterwards: new requests succeed and the worker runs the jobs queued before.

A private cluster (``pgcluster``) is stopped, once fast and once immediately (as in a
crash), kept down two seconds and started again, while threads send event batches to
``POST /api/v1/events``, page views to ``/t/collect`` and page requests to a real uvicorn
server on a loopback port. Runs in the PostgreSQL test run (and must run in CI there).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from huddle.app import create_app
from huddle.auth import tokens
from huddle.auth.schemas import ApiTokenCreate
from huddle.contacts.models import Touch
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.jobs import Job, enqueue, job_handler
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.worker import Worker
from tests.conftest import TEST_PASSWORD, make_user
from tests.contacts.factories import make_contact
from tests.ops.pgcluster import PrivateCluster, require_server_bin
from tests.tracking.factories import ORIGIN, make_site

pytestmark = pytest.mark.skipif(
    not os.environ.get("HUDDLE_TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="restarts a private PostgreSQL cluster: runs in the PostgreSQL test run",
)

PROBE_JOB = "tests.ops.probe"
DOWN_SECONDS = 2.0
LOAD_SECONDS = 2.0
KINDS = ("events", "collect", "pages")
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


@job_handler(PROBE_JOB)
def _probe(session: Session, payload: dict[str, Any]) -> None:
    session.execute(text("SELECT 1"))


@dataclass
class Tally:
    """What the load saw: statuses per kind, what was acknowledged, what went wrong."""

    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    acknowledged: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # 2xx answers since the server last started, by kind.
    after_restart: Counter[str] = field(default_factory=Counter)
    restarted: float = float("-inf")

    def restarting(self) -> None:
        with self.lock:
            self.after_restart.clear()
            self.restarted = float("inf")

    def started(self) -> None:
        with self.lock:
            self.restarted = time.monotonic()

    def each_kind_got_through(self, *, within: float) -> None:
        """Wait (at most ``within`` seconds) until every kind had a 2xx since the start."""
        deadline = time.monotonic() + within
        while set(KINDS) - set(self.after_restart) and time.monotonic() < deadline:
            time.sleep(0.1)

    def saw(self, kind: str, response: httpx.Response, keys: list[str]) -> None:
        with self.lock:
            self.statuses[(kind, response.status_code)] += 1
            if response.is_success:
                self.acknowledged.update(keys)
                if time.monotonic() > self.restarted:
                    self.after_restart[kind] += 1
            elif response.status_code == 503:
                if response.headers.get("Retry-After") is None:
                    self.problems.append(f"{kind}: 503 without Retry-After")
            else:
                self.problems.append(f"{kind}: {response.status_code} {response.text[:300]}")


@dataclass
class Running:
    url: str
    factory: sessionmaker[Session]
    token: str
    site_key: str
    site_id: int
    contact_email: str
    admin_email: str


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    made = PrivateCluster(require_server_bin())
    try:
        made.start()
        yield made
    finally:
        made.remove()


@pytest.fixture
def running(cluster: PrivateCluster, tmp_path: Path) -> Iterator[Running]:
    admin = make_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE huddle"))
    admin.dispose()
    url = cluster.url.rsplit("/", 1)[0] + "/huddle"
    engine = make_engine(url)
    upgrade(engine)
    factory = session_factory(engine)
    app = create_app(Settings(env="test", data_dir=tmp_path, database_url=url), factory=factory)
    with unit_of_work(factory) as session:
        owner = make_user(session, role="admin", team="revops")
        site = make_site(session)
        contact = make_contact(session)
        issued = tokens.issue_token(
            session,
            ApiTokenCreate(name="load", scopes=["ingest"]),
            actor=Actor.user(owner.id, role="admin", team="revops"),
        )
        seeded = (issued.secret, site.site_key, site.id, contact.email, owner.email)
    worker = Worker(factory, idle_seconds=0.2, threads=2)
    worker.start_in_thread()
    server = uvicorn.Server(
        uvicorn.Config(
            # log_config=None: uvicorn's records reach the root logger (and the test's
            # check that no traceback was logged) instead of a handler of its own.
            app,
            host="127.0.0.1",
            port=0,
            log_config=None,
            access_log=False,
        )
    )
    thread = threading.Thread(target=server.run, name="huddle-restart-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Running(f"http://127.0.0.1:{port}", factory, *seeded)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        worker.stop()
        engine.dispose()


def _send_batches(run: Running, tally: Tally, stop: threading.Event, lane: int) -> None:
    with httpx.Client(base_url=run.url, timeout=20) as http:
        n = 0
        while not stop.is_set():
            keys = [f"load-{lane}-{n}-{i}" for i in range(10)]
            events = [
                {
                    "type": "webinar_attended",
                    "idempotency_key": key,
                    "email": run.contact_email,
                    "properties": {"webinar": "Restarts 101"},
                }
                for key in keys
            ]
            response = http.post(
                "/api/v1/events",
                json={"events": events},
                headers={"Authorization": f"Bearer {run.token}"},
            )
            if response.is_success and response.json()["failed"]:
                tally.problems.append(f"events refused: {response.json()['failed'][:2]}")
            tally.saw("events", response, [f"event:{k}" for k in keys])
            n += 1


def _send_page_views(run: Running, tally: Tally, stop: threading.Event, lane: int) -> None:
    visitor = f"visitor-restart-{lane:04d}"
    with httpx.Client(base_url=run.url, timeout=20) as http:
        n = 0
        while not stop.is_set():
            event_ids = [f"pv{n}x{i}" for i in range(3)]
            body = {
                "k": run.site_key,
                "v": visitor,
                "e": [{"id": e, "u": f"{ORIGIN}/pricing"} for e in event_ids],
            }
            response = http.post(
                "/t/collect",
                json=body,
                headers={"Origin": ORIGIN, "Content-Type": "text/plain"},
            )
            tally.saw("collect", response, [f"pv:{run.site_id}:{visitor}:{e}" for e in event_ids])
            n += 1


def _browse(run: Running, tally: Tally, stop: threading.Event, lane: int) -> None:
    with httpx.Client(base_url=run.url, timeout=20) as http:
        token = _CSRF.search(http.get("/login").text)
        assert token is not None
        form = {"email": run.admin_email, "password": TEST_PASSWORD, "csrf_token": token[1]}
        signed_in = http.post("/login", data=form)
        while signed_in.status_code == 503 and not stop.is_set():
            time.sleep(0.2)  # a busy machine: the first outage came first
            signed_in = http.post("/login", data=form)
        if signed_in.status_code != 303:
            tally.problems.append(f"sign-in: {signed_in.status_code} {signed_in.text[:300]}")
            return
        while not stop.is_set():
            tally.saw("pages", http.get("/contacts"), [])
            time.sleep(0.05)


def _queue_probe(factory: sessionmaker[Session], *, due_in: float) -> int:
    with unit_of_work(factory) as session:
        return enqueue(session, PROBE_JOB, {}, run_after=clock.now() + timedelta(seconds=due_in)).id


def _finished_at(factory: sessionmaker[Session], job_id: int) -> datetime | None:
    with unit_of_work(factory) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job.finished_at if job.status == "done" else None


def _restart(cluster: PrivateCluster, mode: str, tally: Tally) -> datetime:
    tally.restarting()
    cluster.stop(mode)
    time.sleep(DOWN_SECONDS)
    cluster.start()
    tally.started()
    return clock.now()


def test_a_postgres_restart_under_load_loses_nothing_acknowledged(
    running: Running, cluster: PrivateCluster, caplog: pytest.LogCaptureFixture
) -> None:
    tally, stop = Tally(), threading.Event()
    senders: list[Callable[[Running, Tally, threading.Event, int], None]] = [
        _send_batches,
        _send_batches,
        _send_page_views,
        _send_page_views,
        _browse,
    ]
    threads = [
        threading.Thread(target=send, args=(running, tally, stop, lane), daemon=True)
        for lane, send in enumerate(senders)
    ]
    probes: list[tuple[int, datetime]] = []
    with caplog.at_level(logging.WARNING):
        for thread in threads:
            thread.start()
        try:
            for mode in ("fast", "immediate"):
                time.sleep(LOAD_SECONDS)
                # Every kind is under way before the server goes (a busy machine is slow).
                tally.each_kind_got_through(within=10)
                # Due while the server is away: it must run once the server is back.
                job_id = _queue_probe(running.factory, due_in=0.5)
                probes.append((job_id, _restart(cluster, mode, tally)))
            time.sleep(LOAD_SECONDS)
            tally.each_kind_got_through(within=10)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=30)

        deadline = time.monotonic() + 20
        finished = {job_id: _finished_at(running.factory, job_id) for job_id, _ in probes}
        while None in finished.values() and time.monotonic() < deadline:
            time.sleep(0.2)
            finished = {job_id: _finished_at(running.factory, job_id) for job_id, _ in probes}

    assert not tally.problems, tally.problems[:10]
    for kind in KINDS:
        # The outage was met under load, and each kind works again without a restart.
        assert tally.statuses[(kind, 503)] > 0, tally.statuses
        assert tally.after_restart[kind] > 0, (kind, tally.statuses)
    with unit_of_work(running.factory) as session:
        stored = set(
            session.scalars(select(Touch.idempotency_key).where(Touch.idempotency_key.is_not(None)))
        )
    lost = tally.acknowledged - stored
    assert not lost, f"{len(lost)} of {len(tally.acknowledged)} acknowledged touches lost"
    for job_id, restarted_at in probes:
        assert finished[job_id] is not None, f"job {job_id} never ran after the restart"
        assert finished[job_id] >= restarted_at  # type: ignore[operator]
    tracebacks = [r for r in caplog.records if r.exc_info]
    assert not tracebacks, [r.getMessage() for r in tracebacks][:5]
