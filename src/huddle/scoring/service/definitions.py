"""Saving score models, grading profiles and qualification criteria: validated, versioned,
announced, and followed by a full rescore in the background."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import (
    Conflict,
    FieldError,
    ResourceAlreadyExists,
    ResourceNotFound,
    ValidationFailed,
)
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.scoring import conditions
from huddle.scoring.events import ScoringDefinitionSaved
from huddle.scoring.models import (
    CRITERIA_STAGES,
    RULES,
    GradingProfile,
    QualificationCriteria,
    ScoreModel,
    criteria_label,
)
from huddle.scoring.repository import definitions, grades, scores
from huddle.scoring.rules import check_rollup, check_rules
from huddle.scoring.schemas import CriteriaWrite, ProfileWrite, ScoreModelWrite
from huddle.scoring.service.rescoring import request_rescore

MAX_CRITERIA = 50


def _refuse(errors: list[FieldError], what: str) -> None:
    if errors:
        raise ValidationFailed(f"the {what} has {len(errors)} problem(s)", errors[:50])


def record_context(
    session: Session, base: conditions.Context = conditions.RECORD
) -> conditions.Context:
    """``base`` with the custom fields defined now: a rule may test ``contact.custom.<key>``
    with the operators its type allows."""
    return base.with_custom(contacts_service.custom_field_kinds(session))


def check_model(session: Session, data: ScoreModelWrite) -> None:
    """422 naming each wrong rule, field, operator, regex or segment; nothing is saved then."""
    context = record_context(session)
    errors = check_rules(data.rules, context=context) + check_rollup(data.account_rollup)
    if data.segment is not None:
        errors += conditions.check(data.segment, context, "segment")
    _refuse(errors, "score model")


def list_models(session: Session) -> list[ScoreModel]:
    return definitions.list_models(session)


def get_model(session: Session, model_id: int) -> ScoreModel:
    model = definitions.get_model(session, model_id)
    if model is None:
        raise ResourceNotFound(f"no score model with id {model_id}")
    return model


def save_model(
    session: Session, data: ScoreModelWrite, *, actor: Actor, model_id: int | None = None
) -> ScoreModel:
    """Create a model (``model_id`` None) or give an existing one a new version. A change of
    rules, half-life or primary flag rescores every contact in the background."""
    require(actor, Action.SCORING_EDIT)
    check_model(session, data)
    same_name = definitions.model_by_name(session, data.name)
    if same_name is not None and same_name.id != model_id:
        raise ResourceAlreadyExists(f"a score model named {data.name!r} exists")
    if model_id is None:
        model = ScoreModel(version=1)
        session.add(model)
    else:
        model = get_model(session, model_id)
        if model.source != RULES:
            raise Conflict(f"{model.name!r} holds a trained model's values: it has no rules")
        if _model_unchanged(model, data):
            return model
        model.version += 1
    model.name, model.description = data.name, data.description
    model.rules, model.half_life_days = list(data.rules), data.half_life_days
    model.account_rollup, model.is_primary = dict(data.account_rollup), data.is_primary
    model.segment = data.segment
    session.flush()
    if data.is_primary:
        definitions.clear_primary(session, model.id)
    definition = data.model_dump(mode="json")
    _record_version(session, "model", model.id, model.version, definition, actor)
    request_rescore(session, reason=f"{model.name} v{model.version} saved", actor=actor)
    return model


def _model_unchanged(model: ScoreModel, data: ScoreModelWrite) -> bool:
    """A PUT that says what the model says already: no new version, no rescore."""
    return (model.name, model.description, model.rules, model.half_life_days) == (
        data.name,
        data.description,
        list(data.rules),
        data.half_life_days,
    ) and (model.account_rollup, model.is_primary, model.segment) == (
        dict(data.account_rollup),
        data.is_primary,
        data.segment,
    )


def delete_model(session: Session, model_id: int, *, actor: Actor) -> None:
    require(actor, Action.SCORING_EDIT)
    model = get_model(session, model_id)
    scores.drop_model_scores(session, model.id)
    _retire(session, model, "model", reason=f"{model.name} deleted", actor=actor)


def list_profiles(session: Session) -> list[GradingProfile]:
    return definitions.list_profiles(session)


def save_profile(
    session: Session, data: ProfileWrite, *, actor: Actor, profile_id: int | None = None
) -> GradingProfile:
    """The ICP (one, account criteria) or a persona (contact criteria), each with weights."""
    require(actor, Action.SCORING_EDIT)
    _refuse(_check_profile(session, data), "profile")
    same = definitions.profile_by_name(session, data.kind, data.name)
    if same is not None and same.id != profile_id:
        raise ResourceAlreadyExists(f"a {data.kind} named {data.name!r} exists")
    if (
        data.kind == "icp"
        and profile_id is None
        and any(p.kind == "icp" for p in definitions.list_profiles(session))
    ):
        raise ResourceAlreadyExists("there is one ICP; edit it instead")
    if profile_id is None:
        profile = GradingProfile(kind=data.kind, version=1)
        session.add(profile)
    else:
        profile = definitions.get_profile(session, profile_id) or _missing("profile", profile_id)
        if (profile.kind, profile.name, profile.criteria) == (
            data.kind,
            data.name,
            list(data.criteria),
        ):
            return profile  # unchanged: no new version, no rescore
        profile.version += 1
    profile.name, profile.criteria = data.name, list(data.criteria)
    session.flush()
    _record_version(
        session, "profile", profile.id, profile.version, data.model_dump(mode="json"), actor
    )
    request_rescore(
        session, reason=f"{data.kind} {data.name} v{profile.version} saved", actor=actor
    )
    return profile


def delete_persona(session: Session, profile_id: int, *, actor: Actor) -> None:
    """Retire a persona: contacts graded by it lose it at once (nobody reads a grade that
    names a profile gone, or a new one given its id), and the queued rescore grades them by
    the personas left. The ICP is edited, not deleted: it is the account half of a grade."""
    require(actor, Action.SCORING_EDIT)
    profile = definitions.get_profile(session, profile_id) or _missing("profile", profile_id)
    if profile.kind != "persona":
        raise Conflict("the ICP is edited, not deleted: grades need its account half")
    grades.forget_persona(session, profile.id)
    _retire(session, profile, "profile", reason=f"persona {profile.name} deleted", actor=actor)


def _retire(
    session: Session,
    definition: ScoreModel | GradingProfile,
    entity: str,
    *,
    reason: str,
    actor: Actor,
) -> None:
    """A model or profile goes: announced as its version 0, every contact rescored."""
    entity_id = definition.id
    session.delete(definition)
    session.flush()
    publish(
        session,
        ScoringDefinitionSaved(
            entity=entity, entity_id=entity_id, version=0, at=clock.now(), actor=actor
        ),
    )
    request_rescore(session, reason=reason, actor=actor)


def _check_profile(session: Session, data: ProfileWrite) -> list[FieldError]:
    return check_profile_criteria(session, data.kind, data.criteria)


def check_profile_criteria(session: Session, kind: str, criteria: Any) -> list[FieldError]:
    """Every problem of an ICP's (``kind`` "icp": account fields) or a persona's (contact
    fields) weighted criteria, each naming the criterion and the part that is wrong."""
    if not isinstance(criteria, list) or not criteria:
        return [FieldError("criteria", "give at least one criterion")]
    if len(criteria) > MAX_CRITERIA:
        return [FieldError("criteria", f"at most {MAX_CRITERIA} criteria")]
    errors: list[FieldError] = []
    prefix = "account." if kind == "icp" else "contact."
    context = record_context(
        session,
        conditions.Context(
            {k: v for k, v in conditions.RECORD_FIELDS.items() if k.startswith(prefix)}
        ),
    )
    for i, criterion in enumerate(criteria):
        path = f"criteria.{i}"
        if not isinstance(criterion, dict):
            errors.append(FieldError(path, "give {label, weight, when}"))
            continue
        if not isinstance(criterion.get("label"), str) or not criterion["label"].strip():
            errors.append(FieldError(f"{path}.label", "give a label"))
        weight = criterion.get("weight")
        if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 100:
            errors.append(FieldError(f"{path}.weight", "a whole number from 1 to 100"))
        if kind == "persona" and "title_like" in criterion:
            errors += _check_title_like(criterion, path)
        else:
            errors += conditions.check(criterion.get("when"), context, f"{path}.when")
    return errors


def _check_title_like(criterion: dict[str, Any], path: str) -> list[FieldError]:
    """A persona's title criterion: an example title, and no condition beside it."""
    title = criterion["title_like"]
    if "when" in criterion:
        return [FieldError(f"{path}.when", "give either when or title_like, not both")]
    if not isinstance(title, str) or not title.strip() or len(title) > 200:
        return [FieldError(f"{path}.title_like", "an example job title (1 to 200 characters)")]
    return []


