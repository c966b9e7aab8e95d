"""Benchmark: the SLA pages and the contact search at 1,000,000 contacts, SQLite and PostgreSQL.

    python -m bench.pages [--contacts 1000000] [--requests 30] [--warmup 3]
                          [--pg URL] [--skip-pg] [--skip-sqlite] [--rebuild]

Builds a realistic database once per size: --contacts contacts created over 18 months, a
tenth as many accounts (three contacts in ten on free mail, without an account), every
contact's first stage; 7% become MQLs, each handed off to one of 40 reps who accept three in
four (a few of those go on to SQL, opportunity, customer) and reject the rest; three SLA
clocks per hand-off (first touch, decision, touch attempts: met, breached, or running for
the last days' hand-offs) with their logs; --touches touches per contact and a few sales
touches per hand-off; all under the starter SLA, signed when the data begins. Rows go in by
bulk inserts (COPY on PostgreSQL), then the planner's statistics are refreshed as an import
does (on PostgreSQL with VACUUM ANALYZE, as autovacuum would have left the tables). The
SQLite file is kept in the temporary directory (``huddle-bench-pages/``) and the PostgreSQL
data in a schema of its own (``bench_pages_<size>_<touches>``), so a re-run starts at once;
a cache built at an older schema revision is brought up to date by the migrations (on a
copy, for SQLite: the older file stays), and their time is printed.

Then, through the real app (FastAPI's TestClient, signed in as an administrator through
the login form, the clock frozen where the data ends), every page gets --warmup requests
that are not timed and --requests that are: /sla, /sla/review, /contacts?q= a word no
contact matches, a last name (about 0.5% of the contacts), "gmail" (about a sixth of them),
and the API's GET /api/v1/contacts?q= with the empty and the last-name searches. Median and
p95 (nearest rank) in ms; the target is a p95 under 150 ms for the SLA pages and the empty
searches. Figures are noisy on a shared machine: the load average is printed with them.
The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from psycopg.types.json import Jsonb
from sqlalchemy import Engine, Table, insert, text
from sqlalchemy.orm import Session, sessionmaker

from bench.import_contacts import FIRST, FREE_MAIL, LAST, PREFIXES, SUFFIXES, TLDS
from huddle.app import create_app
from huddle.auth import service as auth_service
from huddle.auth.schemas import UserCreate
from huddle.contacts.models import Account, Contact, Touch
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import current_revision, head_revision, upgrade
from huddle.core.settings import Settings
from huddle.lifecycle.models import StageTransition
from huddle.models import Base
from huddle.routing.models import Handoff
from huddle.sla.models import SlaCalendar, SlaClock, SlaClockEvent, SlaVersion
from huddle.sla.terms import STARTER_TERMS
from huddle.subscribers import register
from huddle.web.serving import settle_heap, unsettle_heap

SEED = 20260318
# The data ends here (a Wednesday in the middle of a month and of a quarter): the pages'
# periods, trends and at-risk lists all have data.
NOW = datetime(2026, 5, 13, 14, 0, tzinfo=UTC)
SPAN = timedelta(days=548)
START = NOW - SPAN
CHUNK = 20_000
PASSWORD = "bench correct horse battery"
ADMIN = "bench-admin@huddle.example"
REPS = 40
# People are not all called Smith: some names need their accents.
FIRST_NAMES = [*FIRST, "José", "Zoë", "Émilie", "Søren", "Jürgen", "Ångström", "Chloé", "Björn"]
LAST_NAMES = [*LAST, "Müller", "Núñez", "Łukasiewicz", "Ødegaard", "Çelik", "Dvořák", "Gómez"]
LEGAL = ("", "", "", " Inc", " GmbH", " Ltd", " SAS", " AB")
SOURCES = ("google", "linkedin", "webinar", "referral", "direct", "newsletter")
TOUCH_TYPES = ("page_view", "page_view", "email_open", "email_click", "form_submitted")
SALES_TOUCHES = ("call_logged", "email_sent", "meeting_booked")
REJECTIONS = ("bad_fit", "no_budget", "no_need", "unresponsive")
HIT_WORDS = ("okafor", "kowalski", "johansson", "mensah", "tanaka", "dubois", "novak", "larsen")


# --- the data --------------------------------------------------------------------------------


@dataclass
class Chunk:
    """The rows of one chunk of contacts, table by table, in load order."""

    contacts: list[dict[str, Any]] = field(default_factory=list)
    transitions: list[dict[str, Any]] = field(default_factory=list)
    handoffs: list[dict[str, Any]] = field(default_factory=list)
    clocks: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    touches: list[dict[str, Any]] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[dict[str, Any]]]]:
        return [
            (Contact.__table__, self.contacts),  # type: ignore[list-item]
            (StageTransition.__table__, self.transitions),  # type: ignore[list-item]
            (Handoff.__table__, self.handoffs),  # type: ignore[list-item]
            (SlaClock.__table__, self.clocks),  # type: ignore[list-item]
            (SlaClockEvent.__table__, self.events),  # type: ignore[list-item]
            (Touch.__table__, self.touches),  # type: ignore[list-item]
        ]


@dataclass
class World:
    """What the generator needs to know: the users, the version, id counters."""

    rng: random.Random
    contacts: int
    accounts: int
    touches_per_contact: int
    rep_ids: list[int]
    version_id: int
    account_domains: list[str] = field(default_factory=list)
    next_handoff: int = 1
    next_clock: int = 1


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", folded.lower()) or "x"


def account_rows(world: World) -> Iterator[list[dict[str, Any]]]:
    rng = world.rng
    rows: list[dict[str, Any]] = []
    for i in range(1, world.accounts + 1):
        prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
        domain = f"{prefix}{suffix}{i}.{rng.choice(TLDS)}".lower()
        world.account_domains.append(domain)
        created = START + SPAN * (i / world.accounts) * 0.9
        rows.append(
            {
                "id": i,
                "name": f"{prefix} {suffix.title()}{rng.choice(LEGAL)}",
                "domain": domain,
                "industry": rng.choice(("Software", "Retail", "Finance", "Health", None)),
                "employee_count": rng.choice((12, 45, 180, 900, 5000)),
                "country": rng.choice(("United States", "Germany", "France", "Japan")),
                "technologies": [],
                "is_target": rng.random() < 0.05,
                "custom": {},
                "enriched_fields": [],
                "created_at": created,
                "updated_at": created,
            }
        )
        if len(rows) == CHUNK:
            yield rows
            rows = []
    if rows:
        yield rows


def contact_chunk(world: World, first_id: int, last_id: int) -> Chunk:
    chunk = Chunk()
    for contact_id in range(first_id, last_id + 1):
        _contact(world, chunk, contact_id)
    return chunk


def _contact(world: World, chunk: Chunk, contact_id: int) -> None:
    rng = world.rng
    created = START + SPAN * (contact_id / world.contacts) - timedelta(seconds=rng.random() * 600)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    local = f"{_ascii(first)}.{_ascii(last)}{contact_id}"
    account_id = None
    if rng.random() < 0.7:
        account_id = rng.randint(1, world.accounts)
        email = f"{local}@{world.account_domains[account_id - 1]}"
    else:
        email = f"{local}@{rng.choice(FREE_MAIL)}"
    row: dict[str, Any] = {
        "id": contact_id,
        "email": email,
        "first_name": first,
        "last_name": last,
        "job_title": "Marketing Manager",
        "account_id": account_id,
        "owner_id": None,
        "lifecycle_stage": "lead",
        "stage_entered_at": created,
        "score": rng.randint(0, 60),
        "email_opt_in": rng.choice(("unknown", "opted_in")),
        "do_not_email": False,
        "do_not_call": False,
        "first_touch_source": rng.choice(SOURCES),
        "first_touch_at": created,
        "last_touch_at": created,
        "custom": {},
        "created_at": created,
        "updated_at": created,
    }
    chunk.contacts.append(row)
    stage = _transition(chunk, contact_id, None, "lead", created, rule="form submission")
    age = NOW - created
    for n in range(world.touches_per_contact):
        occurred = created + age * (n / max(1, world.touches_per_contact)) * rng.random()
        chunk.touches.append(_touch(contact_id, account_id, rng.choice(TOUCH_TYPES), occurred))
    mql_at = created + timedelta(days=rng.uniform(1, 40))
    if rng.random() < 0.07 and mql_at < NOW:
        stage = _funnel(world, chunk, row, mql_at)
    row["lifecycle_stage"], row["stage_entered_at"] = stage
    row["updated_at"] = max(row["updated_at"], stage[1])


def _transition(
    chunk: Chunk,
    contact_id: int,
    from_stage: str | None,
    to_stage: str,
    at: datetime,
    *,
    rule: str | None = None,
    user_id: int | None = None,
    rejection: str | None = None,
) -> tuple[str, datetime]:
    chunk.transitions.append(
        {
            "contact_id": contact_id,
            "from_stage": from_stage,
            "to_stage": to_stage,
            "at": at,
            "by_user_id": user_id,
            "by_rule": rule,
            "reason": None,
            "rejection_reason": rejection,
        }
    )
    return to_stage, at


def _touch(
    contact_id: int, account_id: int | None, kind: str, at: datetime, actor: int | None = None
) -> dict[str, Any]:
    return {
        "type": kind,
        "occurred_at": at,
        "contact_id": contact_id,
        "account_id": account_id,
        "actor_type": "user" if actor else "contact",
        "actor_user_id": actor,
        "properties": {},
        "created_at": at,
    }


def _funnel(
    world: World, chunk: Chunk, contact: dict[str, Any], at: datetime
) -> tuple[str, datetime]:
    """MQL, hand-off, the rep's decision and what followed; the clocks of the hand-off."""
    rng, contact_id = world.rng, contact["id"]
    stage = _transition(chunk, contact_id, "lead", "mql", at, rule="score reached 70")
    contact["score"] = rng.randint(70, 100)
    owner = rng.choice(world.rep_ids)
    contact["owner_id"] = owner
    handoff_id = world.next_handoff
    world.next_handoff += 1
    decision = at + timedelta(hours=rng.expovariate(1 / 6))
    decided = decision < NOW and rng.random() < 0.9
    accepted = decided and rng.random() < 0.75
    status = "open" if not decided else ("accepted" if accepted else "rejected")
    chunk.handoffs.append(
        {
            "id": handoff_id,
            "contact_id": contact_id,
            "owner_id": owner,
            "team": "sales",
            "rule": "Round robin",
            "reason": "round robin in the sales pool",
            "candidates": [],
            "packet": {},
            "at": at,
            "by_rule": "Round robin",
            "status": status,
            "decided_at": decision if decided else None,
            "decided_by_id": owner if decided else None,
            "decision_reason": None,
        }
    )
    first_touch = at + timedelta(hours=rng.expovariate(1 / 2.5))
    if first_touch < NOW:
        chunk.touches.append(
            _touch(contact_id, contact.get("account_id"), "call_logged", first_touch, owner)
        )
    attempts = [first_touch + timedelta(days=rng.uniform(0, 6)) for _ in range(2)]
    for touched in attempts:
        if touched < NOW:
            kind = rng.choice(SALES_TOUCHES)
            chunk.touches.append(
                _touch(contact_id, contact.get("account_id"), kind, touched, owner)
            )
    stops = {
        "first_touch": (timedelta(hours=4), first_touch),
        "decision": (timedelta(hours=8), decision if decided else None),
        "attempts": (timedelta(days=5), max(attempts)),
    }
    for key, (allowed, stopped) in stops.items():
        _clock(world, chunk, contact, handoff_id, key, at, allowed, stopped)
    if decided and accepted:
        stage = _transition(chunk, contact_id, "mql", "sal", decision, user_id=owner)
        progress = decision
        for nxt in ("sql", "opportunity", "customer"):
            progress += timedelta(days=rng.uniform(2, 30))
            if progress >= NOW or rng.random() > 0.45:
                break
            stage = _transition(chunk, contact_id, stage[0], nxt, progress, user_id=owner)
    elif decided:
        reason = rng.choice(REJECTIONS)
        stage = _transition(
            chunk, contact_id, "mql", "recycled", decision, user_id=owner, rejection=reason
        )
    return stage


