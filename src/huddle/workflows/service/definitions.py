"""Workflows as they are written: saved after validation (with every reason), their status,
the editor's edits, per-step counts, and the static lists.

Reads need ``contact.read``; changes need ``workflow.manage`` (marketing and admins).
Nothing here commits: the request's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import available_timezones

from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from huddle.auth import service as auth
from huddle.contacts import service as contacts
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action
from huddle.mailing import service as mailing
from huddle.notifications import service as notifications
from huddle.plays import service as plays
from huddle.scoring import service as scoring
from huddle.workflows import repository
from huddle.workflows.models import ContactList, ContactListMember, Workflow
from huddle.workflows.schemas import (
    AddToList,
    AdjustScore,
    BuyingStageTrigger,
    CallWebhook,
    Condition,
    ContactListWrite,
    DateFieldTrigger,
    EnrolInWorkflow,
    ExitCriteria,
    ListJoinedTrigger,
    Notify,
    RemoveFromList,
    SendEmail,
    SendNextAsset,
    SetField,
    StartPlay,
    Step,
    StepCounts,
    StepModel,
    Trigger,
    WaitUntil,
    WorkflowWrite,
)
from huddle.workflows.service import graph
from huddle.workflows.service.conditions import condition_json

STEPS: TypeAdapter[list[StepModel]] = TypeAdapter(list[Step])
TRIGGER: TypeAdapter[Any] = TypeAdapter(Trigger)
# Contact fields a "set field" step may change (besides custom.<key>): the descriptive ones;
# consent, the owner and the stage have steps and rules of their own.
SETTABLE_FIELDS = ("job_title", "seniority", "department", "country", "city", "phone")


@dataclass(frozen=True)
class Definition:
    """A stored workflow read back into its typed parts."""

    workflow: Workflow
    trigger: Any
    steps: list[StepModel]
    exit_criteria: ExitCriteria

    @property
    def by_id(self) -> dict[str, StepModel]:
        return {step.id: step for step in self.steps}


def definition(workflow: Workflow) -> Definition:
    return Definition(
        workflow,
        TRIGGER.validate_python(workflow.trigger or {"type": "manual"}),
        STEPS.validate_python(workflow.steps or []),
        ExitCriteria.model_validate(workflow.exit_criteria or {}),
    )


def list_workflows(session: Session, *, actor: Actor) -> list[Workflow]:
    permissions.require(actor, Action.CONTACT_READ)
    return list(repository.workflows(session))


def get_workflow(session: Session, workflow_id: int, *, actor: Actor) -> Definition:
    permissions.require(actor, Action.CONTACT_READ)
    return definition(_workflow(session, workflow_id))


def create_workflow(session: Session, data: WorkflowWrite, *, actor: Actor) -> Workflow:
    """A new workflow, a draft; refused with every reason when its graph does not hold."""
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    _refuse_invalid(session, data, None)
    workflow = Workflow(status="draft")
    _store(workflow, data)
    session.add(workflow)
    session.flush()
    return workflow


def update_workflow(
    session: Session, workflow_id: int, data: WorkflowWrite, *, actor: Actor
) -> Workflow:
    """Replace the trigger, the steps and the exit criteria. Enrolments at a step that is
    gone end (exited) the next time they are due."""
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    workflow = _workflow(session, workflow_id)
    _refuse_invalid(session, data, workflow_id)
    _store(workflow, data)
    session.flush()
    return workflow


def set_status(session: Session, workflow_id: int, status: str, *, actor: Actor) -> Workflow:
    """Activate (it needs a step), pause (enrolments wait where they are) or back to draft."""
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    workflow = _workflow(session, workflow_id)
    if status == "active" and not workflow.steps:
        raise ValidationFailed(
            "a workflow needs a step to run", [FieldError("status", "add a step first")]
        )
    workflow.status = status
    session.flush()
    return workflow


def as_write(found: Definition) -> WorkflowWrite:
    """The stored workflow as the body that would save it again (the editor's edits)."""
    return WorkflowWrite(
        name=found.workflow.name,
        trigger=found.trigger,
        steps=found.steps,
        exit_criteria=found.exit_criteria,
        reenrol_after_days=found.workflow.reenrol_after_days,
    )


def add_step(
    session: Session,
    workflow_id: int,
    step: StepModel,
    *,
    after: str | None,
    arm: str = "next",
    actor: Actor,
) -> Workflow:
    """The editor's "add a step after": ``step`` (its id is given here) after ``after`` on
    its ``arm``, the rest of the graph unchanged, validated like any save."""
    found = get_workflow(session, workflow_id, actor=actor)
    if after is not None and after not in found.by_id:
        raise ResourceNotFound(f"step {after!r} not found")
    if arm not in graph.ARMS:
        raise ValidationFailed("unknown arm", [FieldError("arm", f"one of {graph.ARMS}")])
    step = step.model_copy(update={"id": graph.new_step_id(found.steps)})
    data = as_write(found)
    data.steps = graph.insert_after(found.steps, step, after, arm)
    return update_workflow(session, workflow_id, data, actor=actor)


def remove_step(session: Session, workflow_id: int, step_id: str, *, actor: Actor) -> Workflow:
    found = get_workflow(session, workflow_id, actor=actor)
    if step_id not in found.by_id:
        raise ResourceNotFound(f"step {step_id!r} not found")
    data = as_write(found)
    data.steps = graph.remove(found.steps, step_id)
    return update_workflow(session, workflow_id, data, actor=actor)


def step_counts(session: Session, workflow_id: int, *, actor: Actor) -> list[StepCounts]:
    """Per step: contacts waiting there now, runs that went through, contacts that exited
    there (an exit criterion held before it)."""
    found = get_workflow(session, workflow_id, actor=actor)
    waiting = repository.waiting_counts(session, workflow_id)
    runs = repository.run_counts(session, workflow_id)
    counts = []
    for step in found.steps:
        through = sum(n for (sid, outcome), n in runs.items() if sid == step.id) - runs.get(
            (step.id, "exited"), 0
        )
        counts.append(
            StepCounts(
                step_id=step.id,
                waiting=waiting.get(step.id, 0),
                went_through=through - runs.get((step.id, "failed"), 0),
                exited=runs.get((step.id, "exited"), 0),
            )
        )
    return counts


def _workflow(session: Session, workflow_id: int) -> Workflow:
    found = repository.workflow(session, workflow_id)
    if found is None:
        raise ResourceNotFound(f"workflow {workflow_id} not found")
    return found


def _store(workflow: Workflow, data: WorkflowWrite) -> None:
    workflow.name = data.name
    workflow.trigger = data.trigger.model_dump(mode="json")
    workflow.steps = [step.model_dump(mode="json") for step in data.steps]
    workflow.exit_criteria = data.exit_criteria.model_dump(mode="json")
    workflow.reenrol_after_days = data.reenrol_after_days


# --- validation --------------------------------------------------------------------------


def _refuse_invalid(session: Session, data: WorkflowWrite, workflow_id: int | None) -> None:
    errors = []
    same_name = repository.workflow_by_name(session, data.name)
    if same_name is not None and same_name.id != workflow_id:
        errors.append(FieldError("name", "another workflow has this name"))
    errors += graph.problems(data.steps)
    errors += _trigger_problems(session, data.trigger)
    for n, step in enumerate(data.steps):
        errors += _step_problems(session, step, f"steps.{n}", workflow_id)
    if data.exit_criteria.condition is not None:
        errors += _condition_problems(session, data.exit_criteria.condition, "exit_criteria")
    if errors:
        raise ValidationFailed("the workflow does not hold together", errors)


def _trigger_problems(session: Session, trigger: Any) -> list[FieldError]:
    if isinstance(trigger, ListJoinedTrigger):
        return _list_problems(session, trigger.list_id, "trigger.list_id")
    if isinstance(trigger, BuyingStageTrigger) and trigger.stage not in plays.stage_names(session):
        return [FieldError("trigger.stage", f"no buying stage {trigger.stage!r}")]
    if isinstance(trigger, DateFieldTrigger):
        kinds = contacts.custom_field_kinds(session)
        kind = kinds.get(f"contact.custom.{trigger.field_key}")
        if kind is None or kind[0] != "date":
            return [FieldError("trigger.field_key", "no contact date field has this key")]
    return []


def _step_problems(
    session: Session, step: StepModel, path: str, workflow_id: int | None
) -> list[FieldError]:
    """What a step names that does not exist (a list, a webhook, a user, a workflow, a
    field, a time zone) or a condition that does not check."""
    if isinstance(step, AddToList | RemoveFromList):
        return _list_problems(session, step.list_id, f"{path}.list_id")
    if isinstance(step, SendEmail | SendNextAsset) and step.template_id not in (
        mailing.template_names(session)
    ):
        return [FieldError(f"{path}.template_id", f"no email template {step.template_id}")]
    if isinstance(step, CallWebhook) and not notifications.webhook_exists(session, step.webhook_id):
        return [FieldError(f"{path}.webhook_id", f"no webhook {step.webhook_id}")]
    if isinstance(step, Notify) and auth.find_user(session, step.user_id) is None:
        return [FieldError(f"{path}.user_id", f"no user {step.user_id}")]
    if isinstance(step, EnrolInWorkflow):
        if step.workflow_id == workflow_id:
            return [FieldError(f"{path}.workflow_id", "a workflow cannot enrol in itself")]
        if repository.workflow(session, step.workflow_id) is None:
            return [FieldError(f"{path}.workflow_id", f"no workflow {step.workflow_id}")]
    if isinstance(step, StartPlay) and step.play_id not in plays.play_names(session):
        return [FieldError(f"{path}.play_id", f"no play {step.play_id}")]
    if isinstance(step, SetField):
        return _field_problems(session, step.field, f"{path}.field")
    if isinstance(step, AdjustScore):
        return _points_problems(session, step, path)
    if isinstance(step, WaitUntil) and step.time_zone not in _zones():
        return [FieldError(f"{path}.time_zone", f"unknown time zone {step.time_zone!r}")]
    condition = getattr(step, "condition", None)
    if isinstance(condition, Condition):
        return _condition_problems(session, condition, f"{path}.condition")
    return []


def _points_problems(session: Session, step: AdjustScore, path: str) -> list[FieldError]:
    errors = []
    if step.points == 0:
        errors.append(FieldError(f"{path}.points", "give a number of points other than 0"))
    if scoring.adjustable_model(session, step.model_id) is None:
        missing = (
            "there is no primary score model: pick one"
            if step.model_id is None
            else f"no score model {step.model_id} made of rules"
        )
        errors.append(FieldError(f"{path}.model_id", missing))
    return errors


def _zones() -> set[str]:
    return available_timezones() | {"UTC"}


def _list_problems(session: Session, list_id: int, path: str) -> list[FieldError]:
    if repository.contact_list(session, list_id) is None:
        return [FieldError(path, f"no list {list_id}")]
    return []


def _field_problems(session: Session, field: str, path: str) -> list[FieldError]:
    if field in SETTABLE_FIELDS:
        return []
    key = field.removeprefix("custom.")
    if field.startswith("custom.") and f"contact.custom.{key}" in contacts.custom_field_kinds(
        session
    ):
        return []
    known = ", ".join(SETTABLE_FIELDS)
    return [FieldError(path, f"not a field a workflow may set ({known} or custom.<key>)")]


def _condition_problems(session: Session, condition: Condition, path: str) -> list[FieldError]:
    return scoring.condition_errors(session, condition_json(condition), path)


# --- lists -------------------------------------------------------------------------------


def list_lists(session: Session, *, actor: Actor) -> list[tuple[ContactList, int]]:
    permissions.require(actor, Action.CONTACT_READ)
    return repository.lists(session)


def create_list(session: Session, data: ContactListWrite, *, actor: Actor) -> ContactList:
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    if repository.list_by_name(session, data.name) is not None:
        raise ValidationFailed("check the fields", [FieldError("name", "a list has this name")])
    made = ContactList(name=data.name)
    session.add(made)
    session.flush()
    return made


def get_list(session: Session, list_id: int) -> ContactList:
    found = repository.contact_list(session, list_id)
    if found is None:
        raise ResourceNotFound(f"list {list_id} not found")
    return found


def add_member(session: Session, list_id: int, contact_id: int) -> bool:
    """Put a contact on a list; False when it was on it already. 404 for a list or a
    contact that is not there (a workflow's step puts a batch on a list it has checked:
    ``enrolling.join_list_all``)."""
    get_list(session, list_id)
    contacts.get_contact(session, contact_id)
    if repository.is_member(session, list_id, contact_id):
        return False
    session.add(ContactListMember(list_id=list_id, contact_id=contact_id))
    session.flush()
    return True


def remove_member(session: Session, list_id: int, contact_id: int) -> bool:
    get_list(session, list_id)
    return repository.remove_member(session, list_id, contact_id)
