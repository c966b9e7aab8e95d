"""Benchmark: scoring, incremental (per touch) and a full rescore, on SQLite and PostgreSQL.

    python -m bench.scoring [--contacts 1000000] [--touches 10000000] [--pg URL] [--skip-pg]

1. Incremental: ``record_touches`` (the ingest path of the events API) in one process on a
   fresh SQLite database, with scoring's real subscriber on and off (unsubscribed) in
   turns in the same run: batches of one touch (the worst case: every statement for one
   touch) and batches of 500 (set-at-a-time); the median added cost per touch in ms.
2. Full rescore: --contacts contacts on --contacts/10 accounts and --touches touches,
   generated inside the database (one INSERT ... SELECT each, secondary indexes built
   after, foreign-key checks off), two score models with 20 rules together (behaviour
   rules with property filters and regexes, caps, windows and decay; fit and negative
   rules) and an ICP/persona, then the full rescore that saving them queued, run by the
   product's background worker as ``huddle serve`` starts it (on PostgreSQL two threads,
   so the run's two lanes of chunks go side by side; on SQLite one): every model's
   scores, the primary copy to ``contacts.score``, grades and the MQL check. Twice: first
   with no scores stored (every row new), then a day later after one rule's points
   changed. Against the first, in the same run, the
   plain floor: one hand-written SQL aggregate per model with the same per-rule sums (no
   caps, no write). Ratio = rescore / floor.

Figures are noisy on a shared machine; the load average is printed with them. The last
line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.events import TouchesRecorded
from huddle.contacts.service import TouchRow
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.events import subscribe, unsubscribe
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.scoring import service, tasks
from huddle.scoring.models import RescoreRun
from huddle.scoring.repository import full_rescore as full_rescore_rows
from huddle.scoring.repository import runs, scores
from huddle.scoring.schemas import CriteriaWrite, ProfileWrite, ScoreModelWrite
from huddle.scoring.service import rescoring
from huddle.scoring.subscribers import score_touched_contacts
from huddle.subscribers import register
from huddle.worker import Worker

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TYPES = [
    "page_view",
    "email_opened",
    "email_clicked",
    "webinar_attended",
    "form_submitted",
    "demo_requested",
    "email_bounced",
    "asset_downloaded",
]
URLS = ["/pricing", "/blog/post", "/docs/start", "/pricing/enterprise", "/", "/careers"]


def _behaviour(name: str, kinds: list[str], points: int, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"types": kinds}
    for key in ("where", "within_days"):
        if key in extra:
            event[key] = extra.pop(key)
    return {"name": name, "kind": "behaviour", "points": points, "event": event, **extra}


def _url(pattern: str) -> dict[str, Any]:
    return {"field": "properties.url", "op": "matches", "value": pattern}


ENGAGEMENT = [
    _behaviour("Pricing page", ["page_view"], 5, where=_url("/pricing"), cap=30),
    _behaviour("Docs", ["page_view"], 2, where=_url("^/docs"), cap=10),
    _behaviour("Blog", ["page_view"], 1, where=_url("/blog"), cap=5, within_days=90),
    _behaviour("Email opened", ["email_opened"], 1, cap=10),
    _behaviour("Email clicked", ["email_clicked"], 3, cap=15),
    _behaviour("Webinar", ["webinar_attended"], 10, within_days=180),
    _behaviour("Asset", ["asset_downloaded"], 8, cap=24),
    _behaviour("Form", ["form_submitted"], 6),
    {
        "name": "Bounced",
        "kind": "negative",
        "points": -20,
        "cap": 40,
        "event": {"types": ["email_bounced"]},
    },
    {
        "name": "Unsubscribed",
        "kind": "negative",
        "points": -50,
        "when": {"field": "contact.email_opt_in", "op": "eq", "value": "opted_out"},
    },
    {
        "name": "Student",
        "kind": "negative",
        "points": -30,
        "when": {
            "field": "contact.job_title",
            "op": "contains_any",
            "value": ["student", "job seeker"],
        },
    },
    {
        "name": "Competitor",
        "kind": "negative",
        "points": -100,
        "when": {"field": "contact.email_domain", "op": "in", "value": ["rival.example"]},
    },
]
READINESS = [
    _behaviour("Demo", ["demo_requested"], 40, within_days=60),
    _behaviour("Pricing lately", ["page_view"], 4, where=_url("pricing"), within_days=14, cap=20),
    {
        "name": "VP or Head",
        "kind": "fit",
        "points": 15,
        "when": {"field": "contact.job_title", "op": "contains_any", "value": ["VP", "Head of"]},
    },
    {
        "name": "Seniority",
        "kind": "fit",
        "points": 10,
        "when": {"field": "contact.seniority", "op": "in", "value": ["director", "executive"]},
    },
    {
        "name": "Size",
        "kind": "fit",
        "points": 10,
        "when": {"field": "account.employee_count", "op": "between", "value": [50, 5000]},
    },
    {
        "name": "Revenue",
        "kind": "fit",
        "points": 5,
        "when": {"field": "account.annual_revenue", "op": "gte", "value": 10000000},
    },
    {
        "name": "Industry",
        "kind": "fit",
        "points": 10,
        "when": {"field": "account.industry", "op": "in", "value": ["Software", "Fintech"]},
    },
    {
        "name": "Target",
        "kind": "fit",
        "points": 20,
        "when": {"field": "account.is_target", "op": "is_true"},
    },
]


LOADED = ("accounts", "contacts", "touches")


def _load(engine: Engine, contacts: int, touches: int) -> float:
    """Accounts, contacts and touches generated by the database itself (seconds taken).

    Bulk-loaded as a restore would: secondary indexes dropped first and built once after
    (one sort each instead of ten million random B-tree inserts), foreign-key checks off
    (the generated ids are consistent by construction)."""
    started = time.perf_counter()
    with _bulk_load(engine, LOADED) as connection:
        _generate(connection, contacts, touches)
    return time.perf_counter() - started


@contextmanager
def _bulk_load(engine: Engine, tables: tuple[str, ...]) -> Iterator[Connection]:
    with engine.connect() as connection:
        pg = connection.dialect.name == "postgresql"
        if not pg:
            # Outside a transaction (SQLite ignores it inside one), before SQLAlchemy begins.
            dbapi = connection.connection.dbapi_connection
            assert dbapi is not None
            dbapi.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            if pg:
                # Skips the foreign-key triggers of this transaction (superuser, bench only).
                connection.execute(text("SET LOCAL session_replication_role = replica"))
                connection.execute(text("SET LOCAL maintenance_work_mem = '1GB'"))
            indexes = _secondary_indexes(connection, tables)
            for name, _ in indexes:
                connection.execute(text(f'DROP INDEX "{name}"'))
            yield connection
            for _, definition in indexes:
                connection.execute(text(definition))
            if not pg:
                connection.execute(text("ANALYZE"))
        if pg:
            # Hint bits and the visibility map now, not during the first timed scan.
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            for table in tables:
                autocommit.execute(text(f"VACUUM ANALYZE {table}"))
        else:
            dbapi = connection.connection.dbapi_connection
            assert dbapi is not None
            dbapi.execute("PRAGMA foreign_keys=ON")


def _secondary_indexes(connection: Connection, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the plain indexes of ``tables`` (not keys or uniques)."""
    if connection.dialect.name == "postgresql":
        query = (
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            " WHERE t.relname = ANY(:tables) AND t.relnamespace = current_schema()::regnamespace"
            " AND NOT x.indisprimary AND NOT x.indisunique"
        )
        rows = connection.execute(text(query), {"tables": list(tables)})
    else:
        query = (
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({', '.join(repr(t) for t in tables)})"
        )
        rows = connection.execute(text(query))
    return [(str(name), str(definition)) for name, definition in rows]


