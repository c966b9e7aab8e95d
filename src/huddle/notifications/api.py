"""Notifications' JSON API (under /api/v1): the signed-in user's notifications, and the
outbound webhooks (added by routing editors; changed, removed and tested by admins)."""

from __future__ import annotations

from fastapi import APIRouter, status
from fastapi.responses import Response

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.core.bounds import RowId
from huddle.notifications import service as notifications
from huddle.notifications.schemas import DeliveryRead, WebhookCreate, WebhookRead, WebhookUpdate
from huddle.web.deps import SessionDep

router = APIRouter(tags=["notifications"])


@router.get("/notifications", operation_id="notifications.list")
def my_notifications(
    user: CurrentUser, session: SessionDep, before: int | None = None
) -> dict[str, object]:
    """My notifications, newest first, and how many are unread."""
    items = notifications.list_notifications(session, user.id, before=before)
    return {
        "unread": notifications.unread_count(session, user.id),
        "items": [
            {
                "id": n.id,
                "kind": n.kind,
                "subject": n.subject,
                "body": n.body,
                "link": n.link,
                "created_at": n.created_at,
                "read_at": n.read_at,
            }
            for n in items
        ],
    }


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
    """Add a webhook: notifications of ``kinds`` (all when empty) are POSTed to ``url``,
    signed in ``X-Huddle-Signature: sha256=<HMAC-SHA256(secret, body)>``."""
    hook = notifications.save_webhook(session, **data.model_dump(), actor=actor)
    return WebhookRead.model_validate(hook)


@router.patch("/webhooks/{webhook_id}", operation_id="webhooks.update", response_model=WebhookRead)
def update_webhook(
    webhook_id: RowId, actor: CurrentActor, session: SessionDep, data: WebhookUpdate
) -> WebhookRead:
    """Change the URL, the kinds or whether it is on (admins)."""
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
def test_webhook(webhook_id: RowId, actor: CurrentActor, session: SessionDep) -> DeliveryRead:
    """Queue a signed test delivery (kind ``webhook.test``), even to a webhook that is off
    (admins). Its status shows under ``GET /webhooks/{id}/deliveries``."""
    return DeliveryRead.model_validate(notifications.send_test(session, webhook_id, actor=actor))


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
