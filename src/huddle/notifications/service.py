"""``notify`` is what other domains call: an in-app notification for a user, an email in
the outbox and a POST to each matching webhook; ``send_event`` sends one of the webhooks
catalogue's events (``schemas.WEBHOOK_EVENTS``) to the webhooks subscribed to it. Delivery
is by jobs, never inline; the rows and jobs exist only if the caller's transaction commits."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from urllib.parse import urlsplit

from pydantic import BaseModel
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed, found
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.permissions import Action, may, require
from huddle.core.scrub import scrub
from huddle.core.settings import Settings, get_settings
from huddle.notifications import repository, samples, smtp
from huddle.notifications.events import WebhookChanged, WebhookSaved
from huddle.notifications.models import (
    EmailDelivery,
    Notification,
    OutboundEmail,
    Webhook,
    WebhookDelivery,
)
from huddle.notifications.schemas import (
    NOTIFICATION_PAYLOAD,
    WEBHOOK_EVENT_NAMES,
    WEBHOOK_EVENTS,
    NotificationData,
    NotificationKind,
    NotifiedUser,
    WebhookEnvelope,
    WebhookEvent,
)

log = logging.getLogger(__name__)

SEND_EMAIL_JOB = "notifications.send_email"
CHECK_SMTP_JOB = "notifications.check_smtp"
# While delivery is paused the SMTP server is tried again after 30 s, then each time twice
# as long, up to 10 minutes: a server back after an hour is found within ten minutes.
FIRST_CHECK_AFTER = timedelta(seconds=30)
LONGEST_CHECK_AFTER = timedelta(minutes=10)
DELIVER_WEBHOOK_JOB = "notifications.deliver_webhook"
SIGNATURE_HEADER = "X-Huddle-Signature"
TEST_KIND = "webhook.test"
NOTIFICATION_EVENT = "notification.created"
# A failed POST is tried again after each of these waits in turn, then given up: a receiver
# down for an afternoon still gets everything.
WEBHOOK_RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
LIST_LIMIT = 50
# What the outbox keeps of a sent email whose body held a one-time secret.
BLANKED_BODY = "(removed once sent: it held a one-time link)"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: ``sha256=<hex HMAC-SHA256 of the body>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def notify(
    session: Session,
    *,
    user_id: int,
    kind: NotificationKind,
    subject: str,
    body: str,
    data: NotificationData,
    link: str | None = None,
    email: bool = True,
) -> Notification:
    """Tell a user: in-app at once, by email and to webhooks through jobs. ``data`` must be
    the kind's (``schemas.NotificationPayload``): ValueError otherwise."""
    user = found(repository.recipient(session, user_id), f"user {user_id}")
    at = clock.now()
    notification = Notification(
        user_id=user_id,
        kind=kind,
        subject=subject[:300],
        body=body,
        link=link,
        data=data.model_dump(mode="json"),
        created_at=at,
    )
    session.add(notification)
    session.flush()
    if email and user.is_active:
        text = body + (f"\n\nOpen in Huddle: {_absolute(link)}" if link else "")
        queue_email(
            session,
            to_address=user.email,
            subject=subject,
            body=text,
            notification_id=notification.id,
        )
    payload = NOTIFICATION_PAYLOAD.validate_python(
        {
            "kind": kind,
            "notification_id": notification.id,
            "user": NotifiedUser(id=user.id, email=user.email, name=user.name),
            "subject": subject,
            "body": body,
            "link": _absolute(link) if link else None,
            "data": data,
            "at": at,
        }
    )
    for hook in repository.active_webhooks(session):
        if NOTIFICATION_EVENT not in hook.events or (hook.kinds and kind not in hook.kinds):
            continue
        _queue_delivery(session, hook, kind, payload, at)
    return notification


def send_event(session: Session, payload: WebhookEnvelope) -> int:
    """Queue one of the catalogue's events to every active webhook subscribed to it, in the
    caller's transaction (a job per webhook POSTs it); how many were queued."""
    hooks = [h for h in repository.active_webhooks(session) if payload.event in h.events]
    for hook in hooks:
        _queue_delivery(session, hook, payload.event, payload, payload.occurred_at)
    return len(hooks)


def send_to_webhook(session: Session, webhook_id: int, payload: WebhookEnvelope) -> bool:
    """Queue ``payload`` to one webhook, signed like every delivery, in the caller's
    transaction (a workflow's step calls it); False when the webhook is gone or off."""
    hook = repository.get_webhook(session, webhook_id)
    if hook is None or not hook.active:
        return False
    _queue_delivery(session, hook, payload.event, payload, payload.occurred_at)
    return True


