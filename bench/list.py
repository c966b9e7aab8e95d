"""Benchmark: the contact list at 1,000,000 contacts, every filter x sort the page offers.

    python -m bench.list [--contacts 1000000] [--requests 10] [--warmup 1]
                         [--pg URL] [--skip-pg] [--skip-sqlite] [--rebuild]

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
sortable column both ways. Median and p95 (nearest rank) in ms per combination; the target
is a p95 under 100 ms for every one. The last line is JSON: one entry per combination.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from sqlalchemy import text

from bench.pages import NOW, _nearest_rank, _sign_in, pg_database, sqlite_database
from huddle.app import create_app
from huddle.core import clock
from huddle.core.db import make_engine
from huddle.core.settings import Settings
from huddle.subscribers import register

SORTS = ("last_name", "stage", "owner", "score", "last_touch_at", "updated_at", "created_at")
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


def measure(url: str, data_dir: Path, *, requests: int, warmup: int) -> dict[str, Any]:
    settings = Settings(env="development", database_url=url, data_dir=data_dir)
    previous = clock.use_clock(clock.FrozenClock(NOW))
    figures: dict[str, Any] = {}
    try:
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client:
            _sign_in(client)
            gc.collect()
            gc.freeze()
            for name, params in filter_sets(_rep_ids(url)).items():
                for sort in SORTS:
                    for order in (sort, f"-{sort}"):
                        path = "/contacts?" + urlencode({**params, "sort": order}, doseq=True)
                        figures[f"{name} {order}"] = _time(client, path, requests, warmup)
    finally:
        gc.unfreeze()
        clock.use_clock(previous)
    return figures


def _time(client: TestClient, path: str, requests: int, warmup: int) -> dict[str, float]:
    seconds = []
    for n in range(warmup + requests):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        assert "list-total" in response.text or "No contacts match" in response.text, path
        if n >= warmup:
            seconds.append(elapsed)
    p50 = round(statistics.median(seconds), 1)
    p95 = round(_nearest_rank(seconds, 0.95), 1)
    flag = "" if p95 < TARGET_MS else "   over"
    print(f"  {path:<90} p50 {p50:>8.1f} ms   p95 {p95:>8.1f} ms{flag}", flush=True)
    return {"p50_ms": p50, "p95_ms": p95}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--touches", type=int, default=0, help="touches per contact")
    parser.add_argument("--requests", type=int, default=10, help="timed requests each")
    parser.add_argument("--warmup", type=int, default=1, help="untimed requests each first")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the cached data again")
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
            figures = measure(url, data_dir, requests=args.requests, warmup=args.warmup)
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
