"""Running plays: a contact starts a play (its buying stage, a workflow's step, a person),
the worker advances the run step by step, and people complete their tasks.

A run is a row at a position; each step it reaches is a row too, unique by ``(run,
position)``, written in the transaction that does the step's effect: a marketing email is
queued under the step's own key (``play-step:<run>:<position>``) and the step recorded
done, or a task opens in the owner's queue and the run waits there. A worker that dies
mid-way commits nothing; one that runs the same advance twice finds the step written and
moves past it: no email twice, no second task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.auth import service as auth
from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, found
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.permissions import Action, require_owned
from huddle.mailing import service as mailing
from huddle.notifications import service as notifications
from huddle.notifications.schemas import PlayTaskData
from huddle.plays import repository
from huddle.plays.events import PlayTaskDone, PlayTaskOpened, PlayTaskWithdrawn
from huddle.plays.models import Play, PlayRun, PlayRunStep
from huddle.plays.schemas import OWNER_TEAMS, PlayStep
from huddle.plays.service.plays import get_play, steps_of

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

ADVANCE_JOB = "plays.advance"
RUNS_SHOWN = 10
TASKS_SHOWN = 100


def start(session: Session, play: Play, contact_id: int, *, reason: str) -> PlayRun | None:
    """Start the play for the contact, unless it has no steps or is running for it already;
    the worker takes the first step."""
    if not play.steps or repository.active_run(session, play.id, contact_id) is not None:
        return None
    run = PlayRun(
        play_id=play.id,
        contact_id=contact_id,
        position=0,
        status="active",
        reason=reason[:300],
        started_at=clock.now(),
    )
    session.add(run)
    session.flush()
    enqueue(session, ADVANCE_JOB, {"run_id": run.id})
    return run


def start_by_hand(session: Session, contact_id: int, play_id: int, *, actor: Actor) -> PlayRun:
    """A person starts a play for a contact they may change (a rep: their own, or an
    unassigned one); even a paused play may be started so."""
    contact = contacts.get_contact(session, contact_id)
    require_owned(actor, Action.CONTACT_EDIT, contact.owner_id)
    play = get_play(session, play_id)
    if not play.steps:
        raise Conflict(f"{play.name} has no steps yet")
    run = start(session, play, contact_id, reason=f"started by {_who(session, actor)}")
    if run is None:
        raise Conflict(f"{play.name} is running for this contact already")
    return run


def start_for_stage(session: Session, contact_id: int, stage: str, stage_name: str) -> int:
    """The active plays keyed to the buying stage the contact entered start; how many."""
    started = 0
    for play in repository.plays_for_stage(session, stage):
        started += start(session, play, contact_id, reason=f"entered {stage_name}") is not None
    return started


def start_from_workflow(session: Session, play_id: int, contact_id: int, *, by: str) -> str:
    """A workflow's "start a play" step: what happened, in words, for its record."""
    play = repository.play(session, play_id)
    if play is None:
        return f"play {play_id} is gone"
    if start(session, play, contact_id, reason=f"started by {by}") is None:
        return f"{play.name} not started (running already, or no steps)"
    return f"started {play.name}"


def play_names(session: Session) -> dict[int, str]:
    return {play.id: play.name for play in repository.plays(session)}


# --- the worker --------------------------------------------------------------------------


def advance(session: Session, run_id: int) -> None:
    """Take the run as far as it goes: marketing steps run, a task stops it (until done),
    the last step completes it."""
    run = repository.run_for_update(session, run_id)
    if run is None or run.status != "active":
        return
    play = repository.play(session, run.play_id)
    assert play is not None  # runs go with their play (cascade)
    steps = steps_of(play)
    contact = contacts.get_contact(session, run.contact_id)
    while run.position < len(steps):
        row = repository.run_step(session, run.id, run.position)
        if row is None:
            row = _open_step(session, run, play, steps[run.position], contact)
        if row.status == "open":
            return
        run.position += 1
    run.status, run.finished_at = "completed", clock.now()
    session.flush()


def _open_step(
    session: Session, run: PlayRun, play: Play, step: PlayStep, contact: Contact
) -> PlayRunStep:
    now = clock.now()
    row = PlayRunStep(
        run_id=run.id,
        contact_id=run.contact_id,
        position=run.position,
        owner=step.owner,
        title=step.title,
        created_at=now,
    )
    if step.is_task:
        row.status = "open"
        row.assignee_id = contact.owner_id
        row.team = OWNER_TEAMS.get(step.owner)
        row.due_at = now + timedelta(hours=step.due_hours or 24)
    else:
        row.status, row.detail = _send(session, run, step)
        row.done_at, row.done_by = now, "marketing automation"
    if not repository.add_run_step(session, row):
        # Another worker wrote this step (and did its effect): take what it wrote.
        return found(repository.run_step(session, run.id, run.position), "play step")
    if step.is_task:
        _announce_task(session, play, row, contact)
    return row


