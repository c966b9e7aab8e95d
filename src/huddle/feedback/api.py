"""The feedback JSON API (under /api/v1): the feedback loop and its proposals, product
features, feedback items, the product report and suggested themes, with CSV exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.responses import StreamingResponse

from huddle.auth.deps import CurrentActor
from huddle.core.csvcells import csv_lines
from huddle.feedback import service
from huddle.feedback.rules import Objective
from huddle.feedback.schemas import (
    FeatureRead,
    FeatureWrite,
    FeedbackItemCreate,
    FeedbackItemRead,
    FeedbackLoopRead,
    ProductReportRead,
    ProposalCreate,
    ProposalRead,
    ProposedSla,
    ThemeConfirm,
    ThemeRead,
)
from huddle.feedback.service.loop import FEEDBACK_LOOP_CSV_HEADER, feedback_loop_csv_rows
from huddle.feedback.service.product import PRODUCT_CSV_HEADER, product_csv_rows
from huddle.web.deps import SessionDep

router = APIRouter(tags=["feedback"])

Months = Annotated[int, Query(ge=1, le=36, description="The window: the last N months")]
Stage = Annotated[
    str, Query(description="Converted means reached this stage or a later one (mql..customer)")
]
Capacity = Annotated[
    int | None,
    Query(ge=1, le=1_000_000, description="MQLs sales can take a month (default: the SLA's)"),
]
MinCount = Annotated[int, Query(ge=1, le=100_000, description="Traits held by fewer are left out")]
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The report as CSV"}
}


def _csv(lines: Iterator[str], name: str) -> StreamingResponse:
    return StreamingResponse(
        lines,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/feedback-loop", operation_id="feedback.loop", response_model=FeedbackLoopRead)
def feedback_loop(
    actor: CurrentActor,
    session: SessionDep,
    months: Months = 6,
    stage: Stage = "sql",
    capacity: Capacity = None,
    objective: Objective = Objective.CONVERTED,
    min_count: MinCount = 5,
) -> FeedbackLoopRead:
    """Which traits (fields, custom fields, touch types before converting) separate the
    contacts created in the window that converted from those that did not, ranked by lift
    with a two-proportion z-test p-value and a Wilson 95% interval; and the MQL threshold
    on the primary score the objective prefers within sales capacity."""
    return service.feedback_loop(
        session,
        actor,
        months=months,
        stage=stage,
        capacity=capacity,
        objective=objective,
        min_count=min_count,
    )


@router.get(
    "/feedback-loop.csv",
    operation_id="feedback.loop_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def feedback_loop_csv(
    actor: CurrentActor,
    session: SessionDep,
    months: Months = 6,
    stage: Stage = "sql",
    min_count: MinCount = 5,
) -> StreamingResponse:
    """The ranked traits as CSV, one line each."""
    report = service.feedback_loop(session, actor, months=months, stage=stage, min_count=min_count)
    lines = csv_lines(FEEDBACK_LOOP_CSV_HEADER, feedback_loop_csv_rows(report))
    return _csv(lines, "feedback-loop")


def _report(session: SessionDep, actor: CurrentActor, data: ProposalCreate) -> FeedbackLoopRead:
    return service.feedback_loop(
        session,
        actor,
        months=data.months,
        stage=data.stage,
        capacity=data.capacity,
        objective=data.objective,
    )


@router.get(
    "/feedback-loop/scoring-proposals",
    operation_id="feedback.list_scoring_proposals",
    response_model=list[ProposalRead],
)
def list_scoring_proposals(actor: CurrentActor, session: SessionDep) -> list[ProposalRead]:
    """The newest MQL-threshold proposals, drafts and decided ones."""
    return [ProposalRead.model_validate(p) for p in service.list_proposals(session, actor)]


@router.post(
    "/feedback-loop/scoring-proposals",
    operation_id="feedback.propose_scoring",
    response_model=ProposalRead,
    status_code=status.HTTP_201_CREATED,
)
def propose_scoring(data: ProposalCreate, actor: CurrentActor, session: SessionDep) -> ProposalRead:
    """The best threshold as a draft of the MQL criteria, for a scoring editor to apply.
    409 when there is no primary score model or no threshold fits the capacity."""
    proposal = service.propose_scoring(session, actor, _report(session, actor, data))
    return ProposalRead.model_validate(proposal)


@router.post(
    "/feedback-loop/scoring-proposals/{proposal_id}/apply",
    operation_id="feedback.apply_scoring_proposal",
    response_model=ProposalRead,
)
def apply_scoring_proposal(
    proposal_id: int, actor: CurrentActor, session: SessionDep
) -> ProposalRead:
    """A new version of the MQL criteria with the proposed threshold; everyone is rescored."""
    return ProposalRead.model_validate(service.apply_proposal(session, actor, proposal_id))


@router.post(
    "/feedback-loop/scoring-proposals/{proposal_id}/dismiss",
    operation_id="feedback.dismiss_scoring_proposal",
    response_model=ProposalRead,
)
def dismiss_scoring_proposal(
    proposal_id: int, actor: CurrentActor, session: SessionDep
) -> ProposalRead:
    return ProposalRead.model_validate(service.dismiss_proposal(session, actor, proposal_id))


@router.post(
    "/feedback-loop/sla-proposals",
    operation_id="feedback.propose_sla",
    response_model=ProposedSla,
    status_code=status.HTTP_201_CREATED,
)
def propose_sla(data: ProposalCreate, actor: CurrentActor, session: SessionDep) -> ProposedSla:
    """A draft SLA version with the MQL volume and acceptance the best threshold would have
    had, for marketing's and sales' leads to sign."""
    version_id, number = service.propose_sla(session, actor, _report(session, actor, data))
    return ProposedSla(version_id=version_id, number=number)


@router.get(
    "/product-features", operation_id="feedback.list_features", response_model=list[FeatureRead]
)
def list_features(actor: CurrentActor, session: SessionDep) -> list[FeatureRead]:
    """The managed list of product features and themes, archived ones last."""
    return [FeatureRead.model_validate(f) for f in service.list_features(session, actor)]


@router.post(
    "/product-features",
    operation_id="feedback.create_feature",
    response_model=FeatureRead,
    status_code=status.HTTP_201_CREATED,
)
def create_feature(data: FeatureWrite, actor: CurrentActor, session: SessionDep) -> FeatureRead:
    return FeatureRead.model_validate(service.create_feature(session, data, actor=actor))


@router.put(
    "/product-features/{feature_id}",
    operation_id="feedback.update_feature",
    response_model=FeatureRead,
)
def update_feature(
    feature_id: int, data: FeatureWrite, actor: CurrentActor, session: SessionDep
) -> FeatureRead:
    """Rename, describe, archive or restore a feature."""
    return FeatureRead.model_validate(
        service.update_feature(session, feature_id, data, actor=actor)
    )


@router.get(
    "/feedback-items", operation_id="feedback.list_items", response_model=list[FeedbackItemRead]
)
def list_items(
    actor: CurrentActor,
    session: SessionDep,
    opportunity_id: int | None = None,
    account_id: int | None = None,
) -> list[FeedbackItemRead]:
    """Objections and feature gaps heard on a deal, or on an account and its deals."""
    items = service.feedback_on(
        session, actor, opportunity_id=opportunity_id, account_id=account_id
    )
    return [FeedbackItemRead.model_validate(i) for i in items]


@router.post(
    "/feedback-items",
    operation_id="feedback.log",
    response_model=FeedbackItemRead,
    status_code=status.HTTP_201_CREATED,
)
def log_feedback(
    data: FeedbackItemCreate, actor: CurrentActor, session: SessionDep
) -> FeedbackItemRead:
    """Log an objection or feature gap on a deal or an account: a feature of the list, the
    prospect's words, or both."""
    return FeedbackItemRead.model_validate(service.log_feedback(session, data, actor=actor))


