"""Benchmark: touch ingestion over real HTTP, with a downstream hook on every batch.

    python -m bench.ingest [--events 100000] [--collect-seconds 10] [--connections 64]
    python -m bench.ingest --only scoring-cost    # part 3 alone (seeds --events raw touches)

Builds a fresh, migrated SQLite database in a temporary directory with --contacts contacts,
starts Huddle in a SECOND process (uvicorn with uvloop and httptools, as ``huddle serve``)
and measures, from this process over loopback:

1. the batch API: POST /api/v1/events, batches of 5,000 events for known contacts, one
   client; events/s, against the raw baseline measured in the same run on the same
   database: as many rows ``executemany``-inserted into ``touches`` with plain sqlite3 in
   one transaction, once before the API run and once after it (the table sizes the API
   wrote at lie between the two; ratio = API / both raw runs together). A retried batch
   must store nothing.
2. /t/collect: single page views (one per request, every request a new page view of one of
   5,000 visitors, half of them identified) driven by ``wrk`` (C, bounded by time) with a
   fixed number of connections; requests/s and p50/p99 latency. Afterwards every
   acknowledged page view must be in the database.

3. What scoring adds per touch: in this process, on the same database once the server has
   stopped, ``ingest_events`` (the batch API's service) in batches of one event and of 500,
   scoring's subscriber on and off (unsubscribed) in alternating rounds; the median added
   ms per touch, wall clock and CPU time.

The server's CPU seconds for each HTTP part are read from /proc and printed beside the wall
clock figures (the machine is shared: CPU time is the steadier measure).

The downstream hook: scoring's real subscriber on ``TouchesRecorded`` (issue 5), with one
score model of touch rules: per batch, the model is recomputed for the batch's contacts in
one INSERT ... SELECT ... GROUP BY and the MQL criteria re-checked. Figures are noisy on a
shared machine: the load average is printed
with them. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import orjson
from sqlalchemy import insert, text

from huddle.auth import service as auth_service
from huddle.auth import tokens
from huddle.auth.schemas import ApiTokenCreate, UserCreate
from huddle.contacts.events import TouchesRecorded
from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM, Actor
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.events import subscribe, unsubscribe
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.scoring import service as scoring
from huddle.scoring.schemas import ScoreModelWrite
from huddle.scoring.subscribers import score_touched_contacts
from huddle.subscribers import register
from huddle.tracking import service as tracking
from huddle.tracking.models import Visitor
from huddle.tracking.schemas import SiteCreate

SEED = 20260302
BATCH = 5000
ORIGIN = "http://bench.example"
PASSWORD = "bench correct horse battery"
ADMIN = "bench@huddle.example"
TYPES = ["webinar_attended", "product_login", "demo_requested", "seats_installed"]
HOOK = (
    "scoring's subscriber on TouchesRecorded: the batch's contacts rescored set-wise "
    "(one INSERT ... SELECT ... GROUP BY per model with a rule on the batch's touch types)"
)
HOOK_RULES = [
    {"name": t, "kind": "behaviour", "points": 5, "cap": 50, "event": {"types": [t]}} for t in TYPES
]


# --- the server process ----------------------------------------------------------------------


def serve(database_url: str, port: int, data_dir: Path) -> None:
    """As ``huddle serve`` does, without its embedded worker."""
    from huddle.app import create_app
    from huddle.web.serving import serve as serve_app

    settings = Settings(env="development", database_url=database_url, data_dir=data_dir)
    serve_app(create_app(settings), host="127.0.0.1", port=port)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(database_url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "bench.ingest", "--serve", database_url, "--port", str(port)]
    command += ["--data-dir", str(data_dir)]
    process = subprocess.Popen(command, cwd=Path(__file__).resolve().parent.parent)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/t.js", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


# --- the data --------------------------------------------------------------------------------


def seed(
    database_url: str, contacts: int, visitors: int
) -> tuple[dict[str, int], str, list[str], str]:
    """Contacts, a user who may ingest, a site; half the visitors already identified."""
    engine = make_engine(database_url)
    upgrade(engine)
    factory = session_factory(engine)
    now = datetime.now(UTC)
    with unit_of_work(factory) as session:
        user = auth_service.create_user(
            session,
            UserCreate(email=ADMIN, name="Bench", team="revops", role="admin", password=PASSWORD),
            actor=SYSTEM,
        )
        # Server-side senders authenticate with a personal token of the ingest scope.
        token = tokens.issue_token(
            session,
            ApiTokenCreate(name="bench", scopes=["ingest"]),
            actor=Actor.user(user.id, role=user.role, team=user.team),
        ).secret
        emails = [f"person{n}@company{n % 997}.example" for n in range(contacts)]
        session.execute(
            insert(Contact),
            [
                {"email": e, "created_at": now, "updated_at": now, "stage_entered_at": now}
                for e in emails
            ],
        )
        site = tracking.create_site(
            session, SiteCreate(name="Bench", allowed_origins=[ORIGIN]), actor=SYSTEM
        )
        site_key = site.site_key
        scoring.save_model(
            session,
            ScoreModelWrite(
                name="Engagement", rules=HOOK_RULES, half_life_days=30, is_primary=True
            ),
            actor=SYSTEM,
        )
    with unit_of_work(factory) as session:
        ids: dict[str, int] = dict(session.execute(text("SELECT email, id FROM contacts")).all())
        visitor_ids = [f"visitor{n:06d}abcdefghijkl" for n in range(visitors)]
        session.execute(
            insert(Visitor),
            [
                {"visitor_id": v, "contact_id": ids[emails[n % contacts]], "identified_at": now}
                for n, v in enumerate(visitor_ids[: visitors // 2])
            ],
        )
    engine.dispose()
    return ids, site_key, visitor_ids, token


def make_events(
    rng: random.Random, emails: list[str], count: int, tag: str
) -> list[dict[str, Any]]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    events = []
    for n in range(count):
        kind = TYPES[n % len(TYPES)]
        properties: dict[str, Any] = {"utm_source": rng.choice(["google", "linkedin", "email"])}
        if kind == "seats_installed":
            properties["seats"] = rng.randint(1, 500)
        events.append(
            {
                "type": kind,
                "idempotency_key": f"{tag}-{n}",
                "email": rng.choice(emails),
                "occurred_at": (start + timedelta(seconds=n * 7)).isoformat(),
                "properties": properties,
            }
        )
    return events


# --- 1. the batch API ------------------------------------------------------------------------


class Raw(NamedTuple):
    rows: int
    seconds: float
    cpu_seconds: float

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds


def raw_baseline(path: Path, events: list[dict[str, Any]], ids: dict[str, int]) -> Raw:
    """The same rows straight into ``touches``: plain sqlite3 executemany, one transaction.
    The rows, and the seconds of wall clock and of CPU time they took."""
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rows = [
        (
            e["type"],
            datetime.fromisoformat(e["occurred_at"]).replace(tzinfo=None).isoformat(sep=" "),
            ids[e["email"]],
            "system",
            orjson.dumps(e["properties"]).decode(),
            "raw:" + e["idempotency_key"],
            now,
        )
        for e in events
    ]
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    started, cpu = time.perf_counter(), time.process_time()
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO touches (type, occurred_at, contact_id, actor_type, properties,"
        " idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.execute("COMMIT")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return Raw(len(rows), seconds, cpu)


def bracketed(before: Raw, after: Raw) -> tuple[float, float]:
    """Rows per second of wall clock and of CPU time over both raw runs. An insert costs
    more as ``touches`` grows (its indexes deepen): measured only before the API run, on
    the smaller table, the baseline would be faster than any insert at the API's sizes.
    One run on each side of the API run brackets the table sizes the API wrote at."""
    rows = before.rows + after.rows
    return rows / (before.seconds + after.seconds), rows / (before.cpu_seconds + after.cpu_seconds)


def batch_api(url: str, pid: int, token: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    bodies = [orjson.dumps({"events": events[i : i + BATCH]}) for i in range(0, len(events), BATCH)]
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, timeout=120) as client:
        # Warm-up (not timed): imports, caches, the first statements prepared.
        warm = client.post("/api/v1/events", content=bodies[0], headers=headers).json()
        assert warm["stored"] == BATCH, warm
        stored, seconds = 0, []
        cpu = cpu_seconds(pid)
        for body in bodies[1:]:
            started = time.perf_counter()
            answer = client.post("/api/v1/events", content=body, headers=headers)
            seconds.append(time.perf_counter() - started)
            result = answer.json()
            assert answer.status_code == 200 and not result["failed"], result
            stored += result["stored"]
        cpu = cpu_seconds(pid) - cpu
        retried = client.post("/api/v1/events", content=bodies[-1], headers=headers).json()
    assert retried["stored"] == 0 and retried["duplicates"] == BATCH, retried
    total = sum(seconds)
    return {
        "events": stored,
        "seconds": round(total, 3),
        "events_per_s": round(stored / total),
        "batch_ms_p50": round(1000 * sorted(seconds)[len(seconds) // 2], 1),
        "server_cpu_seconds": round(cpu, 2),
        "events_per_cpu_s": round(stored / cpu),
        "retry_stored": retried["stored"],
    }


# --- 2. /t/collect ---------------------------------------------------------------------------

WRK_SCRIPT = """
local counter = 0
-- Page view ids must differ between runs: wrk seeds math.random the same way each time.
local run = os.getenv("BENCH_RUN") or "r"
local visitors = {}
for n = 0, %(visitors)d - 1 do visitors[n + 1] = string.format("visitor%%06dabcdefghijkl", n) end
wrk.method = "POST"
wrk.headers["Origin"] = "%(origin)s"
wrk.headers["Content-Type"] = "text/plain"
function setup(thread) end
request = function()
  counter = counter + 1
  local visitor = visitors[math.random(#visitors)]
  local body = string.format(
    '{"k":"%(key)s","v":"%%s","e":[{"id":"%%s%%d","u":"%(origin)s/pricing?utm_source=ads&n=%%d","t":"Pricing","r":""}]}',
    visitor, run, counter, counter)
  return wrk.format(nil, "/t/collect", nil, body)
end
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def collect_load(
    url: str, pid: int, path: Path, key: str, visitors: int, seconds: int, connections: int
) -> dict[str, Any]:
    """wrk drives the server for ``seconds``; every page view it saw acknowledged (2xx)
    must then be in the database (a few more may be: in flight when wrk stopped)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is needed for the /t/collect figures: apt-get install wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"visitors": visitors, "origin": ORIGIN, "key": key})
    # A short warm-up, then the measured run (both bounded by time).
    subprocess.run(
        [wrk, "-t1", "-c8", "-d2s", "-s", script.name, f"{url}/t/collect"],
        capture_output=True,
        check=True,
        env={**os.environ, "BENCH_RUN": "warm"},
    )
    time.sleep(0.5)
    before = stored_page_views(path)
    cpu = cpu_seconds(pid)
    command = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name]
    output = subprocess.run(
        [*command, f"{url}/t/collect"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "BENCH_RUN": "measured"},
    ).stdout
    cpu = cpu_seconds(pid) - cpu
    os.unlink(script.name)
    if os.environ.get("BENCH_VERBOSE"):
        print(output)
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", output, re.M))
    parsed = {k: re.match(r"([\d.]+)(\w+)", v) for k, v in latency.items()}
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    time.sleep(0.5)  # requests in flight when wrk stopped are answered and stored too
    return {
        "stored": stored_page_views(path) - before,
        "requests": requests,
        "requests_per_s": round(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))),  # type: ignore[union-attr]
        "p50_ms": round(_ms(*parsed["50"].groups()), 2),  # type: ignore[union-attr]
        "p99_ms": round(_ms(*parsed["99"].groups()), 2),  # type: ignore[union-attr]
        "non_2xx": int(errors.group(1)) if errors else 0,
        "server_cpu_seconds": round(cpu, 2),
        "requests_per_cpu_s": round(requests / cpu),
        "socket_errors": socket_errors.group(1) if socket_errors else None,
        "connections": connections,
        "seconds": seconds,
    }


def stored_page_views(path: Path) -> int:
    connection = sqlite3.connect(path)
    count: int = connection.execute(
        "SELECT count(*) FROM touches WHERE type = 'page_view'"
    ).fetchone()[0]
    connection.close()
    return count


def hook_total(path: Path) -> int:
    connection = sqlite3.connect(path)
    total: int = connection.execute("SELECT count(*) FROM contact_scores").fetchone()[0]
    connection.close()
    return total


# --- 3. what scoring adds per touch ----------------------------------------------------------


def scoring_cost(database_url: str, emails: list[str], rng: random.Random) -> dict[str, Any]:
    """Median ms per touch of ``ingest_events`` with scoring's subscriber on and off, in
    alternating rounds, for single events and batches of 500 (one transaction each)."""
    register()
    engine = make_engine(database_url)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        user_id, role, team = session.execute(
            text("SELECT id, role, team FROM users WHERE email = :e"), {"e": ADMIN}
        ).one()
    actor = Actor.user(user_id, role=role, team=team)
    figures: dict[str, Any] = {}
    # Single events: 40 short rounds of 30, so that on and off meet the same load on the
    # shared machine (long rounds made the wall clock figure swing with its neighbours).
    for size, calls, rounds in ((1, 30, 40), (500, 3, 6)):
        timings: dict[str, list[tuple[float, float]]] = {"on": [], "off": []}
        for round_ in range(rounds):
            mode = "on" if round_ % 2 == 0 else "off"
            events = make_events(rng, emails, size * calls, f"cost{size}-{round_}")
            if mode == "off":
                unsubscribe(TouchesRecorded, score_touched_contacts)
            try:
                for start in range(0, len(events), size):
                    wall, cpu = time.perf_counter(), time.process_time()
                    with unit_of_work(factory) as session:
                        report = tracking.ingest_events(
                            session, events[start : start + size], actor=actor
                        )
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                    assert report.stored == size, report
                    timings[mode].append((1000 * wall / size, 1000 * cpu / size))
            finally:
                if mode == "off":
                    subscribe(TouchesRecorded)(score_touched_contacts)
        for clock_, n in (("wall", 0), ("cpu", 1)):
            on = statistics.median(t[n] for t in timings["on"])
            off = statistics.median(t[n] for t in timings["off"])
            figures[f"batch{size}_{clock_}_ms_per_touch_on"] = round(on, 4)
            figures[f"batch{size}_{clock_}_ms_per_touch_off"] = round(off, 4)
            figures[f"batch{size}_{clock_}_added_ms"] = round(on - off, 4)
    engine.dispose()
    return figures


def print_scoring_cost(cost: dict[str, Any]) -> None:
    print(
        "scoring added per touch (median, on - off): single events "
        f"{cost['batch1_wall_added_ms']} ms wall, {cost['batch1_cpu_added_ms']} ms CPU; "
        f"batches of 500 {cost['batch500_wall_added_ms']} ms wall, "
        f"{cost['batch500_cpu_added_ms']} ms CPU (target < 1 ms)"
    )


def report_scoring_cost(cost: dict[str, Any]) -> None:
    """``--only scoring-cost``: the figures and their JSON line, nothing else measured."""
    load = [round(x, 2) for x in os.getloadavg()]
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared; figures are noisy)")
    print(f"hook: {HOOK}")
    print_scoring_cost(cost)
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "part": "scoring-cost",
                "database": "sqlite",
                "cores": os.cpu_count(),
                "load_average": load,
                "scoring_added_ms_per_touch": cost,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--visitors", type=int, default=5_000)
    parser.add_argument("--collect-seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--only",
        choices=["scoring-cost"],
        help="run one part: scoring-cost seeds the database and its raw touches, then part 3",
    )
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, Path(args.data_dir))
        return

    rng = random.Random(SEED)
    workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-ingest-"))
    path = workdir / "huddle.db"
    database_url = f"sqlite:///{path}"
    try:
        ids, site_key, _, token = seed(database_url, args.contacts, args.visitors)
        emails = list(ids)
        raw_before = raw_baseline(path, make_events(rng, emails, args.events, "raw"), ids)
        if args.only == "scoring-cost":
            report_scoring_cost(scoring_cost(database_url, emails, rng))
            return
        process, url = start_server(database_url, workdir)
        try:
            api_events = make_events(rng, emails, args.events + BATCH, "api")
            api = batch_api(url, process.pid, token, api_events)
            hooked_after_api = hook_total(path)
            # The server is idle now: its connections hold no transaction open.
            raw_after = raw_baseline(path, make_events(rng, emails, args.events, "raw2"), ids)
            collect = collect_load(
                url,
                process.pid,
                path,
                site_key,
                args.visitors,
                args.collect_seconds,
                args.connections,
            )
        finally:
            process.terminate()
            process.wait(timeout=30)
        hooked = hook_total(path)
        cost = scoring_cost(database_url, emails, rng)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    load = [round(x, 2) for x in os.getloadavg()]
    acknowledged = collect["requests"] - collect["non_2xx"]
    lost = max(0, acknowledged - collect["stored"])
    raw_rate, raw_cpu_rate = bracketed(raw_before, raw_after)
    ratio = api["events_per_s"] / raw_rate
    cpu_ratio = api["events_per_cpu_s"] / raw_cpu_rate
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared; figures are noisy)")
    print(f"hook: {HOOK}")
    print(
        f"batch API over HTTP: {api['events_per_s']:,} events/s ({api['events']:,} events, "
        f"{api['seconds']} s, p50 {api['batch_ms_p50']} ms per 5,000-event batch); retried "
        f"batch stored {api['retry_stored']}"
    )
    print(
        f"  server CPU {api['server_cpu_seconds']} s: {api['events_per_cpu_s']:,} events per "
        "CPU second"
    )
    print(
        f"raw executemany baseline: {raw_rate:,.0f} rows/s ({raw_cpu_rate:,.0f} per CPU "
        f"second; before the API run {raw_before.rows_per_s:,.0f}, after it "
        f"{raw_after.rows_per_s:,.0f}); ratio {ratio:.3f} (target >= 0.25), "
        f"by CPU time {cpu_ratio:.3f}; against the run before alone "
        f"{api['events_per_s'] / raw_before.rows_per_s:.3f}"
    )
    print(
        f"/t/collect: {collect['requests_per_s']:,} requests/s, p50 {collect['p50_ms']} ms, "
        f"p99 {collect['p99_ms']} ms ({collect['connections']} connections, "
        f"{collect['seconds']} s; non-2xx {collect['non_2xx']}); acknowledged "
        f"{acknowledged:,}, stored {collect['stored']:,}, lost {lost}"
    )
    print(
        f"  server CPU {collect['server_cpu_seconds']} s: {collect['requests_per_cpu_s']:,} "
        "requests per CPU second"
    )
    print(f"hook scored {hooked_after_api:,} contacts after the API run, {hooked:,} in all")
    print_scoring_cost(cost)
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "database": "sqlite",
                "cores": os.cpu_count(),
                "load_average": load,
                "batch_api_events_per_s": api["events_per_s"],
                "batch_api_events_per_cpu_s": api["events_per_cpu_s"],
                "raw_executemany_rows_per_s": round(raw_rate),
                "raw_executemany_rows_per_cpu_s": round(raw_cpu_rate),
                "raw_before_rows_per_s": round(raw_before.rows_per_s),
                "raw_after_rows_per_s": round(raw_after.rows_per_s),
                "ratio": round(ratio, 3),
                "cpu_ratio": round(cpu_ratio, 3),
                "retry_stored": api["retry_stored"],
                "collect_requests_per_s": collect["requests_per_s"],
                "collect_p50_ms": collect["p50_ms"],
                "collect_p99_ms": collect["p99_ms"],
                "collect_requests_per_cpu_s": collect["requests_per_cpu_s"],
                "collect_non_2xx": collect["non_2xx"],
                "collect_acknowledged": acknowledged,
                "collect_stored": collect["stored"],
                "collect_lost": lost,
                "hook": "scoring subscriber (real, issue 5)",
                "hook_contacts_scored": hooked,
                "scoring_added_ms_per_touch": cost,
            }
        )
    )


if __name__ == "__main__":
    main()
