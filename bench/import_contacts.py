"""Benchmark: import N generated contacts from a CSV through the real import path.

    python -m bench.import_contacts [--rows 1000000] [--variant plain|history|both]
        [--database-url postgresql+psycopg://...]

Generates a HubSpot-style export (deterministic seed: realistic names, titles and
companies, about 30% free-mail addresses, a few thousand company domains, half of them
known to the enrichment table) into a temporary file, imports it into a fresh, migrated
database (a temporary SQLite file unless ``--database-url`` names a PostgreSQL server, in
which case a schema of its own is created and dropped), and prints rows/s, seconds and
the process's peak RSS. The raw baseline is plain ``sqlite3``: the same CSV parsed and
``executemany``-inserted into a bare table in one transaction. The last line is JSON.

Two variants, each in a process of its own (so each has its own peak RSS), printed in one
JSON line: ``plain`` (a stage, no dates) and ``history``, the same contacts with a HubSpot
"Create Date" and five "Became a … Date" columns each (Lead → MQL → SQL → Opportunity →
Customer): six rows of stage history per contact, with the file's dates, then deals (one
for every five contacts: 200,000 at a million) through the deals import
(``bench/import_deals.py``), timed apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from huddle.contacts.importing.companies import load_companies_csv
from huddle.contacts.importing.service import Progress, create_import, run_import
from huddle.core.actor import Actor
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.deferred_indexes import DeferredIndex
from huddle.core.deferred_indexes import log as deferred_indexes_logger
from huddle.core.migrations import upgrade
from huddle.subscribers import register as register_subscribers

SEED = 20260302


def _words(text: str) -> list[str]:
    return text.split()


HEADER = [
    "Record ID",
    "First Name",
    "Last Name",
    "Email",
    "Job Title",
    "Company Name",
    "Phone Number",
    "City",
    "Country/Region",
    "Lifecycle Stage",
    "Unsubscribed from all email",
]
FIRST = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Sandra Mark Ashley Donald Kimberly Steven Emily Andrew Donna Paul "
    "Michelle Joshua Carol Kenneth Amanda Kevin Melissa Brian Deborah George Stephanie Timothy "
    "Rebecca Ronald Laura Jason Sharon Edward Cynthia Jeffrey Kathleen Ryan Amy Jacob Angela "
    "Gary Shirley Nicholas Anna Eric Brenda Jonathan Pamela Stephen Emma Larry Nicole Justin "
    "Helen Scott Samantha Brandon Katherine Benjamin Christine Samuel Debra Gregory Rachel "
    "Alexander Carolyn Patrick Janet Frank Maria Raymond Olivia Jack Heather Dennis Catherine "
    "Priya Wei Mohammed Fatima Hiroshi Yuki Lars Ingrid Mateo Sofia Lukas Amelie Chloe Noah "
    "Aisha Kwame Ana Joao Pierre Camille Giulia Marco Anders Freya Dmitri Olga Ravi Ananya"
)
LAST = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White "
    "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres "
    "Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
    "Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales "
    "Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos "
    "Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes "
    "Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Schmidt Muller Rossi "
    "Tanaka Sato Kowalski Novak Johansson Larsen Dubois Moreau Silva Costa Okafor Mensah Chen"
)
TITLES = (
    "VP Marketing",
    "Marketing Manager",
    "Head of Demand Generation",
    "Marketing Operations Manager",
    "Content Marketing Lead",
    "CMO",
    "Growth Marketer",
    "Product Marketing Manager",
    "Field Marketing Manager",
    "Sales Director",
    "Account Executive",
    "Sales Development Representative",
    "VP Sales",
    "Head of Revenue Operations",
    "RevOps Analyst",
    "Customer Success Manager",
    "CTO",
    "Head of IT",
    "Engineering Manager",
    "Data Science Lead",
    "CFO",
    "Procurement Manager",
    "Operations Manager",
    "Founder",
    "CEO",
    "Chief of Staff",
    "Digital Marketing Specialist",
    "Brand Manager",
    "Partnerships Lead",
    "",
)
PREFIXES = _words(
    "North Bright Blue Silver Green Red Summit Cedar Pine Oak River Lake Stone Iron Gold Star "
    "Sun Moon Cloud Sky Ocean Harbor Bay Peak Ridge Valley Meadow Forest Prairie Canyon Delta "
    "Nova Vertex Apex Zenith Orbit Quantum Fusion Pixel Vector Signal Beacon Compass Anchor "
    "Falcon Eagle Hawk Wolf Fox Bear Lion Tiger Lumen Solar Terra Aqua"
)
SUFFIXES = _words(
    "wind wave works labs soft systems logic data analytics health pharma bank capital "
    "logistics shipping energy foods retail media studio robotics networks cloud security "
    "insights partners group ventures industries dynamics solutions"
)
TLDS = ("com", "com", "com", "io", "co", "de", "co.uk", "fr", "ai", "net")
FREE_MAIL = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "gmx.de")
CITIES = (
    ("Austin", "United States"),
    ("Seattle", "United States"),
    ("Chicago", "United States"),
    ("London", "United Kingdom"),
    ("Berlin", "Germany"),
    ("Munich", "Germany"),
    ("Paris", "France"),
    ("Milan", "Italy"),
    ("Stockholm", "Sweden"),
    ("São Paulo", "Brazil"),
    ("Tokyo", "Japan"),
    ("Sydney", "Australia"),
    ("Toronto", "Canada"),
    ("Dublin", "Ireland"),
)
# The history variant's columns, after HEADER's: the created date and five stage dates.
HISTORY_HEADER = [
    "Create Date",
    "Became a Lead Date",
    "Became a Marketing Qualified Lead Date",
    "Became a Sales Qualified Lead Date",
    "Became an Opportunity Date",
    "Became a Customer Date",
]
HISTORY_START = datetime(2022, 1, 3, tzinfo=UTC)
STAGES = (
    ("Subscriber", 10),
    ("Lead", 50),
    ("Marketing Qualified Lead", 20),
    ("Sales Qualified Lead", 8),
    ("Opportunity", 5),
    ("Customer", 7),
)


def companies(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct (name, domain) pairs."""
    seen: set[str] = set()
    result: list[tuple[str, str]] = []
    while len(result) < count:
        prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
        tld = rng.choice(TLDS)
        domain = f"{prefix}{suffix}.{tld}".lower()
        if domain in seen:
            domain = f"{prefix}-{suffix}-{len(result)}.{tld}".lower()
        seen.add(domain)
        name = f"{prefix}{suffix.title()}" if rng.random() < 0.5 else f"{prefix} {suffix.title()}"
        result.append((name, domain))
    return result


