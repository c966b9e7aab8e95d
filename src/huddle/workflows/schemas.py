"""The workflows' JSON shapes: the trigger, the graph of steps and the exit criteria, typed
(a discriminated union per kind: no free-form objects), shared by the API and the editor.

A graph is a list of steps; the first is where an enrolment starts, ``next`` (and a branch's
``yes``/``no``, a wait for an event's ``timeout_next``) name the step after by its id, and
None ends the workflow. Adding a step kind is a class here, a member of ``Step`` and a
handler in ``service/steps``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from huddle.core.schemas import InputModel, ReadModel

StepId = Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,40}$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Stage = Literal[
    "subscriber",
    "lead",
    "mql",
    "sal",
    "sql",
    "opportunity",
    "customer",
    "lost",
    "disqualified",
    "recycled",
]
Scalar = str | float | bool


# --- conditions --------------------------------------------------------------------------


class ConditionRule(InputModel):
    """``<field> <op> <value>`` over the contact and its account, as scoring's fit rules
    say it: ``contact.job_title contains VP``, ``account.employee_count gte 50``,
    ``contact.custom.tier in [gold, silver]``, ``contact.lifecycle_stage eq mql``."""

    field: Annotated[str, Field(min_length=1, max_length=120)]
    op: Annotated[str, Field(min_length=1, max_length=20)]
    value: Scalar | list[str] | list[float] | None = None


class Condition(InputModel):
    match: Literal["all", "any"] = "all"
    rules: Annotated[list[ConditionRule], Field(min_length=1, max_length=20)]


# --- triggers ----------------------------------------------------------------------------


class PropertyFilter(InputModel):
    name: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,59}$")]
    op: Literal["eq", "contains"] = "eq"
    value: Annotated[str, Field(max_length=500)]


class TouchTrigger(InputModel):
    """A touch of ``touch_type`` whose properties pass every filter (a form submitted is
    the touch type ``form_submitted`` with ``form`` as its property)."""

    type: Literal["touch"] = "touch"
    touch_type: Annotated[str, Field(min_length=1, max_length=60)]
    properties: Annotated[list[PropertyFilter], Field(max_length=10)] = []


class StageEnteredTrigger(InputModel):
    type: Literal["stage_entered"] = "stage_entered"
    stage: Stage


class ScoreTrigger(InputModel):
    """The headline score at or above ``threshold`` after a scoring pass."""

    type: Literal["score_reached"] = "score_reached"
    threshold: Annotated[int, Field(ge=-10_000, le=10_000)]


class ListJoinedTrigger(InputModel):
    type: Literal["list_joined"] = "list_joined"
    list_id: int


class DateFieldTrigger(InputModel):
    """A contact's date custom field ``days_before`` days away (a renewal in 60 days),
    checked by the daily job."""

    type: Literal["date_field"] = "date_field"
    field_key: Annotated[str, Field(min_length=1, max_length=60)]
    days_before: Annotated[int, Field(ge=0, le=3650)]


class LeadRejectedTrigger(InputModel):
    type: Literal["lead_rejected"] = "lead_rejected"


class LeadRecycledTrigger(InputModel):
    type: Literal["lead_recycled"] = "lead_recycled"


class BuyingStageTrigger(InputModel):
    """The contact's buying stage became ``stage`` (a key of the configured buying stages:
    the plays domain infers it from indicator touches)."""

    type: Literal["buying_stage_changed"] = "buying_stage_changed"
    stage: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class GradeTrigger(InputModel):
    """The contact's fit grade is ``grade`` after a scoring pass that changed its scores
    (the re-enrolment policy keeps a contact graded so again from enrolling again)."""

    type: Literal["grade_changed"] = "grade_changed"
    grade: Literal["A", "B", "C", "D"]


class ManualTrigger(InputModel):
    """Enrolled only through the API, the editor or another workflow's enrol step."""

    type: Literal["manual"] = "manual"