def _clock(
    world: World,
    chunk: Chunk,
    contact: dict[str, Any],
    handoff_id: int,
    key: str,
    started: datetime,
    allowed: timedelta,
    stopped: datetime | None,
) -> None:
    clock_id = world.next_clock
    world.next_clock += 1
    due = started + allowed
    row: dict[str, Any] = {
        "id": clock_id,
        "version_id": world.version_id,
        "term_key": key,
        "term_kind": {"attempts": "touch_attempts"}.get(key, key),
        "contact_id": contact["id"],
        "owner_id": contact["owner_id"],
        "team": "sales",
        "handoff_id": handoff_id,
        "state": "running",
        "started_at": started,
        "business_seconds": int(allowed.total_seconds()),
        "remaining_seconds": None,
        "due_at": due,
        "warn_at": due - allowed / 4,
        "target_count": 3 if key == "attempts" else None,
        "count": 0,
        "pausable": key == "first_touch",
        "paused_at": None,
        "paused_intervals": [],
        "warned_at": None,
        "breached_at": None,
        "stopped_at": None,
    }
    log = [("started", started)]
    if stopped is not None and stopped < NOW and stopped <= due:
        row.update(state="met", stopped_at=stopped, warn_at=None)
        log.append(("met", stopped))
    elif due < NOW:
        row.update(state="breached", breached_at=due, warn_at=None, warned_at=due - allowed / 4)
        log += [("warned", due - allowed / 4), ("breached", due)]
        if stopped is not None and stopped < NOW:
            row["stopped_at"] = stopped
    chunk.clocks.append(row)
    for kind, at in log:
        chunk.events.append(
            {"clock_id": clock_id, "contact_id": contact["id"], "kind": kind, "at": at}
        )


