"""Queueing messages: one send-log row per idempotency key, delivered by a job. Whether a
contact may be mailed is asked here and again when the job sends (``delivery``): an
unsubscribe between the two still stops the message."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core.actor import Actor
from huddle.core.jobs import enqueue
from huddle.core.permissions import Action, require
from huddle.mailing import repository
from huddle.mailing.models import EmailSend, EmailSuppression
from huddle.mailing.service.templates import template_or_404

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

DELIVER_JOB = "mailing.deliver"
# Several sends delivered by one job over one SMTP connection (``one_delivery``).
DELIVER_ALL_JOB = "mailing.deliver_all"
# In a session's info inside ``one_delivery``: the sends queued so far.
_GATHERED = "huddle.mailing.gathered_sends"


@dataclass(frozen=True)
class AssetValues:
    """An asset as a template sees it: ``asset.title``, ``asset.url``."""

    title: str
    url: str

    def as_values(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True)
class SendOutcome:
    """What became of a send: ``status`` "queued" (the worker delivers it), "skipped"
    (``reason`` says why: nothing is sent), or, for a repeated idempotency key
    (``repeated``), the status of the first send with that key: nothing more is sent."""

    send_id: int
    status: str
    reason: str | None = None
    repeated: bool = False

    @property
    def skipped(self) -> bool:
        return self.status == "skipped"


def send_template_to_contact(
    session: Session,
    *,
    template_id: int,
    contact_id: int,
    idempotency_key: str,
    asset: AssetValues | None = None,
) -> SendOutcome:
    """Send a template to a contact, once per ``idempotency_key`` (a repeat sends nothing
    and answers the first send's status). A contact that may not be mailed gets a
    "skipped" row saying why; otherwise the message is queued for the worker, which asks
    again at send time. 404 for an unknown template or contact. No permission check: the
    caller (a workflow, the API route) has decided. ``asset``: what the template's
    ``asset.title`` and ``asset.url`` say (an asset a workflow chose)."""
    existing = repository.send_by_key(session, idempotency_key)
    if existing is not None:
        return _outcome(existing, repeated=True)
    template_or_404(session, template_id)
    contacts.get_contact(session, contact_id)
    reason = why_not_send(session, contact_id)
    send = EmailSend(
        idempotency_key=idempotency_key,
        template_id=template_id,
        contact_id=contact_id,
        status="skipped" if reason else "queued",
        reason=reason,
        template_values=None if asset is None else {"asset": asset.as_values()},
    )
    if repository.add_send(session, send) is None:
        # Another caller with the same key got there first (on PostgreSQL, concurrently).
        first = repository.send_by_key(session, idempotency_key)
        assert first is not None
        return _outcome(first, repeated=True)
    if reason is None:
        _queue_delivery(session, send.id)
    return _outcome(send)


def send_template_to_contacts(
    session: Session, *, template_id: int, recipients: Sequence[tuple[Contact, str]]
) -> list[SendOutcome]:
    """``send_template_to_contact`` for many (contact, idempotency key) pairs at once, in
    a query or statement each (a workflow batch's sends, its contacts in hand), answered
    in their order."""
    template_or_404(session, template_id)
    existing = repository.sends_by_keys(session, [key for _, key in recipients])
    fresh = [(contact.id, key) for contact, key in recipients if key not in existing]
    held = {contact.id: contact for contact, _ in recipients}
    reasons = why_not_mail(session, held, [contact_id for contact_id, _ in fresh])
    rows: list[dict[str, object]] = [
        {
            "idempotency_key": key,
            "template_id": template_id,
            "contact_id": contact_id,
            "status": "skipped" if reasons[contact_id] else "queued",
            "reason": reasons[contact_id],
        }
        for contact_id, key in fresh
    ]
    try:
        with session.begin_nested():
            ids = repository.add_sends(session, rows)
    except IntegrityError:
        # Another caller took one of the keys meanwhile (PostgreSQL): one at a time, each
        # answering the first send of its key.
        return [
            send_template_to_contact(
                session, template_id=template_id, contact_id=contact.id, idempotency_key=key
            )
            for contact, key in recipients
        ]
    made = {
        key: SendOutcome(
            send_id=ids[key],
            status="skipped" if reasons[contact_id] else "queued",
            reason=reasons[contact_id],
        )
        for contact_id, key in fresh
    }
    for outcome in made.values():
        if not outcome.skipped:
            _queue_delivery(session, outcome.send_id)
    return [
        _outcome(existing[key], repeated=True) if key in existing else made[key]
        for _, key in recipients
    ]


@contextmanager
def one_delivery(session: Session) -> Iterator[None]:
    """The sends queued inside the block are delivered by one job, over one connection
    (queued when the block ends, in the same transaction): a workflow's batch of steps."""
    gathered: list[int] = []
    session.info[_GATHERED] = gathered
    try:
        yield
        if gathered:
            enqueue(session, DELIVER_ALL_JOB, {"send_ids": gathered})
    finally:
        session.info.pop(_GATHERED, None)


def _queue_delivery(session: Session, send_id: int) -> None:
    gathered = session.info.get(_GATHERED)
    if gathered is None:
        enqueue(session, DELIVER_JOB, {"send_id": send_id})
    else:
        gathered.append(send_id)


def send_template(
    session: Session,
    *,
    template_id: int,
    contact_id: int,
    idempotency_key: str,
    actor: Actor,
) -> SendOutcome:
    """``send_template_to_contact`` for a person or a token (the API): email.manage."""
    require(actor, Action.EMAIL_MANAGE)
    return send_template_to_contact(
        session, template_id=template_id, contact_id=contact_id, idempotency_key=idempotency_key
    )


def send_test(
    session: Session, template_id: int, contact_id: int, *, to: str, actor: Actor
) -> SendOutcome:
    """The template as ``contact_id`` would get it, sent to ``to`` (the person testing):
    no tracking, and its unsubscribe link unsubscribes nobody."""
    require(actor, Action.EMAIL_MANAGE)
    template_or_404(session, template_id)
    contacts.get_contact(session, contact_id)
    send = EmailSend(
        idempotency_key=f"test:{uuid.uuid4().hex}",
        template_id=template_id,
        contact_id=contact_id,
        is_test=True,
        test_to=to,
        status="queued",
    )
    session.add(send)
    session.flush()
    enqueue(session, DELIVER_JOB, {"send_id": send.id})
    return _outcome(send)


def why_not_send(session: Session, contact_id: int | None) -> str | None:
    """Why this contact may get no email now; None when it may."""
    if contact_id is None:
        return "the contact no longer exists"
    return why_not_send_all(session, [contact_id])[contact_id]


def why_not_send_all(session: Session, contact_ids: Collection[int]) -> dict[int, str | None]:
    """``why_not_send`` for each of these contacts, in two queries (the contacts, their
    suppressions) however many they are: a batch's sends are checked together."""
    return why_not_mail(session, contacts.contacts_by_id(session, contact_ids), contact_ids)


def why_not_mail(
    session: Session, found: dict[int, Contact], contact_ids: Collection[int]
) -> dict[int, str | None]:
    """``why_not_send_all`` with the contacts read already (``found``: those that exist)."""
    suppressed = repository.suppressions_of(
        session, [c.email for c in found.values() if c.email is not None]
    )
    return {contact_id: _why_not(found.get(contact_id), suppressed) for contact_id in contact_ids}


def _why_not(contact: Contact | None, suppressed: dict[str, EmailSuppression]) -> str | None:
    if contact is None:
        return "the contact no longer exists"
    if contact.email is None:
        return "no email address"
    if contacts.is_erased(contact):
        return "erased"
    if contact.email_opt_in == "opted_out":
        return "unsubscribed"
    if contact.do_not_email:
        return "marked do-not-email"
    if not contacts.can_email(contact):
        return "may not be emailed"
    suppression = suppressed.get(contact.email.lower())
    if suppression is not None:
        return f"suppressed ({suppression.reason})"
    return None


def list_sends(
    session: Session,
    *,
    actor: Actor,
    status: str | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> Sequence[EmailSend]:
    require(actor, Action.EMAIL_MANAGE)
    return repository.sends(session, status=status, before_id=before_id, limit=limit)


def _outcome(send: EmailSend, *, repeated: bool = False) -> SendOutcome:
    return SendOutcome(send_id=send.id, status=send.status, reason=send.reason, repeated=repeated)
