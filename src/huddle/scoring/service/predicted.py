"""Score models whose values come from outside the rules: a trained model's probabilities
(the predictive domain writes them). Such a model is a score model like the others for MQL
criteria (``score.<id>``), list sorting (when primary) and the API, but rule scoring skips
it and its rules cannot be edited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from huddle.scoring.models import PREDICTIVE, ScoreModel
from huddle.scoring.repository import definitions, scores
from huddle.scoring.repository.statements import among
from huddle.scoring.service.qualification import qualify


def predicted_score_model(session: Session, *, name: str, description: str) -> ScoreModel:
    """The score model named ``name`` holding predicted values, made if missing."""
    model = definitions.model_by_name(session, name)
    if model is None:
        model = ScoreModel(name=name, version=1, rules=[], source=PREDICTIVE)
        session.add(model)
    model.description = description
    session.flush()
    return model


def write_predicted_scores(
    session: Session, model_id: int, values: Mapping[int, float], *, as_of: datetime
) -> list[int]:
    """Store each contact's value in the model (and in ``contacts.score`` when it is the
    primary model), then apply the MQL (and automatic SQL) criteria to these contacts, as
    after any score change. Returns the contacts that qualified."""
    if not values:
        return []
    scores.upsert_values(session, model_id, values, as_of)
    model = definitions.get_model(session, model_id)
    if model is not None and model.is_primary:
        scores.copy_primary_among(session, model_id, list(values))
    return qualify(session, among(list(values)), as_of=as_of)


def predicted_values(session: Session, contact_ids: Sequence[int]) -> dict[int, float] | None:
    """Each contact's value in the predicted-conversion model (0 for a contact it has not
    scored), or None when no trained model writes scores: what orders the sales queue by
    "most likely to convert"."""
    models = definitions.predicted_models(session)
    if not models:
        return None
    stored = scores.values_among(session, models[0].id, contact_ids)
    return {contact_id: stored.get(contact_id, 0.0) for contact_id in contact_ids}