Trigger = Annotated[
    TouchTrigger
    | StageEnteredTrigger
    | ScoreTrigger
    | ListJoinedTrigger
    | DateFieldTrigger
    | LeadRejectedTrigger
    | LeadRecycledTrigger
    | BuyingStageTrigger
    | GradeTrigger
    | ManualTrigger,
    Field(discriminator="type"),
]
TRIGGER_TYPES = (
    "touch",
    "stage_entered",
    "score_reached",
    "list_joined",
    "date_field",
    "lead_rejected",
    "lead_recycled",
    "buying_stage_changed",
    "grade_changed",
    "manual",
)


# --- steps -------------------------------------------------------------------------------


class _Step(InputModel):
    id: StepId
    next: StepId | None = None


class WaitDuration(_Step):
    kind: Literal["wait"] = "wait"
    minutes: Annotated[int, Field(ge=1, le=60 * 24 * 365)]


class WaitUntil(_Step):
    """Until the next ``weekday`` (0 Monday) at ``hour`` in the contact's time zone: its
    ``time_zone`` custom field when set, else ``time_zone`` here."""

    kind: Literal["wait_until"] = "wait_until"
    weekday: Annotated[int, Field(ge=0, le=6)]
    hour: Annotated[int, Field(ge=0, le=23)]
    time_zone: Annotated[str, Field(min_length=1, max_length=60)] = "UTC"


class WaitForEvent(_Step):
    """Until the contact has a touch of ``touch_type`` (then ``next``), or ``timeout_hours``
    have passed (then ``timeout_next``)."""

    kind: Literal["wait_event"] = "wait_event"
    touch_type: Annotated[str, Field(min_length=1, max_length=60)]
    timeout_hours: Annotated[int, Field(ge=1, le=24 * 365)]
    timeout_next: StepId | None = None


class Branch(_Step):
    """``yes`` when the condition holds, ``no`` otherwise (``next`` is not used)."""

    kind: Literal["branch"] = "branch"
    condition: Condition
    yes: StepId | None = None
    no: StepId | None = None


class AddToList(_Step):
    kind: Literal["add_to_list"] = "add_to_list"
    list_id: int


class SendEmail(_Step):
    kind: Literal["send_email"] = "send_email"
    template_id: int


class RemoveFromList(_Step):
    kind: Literal["remove_from_list"] = "remove_from_list"
    list_id: int


class SetField(_Step):
    """A contact field: one of ``SETTABLE_FIELDS``, or ``custom.<key>``; None clears it."""

    kind: Literal["set_field"] = "set_field"
    field: Annotated[str, Field(min_length=1, max_length=80)]
    value: Scalar | None = None


class ChangeStage(_Step):
    """Through lifecycle's allowed moves; a move not allowed is skipped, with the reason."""

    kind: Literal["change_stage"] = "change_stage"
    stage: Stage


class CreateTask(_Step):
    """Huddle has no task list yet: the task is a notification to the contact's owner (or,
    without one, to each active member of ``team``)."""

    kind: Literal["create_task"] = "create_task"
    title: Annotated[str, Field(min_length=1, max_length=200)]
    team: Annotated[str, Field(max_length=40)] | None = None


class Notify(_Step):
    kind: Literal["notify"] = "notify"
    user_id: int
    message: Annotated[str, Field(min_length=1, max_length=500)]


class CallWebhook(_Step):
    """POST the contact's reference to a configured (signed) webhook."""

    kind: Literal["webhook"] = "webhook"
    webhook_id: int


class EnrolInWorkflow(_Step):
    kind: Literal["enrol"] = "enrol"
    workflow_id: int


class StartPlay(_Step):
    """Start a play for the contact (unless it is running for them already)."""

    kind: Literal["start_play"] = "start_play"
    play_id: int


class AdjustScore(_Step):
    """Add (or, negative, subtract) ``points`` to the contact's score in ``model_id``'s
    model (None: the primary one), shown in the score's explanation with ``reason`` (or
    the workflow's name) and kept by every rescore."""

    kind: Literal["adjust_score"] = "adjust_score"
    model_id: int | None = None
    points: Annotated[int, Field(ge=-10_000, le=10_000)]
    reason: Annotated[str, Field(max_length=200)] | None = None


