"""Settings → Audit trail for admins and compliance: filtered, a keyset page at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from huddle.audit import service
from huddle.audit.names import action_label, named, names_for
from huddle.audit.schemas import AuditFilters
from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.core.errors import FieldError, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.format import humanize
from huddle.web.templating import is_htmx
from huddle.web.views import error_text, page

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
# Subjects that have a page of their own.
SUBJECT_PAGES = {"contact": "/contacts/", "account": "/accounts/", "opportunity": "/opportunities/"}
_FORM_FIELDS = ("actor", "action", "subject_type", "subject_id", "since", "until")


def _day(value: str, field: str, errors: list[FieldError]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(field, "a date like 2026-03-01"))
        return None


def _filters(form: dict[str, str]) -> tuple[AuditFilters, list[FieldError]]:
    """The filter form (dates are whole UTC days, "until" inclusive) as service filters."""
    errors: list[FieldError] = []
    since = _day(form["since"], "since", errors)
    until = _day(form["until"], "until", errors)
    actor = form["actor"]
    if actor and not actor.isdigit():
        errors.append(FieldError("actor", "pick a person from the list"))
    try:
        filters = AuditFilters(
            actor_user_id=int(actor) if actor.isdigit() else None,
            action=form["action"] or None,
            subject_type=form["subject_type"] or None,
            subject_id=form["subject_id"] or None,
            since=datetime.combine(since, time(), UTC) if since else None,
            until=datetime.combine(until + timedelta(days=1), time(), UTC) if until else None,
        )
    except ValidationError as exc:
        errors += [FieldError(str(e["loc"][0]), e["msg"]) for e in exc.errors()]
        filters = AuditFilters()
    return filters, errors


@router.get("/settings/audit", response_class=HTMLResponse)
def audit_trail(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor
) -> HTMLResponse:
    query = request.query_params
    form = {name: query.get(name, "").strip() for name in _FORM_FIELDS}
    filters, errors = _filters(form)
    cursor = query.get("cursor") or None
    entries: list[Any] = []
    next_cursor = None
    service.require_reader(actor)
    if not errors:
        try:
            found = service.list_entries(
                session, filters, actor=actor, cursor=cursor, limit=PAGE_SIZE
            )
            entries, next_cursor = found.items, found.next_cursor
        except ValidationFailed as exc:
            errors = exc.errors or [FieldError("filters", error_text(exc))]
    context = {
        "entries": entries,
        "next_cursor": next_cursor,
        "cursor": cursor,
        "form": form,
        "params": {k: v for k, v in form.items() if v},
        "errors": errors,
        "error_message": "; ".join(f"{humanize(e.field)}: {e.message}" for e in errors),
        "has_filters": any(form.values()),
        "actions": sorted(service.KNOWN_ACTIONS),
        "subject_types": sorted(service.KNOWN_SUBJECT_TYPES),
        "subject_pages": SUBJECT_PAGES,
        "users": users_by_id(session),
        "names": names_for(session, entries),
        "named": named,
        "action_label": action_label,
        "partial": is_htmx(request),
    }
    template = "audit/_results.html" if context["partial"] else "audit/list.html"
    status_code = 422 if errors else 200
    return page(request, template, user, "audit", context, status_code=status_code)
