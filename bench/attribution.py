"""Benchmark: the W-shaped attribution report (and all six models) on SQLite and PostgreSQL.

    python -m bench.attribution [--scale 0.01] [--runs 5] [--pg URL] [--skip-pg]

At ``--scale 1`` the history is the issue's: 1,000,000 contacts, 10,000,000 touches (a
third of them with one of 40 campaigns), 2,000,000 stage transitions and 200,000 deals
(half won, a third open, each with a primary contact and a fifth with a second contact in
a role), spread over two years. Smaller scales keep the proportions. The roll-up is built
first (the job's work, timed apart); the report is run warm (one run first, not counted)
over the last year, ``--runs`` times: the median and the maximum are printed. The last
line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from huddle.attribution.rules import MODELS
from huddle.attribution.service import attribution_report, refresh_rollup
from huddle.campaigns.models import CHANNELS, Campaign, CampaignCost
from huddle.contacts.models import Account, Contact, Touch
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine, session_factory
from huddle.core.migrations import upgrade
from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition
from huddle.subscribers import register

START = datetime(2024, 1, 1, tzinfo=UTC)
DAYS = 730
CAMPAIGNS = 40
CHUNK = 20_000


def _at(rng: random.Random, low: float = 0, high: float = DAYS) -> datetime:
    return START + timedelta(days=rng.uniform(low, high))


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _load(session: Session, model: type[Any], rows: Iterator[dict[str, Any]]) -> None:
    table: Table = model.__table__
    for batch in _chunks(rows):
        session.execute(insert(table), batch)


def _seed(url: str, scale: float) -> dict[str, int]:
    engine = make_engine(url)
    upgrade(engine)
    factory = session_factory(engine)
    rng = random.Random(19)
    contacts = int(1_000_000 * scale)
    deals = int(200_000 * scale)
    with factory() as session, session.begin():
        session.add(Account(name="Bench account"))
        session.add_all(
            Campaign(name=f"Campaign {i}", channel=CHANNELS[i % len(CHANNELS)])
            for i in range(CAMPAIGNS)
        )
        session.flush()
        account_id = session.scalar(select(func.min(Account.id)))
        first_campaign = session.scalar(select(func.min(Campaign.id))) or 1
        _load(
            session,
            CampaignCost,
            (
                {
                    "campaign_id": first_campaign + i % CAMPAIGNS,
                    "spent_on": date(2024, 1, 1) + timedelta(days=i % DAYS),
                    "amount": 500.0,
                }
                for i in range(CAMPAIGNS * 24)
            ),
        )
        _load(
            session,
            Contact,
            (
                {"email": f"c{i}@bench.example", "last_name": f"Contact {i}"}
                for i in range(contacts)
            ),
        )
        first_contact = session.scalar(select(func.min(Contact.id))) or 1
        # Ten touches a contact, a third of them with a campaign.
        _load(
            session,
            Touch,
            (
                {
                    "type": "page_view",
                    "occurred_at": _at(rng),
                    "contact_id": first_contact + i // 10,
                    "properties": {},
                    "campaign_id": first_campaign + rng.randrange(CAMPAIGNS)
                    if rng.random() < 1 / 3
                    else None,
                }
                for i in range(contacts * 10)
            ),
        )

        # Two transitions a contact: MQL, then SQL or customer.
        def transitions() -> Iterator[dict[str, Any]]:
            for i in range(contacts):
                mql = _at(rng, 0, DAYS - 30)
                yield {"contact_id": first_contact + i, "to_stage": "mql", "at": mql}
                yield {
                    "contact_id": first_contact + i,
                    "to_stage": rng.choice(("sql", "customer")),
                    "at": mql + timedelta(days=rng.uniform(1, 30)),
                }

        _load(session, StageTransition, transitions())
        statuses = ("won",) * 15 + ("open",) * 10 + ("lost",) * 5
        opened: list[datetime] = []

        def opportunities() -> Iterator[dict[str, Any]]:
            for i in range(deals):
                created = _at(rng, 30, DAYS - 20)
                status = statuses[i % len(statuses)]
                opened.append(created)
                yield {
                    "name": f"Deal {i}",
                    "account_id": account_id,
                    "primary_contact_id": first_contact + rng.randrange(contacts),
                    "amount": float(rng.randrange(1_000, 100_000)),
                    "status": status,
                    "created_at": created,
                    "updated_at": created,
                    "closed_at": created + timedelta(days=rng.uniform(5, 60))
                    if status != "open"
                    else None,
                }

        _load(session, Opportunity, opportunities())
        first_deal = session.scalar(select(func.min(Opportunity.id))) or 1
        _load(
            session,
            OpportunityContact,
            (
                {
                    "opportunity_id": first_deal + i,
                    "contact_id": first_contact + rng.randrange(contacts),
                    "role": "champion",
                }
                for i in range(0, deals, 5)
            ),
        )
        if engine.dialect.name == "postgresql":
            session.execute(text("ANALYZE"))
        else:
            session.execute(text("ANALYZE"))
    engine.dispose()
    return {
        "contacts": contacts,
        "touches": contacts * 10,
        "transitions": contacts * 2,
        "deals": deals,
    }


def _timed(run: Callable[[], Any], runs: int) -> tuple[list[float], list[float]]:
    """Wall clock and this process's CPU seconds per run (SQLite works in this process;
    on a shared machine its CPU time is the steadier figure)."""
    run()  # warm: pages in the cache, statements prepared
    seconds, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        seconds.append(round(time.perf_counter() - t0, 3))
        cpu.append(round(time.process_time() - c0, 3))
    return seconds, cpu


def measure(url: str, scale: float, runs: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    sizes = _seed(url, scale)
    seeded = time.perf_counter() - t0
    engine = make_engine(url)
    factory = session_factory(engine)
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    figures: dict[str, Any] = {**sizes, "seed_seconds": round(seeded, 1)}
    try:
        # The job's work: the roll-up built once (a report recounts until then).
        t0, c0 = time.perf_counter(), time.process_time()
        with factory() as session, session.begin():
            refresh_rollup(session)
        figures["rollup_build"] = {
            "seconds": round(time.perf_counter() - t0, 1),
            "cpu": round(time.process_time() - c0, 1),
        }
        for label, models in (("w_shaped", ("w_shaped",)), ("all_six", MODELS)):

            def run(models: tuple[str, ...] = models) -> Any:
                with factory() as session:
                    return attribution_report(
                        session, start=start, end=end, models=models, actor=SYSTEM
                    )

            seconds, cpu = _timed(run, runs)
            report = run()
            figures[label] = {
                "seconds": seconds,
                "median": statistics.median(seconds),
                "max": max(seconds),
                "cpu_median": statistics.median(cpu),
                "revenue": round(report.models[0].revenue, 2),
                "pipeline": round(report.models[0].pipeline, 2),
            }
    finally:
        engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    register()
    figures: dict[str, Any] = {"scale": args.scale}
    if not args.skip_sqlite:
        workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-attribution-"))
        try:
            figures["sqlite"] = measure(f"sqlite:///{workdir / 'huddle.db'}", args.scale, args.runs)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print("sqlite", figures["sqlite"], flush=True)
    if not args.skip_pg:
        figures["postgresql"] = _on_fresh_schema(args.pg, args.scale, args.runs)
        print("postgresql", figures["postgresql"], flush=True)
    figures["load_average"] = os.getloadavg()[0]
    print(json.dumps(figures))


def _on_fresh_schema(url: str, scale: float, runs: int) -> dict[str, Any]:
    schema = f"bench_attribution_{os.getpid()}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        return measure(f"{url}?options=-csearch_path%3D{schema}", scale, runs)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
