"""Notifications' JSON API (under /api/v1): the signed-in user's notifications, and the
outbound webhooks (managed by admins, listed to routing editors) with their catalogue of
events, each documented in the OpenAPI document's ``webhooks`` section."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Body, FastAPI, Header, status
from fastapi.responses import Response

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.core.bounds import RowId
from huddle.notifications import samples
from huddle.notifications import service as notifications
from huddle.notifications.schemas import (
    DeliveryRead,
    NotificationPage,
    NotificationRead,
    WebhookCreate,
    WebhookEvent,
    WebhookEventName,
    WebhookEventRead,
    WebhookRead,
    WebhookUpdate,
)
from huddle.web.deps import SessionDep

router = APIRouter(tags=["notifications"])


@router.get("/notifications", operation_id="notifications.list")
def my_notifications(
    user: CurrentUser, session: SessionDep, before: int | None = None
) -> NotificationPage:
    """My notifications, newest first, and how many are unread."""
    items = notifications.list_notifications(session, user.id, before=before)
    return NotificationPage(
        unread=notifications.unread_count(session, user.id),
        items=[NotificationRead.model_validate(n) for n in items],
    )


@router.post(
    "/notifications/read",
    operation_id="notifications.mark_all_read",
    status_code=status.HTTP_204_NO_CONTENT,
)
def mark_all_read(user: CurrentUser, session: SessionDep) -> Response:
    """Mark all my notifications read."""
    notifications.mark_read(session, user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- outbound webhooks -------------------------------------------------------------------------


@router.get("/webhooks", operation_id="webhooks.list", response_model=list[WebhookRead])
def list_webhooks(actor: CurrentActor, session: SessionDep) -> list[WebhookRead]:
    """Every outbound webhook (routing editors and admins); secrets are never returned."""
    return [
        WebhookRead.model_validate(h) for h in notifications.list_webhooks(session, actor=actor)
    ]


@router.post(
    "/webhooks",
    operation_id="webhooks.create",
    response_model=WebhookRead,
    status_code=status.HTTP_201_CREATED,
)
def create_webhook(actor: CurrentActor, session: SessionDep, data: WebhookCreate) -> WebhookRead:
    """Add a webhook (admins): the catalogue's ``events`` (see the spec's ``webhooks``) are
    POSTed to ``url``, signed in ``X-Huddle-Signature: sha256=<HMAC-SHA256(secret, body)>``;
    of ``notification.created``, only notifications of ``kinds`` (all when empty)."""
    hook = notifications.save_webhook(session, **data.model_dump(), actor=actor)
    return WebhookRead.model_validate(hook)


@router.patch("/webhooks/{webhook_id}", operation_id="webhooks.update", response_model=WebhookRead)
def update_webhook(
    webhook_id: RowId, actor: CurrentActor, session: SessionDep, data: WebhookUpdate
) -> WebhookRead:
    """Change the URL, the events, the kinds or whether it is on (admins)."""
    hook = notifications.update_webhook(
        session, webhook_id, **data.model_dump(exclude_unset=True), actor=actor
    )
    return WebhookRead.model_validate(hook)


@router.delete(
    "/webhooks/{webhook_id}", operation_id="webhooks.delete", status_code=status.HTTP_204_NO_CONTENT
)
def delete_webhook(webhook_id: RowId, actor: CurrentActor, session: SessionDep) -> Response:
    """Remove a webhook and its delivery log (admins)."""
    notifications.delete_webhook(session, webhook_id, actor=actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/webhooks/{webhook_id}/test",
    operation_id="webhooks.test",
    response_model=DeliveryRead,
    status_code=status.HTTP_202_ACCEPTED,
)
def test_webhook(
    webhook_id: RowId,
    actor: CurrentActor,
    session: SessionDep,
    event: WebhookEventName | None = None,
) -> DeliveryRead:
    """Queue a signed test delivery, even to a webhook that is off (admins): a sample of
    ``event``'s payload marked ``"test": true``, or without one a ``webhook.test``. Its
    status shows under ``GET /webhooks/{id}/deliveries``."""
    delivery = notifications.send_test(session, webhook_id, event=event, actor=actor)
    return DeliveryRead.model_validate(delivery)


@router.get(
    "/webhooks/events", operation_id="webhooks.events", response_model=list[WebhookEventRead]
)
def webhook_events(actor: CurrentActor) -> list[WebhookEventRead]:
    """The catalogue: every event a webhook can subscribe to, with what it means (its
    payload's schema is in the spec's ``webhooks`` section, under the event's name)."""
    return [
        WebhookEventRead(name=e.name, title=e.title, description=e.description)
        for e in notifications.webhook_events()
    ]


@router.get(
    "/webhooks/{webhook_id}/deliveries",
    operation_id="webhooks.deliveries",
    response_model=list[DeliveryRead],
)
def webhook_deliveries(
    webhook_id: RowId, actor: CurrentActor, session: SessionDep
) -> list[DeliveryRead]:
    """The webhook's latest deliveries, newest first (admins)."""
    notifications.get_webhook(session, webhook_id)
    found = notifications.deliveries(session, [webhook_id], actor=actor, per_webhook=50)
    return [DeliveryRead.model_validate(d) for d in found[webhook_id]]


# --- the catalogue in the OpenAPI document ---------------------------------------------------

_SIGNED = (
    "POSTed as JSON to each webhook subscribed to it, signed: `X-Huddle-Signature` is "
    "`sha256=` and the hex HMAC-SHA256 of the raw body under the webhook's secret (compare it "
    "in constant time). Any 2xx answer counts as delivered; anything else, or no answer, is "
    "tried again later (after 1 and 5 minutes, half an hour, 2 and 6 hours), and each try is "
    "in the webhook's delivery log. A delivery may arrive twice: `X-Huddle-Delivery` names it."
)


_EXAMPLE_SITE = "https://huddle.example.com"


def document_webhooks(app: FastAPI) -> None:
    """Describe each of the catalogue's events in the OpenAPI document's ``webhooks``
    section (OpenAPI 3.1), with its payload's schema and an example."""
    example_at = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    for event in notifications.webhook_events():
        app.webhooks.add_api_route(
            event.name,
            _receiver(event),
            methods=["POST"],
            operation_id=f"webhooks.{event.name}",
            summary=event.title,
            description=f"{event.description}\n\n{_SIGNED}",
            tags=["webhooks"],
            openapi_extra={
                "requestBody": {
                    "content": {
                        "application/json": {
                            "example": samples.sample_payload(
                                event.name,
                                at=example_at,
                                webhook_id=1,
                                by_user_id=1,
                                base=_EXAMPLE_SITE.__add__,
                            ).model_dump(mode="json")
                        }
                    }
                }
            },
            status_code=status.HTTP_204_NO_CONTENT,
            responses={
                204: {"description": "Any 2xx answer: delivered."},
                "default": {"description": "Anything else, or no answer: tried again later."},
            },
        )


def _receiver(event: WebhookEvent) -> Callable[..., None]:
    """A stand-in for the receiver's endpoint: its signature is what the document shows
    (the body's model and the headers Huddle sends)."""

    def receiver(**_: object) -> None:
        """Never called: Huddle sends this request, it does not answer it."""

    body = inspect.Parameter(
        "payload", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[event.payload, Body()]
    )
    receiver.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            body,
            _header("x_huddle_signature", "`sha256=` and the hex HMAC-SHA256 of the body."),
            _header("x_huddle_event", f"The event: `{event.name}`."),
            _header("x_huddle_delivery", "The delivery's id, the same on each try."),
        ],
        return_annotation=None,
    )
    return receiver


def _header(name: str, description: str) -> inspect.Parameter:
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        annotation=Annotated[str, Header(description=description)],
    )
