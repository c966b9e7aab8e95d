"""Benchmark: the contact list at 1,000,000 contacts, every filter x sort the page offers.

    python -m bench.list [--contacts 1000000] [--requests 20] [--warmup 1]
                         [--pg URL] [--skip-pg] [--skip-sqlite] [--rebuild]
                         [--explain] [--only stage_lead,none -score]

The data is bench/pages.py's (built by its code, cached the same way: a SQLite file under
``huddle-bench-list/`` in the temporary directory, a PostgreSQL schema
``bench_pages_<size>_<touches>``), by default without touches (the list does not read them;
each contact's last touch is on its row). A cache built at an older schema revision is
brought up to date by the migrations (their time is printed): run once before a migration
that adds indexes and once after, and the two runs are the before and after.

Each combination is timed through the real page, ``GET /contacts?<filters>&sort=<sort>``
(FastAPI's TestClient, signed in as an administrator, the clock frozen where the data
ends): what a person waits for, the list's total (counted or estimated) included. The
filters are those the page offers: stages (one, a rare one, several), owners (one rep,
unassigned, several), first-touch sources (one, several), the score (a minimum, a range),
created since, a search, and all of stage, owner and score at once; the sorts are every
sortable column both ways (company too). Median and p95 (nearest rank) in ms per
combination; the target is a p95 under 100 ms for every one. Beside them, figures a loaded
machine moves less: the page's slowest SQL statement (``sql_ms``), the page's CPU time in
this process (``cpu_p95_ms``: SQLite's work included, PostgreSQL's not) and the page's
median over that of a plain ``SELECT ... ORDER BY id LIMIT 50`` timed after each request
(``x_baseline``). ``--explain`` prints the plan of each page's slowest query (PostgreSQL:
EXPLAIN ANALYZE); ``--only`` picks combinations by name. The last line is JSON: one entry
per combination.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event, text

from bench.pages import NOW, _nearest_rank, _sign_in, pg_database, sqlite_database
from huddle.app import create_app
from huddle.core import clock
from huddle.core.db import make_engine
from huddle.core.settings import Settings
from huddle.subscribers import register
from huddle.web.serving import settle_heap, unsettle_heap

SORTS = (
    "last_name",
    "company",
    "stage",
    "owner",
    "score",
    "last_touch_at",
    "updated_at",
    "created_at",
)
TARGET_MS = 100


def filter_sets(rep_ids: list[int]) -> dict[str, dict[str, Any]]:
    """Every kind of filter the page offers, by name: the query parameters it sends."""
    one, two = rep_ids[0], rep_ids[1]
    since = (NOW.date().replace(day=1)).isoformat()
    return {
        "none": {},
        "stage_lead": {"stage": "lead"},
        "stage_customer": {"stage": "customer"},
        "stages_mql_sql": {"stage": ["mql", "sql"]},
        "owner_rep": {"owner": one},
        "owner_unassigned": {"owner": "unassigned"},
        "owners_two": {"owner": [one, two]},
        "source_webinar": {"source": "webinar"},
        "sources_two": {"source": "google,linkedin"},
        "score_min_50": {"score_min": 50},
        "score_20_30": {"score_min": 20, "score_max": 30},
        "created_this_month": {"created_since": since},
        "search_name": {"q": "okafor"},
        "stage_owner_score": {"stage": "mql", "owner": one, "score_min": 80},
    }


def _rep_ids(url: str) -> list[int]:
    engine = make_engine(url)
    with engine.connect() as connection:
        ids = connection.execute(
            text("SELECT id FROM users WHERE email LIKE 'rep%@bench.example' ORDER BY id LIMIT 2")
        ).scalars()
        found = list(ids)
    engine.dispose()
    return found


class Statements:
    """The SQL each request runs (ms, text, parameters), from the engine's own events: which
    statement of a page was the slowest, to explain it."""

    def __init__(self) -> None:
        self.ran: list[tuple[float, str, Any]] = []

    def before(self, conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        conn.info["bench_started"] = time.perf_counter()

    def after(self, conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        elapsed = (time.perf_counter() - conn.info.pop("bench_started")) * 1000
        self.ran.append((elapsed, statement, parameters))

    def slowest(self) -> tuple[float, str, Any]:
        return max(self.ran, key=lambda ran: ran[0])

    def slowest_query(self) -> tuple[float, str, Any]:
        """The slowest statement that is not itself an EXPLAIN (PostgreSQL's estimate)."""
        queries = [ran for ran in self.ran if not ran[1].startswith("EXPLAIN")]
        return max(queries, key=lambda ran: ran[0])


def measure(
    url: str,
    data_dir: Path,
    *,
    requests: int,
    warmup: int,
    explain: bool = False,
    only: tuple[str, ...] = ("",),
) -> dict[str, Any]:
    """``only``: the combinations whose name ("stage_lead -score") starts with one of these."""
    settings = Settings(env="development", database_url=url, data_dir=data_dir)
    previous = clock.use_clock(clock.FrozenClock(NOW))
    figures: dict[str, Any] = {}
    statements = Statements()
    baseline = make_engine(url)
    event.listen(Engine, "before_cursor_execute", statements.before)
    event.listen(Engine, "after_cursor_execute", statements.after)
    try:
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client, baseline.connect() as plain:
            _sign_in(client)
            settle_heap()
            for name, params in filter_sets(_rep_ids(url)).items():
                for sort in SORTS:
                    for order in (sort, f"-{sort}"):
                        if not f"{name} {order}".startswith(only):
                            continue
                        path = "/contacts?" + urlencode({**params, "sort": order}, doseq=True)
                        timing = Timing(client, plain, statements)
                        figures[f"{name} {order}"] = timing.run(path, requests, warmup)
                        if explain:
                            _explain(plain, *timing.slowest_query)
    finally:
        unsettle_heap()
        clock.use_clock(previous)
        event.remove(Engine, "before_cursor_execute", statements.before)
        event.remove(Engine, "after_cursor_execute", statements.after)
        baseline.dispose()
    return figures


# The load-independent yardstick timed beside every request: the plainest page of contacts
# there is, the first 50 by primary key, straight through the driver.
BASELINE_SQL = "SELECT * FROM contacts ORDER BY id LIMIT 50"


@dataclass
class Timing:
    """One combination's requests, each followed by the baseline query, so both see the
    same load: their ratio moves far less with the machine's load than either does."""

    client: TestClient
    plain: Connection
    statements: Statements
    slowest_query: tuple[float, str, Any] = (0.0, "", None)

    def run(self, path: str, requests: int, warmup: int) -> dict[str, float]:
        pages, baselines, slowest_sql, cpu = [], [], [], []
        for n in range(warmup + requests):
            self.statements.ran.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            response = self.client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            cpu_ms = (time.process_time() - cpu_started) * 1000
            assert response.status_code == 200, (path, response.status_code)
            assert "list-total" in response.text or "No contacts match" in response.text, path
            sql_ms = self.statements.slowest()[0]
            self.slowest_query = self.statements.slowest_query()
            self.statements.ran.clear()
            started = time.perf_counter()
            self.plain.exec_driver_sql(BASELINE_SQL).all()
            self.plain.rollback()  # no read transaction left open (SQLite's checkpoints)
            base = (time.perf_counter() - started) * 1000
            if n >= warmup:
                pages.append(elapsed)
                baselines.append(base)
                slowest_sql.append(sql_ms)
                cpu.append(cpu_ms)
        p50 = round(statistics.median(pages), 1)
        p95 = round(_nearest_rank(pages, 0.95), 1)
        base50 = statistics.median(baselines)
        figures = {
            "p50_ms": p50,
            "p95_ms": p95,
            # The page's slowest statement (median): the query, without the page around it.
            "sql_ms": round(statistics.median(slowest_sql), 1),
            # This process's CPU time for the page (SQLite's work included, PostgreSQL's
            # not): what the page costs, whatever else the machine is doing.
            "cpu_p95_ms": round(_nearest_rank(cpu, 0.95), 1),
            # The page's median over the baseline's median, both measured in turn.
            "x_baseline": round(statistics.median(pages) / base50, 1),
        }
        flag = "" if p95 < TARGET_MS else "   over"
        print(
            f"  {path:<78} p50 {p50:>7.1f}  p95 {p95:>7.1f}  sql {figures['sql_ms']:>6.1f}"
            f"  cpu95 {figures['cpu_p95_ms']:>6.1f} ms  x{figures['x_baseline']:<6}{flag}",
            flush=True,
        )
        return figures


def _explain(plain: Connection, ms: float, statement: str, parameters: Any) -> None:
    """The plan of the page's slowest statement, as the database ran it (PostgreSQL: with
    ANALYZE, rows and time per node; SQLite: its query plan)."""
    driver = plain.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    if plain.dialect.name == "postgresql":
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, parameters)
        lines = [row[0] for row in cursor.fetchall()]
    else:
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        lines = [row[3] for row in cursor.fetchall()]
    cursor.close()
    plain.rollback()
    print(f"      | the slowest query ({ms:.1f} ms in the last request):", flush=True)
    for line in lines:
        print(f"      | {line}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--touches", type=int, default=0, help="touches per contact")
    # 20: the p95 of 10 requests is their slowest (nearest rank), one pause decides it.
    parser.add_argument("--requests", type=int, default=20, help="timed requests each")
    parser.add_argument("--warmup", type=int, default=1, help="untimed requests each first")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the cached data again")
    parser.add_argument(
        "--explain", action="store_true", help="print the plan of each page's slowest query"
    )
    parser.add_argument(
        "--only", default="", help='combinations starting so, by commas: "none,stage_lead -score"'
    )
    parser.add_argument(
        "--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "huddle-bench-list"
    )
    args = parser.parse_args()
    register()
    load = [round(x, 2) for x in os.getloadavg()]
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared; figures are noisy)")
    result: dict[str, Any] = {"bench": "list", "contacts": args.contacts, "through": "page"}
    data_dir = Path(tempfile.mkdtemp(prefix="huddle-bench-list-app-"))
    try:
        for name in ("sqlite", "postgresql"):
            if (name == "sqlite" and args.skip_sqlite) or (name == "postgresql" and args.skip_pg):
                continue
            print(f"{name}: preparing {args.contacts:,} contacts", flush=True)
            if name == "sqlite":
                url, info = sqlite_database(
                    args.cache_dir, args.contacts, args.touches, args.rebuild
                )
            else:
                url, info = pg_database(args.pg, args.contacts, args.touches, args.rebuild)
            print(f"{name}: {info}", flush=True)
            figures = measure(
                url,
                data_dir,
                requests=args.requests,
                warmup=args.warmup,
                explain=args.explain,
                only=tuple(args.only.split(",")),
            )
            slowest = max(figures.items(), key=lambda item: item[1]["p95_ms"])
            result[name] = {
                "combinations": figures,
                "over_target": sorted(k for k, v in figures.items() if v["p95_ms"] >= TARGET_MS),
                "slowest": {slowest[0]: slowest[1]},
                **{k: v for k, v in info.items() if v is not None},
            }
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["load_average_before"] = load
    print(json.dumps(result))


if __name__ == "__main__":
    main()
