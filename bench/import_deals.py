"""Benchmark: import N generated deals (a HubSpot deals export) through the real import path.

    python -m bench.import_deals [--deals 200000] [--contacts 50000] [--database-url ...]

Sets up contacts first with the contacts import (not timed), then generates a deals export
whose deals each name one of those contacts and its company (a third won, a sixth lost,
the rest open, dated over two years), imports it with ``import_deals`` and prints deals/s,
seconds and the process's peak RSS. The last line is JSON.

``import_generated_deals`` is the piece another bench reuses (the history variant of
``bench.import_contacts`` adds deals to the contacts it imported).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bench.import_contacts import fresh_database, generate, peak_rss_mb
from huddle.contacts.importing.service import create_import, run_import
from huddle.contacts.models import Account, Contact
from huddle.core.actor import Actor
from huddle.core.csvreport import FileImportResult
from huddle.core.db import session_factory, unit_of_work
from huddle.lifecycle.importing.deals import CHUNK_SIZE, import_deals
from huddle.subscribers import register as register_subscribers

SEED = 20260303
HEADER = [
    "Record ID",
    "Deal Name",
    "Deal Stage",
    "Pipeline",
    "Amount",
    "Close Date",
    "Create Date",
    "Associated Contact",
    "Associated Company",
    "Closed Lost Reason",
    "Closed Won Reason",
    "Is Closed Won",
]
OPEN_STAGES = (
    "Appointment Scheduled",
    "Qualified To Buy",
    "Presentation Scheduled",
    "Decision Maker Bought-In",
    "Contract Sent",
)
LOST_REASONS = ("Budget", "Went with a competitor", "No decision", "Timing")
START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
BENCH_ACTOR = Actor.system("bench")


def pick_people(count: int, deals: int, *, seed: int = SEED) -> list[int]:
    """Which of ``count`` people (by position) each of ``deals`` deals names."""
    rng = random.Random(seed - 1)
    return [rng.randrange(count) for _ in range(deals)]


def write_deals(path: Path, named: Iterable[tuple[str, str | None]], *, seed: int = SEED) -> None:
    """Write a HubSpot deals export: a deal for each (email, company name or None) of
    ``named``, a third won, a sixth lost, the rest open, a row at a time."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n, (email, company) in enumerate(named):
            created = START + timedelta(minutes=rng.randrange(0, 60 * 24 * 600))
            closed = created + timedelta(days=rng.randrange(7, 120))
            roll = rng.random()
            won, lost = roll < 1 / 3, 1 / 3 <= roll < 1 / 2
            stage = "Closed Won" if won else "Closed Lost" if lost else rng.choice(OPEN_STAGES)
            writer.writerow(
                [
                    str(500_000 + n),
                    f"{company or email.split('@')[1]} deal {n}",
                    stage,
                    "Sales Pipeline",
                    f"{rng.randrange(1, 500) * 100:,}",
                    closed.strftime("%Y-%m-%d %H:%M"),
                    created.strftime("%Y-%m-%d %H:%M"),
                    email,
                    company or f"Company of {email.split('@')[1]}",
                    rng.choice(LOST_REASONS) if lost else "",
                    "Best fit" if won else "",
                    "true" if won else "false",
                ]
            )


def named_people(engine: Engine, deals: int) -> list[tuple[str, str | None]]:
    """The (email, company name) each of ``deals`` deals names, chosen among the contacts
    of ``engine``'s database. The contacts are streamed: only the chosen ones are held
    (a million contacts held as tuples would be most of the bench's peak memory)."""
    with Session(engine) as session:
        count = session.scalar(select(func.count()).where(Contact.email.is_not(None)))
        picks = pick_people(count or 0, deals)
        wanted = set(picks)
        chosen: dict[int, tuple[str, str | None]] = {}
        query = (
            select(Contact.email, Account.name)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Contact.email.is_not(None))
            .order_by(Contact.id)
            .execution_options(yield_per=10_000)
        )
        for position, row in enumerate(session.execute(query)):
            if position in wanted and row.email:
                chosen[position] = (row.email, row.name)
    return [chosen[n] for n in picks]


def import_generated_deals(
    engine: Engine, deals: int, workdir: Path, *, chunk_size: int = CHUNK_SIZE
) -> dict[str, float]:
    """Generate ``deals`` deals on the contacts of ``engine``'s database and import them;
    the figures: deals, seconds, deals/s, CPU seconds."""
    source = workdir / "deals.csv"
    write_deals(source, named_people(engine, deals))
    factory = session_factory(engine)

    def uow() -> AbstractContextManager[Session]:
        return unit_of_work(factory)

    started, cpu_started = time.perf_counter(), time.process_time()
    result: FileImportResult = import_deals(
        uow,
        source,
        filename=source.name,
        actor=BENCH_ACTOR,
        errors_path=workdir / "deal-errors.csv",
        chunk_size=chunk_size,
    )
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return {
        "deals": deals,
        "imported": result.imported,
        "failed": result.failed,
        "contacts_moved": result.contacts_moved,
        "seconds": round(seconds, 2),
        "deals_per_s": round(deals / seconds),
        "cpu_seconds": round(cpu_seconds, 2),
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--deals", type=int, default=200_000)
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    register_subscribers()
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as tmp:
        workdir = Path(tmp)
        contacts = workdir / "contacts.csv"
        generate(contacts, args.contacts, company_count=max(10, args.contacts // 50))
        with fresh_database(args.database_url, workdir) as engine:
            factory = session_factory(engine)
            with unit_of_work(factory) as session:
                job_id = create_import(
                    session, contacts, filename=contacts.name, actor=BENCH_ACTOR
                ).id
            run_import(
                lambda: unit_of_work(factory), job_id, contacts, errors_path=workdir / "e.csv"
            )
            print(f"set up {args.contacts:,} contacts", flush=True)
            figures = import_generated_deals(
                engine, args.deals, workdir, chunk_size=args.chunk_size
            )
            dialect = engine.dialect.name
    rss = peak_rss_mb()
    print(
        f"{dialect}: {args.deals:,} deals in {figures['seconds']:.1f}s = "
        f"{figures['deals_per_s']:,.0f} deals/s ({figures['imported']:,.0f} in, "
        f"{figures['failed']:,.0f} failed, {figures['contacts_moved']:,.0f} contacts moved), "
        f"peak RSS {rss:.0f} MB"
    )
    result: dict[str, object] = {
        "bench": "import_deals",
        "database": dialect,
        **figures,
        "peak_rss_mb": round(rss, 1),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
