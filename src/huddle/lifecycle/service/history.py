"""History brought from another CRM: stage moves that happened before Huddle knew them.

An import's stage dates (HubSpot's "Became a … Date", Salesforce's created and converted
dates) and ``POST /contacts/{id}/history`` record each move with the date it happened, in
order, marked with where it came from (``source``). They are the past: recording them
publishes no ``StageChanged``, so no SLA clock starts, no lead is routed or handed off,
nobody is notified and no workflow enrols anyone for a move made months ago. They are not
checked against the allowed moves either: the configuration governs moves made in Huddle,
and the other CRM's history happened whatever it says. What the present makes of the
contacts (scores, MQL criteria) is evaluated as of now by the subscribers of the contact
events the import publishes once the history is in place.

Recording is idempotent: a move already recorded for a contact (same stage, same moment)
is not added again, so importing the same file twice adds nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.service import ContactHistory, PastMove, in_order
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action
from huddle.core.stages import STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.events import StageHistoryRewritten
from huddle.lifecycle.models import StageTransition
from huddle.lifecycle.service.transitions import recorded_by

# An import chunk's contacts bring five moves each: inserted a few statements a chunk, so
# that what is held for a statement (its rows, their columns converted) stays small.
_ROWS_PER_STATEMENT = 20_000
# Each row's own columns; who recorded the moves and their source are every row's.
_COLUMNS = ("contact_id", "from_stage", "to_stage", "at", "reason")
# The reason of a move whose date the source did not give (see ``PastMove.dated``).
UNDATED = "the source gives no date for this stage: recorded at the latest date it gives"


def record_history(
    session: Session, histories: list[ContactHistory], *, actor: Actor, source: str | None
) -> list[int]:
    """Record the moves of each history not yet recorded, set-at-a-time, and set each
    contact that existed before to the stage its history ends in, unless it made a later
    move (the latest dated stage is the current one; new contacts were created in it).
    Returns those existing contacts whose stage changed. Publishes no stage change: only
    ``StageHistoryRewritten`` where an import's placeholder move gave way to the dates."""
    by = recorded_by(actor)
    existing = [h.contact_id for h in histories if h.stage_before is not None]
    _replace_placeholders(session, histories)
    known = repository.recorded_moves(session, existing) if existing else set()
    rows: list[tuple[Any, ...]] = []
    shared = {**by, "rejection_reason": None, "source": source}
    recorded = _recorded_by_contact(known)
    moves = sum(len(history.moves) for history in histories)
    with repository.transitions_inserted_together(session, moves):
        for history in histories:
            contact_id, earlier = history.contact_id, recorded.get(history.contact_id)
            if earlier is None:
                # The common case (a contact the import created): each move from the last.
                previous: str | None = None
                for move in history.moves:
                    reason = None if move.dated else UNDATED
                    rows.append((contact_id, previous, move.stage, move.at, reason))
                    previous = move.stage
            else:
                for before, move in _new_moves(history.moves, earlier):
                    reason = None if move.dated else UNDATED
                    rows.append((contact_id, before, move.stage, move.at, reason))
            if len(rows) >= _ROWS_PER_STATEMENT:
                repository.insert_transition_rows(session, _COLUMNS, rows, shared=shared)
                rows = []
        repository.insert_transition_rows(session, _COLUMNS, rows, shared=shared)
    changed = _restaged(histories, known)
    contacts_service.apply_stages(session, changed)
    return [contact_id for contact_id, _, _ in changed]


def _replace_placeholders(session: Session, histories: list[ContactHistory]) -> None:
    """Take out the history of contacts an import created with no stage dates (their one
    move, undated, at their created date: a Salesforce Contact export's) where these
    histories date their stages: the file's dates take its place, so that importing the
    contacts then the leads ends where the leads then the contacts does."""
    dated = [
        h.contact_id
        for h in histories
        if h.stage_before is not None and any(move.dated for move in h.moves)
    ]
    if not dated:
        return
    placeholders = repository.placeholder_moves(session, dated, reason=UNDATED)
    if placeholders:
        repository.delete_transitions(session, sorted(placeholders.values()))
        publish(session, StageHistoryRewritten(contact_ids=tuple(sorted(placeholders))))


