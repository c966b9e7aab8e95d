"""Score models, profiles and criteria for scoring tests, saved through the real services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.contacts.service import TouchRow
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.scoring import service
from huddle.scoring.models import GradingProfile, ScoreModel
from huddle.scoring.schemas import CriteriaWrite, ProfileWrite, ScoreModelWrite


def make_model(session: Session, rules: list[dict[str, Any]], **overrides: Any) -> ScoreModel:
    data: dict[str, Any] = {
        "name": f"Model {len(service.list_models(session)) + 1}",
        "rules": rules,
    }
    data.update(overrides)
    return service.save_model(session, ScoreModelWrite(**data), actor=SYSTEM)


def make_profile(
    session: Session, kind: str, name: str, criteria: list[dict[str, Any]]
) -> GradingProfile:
    return service.save_profile(
        session, ProfileWrite(kind=kind, name=name, criteria=criteria), actor=SYSTEM
    )


def set_mql(session: Session, condition: dict[str, Any]) -> None:
    service.save_criteria(session, "mql", CriteriaWrite(condition=condition), actor=SYSTEM)


def touch(
    session: Session,
    contact: Contact,
    kind: str = "page_view",
    *,
    at: datetime | None = None,
    **properties: Any,
) -> None:
    """A touch through the shared record's batch path (publishes ``TouchesRecorded``)."""
    contacts_service.record_touches(
        session,
        [
            TouchRow(
                type=kind,
                occurred_at=at or clock.now(),
                contact_id=contact.id,
                properties=properties,
            )
        ],
        actor=SYSTEM,
    )


def points(session: Session, contact: Contact, model: ScoreModel) -> float:
    stored = {m.model_id: m for m in service.explain_scores(session, contact.id).models}
    return stored[model.id].stored_total or 0.0
