"""The contact list: filters, sort, keyset pages, saved views; htmx swaps only the results."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from huddle.auth.deps import CurrentActor, CurrentUser, request_actor
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.contacts.schemas import ContactFilters, SavedViewCreate
from huddle.contacts.views.filters import (
    COLUMN_LABELS,
    MULTI_KEYS,
    OPERATOR_LABELS,
    WHERE_KEYS,
    form_of,
    parse,
)
from huddle.core.errors import ValidationFailed
from huddle.plays import service as plays
from huddle.web.deps import SessionDep
from huddle.web.format import query_with
from huddle.web.templating import flash, is_htmx
from huddle.web.views import FormDataDep, error_text, page, see_other

if TYPE_CHECKING:
    from huddle.contacts.models import CustomFieldDefinition

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


@router.get("/contacts", response_class=HTMLResponse)
def contact_list(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    query = request.query_params
    views = service.list_views(session, user_id=user.id)
    current = None
    if query.get("view", "").isdigit():
        current = next((v for v in views if v.id == int(query["view"])), None)
    if current is not None:
        stored = dict(current.filters)
        shown = {
            "sort": str(stored.pop("sort", "")),
            "sort_field": str(stored.pop("sort_field", "") or ""),
            "columns": ",".join(stored.pop("columns", [])),
        }
        state = parse(
            form_of(ContactFilters.model_validate(stored), me=user.id) | shown, me=user.id
        )
    else:
        state = parse(query, me=user.id)
    cursor = query.get("cursor") or None
    list_page = partial(
        service.list_contacts,
        session,
        sort=state.sort,
        cursor=cursor,
        limit=PAGE_SIZE,
        actor=request_actor(request),
    )
    try:
        contacts = list_page(state.filters, sort_field=state.sort_field)
        total = service.count_contacts(session, state.filters, actor=request_actor(request))
    except ValidationFailed as exc:
        # A condition or a sort that does not fit a custom field: said, and left out.
        state.errors.extend(exc.errors)
        state.form.update(dict.fromkeys(WHERE_KEYS, ""))
        state.filters = state.filters.model_copy(update={"where": []})
        state.sort_field = None
        contacts = list_page(state.filters)
        total = service.count_contacts(session, state.filters, actor=request_actor(request))
    params = state.params()
    custom_fields = service.list_custom_fields(session, archived=False)
    context = {
        "contacts": contacts.items,
        "next_cursor": contacts.next_cursor,
        "cursor": cursor,
        "params": params,
        "form": state.form,
        "sort": state.sort.value,
        "total": total,
        "cap": service.EXACT_COUNT_CAP,
        "state": state,
        "column_labels": COLUMN_LABELS,
        "chosen": {key: state.form[key].split(",") for key in MULTI_KEYS},
        "errors": state.errors,
        "has_filters": state.count > 0,
        "filter_count": state.count,
        "views": views,
        "current_view": current,
        "save_fields": list(params.items()),
        "export_query": query_with(params) if params else "",
        "users": users_by_id(session),
        "buying_stages": plays.stage_names(session),
        "custom_fields": custom_fields,
        "custom_column": _custom_column(
            custom_fields, state.form["where_field"] or (state.sort_field or "").lstrip("-")
        ),
        "sort_field": state.sort_field or "",
        "operators": OPERATOR_LABELS,
        "partial": is_htmx(request),
    }
    template = "contacts/_results.html" if context["partial"] else "contacts/list.html"
    return page(request, template, user, "contacts", context)


def _custom_column(fields: list[CustomFieldDefinition], name: str) -> dict[str, Any] | None:
    """The column of the custom field the list is filtered or sorted on: the list shows its
    values (a contact's field of a sortable type sorts from its header)."""
    for definition in fields:
        if name == f"{definition.entity}.custom.{definition.key}":
            sortable = definition.entity == "contact" and definition.field_type != "boolean"
            return {
                "entity": definition.entity,
                "key": definition.key,
                "label": definition.label,
                "name": name,
                "sortable": sortable,
            }
    return None


@router.post("/contacts/views", response_model=None)
def save_view(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, form: FormDataDep
) -> Response:
    values = {k: str(v) for k, v in form.items()}
    state = parse(form, me=user.id)
    try:
        view = service.save_view(
            session,
            SavedViewCreate(
                name=values.get("name", ""),
                shared=values.get("shared") == "1",
                filters=state.filters,
                sort=state.sort,
                sort_field=state.sort_field,
                columns=state.columns,
            ),
            actor=actor,
        )
    except ValidationError:
        flash(request, "The view was not saved: give it a name of up to 120 characters.", "error")
        return see_other("/contacts" + query_with(state.params()))
    except ValidationFailed as exc:
        flash(request, f"The view was not saved. {error_text(exc)}", "error")
        return see_other("/contacts" + query_with(state.params()))
    flash(request, f"Saved the view “{view.name}”.")
    return see_other(f"/contacts?view={view.id}")


@router.post("/contacts/views/{view_id}/delete")
def delete_view(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, view_id: int
) -> Response:
    service.delete_view(session, view_id, actor=actor)
    flash(request, "Deleted the view.")
    return see_other("/contacts")
