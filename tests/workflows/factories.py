"""Workflows for tests, saved through the service (validated like any save), and helpers
that run the due steps as the worker does."""

from __future__ import annotations

import itertools
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.workflows import service
from huddle.workflows.models import ContactList, Enrolment, StepRun, Workflow
from huddle.workflows.schemas import ContactListWrite, WorkflowWrite

_names = itertools.count(1)


def make_workflow(
    session: Session,
    steps: list[dict[str, Any]],
    *,
    trigger: dict[str, Any] | None = None,
    active: bool = True,
    **fields: Any,
) -> Workflow:
    """A workflow of ``steps`` (dicts as the API takes them), active unless told."""
    data = TypeAdapter(WorkflowWrite).validate_python(
        {
            "name": fields.pop("name", f"Workflow {next(_names)}"),
            "trigger": trigger or {"type": "manual"},
            "steps": steps,
            **fields,
        }
    )
    workflow = service.create_workflow(session, data, actor=SYSTEM)
    if active:
        service.set_status(session, workflow.id, "active", actor=SYSTEM)
    return workflow


def make_list(session: Session, name: str | None = None) -> ContactList:
    return service.create_list(
        session, ContactListWrite(name=name or f"List {next(_names)}"), actor=SYSTEM
    )


def enrol(session: Session, workflow: Workflow, contact_id: int) -> Enrolment:
    enrolment = service.enrol(session, workflow, contact_id, reason="test")
    assert enrolment is not None
    return enrolment


def run(session: Session) -> int:
    """Run every due step (as many passes as it takes); how many steps ran."""
    total = 0
    while True:
        ran = service.run_due(session).steps
        if ran == 0:
            return total
        total += ran


def outcomes(session: Session, enrolment: Enrolment) -> list[tuple[str, str]]:
    """(step id, outcome) of each step the enrolment ran, in order."""
    rows = session.execute(
        select(StepRun.step_id, StepRun.outcome)
        .where(StepRun.enrolment_id == enrolment.id)
        .order_by(StepRun.id)
    )
    return [(step_id, outcome) for step_id, outcome in rows]
