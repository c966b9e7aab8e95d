"""What notifications does when other domains' events happen (notifications builds on
auth: auth publishes, and knows nothing of notifications)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.auth.events import PasswordResetEmailReady
from huddle.core.events import subscribe
from huddle.notifications.service import queue_email


@subscribe(PasswordResetEmailReady)
def send_password_reset_email(session: Session, event: PasswordResetEmailReady) -> None:
    """Only an email: nothing in-app, nothing to webhooks; its body (the one-time link) is
    blanked once sent."""
    queue_email(
        session,
        to_address=event.to_address,
        subject=event.subject,
        body=event.body,
        body_secret=True,
    )
