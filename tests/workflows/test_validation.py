"""A workflow is refused on save, with every reason and where: graph problems and the
objects it names that do not exist. And the editor's edits of the graph."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.workflows import service
from huddle.workflows.schemas import Step, StepModel, WaitDuration, WorkflowWrite
from huddle.workflows.service import graph
from tests.workflows.factories import make_list, make_workflow


def _refusals(db: Session, steps: list[dict[str, Any]], **fields: Any) -> dict[str, str]:
    data = TypeAdapter(WorkflowWrite).validate_python({"name": "W", "steps": steps, **fields})
    with pytest.raises(ValidationFailed) as refused:
        service.create_workflow(db, data, actor=SYSTEM)
    return {error.field: error.message for error in refused.value.errors}


def test_unreachable_steps_and_links_to_nowhere_are_refused(db: Session) -> None:
    refused = _refusals(
        db,
        [
            {"id": "a", "kind": "wait", "minutes": 5, "next": "ghost"},
            {"id": "b", "kind": "wait", "minutes": 5},
        ],
    )
    assert refused == {"steps.0.next": "no step has the id 'ghost'"}
    refused = _refusals(
        db,
        [{"id": "a", "kind": "wait", "minutes": 5}, {"id": "b", "kind": "wait", "minutes": 5}],
    )
    assert refused == {"steps.1": "step 'b' cannot be reached"}


def test_a_loop_without_a_wait_is_refused_and_one_with_a_wait_is_not(db: Session) -> None:
    crm = make_list(db)
    loop = [
        {
            "id": "b",
            "kind": "branch",
            "condition": {"rules": [{"field": "contact.country", "op": "eq", "value": "FR"}]},
            "yes": "a",
            "no": None,
        },
        {"id": "a", "kind": "add_to_list", "list_id": crm.id, "next": "b"},
    ]
    assert _refusals(db, loop) == {"steps.0": "the loop b → a → b has no wait step"}
    loop[1]["next"] = "w"
    waited = [*loop, {"id": "w", "kind": "wait", "minutes": 60 * 24, "next": "b"}]
    assert make_workflow(db, waited, active=False).steps[2]["id"] == "w"


def test_objects_a_step_names_must_exist(db: Session) -> None:
    refused = _refusals(
        db,
        [
            {"id": "a", "kind": "add_to_list", "list_id": 999_999, "next": "h"},
            {"id": "h", "kind": "webhook", "webhook_id": 999_999, "next": "n"},
            {"id": "n", "kind": "notify", "user_id": 999_999, "message": "hi", "next": "e"},
            {"id": "e", "kind": "enrol", "workflow_id": 999_999, "next": "f"},
            {"id": "f", "kind": "set_field", "field": "custom.nope", "value": 1, "next": "z"},
            {"id": "z", "kind": "wait_until", "weekday": 1, "hour": 9, "time_zone": "Mars/Base"},
        ],
        trigger={"type": "list_joined", "list_id": 999_999},
    )
    assert refused == {
        "steps.0.list_id": "no list 999999",
        "steps.1.webhook_id": "no webhook 999999",
        "steps.2.user_id": "no user 999999",
        "steps.3.workflow_id": "no workflow 999999",
        "steps.4.field": "not a field a workflow may set "
        "(job_title, seniority, department, country, city, phone or custom.<key>)",
        "steps.5.time_zone": "unknown time zone 'Mars/Base'",
        "trigger.list_id": "no list 999999",
    }


def test_a_condition_on_an_unknown_field_is_refused_with_its_path(db: Session) -> None:
    refused = _refusals(
        db,
        [
            {
                "id": "b",
                "kind": "branch",
                "condition": {"rules": [{"field": "contact.shoe_size", "op": "eq", "value": 9}]},
            }
        ],
    )
    assert list(refused) == ["steps.0.condition.all.0.field"]


def test_an_empty_workflow_cannot_be_activated(db: Session) -> None:
    workflow = make_workflow(db, [], active=False)
    with pytest.raises(ValidationFailed):
        service.set_status(db, workflow.id, "active", actor=SYSTEM)


STEPS: TypeAdapter[list[StepModel]] = TypeAdapter(list[Step])


def _graph(*steps: dict[str, Any]) -> list[StepModel]:
    return STEPS.validate_python(list(steps))


def test_inserting_after_a_step_or_on_a_branch_arm_and_removing_keep_the_links() -> None:
    steps = _graph(
        {
            "id": "b",
            "kind": "branch",
            "condition": {"rules": [{"field": "contact.country", "op": "eq", "value": "FR"}]},
            "yes": "y",
            "no": None,
        },
        {"id": "y", "kind": "wait", "minutes": 5},
    )
    new = WaitDuration(id="n", minutes=10)
    on_no = graph.insert_after(steps, new, "b", "no")
    assert (on_no[0].no, on_no[1].next) == ("n", None)  # type: ignore[union-attr]
    on_yes = graph.insert_after(steps, WaitDuration(id="m", minutes=1), "b", "yes")
    assert (on_yes[0].yes, on_yes[1].next) == ("m", "y")  # type: ignore[union-attr]
    assert graph.problems(on_yes) == []
    removed = graph.remove(on_yes, "m")
    assert removed[0].yes == "y" and [s.id for s in removed] == ["b", "y"]  # type: ignore[union-attr]
    first = graph.insert_after(steps, WaitDuration(id="f", minutes=1), None)
    assert first[0].id == "f" and first[0].next == "b"
