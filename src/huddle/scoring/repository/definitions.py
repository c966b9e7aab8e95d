"""Score models, grading profiles, criteria and their versions as stored, and the live
definitions the incremental path reads in one statement."""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import CompoundSelect, Integer, Text, cast, literal, select, union_all, update
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.rawsql import Fixed
from huddle.scoring.models import (
    PREDICTIVE,
    RULES,
    GradingProfile,
    QualificationCriteria,
    ScoreModel,
    ScoringVersion,
)
from huddle.scoring.repository.condition_sql import one_of
from huddle.scoring.repository.statements import CACHE_SIZE, ModelSpec
from huddle.scoring.rules import parse_rules


def list_models(session: Session) -> list[ScoreModel]:
    return list(session.scalars(select(ScoreModel).order_by(ScoreModel.id)))


def rule_models(session: Session) -> list[ScoreModel]:
    """The models scored by their rules (not those holding a trained model's values)."""
    query = select(ScoreModel).where(ScoreModel.source == RULES).order_by(ScoreModel.id)
    return list(session.scalars(query))


def get_model(session: Session, model_id: int) -> ScoreModel | None:
    return session.get(ScoreModel, model_id)


def get_profile(session: Session, profile_id: int) -> GradingProfile | None:
    return session.get(GradingProfile, profile_id)


def predicted_models(session: Session) -> list[ScoreModel]:
    """The models holding a trained model's values, oldest first."""
    query = select(ScoreModel).where(ScoreModel.source == PREDICTIVE).order_by(ScoreModel.id)
    return list(session.scalars(query))


def model_by_name(session: Session, name: str) -> ScoreModel | None:
    return session.scalars(select(ScoreModel).where(ScoreModel.name == name)).first()


def clear_primary(session: Session, except_id: int) -> None:
    session.execute(update(ScoreModel).where(ScoreModel.id != except_id).values(is_primary=False))


def list_profiles(session: Session) -> list[GradingProfile]:
    return list(
        session.scalars(select(GradingProfile).order_by(GradingProfile.kind, GradingProfile.id))
    )


def profile_by_name(session: Session, kind: str, name: str) -> GradingProfile | None:
    return session.scalars(
        select(GradingProfile).where(GradingProfile.kind == kind, GradingProfile.name == name)
    ).first()


def criteria_for(session: Session, stage: str) -> QualificationCriteria | None:
    return session.scalars(
        select(QualificationCriteria).where(QualificationCriteria.stage == stage)
    ).first()


def add_version(
    session: Session,
    entity: str,
    entity_id: int,
    version: int,
    definition: dict[str, Any],
    by: int | None,
) -> None:
    session.add(
        ScoringVersion(
            entity=entity,
            entity_id=entity_id,
            version=version,
            definition=definition,
            by_user_id=by,
        )
    )


def criteria_saved(session: Session, criteria: QualificationCriteria) -> tuple[str | None, Any]:
    """Who saved the criteria's current version (their name; None: a system or an API
    caller without a user) and when."""
    row = session.execute(
        select(User.name, ScoringVersion.at)
        .outerjoin(User, User.id == ScoringVersion.by_user_id)
        .where(
            ScoringVersion.entity == "criteria",
            ScoringVersion.entity_id == criteria.id,
            ScoringVersion.version == criteria.version,
        )
        .order_by(ScoringVersion.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def versions(session: Session, entity: str, entity_id: int) -> list[ScoringVersion]:
    return list(
        session.scalars(
            select(ScoringVersion)
            .where(ScoringVersion.entity == entity, ScoringVersion.entity_id == entity_id)
            .order_by(ScoringVersion.version.desc())
        )
    )


# The incremental path (touches arrived) reads these for each batch of touches, down to a
# single page view or event: the definitions in one statement, parsed only when they differ
# from the last ones seen.


class Criteria(typing.NamedTuple):
    stage: str
    version: int
    condition: dict[str, Any]


@dataclass(frozen=True)
class Definitions:
    """What scoring a touch needs: every model as (spec, is primary) in id order, and the
    criteria applied automatically, MQL then SQL."""

    models: list[tuple[ModelSpec, bool]]
    criteria: list[Criteria]


_AUTOMATIC = ["mql", "sql"]
_definition_rows: CompoundSelect[Any] = union_all(
    select(
        literal("model").label("kind"),
        ScoreModel.id,
        ScoreModel.name,
        ScoreModel.is_primary,
        ScoreModel.version,
        # As stored: the rows themselves are the cache key, parsed only when new here.
        cast(ScoreModel.rules, Text).label("definition"),
        ScoreModel.half_life_days,
        cast(ScoreModel.segment, Text).label("segment"),
    ).where(ScoreModel.source == RULES),
    select(
        literal("criteria"),
        QualificationCriteria.id,
        QualificationCriteria.stage,
        QualificationCriteria.automatic,
        QualificationCriteria.version,
        cast(QualificationCriteria.condition, Text),
        literal(None, Integer),
        literal(None, Text),
    ).where(
        QualificationCriteria.automatic.is_(True), one_of(QualificationCriteria.stage, _AUTOMATIC)
    ),
)
_DEFINITIONS = Fixed(_definition_rows)


def live_definitions(session: Session) -> Definitions:
    """The models and automatic criteria as stored now, in one statement. Whatever another
    process saved is read here: the cache is keyed by the rows' whole content (rules and
    condition text included), so it can only save parsing, never serve an old rule."""
    result = _DEFINITIONS.run(session, {})
    return _parse_definitions(tuple(tuple(row) for row in result))


@lru_cache(maxsize=CACHE_SIZE)
def _parse_definitions(rows: tuple[tuple[Any, ...], ...]) -> Definitions:
    models = sorted((row for row in rows if row[0] == "model"), key=lambda row: row[1])
    criteria = sorted((row for row in rows if row[0] == "criteria"), key=lambda row: row[2])
    return Definitions(
        models=[
            (
                ModelSpec(
                    model_id,
                    name,
                    parse_rules(json.loads(rules)),
                    half_life,
                    json.loads(segment) if segment else None,
                ),
                bool(primary),
            )
            for _, model_id, name, primary, _, rules, half_life, segment in models
        ],
        criteria=[
            Criteria(stage, version, json.loads(condition))
            for _, _, stage, _, version, condition, _, _ in criteria
        ],
    )


def automatic_criteria(session: Session) -> list[Criteria]:
    """The MQL then the SQL criteria, those applied automatically."""
    return live_definitions(session).criteria