def _generate(connection: Connection, contacts: int, touches: int) -> None:
    accounts = max(contacts // 10, 1)
    now_text = NOW.replace(tzinfo=None).isoformat(sep=" ")
    pg = connection.dialect.name == "postgresql"
    series = (
        "generate_series(1, :n) AS s(i)"
        if pg
        else "(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n)"
        " SELECT i FROM s) AS s"
    )
    json_list = '\'["Salesforce", "HubSpot"]\'' + ("::jsonb" if pg else "")
    empty = "'{}'" + ("::jsonb" if pg else "")
    now = "CAST(:now AS timestamptz)" if pg else ":now"
    truth = ("(i % 20 = 0)", "false") if pg else ("(i % 20 = 0)", "0")
    connection.execute(
        text(
            "INSERT INTO accounts (id, name, domain, industry, employee_count, annual_revenue,"
            " country, technologies, is_target, custom, enriched_fields, created_at,"
            " updated_at)"
            f" SELECT i, 'Account ' || i, 'a' || i || '.example',"
            " CASE i % 4 WHEN 0 THEN 'Software' WHEN 1 THEN 'Retail' WHEN 2 THEN 'Fintech'"
            " ELSE 'Health' END,"
            f" (i * 37) % 10000, (i * 7919) % 50000000, 'DE', {json_list}, {truth[0]},"
            f" {empty}, '[]'{'::jsonb' if pg else ''}, {now}, {now} FROM {series}"
        ),
        {"n": accounts, "now": now_text if not pg else NOW},
    )
    connection.execute(
        text(
            "INSERT INTO contacts (id, email, job_title, seniority, account_id,"
            " lifecycle_stage,"
            " stage_entered_at, score, email_opt_in, do_not_email, do_not_call, custom,"
            " created_at, updated_at)"
            " SELECT i, 'c' || i || '@bench.example',"
            " CASE i % 6 WHEN 0 THEN 'VP Marketing' WHEN 1 THEN 'Student'"
            " WHEN 2 THEN 'Head of Sales'"
            " ELSE 'Engineer' END,"
            " CASE i % 3 WHEN 0 THEN 'director' ELSE 'entry' END, (i % :accounts) + 1, 'lead',"
            f" {now}, 0, CASE WHEN i % 50 = 0 THEN 'opted_out' ELSE 'unknown' END,"
            f" {truth[1]}, {truth[1]}, {empty}, {now}, {now} FROM {series}"
        ),
        {"n": contacts, "accounts": accounts, "now": now_text if not pg else NOW},
    )
    url = "CASE i % 6 " + " ".join(f"WHEN {n} THEN '{u}'" for n, u in enumerate(URLS)) + " END"
    kind = "CASE i % 8 " + " ".join(f"WHEN {n} THEN '{t}'" for n, t in enumerate(TYPES)) + " END"
    if pg:
        at = "(CAST(:now AS timestamptz) - (i % 8760) * interval '1 hour')"
        props = f"jsonb_build_object('url', {url})"
    else:
        at = "datetime(:now, '-' || (i % 8760) || ' hours') || '.000000'"
        props = f"json_object('url', {url})"
    # Spread contacts: a multiplicative hash of the row number.
    contact = f"((i * 2654435761) % {contacts}) + 1"
    connection.execute(
        text(
            "INSERT INTO touches (type, occurred_at, contact_id, account_id, actor_type,"
            " properties, created_at)"
            f" SELECT {kind}, {at}, {contact}, NULL, 'system', {props}, {now} FROM {series}"
        ),
        {"n": touches, "now": now_text if not pg else NOW},
    )
    if pg:
        for table in ("accounts", "contacts"):
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            )