def history_cells(rng: random.Random) -> list[str]:
    """A customer's created date and its five stage dates, days to weeks apart, in the
    format HubSpot exports (the portal's time, to the minute)."""
    at = HISTORY_START + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
    dates = [at, at]
    for gap_days in (rng.randrange(1, 30), rng.randrange(1, 14), rng.randrange(1, 21)):
        at += timedelta(days=gap_days, minutes=rng.randrange(600))
        dates.append(at)
    dates.append(at + timedelta(days=rng.randrange(7, 60)))
    return [moment.strftime("%Y-%m-%d %H:%M") for moment in dates]


def generate(
    path: Path, rows: int, company_count: int, *, history: bool = False
) -> list[tuple[str, str]]:
    """Write the CSV a row at a time (never held in memory); returns the companies. With
    ``history`` every contact is a customer with its created date and five stage dates."""
    rng = random.Random(SEED)
    firms = companies(rng, company_count)
    stages = [name for name, weight in STAGES for _ in range(weight)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER + HISTORY_HEADER if history else HEADER)
        for n in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            city, country = rng.choice(CITIES)
            if rng.random() < 0.3:
                company, domain = "", rng.choice(FREE_MAIL)
            else:
                company, domain = rng.choice(firms)
            email = f"{first}.{last}.{n}@{domain}".lower()
            writer.writerow(
                [
                    str(1000 + n),
                    first,
                    last,
                    email,
                    rng.choice(TITLES),
                    company,
                    f"+1 555 {rng.randrange(1000, 9999)} {rng.randrange(100, 999)}",
                    city,
                    country,
                    "Customer" if history else rng.choice(stages),
                    "true" if rng.random() < 0.03 else "false",
                    *(history_cells(rng) if history else ()),
                ]
            )
    return firms