@router.get(
    "/product-feedback", operation_id="feedback.product_report", response_model=ProductReportRead
)
def product_report(actor: CurrentActor, session: SessionDep) -> ProductReportRead:
    """Features ranked by the open pipeline at stake, then the revenue lost, each with the
    newest quotes behind it; and lost deals' reasons."""
    return service.product_report(session, actor)


@router.get(
    "/product-feedback.csv",
    operation_id="feedback.product_report_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def product_report_csv(actor: CurrentActor, session: SessionDep) -> StreamingResponse:
    """Every quote, one line each, with its feature's figures."""
    report = service.product_report(session, actor, quotes=None)
    return _csv(csv_lines(PRODUCT_CSV_HEADER, product_csv_rows(report)), "product-feedback")


@router.get(
    "/product-feedback/themes", operation_id="feedback.themes", response_model=list[ThemeRead]
)
def themes(actor: CurrentActor, session: SessionDep) -> list[ThemeRead]:
    """Themes suggested by clustering the words of unassigned feedback, lost reasons and
    lead rejections (lexically: TF-IDF and agglomerative clustering, deterministic)."""
    return service.suggested_themes(session, actor)


@router.post(
    "/product-feedback/themes/confirm",
    operation_id="feedback.confirm_theme",
    response_model=FeatureRead,
    status_code=status.HTTP_201_CREATED,
)
def confirm_theme(data: ThemeConfirm, actor: CurrentActor, session: SessionDep) -> FeatureRead:
    """A suggested theme, named as the product manager likes, becomes a feature of the list;
    its unassigned items name it."""
    return FeatureRead.model_validate(service.confirm_theme(session, data, actor=actor))
