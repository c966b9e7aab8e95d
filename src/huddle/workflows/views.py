"""The workflows pages: the list (/workflows, under Campaigns) and the visual editor
(/workflows/{id}): the workflow drawn as a vertical diagram of its steps with their counts,
"add a step after" with a kind picker and a form per kind, the trigger's form, the status.
Plain forms (POST → 303); no JSON for the user."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import TypeAdapter

from huddle.auth import service as auth
from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service as contacts
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.stages import STAGES
from huddle.mailing import service as mailing
from huddle.notifications import service as notifications
from huddle.plays import service as plays
from huddle.scoring import service as scoring
from huddle.tracking import service as tracking
from huddle.web.deps import SessionDep
from huddle.web.views import FormText, form_schema, page, submit
from huddle.workflows import service
from huddle.workflows.schemas import (
    STEP_KINDS,
    TRIGGER_TYPES,
    ContactListWrite,
    Step,
    StepModel,
    Trigger,
    WorkflowWrite,
)
from huddle.workflows.service.diagram import WEEKDAYS, Names, draw

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
STEP: TypeAdapter[StepModel] = TypeAdapter(Step)
TRIGGER: TypeAdapter[Any] = TypeAdapter(Trigger)
TRIGGER_LABELS = {
    "touch": "A touch of a type (a form submitted, a page viewed...)",
    "stage_entered": "A stage entered",
    "score_reached": "The score reaching a threshold",
    "list_joined": "A list joined",
    "date_field": "A date field coming up (checked daily)",
    "lead_rejected": "A lead rejected by sales",
    "lead_recycled": "A lead recycled",
    "buying_stage_changed": "A buying stage entered (inferred from indicator touches)",
    "grade_changed": "A fit grade given",
    "manual": "Enrolled by hand or by another workflow",
}
UNITS = {"minutes": 1, "hours": 60, "days": 60 * 24}
OPERATORS = ("eq", "ne", "contains", "gt", "gte", "lt", "lte", "is_set", "is_empty")
NUMBER_OPERATORS = ("gt", "gte", "lt", "lte")
BRANCH_FIELDS = (
    "contact.job_title",
    "contact.seniority",
    "contact.department",
    "contact.country",
    "contact.lifecycle_stage",
    "contact.email_domain",
    "account.industry",
    "account.country",
    "account.employee_count",
    "account.annual_revenue",
)


def _list_page(
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
        "workflows/list.html",
        user,
        "campaigns",
        {
            "workflows": service.list_workflows(session, actor=actor),
            "lists": service.list_lists(session, actor=actor),
            "trigger_labels": TRIGGER_LABELS,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/workflows", response_class=HTMLResponse)
def workflows_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _list_page(request, session, user)


@router.post("/workflows", response_model=None)
def create_workflow(
    request: Request, session: SessionDep, user: CurrentUser, name: FormText = ""
) -> Response:
    created: list[int] = []

    def change() -> None:
        data = form_schema(lambda: WorkflowWrite(name=name.strip()))
        created.append(service.create_workflow(session, data, actor=request_actor(request)).id)

    def refused(message: str, status_code: int) -> Response:
        return _list_page(request, session, user, error=message, status_code=status_code)

    response = submit(request, change, done="Workflow created.", then="/workflows", refused=refused)
    if created:
        response.headers["location"] = f"/workflows/{created[0]}"
    return response


@router.post("/workflows/lists", response_model=None)
def create_list(
    request: Request, session: SessionDep, user: CurrentUser, name: FormText = ""
) -> Response:
    def change() -> None:
        data = form_schema(lambda: ContactListWrite(name=name.strip()))
        service.create_list(session, data, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _list_page(request, session, user, error=message, status_code=status_code)

    return submit(request, change, done="List created.", then="/workflows", refused=refused)


# --- the editor --------------------------------------------------------------------------


def _names(request: Request, session: SessionDep) -> Names:
    actor = request_actor(request)
    return Names(
        lists={found.id: found.name for found, _ in service.list_lists(session, actor=actor)},
        webhooks=notifications.webhook_names(session),
        users={u.id: u.name for u in auth.list_users(session)},
        workflows={w.id: w.name for w in service.list_workflows(session, actor=actor)},
        templates=mailing.template_names(session),
        plays=plays.play_names(session),
        score_models={m.id: m.name for m in scoring.list_models(session) if m.source == "rules"},
    )


def _editor_page(
    request: Request,
    session: SessionDep,
    user: User,
    workflow_id: int,
    *,
    adding: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    found = service.get_workflow(session, workflow_id, actor=actor)
    names = _names(request, session)
    counts = service.step_counts(session, workflow_id, actor=actor)
    return page(
        request,
        "workflows/editor.html",
        user,
        "campaigns",
        {
            "workflow": found.workflow,
            "trigger": found.trigger,
            "exit": found.exit_criteria,
            "nodes": draw(found.steps, counts, names),
            "names": names,
            "adding": adding,
            "error": error,
            "step_kinds": STEP_KINDS,
            "trigger_types": TRIGGER_TYPES,
            "trigger_labels": TRIGGER_LABELS,
            "choices": _choices(session, names, workflow_id),
        },
        status_code=status_code,
    )


def _pairs(values: Any) -> list[tuple[Any, str]]:
    return [(value, str(value)) for value in values]


def _choices(session: SessionDep, names: Names, workflow_id: int) -> dict[str, list[Any]]:
    """The options of the editor's selects, as (value, label) pairs."""
    custom = _custom_keys(session)
    return {
        "units": _pairs(UNITS),
        "weekdays": list(enumerate(WEEKDAYS)),
        "hours": [(hour, f"{hour:02d}:00") for hour in range(24)],
        "event_types": _pairs(t.name for t in tracking.list_event_types(session)),
        "branch_fields": _pairs(BRANCH_FIELDS + tuple(f"contact.custom.{k}" for k in custom)),
        "operators": _pairs(OPERATORS),
        "settable_fields": _pairs(service.SETTABLE_FIELDS + tuple(f"custom.{k}" for k in custom)),
        "stages": list(STAGES.items()),
        "teams": [("", "Nobody"), *_pairs(sorted({u.team for u in auth.list_users(session)}))],
        "lists": list(names.lists.items()),
        "templates": list(names.templates.items()),
        "users": list(names.users.items()),
        "webhooks": list(names.webhooks.items()),
        "workflows": [(i, name) for i, name in names.workflows.items() if i != workflow_id],
        "plays": list(names.plays.items()),
        "buying_stages": [(s.key, s.name) for s in plays.configured_stages(session)],
        "grades": _pairs(("A", "B", "C", "D")),
        "score_models": [("", "The primary score model"), *names.score_models.items()],
    }