def webhook_exists(session: Session, webhook_id: int) -> bool:
    return repository.get_webhook(session, webhook_id) is not None


def webhook_names(session: Session) -> dict[int, str]:
    """Webhook id -> its name (no address, no secret): what a workflow's step may pick."""
    return {hook.id: hook.name for hook in repository.all_webhooks(session)}


def listened_to(session: Session, events: Iterable[str]) -> bool:
    """Whether an active webhook is subscribed to any of ``events``."""
    wanted = set(events)
    return any(wanted.intersection(hook.events) for hook in repository.active_webhooks(session))


def webhook_events() -> tuple[WebhookEvent, ...]:
    """The catalogue, in the order the settings page lists it."""
    return WEBHOOK_EVENTS


def absolute_url(path: str) -> str:
    """A Huddle page's address as a receiver outside Huddle can open it."""
    return _absolute(path)


def queue_email(
    session: Session,
    *,
    to_address: str,
    subject: str,
    body: str,
    notification_id: int | None = None,
    body_secret: bool = False,
) -> OutboundEmail:
    """An email into the outbox, sent by its job. Without a notification (a password reset
    link) it is only an email: nothing in-app, nothing to webhooks. ``body_secret``: the
    body holds a one-time secret, blanked once the email is sent."""
    outgoing = OutboundEmail(
        notification_id=notification_id,
        to_address=to_address,
        subject=subject[:300],
        body=body,
        created_at=clock.now(),
        body_secret=body_secret,
    )
    session.add(outgoing)
    session.flush()
    enqueue(session, SEND_EMAIL_JOB, {"email_id": outgoing.id})
    return outgoing


def _absolute(link: str | None) -> str:
    base = get_settings().public_url.rstrip("/")
    return f"{base}{link}" if link and link.startswith("/") else (link or "")


# --- in-app ----------------------------------------------------------------------------------


def unread_count(session: Session, user_id: int) -> int:
    return repository.unread_count(session, user_id)


def list_notifications(
    session: Session, user_id: int, *, before: int | None = None, limit: int = LIST_LIMIT
) -> list[Notification]:
    """Newest first, keyset-paginated on id."""
    return repository.notifications_of(session, user_id, before=before, limit=limit)


def mark_read(session: Session, user_id: int, notification_id: int | None = None) -> int:
    """Mark one (or, without an id, every) unread notification of the user read."""
    if notification_id is not None:
        notification = repository.get_notification(session, notification_id)
        if notification is None or notification.user_id != user_id:
            raise ResourceNotFound(f"notification {notification_id} not found")
    marked = repository.mark_unread_read(
        session, user_id, clock.now(), notification_id=notification_id
    )
    session.flush()
    return marked


def mark_read_for_link(session: Session, user_id: int, link: str) -> None:
    """Opening what a notification points to reads it."""
    repository.mark_read_for_link(session, user_id, link, clock.now())


def scrub_values(session: Session, needles: tuple[str, ...]) -> None:
    """Erasure: personal values named in notifications, outbox emails and webhook bodies
    are replaced. Rare, so a scan per needle is fine; only rows that name one change."""
    if not needles:
        return
    columns = (
        (Notification, ("subject", "body", "link", "data")),
        (OutboundEmail, ("subject", "body")),
        (WebhookDelivery, ("body",)),
    )
    for model, fields in columns:
        for row in repository.rows_naming(session, model, fields, needles):
            for field in fields:
                setattr(row, field, scrub(getattr(row, field), needles))
    session.flush()


def settle_history(session: Session, *, delivered_before: datetime, read_before: datetime) -> None:
    """For history written after the fact (the demo's eighteen months): emails queued before
    ``delivered_before`` count as sent when they were written, so their jobs are done without
    mailing anyone, and notifications older than ``read_before`` as read."""
    repository.settle_emails_before(session, delivered_before, send_email_job=SEND_EMAIL_JOB)
    repository.mark_read_before(session, read_before)
    session.flush()


# --- webhooks --------------------------------------------------------------------------------


def list_webhooks(session: Session, *, actor: Actor) -> list[Webhook]:
    """The webhooks, for routing editors to see and admins to manage."""
    if not may(actor, Action.WEBHOOK_MANAGE):
        require(actor, Action.ROUTING_EDIT)
    return repository.all_webhooks(session)


