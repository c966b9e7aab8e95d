"""Scoring's JSON API (under /api/v1): models, profiles, criteria, back-tests, rescores,
and each contact's and account's scores with their explanation."""

from __future__ import annotations

from fastapi import APIRouter, status
from fastapi.responses import Response

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.core.errors import ResourceNotFound
from huddle.predictive import service as predictive
from huddle.scoring import service
from huddle.scoring.schemas import (
    BacktestRead,
    BacktestRequest,
    BuyingGroupRead,
    ContactScoresRead,
    CriteriaRead,
    CriteriaStage,
    CriteriaWrite,
    ProfileRead,
    ProfileWrite,
    RescoreRunRead,
    ScoreModelRead,
    ScoreModelWrite,
)
from huddle.web.deps import SessionDep

router = APIRouter(tags=["scoring"])


@router.get(
    "/scoring/models", operation_id="score_models.list", response_model=list[ScoreModelRead]
)
def list_models(user: CurrentUser, session: SessionDep) -> list[ScoreModelRead]:
    """Every score model with its current rules."""
    return [ScoreModelRead.model_validate(m) for m in service.list_models(session)]


@router.post(
    "/scoring/models",
    operation_id="score_models.create",
    response_model=ScoreModelRead,
    status_code=status.HTTP_201_CREATED,
)
def create_model(actor: CurrentActor, session: SessionDep, data: ScoreModelWrite) -> ScoreModelRead:
    """Add a model; its rules are checked (422 names the wrong rule part); rescores everyone."""
    return ScoreModelRead.model_validate(service.save_model(session, data, actor=actor))


@router.get(
    "/scoring/models/{model_id:int}", operation_id="score_models.get", response_model=ScoreModelRead
)
def get_model(user: CurrentUser, session: SessionDep, model_id: int) -> ScoreModelRead:
    """One score model."""
    return ScoreModelRead.model_validate(service.get_model(session, model_id))


@router.put(
    "/scoring/models/{model_id:int}",
    operation_id="score_models.update",
    response_model=ScoreModelRead,
)
def update_model(
    actor: CurrentActor, session: SessionDep, model_id: int, data: ScoreModelWrite
) -> ScoreModelRead:
    """Save a new version of a model; a full rescore runs in the background."""
    model = service.save_model(session, data, actor=actor, model_id=model_id)
    return ScoreModelRead.model_validate(model)


@router.delete(
    "/scoring/models/{model_id:int}",
    operation_id="score_models.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def delete_model(actor: CurrentActor, session: SessionDep, model_id: int) -> Response:
    """Remove a model and its scores."""
    service.delete_model(session, model_id, actor=actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/scoring/profiles", operation_id="profiles.list", response_model=list[ProfileRead])
def list_profiles(user: CurrentUser, session: SessionDep) -> list[ProfileRead]:
    """The ICP and the buyer personas, with weighted criteria."""
    return [ProfileRead.model_validate(p) for p in service.list_profiles(session)]


@router.post(
    "/scoring/profiles",
    operation_id="profiles.create",
    response_model=ProfileRead,
    status_code=status.HTTP_201_CREATED,
)
def create_profile(actor: CurrentActor, session: SessionDep, data: ProfileWrite) -> ProfileRead:
    """Add the ICP or a persona; grades are recomputed in the background."""
    return ProfileRead.model_validate(service.save_profile(session, data, actor=actor))


@router.put(
    "/scoring/profiles/{profile_id:int}", operation_id="profiles.update", response_model=ProfileRead
)
def update_profile(
    actor: CurrentActor, session: SessionDep, profile_id: int, data: ProfileWrite
) -> ProfileRead:
    """Save a new version of the ICP or a persona."""
    profile = service.save_profile(session, data, actor=actor, profile_id=profile_id)
    return ProfileRead.model_validate(profile)


@router.delete(
    "/scoring/profiles/{profile_id:int}",
    operation_id="profiles.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def delete_persona(actor: CurrentActor, session: SessionDep, profile_id: int) -> Response:
    """Retire a persona; contacts are graded again by the personas left. The ICP cannot be
    deleted (409): edit it."""
    service.delete_persona(session, profile_id, actor=actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/scoring/criteria/{stage}", operation_id="criteria.get", response_model=CriteriaRead)
def get_criteria(user: CurrentUser, session: SessionDep, stage: CriteriaStage) -> CriteriaRead:
    """The MQL or SQL criteria (404 when none are set)."""
    active = service.active_criteria(session, stage.value)
    if active is None:
        raise ResourceNotFound(f"no {stage} criteria yet")
    return CriteriaRead.model_validate(active)


@router.put("/scoring/criteria/{stage}", operation_id="criteria.save", response_model=CriteriaRead)
def save_criteria(
    actor: CurrentActor, session: SessionDep, stage: CriteriaStage, data: CriteriaWrite
) -> CriteriaRead:
    """Set the MQL or SQL criteria: a condition over scores, grade, stage and touches."""
    service.save_criteria(session, stage.value, data, actor=actor)
    return CriteriaRead.model_validate(service.active_criteria(session, stage.value))


@router.post("/scoring/backtest", operation_id="scoring.backtest", response_model=BacktestRead)
def backtest(actor: CurrentActor, session: SessionDep, data: BacktestRequest) -> BacktestRead:
    """What a proposed model or criteria would have done over the last N months, beside
    the current definitions' figures, and how well each separates the leads that reached
    the target (ROC AUC, PR AUC, lift by decile, precision/recall at the MQL threshold).
    Saves nothing."""
    return service.backtest(session, data, actor=actor, judge=predictive.judge_backtest)


@router.get(
    "/scoring/rescores", operation_id="scoring.rescores", response_model=list[RescoreRunRead]
)
def list_rescores(user: CurrentUser, session: SessionDep) -> list[RescoreRunRead]:
    """The latest full rescores with their progress."""
    return [RescoreRunRead.model_validate(r) for r in service.latest_runs(session)]


@router.get(
    "/contacts/{contact_id:int}/scores",
    operation_id="scoring.contact_scores",
    response_model=ContactScoresRead,
)
def contact_scores(user: CurrentUser, session: SessionDep, contact_id: int) -> ContactScoresRead:
    """Every model's score of the contact with its breakdown, and its grade with why."""
    return service.explain_scores(session, contact_id)


@router.get(
    "/accounts/{account_id:int}/scores",
    operation_id="scoring.account_scores",
    response_model=BuyingGroupRead,
)
def account_scores(user: CurrentUser, session: SessionDep, account_id: int) -> BuyingGroupRead:
    """The account's score per model (rolled up) and its buying group's engagement."""
    return service.buying_group(session, account_id)