def get_criteria(session: Session, stage: str) -> QualificationCriteria | None:
    _check_stage(stage)
    return definitions.criteria_for(session, stage)


def score_names(session: Session) -> dict[int, str]:
    return {model.id: model.name for model in definitions.list_models(session)}


def check_criteria(session: Session, condition: Any, path: str = "condition") -> None:
    context = record_context(session, conditions.criteria_context(score_names(session)))
    _refuse(conditions.check(condition, context, path), "criteria")


def save_criteria(
    session: Session, stage: str, data: CriteriaWrite, *, actor: Actor
) -> QualificationCriteria:
    """MQL (moves automatically) or SQL criteria (automatic only when configured so)."""
    require(actor, Action.SCORING_EDIT)
    _check_stage(stage)
    check_criteria(session, data.condition)
    criteria = definitions.criteria_for(session, stage)
    if criteria is None:
        criteria = QualificationCriteria(stage=stage, version=1)
        session.add(criteria)
    else:
        if (criteria.condition, criteria.automatic) == (dict(data.condition), data.automatic):
            return criteria  # unchanged: no new version, no rescore
        criteria.version += 1
    criteria.condition, criteria.automatic = dict(data.condition), data.automatic
    session.flush()
    _record_version(
        session, "criteria", criteria.id, criteria.version, data.model_dump(mode="json"), actor
    )
    request_rescore(
        session, reason=f"{stage.upper()} criteria v{criteria.version} saved", actor=actor
    )
    return criteria


