"""The SLA pages: the dashboard both teams share (/sla), the agreement's versions with
signatures and diffs (/sla/versions), the quarterly review (/sla/review), and the SLA
card on the contact page."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import TEAMS, Action, require
from huddle.sla import service
from huddle.sla.calendar import WEEKDAYS
from huddle.sla.markdown import render as render_markdown
from huddle.sla.service import reports
from huddle.sla.terms import (
    FIELDS_OF_KIND,
    KIND_LABELS,
    PERIODS,
    STARTER_TERMS,
    parse_terms,
)
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import page, see_other, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
STARTER_BODY = """# Marketing and sales service-level agreement

## Marketing commits to
- delivering the agreed number of **marketing-qualified leads** each month;
- sending leads that match the ideal customer profile.

## Sales commits to
- a first touch within the agreed business hours of every hand-off;
- accepting or rejecting each lead, with a reason, promptly.
"""


def _markdown(text: str) -> Markup:
    # Raw HTML is disabled in the renderer: the output holds only Markdown's own tags.
    return Markup(render_markdown(text))  # noqa: S704


@router.get("/sla", response_class=HTMLResponse)
def dashboard(
    request: Request, session: SessionDep, user: CurrentUser, period: str = "month"
) -> HTMLResponse:
    actor = request_actor(request)
    require(actor, Action.ANALYTICS_READ)
    period = period if period in PERIODS else "month"
    shown = reports.dashboard(session, period=period, personal=contacts.sees_personal(actor))
    return page(
        request,
        "sla/dashboard.html",
        user,
        "sla",
        {
            "version": shown.version,
            "terms": shown.clock_terms,
            "by_term": shown.by_term,
            "by_owner": shown.by_owner,
            "by_team": shown.by_team,
            "pacing": shown.pacing,
            "acceptance": shown.acceptance,
            "at_risk": shown.at_risk,
            "trend": shown.trend,
            "period": period,
            "periods": PERIODS,
            "start": shown.start,
            "end": shown.end - timedelta(seconds=1),
            "now": shown.at,
        },
    )


def _versions_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    drafts: dict[str, str] | None = None,
    calendar_draft: dict[str, str] | None = None,
    edited: dict[str, Any] | None = None,
    calendar_scope: str = "company",
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    versions = service.list_versions(session)
    by_id = {v.id: v for v in versions}
    sigs = service.signatures(session, [v.id for v in versions])
    names = reports.user_names(
        session, {s.user_id for ss in sigs.values() for s in ss if s.user_id}
    )
    diffs = {
        v.id: service.diff_versions(by_id.get(v.based_on_id) if v.based_on_id else None, v)
        for v in versions
    }
    active = service.active_version(session)
    return page(
        request,
        "sla/versions.html",
        user,
        "sla",
        {
            "versions": versions,
            "signatures": sigs,
            "names": names,
            "diffs": diffs,
            "by_id": by_id,
            "described": {v.id: [t.describe() for t in parse_terms(v.terms)] for v in versions},
            "rendered": {v.id: _markdown(v.body) for v in versions},
            "drafts": drafts
            or {
                "title": active.title if active else "Marketing and sales SLA",
                "body": active.body if active else STARTER_BODY,
                "terms": json.dumps(active.terms if active else STARTER_TERMS, indent=2),
            },
            "error": error,
            "kinds": KIND_LABELS,
            "calendars": service.list_calendars(session),
            "calendar_scopes": _calendar_scopes(),
            "calendar_draft": calendar_draft or _calendar_draft(session, calendar_scope),
            "term_kinds": _term_kinds(),
            "edits": _edit_forms(versions, edited),
            "time_zones": sorted(available_timezones()),
        },
        status_code=status_code,
    )


def _edit_forms(versions: list[Any], edited: dict[str, Any] | None) -> dict[int, dict[str, Any]]:
    """What each draft's edit form shows: the stored words, or the ones just refused."""
    forms = {
        v.id: {"title": v.title, "body": v.body, "terms": service.terms_json(v), "open": False}
        for v in versions
        if v.status == "draft"
    }
    if edited is not None and edited["id"] in forms:
        forms[edited["id"]] = {**edited, "open": True}
    return forms