class SendNextAsset(_Step):
    """Send ``template_id`` with the next best asset for the contact (the template names it
    as ``asset.title`` and ``asset.url``): among the approved assets it has not consumed or
    been sent, what contacts who later converted most often consumed next (the assets
    domain says how). Nothing left to send: skipped, with the reason."""

    kind: Literal["send_next_asset"] = "send_next_asset"
    template_id: int


Step = Annotated[
    WaitDuration
    | WaitUntil
    | WaitForEvent
    | Branch
    | SendEmail
    | AddToList
    | RemoveFromList
    | SetField
    | ChangeStage
    | CreateTask
    | Notify
    | CallWebhook
    | EnrolInWorkflow
    | StartPlay
    | AdjustScore
    | SendNextAsset,
    Field(discriminator="kind"),
]
StepModel = (
    WaitDuration
    | WaitUntil
    | WaitForEvent
    | Branch
    | SendEmail
    | AddToList
    | RemoveFromList
    | SetField
    | ChangeStage
    | CreateTask
    | Notify
    | CallWebhook
    | EnrolInWorkflow
    | StartPlay
    | AdjustScore
    | SendNextAsset
)
WAIT_KINDS = ("wait", "wait_until", "wait_event")
STEP_KINDS: dict[str, str] = {
    "wait": "Wait a while",
    "wait_until": "Wait until a weekday and hour",
    "wait_event": "Wait for a touch",
    "branch": "Branch on a condition",
    "send_email": "Send an email",
    "add_to_list": "Add to a list",
    "remove_from_list": "Remove from a list",
    "set_field": "Set a field",
    "change_stage": "Change the stage",
    "create_task": "Create a task for the owner",
    "notify": "Notify a user",
    "webhook": "Call a webhook",
    "enrol": "Enrol in another workflow",
    "start_play": "Start a play",
    "adjust_score": "Add or subtract score points",
    "send_next_asset": "Send the next best asset",
}


class ExitCriteria(InputModel):
    """Checked before every step: the enrolment ends when any holds."""

    stages: list[Stage] = Field(
        default=["sql", "opportunity", "customer", "disqualified"],
        description="The contact reached one of these stages (becomes SQL, disqualified...).",
    )
    unsubscribed: bool = Field(True, description="do_not_email set or opted out.")
    condition: Condition | None = None


class WorkflowWrite(InputModel):
    name: Name
    trigger: Trigger = Field(default_factory=ManualTrigger)
    steps: Annotated[list[Step], Field(max_length=200)] = []
    exit_criteria: ExitCriteria = Field(default_factory=ExitCriteria)
    reenrol_after_days: Annotated[int, Field(ge=1, le=3650)] | None = Field(
        None, description="null: once ever; N: again N days after the last enrolment."
    )


class StatusWrite(InputModel):
    status: Literal["draft", "active", "paused"]


class EnrolWrite(InputModel):
    contact_id: int


class StepCounts(ReadModel):
    step_id: str
    waiting: int
    went_through: int
    exited: int


class WorkflowRead(ReadModel):
    id: int
    name: str
    status: Literal["draft", "active", "paused"]
    trigger: Trigger
    steps: list[Step]
    exit_criteria: ExitCriteria
    reenrol_after_days: int | None
    created_at: datetime
    updated_at: datetime


class WorkflowDetail(WorkflowRead):
    counts: list[StepCounts]


class EnrolmentRead(ReadModel):
    id: int
    workflow_id: int
    contact_id: int
    step_id: str | None
    status: Literal["active", "completed", "exited", "failed"]
    next_run_at: datetime | None
    enrolled_at: datetime
    finished_at: datetime | None
    reason: str | None


class ContactListWrite(InputModel):
    name: Name


class ContactListRead(ReadModel):
    id: int
    name: str
    members: int = 0


class ListMemberWrite(InputModel):
    contact_id: int