# --- loading -----------------------------------------------------------------------------------


def _load(engine: Engine, tables: list[tuple[Table, list[dict[str, Any]]]]) -> None:
    """One transaction: executemany on SQLite, COPY on PostgreSQL."""
    with engine.begin() as connection:
        for table, rows in tables:
            if not rows:
                continue
            if engine.dialect.name == "sqlite":
                connection.execute(insert(table), rows)
                continue
            columns = list(rows[0])
            names = ", ".join(columns)
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([_pg(row.get(c)) for c in columns])


def _pg(value: Any) -> Any:
    return Jsonb(value) if isinstance(value, dict | list) else value


def _users(factory: sessionmaker[Session]) -> tuple[list[int], int]:
    with unit_of_work(factory) as session:

        def user(**data: Any) -> int:
            return auth_service.create_user(session, UserCreate(**data), actor=SYSTEM).id

        user(email=ADMIN, name="Bench Admin", team="revops", role="admin", password=PASSWORD)
        for n in range(3):
            user(
                email=f"mkt{n}@bench.example",
                name=f"Marketer {n}",
                team="marketing",
                role="marketing_ops",
            )
        managers = [
            user(
                email=f"mgr{n}@bench.example",
                name=f"Manager {n}",
                team="sales",
                role="sales_manager",
            )
            for n in range(5)
        ]
        reps = [
            user(
                email=f"rep{n}@bench.example",
                name=f"Rep {n}",
                team="sales",
                role="sales_rep",
                manager_id=managers[n % 5],
                capacity=40,
            )
            for n in range(REPS)
        ]
        version = SlaVersion(
            number=1,
            status="active",
            title="Marketing and sales SLA",
            body="We agree.",
            terms=STARTER_TERMS,
            created_at=START,
            updated_at=START,
            activated_at=START,
        )
        session.add(version)
        session.add(
            SlaCalendar(
                scope="company",
                time_zone="Europe/Berlin",
                hours={d: ["09:00", "17:30"] for d in ("mon", "tue", "wed", "thu", "fri")},
                holidays=[],
            )
        )
        session.flush()
        return reps, version.id