def _calendar_draft(session: SessionDep, scope: str) -> dict[str, str]:
    """The calendar form starts from the saved calendar of ``scope`` (the company's unless a
    calendar's Edit link chose another), else a usual week."""
    saved = next((c for c in service.list_calendars(session) if c.scope == scope), None)
    if saved is None:
        return {
            "scope": scope if scope in _calendar_scopes() else "company",
            "time_zone": "Europe/Berlin",
            "hours": json.dumps({d: ["09:00", "17:30"] for d in WEEKDAYS[:5]}),
            "holidays": "",
        }
    return {
        "scope": scope,
        "time_zone": saved.time_zone,
        "hours": json.dumps(saved.hours),
        "holidays": ", ".join(saved.holidays),
    }


def _calendar_scopes() -> list[str]:
    return ["company", *(f"team:{t}" for t in TEAMS)]


def _term_kinds() -> str:
    """Each term kind's name and fields, as the terms builder's ``data-kinds`` attribute."""
    return json.dumps(
        {
            kind: {"label": label, "fields": sorted(FIELDS_OF_KIND[kind])}
            for kind, label in KIND_LABELS.items()
        }
    )


@router.get("/sla/versions", response_class=HTMLResponse)
def versions(
    request: Request, session: SessionDep, user: CurrentUser, calendar: str = "company"
) -> HTMLResponse:
    require(request_actor(request), Action.ANALYTICS_READ)
    return _versions_page(request, session, user, calendar_scope=calendar)


def _terms_json(text: str) -> Any:
    try:
        return json.loads(text or "[]")
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            "not JSON", [FieldError("terms", f"not valid JSON at line {exc.lineno}: {exc.msg}")]
        ) from exc


@router.post("/sla/versions", response_model=None)
def create_version(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    title: Annotated[str, Form()],
    terms: Annotated[str, Form()],
    body: Annotated[str, Form()] = "",
) -> Response:
    drafts = {"title": title, "body": body, "terms": terms}

    def refused(message: str, status_code: int) -> Response:
        return _versions_page(
            request, session, user, drafts=drafts, error=message, status_code=status_code
        )

    return submit(
        request,
        lambda: service.create_draft(
            session, request_actor(request), title=title, body=body, terms=_terms_json(terms)
        ),
        done="Draft saved. It becomes active once marketing and sales have both signed.",
        then="/sla/versions",
        refused=refused,
    )


@router.post("/sla/versions/{version_id}/edit", response_model=None)
def edit_version(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    version_id: int,
    title: Annotated[str, Form()],
    terms: Annotated[str, Form()],
    body: Annotated[str, Form()] = "",
) -> Response:
    """Change a draft's title, text or terms; signatures given to the old words lapse."""
    edited = {"id": version_id, "title": title, "body": body, "terms": terms}

    def refused(message: str, status_code: int) -> Response:
        return _versions_page(
            request, session, user, edited=edited, error=message, status_code=status_code
        )

    return submit(
        request,
        lambda: service.update_draft(
            session,
            request_actor(request),
            version_id,
            title=title,
            body=body,
            terms=_terms_json(terms),
        ),
        done="Draft changed. Both sides sign the new words before it becomes active.",
        then="/sla/versions",
        refused=refused,
    )


@router.post("/sla/terms/check", response_class=HTMLResponse)
def check_terms(
    request: Request, user: CurrentUser, value: Annotated[str, Form()] = ""
) -> HTMLResponse:
    """The terms builder's check as you go: what is wrong, in words, or what each term
    promises. Saves nothing."""
    problems: list[dict[str, str]] = []
    sentences: list[str] = []
    try:
        raw = json.loads(value) if value.strip() else []
    except ValueError:
        raw, problems = None, [{"where": "the terms", "message": "this is not valid JSON"}]
    if raw is not None:
        try:
            sentences = [term.describe() for term in parse_terms(raw)]
        except ValidationFailed as exc:
            problems = [
                {"where": _term_where(e.field, raw), "message": e.message} for e in exc.errors[:20]
            ]
    if not problems and not sentences:
        sentences = ["No measured terms: the agreement is text only."]
    return render(request, "scoring/_check.html", {"problems": problems, "sentences": sentences})


