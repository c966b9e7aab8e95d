"""Predictive scoring's JSON API (under /api/v1): model versions, activation, and a
contact's predicted probability with its factors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.core.errors import ResourceNotFound
from huddle.core.permissions import Action, require
from huddle.predictive import service
from huddle.predictive.schemas import (
    FactorRead,
    IcpDiscoveryRead,
    IcpSegmentRead,
    ModelVersionRead,
    PredictionRead,
)
from huddle.web.deps import SessionDep

router = APIRouter(tags=["predictive"])


@router.get(
    "/predictive/models",
    operation_id="predictive_models.list",
    response_model=list[ModelVersionRead],
)
def list_versions(actor: CurrentActor, session: SessionDep) -> list[ModelVersionRead]:
    """Every trained model version, newest first, with its held-out figures."""
    require(actor, Action.SCORING_EDIT)
    return [ModelVersionRead.of(v) for v in service.list_versions(session)]


@router.post(
    "/predictive/models/{version_id:int}/activate",
    operation_id="predictive_models.activate",
    response_model=ModelVersionRead,
)
def activate(actor: CurrentActor, session: SessionDep, version_id: int) -> ModelVersionRead:
    """Make this version score every contact (rescored in the background) as the
    "Predicted conversion" score model."""
    return ModelVersionRead.of(service.activate(session, version_id, actor=actor))


@router.get(
    "/contacts/{contact_id:int}/prediction",
    operation_id="predictive.contact_prediction",
    response_model=PredictionRead,
)
def contact_prediction(user: CurrentUser, session: SessionDep, contact_id: int) -> PredictionRead:
    """The active model's probability for the contact now and the factors pushing it up
    and down: for the linear model they sum with the intercept to the logit; for the
    boosted one each is the change in probability when that column takes its training
    baseline instead of the contact's value."""
    prediction = service.explain_contact(session, contact_id)
    if prediction is None:
        raise ResourceNotFound("no predictive model is active")
    explanation = prediction.explanation
    linear = explanation is not None and explanation.method == "linear"
    return PredictionRead(
        contact_id=contact_id,
        version_id=prediction.version.id,
        probability=prediction.probability,
        method=explanation.method if explanation else None,
        intercept=explanation.intercept if explanation and linear else None,
        logit=explanation.logit if explanation and linear else None,
        factors=[
            FactorRead(
                feature=f.feature,
                words=service.factor_words(prediction, f),
                value=f.value if linear else None,
                contribution=f.contribution,
            )
            for f in (explanation.factors if explanation else [])
        ],
        in_words=prediction.in_words,
    )


BestShare = Annotated[
    float, Query(gt=0, le=1, description="The share of customers counted as the best (0-1]")
]
MinSupport = Annotated[
    int, Query(ge=1, le=10000, description="Best customers a segment needs to be proposed")
]
MinLift = Annotated[
    float, Query(ge=1, le=100, description="How over-represented a segment must be (1.5: 50% more)")
]


@router.get(
    "/predictive/icp-discovery",
    operation_id="predictive.icp_discovery",
    response_model=IcpDiscoveryRead,
)
def icp_discovery(
    actor: CurrentActor,
    session: SessionDep,
    best_share: BestShare = 0.5,
    min_support: MinSupport = 3,
    min_lift: MinLift = 1.5,
) -> IcpDiscoveryRead:
    """The segments (industry, country, region, employee and revenue bands, text and
    choice custom fields) over-represented among the best customers, ranked by won deal
    value and tenure, against all accounts, with lift and support; and an ICP draft."""
    found = service.discover_icp(
        session, actor=actor, best_share=best_share, min_support=min_support, min_lift=min_lift
    )
    return IcpDiscoveryRead(
        accounts=found.accounts,
        customers=found.customers,
        best=found.best,
        best_share=best_share,
        min_support=found.min_support,
        min_lift=found.min_lift,
        skipped_small=found.skipped_small,
        segments=[
            IcpSegmentRead(
                attribute=s.attribute,
                value=s.value,
                label=s.label,
                support=s.support,
                best_share=round(s.best_share, 4),
                accounts=s.accounts,
                base_share=round(s.base_share, 4),
                lift=round(s.lift, 3),
            )
            for s in found.segments
        ],
        draft=service.icp_draft(found),
    )
