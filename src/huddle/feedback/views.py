"""The feedback pages: the feedback loop (/analytics/feedback-loop), the product report with
suggested themes (/analytics/product-feedback), the managed list of product features
(/settings/product-features), and logging feedback on a deal or an account. They read the
same service calls as the API, so their figures are the API's. Plain forms (POST → 303)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service as contacts_service
from huddle.core.errors import ValidationFailed
from huddle.core.stages import STAGES
from huddle.feedback import service
from huddle.feedback.rules import Objective
from huddle.feedback.schemas import (
    FeatureWrite,
    FeedbackItemCreate,
    FeedbackLoopRead,
    ProposalCreate,
    ThemeConfirm,
)
from huddle.feedback.service.loop import CONVERSION_STAGES
from huddle.lifecycle import service as lifecycle_service
from huddle.web.deps import SessionDep
from huddle.web.views import FormDataDep, FormText, error_text, form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User
    from huddle.core.actor import Actor

router = APIRouter(include_in_schema=False)
LOOP = "/analytics/feedback-loop"
REPORT = "/analytics/product-feedback"
FEATURES = "/settings/product-features"
TRAITS_SHOWN = 40
OBJECTIVES = {
    Objective.CONVERTED: "Most MQLs that converted",
    Objective.RATE: "Highest conversion rate",
}


# --- the feedback loop ---------------------------------------------------------------------


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _loop_page(
    request: Request,
    session: SessionDep,
    user: User,
    settings: ProposalCreate,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    context: dict[str, Any] = {
        "settings": settings,
        "stages": {s: STAGES[s] for s in CONVERSION_STAGES},
        "objectives": OBJECTIVES,
        "proposals": service.list_proposals(session, actor),
        "error": error,
        "query": urlencode(
            {"months": settings.months, "stage": settings.stage}
            | ({"capacity": settings.capacity} if settings.capacity else {})
        ),
        "traits_shown": TRAITS_SHOWN,
    }
    try:
        report = _report(session, actor, settings)
    except ValidationFailed as refused:
        context["error"] = error_text(refused)
        return page(request, "feedback/loop.html", user, "analytics", context, status_code=422)
    context |= {"report": report, "chart": threshold_chart(report)}
    return page(request, "feedback/loop.html", user, "analytics", context, status_code=status_code)


def threshold_chart(report: FeedbackLoopRead) -> dict[str, Any] | None:
    """Points of the threshold chart (MQLs a month, and of those converted, by threshold),
    scaled to a 600 x 200 box; None with fewer than two thresholds."""
    curve = report.curve
    if len(curve) < 2:
        return None
    width, height = 600, 200
    low, high = curve[0].threshold, curve[-1].threshold
    top = max(p.per_month for p in curve) or 1.0

    def x(value: float) -> float:
        return round((value - low) / ((high - low) or 1) * width, 1)

    def y(value: float) -> float:
        return round(height - value / top * height, 1)

    def line(values: list[float]) -> str:
        return " ".join(f"{x(p.threshold)},{y(v)}" for p, v in zip(curve, values, strict=True))

    months = report.months
    return {
        "width": width,
        "height": height,
        "top": top,
        "low": low,
        "high": high,
        "mqls": line([p.per_month for p in curve]),
        "converted": line([p.converted / months for p in curve]),
        "capacity_y": y(report.capacity) if report.capacity and report.capacity <= top else None,
        "best_x": x(report.best.threshold) if report.best else None,
    }


def _report(session: SessionDep, actor: Actor, settings: ProposalCreate) -> FeedbackLoopRead:
    """The feedback loop for the page's settings: what the page shows and a proposal is
    made from."""
    return service.feedback_loop(
        session,
        actor,
        months=settings.months,
        stage=settings.stage,
        capacity=settings.capacity,
        objective=settings.objective,
    )


def _settings(
    months: str | None, stage: str | None, capacity: str | None, objective: str | None
) -> ProposalCreate:
    return ProposalCreate(
        months=max(1, min(36, _int(months) or 6)),
        stage=stage or "sql",
        capacity=_int(capacity),
        objective=Objective(objective) if objective in set(Objective) else Objective.CONVERTED,
    )


@router.get(LOOP, response_class=HTMLResponse)
def feedback_loop_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    months: Annotated[str | None, Query()] = None,
    stage: Annotated[str | None, Query()] = None,
    capacity: Annotated[str | None, Query()] = None,
    objective: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    return _loop_page(request, session, user, _settings(months, stage, capacity, objective))


def _on_loop(
    request: Request,
    session: SessionDep,
    user: User,
    settings: ProposalCreate,
    change: Callable[[], object],
    *,
    done: str | Callable[[], str],
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _loop_page(request, session, user, settings, error=message, status_code=status_code)

    then = f"{LOOP}?{urlencode(settings.model_dump(mode='json', exclude_none=True))}"
    return submit(request, change, done=done, then=then, refused=refused)


@router.post(f"{LOOP}/scoring-proposals", response_model=None)
def propose_scoring(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    months: FormText = "",
    stage: FormText = "",
    capacity: FormText = "",
    objective: FormText = "",
) -> Response:
    settings = _settings(months, stage, capacity, objective)
    actor = request_actor(request)

    def change() -> None:
        report = _report(session, actor, settings)
        service.propose_scoring(session, actor, report)

    return _on_loop(
        request,
        session,
        user,
        settings,
        change,
        done="Proposed as a draft of the MQL criteria: a scoring editor applies it.",
    )


@router.post(f"{LOOP}/sla-proposals", response_model=None)
def propose_sla(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    months: FormText = "",
    stage: FormText = "",
    capacity: FormText = "",
    objective: FormText = "",
) -> Response:
    settings = _settings(months, stage, capacity, objective)
    actor = request_actor(request)
    made: list[int] = []

    def change() -> None:
        report = _report(session, actor, settings)
        made.append(service.propose_sla(session, actor, report)[1])

    return _on_loop(
        request,
        session,
        user,
        settings,
        change,
        done=lambda: f"SLA v{made[0]} drafted: both leads sign it on the SLA page.",
    )


def _decide(
    request: Request, session: SessionDep, user: User, change: Callable[[], object], done: str
) -> Response:
    return _on_loop(request, session, user, _settings(None, None, None, None), change, done=done)


@router.post(LOOP + "/scoring-proposals/{proposal_id}/apply", response_model=None)
def apply_proposal(
    request: Request, session: SessionDep, user: CurrentUser, proposal_id: int
) -> Response:
    return _decide(
        request,
        session,
        user,
        lambda: service.apply_proposal(session, request_actor(request), proposal_id),
        "Applied: a new version of the MQL criteria; everyone is being rescored.",
    )


@router.post(LOOP + "/scoring-proposals/{proposal_id}/dismiss", response_model=None)
def dismiss_proposal(
    request: Request, session: SessionDep, user: CurrentUser, proposal_id: int
) -> Response:
    return _decide(
        request,
        session,
        user,
        lambda: service.dismiss_proposal(session, request_actor(request), proposal_id),
        "Proposal dismissed.",
    )


# --- the product report --------------------------------------------------------------------


def _report_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    report = service.product_report(session, actor)
    charted = [r for r in report.features if r.open_pipeline or r.revenue_lost][:10]
    return page(
        request,
        "feedback/report.html",
        user,
        "analytics",
        {
            "report": report,
            "charted": charted,
            "top": max((max(r.open_pipeline, r.revenue_lost) for r in charted), default=0.0),
            "themes": service.suggested_themes(session, actor),
            "error": error,
        },
        status_code=status_code,
    )


@router.get(REPORT, response_class=HTMLResponse)
def product_report_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _report_page(request, session, user)


@router.post(REPORT + "/themes", response_model=None)
def confirm_theme(
    request: Request, session: SessionDep, user: CurrentUser, form: FormDataDep
) -> Response:
    name, description = str(form.get("name", "")), str(form.get("description", ""))
    item_ids = [int(str(v)) for v in form.getlist("item_ids") if str(v).isdigit()]

    def change() -> None:
        data = form_schema(
            lambda: ThemeConfirm(name=name, description=description, item_ids=item_ids)
        )
        service.confirm_theme(session, data, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _report_page(request, session, user, error=message, status_code=status_code)

    return submit(
        request, change, done=f"“{name.strip()}” is a feature now.", then=REPORT, refused=refused
    )


# --- the managed list of features ----------------------------------------------------------


def _features_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    return page(
        request,
        "feedback/features.html",
        user,
        "product_features",
        {"features": service.list_features(session, actor), "error": error},
        status_code=status_code,
    )


@router.get(FEATURES, response_class=HTMLResponse)
def features_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _features_page(request, session, user)


def _on_features(
    request: Request, session: SessionDep, user: User, change: Callable[[], object], done: str
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _features_page(request, session, user, error=message, status_code=status_code)

    return submit(request, change, done=done, then=FEATURES, refused=refused)


@router.post(FEATURES, response_model=None)
def create_feature(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    description: FormText = "",
) -> Response:
    def change() -> None:
        data = form_schema(lambda: FeatureWrite(name=name, description=description))
        service.create_feature(session, data, actor=request_actor(request))

    return _on_features(request, session, user, change, f"“{name.strip()}” added.")


@router.post(FEATURES + "/{feature_id}", response_model=None)
def update_feature(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    feature_id: int,
    name: FormText = "",
    description: FormText = "",
    archived: FormText = "",
) -> Response:
    def change() -> None:
        data = form_schema(
            lambda: FeatureWrite(name=name, description=description, archived=archived == "on")
        )
        service.update_feature(session, feature_id, data, actor=request_actor(request))

    return _on_features(request, session, user, change, f"“{name.strip()}” saved.")


# --- logging feedback on a deal or an account -----------------------------------------------


def _log_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    opportunity_id: int | None = None,
    account_id: int | None = None,
    draft: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    deal = None
    if opportunity_id is not None:
        deal = lifecycle_service.get_opportunity(session, opportunity_id)
        account_id = deal.account_id
    assert account_id is not None
    account = contacts_service.get_account(session, account_id)
    features = service.list_features(session, actor)
    return page(
        request,
        "feedback/log.html",
        user,
        "opportunities" if deal else "accounts",
        {
            "deal": deal,
            "account": account,
            "features": [f for f in features if not f.archived],
            "feature_names": {f.id: f.name for f in features},
            "items": service.feedback_on(
                session, actor, opportunity_id=opportunity_id, account_id=account_id
            ),
            "action": f"/opportunities/{deal.id}/feedback"
            if deal
            else f"/accounts/{account_id}/feedback",
            "draft": draft or {},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/opportunities/{opportunity_id}/feedback", response_class=HTMLResponse)
def deal_feedback_page(
    request: Request, session: SessionDep, user: CurrentUser, opportunity_id: int
) -> HTMLResponse:
    return _log_page(request, session, user, opportunity_id=opportunity_id)


@router.get("/accounts/{account_id}/feedback", response_class=HTMLResponse)
def account_feedback_page(
    request: Request, session: SessionDep, user: CurrentUser, account_id: int
) -> HTMLResponse:
    return _log_page(request, session, user, account_id=account_id)


def _log(
    request: Request,
    session: SessionDep,
    user: User,
    draft: dict[str, str],
    *,
    opportunity_id: int | None = None,
    account_id: int | None = None,
) -> Response:
    def change() -> None:
        data = form_schema(
            lambda: FeedbackItemCreate.model_validate(
                {
                    "kind": draft["kind"],
                    "feature_id": _int(draft["feature_id"]),
                    "opportunity_id": opportunity_id,
                    "account_id": account_id,
                    "quote": draft["quote"],
                }
            )
        )
        service.log_feedback(session, data, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _log_page(
            request,
            session,
            user,
            opportunity_id=opportunity_id,
            account_id=account_id,
            draft=draft,
            error=message,
            status_code=status_code,
        )

    then = (
        f"/opportunities/{opportunity_id}/feedback"
        if opportunity_id is not None
        else f"/accounts/{account_id}/feedback"
    )
    return submit(request, change, done="Feedback logged.", then=then, refused=refused)


@router.post("/opportunities/{opportunity_id}/feedback", response_model=None)
def log_deal_feedback(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    opportunity_id: int,
    kind: FormText = "",
    feature_id: FormText = "",
    quote: FormText = "",
) -> Response:
    draft = {"kind": kind, "feature_id": feature_id, "quote": quote}
    return _log(request, session, user, draft, opportunity_id=opportunity_id)


@router.post("/accounts/{account_id}/feedback", response_model=None)
def log_account_feedback(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    account_id: int,
    kind: FormText = "",
    feature_id: FormText = "",
    quote: FormText = "",
) -> Response:
    draft = {"kind": kind, "feature_id": feature_id, "quote": quote}
    return _log(request, session, user, draft, account_id=account_id)
