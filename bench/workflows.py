"""Benchmark: N enrolments due at once, run by the workflows' runner in worker-sized
batches (one transaction each, as the ``workflows.run_due`` job does).

    python -m bench.workflows [--enrolments 100000] [--database-url ...]

A fresh, migrated database (a temporary SQLite file by default); N contacts and N
enrolments are inserted set-at-a-time, all due now, in a workflow of three steps: add to a
list, a branch on the contact's country (scoring's condition SQL), and on "yes" a field set
through the contacts service. Prints steps/s, enrolments/s and seconds; the last line is
JSON. Sending email is not a step yet (the mailing domain is merged later): the issue's
"≥ 2,000 steps/s with the SMTP server receiving the mail" cannot be measured here.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, text

from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.subscribers import register as register_subscribers
from huddle.workflows import service
from huddle.workflows.models import Enrolment
from huddle.workflows.schemas import ContactListWrite, WorkflowWrite

BATCH = service.BATCH


def _workflow(factory: object, list_id: int) -> int:
    data = WorkflowWrite.model_validate(
        {
            "name": "Bench nurture",
            "steps": [
                {"id": "join", "kind": "add_to_list", "list_id": list_id, "next": "fr"},
                {
                    "id": "fr",
                    "kind": "branch",
                    "condition": {
                        "rules": [{"field": "contact.country", "op": "eq", "value": "France"}]
                    },
                    "yes": "title",
                },
                {"id": "title", "kind": "set_field", "field": "seniority", "value": "Bench"},
            ],
        }
    )
    with unit_of_work(factory) as session:  # type: ignore[arg-type]
        workflow = service.create_workflow(session, data, actor=SYSTEM)
        service.set_status(session, workflow.id, "active", actor=SYSTEM)
        return workflow.id


def run(enrolments: int, database_url: str) -> dict[str, float]:
    register_subscribers()
    engine = make_engine(database_url)
    upgrade(engine)
    factory = session_factory(engine)
    now = datetime.now(UTC)
    with unit_of_work(factory) as session:
        crm = service.create_list(session, ContactListWrite(name="Bench list"), actor=SYSTEM)
        list_id = crm.id
    workflow_id = _workflow(factory, list_id)
    with unit_of_work(factory) as session:
        countries = ("France", "Germany", "Spain", "Italy")
        session.execute(
            insert(Contact),
            [
                {
                    "email": f"bench-{n}@workflows.example",
                    "country": countries[n % 4],
                    "lifecycle_stage": "lead",
                    "custom": {},
                }
                for n in range(enrolments)
            ],
        )
        ids = [row[0] for row in session.execute(text("SELECT id FROM contacts ORDER BY id"))]
        session.execute(
            insert(Enrolment),
            [
                {
                    "workflow_id": workflow_id,
                    "contact_id": contact_id,
                    "step_id": "join",
                    "status": "active",
                    "next_run_at": now,
                    "enrolled_at": now,
                }
                for contact_id in ids
            ],
        )
    clock.now()  # the real clock: everything inserted is due
    steps = 0
    started = time.perf_counter()
    while True:
        with unit_of_work(factory) as session:
            ran = service.run_due(session, limit=BATCH)
        steps += ran.steps
        if ran.enrolments == 0:
            break
    seconds = time.perf_counter() - started
    engine.dispose()
    return {
        "enrolments": enrolments,
        "steps": steps,
        "seconds": round(seconds, 2),
        "steps_per_s": round(steps / seconds),
        "enrolments_per_s": round(enrolments / seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        result = run(args.enrolments, url)
    print(
        f"{result['enrolments']:,} enrolments, {result['steps']:,} steps in "
        f"{result['seconds']} s: {result['steps_per_s']:,} steps/s "
        f"({result['enrolments_per_s']:,} enrolments/s)"
    )
    print(json.dumps({"bench": "workflows", **result}))


if __name__ == "__main__":
    main()
