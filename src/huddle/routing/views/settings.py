"""Settings > Routing: the page (rules, team pools, webhooks), and saving rules and pools."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth import service as auth_service
from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, may
from huddle.notifications import service as notifications
from huddle.routing import service
from huddle.routing.models import RULE_KINDS
from huddle.routing.schemas import SEGMENTS, MemberWrite, PoolWrite, RuleWrite
from huddle.scoring import service as scoring
from huddle.web.deps import SessionDep
from huddle.web.views import FormDataDep, form_schema, json_field, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
SETTINGS = "/settings/routing"
SALES_ROLES = ("sales_rep", "sales_manager")


def _settings_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    editing: str | None = None,
    error: str | None = None,
    draft: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    # Everyone signed in reads the rules (read-only for those who may not edit them; each
    # change is refused by the service); webhooks only those who edit routing.
    actor = request_actor(request)
    everyone = auth_service.list_users(session)
    editable = may(actor, Action.ROUTING_EDIT) or may(actor, Action.WEBHOOK_MANAGE)
    webhooks = notifications.list_webhooks(session, actor=actor) if editable else []
    deliveries = (
        notifications.deliveries(session, [w.id for w in webhooks], actor=actor)
        if may(actor, Action.WEBHOOK_MANAGE)
        else {}
    )
    return page(
        request,
        "routing/settings.html",
        user,
        "routing",
        {
            "rules": service.list_rules(session),
            "pools": service.list_pools(session),
            "webhooks": webhooks,
            "webhook_events": notifications.webhook_events(),
            "deliveries": deliveries,
            "reps": [u for u in everyone if u.role in SALES_ROLES],
            "users": {u.id: u for u in everyone},
            "kinds": RULE_KINDS,
            "segments": list(SEGMENTS),
            "describe": scoring.describe_condition,
            "when_fields": scoring.fields_json(session, "record"),
            "editing": editing,
            "error": error,
            "draft": draft,
        },
        status_code=status_code,
    )


@router.get(SETTINGS, response_class=HTMLResponse)
def routing_settings(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _settings_page(request, session, user)


def refuse_settings(
    request: Request,
    session: SessionDep,
    user: User,
    editing: str,
    draft: dict[str, Any] | None = None,
) -> Callable[[str, int], Response]:
    """A refused change answers with the settings page, the form ``editing`` open with
    the reason (and what was typed, ``draft``)."""

    def refused(message: str, status_code: int) -> Response:
        return _settings_page(
            request,
            session,
            user,
            editing=editing,
            error=message,
            draft=draft,
            status_code=status_code,
        )

    return refused


def comma_list(text: str) -> list[str]:
    return [w.strip() for w in text.split(",") if w.strip()]


def _optional_id(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationFailed("bad choice", [FieldError(field, "choose from the list")])
    return int(text)


@router.post(f"{SETTINGS}/rules", response_model=None)
@router.post(f"{SETTINGS}/rules/{{rule_id:int}}", response_model=None)
def save_rule(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    position: Annotated[str, Form()] = "0",
    owner_id: Annotated[str, Form()] = "",
    pool_id: Annotated[str, Form()] = "",
    countries: Annotated[str, Form()] = "",
    regions: Annotated[str, Form()] = "",
    industries: Annotated[str, Form()] = "",
    segments: Annotated[list[str] | None, Form()] = None,
    target_only: Annotated[str | None, Form()] = None,
    respect_hours: Annotated[str | None, Form()] = None,
    active: Annotated[str | None, Form()] = None,
    when: Annotated[str, Form()] = "",
    rule_id: int | None = None,
) -> Response:
    actor = request_actor(request)

    def change() -> object:
        conditions: dict[str, Any] = {}
        if kind == "territory":
            conditions = {
                "countries": comma_list(countries),
                "regions": comma_list(regions),
                "industries": comma_list(industries),
                "segments": segments or [],
            }
        elif kind == "account_owner":
            conditions = {"target_only": target_only is not None}
        condition = json_field(when, "conditions.when")
        if condition is not None:
            conditions["when"] = condition
        data = form_schema(
            lambda: RuleWrite(
                name=name,
                kind=kind,
                position=int(position) if position.strip().isdigit() else -1,
                owner_id=_optional_id(owner_id, "owner_id"),
                pool_id=_optional_id(pool_id, "pool_id"),
                conditions=conditions,
                respect_hours=respect_hours is not None,
                active=active is not None,
            )
        )
        return service.save_rule(session, data, actor=actor, rule_id=rule_id)

    return submit(
        request,
        change,
        done="Routing rule saved",
        then=SETTINGS,
        refused=refuse_settings(
            request,
            session,
            user,
            f"rule-{rule_id or 'new'}",
            {
                "name": name,
                "kind": kind,
                "position": position,
                "owner_id": int(owner_id) if owner_id.isdigit() else None,
                "pool_id": int(pool_id) if pool_id.isdigit() else None,
                "conditions": {
                    "countries": comma_list(countries),
                    "regions": comma_list(regions),
                    "industries": comma_list(industries),
                    "segments": segments or [],
                    "target_only": target_only is not None,
                },
                "respect_hours": respect_hours is not None,
                "active": active is not None,
                "when_text": when,
            },
        ),
    )


@router.post(f"{SETTINGS}/rules/{{rule_id:int}}/delete", response_model=None)
def delete_rule(request: Request, session: SessionDep, user: CurrentUser, rule_id: int) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.delete_rule(session, rule_id, actor=actor),
        done="Routing rule removed",
        then=SETTINGS,
        refused=refuse_settings(request, session, user, f"rule-{rule_id}"),
    )


@router.post(f"{SETTINGS}/pools", response_model=None)
@router.post(f"{SETTINGS}/pools/{{pool_id:int}}", response_model=None)
def save_pool(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    form: FormDataDep,
    pool_id: int | None = None,
) -> Response:
    actor = request_actor(request)

    def change() -> object:
        members = []
        for key, value in form.multi_items():
            if (
                key.startswith("weight_")
                and isinstance(value, str)
                and value.strip() not in ("", "0")
            ):
                uid = key.removeprefix("weight_")
                if not uid.isdigit() or not value.strip().isdigit():
                    raise ValidationFailed(
                        "bad weight", [FieldError("members", "weights are whole numbers")]
                    )
                members.append(MemberWrite(user_id=int(uid), weight=int(value)))
        name = form.get("name")
        manager = form.get("manager_id")
        data = form_schema(
            lambda: PoolWrite(
                name=name if isinstance(name, str) else "",
                manager_id=_optional_id(manager if isinstance(manager, str) else "", "manager_id"),
                members=members,
            )
        )
        return service.save_pool(session, data, actor=actor, pool_id=pool_id)

    return submit(
        request,
        change,
        done="Team pool saved",
        then=SETTINGS,
        refused=refuse_settings(request, session, user, f"pool-{pool_id or 'new'}"),
    )
