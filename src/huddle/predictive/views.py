"""Settings → Scoring → Predictive models (versions, held-out figures, lift and calibration
charts, activation), ICP discovery, the suggested rules (adopted as a rule model) and the
contact page's predicted-conversion card."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.core import clock
from huddle.core.errors import Conflict, ResourceAlreadyExists, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.predictive import service
from huddle.predictive.schemas import IcpDiscoveryQuery
from huddle.scoring import service as scoring
from huddle.web.deps import SessionDep
from huddle.web.templating import flash, render
from huddle.web.views import error_text, form_schema, page, see_other, submit

if TYPE_CHECKING:
    from huddle.auth.models import User
    from huddle.predictive.learning import Factor

router = APIRouter(include_in_schema=False)
PATH = "/settings/scoring/predictive"
# Factors shown per direction on the contact page.
FACTORS_SHOWN = 4


def _versions_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    require(request_actor(request), Action.SCORING_EDIT)
    return page(
        request,
        "predictive/models.html",
        user,
        "scoring",
        {"versions": service.list_versions(session), "error": error},
        status_code=status_code,
    )


@router.get(PATH, response_class=HTMLResponse)
def predictive_models(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _versions_page(request, session, user)


@router.post(f"{PATH}/{{version_id}}/activate", response_model=None)
def activate(request: Request, session: SessionDep, user: CurrentUser, version_id: int) -> Response:
    return submit(
        request,
        lambda: service.activate(session, version_id, actor=request_actor(request)),
        done=f"Model v{version_id} is active. Every contact is being rescored in the background.",
        then=PATH,
        refused=lambda message, status: _versions_page(
            request, session, user, error=message, status_code=status
        ),
    )


def _amount(factor: Factor) -> str:
    """A linear factor on the log-odds scale ("+0.42"); a replacement factor in points of
    probability ("+6.1 pts")."""
    if factor.shown is not None:
        return f"{factor.contribution * 100:+.1f} pts"
    return f"{factor.contribution:+.2f}"


def _suggestions_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    chosen: list[str] | None = None,
    name: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    require(request_actor(request), Action.SCORING_EDIT)
    suggestions = service.suggest_rules(session)
    return page(
        request,
        "predictive/suggestions.html",
        user,
        "scoring",
        {
            "suggestions": suggestions,
            "min_support": service.MIN_SUPPORT,
            "error": error,
            "chosen": set(chosen) if chosen is not None else None,
            "name": name if name is not None else f"Suggested rules {clock.now():%Y-%m-%d}",
        },
        status_code=status_code,
    )


@router.get(f"{PATH}/suggestions", response_class=HTMLResponse)
def suggested_rules(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    """Rule points proposed from the history, with the evidence, to adopt as a rule model."""
    return _suggestions_page(request, session, user)


@router.post(f"{PATH}/suggestions/adopt", response_model=None)
def adopt_suggestions(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()] = "",
    keys: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """The chosen suggestions become a rule model, opened in the rule builder to edit."""
    try:
        model = service.adopt_suggestions(
            session, keys or [], name=name, actor=request_actor(request)
        )
    except (Conflict, ValidationFailed, ResourceAlreadyExists) as exc:
        return _suggestions_page(
            request,
            session,
            user,
            error=error_text(exc),
            chosen=keys or [],
            name=name,
            status_code=exc.status_code,
        )
    flash(
        request,
        f"{model.name} created from {len(model.rules)} suggested rules. It is in no criteria "
        "yet: edit the points, back-test it, then use it.",
    )
    return see_other(f"/settings/scoring?edit=model-{model.id}#model-{model.id}")


@router.get("/contacts/{contact_id}/prediction", response_class=HTMLResponse)
def prediction_card(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    """The contact page's card: the active model's probability and the factors pushing it
    up and down (loaded by the page itself, beside the rule breakdown)."""
    try:
        prediction = service.explain_contact(session, contact_id)
    except Conflict as exc:  # a stored model this instance did not write
        return render(request, "predictive/_prediction.html", {"error": error_text(exc)})
    factors = prediction.explanation.factors if prediction and prediction.explanation else []
    return render(
        request,
        "predictive/_prediction.html",
        {
            "prediction": prediction,
            "up": [f for f in factors if f.contribution > 0][:FACTORS_SHOWN],
            "down": [f for f in factors if f.contribution < 0][:FACTORS_SHOWN],
            "words": service.factor_words,
            "amount": _amount,
            "user": user,
        },
    )


ICP_PATH = "/settings/scoring/icp-discovery"


@router.get(ICP_PATH, response_class=HTMLResponse)
def icp_discovery(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    best_share: str = "0.5",
    min_support: str = "3",
    min_lift: str = "1.5",
) -> HTMLResponse:
    """The segments over-represented among the best customers, and an ICP draft in the
    grading editor (saved through the ICP's own form: adopting it is saving the ICP)."""
    asked = {"best_share": best_share, "min_support": min_support, "min_lift": min_lift}
    context: dict[str, object] = {"asked": asked, "found": None, "error": None}
    try:
        query = form_schema(lambda: IcpDiscoveryQuery.model_validate(asked))
        found = service.discover_icp(session, actor=request_actor(request), **query.model_dump())
    except ValidationFailed as exc:
        context["error"] = error_text(exc)
        return page(request, "predictive/icp.html", user, "scoring", context, status_code=422)
    icp = next((p for p in scoring.list_profiles(session) if p.kind == "icp"), None)
    draft = service.icp_draft(found)
    context |= {
        "found": found,
        "icp": icp,
        "draft": json.dumps(draft, indent=2, ensure_ascii=False) if draft else "",
        "top_lift": max((s.lift for s in found.segments), default=1.0),
        "account_fields": scoring.fields_json(session, "account"),
    }
    return page(request, "predictive/icp.html", user, "scoring", context)
