"""Full rescore runs: their progress, and the contact id ranges their chunks cover."""

from __future__ import annotations

import typing
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.scoring.models import RescoreRun


def contact_id_bounds(session: Session) -> tuple[int, int]:
    """The lowest and highest contact id (0, 0 without contacts). Two subqueries: SQLite
    reads one end of the index for a lone min() or max(), but scans every contact for both
    in one SELECT, once per chunk."""
    low, high = session.execute(
        select(
            select(func.min(Contact.id)).scalar_subquery(),
            select(func.max(Contact.id)).scalar_subquery(),
        )
    ).one()
    return int(low or 0), int(high or 0)


def count_contacts(session: Session) -> int:
    """Every contact (a scan: once per run, not once per chunk)."""
    return int(session.scalar(select(func.count(Contact.id))) or 0)


def count_in_range(session: Session, low: int, high: int) -> int:
    return int(
        session.scalar(select(func.count(Contact.id)).where(Contact.id.between(low, high))) or 0
    )


def get_run(session: Session, run_id: int) -> RescoreRun | None:
    return session.get(RescoreRun, run_id)


class RunState(typing.NamedTuple):
    status: str
    contacts_total: int


def run_state(session: Session, run_id: int) -> RunState | None:
    """A run's status and size, read without loading it into the session: lanes running
    side by side change the row with ``record_progress`` only."""
    query = select(RescoreRun.status, RescoreRun.contacts_total).where(RescoreRun.id == run_id)
    row = session.execute(query).one_or_none()
    return RunState(*row) if row is not None else None


def record_progress(
    session: Session,
    run_id: int,
    *,
    contacts: int,
    qualified: int,
    lane_finished: bool,
    at: datetime,
) -> None:
    """Add a chunk's figures to its run, and close its lane if that was the lane's last
    chunk: the last lane closed finishes the run. Increments in the UPDATE itself, so
    lanes committing side by side add up (the row lock orders them)."""
    lanes_open = session.execute(
        update(RescoreRun)
        .where(RescoreRun.id == run_id)
        .values(
            contacts_done=RescoreRun.contacts_done + contacts,
            qualified=RescoreRun.qualified + qualified,
            lanes_open=RescoreRun.lanes_open - int(lane_finished),
        )
        .returning(RescoreRun.lanes_open)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    if lane_finished and lanes_open <= 0:
        session.execute(
            update(RescoreRun)
            .where(RescoreRun.id == run_id)
            .values(status="done", finished_at=at)
            .execution_options(synchronize_session=False)
        )


def waiting_run(session: Session) -> RescoreRun | None:
    """The oldest full rescore queued but not started, if any."""
    query = select(RescoreRun).where(RescoreRun.status == "queued").order_by(RescoreRun.id)
    return session.scalars(query.limit(1)).first()


def latest_runs(session: Session, limit: int = 5) -> list[RescoreRun]:
    return list(session.scalars(select(RescoreRun).order_by(RescoreRun.id.desc()).limit(limit)))
