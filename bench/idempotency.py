"""Benchmark: what per-sender idempotency costs the events API on a large touches table.

    python -m bench.idempotency [--touches 1000000] [--rounds 5]
    python -m bench.idempotency --database-url postgresql+psycopg://postgres@127.0.0.1/test

Builds a fresh, migrated database (SQLite in a temporary directory, or a schema of its own
on the PostgreSQL server named), seeds --touches keyed touches spread over 20 senders
(each with its fingerprint, as the events API stores them), then runs ``ingest_events``
(the batch API's service) in this process with batches of 5,000 events from one sender:

- new: 5,000 new events (every key new: the INSERT's ON CONFLICT probes the index),
- retried: the same batch again (all duplicates: the INSERT skips them all, then ONE read
  of the (scope, key) unique index fetches their stored fingerprints),
- changed: the same keys with another payload (all conflicts, reported per event),
- fingerprints alone: hashing the batch's 5,000 events (canonical JSON + sha256).

Each is the median of --rounds rounds (a fresh batch each round), milliseconds per batch.
It also prints the plan of the fingerprint lookup, which must read the unique index, not
the table. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import Session, sessionmaker

from huddle.auth import service as auth_service
from huddle.auth import tokens
from huddle.auth.schemas import ApiTokenCreate, UserCreate
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM, Actor
from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.rawsql import Driver
from huddle.subscribers import register
from huddle.tracking import service

BATCH = 5000
SENDERS = 20
CONTACTS = 20_000
SEED_CHUNK = 50_000


@contextmanager
def database(url: str | None) -> Iterator[Engine]:
    """A migrated database: a temporary SQLite file, or a throwaway PostgreSQL schema."""
    if url is None:
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            upgrade(engine)
            yield engine
            engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def sender(session: Session) -> Actor:
    """An admin sending with an ingest token: the scope of the measured batches."""
    user = auth_service.create_user(
        session,
        UserCreate(email="bench@bench.example", name="Bench", team="revops", role="admin"),
        actor=SYSTEM,
    )
    acting = Actor.user(user.id, role=user.role, team=user.team)
    scopes = ApiTokenCreate(name="bench", scopes=["ingest"])
    issued = tokens.issue_token(session, scopes, actor=acting)
    return Actor.user(user.id, role=user.role, team=user.team, token_id=issued.token.id)


def seed(session: Session, touches: int) -> None:
    """Contacts, then keyed touches (keys ``old-N``) of SENDERS other senders."""
    driver = Driver(session)
    mark = driver.mark
    at = datetime(2026, 3, 1, tzinfo=UTC)
    now = driver.at(at)
    session.execute(
        insert(Contact),
        [
            {"email": f"c{n}@bench.example", "lifecycle_stage": "lead", "stage_entered_at": at}
            for n in range(CONTACTS)
        ],
    )
    [(first,)] = driver.rows("SELECT min(id) FROM contacts", ())
    columns = (
        "type, occurred_at, contact_id, actor_type, properties, idempotency_scope, "
        "idempotency_key, idempotency_fingerprint, created_at"
    )
    sql = f"INSERT INTO touches ({columns}) VALUES ({', '.join([mark] * 9)})"
    for start in range(0, touches, SEED_CHUNK):
        rows = [
            (
                "webinar_attended",
                now,
                first + n % CONTACTS,
                "user",
                "{}",
                f"token:seed-{n % SENDERS}",
                f"old-{n}",
                contacts.fingerprint({"n": n}),
                now,
            )
            for n in range(start, min(start + SEED_CHUNK, touches))
        ]
        session.connection().exec_driver_sql(sql, rows)
        session.commit()
    if driver.sqlite:
        session.connection().exec_driver_sql("ANALYZE")
    else:
        session.connection().exec_driver_sql("ANALYZE touches")
    session.commit()


def batch(tag: str, *, webinar: str = "Rockets 101") -> list[dict[str, Any]]:
    return [
        {
            "type": "webinar_attended",
            "idempotency_key": f"{tag}-{n}",
            "email": f"c{n % CONTACTS}@bench.example",
            "occurred_at": "2026-03-02T10:00:00Z",
            "properties": {"webinar": webinar, "seat": n},
        }
        for n in range(BATCH)
    ]


def timed_ingest(
    factory: sessionmaker[Session], events: list[dict[str, Any]], actor: Actor
) -> tuple[float, service.IngestReport]:
    """One batch through the events API's service, committed: milliseconds and report."""
    with factory() as session:
        started = time.perf_counter()
        report = service.ingest_events(session, events, actor=actor)
        session.commit()
        return (time.perf_counter() - started) * 1000, report


def lookup_plan(session: Session) -> list[str]:
    driver = Driver(session)
    condition, param = driver.in_list("idempotency_key", ["old-1", "old-2"])
    query = (
        "SELECT idempotency_key, idempotency_fingerprint FROM touches "
        f"WHERE idempotency_scope = {driver.mark} AND {condition}"
    )
    explain = "EXPLAIN QUERY PLAN " if driver.sqlite else "EXPLAIN "
    rows = driver.rows(explain + query, ("token:seed-1", param))
    return [" ".join(str(c) for c in row) for row in rows]


def _reads_index(plan: list[str]) -> bool:
    """Whether the lookup reads the (scope, key) unique index rather than the table
    (SQLite names it sqlite_autoindex_touches_N: the constraint is in the table's DDL)."""
    text_ = " ".join(plan)
    scans_table = "SCAN touches" in text_ or "Seq Scan on touches" in text_
    uses_index = "USING INDEX" in text_ or "Index Scan using uq_touches_idempotency" in text_
    return uses_index and not scans_table


def run(url: str | None, touches: int, rounds: int) -> dict[str, Any]:
    register()
    figures: dict[str, list[float]] = {"new": [], "retried": [], "changed": [], "fingerprints": []}
    with database(url) as engine:
        factory = sessionmaker(engine, expire_on_commit=False)
        started = time.perf_counter()
        with factory() as session:
            actor = sender(session)
            session.commit()
            seed(session, touches)
            plan = lookup_plan(session)
        seeded_s = time.perf_counter() - started
        for round_ in range(rounds):
            events = batch(f"r{round_}")
            changed = batch(f"r{round_}", webinar="Rockets 201")
            ms, report = timed_ingest(factory, events, actor)
            assert report.stored == BATCH, report
            figures["new"].append(ms)
            ms, report = timed_ingest(factory, events, actor)
            assert report.duplicates == BATCH and report.stored == 0, report
            figures["retried"].append(ms)
            ms, report = timed_ingest(factory, changed, actor)
            assert len(report.conflicts) == BATCH and report.duplicates == 0, report
            figures["changed"].append(ms)
            hashed = time.perf_counter()
            for event in events:
                contacts.fingerprint(event)
            figures["fingerprints"].append((time.perf_counter() - hashed) * 1000)
        dialect = engine.dialect.name
    medians = {name: round(statistics.median(values), 1) for name, values in figures.items()}
    print(f"{dialect}: {touches:,} keyed touches seeded in {seeded_s:.0f} s")
    print("fingerprint lookup plan:", *plan, sep="\n  ")
    for name, value in medians.items():
        print(f"  {name:>12}: {value:8.1f} ms per batch of {BATCH:,}")
    return {
        "database": dialect,
        "touches": touches,
        "batch": BATCH,
        "ms_per_batch": medians,
        "lookup_uses_index": _reads_index(plan),
        "load_average": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touches", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    result = run(args.database_url, args.touches, args.rounds)
    print(json.dumps({"benchmark": "idempotency", **result}))


if __name__ == "__main__":
    main()
