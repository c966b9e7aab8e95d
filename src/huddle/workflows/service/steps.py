"""What each kind of step does: the registry the runner dispatches on.

A handler gets the step's context (the session, the workflow, the enrolment, the contact,
the workflow's actor, the time) and answers ``Advance`` (the outcome it records and the step
after) or ``Pause`` (a wait: due again at ``until``). Handlers do their effect in the
caller's transaction, so it commits with the step's record and the enrolment's advance;
whatever they hand on to run later (an email, a webhook POST) is a durable job queued in
that same transaction.

Adding a kind is one handler here, plus its schema in ``schemas.Step`` and a check of what
it names in ``definitions``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from huddle.assets import service as assets
from huddle.auth import service as auth
from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactUpdate
from huddle.core.actor import Actor
from huddle.core.errors import Conflict
from huddle.lifecycle import service as lifecycle
from huddle.mailing import service as mailing
from huddle.notifications import service as notifications
from huddle.notifications.schemas import (
    ContactReference,
    WorkflowNoticeData,
    WorkflowStepData,
    WorkflowStepPayload,
)
from huddle.plays import service as plays
from huddle.scoring import service as scoring
from huddle.workflows import repository
from huddle.workflows.schemas import (
    AddToList,
    AdjustScore,
    Branch,
    CallWebhook,
    ChangeStage,
    CreateTask,
    EnrolInWorkflow,
    Notify,
    RemoveFromList,
    SendEmail,
    SendNextAsset,
    SetField,
    StartPlay,
    StepModel,
    WaitDuration,
    WaitForEvent,
    WaitUntil,
)
from huddle.workflows.service import enrolling
from huddle.workflows.service.conditions import condition_json

if TYPE_CHECKING:
    from huddle.contacts.models import Contact
    from huddle.workflows.models import Enrolment
    from huddle.workflows.service.definitions import Definition


@dataclass(frozen=True)
class StepContext:
    session: Session
    workflow: Definition
    enrolment: Enrolment
    contact: Contact
    actor: Actor
    now: datetime
    # What the steps of one pass read once and share (templates, lists): ``_held``.
    memo: dict[Any, Any] = field(default_factory=dict)

    @property
    def idempotency_key(self) -> str:
        """The key of this visit of this step: what an outside effect is deduplicated by."""
        return f"workflow-step:{self.enrolment.id}:{self.enrolment.steps_taken + 1}"


@dataclass(frozen=True)
class Advance:
    outcome: str  # done | yes | no | event | timeout | skipped
    next: str | None
    detail: str | None = None


@dataclass(frozen=True)
class Pause:
    until: datetime


Outcome = Advance | Pause
Handler = Callable[[StepContext, Any], Outcome]
HANDLERS: dict[str, Handler] = {}
# A kind that can run for a batch's contacts at once (set-at-a-time: a statement or two
# for all, not a few each): the contexts of one step, the outcomes in their order.
BatchHandler = Callable[[Sequence[StepContext], Any], list[Outcome]]
BATCH_HANDLERS: dict[str, BatchHandler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def handles_batch(kind: str) -> Callable[[BatchHandler], BatchHandler]:
    """Registers the kind's batch handler, and as its handler the batch of one."""

    def register(handler: BatchHandler) -> BatchHandler:
        BATCH_HANDLERS[kind] = handler
        HANDLERS[kind] = lambda ctx, step: handler([ctx], step)[0]
        return handler

    return register


def run_step(ctx: StepContext, step: StepModel) -> Outcome:
    return HANDLERS[step.kind](ctx, step)


def run_step_for_all(contexts: Sequence[StepContext], step: StepModel) -> list[Outcome] | None:
    """The step run for all these contexts at once, or None when its kind runs one by one."""
    handler = BATCH_HANDLERS.get(step.kind)
    return None if handler is None else handler(contexts, step)


def _held(ctx: StepContext, key: Any, read: Callable[[], Any]) -> Any:
    """What ``read`` gives, read once a pass: a pass's thousands of steps name the same
    few templates and lists (held, the session finds them again without a query)."""
    if key not in ctx.memo:
        ctx.memo[key] = read()
    return ctx.memo[key]