def build(engine: Engine, contacts: int, touches_per_contact: int) -> None:
    """The whole data set into a freshly migrated database."""
    upgrade(engine)
    factory = session_factory(engine)
    rep_ids, version_id = _users(factory)
    world = World(
        rng=random.Random(SEED),
        contacts=contacts,
        accounts=max(1, contacts // 10),
        touches_per_contact=touches_per_contact,
        rep_ids=rep_ids,
        version_id=version_id,
    )
    for rows in account_rows(world):
        _load(engine, [(Account.__table__, rows)])  # type: ignore[list-item]
    started = time.perf_counter()
    for first in range(1, contacts + 1, CHUNK):
        _load(engine, contact_chunk(world, first, min(first + CHUNK - 1, contacts)).tables())
        done = min(first + CHUNK - 1, contacts)
        if done % 200_000 < CHUNK:
            print(f"  {done:,} contacts loaded ({time.perf_counter() - started:.0f} s)", flush=True)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            for name in ("accounts", "contacts", "handoffs", "sla_clocks"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name}))"
                    )
                )
        else:
            connection.execute(text("PRAGMA analysis_limit=1000"))
            connection.execute(text("ANALYZE"))
    if engine.dialect.name == "postgresql":
        # As autovacuum would have left a database that grew over 18 months: statistics,
        # and the visibility map that lets a query read an index without the rows.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in Base.metadata.sorted_tables:
                connection.execute(text(f'VACUUM ANALYZE "{table.name}"'))


