"""Configuration both teams agree on: which lifecycle moves are allowed, and the reasons
sales may give when rejecting a lead."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action
from huddle.core.stages import STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.events import AllowedTransitionsChanged, RejectionReasonChanged
from huddle.lifecycle.models import AllowedTransition, RejectionReason
from huddle.lifecycle.schemas import RejectionReasonCreate


def list_allowed_transitions(session: Session) -> list[AllowedTransition]:
    return repository.list_allowed(session)


def set_allowed_transitions(
    session: Session, pairs: Iterable[tuple[str, str]], *, actor: Actor
) -> list[AllowedTransition]:
    """Replace the whole set of allowed moves with ``pairs``.

    Every stage must be a known one and a stage cannot move to itself (422, naming the
    offending entry, and nothing changes). Contacts keep their current stage.
    """
    permissions.require(actor, Action.LIFECYCLE_CONFIGURE)
    wanted: dict[tuple[str, str], None] = {}
    errors: list[FieldError] = []
    for index, (from_stage, to_stage) in enumerate(pairs):
        for field, stage in (("from_stage", from_stage), ("to_stage", to_stage)):
            if stage not in STAGES:
                errors.append(
                    FieldError(f"transitions.{index}.{field}", f"unknown stage {stage!r}")
                )
        if from_stage == to_stage:
            errors.append(
                FieldError(f"transitions.{index}.to_stage", "a stage cannot move to itself")
            )
        wanted[(from_stage, to_stage)] = None
    if errors:
        raise ValidationFailed("the allowed transitions are not valid", errors)
    current = repository.allowed_pairs(session)
    added = tuple(pair for pair in wanted if pair not in current)
    removed = tuple(sorted(current - wanted.keys()))
    if added or removed:
        repository.replace_allowed(session, add=added, remove=removed)
        publish(
            session,
            AllowedTransitionsChanged(added=added, removed=removed, at=clock.now(), actor=actor),
        )
    return repository.list_allowed(session)


def list_rejection_reasons(session: Session, *, active_only: bool = True) -> list[RejectionReason]:
    return repository.list_reasons(session, active_only=active_only)


def add_rejection_reason(
    session: Session, data: RejectionReasonCreate, *, actor: Actor
) -> RejectionReason:
    """A new reason at the end of the list; re-adding a deactivated one brings it back."""
    permissions.require(actor, Action.LIFECYCLE_CONFIGURE)
    reason = repository.find_reason(session, data.code)
    if reason is not None and reason.active:
        raise ResourceAlreadyExists(f"rejection reason {data.code!r} already exists")
    if reason is None:
        reason = RejectionReason(
            code=data.code, label=data.label, position=repository.next_reason_position(session)
        )
        session.add(reason)
    reason.label, reason.active = data.label.strip(), True
    session.flush()
    publish(
        session, RejectionReasonChanged(code=data.code, change="added", at=clock.now(), actor=actor)
    )
    return reason


def deactivate_rejection_reason(session: Session, code: str, *, actor: Actor) -> RejectionReason:
    """Hide a reason from new rejections; past rejections keep pointing at it."""
    permissions.require(actor, Action.LIFECYCLE_CONFIGURE)
    reason = repository.find_reason(session, code)
    if reason is None:
        raise ResourceNotFound(f"rejection reason {code!r} not found")
    if reason.active:
        reason.active = False
        session.flush()
        publish(
            session,
            RejectionReasonChanged(code=code, change="deactivated", at=clock.now(), actor=actor),
        )
    return reason