# --- waits -------------------------------------------------------------------------------


def _wait(ctx: StepContext, until: datetime, step: StepModel) -> Outcome:
    """The first visit starts the wait; the visit at ``until`` ends it."""
    if ctx.enrolment.waiting:
        return Advance("done", step.next)
    return Pause(until)


@handles("wait")
def _wait_duration(ctx: StepContext, step: WaitDuration) -> Outcome:
    return _wait(ctx, ctx.now + timedelta(minutes=step.minutes), step)


@handles("wait_until")
def _wait_until(ctx: StepContext, step: WaitUntil) -> Outcome:
    return _wait(ctx, next_weekday_hour(ctx.now, step.weekday, step.hour, _zone(ctx, step)), step)


def _zone(ctx: StepContext, step: WaitUntil) -> ZoneInfo:
    """The contact's ``time_zone`` custom field when it names a zone, else the step's."""
    for name in ((ctx.contact.custom or {}).get("time_zone"), step.time_zone):
        if isinstance(name, str) and name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def next_weekday_hour(now: datetime, weekday: int, hour: int, zone: ZoneInfo) -> datetime:
    """The first moment after ``now`` that is ``weekday`` (0 Monday) at ``hour``:00 on the
    clocks of ``zone`` (an hour a DST change skips is taken as the zone resolves it)."""
    local = now.astimezone(zone)
    days = (weekday - local.weekday()) % 7
    candidate = (local + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    if candidate <= local:
        candidate = (local + timedelta(days=days + 7)).replace(
            hour=hour, minute=0, second=0, microsecond=0
        )
    return candidate.replace(tzinfo=None).replace(tzinfo=zone).astimezone(now.tzinfo)


@handles("wait_event")
def _wait_event(ctx: StepContext, step: WaitForEvent) -> Outcome:
    if not ctx.enrolment.waiting:
        return Pause(ctx.now + timedelta(hours=step.timeout_hours))
    if ctx.enrolment.event_arrived:
        return Advance("event", step.next, f"{step.touch_type} arrived")
    return Advance("timeout", step.timeout_next, f"no {step.touch_type} in time")


# --- branch ------------------------------------------------------------------------------


@handles_batch("branch")
def _branch(contexts: Sequence[StepContext], step: Branch) -> list[Outcome]:
    session = contexts[0].session
    ids = [ctx.contact.id for ctx in contexts]
    holding = scoring.contacts_matching(session, ids, condition_json(step.condition))
    yes, no = Advance("yes", step.yes), Advance("no", step.no)
    return [yes if ctx.contact.id in holding else no for ctx in contexts]


# --- actions -----------------------------------------------------------------------------


@handles_batch("send_email")
def _send_email(contexts: Sequence[StepContext], step: SendEmail) -> list[Outcome]:
    """Queued for the worker in this step's transaction, under each step visit's own key:
    a step run again after a crash finds the send it made and sends nothing more. Whether
    the contact may be mailed is the mailing domain's to say, now and at delivery."""
    first = contexts[0]
    name = _template_name(first, step.template_id)
    if name is None:
        return [_template_gone(step.template_id, step.next)] * len(contexts)
    outcomes = mailing.send_template_to_contacts(
        first.session,
        template_id=step.template_id,
        recipients=[(ctx.contact, ctx.idempotency_key) for ctx in contexts],
    )
    return [_sent(sent, name, step.next) for sent in outcomes]


@handles("send_next_asset")
def _send_next_asset(ctx: StepContext, step: SendNextAsset) -> Outcome:
    """The asset is chosen (the choice and why go on the timeline, in the step's record),
    sent with the template under the step visit's key, and kept as sent so it is not
    chosen for the contact again. A visit run again finds its choice and its send."""
    name = _template_name(ctx, step.template_id)
    if name is None:
        return _template_gone(step.template_id, step.next)
    choice = assets.earlier_choice(ctx.session, ctx.idempotency_key) or assets.next_best_asset(
        ctx.session,
        ctx.contact.id,
        history=_held(ctx, "converter history", lambda: assets.converter_history(ctx.session)),
        approved=_held(ctx, "approved assets", lambda: assets.approved_assets(ctx.session)),
    )
    if choice is None:
        return Advance("skipped", step.next, "every approved asset was read or sent already")
    sent = mailing.send_template_to_contact(
        ctx.session,
        template_id=step.template_id,
        contact_id=ctx.contact.id,
        idempotency_key=ctx.idempotency_key,
        asset=mailing.AssetValues(title=choice.asset.title, url=choice.asset.url),
    )
    if not sent.skipped:
        assets.record_choice(ctx.session, ctx.contact.id, choice, key=ctx.idempotency_key)
    return _sent(sent, name, step.next, chose=f"“{choice.asset.title}”: {choice.why}; ")


def _template_name(ctx: StepContext, template_id: int) -> str | None:
    """The email template's name, None when it is gone (templates read once a pass)."""
    names = _held(ctx, "templates", lambda: mailing.templates_by_id(ctx.session))
    found = names.get(template_id)
    return None if found is None else found.name


def _template_gone(template_id: int, next_step: str | None) -> Outcome:
    return Advance("skipped", next_step, f"email template {template_id} is gone")


def _sent(sent: mailing.SendOutcome, name: str, next_step: str | None, chose: str = "") -> Outcome:
    """A send step's outcome in words: queued, or not sent and why."""
    if sent.skipped:
        return Advance("skipped", next_step, f"{chose}{name} not sent: {sent.reason}")
    return Advance("done", next_step, f"{chose}{name} queued for sending")


@handles_batch("add_to_list")
def _add_to_list(contexts: Sequence[StepContext], step: AddToList) -> list[Outcome]:
    first = contexts[0]
    found = _held(
        first, ("list", step.list_id), lambda: repository.contact_list(first.session, step.list_id)
    )
    if found is None:
        return [Advance("skipped", step.next, f"list {step.list_id} is gone")] * len(contexts)
    joined = enrolling.join_list_all(
        first.session, step.list_id, [ctx.contact.id for ctx in contexts]
    )
    added = Advance("done", step.next, f"added to {found.name}")
    already = Advance("done", step.next, f"already on {found.name}")
    return [added if ctx.contact.id in joined else already for ctx in contexts]


@handles("remove_from_list")
def _remove_from_list(ctx: StepContext, step: RemoveFromList) -> Outcome:
    removed = repository.remove_member(ctx.session, step.list_id, ctx.contact.id)
    return Advance("done", step.next, "removed from the list" if removed else "was not on it")


@handles_batch("set_field")
def _set_field(contexts: Sequence[StepContext], step: SetField) -> list[Outcome]:
    if step.field.startswith("custom."):
        change = ContactUpdate(custom={step.field.removeprefix("custom."): step.value})
    else:
        value = None if step.value is None else str(step.value)
        change = ContactUpdate.model_validate({step.field: value})
    first = contexts[0]  # one workflow's step: one actor
    contacts.update_contacts(
        first.session, [ctx.contact.id for ctx in contexts], change, actor=first.actor
    )
    return [Advance("done", step.next, f"{step.field} set to {step.value}")] * len(contexts)


@handles("change_stage")
def _change_stage(ctx: StepContext, step: ChangeStage) -> Outcome:
    if ctx.contact.lifecycle_stage == step.stage:
        return Advance("skipped", step.next, f"already {step.stage}")
    try:
        with ctx.session.begin_nested():
            lifecycle.transition_stage(
                ctx.session,
                ctx.contact.id,
                step.stage,
                actor=ctx.actor,
                reason=f"workflow {ctx.workflow.workflow.name}",
            )
    except Conflict as refused:
        return Advance("skipped", step.next, str(refused))
    return Advance("done", step.next, f"moved to {step.stage}")


@handles("create_task")
def _create_task(ctx: StepContext, step: CreateTask) -> Outcome:
    """A notification to the owner (Huddle has no task list yet), or to the team's members."""
    owner = ctx.contact.owner_id
    recipients = (
        [owner]
        if owner is not None
        else [u.id for u in auth.list_users(ctx.session, team=step.team)]
        if step.team
        else []
    )
    if not recipients:
        return Advance("skipped", step.next, "the contact has no owner and no team is named")
    for user_id in recipients:
        _notice(ctx, user_id, "workflow.task", step.title, step.id)
    return Advance("done", step.next, f"task for {len(recipients)} user(s): {step.title}")


@handles("notify")
def _notify(ctx: StepContext, step: Notify) -> Outcome:
    if auth.find_user(ctx.session, step.user_id) is None:
        return Advance("skipped", step.next, f"user {step.user_id} is gone")
    _notice(ctx, step.user_id, "workflow.notice", step.message, step.id)
    return Advance("done", step.next, f"notified user {step.user_id}")


def _notice(ctx: StepContext, user_id: int, kind: Any, text: str, step_id: str) -> None:
    name = _contact_name(ctx.contact)
    notifications.notify(
        ctx.session,
        user_id=user_id,
        kind=kind,
        subject=f"{text} — {name}",
        body=f"{ctx.workflow.workflow.name}: {text} ({name})",
        data=WorkflowNoticeData(
            workflow_id=ctx.workflow.workflow.id, step_id=step_id, contact_id=ctx.contact.id
        ),
        link=f"/contacts/{ctx.contact.id}",
    )


def _contact_name(contact: Contact) -> str:
    name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
    return name or f"contact #{contact.id}"


@handles("webhook")
def _webhook(ctx: StepContext, step: CallWebhook) -> Outcome:
    payload = WorkflowStepPayload(
        occurred_at=ctx.now,
        data=WorkflowStepData(
            workflow_id=ctx.workflow.workflow.id,
            workflow=ctx.workflow.workflow.name,
            step_id=step.id,
            contact=ContactReference(
                id=ctx.contact.id,
                url=notifications.absolute_url(f"/contacts/{ctx.contact.id}"),
            ),
        ),
    )
    if not notifications.send_to_webhook(ctx.session, step.webhook_id, payload):
        return Advance("skipped", step.next, f"webhook {step.webhook_id} is gone or off")
    return Advance("done", step.next, f"queued to webhook {step.webhook_id}")


@handles("enrol")
def _enrol(ctx: StepContext, step: EnrolInWorkflow) -> Outcome:
    target = repository.workflow(ctx.session, step.workflow_id)
    if target is None:
        return Advance("skipped", step.next, f"workflow {step.workflow_id} is gone")
    enrolled = enrolling.enrol(
        ctx.session, target, ctx.contact.id, reason=f"from {ctx.workflow.workflow.name}"
    )
    detail = f"enrolled in {target.name}" if enrolled else f"not enrolled in {target.name}"
    return Advance("done" if enrolled else "skipped", step.next, detail)


@handles("start_play")
def _start_play(ctx: StepContext, step: StartPlay) -> Outcome:
    """The play's run is a row of this step's transaction: a step run again after a crash
    finds the run on its way and starts nothing more."""
    detail = plays.start_from_workflow(
        ctx.session, step.play_id, ctx.contact.id, by=f"workflow {ctx.workflow.workflow.name}"
    )
    return Advance("done" if detail.startswith("started") else "skipped", step.next, detail)


@handles("adjust_score")
def _adjust_score(ctx: StepContext, step: AdjustScore) -> Outcome:
    """The points are a row of this step's transaction under the step visit's key: a step
    run again after a crash finds them given and gives nothing more."""
    model = _held(
        ctx,
        ("score model", step.model_id),
        lambda: scoring.adjustable_model(ctx.session, step.model_id),
    )
    if model is None:
        gone = "there is no primary score model" if step.model_id is None else "it is gone"
        return Advance("skipped", step.next, f"no points given: {gone}")
    adjusted = scoring.adjust_score(
        ctx.session,
        ctx.contact.id,
        step.points,
        model=model,
        reason=points_reason(ctx.workflow.workflow.name, step),
        key=ctx.idempotency_key,
    )
    given = f"{step.points:+d} points in {adjusted.model}"
    if not adjusted.added:
        return Advance("skipped", step.next, f"{given} were given already")
    return Advance("done", step.next, given)


def points_reason(workflow: str, step: AdjustScore) -> str:
    """What the score's explanation says of the points: "Workflow 'Nurture': +10"."""
    reason = f"Workflow '{workflow}': {step.points:+d}"
    return f"{reason} ({step.reason})" if step.reason else reason