def _announce_task(session: Session, play: Play, task: PlayRunStep, contact: Contact) -> None:
    """Its people hear of the new task (the assignee, else the owning team's members), and
    ``PlayTaskOpened`` lets the SLA start a clock where a term measures such tasks. In the
    transaction that opened it, so a task is announced once."""
    recipients = (
        [task.assignee_id]
        if task.assignee_id is not None
        else [user.id for user in auth.list_users(session, team=task.team)]
        if task.team
        else []
    )
    name = " ".join(p for p in (contact.first_name, contact.last_name) if p) or (
        contact.email or f"contact #{contact.id}"
    )
    due = f", due {task.due_at:%Y-%m-%d %H:%M} UTC" if task.due_at else ""
    for user_id in recipients:
        notifications.notify(
            session,
            user_id=user_id,
            kind="play.task",
            subject=f"{task.title} — {name}",
            body=f"{play.name}: {task.title} ({name}){due}",
            data=PlayTaskData(
                task_id=task.id, play_id=play.id, contact_id=contact.id, due_at=task.due_at
            ),
            link=f"/contacts/{contact.id}",
        )
    publish(
        session,
        PlayTaskOpened(
            task_id=task.id,
            play_id=play.id,
            contact_id=contact.id,
            task_owner=task.owner,
            assignee_id=task.assignee_id,
            team=task.team,
            at=task.created_at,
            due_at=task.due_at,
        ),
    )


def _send(session: Session, run: PlayRun, step: PlayStep) -> tuple[str, str]:
    names = mailing.template_names(session)
    if step.template_id is None or step.template_id not in names:
        return "skipped", "its email template is gone"
    sent = mailing.send_template_to_contact(
        session,
        template_id=step.template_id,
        contact_id=run.contact_id,
        idempotency_key=f"play-step:{run.id}:{run.position}",
    )
    name = names[step.template_id]
    if sent.skipped:
        return "skipped", f"{name} not sent: {sent.reason}"
    return "done", f"{name} sent"


# --- people's tasks ----------------------------------------------------------------------


def complete_task(session: Session, step_id: int, *, actor: Actor) -> PlayRunStep:
    """The task done by whoever may work the contact; the run moves on (in the worker)."""
    row = found(repository.task(session, step_id), "task")
    contact = contacts.get_contact(session, row.contact_id)
    require_owned(actor, Action.TOUCH_WRITE, contact.owner_id)
    if row.status != "open":
        raise Conflict("this task is done already")
    now = clock.now()
    row.status, row.done_at = "done", now
    row.done_by = _who(session, actor)
    run = found(repository.run_for_update(session, row.run_id), "play run")
    if run.status == "active" and run.position == row.position:
        run.position += 1
        enqueue(session, ADVANCE_JOB, {"run_id": run.id})
    session.flush()
    publish(session, PlayTaskDone(task_id=row.id, contact_id=row.contact_id, at=now))
    return row


def _who(session: Session, actor: Actor) -> str:
    user = auth.find_user(session, actor.user_id) if actor.user_id is not None else None
    return (user.name if user else actor.label or actor.kind)[:120]


@dataclass(frozen=True)
class Task:
    step: PlayRunStep
    contact: Contact
    play: Play


def open_tasks(session: Session, actor: Actor) -> list[Task]:
    """The actor's open play tasks, and the unassigned ones of their team, soonest first."""
    teams = [actor.team] if actor.team else []
    rows = repository.open_tasks(session, actor.user_id or 0, teams, TASKS_SHOWN)
    return [Task(step, contact, play) for step, contact, play in rows]


@dataclass
class RunProgress:
    run: PlayRun
    play: Play
    steps: list[PlayStep]
    reached: dict[int, PlayRunStep] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return sum(1 for row in self.reached.values() if row.status != "open")


def contact_progress(session: Session, contact_id: int) -> list[RunProgress]:
    """The contact's play runs, newest first, each with every step: reached ones with
    their row (done, skipped or open), the rest still to come."""
    runs = repository.contact_runs(session, contact_id, RUNS_SHOWN)
    rows = repository.steps_of_runs(session, [run.id for run in runs])
    plays = {play.id: play for play in repository.plays(session)}
    progress = []
    for run in runs:
        play = plays[run.play_id]
        reached = {row.position: row for row in rows if row.run_id == run.id}
        progress.append(RunProgress(run, play, steps_of(play), reached))
    return progress


def stop_run(session: Session, run_id: int, *, actor: Actor) -> PlayRun:
    run = found(repository.run_for_update(session, run_id), "play run")
    contact = contacts.get_contact(session, run.contact_id)
    require_owned(actor, Action.CONTACT_EDIT, contact.owner_id)
    if run.status == "active":
        run.status, run.finished_at = "stopped", clock.now()
        reason = f"the play was stopped by {_who(session, actor)}"
        _withdraw_open_tasks(session, run.id, run.finished_at, reason)
    session.flush()
    return run


def _withdraw_open_tasks(session: Session, run_id: int, at: datetime, reason: str) -> None:
    """A stopped run's open task leaves its assignee's queue, skipped with the reason; its
    SLA clocks are cancelled as of ``at`` (a task nobody is to do any more cannot breach)."""
    for row in repository.steps_of_runs(session, [run_id]):
        if row.status != "open":
            continue
        row.status, row.detail = "skipped", reason
        session.flush()
        publish(
            session,
            PlayTaskWithdrawn(task_id=row.id, contact_id=row.contact_id, at=at, reason=reason),
        )