def _define(session: Session) -> list[int]:
    engagement = service.save_model(
        session,
        ScoreModelWrite(
            name="Marketing engagement", rules=ENGAGEMENT, half_life_days=30, is_primary=True
        ),
        actor=SYSTEM,
    )
    readiness = service.save_model(
        session, ScoreModelWrite(name="Sales readiness", rules=READINESS), actor=SYSTEM
    )
    service.save_profile(
        session,
        ProfileWrite(
            kind="icp",
            name="ICP",
            criteria=[
                {
                    "label": "Software",
                    "weight": 2,
                    "when": {"field": "account.industry", "op": "eq", "value": "Software"},
                },
                {
                    "label": "Mid-size",
                    "weight": 1,
                    "when": {
                        "field": "account.employee_count",
                        "op": "between",
                        "value": [50, 5000],
                    },
                },
            ],
        ),
        actor=SYSTEM,
    )
    service.save_profile(
        session,
        ProfileWrite(
            kind="persona",
            name="Marketing leader",
            criteria=[
                {
                    "label": "VP",
                    "weight": 1,
                    "when": {"field": "contact.job_title", "op": "contains", "value": "VP"},
                },
            ],
        ),
        actor=SYSTEM,
    )
    service.save_criteria(
        session,
        "mql",
        CriteriaWrite(
            condition={
                "all": [
                    {"field": "grade", "op": "in", "value": ["A"]},
                    {"field": f"score.{readiness.id}", "op": "gte", "value": 95},
                ]
            }
        ),
        actor=SYSTEM,
    )
    return [engagement.id, readiness.id]