def save_webhook(
    session: Session,
    *,
    name: str,
    url: str,
    secret: str,
    events: list[str] | None = None,
    kinds: list[str] | None = None,
    active: bool = True,
    actor: Actor,
) -> Webhook:
    """Add a webhook (admins: it sends leads' details to an outside address, so it is
    managed like the ones that exist). The URL must be http(s). ``events``: the catalogue's
    events it is sent; without them, every notification (what a webhook was before the
    catalogue)."""
    require(actor, Action.WEBHOOK_MANAGE)
    chosen = [NOTIFICATION_EVENT] if events is None else _events(events)
    errors = _url_errors(url) + _event_errors(chosen)
    if len(secret.strip()) < 16:
        errors.append(FieldError("secret", "at least 16 characters"))
    if not name.strip():
        errors.append(FieldError("name", "give the webhook a name"))
    if errors:
        raise ValidationFailed("check the webhook", errors)
    hook = Webhook(name=name.strip(), url=url.strip(), secret=secret.strip())
    session.add(hook)
    hook.events = chosen
    hook.kinds = _kinds(kinds)
    hook.active = active
    session.flush()
    publish(
        session,
        WebhookSaved(webhook_id=hook.id, url=hook.url, active=active, at=clock.now(), actor=actor),
    )
    return hook


def _url_errors(url: str) -> list[FieldError]:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [FieldError("url", "an http:// or https:// address")]
    return []


def _kinds(kinds: list[str] | None) -> list[str]:
    return list(dict.fromkeys(k.strip() for k in kinds or [] if k.strip()))


def _events(events: list[str]) -> list[str]:
    """The events named, in the catalogue's order, each once."""
    named = {e.strip() for e in events}
    unknown = sorted(named - set(WEBHOOK_EVENT_NAMES))
    return [e for e in WEBHOOK_EVENT_NAMES if e in named] + unknown


def _event_errors(events: list[str]) -> list[FieldError]:
    if not events:
        return [FieldError("events", "pick at least one event")]
    unknown = [e for e in events if e not in WEBHOOK_EVENT_NAMES]
    if unknown:
        return [FieldError("events", f"no such event: {', '.join(unknown)}")]
    return []


def get_webhook(session: Session, webhook_id: int) -> Webhook:
    return found(repository.get_webhook(session, webhook_id), f"webhook {webhook_id}")


def update_webhook(
    session: Session,
    webhook_id: int,
    *,
    url: str | None = None,
    events: list[str] | None = None,
    kinds: list[str] | None = None,
    active: bool | None = None,
    actor: Actor,
) -> Webhook:
    """Change where a webhook posts, which events, which notification kinds (empty: all)
    and whether it is on. Admins only; ``None`` leaves a field as it is."""
    require(actor, Action.WEBHOOK_MANAGE)
    hook = get_webhook(session, webhook_id)
    chosen = None if events is None else _events(events)
    errors = _url_errors(url) if url is not None else []
    errors += _event_errors(chosen) if chosen is not None else []
    if errors:
        raise ValidationFailed("check the webhook", errors)
    if url is not None:
        hook.url = url.strip()
    if chosen is not None:
        hook.events = chosen
    if kinds is not None:
        hook.kinds = _kinds(kinds)
    if active is not None:
        hook.active = active
    session.flush()
    _changed(session, hook, "updated", actor)
    return hook


def delete_webhook(session: Session, webhook_id: int, *, actor: Actor) -> None:
    """Remove a webhook and its delivery log (admins only); queued deliveries lapse."""
    require(actor, Action.WEBHOOK_MANAGE)
    hook = get_webhook(session, webhook_id)
    _changed(session, hook, "deleted", actor)
    repository.delete_deliveries_of(session, hook.id)
    session.delete(hook)
    session.flush()


def send_test(
    session: Session, webhook_id: int, *, event: str | None = None, actor: Actor
) -> WebhookDelivery:
    """Queue a signed test POST exactly like a real delivery, even to a webhook that is off,
    so an admin can check the receiver before switching it on: of ``event``, a sample of its
    payload marked ``"test": true``; without one, a ``webhook.test``."""
    require(actor, Action.WEBHOOK_MANAGE)
    hook = get_webhook(session, webhook_id)
    if event is not None and event not in WEBHOOK_EVENT_NAMES:
        raise ValidationFailed("check the event", [FieldError("event", f"no such event: {event}")])
    at = clock.now()
    payload = samples.sample_payload(
        event or TEST_KIND, at=at, webhook_id=hook.id, by_user_id=actor.user_id, base=_absolute
    )
    delivery = _queue_delivery(session, hook, event or TEST_KIND, payload, at)
    _changed(session, hook, "tested", actor)
    return delivery