# --- the caches --------------------------------------------------------------------------------


def sqlite_database(
    cache: Path, contacts: int, touches: int, rebuild: bool
) -> tuple[str, dict[str, Any]]:
    """The cached file for this size at the head revision: built, or copied from an older
    revision's file and migrated."""
    head = head_revision()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{contacts}-{touches}-{head}.db"
    info: dict[str, Any] = {"built_s": None, "migrated_s": None}
    if rebuild:
        for old in cache.glob(f"{contacts}-{touches}-*.db*"):
            old.unlink()
    if not path.exists():
        for partial in cache.glob(f"{contacts}-{touches}-*.tmp*"):
            partial.unlink()  # left by a run that was stopped
        older = sorted(cache.glob(f"{contacts}-{touches}-*.db"), key=lambda p: p.stat().st_mtime)
        if older:
            shutil.copyfile(older[-1], path.with_suffix(".tmp"))
            engine = make_engine(f"sqlite:///{path.with_suffix('.tmp')}")
            info["migrated_s"] = _timed(lambda: upgrade(engine))
            info["migrated_from"] = older[-1].name
        else:
            engine = make_engine(f"sqlite:///{path.with_suffix('.tmp')}")
            info["built_s"] = _timed(lambda: build(engine, contacts, touches))
        engine.dispose()  # the last connection to close checkpoints and removes the WAL
        path.with_suffix(".tmp").rename(path)
    return f"sqlite:///{path}", info


def pg_database(url: str, contacts: int, touches: int, rebuild: bool) -> tuple[str, dict[str, Any]]:
    """The cached schema for this size: built, or brought up to date by the migrations.
    (Kept under one name: the migrations write the schema's name into what they create.)"""
    schema = f"bench_pages_{contacts}_{touches}"
    info: dict[str, Any] = {"built_s": None, "migrated_s": None}
    admin = make_engine(url)
    with admin.begin() as connection:
        if rebuild:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    scoped = f"{url}?options=-csearch_path%3D{schema}"
    engine = make_engine(scoped)
    revision = current_revision(engine)
    if revision is None:
        info["built_s"] = _timed(lambda: build(engine, contacts, touches))
    elif revision != head_revision():
        info["migrated_from"] = revision
        info["migrated_s"] = _timed(lambda: upgrade(engine))
    engine.dispose()
    return scoped, info