def _server_cpu() -> float:
    """CPU seconds used so far by every PostgreSQL process on this machine: its backends
    (one per lane) and its own helpers (WAL writer, checkpointer)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, fields = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # ended meanwhile
        if name.endswith("(postgres"):
            ticks += int(fields.split()[11]) + int(fields.split()[12])
    return ticks / os.sysconf("SC_CLK_TCK")


CPU: dict[str, float] = {}


def _floor(engine: Engine) -> float:
    """The same per-rule sums, hand-written: one GROUP BY over touches per model."""
    started = time.perf_counter()
    with engine.connect() as connection:
        pg = connection.dialect.name == "postgresql"
        cpu = (time.process_time(), _server_cpu() if pg else 0.0)
        regexp = (
            (lambda col, p: f"{col} ~* '{p}'") if pg else (lambda col, p: f"{col} REGEXP '(?i){p}'")
        )
        url = "properties->>'url'" if pg else "json_extract(properties, '$.url')"
        age = (
            "extract(epoch from (CAST(:now AS timestamptz) - occurred_at)) / 86400.0"
            if pg
            else "julianday(:now) - julianday(occurred_at)"
        )
        for rules, half_life in ((ENGAGEMENT, 30), (READINESS, None)):
            sums: list[str] = []
            for rule in rules:
                event = rule.get("event")
                if event is None:
                    continue
                test = f"type IN ({', '.join(repr(t) for t in event['types'])})"
                if "where" in event:
                    test += " AND " + regexp(url, event["where"]["value"])
                if "within_days" in event:
                    test += f" AND {age} <= {event['within_days']}"
                weight = (
                    f"{rule['points']} * exp({-0.6931471805599453 / half_life} * {age})"
                    if half_life and rule["kind"] == "behaviour"
                    else str(rule["points"])
                )
                sums.append(f"sum(CASE WHEN {test} THEN {weight} ELSE 0 END) AS s{len(sums)}")
            connection.execute(
                text(
                    # The outer sum uses every column: PostgreSQL drops unused ones.
                    f"SELECT count(*), sum({' + '.join(f's{n}' for n in range(len(sums)))})"
                    f" FROM (SELECT contact_id, {', '.join(sums)} FROM touches"
                    " GROUP BY contact_id) AS t"
                ),
                {"now": NOW if pg else NOW.replace(tzinfo=None).isoformat(sep=" ")},
            ).scalar()
        CPU["floor_cpu_s"] = round(time.process_time() - cpu[0], 2)
        if pg:
            CPU["floor_server_cpu_s"] = round(_server_cpu() - cpu[1], 2)
    return time.perf_counter() - started


def full_rescore(url: str, contacts: int, touches: int) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade(engine)
    loaded = _load(engine, contacts, touches)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        models = _define(session)
    floor = _floor(engine)
    first = _timed_rescore(factory, url, "first")
    # A small rule change a day later (decayed totals have moved meanwhile): the run it
    # queues is the second timed rescore.
    clock.use_clock(clock.FrozenClock(NOW + timedelta(days=1)))
    with unit_of_work(factory) as session:
        _change_a_rule(session, models[0])
    again = _timed_rescore(factory, url, "again")
    clock.use_clock(clock.FrozenClock(NOW + timedelta(minutes=1)))
    with engine.connect() as connection:
        scored = connection.execute(text("SELECT count(*) FROM contact_scores")).scalar()
        graded = connection.execute(text("SELECT count(*) FROM contact_grades")).scalar()
    engine.dispose()
    return {
        "load_s": round(loaded, 1),
        "rescore_s": first["s"],
        "floor_s": round(floor, 2),
        "ratio": round(first["s"] / floor, 2) if floor else None,
        **CPU,
        "first": first,
        "after_rule_change": again,
        "load_average": os.getloadavg(),
        "scores_written": scored,
        "grades_written": graded,
        "under_60s": first["s"] <= 60,
        "after_rule_change_under_60s": again["s"] <= 60,
    }


def _timed_rescore(factory: Any, url: str, name: str) -> dict[str, Any]:
    """The full rescore the last definition change queued, run by the background worker as
    ``huddle serve`` starts it for this database (as many threads, and so lanes, as it
    runs there), timed from its start to the run's end: wall, this process's CPU, the
    PostgreSQL server's CPU (every postgres process), the wall time of each step summed
    over the chunks (lanes side by side overlap), and how long one chunk (one job's
    transaction) took."""
    threads = Settings(database_url=url).background_threads
    pg = url.startswith("postgresql")
    with factory() as session:
        run = runs.waiting_run(session)
        assert run is not None, "saving the definitions queues a rescore"
        run_id = run.id
    timings: dict[str, list[float]] = {}
    worker = Worker(factory, idle_seconds=0.01, threads=threads)
    started, cpu = time.perf_counter(), time.process_time()
    server = _server_cpu() if pg else 0.0
    with _step_timers(timings):
        worker.start_in_thread()
        try:
            run = _wait_for(factory, run_id)
        finally:
            worker.stop()
    figures: dict[str, Any] = {"lanes": threads}
    if pg:
        figures["server_cpu_s"] = round(_server_cpu() - server, 2)
    figures["new_mqls"] = run.qualified
    figures["s"] = round(time.perf_counter() - started, 2)
    figures["cpu_s"] = round(time.process_time() - cpu, 2)
    chunks = timings.pop("chunk")
    figures["chunks"] = len(chunks)
    figures["chunk_s_median"] = round(statistics.median(chunks), 3)
    figures["chunk_s_max"] = round(max(chunks), 3)
    figures["phases_s"] = {step: round(sum(seconds), 2) for step, seconds in timings.items()}
    figures["load_average"] = os.getloadavg()
    print(name, figures, flush=True)
    return figures


def _wait_for(factory: Any, run_id: int) -> RescoreRun:
    while True:
        with factory() as session:
            run = session.get(RescoreRun, run_id)
            if run.status == "done":
                return run
        time.sleep(0.02)


@contextmanager
def _step_timers(timings: dict[str, list[float]]) -> Iterator[None]:
    """Time every chunk and its steps (wrapped for this run only, restored after)."""
    steps = [
        (tasks, "rescore_chunk", "chunk"),  # where the job handler finds it
        (full_rescore_rows, "write_all_scores", "scores, every model"),
        (scores, "copy_primary", "primary copy"),
        (rescoring, "grade_contacts", "grades"),
        (rescoring, "qualify", "mql check"),
    ]
    originals = [getattr(module, attribute) for module, attribute, _ in steps]
    for (module, attribute, step), original in zip(steps, originals, strict=True):
        setattr(module, attribute, _timer(original, timings.setdefault(step, [])))
    try:
        yield
    finally:
        for (module, attribute, _), original in zip(steps, originals, strict=True):
            setattr(module, attribute, original)


def _timer(function: Any, durations: list[float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            durations.append(time.perf_counter() - started)

    return timed


def _change_a_rule(session: Session, model_id: int) -> None:
    rules = [dict(rule, points=3) if rule["name"] == "Docs" else rule for rule in ENGAGEMENT]
    service.save_model(
        session,
        ScoreModelWrite(
            name="Marketing engagement", rules=rules, half_life_days=30, is_primary=True
        ),
        actor=SYSTEM,
        model_id=model_id,
    )


def incremental(touches: int) -> dict[str, Any]:
    """ms per touch added by scoring's subscriber to ``record_touches`` of single touches."""
    workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-scoring-"))
    try:
        return _incremental(workdir, touches)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _incremental(workdir: Path, touches: int) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{workdir / 'huddle.db'}")
    upgrade(engine)
    _load(engine, 20_000, 200_000)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        _define(session)
    single = _on_and_off(factory, touches, batch=1)
    batched = _on_and_off(factory, touches * 10, batch=BATCH)
    engine.dispose()
    return {
        "touches": touches,
        "single_median_ms_on": single[0],
        "single_median_ms_off": single[1],
        "single_added_ms": round(single[0] - single[1], 3),
        "batch_size": BATCH,
        "batched_ms_per_touch_on": batched[0],
        "batched_ms_per_touch_off": batched[1],
        "batched_added_ms_per_touch": round(batched[0] - batched[1], 4),
        "single_under_1ms": single[0] - single[1] < 1,
        "batched_under_1ms": batched[0] - batched[1] < 1,
    }