def _custom_keys(session: SessionDep) -> list[str]:
    return [d.key for d in contacts.list_custom_fields(session, "contact", archived=False)]


@router.get("/workflows/{workflow_id:int}", response_class=HTMLResponse)
def editor_page(
    workflow_id: int,
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    after: str | None = None,
    arm: str = "next",
    kind: str | None = None,
) -> HTMLResponse:
    """The diagram; with ``after`` (a step id, or "start") the kind picker for a new step
    there, and with ``kind`` its form."""
    adding = None
    if after is not None:
        adding = {"after": after, "arm": arm, "kind": kind if kind in STEP_KINDS else ""}
    return _editor_page(request, session, user, workflow_id, adding=adding)


def _number(value: str, field: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ValidationFailed("check the fields", [FieldError(field, "a whole number")]) from None


def _value(value: str, op: str) -> Any:
    """A condition's or a field's value as typed in: a number where the operator compares
    numbers (or the text is one), None for the operators that take none."""
    text = value.strip()
    if op in ("is_set", "is_empty"):
        return None
    if op in NUMBER_OPERATORS:
        try:
            return float(text)
        except ValueError:
            return text
    return text


def _step_from_form(form: dict[str, str]) -> StepModel:
    """The new step's schema from its form (the id is the editor's to give)."""
    kind = form["kind"]
    raw: dict[str, Any] = {"id": "new", "kind": kind}
    if kind == "wait":
        raw["minutes"] = _number(form["amount"], "amount") * UNITS.get(form["unit"], 1)
    elif kind == "wait_until":
        raw |= {
            "weekday": _number(form["weekday"], "weekday"),
            "hour": _number(form["hour"], "hour"),
            "time_zone": form["time_zone"].strip() or "UTC",
        }
    elif kind == "wait_event":
        raw |= {
            "touch_type": form["touch_type"],
            "timeout_hours": _number(form["timeout_hours"], "timeout_hours"),
        }
    elif kind == "branch":
        rule = {
            "field": form["field"],
            "op": form["op"],
            "value": _value(form["value"], form["op"]),
        }
        raw["condition"] = {"rules": [rule]}
    elif kind in ("send_email", "send_next_asset"):
        raw["template_id"] = _number(form["template_id"], "template_id")
    elif kind in ("add_to_list", "remove_from_list"):
        raw["list_id"] = _number(form["list_id"], "list_id")
    elif kind == "set_field":
        raw |= {"field": form["field"], "value": form["value"].strip() or None}
    elif kind == "change_stage":
        raw["stage"] = form["stage"]
    elif kind == "create_task":
        raw |= {"title": form["title"].strip(), "team": form["team"] or None}
    elif kind == "notify":
        raw |= {"user_id": _number(form["user_id"], "user_id"), "message": form["message"].strip()}
    elif kind == "webhook":
        raw["webhook_id"] = _number(form["webhook_id"], "webhook_id")
    elif kind == "enrol":
        raw["workflow_id"] = _number(form["workflow_id"], "workflow_id")
    elif kind == "start_play":
        raw["play_id"] = _number(form["play_id"], "play_id")
    elif kind == "adjust_score":
        model = form["model_id"].strip()
        raw |= {
            "model_id": _number(model, "model_id") if model else None,
            "points": _number(form["points"], "points"),
            "reason": form["reason"].strip() or None,
        }
    return form_schema(lambda: STEP.validate_python(raw))


@router.post("/workflows/{workflow_id:int}/steps", response_model=None)
def add_step(
    workflow_id: int,
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    after: FormText = "start",
    arm: FormText = "next",
    kind: FormText = "",
    amount: FormText = "",
    unit: FormText = "days",
    weekday: FormText = "",
    hour: FormText = "",
    time_zone: FormText = "",
    touch_type: FormText = "",
    timeout_hours: FormText = "",
    field: FormText = "",
    op: FormText = "eq",
    value: FormText = "",
    list_id: FormText = "",
    template_id: FormText = "",
    stage: FormText = "",
    title: FormText = "",
    team: FormText = "",
    user_id: FormText = "",
    message: FormText = "",
    webhook_id: FormText = "",
    target_workflow_id: FormText = "",
    play_id: FormText = "",
    model_id: FormText = "",
    points: FormText = "",
    reason: FormText = "",
) -> Response:
    form = {
        "kind": kind,
        "amount": amount,
        "unit": unit,
        "weekday": weekday,
        "hour": hour,
        "time_zone": time_zone,
        "touch_type": touch_type,
        "timeout_hours": timeout_hours,
        "field": field,
        "op": op,
        "value": value,
        "list_id": list_id,
        "template_id": template_id,
        "stage": stage,
        "title": title,
        "team": team,
        "user_id": user_id,
        "message": message,
        "webhook_id": webhook_id,
        "workflow_id": target_workflow_id,
        "play_id": play_id,
        "model_id": model_id,
        "points": points,
        "reason": reason,
    }

    def change() -> None:
        step = _step_from_form(form)
        service.add_step(
            session,
            workflow_id,
            step,
            after=None if after == "start" else after,
            arm=arm,
            actor=request_actor(request),
        )

    def refused(message: str, status_code: int) -> Response:
        adding = {"after": after, "arm": arm, "kind": kind, **form}
        return _editor_page(
            request,
            session,
            user,
            workflow_id,
            adding=adding,
            error=message,
            status_code=status_code,
        )

    then = f"/workflows/{workflow_id}"
    return submit(request, change, done="Step added.", then=then, refused=refused)


@router.post("/workflows/{workflow_id:int}/steps/{step_id}/delete", response_model=None)
def remove_step(
    workflow_id: int, step_id: str, request: Request, session: SessionDep, user: CurrentUser
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _editor_page(
            request, session, user, workflow_id, error=message, status_code=status_code
        )

    return submit(
        request,
        lambda: service.remove_step(session, workflow_id, step_id, actor=request_actor(request)),
        done="Step removed.",
        then=f"/workflows/{workflow_id}",
        refused=refused,
    )


@router.post("/workflows/{workflow_id:int}/trigger", response_model=None)
def save_trigger(
    workflow_id: int,
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    type: FormText = "manual",  # noqa: A002 - the form field's name
    touch_type: FormText = "",
    property_name: FormText = "",
    property_value: FormText = "",
    stage: FormText = "",
    threshold: FormText = "",
    list_id: FormText = "",
    field_key: FormText = "",
    days_before: FormText = "",
    reenrol_after_days: FormText = "",
    buying_stage: FormText = "",
    grade: FormText = "",
) -> Response:
    def trigger() -> Any:
        raw: dict[str, Any] = {"type": type}
        if type == "touch":
            raw["touch_type"] = touch_type
            if property_name.strip():
                raw["properties"] = [
                    {"name": property_name.strip(), "op": "eq", "value": property_value.strip()}
                ]
        elif type == "stage_entered":
            raw["stage"] = stage
        elif type == "score_reached":
            raw["threshold"] = _number(threshold, "threshold")
        elif type == "list_joined":
            raw["list_id"] = _number(list_id, "list_id")
        elif type == "date_field":
            raw |= {"field_key": field_key, "days_before": _number(days_before, "days_before")}
        elif type == "buying_stage_changed":
            raw["stage"] = buying_stage
        elif type == "grade_changed":
            raw["grade"] = grade
        return form_schema(lambda: TRIGGER.validate_python(raw))

    def change() -> None:
        actor = request_actor(request)
        data = service.as_write(service.get_workflow(session, workflow_id, actor=actor))
        data.trigger = trigger()
        again = reenrol_after_days.strip()
        data.reenrol_after_days = _number(again, "reenrol_after_days") if again else None
        service.update_workflow(session, workflow_id, data, actor=actor)

    def refused(message: str, status_code: int) -> Response:
        return _editor_page(
            request, session, user, workflow_id, error=message, status_code=status_code
        )

    return submit(
        request,
        change,
        done="Trigger saved.",
        then=f"/workflows/{workflow_id}",
        refused=refused,
    )


@router.post("/workflows/{workflow_id:int}/status", response_model=None)
def set_status(
    workflow_id: int,
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    status: FormText = "",
) -> Response:
    def change() -> None:
        if status not in ("draft", "active", "paused"):
            raise ValidationFailed("check the fields", [FieldError("status", "unknown status")])
        service.set_status(session, workflow_id, status, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _editor_page(
            request, session, user, workflow_id, error=message, status_code=status_code
        )

    return submit(
        request,
        change,
        done=f"Workflow {status}.",
        then=f"/workflows/{workflow_id}",
        refused=refused,
    )
