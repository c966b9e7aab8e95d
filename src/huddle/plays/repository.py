"""The plays domain's queries: buying stages' configuration and history, plays, their runs
and the runs' steps (the queue's tasks)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core.db import repoint
from huddle.plays.models import BuyingStage, BuyingStageChange, Play, PlayRun, PlayRunStep

# --- buying stages -----------------------------------------------------------------------


def stages(session: Session) -> Sequence[BuyingStage]:
    return session.scalars(select(BuyingStage).order_by(BuyingStage.position)).all()


def replace_stages(session: Session, rows: Sequence[BuyingStage]) -> None:
    session.execute(delete(BuyingStage))
    session.add_all(rows)
    session.flush()


def touches(session: Session, touch_ids: Sequence[int]) -> Sequence[Touch]:
    """The touches (with a contact) in the order they happened."""
    return session.scalars(
        select(Touch)
        .where(Touch.id.in_(touch_ids), Touch.contact_id.is_not(None))
        .order_by(Touch.occurred_at, Touch.id)
    ).all()


def current_stages(session: Session, contact_ids: Sequence[int]) -> dict[int, str | None]:
    rows = session.execute(
        select(Contact.id, Contact.buying_stage).where(Contact.id.in_(contact_ids))
    )
    return {row[0]: row[1] for row in rows}


def stage_history(session: Session, contact_id: int, limit: int) -> Sequence[BuyingStageChange]:
    return session.scalars(
        select(BuyingStageChange)
        .where(BuyingStageChange.contact_id == contact_id)
        .order_by(BuyingStageChange.at.desc(), BuyingStageChange.id.desc())
        .limit(limit)
    ).all()


# --- plays -------------------------------------------------------------------------------


def plays(session: Session) -> Sequence[Play]:
    return session.scalars(select(Play).order_by(Play.name)).all()


def play(session: Session, play_id: int) -> Play | None:
    return session.get(Play, play_id)


def play_by_name(session: Session, name: str) -> Play | None:
    return session.scalars(select(Play).where(Play.name == name)).first()


def adopted_keys(session: Session) -> set[str]:
    keys = session.scalars(select(Play.library_key).where(Play.library_key.is_not(None)))
    return {key for key in keys if key}


def plays_for_stage(session: Session, stage: str) -> Sequence[Play]:
    return session.scalars(
        select(Play).where(Play.buying_stage == stage, Play.status == "active").order_by(Play.id)
    ).all()


# --- runs and their steps ----------------------------------------------------------------


def active_run(session: Session, play_id: int, contact_id: int) -> PlayRun | None:
    return session.scalars(
        select(PlayRun).where(
            PlayRun.play_id == play_id,
            PlayRun.contact_id == contact_id,
            PlayRun.status == "active",
        )
    ).first()


def run_for_update(session: Session, run_id: int) -> PlayRun | None:
    """The run, locked until the transaction ends (PostgreSQL): two workers advancing one
    run take turns."""
    return session.scalars(select(PlayRun).where(PlayRun.id == run_id).with_for_update()).first()


def run_step(session: Session, run_id: int, position: int) -> PlayRunStep | None:
    return session.scalars(
        select(PlayRunStep).where(PlayRunStep.run_id == run_id, PlayRunStep.position == position)
    ).first()


def add_run_step(session: Session, step: PlayRunStep) -> bool:
    """False when the run already has a step at that position (another worker wrote it)."""
    try:
        with session.begin_nested():
            session.add(step)
            session.flush()
    except IntegrityError:
        return False
    return True


def task(session: Session, step_id: int) -> PlayRunStep | None:
    return session.get(PlayRunStep, step_id)


def contact_runs(session: Session, contact_id: int, limit: int) -> Sequence[PlayRun]:
    return session.scalars(
        select(PlayRun)
        .where(PlayRun.contact_id == contact_id)
        .order_by(PlayRun.started_at.desc(), PlayRun.id.desc())
        .limit(limit)
    ).all()


def steps_of_runs(session: Session, run_ids: Sequence[int]) -> Sequence[PlayRunStep]:
    return session.scalars(
        select(PlayRunStep)
        .where(PlayRunStep.run_id.in_(run_ids))
        .order_by(PlayRunStep.run_id, PlayRunStep.position)
    ).all()


def open_tasks(
    session: Session, user_id: int, teams: Sequence[str], limit: int
) -> Sequence[tuple[PlayRunStep, Contact, Play]]:
    """Open tasks for the user, and the unassigned ones of ``teams``, soonest due first."""
    mine = PlayRunStep.assignee_id == user_id
    pooled = PlayRunStep.assignee_id.is_(None) & PlayRunStep.team.in_(teams)
    rows = session.execute(
        select(PlayRunStep, Contact, Play)
        .join(Contact, Contact.id == PlayRunStep.contact_id)
        .join(PlayRun, PlayRun.id == PlayRunStep.run_id)
        .join(Play, Play.id == PlayRun.play_id)
        .where(PlayRunStep.status == "open", or_(mine, pooled) if teams else mine)
        .order_by(PlayRunStep.due_at, PlayRunStep.id)
        .limit(limit)
    )
    return [(row[0], row[1], row[2]) for row in rows]


def run_counts(session: Session) -> dict[tuple[int, str], int]:
    """Runs by play and status (the Plays page's figures)."""
    rows = session.execute(
        select(PlayRun.play_id, PlayRun.status, func.count()).group_by(
            PlayRun.play_id, PlayRun.status
        )
    )
    return {(play_id, status): count for play_id, status, count in rows}


def move_contact_rows(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged duplicate's play runs (an open task stays in its queue) and buying stage
    history are the survivor's."""
    columns = (PlayRun.contact_id, PlayRunStep.contact_id, BuyingStageChange.contact_id)
    repoint(session, *columns, old=merged_id, new=survivor_id)