BATCH = 500


def _on_and_off(factory: Any, touches: int, *, batch: int) -> tuple[float, float]:
    """Median ms per touch of ``record_touches`` in batches, scoring on and off in turns."""
    timings: dict[str, list[float]] = {"on": [], "off": []}
    for round_ in range(4):
        mode = "on" if round_ % 2 == 0 else "off"
        if mode == "off":
            unsubscribe(TouchesRecorded, score_touched_contacts)
        try:
            with unit_of_work(factory) as session:
                for start in range(0, touches // 4, batch):
                    rows = [
                        TouchRow(
                            type=TYPES[n % len(TYPES)],
                            occurred_at=NOW,
                            contact_id=(n * 7919) % 20_000 + 1,
                            properties={"url": URLS[n % len(URLS)]},
                        )
                        for n in range(start, start + batch)
                    ]
                    started = time.perf_counter()
                    contacts_service.record_touches(session, rows, actor=SYSTEM)
                    timings[mode].append((time.perf_counter() - started) / batch)
        finally:
            if mode == "off":
                subscribe(TouchesRecorded)(score_touched_contacts)
    return (
        round(statistics.median(timings["on"]) * 1000, 4),
        round(statistics.median(timings["off"]) * 1000, 4),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--touches", type=int, default=10_000_000)
    parser.add_argument("--incremental-touches", type=int, default=2_000)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    args = parser.parse_args()
    register()
    clock.use_clock(clock.FrozenClock(NOW + timedelta(minutes=1)))
    figures: dict[str, Any] = {
        "contacts": args.contacts,
        "touches": args.touches,
        "rules": len(ENGAGEMENT) + len(READINESS),
    }
    if not args.skip_incremental:
        figures["incremental"] = incremental(args.incremental_touches)
        print("incremental", figures["incremental"], flush=True)
    if not args.skip_sqlite:
        workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-scoring-"))
        try:
            figures["sqlite"] = full_rescore(
                f"sqlite:///{workdir / 'huddle.db'}", args.contacts, args.touches
            )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print("sqlite", figures["sqlite"], flush=True)
    if not args.skip_pg:
        figures["postgresql"] = _on_fresh_schema(args.pg, args.contacts, args.touches)
        print("postgresql", figures["postgresql"], flush=True)
    figures["load_average"] = os.getloadavg()[0]
    print(json.dumps(figures))


def _on_fresh_schema(url: str, contacts: int, touches: int) -> dict[str, Any]:
    schema = f"bench_scoring_{os.getpid()}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        return full_rescore(f"{url}?options=-csearch_path%3D{schema}", contacts, touches)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