def _changed(session: Session, hook: Webhook, change: str, actor: Actor) -> None:
    publish(
        session,
        WebhookChanged(
            webhook_id=hook.id,
            change=change,
            url=hook.url,
            active=hook.active,
            at=clock.now(),
            actor=actor,
        ),
    )


def _queue_delivery(
    session: Session, hook: Webhook, kind: str, payload: BaseModel, at: datetime
) -> WebhookDelivery:
    delivery = WebhookDelivery(
        webhook_id=hook.id,
        kind=kind,
        body=json.dumps(payload.model_dump(mode="json"), sort_keys=True),
        created_at=at,
    )
    session.add(delivery)
    session.flush()
    enqueue(session, DELIVER_WEBHOOK_JOB, {"delivery_id": delivery.id, "attempt": 1})
    return delivery


# --- delivery (the jobs) -------------------------------------------------------------------


def send_email(session: Session, email_id: int) -> None:
    """Send one outbox email over SMTP. While delivery is paused it waits in the outbox. An
    SMTP server that cannot be reached pauses delivery: not a failed attempt, nothing lost.
    A message the server refused raises, for the job's retries."""
    outgoing = repository.email_to_send(session, email_id)
    if outgoing is None or outgoing.status == "sent" or _delivery(session).paused_since:
        return
    settings = get_settings()
    message = EmailMessage()
    message["From"] = settings.smtp_sender
    message["To"] = outgoing.to_address
    message["Subject"] = outgoing.subject
    message.set_content(outgoing.body)
    try:
        smtp.send(settings, message)
    except smtp.SmtpUnreachable as exc:
        _pause_delivery(session, settings, reason=str(exc))
        return
    outgoing.status, outgoing.sent_at = "sent", clock.now()
    if outgoing.body_secret:
        outgoing.body = BLANKED_BODY
    session.flush()


def _delivery(session: Session) -> EmailDelivery:
    return found(repository.delivery_state(session), "the email delivery state")


def _pause_delivery(session: Session, settings: Settings, *, reason: str) -> None:
    now = clock.now()
    address = smtp.address(settings)
    # Of two jobs failing at once, one pauses (and queues the check, and says so).
    paused = repository.pause_delivery(
        session,
        {
            "paused_since": now,
            "smtp_address": address,
            "reason": reason[:500],
            "checks": 0,
            "next_check_at": now + FIRST_CHECK_AFTER,
        },
    )
    if not paused:
        return
    enqueue(session, CHECK_SMTP_JOB, {}, run_after=now + FIRST_CHECK_AFTER)
    log.warning(
        "Email delivery paused: cannot reach the SMTP server %s (%s). Messages wait in the "
        "outbox; Huddle tries the server again by itself and sends them when it answers.",
        address,
        reason,
    )


def check_email_delivery(session: Session) -> None:
    """The check a pause queues: when the SMTP server answers, delivery resumes and every
    message waiting in the outbox is queued to send; otherwise the next check is queued,
    each twice as far off as the last (up to ``LONGEST_CHECK_AFTER``), quietly."""
    settings = get_settings()
    # The server first, the database after: on SQLite a transaction holds the database's
    # one write lock, which must not wait on a network timeout.
    try:
        smtp.check(settings)
        unreachable = None
    except smtp.SmtpUnreachable as exc:
        unreachable = str(exc)
    state = _delivery(session)
    if state.paused_since is None:
        return
    if unreachable is None:
        _resume_delivery(session, state, settings)
        return
    state.checks += 1
    wait = min(FIRST_CHECK_AFTER * 2**state.checks, LONGEST_CHECK_AFTER)
    state.smtp_address, state.reason = smtp.address(settings), unreachable[:500]
    state.next_check_at = clock.now() + wait
    enqueue(session, CHECK_SMTP_JOB, {}, run_after=state.next_check_at)
    session.flush()


def _resume_delivery(session: Session, state: EmailDelivery, settings: Settings) -> None:
    waiting = repository.queued_email_ids(session)
    for email_id in waiting:
        enqueue(session, SEND_EMAIL_JOB, {"email_id": email_id})
    state.paused_since = state.next_check_at = state.reason = None
    state.checks = 0
    session.flush()
    log.warning(
        "Email delivery resumed: the SMTP server %s answers again; sending %d waiting message(s).",
        smtp.address(settings),
        len(waiting),
    )


