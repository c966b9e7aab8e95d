"""What a person does by hand: enrol a contact, put one on a list, read the enrolments."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import Conflict
from huddle.core.permissions import Action
from huddle.workflows import repository
from huddle.workflows.models import Enrolment
from huddle.workflows.service.definitions import get_list, get_workflow
from huddle.workflows.service.enrolling import enrol, join_list


def enrol_by_hand(
    session: Session, workflow_id: int, contact_id: int, *, actor: Actor
) -> Enrolment:
    """Enrol a contact in an active workflow now, under its re-enrolment policy: 409 when
    the workflow is not active or the policy says no."""
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    found = get_workflow(session, workflow_id, actor=actor)
    contacts.get_contact(session, contact_id)
    if found.workflow.status != "active":
        raise Conflict("activate the workflow before enrolling contacts in it")
    enrolment = enrol(session, found.workflow, contact_id, reason=f"by {actor.describe()}")
    if enrolment is None:
        raise Conflict(
            "the contact is on its way through this workflow, or was enrolled "
            "before and the workflow does not enrol again yet"
        )
    return enrolment


def add_to_list_by_hand(session: Session, list_id: int, contact_id: int, *, actor: Actor) -> bool:
    permissions.require(actor, Action.WORKFLOW_MANAGE)
    get_list(session, list_id)
    return join_list(session, list_id, contact_id)


def enrolments(
    session: Session, workflow_id: int, *, actor: Actor, limit: int = 100
) -> list[Enrolment]:
    get_workflow(session, workflow_id, actor=actor)
    return list(repository.enrolments(session, workflow_id, min(max(limit, 1), 500)))
