"""The lifecycle's part of a contact's personal data: their stage history and deals, for
export, and scrubbing the person's details from them on erasure."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.scrub import scrub
from huddle.lifecycle import repository
from huddle.lifecycle.schemas import DealOfContact, StageTransitionRead


def contact_personal_data(session: Session, contact_id: int) -> dict[str, Any]:
    """Stage history and deals of a contact, as their read schemas."""
    return {
        "stage_history": [
            StageTransitionRead.model_validate(t) for t in repository.history(session, contact_id)
        ],
        "deal_roles": [
            DealOfContact(
                opportunity_id=deal.id,
                name=deal.name,
                role=role or ("primary contact" if deal.primary_contact_id == contact_id else None),
                pipeline_stage=deal.pipeline_stage,
                status=deal.status,
            )
            for deal, role in repository.deals_of_contact(session, contact_id)
        ],
    }


def scrub_contact(session: Session, contact_id: int, needles: tuple[str, ...]) -> None:
    """Erasure: the moves stay (the funnel counts them); the person's details in the
    reasons and in the names of their deals go."""
    for transition in repository.history(session, contact_id):
        transition.reason = scrub(transition.reason, needles)
    for deal, _role in repository.deals_of_contact(session, contact_id):
        deal.name = scrub(deal.name, needles)
        deal.lost_reason = scrub(deal.lost_reason, needles)
    session.flush()
