"""The steps a contact ran, as items of its timeline (the contact page and the API compose
it with lifecycle's: ``timeline_source``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TimelineItem
from huddle.contacts.service import TimelineSource
from huddle.core.timeline import Before
from huddle.workflows import repository
from huddle.workflows.schemas import STEP_KINDS

OUTCOMES = {
    "done": "",
    "yes": " → yes",
    "no": " → no",
    "event": " → the touch arrived",
    "timeout": " → timed out",
    "skipped": " (skipped)",
    "exited": " → left the workflow",
    "failed": " (failed)",
}


def timeline_source(session: Session, contact_id: int | None) -> TimelineSource:
    """The contact's step runs (an account's timeline has none of its own here)."""

    def page(before: Before | None, limit: int) -> list[TimelineItem]:
        if contact_id is None:
            return []
        runs = repository.timeline_step_runs(
            session, contact_id=contact_id, before=before, limit=limit
        )
        return [
            contacts.timeline_item(
                repository.STEP_RUN_KIND,
                run.id,
                run.at,
                contact_id=run.contact_id,
                title=_title(name, run.kind, run.outcome),
                body=run.detail,
                data={
                    "workflow_id": run.workflow_id,
                    "step_id": run.step_id,
                    "step_kind": run.kind,
                    "outcome": run.outcome,
                },
            )
            for run, name in runs
        ]

    return page


def _title(workflow: str, kind: str, outcome: str) -> str:
    return f"{workflow}: {STEP_KINDS.get(kind, kind)}{OUTCOMES.get(outcome, '')}"
