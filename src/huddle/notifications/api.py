"""Notifications' JSON API (under /api/v1): the signed-in user's notifications."""

from __future__ import annotations

from fastapi import APIRouter, status
from fastapi.responses import Response

from huddle.notifications import service as notifications
from huddle.web.deps import CurrentUser, SessionDep
from huddle.web.errors import ERROR_RESPONSES

router = APIRouter(responses=ERROR_RESPONSES, tags=["notifications"])


@router.get("/notifications")
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


@router.post("/notifications/read", status_code=status.HTTP_204_NO_CONTENT)
def mark_all_read(user: CurrentUser, session: SessionDep) -> Response:
    """Mark all my notifications read."""
    notifications.mark_read(session, user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
