"""The sales queue (new MQLs routed to me, with the packet and Accept / Reject), the
packet page, Settings > Routing (rules, team pools, webhooks) and the contact page's
hand-off card (Route now, Log activity)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth import service as auth_service
from huddle.auth.deps import CurrentUser, request_actor
from huddle.auth.models import User
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, may, require
from huddle.lifecycle import service as lifecycle
from huddle.notifications import service as notifications
from huddle.routing import service
from huddle.routing.events import rule_label
from huddle.routing.models import RULE_KINDS
from huddle.routing.schemas import SEGMENTS, ActivityWrite, MemberWrite, PoolWrite, RuleWrite
from huddle.web.deps import SessionDep
from huddle.web.templating import flash, render
from huddle.web.views import FormDataDep, form_schema, page, see_other, submit

router = APIRouter(include_in_schema=False)
SETTINGS = "/settings/routing"
SALES_ROLES = ("sales_rep", "sales_manager")


# --- the sales queue ---------------------------------------------------------------------------


def _queue(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    before = _keyset(request, "before")
    handoffs = service.sales_queue(session, actor=actor, before=before)
    return page(
        request,
        "routing/queue.html",
        user,
        "queue",
        {
            "handoffs": handoffs,
            "contacts": service.queue_contacts(session, handoffs),
            "users": users_by_id(session),
            "reasons": lifecycle.list_rejection_reasons(session),
            "error": error,
            "paged": before is not None,
        },
        status_code=status_code,
    )


def _keyset(request: Request, name: str) -> tuple[datetime, int] | None:
    """A hand-off's place in the queue from ``{name}_at`` and ``{name}_id``; None if absent
    or not a place."""
    at, key = request.query_params.get(f"{name}_at"), request.query_params.get(f"{name}_id")
    if not (at and key and key.isdigit()):
        return None
    try:
        return datetime.fromisoformat(at), int(key)
    except ValueError:
        return None


@router.get("/queue", response_class=HTMLResponse)
def sales_queue(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _queue(request, session, user)


@router.get("/queue/news", response_class=HTMLResponse)
def queue_news(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    """Asked by an open queue page every 15 s: how many leads arrived above the newest it
    shows (a pill that reloads the queue; cards with forms are not slipped in under a
    rep's cursor)."""
    after = _keyset(request, "after")
    fresh = service.queue_news(session, actor=request_actor(request), after=after)
    return render(request, "routing/_queue_news.html", {"fresh": fresh, "after": after})


def _packet_page(
    request: Request,
    session: SessionDep,
    user: User,
    handoff_id: int,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    handoff = service.get_handoff(session, handoff_id, actor=request_actor(request))
    notifications.mark_read_for_link(session, user.id, f"/queue/{handoff_id}")
    contacts = service.queue_contacts(session, [handoff])
    return page(
        request,
        "routing/packet.html",
        user,
        "queue",
        {
            "h": handoff,
            "rule": rule_label(handoff.rule),
            "contact": contacts[handoff.contact_id],
            "users": users_by_id(session),
            "reasons": lifecycle.list_rejection_reasons(session),
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/queue/{handoff_id:int}", response_class=HTMLResponse)
def packet(
    request: Request, session: SessionDep, user: CurrentUser, handoff_id: int
) -> HTMLResponse:
    return _packet_page(request, session, user, handoff_id)


def _back(request: Request, handoff_id: int, origin: str) -> str:
    # Only our own two pages: never a redirect target taken from the request.
    return f"/queue/{handoff_id}" if origin == "packet" else "/queue"


def _refused(request: Request, session: SessionDep, user: User, handoff_id: int, origin: str):  # type: ignore[no-untyped-def]
    def refused(message: str, status_code: int) -> Response:
        if origin == "packet":
            return _packet_page(
                request, session, user, handoff_id, error=message, status_code=status_code
            )
        return _queue(request, session, user, error=message, status_code=status_code)

    return refused


@router.post("/queue/{handoff_id:int}/accept", response_model=None)
def accept(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    handoff_id: int,
    origin: Annotated[str, Form()] = "queue",
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.accept_handoff(session, handoff_id, actor=actor),
        done="Lead accepted: it is now a sales accepted lead (SAL)",
        then=_back(request, handoff_id, origin),
        refused=_refused(request, session, user, handoff_id, origin),
    )


@router.post("/queue/{handoff_id:int}/reject", response_model=None)
def reject(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    handoff_id: int,
    reason_code: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    origin: Annotated[str, Form()] = "queue",
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.reject_handoff(
            session, handoff_id, reason_code=reason_code, note=note or None, actor=actor
        ),
        done="Lead rejected and recycled to marketing",
        then=_back(request, handoff_id, origin),
        refused=_refused(request, session, user, handoff_id, origin),
    )


# --- the contact page's hand-off card ---------------------------------------------------------


@router.get("/contacts/{contact_id:int}/handoff", response_class=HTMLResponse)
def handoff_card(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    """The contact page's hand-off card (loaded by the page itself)."""
    latest = service.latest_handoff(session, contact_id)
    owner_id = contacts_service.get_contact(session, contact_id).owner_id
    context = {"h": latest, "contact_id": contact_id, "owner_id": owner_id, "user": user}
    return render(request, "routing/_handoff_card.html", {**context, "users": users_by_id(session)})


@router.post("/contacts/{contact_id:int}/route", response_model=None)
def route_now(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.route_contact(session, contact_id, actor=actor, note="routed by hand"),
        done="Lead routed",
        then=f"/contacts/{contact_id}",
        refused=lambda message, code: _flash_back(request, contact_id, message),
    )


@router.post("/contacts/{contact_id:int}/activities", response_model=None)
def log_activity(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contact_id: int,
    kind: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    actor = request_actor(request)

    def change() -> object:
        data = form_schema(lambda: ActivityWrite(kind=kind, note=note or None))
        return service.log_activity(session, contact_id, data, actor=actor)

    return submit(
        request,
        change,
        done="Activity logged",
        then=f"/contacts/{contact_id}",
        refused=lambda message, code: _flash_back(request, contact_id, message),
    )


def _flash_back(request: Request, contact_id: int, message: str) -> Response:
    flash(request, message, "error")
    return see_other(f"/contacts/{contact_id}")


# --- Settings > Routing -----------------------------------------------------------------------


def _settings(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    editing: str | None = None,
    error: str | None = None,
    draft: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    require(actor, Action.ROUTING_EDIT)
    everyone = auth_service.list_users(session)
    webhooks = notifications.list_webhooks(session, actor=actor)
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
            "deliveries": deliveries,
            "reps": [u for u in everyone if u.role in SALES_ROLES],
            "users": {u.id: u for u in everyone},
            "kinds": RULE_KINDS,
            "segments": list(SEGMENTS),
            "editing": editing,
            "error": error,
            "draft": draft,
        },
        status_code=status_code,
    )


@router.get(SETTINGS, response_class=HTMLResponse)
def routing_settings(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _settings(request, session, user)


def _refuse_settings(  # type: ignore[no-untyped-def]
    request: Request,
    session: SessionDep,
    user: User,
    editing: str,
    draft: dict[str, Any] | None = None,
):
    def refused(message: str, status_code: int) -> Response:
        return _settings(
            request,
            session,
            user,
            editing=editing,
            error=message,
            draft=draft,
            status_code=status_code,
        )

    return refused


def _words(text: str) -> list[str]:
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
    rule_id: int | None = None,
) -> Response:
    actor = request_actor(request)

    def change() -> object:
        conditions: dict[str, Any] = {}
        if kind == "territory":
            conditions = {
                "countries": _words(countries),
                "regions": _words(regions),
                "industries": _words(industries),
                "segments": segments or [],
            }
        elif kind == "account_owner":
            conditions = {"target_only": target_only is not None}
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
        refused=_refuse_settings(
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
                    "countries": _words(countries),
                    "regions": _words(regions),
                    "industries": _words(industries),
                    "segments": segments or [],
                    "target_only": target_only is not None,
                },
                "respect_hours": respect_hours is not None,
                "active": active is not None,
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
        refused=_refuse_settings(request, session, user, f"rule-{rule_id}"),
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
        refused=_refuse_settings(request, session, user, f"pool-{pool_id or 'new'}"),
    )


@router.post(f"{SETTINGS}/webhooks", response_model=None)
def add_webhook(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    secret: Annotated[str, Form()] = "",
    kinds: Annotated[str, Form()] = "",
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: notifications.save_webhook(
            session, name=name, url=url, secret=secret, kinds=_words(kinds), actor=actor
        ),
        done="Webhook added",
        then=SETTINGS,
        refused=_refuse_settings(request, session, user, "webhook-new"),
    )


def _on_webhook(
    request: Request,
    session: SessionDep,
    user: User,
    webhook_id: int,
    change: Callable[[Actor], object],
    done: str,
) -> Response:
    """An admin's change to one webhook, shown next to it when refused."""
    actor = request_actor(request)
    return submit(
        request,
        lambda: change(actor),
        done=done,
        then=f"{SETTINGS}#webhook-{webhook_id}",
        refused=_refuse_settings(request, session, user, f"webhook-{webhook_id}"),
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}", response_model=None)
def edit_webhook(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    webhook_id: int,
    url: Annotated[str, Form()] = "",
    kinds: Annotated[str, Form()] = "",
    active: Annotated[str, Form()] = "",
) -> Response:
    return _on_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.update_webhook(
            session, webhook_id, url=url, kinds=_words(kinds), active=bool(active), actor=actor
        ),
        "Webhook saved",
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}/delete", response_model=None)
def delete_webhook(
    request: Request, session: SessionDep, user: CurrentUser, webhook_id: int
) -> Response:
    return _on_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.delete_webhook(session, webhook_id, actor=actor),
        "Webhook deleted",
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}/test", response_model=None)
def test_webhook(
    request: Request, session: SessionDep, user: CurrentUser, webhook_id: int
) -> Response:
    return _on_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.send_test(session, webhook_id, actor=actor),
        "Test delivery queued: its status shows below in a few seconds",
    )