def write_enrichment(path: Path, firms: list[tuple[str, str]]) -> None:
    rng = random.Random(SEED + 1)
    industries = ("Software", "Financial Services", "Healthcare", "Manufacturing", "Retail")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["domain", "name", "industry", "employee_count", "country"])
        for name, domain in firms[::2]:
            writer.writerow(
                [domain, name, rng.choice(industries), rng.randrange(10, 50000), "United States"]
            )


@contextmanager
def fresh_database(url: str | None, workdir: Path) -> Iterator[Engine]:
    if url is None or url.startswith("sqlite"):
        engine = make_engine(url or f"sqlite:///{workdir / 'bench.db'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    schema = f"huddle_bench_{uuid.uuid4().hex[:8]}"
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


def raw_baseline(path: Path, workdir: Path, width: int) -> tuple[float, float]:
    """Seconds (wall clock, then CPU) for plain sqlite3 to parse the CSV and insert it into
    a bare table in one transaction."""
    connection = sqlite3.connect(workdir / "raw.db")
    columns = ", ".join(f"c{i} TEXT" for i in range(width))
    connection.execute(f"CREATE TABLE raw ({columns})")
    marks = ", ".join("?" * width)
    started, cpu_started = time.perf_counter(), time.process_time()
    with path.open(encoding="utf-8", newline="") as handle, connection:
        reader = csv.reader(handle)
        next(reader)
        connection.executemany(f"INSERT INTO raw VALUES ({marks})", reader)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    connection.close()
    return elapsed, cpu


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def import_deals(engine: Engine, workdir: Path, rows: int) -> dict[str, object]:
    """The history variant's second step: a deal for every five contacts (200,000 at a
    million), won, lost and open, through the deals import."""
    from bench.import_deals import import_generated_deals  # it builds on this module

    return dict(import_generated_deals(engine, rows // 5, workdir))


def run_variant(args: argparse.Namespace, variant: str) -> dict[str, object]:
    """Generate the variant's file, import it into a fresh database, and measure."""
    history = variant == "history"
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as tmp:
        workdir = Path(tmp)
        source = workdir / "contacts.csv"
        started = time.perf_counter()
        firms = generate(source, args.rows, args.companies, history=history)
        write_enrichment(workdir / "companies.csv", firms)
        print(f"{variant}: generated {args.rows:,} rows in {time.perf_counter() - started:.1f}s")
        with fresh_database(args.database_url, workdir) as engine:
            factory = session_factory(engine)
            with unit_of_work(factory) as session:
                known = load_companies_csv(session, workdir / "companies.csv")
            print(f"enrichment table: {known:,} companies", flush=True)

            def uow() -> AbstractContextManager[Session]:
                return unit_of_work(factory)

            printed = 0

            def report(progress: Progress) -> None:
                nonlocal printed
                if progress.rows // 100_000 > printed // 100_000:
                    print(f"  {progress.rows:>9,} rows", flush=True)
                printed = progress.rows

            started, cpu_started = time.perf_counter(), time.process_time()
            thread_started = time.thread_time()
            with unit_of_work(factory) as session:
                job_id = create_import(
                    session, source, filename=source.name, actor=Actor.system("bench")
                ).id
            job = run_import(
                uow,
                job_id,
                source,
                errors_path=workdir / "errors.csv",
                chunk_size=args.chunk_size,
                on_progress=report,
            )
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu_started
            # The import thread's alone: what the reading thread takes off it shows here.
            thread_cpu_seconds = time.thread_time() - thread_started
            deals = import_deals(engine, workdir, args.rows) if history else {}
            with unit_of_work(factory) as session:
                transitions = session.scalar(text("SELECT count(*) FROM stage_transitions"))
                # An import that builds indexes at its end is not done before they are.
                left_deferred = session.scalar(select(func.count()).select_from(DeferredIndex))
            if left_deferred:
                raise SystemExit(f"{left_deferred} indexes were left deferred")
            dialect = engine.dialect.name
        rss = peak_rss_mb()
        width = len(HEADER) + (len(HISTORY_HEADER) if history else 0)
        raw_seconds, raw_cpu_seconds = raw_baseline(source, workdir, width)
    rows_per_s = args.rows / seconds
    raw_rows_per_s = args.rows / raw_seconds
    print(
        f"{variant}, {dialect}: {args.rows:,} rows in {seconds:.1f}s = {rows_per_s:,.0f} rows/s "
        f"(created {job.rows_created:,}, failed {job.rows_failed:,}, {transitions:,} stage "
        f"rows), peak RSS {rss:.0f} MB"
    )
    # On a shared machine the wall clock includes waiting for a core; this process's own
    # CPU time does not (the database server's, for PostgreSQL, is not in it).
    print(f"CPU time of this process: {cpu_seconds:.1f}s = {args.rows / cpu_seconds:,.0f} rows/s")
    print(f"CPU time of the import thread: {thread_cpu_seconds:.1f}s")
    print(f"raw sqlite3 executemany: {raw_seconds:.1f}s = {raw_rows_per_s:,.0f} rows/s")
    return {
        "database": dialect,
        "rows": args.rows,
        "created": job.rows_created,
        "failed": job.rows_failed,
        "stage_transitions": transitions,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "import_thread_cpu_seconds": round(thread_cpu_seconds, 2),
        "rows_per_s": round(rows_per_s),
        "peak_rss_mb": round(rss, 1),
        "raw_rows_per_s": round(raw_rows_per_s),
        "ratio_vs_raw_insert": round(rows_per_s / raw_rows_per_s, 3),
        # The same two runs in CPU time, which a busy machine distorts far less.
        "cpu_rows_per_s": round(args.rows / cpu_seconds),
        "cpu_ratio_vs_raw_insert": round(raw_cpu_seconds / cpu_seconds, 3),
        **({"deals": deals} if history else {}),
    }


def in_own_process(argv: list[str], variant: str) -> dict[str, object]:
    """Run one variant in a fresh interpreter (its peak RSS is its own); its last line."""
    command = [sys.executable, "-m", "bench.import_contacts", *argv, "--variant", variant]
    lines: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            print(line, end="", flush=True)
            lines.append(line)
    if child.returncode != 0:
        raise SystemExit(f"the {variant} variant failed (exit code {child.returncode})")
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _number(value: object) -> float:
    assert isinstance(value, int | float)
    return float(value)


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--companies", type=int, default=4000)
    # By default, the import's own: smaller for a file that dates stages.
    parser.add_argument("--chunk-size", type=int, default=None)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--variant", choices=("plain", "history", "both"), default="both")
    args = parser.parse_args(argv)
    if args.variant != "both":
        register_subscribers()
        # The indexes an import builds at its end say how long each took.
        logging.basicConfig(format="  %(message)s")
        deferred_indexes_logger.setLevel(logging.INFO)
        single = run_variant(args, args.variant)
        print(json.dumps(single))
        return single
    # The same options for each variant's process, but the variant.
    passed = [f"--rows={args.rows}", f"--companies={args.companies}"]
    if args.chunk_size:
        passed.append(f"--chunk-size={args.chunk_size}")
    if args.database_url:
        passed.append(f"--database-url={args.database_url}")
    plain, history = in_own_process(passed, "plain"), in_own_process(passed, "history")
    result: dict[str, object] = {
        "bench": "import_contacts",
        "database": plain["database"],
        "rows": args.rows,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "plain": plain,
        "history": history,
        "history_at_least_15000_per_s": _number(history["rows_per_s"]) >= 15_000,
        "history_rss_under_400_mb": _number(history["peak_rss_mb"]) < 400,
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
