"""Benchmark: the SLA worker's pass over 100,000 open clocks, on SQLite and PostgreSQL.

    python -m bench.sla [--clocks 100000] [--due 1000] [--passes 3] [--pg URL] [--skip-pg]

A fresh database gets --clocks running clocks (one per contact, owners with managers, under
one active version), plus as many finished ones (met/breached history the pass must skip).
Each pass advances the frozen clock by one minute; in each minute --due clocks become due
and --due others reach their warning point. A pass (``run_due`` in its own transaction:
absences, warnings, breaches, escalations, the clock log, the events) is timed; the target
is under 1 s for the pass that finds all newly due breaches. Figures are noisy on a shared
machine; the load average is printed with them. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.core.db import make_engine, session_factory
from huddle.core.migrations import upgrade
from huddle.sla.models import SlaClock, SlaClockEvent, SlaVersion
from huddle.sla.service import run_due
from huddle.subscribers import register

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CHUNK = 10_000


def _seed(url: str, clocks: int, due: int, passes: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    factory = session_factory(engine)
    with factory() as session, session.begin():
        managers = [
            User(
                email=f"m{i}@bench.example",
                name=f"Manager {i}",
                team="sales",
                role="sales_manager",
                working_hours={},
                time_zone="UTC",
            )
            for i in range(5)
        ]
        session.add_all(managers)
        session.flush()
        reps = [
            User(
                email=f"r{i}@bench.example",
                name=f"Rep {i}",
                team="sales",
                role="sales_rep",
                manager_id=managers[i % 5].id,
                working_hours={},
                time_zone="UTC",
            )
            for i in range(50)
        ]
        session.add_all(reps)
        version = SlaVersion(
            number=1,
            status="active",
            title="Bench SLA",
            body="",
            activated_at=NOW,
            terms=[{"key": "first_touch", "kind": "first_touch", "hours": 4}],
        )
        session.add(version)
        session.flush()
        rep_ids, version_id = [r.id for r in reps], version.id
    total = clocks * 2
    now_naive = NOW
    for start in range(0, total, CHUNK):
        ids = range(start + 1, min(start + CHUNK, total) + 1)
        with factory() as session, session.begin():
            if start < clocks:
                session.execute(
                    insert(Contact),
                    [
                        {
                            "id": i,
                            "email": f"c{i}@bench.example",
                            "lifecycle_stage": "sql",
                            "stage_entered_at": now_naive,
                            "score": 0,
                            "custom": {},
                            "email_opt_in": "unknown",
                            "do_not_email": False,
                            "do_not_call": False,
                            "created_at": now_naive,
                            "updated_at": now_naive,
                        }
                        for i in ids
                    ],
                )
            session.execute(
                insert(SlaClock), [_clock(i, clocks, due, passes, rep_ids, version_id) for i in ids]
            )
    engine.dispose()


def _clock(
    i: int, clocks: int, due: int, passes: int, rep_ids: list[int], version_id: int
) -> dict[str, Any]:
    contact = (i - 1) % clocks + 1
    row: dict[str, Any] = {
        "version_id": version_id,
        "term_key": "first_touch",
        "term_kind": "first_touch",
        "contact_id": contact,
        "owner_id": rep_ids[i % len(rep_ids)],
        "team": "sales",
        "handoff_id": i,
        "business_seconds": 4 * 3600,
        "count": 0,
        "pausable": False,
        "paused_intervals": [],
        "started_at": NOW - timedelta(hours=2),
    }
    if i > clocks:  # history: finished clocks the pass must not look at
        finished = NOW - timedelta(days=1 + i % 30)
        breached = i % 3 == 0
        row.update(
            state="breached" if breached else "met",
            due_at=finished,
            breached_at=finished if breached else None,
            stopped_at=finished,
        )
        return row
    n = i - 1
    if n < due * passes:  # becomes due during pass n // due + 1 (in that minute)
        minute = n // due + 1
        due_at = NOW + timedelta(minutes=minute) - timedelta(seconds=1 + n % 59)
        row.update(state="running", due_at=due_at, warn_at=None, warned_at=NOW)
    elif n < 2 * due * passes:  # reaches its warning point during a pass, due later
        k = n - due * passes
        warn_at = NOW + timedelta(minutes=k // due + 1) - timedelta(seconds=1 + k % 59)
        row.update(state="running", warn_at=warn_at, due_at=warn_at + timedelta(hours=1))
    else:  # due in the coming weeks
        due_at = NOW + timedelta(hours=1, seconds=n * 7)
        row.update(state="running", due_at=due_at, warn_at=due_at - timedelta(hours=1))
    return row


def measure(url: str, clocks: int, due: int, passes: int) -> dict[str, Any]:
    started = time.perf_counter()
    _seed(url, clocks, due, passes)
    seeded = time.perf_counter() - started
    engine = make_engine(url)
    factory = session_factory(engine)
    frozen = clock.FrozenClock(NOW)
    previous = clock.use_clock(frozen)
    seconds, breaches, warnings, escalations = [], [], [], []
    try:
        with factory() as session, session.begin():
            if engine.dialect.name == "postgresql":
                session.execute(text("ANALYZE"))
            open_clocks = session.scalar(
                select(func.count()).select_from(SlaClock).where(SlaClock.state == "running")
            )
        for _ in range(passes):
            frozen.advance(timedelta(minutes=1))
            t0 = time.perf_counter()
            with factory() as session, session.begin():
                result = run_due(session)
            seconds.append(round(time.perf_counter() - t0, 4))
            breaches.append(result.breached)
            warnings.append(result.warned)
            escalations.append(result.escalated)
        with factory() as session:
            logged = session.scalar(select(func.count()).select_from(SlaClockEvent))
    finally:
        clock.use_clock(previous)
        engine.dispose()
    return {
        "open_clocks": open_clocks,
        "seed_seconds": round(seeded, 1),
        "pass_seconds": seconds,
        "pass_seconds_max": max(seconds),
        "pass_seconds_median": statistics.median(seconds),
        "breaches_per_pass": breaches,
        "warnings_per_pass": warnings,
        "escalations_per_pass": escalations,
        "log_rows": logged,
        "under_1s": max(seconds) < 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clocks", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=1_000, help="clocks due per minute")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    register()
    figures: dict[str, Any] = {"clocks": args.clocks, "due_per_minute": args.due}
    if not args.skip_sqlite:
        workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-sla-"))
        try:
            figures["sqlite"] = measure(
                f"sqlite:///{workdir / 'huddle.db'}", args.clocks, args.due, args.passes
            )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print("sqlite", figures["sqlite"], flush=True)
    if not args.skip_pg:
        figures["postgresql"] = _on_fresh_schema(args.pg, args.clocks, args.due, args.passes)
        print("postgresql", figures["postgresql"], flush=True)
    figures["load_average"] = os.getloadavg()[0]
    print(json.dumps(figures))


def _on_fresh_schema(url: str, clocks: int, due: int, passes: int) -> dict[str, Any]:
    schema = f"bench_sla_{os.getpid()}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        return measure(f"{url}?options=-csearch_path%3D{schema}", clocks, due, passes)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