_TERM_FIELD = re.compile(r"^terms\[(\d+)\]\.?(.*)$")


def _term_where(field: str, raw: Any) -> str:
    """Where a problem is, in words: "terms[1].hours" -> "term 2 (Decision), hours"."""
    found = _TERM_FIELD.match(field)
    if not found:
        return field or "the terms"
    index, rest = int(found.group(1)), found.group(2)
    item = raw[index] if isinstance(raw, list) and index < len(raw) else {}
    kind = item.get("kind") if isinstance(item, dict) else None
    name = (item.get("label") if isinstance(item, dict) else None) or KIND_LABELS.get(str(kind), "")
    where = f"term {index + 1}" + (f" ({name})" if name else "")
    return f"{where}, {rest.replace('_', ' ').replace('.', ', ')}" if rest else where


@router.post("/sla/versions/{version_id}/sign", response_model=None)
def sign_version(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    version_id: int,
    side: Annotated[str, Form()],
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _versions_page(request, session, user, error=message, status_code=status_code)

    return submit(
        request,
        lambda: service.sign(session, request_actor(request), version_id, side),
        done=f"Signed for {side}. A draft signed by both sides becomes the active version.",
        then="/sla/versions",
        refused=refused,
    )


@router.post("/sla/calendars", response_model=None)
def save_calendar(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    scope: Annotated[str, Form()],
    time_zone: Annotated[str, Form()],
    hours: Annotated[str, Form()],
    holidays: Annotated[str, Form()] = "",
) -> Response:
    draft = {"scope": scope, "time_zone": time_zone, "hours": hours, "holidays": holidays}

    def refused(message: str, status_code: int) -> Response:
        return _versions_page(
            request, session, user, calendar_draft=draft, error=message, status_code=status_code
        )

    def change() -> None:
        try:
            parsed = json.loads(hours or "{}")
        except json.JSONDecodeError as exc:
            raise ValidationFailed(
                "not JSON", [FieldError("hours", f"not valid JSON at line {exc.lineno}")]
            ) from exc
        days = [d.strip() for d in holidays.replace(",", "\n").splitlines() if d.strip()]
        service.save_calendar(
            session,
            request_actor(request),
            scope,
            {"time_zone": time_zone.strip(), "hours": parsed, "holidays": days},
        )

    return submit(
        request,
        change,
        done=f"{_calendar_name(scope)} saved.",
        then="/sla/versions",
        refused=refused,
    )


def _calendar_name(scope: str) -> str:
    """ "The sales team's calendar" for "team:sales"."""
    if scope.startswith("team:"):
        return f"The {scope.removeprefix('team:')} team's calendar"
    return "The company's calendar"


@router.get("/sla/review", response_class=HTMLResponse)
def review(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    require(request_actor(request), Action.ANALYTICS_READ)
    result = reports.review(session)
    return page(
        request,
        "sla/review.html",
        user,
        "sla",
        {
            "review": result,
            "quarter": reports.quarter_label(result.start),
            "labels": reports.term_labels(session),
        },
    )


@router.post("/sla/review/draft", response_model=None)
def draft_from_review(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    actor = request_actor(request)
    require(actor, Action.SLA_DRAFT)
    active = service.active_version(session)
    terms = reports.new_draft_terms(session)
    service.create_draft(
        session,
        actor,
        title=active.title if active else "Marketing and sales SLA",
        body=active.body if active else STARTER_BODY,
        terms=terms,
    )
    return see_other("/sla/versions")


@router.get("/contacts/{contact_id}/sla", response_class=HTMLResponse)
def contact_sla(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    """The contact page's SLA card: each clock and its log (loaded by the page itself)."""
    require(request_actor(request), Action.CONTACT_READ)
    clocks, events = service.contact_clocks(session, contact_id)
    by_clock: dict[int, list[Any]] = {}
    for event in events:
        by_clock.setdefault(event.clock_id, []).append(event)
    labels = reports.term_labels(session)
    return render(
        request,
        "sla/_contact.html",
        {"clocks": clocks, "events": by_clock, "labels": labels, "user": user, "now": clock.now()},
    )
