"""Why a contact has its scores: per model, each rule with its points, when it fired and
its decayed value, and the total. Uses the same compiled rule filters as the SQL sums."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.scoring.models import ContactScore, ScoreAdjustment, ScoreModel
from huddle.scoring.repository import definitions, explanations, scores, statements
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.explanations import Occurrence, decayed
from huddle.scoring.repository.matching import matching_contacts
from huddle.scoring.repository.statements import ModelSpec
from huddle.scoring.rules import Rule, capped
from huddle.scoring.schemas import (
    AdjustmentRead,
    ContactScoresRead,
    ModelBreakdown,
    OccurrenceRead,
    RuleBreakdown,
)
from huddle.scoring.service.grading import explain_grade

RECENT = 5


def explain_scores(session: Session, contact_id: int) -> ContactScoresRead:
    """Every rule model's breakdown for the contact as of now, beside the stored totals (a
    trained model's factors are the predictive domain's explanation)."""
    contacts_service.get_contact(session, contact_id)
    now = clock.now()
    compiler = Compiler(statements.dialect_of(session), now)
    stored = scores.stored_scores(session, contact_id)
    adjustments = scores.adjustments_of(session, contact_id, now)
    models = [
        _model_breakdown(session, model, compiler, contact_id, stored.get(model.id), adjustments)
        for model in definitions.rule_models(session)
    ]
    reset = scores.score_reset(session, contact_id)
    return ContactScoresRead(
        contact_id=contact_id,
        as_of=now,
        models=models,
        grade=explain_grade(session, contact_id, as_of=now),
        reset_at=reset.reset_at if reset else None,
        reset_reason=reset.reason if reset else None,
    )


def _model_breakdown(
    session: Session,
    model: ScoreModel,
    compiler: Compiler,
    contact_id: int,
    stored: ContactScore | None,
    adjustments: list[ScoreAdjustment],
) -> ModelBreakdown:
    spec = ModelSpec.of(model)
    met = explanations.record_rules_met(session, spec.record_rules, compiler, contact_id)
    found = explanations.touch_rule_occurrences(session, spec.touch_rules, compiler, contact_id)
    rules = []
    for rule in spec.rules:
        if rule.on_touches:
            rules.append(_touch_rule(rule, found[rule.index], spec, compiler))
        else:
            rules.append(_record_rule(rule, met[rule.index], compiler))
    # Outside the segment the rules still show what they would give, but the model gives 0.
    inside = spec.segment is None or contact_id in matching_contacts(
        session, spec.segment, [contact_id], as_of=compiler.as_of
    )
    adjusted = [
        AdjustmentRead(points=a.points, reason=a.reason, at=a.at)
        for a in adjustments
        if a.model_id == model.id
    ]
    total = sum(r.decayed_points for r in rules) + sum(a.points for a in adjusted)
    return ModelBreakdown(
        model_id=model.id,
        model=model.name,
        version=model.version,
        is_primary=model.is_primary,
        total=round(total, 2) if inside else 0.0,
        in_segment=inside,
        stored_total=round(stored.points, 2) if stored else None,
        stored_at=stored.computed_at if stored else None,
        rules=rules,
        adjustments=adjusted,
    )


def _record_rule(rule: Rule, fired: bool, compiler: Compiler) -> RuleBreakdown:
    points = float(rule.points) if fired else 0.0
    return RuleBreakdown(
        rule=rule.name,
        kind=rule.kind,
        points=rule.points,
        fired=fired,
        occurrences=1 if fired else 0,
        last_fired_at=compiler.as_of if fired else None,
        raw_points=points,
        decayed_points=points,
        capped_at=None,
        recent=[],
    )


def _touch_rule(
    rule: Rule, occurrences: list[Occurrence], spec: ModelSpec, compiler: Compiler
) -> RuleBreakdown:
    half_life = spec.half_life_days if rule.decays else None
    values = [
        decayed(rule.points, (compiler.as_of - o.occurred_at).total_seconds() / 86400, half_life)
        for o in occurrences
    ]
    total = sum(values)
    kept = capped(total, rule)
    return RuleBreakdown(
        rule=rule.name,
        kind=rule.kind,
        points=rule.points,
        fired=bool(occurrences),
        occurrences=len(occurrences),
        last_fired_at=occurrences[0].occurred_at if occurrences else None,
        raw_points=float(rule.points * len(occurrences)),
        decayed_points=round(kept, 2),
        capped_at=rule.cap if kept != total else None,
        recent=[
            OccurrenceRead(
                touch_id=o.touch_id, type=o.type, occurred_at=o.occurred_at, points=round(v, 2)
            )
            for o, v in zip(occurrences[:RECENT], values, strict=False)
        ],
    )
