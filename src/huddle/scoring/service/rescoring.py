"""Keeping scores current: a few contacts at once when touches arrive (same transaction),
everyone in the background after a definition changes. Both run the same SQL per model,
so a full rescore gives exactly what incremental updates gave."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy.orm import Session

from huddle.core import clock, locks
from huddle.core.actor import Actor
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.locks import Lock
from huddle.scoring.events import ScoresUpdated
from huddle.scoring.models import RescoreRun, ScoreModel
from huddle.scoring.repository import definitions, full_rescore, runs, scores, statements
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.statements import ModelSpec, Scope
from huddle.scoring.service.grading import grade_contacts
from huddle.scoring.service.qualification import qualify

RESCORE_JOB = "scoring.rescore"
CHUNK = 50_000  # PostgreSQL, at least (``chunk_size``)
# SQLite has one writer: a chunk short enough that page views and jobs wait little for it.
SQLITE_CHUNK = 5_000
SCAN_SHARE = 4  # a chunk of at least a quarter of the contacts scans the touches table


def score_contacts(
    session: Session, contact_ids: Sequence[int], *, touch_types: Sequence[str] | None = None
) -> list[int]:
    """Recompute the scores and grades of these contacts, set-at-a-time, then move those who
    now meet the MQL criteria. Returns the contacts that qualified.

    ``touch_types``: what changed is only that touches of these types arrived. Then only
    models with a rule on one of them are recomputed, and grades (attributes only) stay.
    """
    ids = sorted(set(contact_ids))
    if not ids:
        return []
    now = clock.now()
    scope = statements.among(ids)
    if touch_types is None:
        changed = apply_models(session, scope, as_of=now)
        changed |= grade_contacts(session, scope, as_of=now)
    else:
        changed = apply_models(session, scope, as_of=now, touch_types=set(touch_types))
    return _qualify(session, scope, ids, now, changed=changed)


def _qualify(
    session: Session, scope: Scope, ids: Sequence[int], now: datetime, *, changed: bool
) -> list[int]:
    """Move who now qualifies; announce the update if anything was recomputed (with no
    models, profiles or criteria configured, a touch changes nothing here)."""
    qualified = qualify(session, scope, as_of=now)
    if changed or qualified:
        event = ScoresUpdated(contact_ids=tuple(ids), qualified=tuple(qualified), at=now)
        publish(session, event)
    return qualified


def apply_models(
    session: Session, scope: Scope, *, as_of: datetime, touch_types: set[str] | None = None
) -> bool:
    """Write every model's scores for ``scope`` (only those reacting to ``touch_types`` when
    given) and copy the primary one to ``contacts.score``. False when nothing was written.
    Without a primary model ``contacts.score`` is left alone (it may come from an import)."""
    compiler = Compiler(statements.dialect_of(session), as_of)
    primary: ScoreModel | None = None
    primary_changed, written = False, False
    for model in definitions.rule_models(session):
        spec = ModelSpec.of(model)
        if model.is_primary:
            primary = model
        if touch_types is not None and not spec.reacts_to(touch_types):
            continue
        scores.write_scores(session, spec, compiler, scope)
        primary_changed |= model.is_primary
        written = True
    if primary is not None and (touch_types is None or primary_changed):
        segmented = primary.segment is not None
        scores.copy_primary(session, primary.id, scope, segmented=segmented)
    return written


def request_rescore(session: Session, *, reason: str, actor: Actor) -> RescoreRun:
    """Queue a full rescore (committed with the change that asked for it).

    A run still waiting to start covers this change too (its first chunk reads the
    definitions as they are then), so saving a model and a profile in a row rescores a
    million contacts once, not twice."""
    waiting = runs.waiting_run(session)
    if waiting is not None:
        return waiting
    run = _new_run(session, reason, actor)
    enqueue(session, RESCORE_JOB, {"run_id": run.id})
    return run


def _new_run(session: Session, reason: str, actor: Actor) -> RescoreRun:
    run = RescoreRun(reason=f"{reason} by {actor.describe()}"[:300])
    session.add(run)
    session.flush()
    return run


def open_run(session: Session, run_id: int, *, lanes: int) -> list[Lane]:
    """Start a queued run: count its contacts and split their ids into ``lanes`` ranges,
    each to be rescored chunk by chunk (``rescore_chunk``), side by side. Nothing to do
    (an empty list) when the run has started already or there are no contacts."""
    run = runs.get_run(session, run_id)
    if run is None or run.status != "queued":
        return []
    low, high = runs.contact_id_bounds(session)
    run.status, run.started_at = "running", clock.now()
    run.contacts_total = runs.count_contacts(session)
    if high == 0:
        run.status, run.finished_at = "done", clock.now()
        return []
    ranges = split_ids(low, high, lanes)
    run.lanes_open = len(ranges)
    return ranges


class Lane(NamedTuple):
    """Contacts with ids in (after_id, until_id]; None: through the highest id there is
    when the lane gets there (contacts added during the run)."""

    after_id: int
    until_id: int | None


def split_ids(low: int, high: int, lanes: int) -> list[Lane]:
    """``lanes`` ranges of about as many ids over [low, high]; the last one open-ended."""
    span = -(-(high - low + 1) // max(1, lanes))
    starts = list(range(low - 1, high, span))
    ends: list[int | None] = [*starts[1:], None]
    return [Lane(after, until) for after, until in zip(starts, ends, strict=True)]


def rescore_chunk(
    session: Session, run_id: int, lane: Lane, *, chunk: int | None = None
) -> Lane | None:
    """Rescore the next chunk of a lane: the contacts with ids in (after_id, after_id +
    chunk]; return the rest of the lane, or None when the lane is done (the last lane
    done finishes the run). Each chunk is its own job and transaction, so progress shows
    while it runs and a restart resumes where it stopped. ``chunk``: contacts per chunk,
    by default what suits the database (``chunk_size``)."""
    # First, before any row lock: a contact deleted while the chunk writes would keep the
    # rows the chunk wrote for it (see core.locks).
    locks.hold(session, Lock.CONTACT_DELETION, shared=True)
    state = runs.run_state(session, run_id)
    if state is None or state.status != "running":
        # Finished meanwhile (by ``rescore_all``): its queued job has nothing left to do.
        return None
    until = lane.until_id if lane.until_id is not None else runs.contact_id_bounds(session)[1]
    total = max(state.contacts_total, 1)
    chunk = chunk or chunk_size(statements.dialect_of(session), total)
    end = min(lane.after_id + chunk, until)
    scope = statements.id_range(lane.after_id + 1, end)
    done = runs.count_in_range(session, lane.after_id + 1, end)
    now = clock.now()
    # A chunk with a large share of the contacts reads the whole touches table anyway.
    _rescore_models(session, scope, as_of=now, scan=chunk * SCAN_SHARE >= total)
    grade_contacts(session, scope, as_of=now)
    qualified = len(_qualify(session, scope, (), now, changed=True))
    finished = end >= until
    # Last, so that the other lanes wait for this row's lock only while this one commits.
    runs.record_progress(
        session, run_id, contacts=done, qualified=qualified, lane_finished=finished, at=clock.now()
    )
    return None if finished else Lane(end, lane.until_id)


def chunk_size(dialect: str, total: int) -> int:
    """Contacts per chunk. SQLite: few, so that a chunk's transaction, which holds the one
    write lock every request waits for, stays well under a second; its touches are read by
    the contact index. PostgreSQL blocks no reader: big chunks, each one reading the touches
    table once in order (following the index for a share of the contacts reads nearly every
    page of it anyway, one random read per touch), so a run reads it ``SCAN_SHARE`` times."""
    if dialect == "sqlite":
        return SQLITE_CHUNK
    return max(CHUNK, -(-total // SCAN_SHARE))


def _rescore_models(session: Session, scope: Scope, *, as_of: datetime, scan: bool) -> None:
    """Every model's scores for a chunk in one statement (one scan of its touches), then
    the primary copy: what ``apply_models`` gives, without reading the touches per model."""
    models = definitions.rule_models(session)
    compiler = Compiler(statements.dialect_of(session), as_of)
    specs = [ModelSpec.of(model) for model in models]
    full_rescore.write_all_scores(session, specs, compiler, scope, scan=scan)
    for spec in specs:
        scores.drop_outside_segment(session, spec, compiler, scope)
    primary = next((model for model in models if model.is_primary), None)
    if primary is not None:
        segmented = primary.segment is not None
        scores.copy_primary(session, primary.id, scope, segmented=segmented)


def rescore_all(
    session: Session, *, reason: str, actor: Actor, chunk: int | None = None
) -> RescoreRun:
    """A full rescore inside the caller's transaction (CLI, demo, tests), in
    one lane. A run waiting for the worker is done here instead, so the worker does not
    repeat it."""
    run = runs.waiting_run(session) or _new_run(session, reason, actor)
    for lane in open_run(session, run.id, lanes=1):
        rest: Lane | None = lane
        while rest is not None:
            rest = rescore_chunk(session, run.id, rest, chunk=chunk)
    # The progress went around the ORM (``record_progress``).
    session.refresh(run)
    return run


def latest_runs(session: Session) -> list[RescoreRun]:
    return runs.latest_runs(session)


def reset_behaviour(session: Session, contact_id: int, *, at: datetime, reason: str) -> None:
    """A score adjustment (a recycled lead starts again): from ``at`` on, behaviour rules
    count only later touches for this contact. Rescored at once; the explanation shows it."""
    scores.set_score_reset(session, contact_id, at, reason)
    score_contacts(session, [contact_id])