@dataclass(frozen=True)
class DeliveryPause:
    """Email delivery is paused: since when, to which server, why, how many messages wait."""

    smtp_address: str
    since: datetime
    reason: str
    waiting: int
    next_check_at: datetime | None


def delivery_pause(session: Session, *, actor: Actor) -> DeliveryPause | None:
    """The pause, if delivery is paused, for admins (they look after outbound delivery and
    can fix the SMTP settings); ``None`` for everyone else."""
    if not may(actor, Action.WEBHOOK_MANAGE):
        return None
    state = repository.delivery_state(session)
    if state is None or state.paused_since is None:
        return None
    waiting = repository.count_queued_emails(session)
    return DeliveryPause(
        smtp_address=state.smtp_address or "",
        since=state.paused_since,
        reason=state.reason or "",
        waiting=waiting or 0,
        next_check_at=state.next_check_at,
    )


def deliver_webhook(session: Session, delivery_id: int, attempt: int | None = None) -> None:
    """POST one delivery. A non-2xx answer or a network error is written in the delivery's
    log and the POST is tried again later (``WEBHOOK_RETRY_AFTER``), by a job of its own,
    until it is given up. ``attempt``: the try this job is for; a job whose try was already
    made (run twice, its "done" lost) does nothing."""
    delivery = repository.get_delivery(session, delivery_id)
    if delivery is None or delivery.status in ("delivered", "failed"):
        return
    if attempt is not None and attempt != delivery.attempts + 1:
        return
    hook = repository.get_webhook(session, delivery.webhook_id)
    sent = json.loads(delivery.body)
    if hook is None or not (hook.active or delivery.kind == TEST_KIND or sent.get("test")):
        return
    delivery.attempts += 1
    try:
        # Deliveries queued before the catalogue carry no event: their kind says it.
        delivery.response_status = _post(hook, delivery, sent.get("event", delivery.kind))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        _retry_later(session, delivery, exc)
        return
    delivery.status, delivery.delivered_at = "delivered", clock.now()
    delivery.last_error = delivery.next_attempt_at = None
    session.flush()


def _retry_later(session: Session, delivery: WebhookDelivery, error: Exception) -> None:
    if isinstance(error, urllib.error.HTTPError):
        delivery.response_status = error.code
    delivery.last_error = (str(error) or type(error).__name__)[:500]
    if delivery.attempts > len(WEBHOOK_RETRY_AFTER):
        delivery.status, delivery.next_attempt_at = "failed", None
        log.warning("Webhook delivery %s given up: %s", delivery.id, delivery.last_error)
    else:
        delivery.status = "retrying"
        delivery.next_attempt_at = clock.now() + WEBHOOK_RETRY_AFTER[delivery.attempts - 1]
        enqueue(
            session,
            DELIVER_WEBHOOK_JOB,
            {"delivery_id": delivery.id, "attempt": delivery.attempts + 1},
            run_after=delivery.next_attempt_at,
        )
    session.flush()


def _post(hook: Webhook, delivery: WebhookDelivery, event: str) -> int:
    """POST the delivery's body, signed; the answer's status (2xx), or raises."""
    body = delivery.body.encode()
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked on save
        hook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Huddle-Webhook/1",
            SIGNATURE_HEADER: sign(hook.secret, body),
            "X-Huddle-Delivery": str(delivery.id),
            "X-Huddle-Event": event,
            "X-Huddle-Kind": delivery.kind,
        },
    )
    timeout = get_settings().smtp_timeout
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return int(response.status)


def outbox(session: Session, *, limit: int = 50) -> list[OutboundEmail]:
    return repository.latest_emails(session, limit)


def deliveries(
    session: Session, webhook_ids: list[int], *, actor: Actor, per_webhook: int = 5
) -> dict[int, list[WebhookDelivery]]:
    """The latest deliveries of each webhook, newest first (admins: they test and fix)."""
    require(actor, Action.WEBHOOK_MANAGE)
    out: dict[int, list[WebhookDelivery]] = {i: [] for i in webhook_ids}
    for webhook_id in webhook_ids:
        out[webhook_id] = repository.latest_deliveries(session, webhook_id, per_webhook)
    return out


def newest(session: Session, user_id: int) -> datetime | None:
    return repository.newest_created_at(session, user_id)
