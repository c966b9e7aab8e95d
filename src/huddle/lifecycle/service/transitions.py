"""Lifecycle moves of one contact: the only way a contact's stage changes.

Every move is checked against the configured ``allowed_transitions``, written as a
``StageTransition`` row (from, to, when, who, why), applied to the contact and announced
with ``StageChanged``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action
from huddle.core.stages import STAGES
from huddle.core.timefields import in_utc_range
from huddle.lifecycle import repository
from huddle.lifecycle.events import StageChanged
from huddle.lifecycle.models import StageTransition
from huddle.lifecycle.repository import StageEntry
from huddle.lifecycle.schemas import REJECTABLE

if TYPE_CHECKING:
    from huddle.contacts.models import Contact


def recorded_by(actor: Actor) -> dict[str, int | str | None]:
    """The ``by_user_id``/``by_rule`` columns of a transition made by ``actor``.

    A rule acting for a person (closing a deal moves its contacts) keeps both: the rule
    that made the move and the user whose action triggered it.
    """
    return {
        "by_user_id": actor.user_id,
        "by_rule": None if actor.kind == "user" else actor.describe(),
    }


def check_stage(stage: str, *, field: str) -> None:
    if stage not in STAGES:
        raise ValidationFailed(
            f"unknown lifecycle stage {stage!r}",
            [FieldError(field, f"unknown stage {stage!r}; one of {', '.join(STAGES)}")],
        )


def transition_stage(
    session: Session,
    contact_id: int,
    to_stage: str,
    *,
    actor: Actor,
    reason: str | None = None,
    at: datetime | None = None,
) -> StageTransition:
    """Move a contact to ``to_stage`` if the configured transitions allow it.

    Unknown stage: 422. Already there, or the move is not allowed from the contact's
    current stage: 409, naming the stages a move is allowed to. Nothing is written then.

    ``at``: the move happened then, in the past (an imported deal won last year). It is
    recorded with that date and announced to nobody: history never starts SLA clocks,
    hand-offs, notifications or webhooks.
    """
    permissions.require(actor, Action.STAGE_CHANGE)
    check_stage(to_stage, field="to_stage")
    contact = _locked_contact(session, contact_id)
    permissions.require_owned(actor, Action.STAGE_CHANGE, contact.owner_id)
    return _move(session, contact, to_stage, actor=actor, reason=reason, at=at)


def reject_lead(
    session: Session,
    contact_id: int,
    *,
    reason_code: str,
    note: str | None,
    actor: Actor,
) -> StageTransition:
    """Sales hands an MQL or SAL back to marketing: the contact goes to Recycled.

    The reason must be one of the active rejection reasons (422 otherwise, and "other"
    needs a note); a contact in any other stage cannot be rejected (409).
    """
    permissions.require(actor, Action.LEAD_REJECT)
    reason = repository.find_reason(session, reason_code)
    if reason is None or not reason.active:
        raise ValidationFailed(
            f"{reason_code!r} is not an active rejection reason",
            [FieldError("reason_code", "not an active rejection reason")],
        )
    if reason_code == "other" and not (note and note.strip()):
        raise ValidationFailed(
            "a rejection for another reason needs a note",
            [FieldError("note", "say why the lead is rejected")],
        )
    contact = _locked_contact(session, contact_id)
    permissions.require_owned(actor, Action.LEAD_REJECT, contact.owner_id)
    if contact.lifecycle_stage not in REJECTABLE:
        rejectable = " or ".join(STAGES[stage] for stage in REJECTABLE)
        raise Conflict(
            f"only {rejectable} leads can be rejected; "
            f"contact {contact_id} is in stage {contact.lifecycle_stage}"
        )
    return _move(
        session,
        contact,
        "recycled",
        actor=actor,
        reason=note.strip() if note else None,
        rejection_reason=reason_code,
    )


def stage_history(session: Session, contact_id: int) -> list[StageTransition]:
    """Every lifecycle move of the contact, oldest first."""
    contacts_service.get_contact(session, contact_id)
    return repository.history(session, contact_id)


def stage_entries(
    session: Session,
    *,
    stage: str,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[StageEntry]:
    """For funnel math: each contact that entered ``stage`` in [since, until), once, with
    the first time it did so in that window (a contact recycled and re-qualified within
    the window counts once). Ordered by that time."""
    check_stage(stage, field="stage")
    _check_window(since, until)
    return repository.first_entries(session, stage=stage, since=since, until=until)


def count_stage_entries(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, int]:
    """For every stage, how many contacts entered it in [since, until), each once: the
    funnel's flow over a period, in one query whatever the number of contacts."""
    _check_window(since, until)
    return repository.count_entries(session, stages=list(STAGES), since=since, until=until)


def _check_window(since: datetime | None, until: datetime | None) -> None:
    for field, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise ValidationFailed(
                f"{field} needs a timezone", [FieldError(field, "give a UTC offset, e.g. Z")]
            )
        if value is not None and value.utcoffset() and not _in_utc_range(value):
            raise ValidationFailed(
                f"{field} is out of range", [FieldError(field, "outside the dates Huddle stores")]
            )
    if since is not None and until is not None and until < since:
        raise ValidationFailed("empty window", [FieldError("until", "is before since")])


def _in_utc_range(value: datetime) -> bool:
    try:
        in_utc_range(value)
    except ValueError:
        return False
    return True


def _locked_contact(session: Session, contact_id: int) -> Contact:
    contact = contacts_service.get_contact(session, contact_id)
    # Two people moving the same contact at once must not both pass the check against
    # the same "from" stage: PostgreSQL locks the row (SQLite has one writer anyway).
    # Flush first: the refresh would otherwise drop a stage applied but not yet written.
    session.flush()
    session.refresh(contact, attribute_names=["lifecycle_stage"], with_for_update=True)
    return contact


def _move(
    session: Session,
    contact: Contact,
    to_stage: str,
    *,
    actor: Actor,
    reason: str | None,
    rejection_reason: str | None = None,
    at: datetime | None = None,
) -> StageTransition:
    from_stage = contact.lifecycle_stage
    if from_stage == to_stage:
        raise Conflict(f"contact {contact.id} is already in stage {STAGES[to_stage]}")
    if not repository.is_allowed(session, from_stage, to_stage):
        targets = repository.allowed_targets(session, from_stage)
        allowed = ", ".join(sorted(targets, key=list(STAGES).index)) if targets else "none"
        raise Conflict(
            f"a contact cannot move from {from_stage} to {to_stage}; "
            f"allowed from {from_stage}: {allowed}"
        )
    historical = at is not None
    at = at if at is not None else clock.now()
    transition = repository.add_transition(
        session,
        contact_id=contact.id,
        from_stage=from_stage,
        to_stage=to_stage,
        at=at,
        reason=reason,
        rejection_reason=rejection_reason,
        **recorded_by(actor),
    )
    contacts_service.apply_stage(session, contact.id, to_stage, at)
    if historical:
        return transition
    publish(
        session,
        StageChanged(
            contact_id=contact.id,
            from_stage=from_stage,
            to_stage=to_stage,
            at=at,
            actor=actor,
            reason=reason,
        ),
    )
    return transition
