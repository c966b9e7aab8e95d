"""Bulk actions from the contact list: the chosen contacts (ticked rows, or every contact the
filters match), a confirmation that says how many will change, then the outcome with the
contacts each change was refused for and why."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.contacts.schemas import ContactFilters
from huddle.contacts.views.filters import parse
from huddle.core.errors import ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.format import query_with, stage_label
from huddle.web.templating import flash
from huddle.web.views import FormDataDep, error_text, page, see_other

router = APIRouter(include_in_schema=False)

ACTIONS = {"assign_owner": "Assign owner", "change_stage": "Change stage", "export": "Export"}
# The form's own fields, carried from the confirmation to the change (the filters ride along).
# (``new_owner``/``new_stage``: ``owner``/``stage`` are the filters'.)
_CARRIED = ("scope", "action", "new_owner", "new_stage")


def api_query(filters: ContactFilters) -> str:
    """``filters`` as GET /api/v1/contacts (and its CSV export) read them."""
    values = filters.model_dump(mode="json", exclude_defaults=True)
    return "?" + urlencode(values, doseq=True) if values else ""


def _chosen(form: FormData, filters: ContactFilters) -> ContactFilters | None:
    """The ticked contacts, or every contact the filters match; None when nothing is."""
    if form.get("scope") == "all":
        return filters
    ids = [int(str(i)) for i in form.getlist("ids") if str(i).isdigit()]
    return filters.model_copy(update={"id": ids[:500]}) if ids else None


@router.post("/contacts/bulk", response_model=None)
def bulk_action(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, form: FormDataDep
) -> Response:
    state = parse(form, me=user.id)
    back = "/contacts" + query_with(state.params())
    action = str(form.get("action") or "")
    chosen = _chosen(form, state.filters)
    if action not in ACTIONS or chosen is None:
        flash(request, "Tick the contacts to change, or choose all matching.", "error")
        return see_other(back)
    users = users_by_id(session)
    owner = str(form.get("new_owner") or "unassigned")
    owner_id = int(owner) if owner.isdigit() else None
    stage = str(form.get("new_stage") or "")
    context: dict[str, Any] = {
        "action": action,
        "action_label": ACTIONS[action],
        "back": back,
        "target": (
            (users[owner_id].name if owner_id in users else "nobody")
            if action == "assign_owner"
            else stage_label(stage)
        ),
        "carried": [(k, str(form.get(k) or "")) for k in _CARRIED]
        + [(k, v) for k, v in state.params().items()]
        + [("ids", str(i)) for i in chosen.id],
    }
    if form.get("confirmed") != "1":
        total = service.count_contacts(session, chosen, actor=actor)
        export = "/api/v1/contacts/export.csv" + api_query(chosen)
        context |= {"total": total, "export_url": export, "limit": service.BULK_LIMIT}
        return page(request, "contacts/bulk.html", user, "contacts", context)
    try:
        if action == "assign_owner":
            outcome = service.bulk_assign_owner(session, chosen, owner_id, actor=actor)
        else:
            outcome = service.bulk_change_stage(session, chosen, stage, actor=actor)
    except ValidationFailed as exc:
        flash(request, f"Nothing was changed. {error_text(exc)}", "error")
        return see_other(back)
    context["outcome"] = outcome
    return page(request, "contacts/bulk_done.html", user, "contacts", context)
