"""Settings > Routing's webhooks: add, edit (the catalogue's events, picked by name),
delete, send a test delivery (of one event's sample payload, or a plain test)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.actor import Actor
from huddle.notifications import service as notifications
from huddle.routing.views.settings import SETTINGS, refuse_settings
from huddle.web.deps import SessionDep
from huddle.web.views import submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)


@router.post(f"{SETTINGS}/webhooks", response_model=None)
def add_webhook(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    secret: Annotated[str, Form()] = "",
    events: Annotated[list[str] | None, Form()] = None,
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: notifications.save_webhook(
            session, name=name, url=url, secret=secret, events=events or [], actor=actor
        ),
        done="Webhook added",
        then=SETTINGS,
        refused=refuse_settings(request, session, user, "webhook-new"),
    )


def _change_webhook(
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
        refused=refuse_settings(request, session, user, f"webhook-{webhook_id}"),
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}", response_model=None)
def edit_webhook(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    webhook_id: int,
    url: Annotated[str, Form()] = "",
    events: Annotated[list[str] | None, Form()] = None,
    active: Annotated[str, Form()] = "",
) -> Response:
    # Boxes left unticked are not sent: no events means none ticked.
    return _change_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.update_webhook(
            session, webhook_id, url=url, events=events or [], active=bool(active), actor=actor
        ),
        "Webhook saved",
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}/delete", response_model=None)
def delete_webhook(
    request: Request, session: SessionDep, user: CurrentUser, webhook_id: int
) -> Response:
    return _change_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.delete_webhook(session, webhook_id, actor=actor),
        "Webhook deleted",
    )


@router.post(f"{SETTINGS}/webhooks/{{webhook_id:int}}/test", response_model=None)
def test_webhook(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    webhook_id: int,
    event: Annotated[str, Form()] = "",
) -> Response:
    return _change_webhook(
        request,
        session,
        user,
        webhook_id,
        lambda actor: notifications.send_test(
            session, webhook_id, event=event or None, actor=actor
        ),
        "Test delivery queued: its status shows below in a few seconds",
    )
