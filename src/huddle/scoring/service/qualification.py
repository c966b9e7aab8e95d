"""MQL (and, when configured, SQL) criteria applied the moment they are met.

A contact that meets the criteria moves through ``lifecycle.service.transition_stage`` as a
rule ("MQL criteria v3") with the reason in words, so the stage history says why and a
router can subscribe to the ``StageChanged`` event that move publishes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.errors import Conflict
from huddle.lifecycle import service as lifecycle
from huddle.scoring import conditions
from huddle.scoring.models import ContactGrade, criteria_label
from huddle.scoring.repository import definitions, grades, qualification, scores, statements
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.definitions import Criteria
from huddle.scoring.repository.statements import Scope


def qualify(
    session: Session,
    scope: Scope,
    *,
    as_of: datetime,
    criteria: Sequence[Criteria] | None = None,
) -> list[int]:
    """Move the contacts in ``scope`` that meet MQL criteria (and automatic SQL criteria).
    ``criteria``: those already read (``definitions.live_definitions``)."""
    if criteria is None:
        criteria = definitions.automatic_criteria(session)
    if not criteria:
        return []
    # The criteria queries run on the connection, which does not autoflush.
    session.flush()
    moved: list[int] = []
    for each in criteria:  # MQL first, then SQL
        moved += _move_qualified(session, each, scope, as_of=as_of)
    return moved


def criteria_compiler(session: Session, as_of: datetime) -> Compiler:
    return Compiler(
        statements.dialect_of(session),
        as_of,
        score=qualification.stored_score_column,
        grade=ContactGrade.grade,
    )


def _move_qualified(
    session: Session, criteria: Criteria, scope: Scope, *, as_of: datetime
) -> list[int]:
    compiler = criteria_compiler(session, as_of)
    ids = qualification.qualifying_contacts(session, criteria, compiler, scope)
    if not ids:
        return []
    names = {model.id: model.name for model in definitions.list_models(session)}
    label = criteria_label(criteria.stage, criteria.version)
    rule = Actor("rule", label=label)
    described = conditions.describe(criteria.condition, names)
    moved = []
    for contact_id in ids:
        reason = f"met {label}: {described}{_values(session, contact_id, names)}"
        try:
            lifecycle.transition_stage(
                session, contact_id, criteria.stage, actor=rule, reason=reason[:1000]
            )
        except Conflict:
            continue  # moved by someone else in the meantime
        moved.append(contact_id)
    return moved


def _values(session: Session, contact_id: int, names: dict[int, str]) -> str:
    """The figures that met the criteria, e.g. " (Marketing engagement 72, grade A)"."""
    parts = [
        f"{names[model_id]} {round(score.points)}"
        for model_id, score in sorted(scores.stored_scores(session, contact_id).items())
        if model_id in names
    ]
    grade = grades.grade_of(session, contact_id)
    if grade is not None:
        parts.append(f"grade {grade.grade}")
    return f" ({', '.join(parts)})" if parts else ""
