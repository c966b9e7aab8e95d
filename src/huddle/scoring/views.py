"""Settings → Scoring (models and their rules, criteria, grading profiles, back-tests,
rescore progress) and the score breakdown card on the contact page."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.errors import Conflict, FieldError, ValidationFailed
from huddle.predictive import service as predictive
from huddle.scoring import conditions, service
from huddle.scoring.rules import RULE_KINDS
from huddle.scoring.schemas import (
    BacktestRead,
    BacktestRequest,
    CriteriaWrite,
    ProfileWrite,
    ScoreModelWrite,
)
from huddle.tracking import service as tracking
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import error_text, form_schema, json_field, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
T = TypeVar("T")
PATH = "/settings/scoring"


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _model_data(
    name: str, rules: str, half_life_days: str, is_primary: str | None, rollup: str, segment: str
) -> ScoreModelWrite:
    half_life = half_life_days.strip()
    if half_life and not half_life.isdigit():
        raise ValidationFailed(
            "bad half-life", [FieldError("half_life_days", "a whole number of days")]
        )
    return form_schema(
        lambda: ScoreModelWrite(
            name=name.strip(),
            rules=json_field(rules, "rules") or [],
            half_life_days=int(half_life) if half_life else None,
            is_primary=is_primary is not None,
            account_rollup=json_field(rollup, "account_rollup") or {},
            segment=json_field(segment, "segment") or None,
        )
    )


def touch_types(session: SessionDep) -> str:
    """The registered event types, as the rules builder's ``data-types`` attribute."""
    return json.dumps([event_type.name for event_type in tracking.list_event_types(session)])


def _where(path: str) -> str:
    """Where a problem is, in words: "rules.1.when.all.0.op" -> "rule 2, when, condition 1,
    op"."""
    words: list[str] = []
    parts = path.split(".")
    for index, part in enumerate(parts):
        if part.isdigit():
            owner = parts[index - 1] if index else ""
            noun = {"rules": "rule", "criteria": "criterion"}.get(owner, "condition")
            words.append(f"{noun} {int(part) + 1}")
        elif part not in ("rules", "criteria", "all", "any", "condition"):
            words.append(part.replace("_", " "))
    return ", ".join(words) or "the definition"