def _recorded_by_contact(
    known: set[tuple[int, str, datetime]],
) -> dict[int, list[tuple[datetime, str]]]:
    """Each contact's recorded moves as (at, stage), oldest first."""
    recorded: dict[int, list[tuple[datetime, str]]] = {}
    for contact_id, stage, at in known:
        recorded.setdefault(contact_id, []).append((at, stage))
    for moves in recorded.values():
        moves.sort(key=lambda move: move[0])
    return recorded


def _new_moves(
    moves: tuple[PastMove, ...], recorded: list[tuple[datetime, str]]
) -> list[tuple[str | None, PastMove]]:
    """The moves not recorded yet, each with the stage the contact was in just before it:
    the one the file gives before it, or the one already recorded before it (a second file
    that dates a contact's Customer move after a first one dated its MQL move: MQL →
    Customer, not nothing → Customer)."""
    done = set(recorded)
    # Recorded moves sort before new ones at the same moment; the file's order is kept.
    timeline = sorted(
        [(at, 0, stage, None) for at, stage in recorded]
        + [(move.at, 1, move.stage, move) for move in moves],
        key=lambda entry: (entry[0], entry[1]),
    )
    new: list[tuple[str | None, PastMove]] = []
    previous: str | None = None
    for at, _, stage, move in timeline:
        if move is not None and (at, stage) not in done:
            new.append((previous, move))
        previous = stage
    return new


def _restaged(
    histories: list[ContactHistory], known: set[tuple[int, str, datetime]]
) -> list[tuple[int, str, datetime]]:
    """(contact, stage, since) of each existing contact whose history ends later than its
    latest recorded move, in another stage; or at the same moment with a move new to it
    (a stage the file names without dating it, recorded after the dated ones): the
    history's last row and the contact's stage always agree."""
    # When each existing contact made its latest recorded move: a history ending earlier
    # leaves the stage it moved to since.
    latest: dict[int, datetime] = {}
    for contact_id, _, at in known:
        latest[contact_id] = max(at, latest.get(contact_id, at))
    changed: list[tuple[int, str, datetime]] = []
    for history in histories:
        last = history.moves[-1] if history.moves else None
        if last is None or history.stage_before in (None, last.stage):
            continue
        moved_last = latest.get(history.contact_id)
        new_last = (history.contact_id, last.stage, last.at) not in known
        if moved_last is None or last.at > moved_last or (last.at == moved_last and new_last):
            changed.append((history.contact_id, last.stage, last.at))
    return changed


def import_contact_history(
    session: Session,
    contact_id: int,
    *,
    created_at: datetime | None,
    stages: list[tuple[str, datetime]],
    source: str | None,
    actor: Actor,
) -> list[StageTransition]:
    """The API's door to what an import does with a row's dates: the contact's created
    date and the stages it entered, when (in any order). Importers only (it rewrites the
    past). Unknown stages and dates in the future are refused (422, naming the item);
    moves already recorded are not added again. Returns the contact's whole history."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    contact = contacts_service.get_contact(session, contact_id)
    _check(created_at, stages)
    moves = in_order([PastMove(stage, at) for stage, at in stages])
    history = ContactHistory(contact.id, moves, stage_before=contact.lifecycle_stage)
    record_history(session, [history], actor=actor, source=source or actor.describe())
    if created_at is not None:
        contacts_service.set_created_dates(session, [(contact.id, created_at)])
    session.expire(contact)
    return repository.history(session, contact.id)


def _check(created_at: datetime | None, stages: list[tuple[str, datetime]]) -> None:
    now = clock.now()
    problems = [
        FieldError(f"stages.{index}.stage", f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
        for index, (stage, _) in enumerate(stages)
        if stage not in STAGES
    ]
    problems += [
        FieldError(f"stages.{index}.at", "is in the future: history is what already happened")
        for index, (_, at) in enumerate(stages)
        if at > now
    ]
    if created_at is not None and created_at > now:
        problems.append(FieldError("created_at", "is in the future"))
    if problems:
        raise ValidationFailed("the history cannot be recorded; nothing was changed", problems)