def describe_criteria(session: Session, criteria: QualificationCriteria) -> str:
    return conditions.describe(criteria.condition, score_names(session))


@dataclass(frozen=True)
class ActiveCriteria:
    """The criteria in force, as every page and the API name them."""

    stage: str
    version: int
    label: str
    condition: dict[str, Any]
    automatic: bool
    description: str
    saved_by: str | None
    saved_at: datetime | None


def active_criteria(session: Session, stage: str) -> ActiveCriteria | None:
    """The MQL (or SQL) criteria applied now, with who saved this version and when;
    None when there are none (contacts then move to the stage only by hand)."""
    criteria = get_criteria(session, stage)
    if criteria is None:
        return None
    saved_by, saved_at = definitions.criteria_saved(session, criteria)
    return ActiveCriteria(
        stage=criteria.stage,
        version=criteria.version,
        label=criteria_label(criteria.stage, criteria.version),
        condition=dict(criteria.condition),
        automatic=criteria.automatic,
        description=describe_criteria(session, criteria),
        saved_by=saved_by,
        saved_at=saved_at,
    )


def _check_stage(stage: str) -> None:
    if stage not in CRITERIA_STAGES:
        raise ResourceNotFound(f"no criteria for stage {stage!r}; one of mql, sql")


def _missing(what: str, ident: int) -> Any:
    raise ResourceNotFound(f"no {what} with id {ident}")


def _record_version(
    session: Session,
    entity: str,
    entity_id: int,
    version: int,
    definition: dict[str, Any],
    actor: Actor,
) -> None:
    definitions.add_version(session, entity, entity_id, version, definition, actor.user_id)
    publish(
        session,
        ScoringDefinitionSaved(
            entity=entity, entity_id=entity_id, version=version, at=clock.now(), actor=actor
        ),
    )