def _timed(work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return round(time.perf_counter() - started, 1)


# --- the measurements --------------------------------------------------------------------------


def _sign_in(client: TestClient) -> None:
    csrf = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
    token = csrf.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    response = client.post(
        "/login",
        data={"email": ADMIN, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def _nothing(rng: random.Random) -> str:
    # "q" followed by "z", "x" or "j" occurs in no generated name, email or company.
    return "qz" + "".join(rng.choice("xjqzkw") for _ in range(5))


@dataclass(frozen=True)
class Probe:
    name: str
    path: Callable[[int], str]
    check: Callable[[Any], bool]


def probes(rng: random.Random) -> list[Probe]:
    empty = [_nothing(rng) for _ in range(1000)]

    return [
        Probe("sla", lambda _: "/sla", lambda r: "First sales touch" in r.text),
        Probe("sla_review", lambda _: "/sla/review", lambda r: "First sales touch" in r.text),
        Probe(
            "search_empty",
            lambda n: f"/contacts?q={empty[n % len(empty)]}",
            lambda r: "No contacts match" in r.text,
        ),
        Probe(
            "search_hit",
            lambda n: f"/contacts?q={HIT_WORDS[n % len(HIT_WORDS)]}",
            lambda r: '<table class="data">' in r.text,
        ),
        Probe(
            "search_common",
            lambda _: "/contacts?q=gmail",
            lambda r: '<table class="data">' in r.text,
        ),
        Probe(
            "api_search_empty",
            lambda n: f"/api/v1/contacts?q={empty[n % len(empty)]}",
            lambda r: r.json()["items"] == [],
        ),
        Probe(
            "api_search_hit",
            lambda n: f"/api/v1/contacts?q={HIT_WORDS[n % len(HIT_WORDS)]}",
            lambda r: len(r.json()["items"]) > 0,
        ),
    ]


def measure(url: str, data_dir: Path, *, requests: int, warmup: int) -> dict[str, Any]:
    settings = Settings(env="development", database_url=url, data_dir=data_dir)
    previous = clock.use_clock(clock.FrozenClock(NOW))
    figures: dict[str, Any] = {}
    try:
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client:
            _sign_in(client)
            # As ``huddle serve`` starts (web.serving): what startup built is frozen, so the
            # collector's full passes walk only what requests made since.
            settle_heap()
            for probe in probes(random.Random(SEED)):
                seconds = []
                for n in range(warmup + requests):
                    started = time.perf_counter()
                    response = client.get(probe.path(n))
                    elapsed = time.perf_counter() - started
                    assert response.status_code == 200, (probe.name, response.status_code)
                    assert probe.check(response), (probe.name, probe.path(n))
                    if n >= warmup:
                        seconds.append(elapsed * 1000)
                figures[f"{probe.name}_median_ms"] = round(statistics.median(seconds), 1)
                figures[f"{probe.name}_p95_ms"] = round(_nearest_rank(seconds, 0.95), 1)
                print(
                    f"  {probe.name:<18} median {figures[f'{probe.name}_median_ms']:>8.1f} ms"
                    f"   p95 {figures[f'{probe.name}_p95_ms']:>8.1f} ms",
                    flush=True,
                )
    finally:
        unsettle_heap()
        clock.use_clock(previous)
    return figures


def _nearest_rank(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _verdict(figures: dict[str, Any]) -> bool:
    keys = ("sla_p95_ms", "sla_review_p95_ms", "search_empty_p95_ms", "api_search_empty_p95_ms")
    return all(figures[k] < 150 for k in keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--touches", type=int, default=3, help="touches per contact")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the cached data again")
    parser.add_argument(
        "--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "huddle-bench-pages"
    )
    args = parser.parse_args()
    register()
    load = [round(x, 2) for x in os.getloadavg()]
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared; figures are noisy)")
    result: dict[str, Any] = {"bench": "pages", "contacts": args.contacts}
    data_dir = Path(tempfile.mkdtemp(prefix="huddle-bench-pages-app-"))
    try:
        databases = []
        if not args.skip_sqlite:
            databases.append(
                (
                    "sqlite",
                    lambda: sqlite_database(
                        args.cache_dir, args.contacts, args.touches, args.rebuild
                    ),
                )
            )
        if not args.skip_pg:
            databases.append(
                (
                    "postgresql",
                    lambda: pg_database(args.pg, args.contacts, args.touches, args.rebuild),
                )
            )
        for name, prepare in databases:
            print(f"{name}: preparing {args.contacts:,} contacts", flush=True)
            url, info = prepare()
            print(f"{name}: {info}", flush=True)
            figures = measure(url, data_dir, requests=args.requests, warmup=args.warmup)
            figures["target_met"] = _verdict(figures)
            figures.update({k: v for k, v in info.items() if v is not None})
            result[name] = figures
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["load_average_before"] = load
    print(json.dumps(result))


if __name__ == "__main__":
    main()
