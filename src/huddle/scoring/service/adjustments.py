"""Score points given or taken outside the rules: a workflow's "add or subtract score
points" step. Each is a row (``ScoreAdjustment``) every scoring path adds to the model's
total, so a rescore keeps it and the explanation shows it with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.scoring.models import ScoreAdjustment, ScoreModel
from huddle.scoring.repository import definitions, scores
from huddle.scoring.service.rescoring import score_contacts


@dataclass(frozen=True)
class Adjusted:
    """What became of an adjustment: the model it went to, and whether it was new (False:
    one with its key was stored already, nothing more was added)."""

    model: str
    added: bool


def adjustable_model(session: Session, model_id: int | None) -> ScoreModel | None:
    """The rule model ``model_id`` (None: the primary one), or None when there is none (a
    trained model's values are probabilities: no points are added to them)."""
    models = definitions.rule_models(session)
    if model_id is None:
        return next((model for model in models if model.is_primary), None)
    return next((model for model in models if model.id == model_id), None)


def adjust_score(
    session: Session,
    contact_id: int,
    points: int,
    *,
    model: ScoreModel,
    reason: str,
    key: str,
) -> Adjusted:
    """Give ``points`` (negative: take them) to the contact in ``model``, once per ``key``,
    and score the contact again at once (it may qualify, or stop qualifying)."""
    adjustment = ScoreAdjustment(
        contact_id=contact_id,
        model_id=model.id,
        points=points,
        reason=reason[:300],
        key=key,
        at=clock.now(),
    )
    if not scores.add_adjustment(session, adjustment):
        return Adjusted(model.name, added=False)
    score_contacts(session, [contact_id])
    return Adjusted(model.name, added=True)