@router.post(f"{PATH}/check", response_class=HTMLResponse)
def check_definition(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    what: Annotated[str, Form()],
    scope: Annotated[str, Form()] = "record",
    value: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The builders' check as you go: what is wrong, in words, or what the definition
    means. Saves nothing."""
    if scope not in service.CONDITION_SCOPES:
        scope = "record"
    try:
        parsed = json.loads(value) if value.strip() else None
    except ValueError:
        errors, sentences = [FieldError("", "this is not valid JSON")], list[str]()
    else:
        errors, sentences = _check_builder(session, what, scope, parsed)
    problems = [{"where": _where(e.field), "message": e.message} for e in errors[:20]]
    return render(request, "scoring/_check.html", {"problems": problems, "sentences": sentences})


def _check_builder(
    session: SessionDep, what: str, scope: str, parsed: Any
) -> tuple[list[FieldError], list[str]]:
    """The problems of a builder's definition, or the sentences that say what it means."""
    names = service.score_names(session)
    if what == "profile":
        kind = "icp" if scope == "account" else "persona"
        errors = service.check_profile_criteria(session, kind, parsed or [])
        return errors, [] if errors else [_criterion_words(c, names) for c in parsed or []]
    if what == "rules":
        errors = service.check_model_rules(session, parsed or [])
        return errors, [] if errors else [service.describe_rule(r, names) for r in parsed or []]
    if parsed is None:
        return [], []  # nothing built yet: nothing to say
    errors = service.check_condition(session, scope, parsed)
    return errors, [] if errors else [f"Matches when {conditions.describe(parsed, names)}."]


def _criterion_words(criterion: dict[str, Any], names: dict[int, str]) -> str:
    """ "Leads a data team (weight 2): contact.department = Data"; a title criterion:
    "Runs engineering (weight 4): job title alike in meaning to “VP Engineering”"."""
    if criterion.get("title_like"):
        means = f"job title alike in meaning to “{criterion['title_like']}”"
    else:
        means = conditions.describe(criterion["when"], names)
    return f"{criterion['label']} (weight {criterion['weight']}): {means}"


def _settings(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    editing: str | None = None,
    drafts: dict[str, str] | None = None,
    error: str | None = None,
    backtest: BacktestRead | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    # Everyone signed in reads the definitions (a read-only view for those who may not
    # edit them); saving is refused by the service.
    models = service.list_models(session)
    mql = service.active_criteria(session, "mql")
    return page(
        request,
        "scoring/settings.html",
        user,
        "scoring",
        {
            "models": models,
            "rules_text": {m.id: _pretty(m.rules) for m in models},
            "rollup_text": {
                m.id: _pretty(m.account_rollup) if m.account_rollup else "" for m in models
            },
            "segment_text": {m.id: _pretty(m.segment) if m.segment else "" for m in models},
            "describe": service.describe_condition,
            "profiles": service.list_profiles(session),
            "pretty": _pretty,
            "mql": mql,
            "mql_text": _pretty(mql.condition) if mql else "",
            "score_names": service.score_names(session),
            "runs": service.latest_runs(session),
            "kinds": RULE_KINDS,
            "editing": editing,
            "drafts": drafts or {},
            "error": error,
            "backtest": backtest,
            "fields": {
                scope: service.fields_json(session, scope) for scope in service.CONDITION_SCOPES
            },
            "touch_types": touch_types(session),
            "describe_rule": service.describe_rule,
        },
        status_code=status_code,
    )


@router.get(PATH, response_class=HTMLResponse)
def scoring_settings(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    icp_draft: str = "",
    edit: str | None = None,
) -> HTMLResponse:
    """``?icp_draft=1``: the ICP editor opens with ICP discovery's draft (default settings)
    in place of the saved criteria, to edit and save. ``edit=model-<id>``: that model's rule
    builder opens (a model just adopted from suggested rules)."""
    if not icp_draft:
        opened = edit if edit is not None and re.fullmatch(r"model-\d+", edit) else None
        return _settings(request, session, user, editing=opened)
    found = predictive.discover_icp(session, actor=request_actor(request))
    icp = next((p for p in service.list_profiles(session) if p.kind == "icp"), None)
    drafts = {
        "kind": "icp",
        "name": icp.name if icp else "ICP",
        "criteria": _pretty(predictive.icp_draft(found)),
    }
    editing = f"profile-{icp.id}" if icp else "profile-new"
    return _settings(request, session, user, editing=editing, drafts=drafts)


def _answer(
    request: Request, session: SessionDep, user: User, editing: str, drafts: dict[str, str]
) -> Any:
    def refused(message: str, status_code: int) -> Response:
        return _settings(
            request,
            session,
            user,
            editing=editing,
            drafts=drafts,
            error=message,
            status_code=status_code,
        )

    return refused


@router.post(f"{PATH}/models", response_model=None)
@router.post(f"{PATH}/models/{{model_id}}", response_model=None)
def save_model(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()],
    rules: Annotated[str, Form()],
    model_id: int | None = None,
    half_life_days: Annotated[str, Form()] = "",
    is_primary: Annotated[str | None, Form()] = None,
    account_rollup: Annotated[str, Form()] = "",
    segment: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    key = f"model-{model_id or 'new'}"
    drafts = {
        "name": name,
        "rules": rules,
        "half_life_days": half_life_days,
        "account_rollup": account_rollup,
        "segment": segment,
        "is_primary": "1" if is_primary is not None else "",
    }
    refused = _answer(request, session, user, key, drafts)
    if action == "backtest":
        return _backtest(
            request,
            session,
            user,
            key,
            drafts,
            lambda: BacktestRequest(
                model_id=model_id,
                model=_model_data(name, rules, half_life_days, is_primary, account_rollup, segment),
            ),
        )
    return submit(
        request,
        lambda: service.save_model(
            session,
            _model_data(name, rules, half_life_days, is_primary, account_rollup, segment),
            actor=request_actor(request),
            model_id=model_id,
        ),
        done=f"{name} saved. Every contact is being rescored in the background.",
        then=PATH,
        refused=refused,
    )


@router.post(f"{PATH}/criteria/mql", response_model=None)
def save_mql(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    condition: Annotated[str, Form()],
    action: Annotated[str, Form()] = "save",
) -> Response:
    drafts = {"condition": condition}
    if action == "backtest":
        return _backtest(
            request,
            session,
            user,
            "mql",
            drafts,
            lambda: BacktestRequest(criteria=json_field(condition, "condition")),
        )
    return submit(
        request,
        lambda: service.save_criteria(
            session,
            "mql",
            CriteriaWrite(condition=json_field(condition, "condition")),
            actor=request_actor(request),
        ),
        done="MQL criteria saved. Contacts who meet them become MQLs as the rescore reaches them.",
        then=PATH,
        refused=_answer(request, session, user, "mql", drafts),
    )


@router.post(f"{PATH}/profiles", response_model=None)
@router.post(f"{PATH}/profiles/{{profile_id}}", response_model=None)
def save_profile(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    kind: Annotated[str, Form()],
    name: Annotated[str, Form()],
    criteria: Annotated[str, Form()],
    profile_id: int | None = None,
) -> Response:
    key = f"profile-{profile_id or 'new'}"
    drafts = {"kind": kind, "name": name, "criteria": criteria}

    def change() -> object:
        data = form_schema(
            lambda: ProfileWrite(
                kind=kind, name=name.strip(), criteria=json_field(criteria, "criteria") or []
            )
        )
        actor = request_actor(request)
        return service.save_profile(session, data, actor=actor, profile_id=profile_id)

    return submit(
        request,
        change,
        done=f"{name} saved. Grades are being recomputed in the background.",
        then=PATH,
        refused=_answer(request, session, user, key, drafts),
    )


@router.post(f"{PATH}/profiles/{{profile_id}}/delete", response_model=None)
def delete_persona(
    request: Request, session: SessionDep, user: CurrentUser, profile_id: int
) -> Response:
    return submit(
        request,
        lambda: service.delete_persona(session, profile_id, actor=request_actor(request)),
        done="Persona deleted. Grades are being recomputed in the background.",
        then=PATH,
        refused=_answer(request, session, user, f"profile-{profile_id}", {}),
    )


@router.post(f"{PATH}/models/{{model_id}}/delete", response_model=None)
def delete_model(
    request: Request, session: SessionDep, user: CurrentUser, model_id: int
) -> Response:
    return submit(
        request,
        lambda: service.delete_model(session, model_id, actor=request_actor(request)),
        done="Score model deleted with its scores.",
        then=PATH,
        refused=_answer(request, session, user, f"model-{model_id}", {}),
    )


def _backtest(
    request: Request, session: SessionDep, user: User, key: str, drafts: dict[str, str], build: Any
) -> Response:
    """Figures for the draft next to the current definition's; nothing is saved."""
    try:
        result = service.backtest(
            session, build(), actor=request_actor(request), judge=predictive.judge_backtest
        )
    except (Conflict, ValidationFailed) as exc:
        return _settings(
            request,
            session,
            user,
            editing=key,
            drafts=drafts,
            error=error_text(exc),
            status_code=exc.status_code,
        )
    return _settings(request, session, user, editing=key, drafts=drafts, backtest=result)


@router.get("/contacts/{contact_id}/score-breakdown", response_class=HTMLResponse)
def score_breakdown(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    """The contact page's scores card (loaded by the page itself)."""
    scores = service.explain_scores(session, contact_id)
    return render(request, "scoring/_breakdown.html", {"scores": scores, "user": user})


@router.get("/accounts/{account_id}/buying-group", response_class=HTMLResponse)
def buying_group(
    request: Request, session: SessionDep, user: CurrentUser, account_id: int
) -> HTMLResponse:
    """The account page's engagement card: account scores and the buying group."""
    group = service.buying_group(session, account_id)
    names = service.score_names(session)
    return render(
        request, "scoring/_buying_group.html", {"group": group, "names": names, "user": user}
    )
