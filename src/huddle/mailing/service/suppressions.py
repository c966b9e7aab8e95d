"""The suppression list: addresses that bounced for good or complained get no marketing
email again, whichever way the news came (a DSN to the bounce address, a provider's
events, the API, a person)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed, found
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.core.scrub import scrub
from huddle.mailing import repository
from huddle.mailing.events import AddressSuppressed
from huddle.mailing.models import EmailSuppression
from huddle.mailing.reports import read_report
from huddle.mailing.schemas import DeliveryEvents, SuppressionWrite


@dataclass(frozen=True)
class Suppressed:
    suppression: EmailSuppression
    new: bool


def list_suppressions(session: Session, *, actor: Actor) -> Sequence[EmailSuppression]:
    require(actor, Action.EMAIL_MANAGE)
    return repository.suppressions(session)


def add_suppression(session: Session, data: SuppressionWrite, *, actor: Actor) -> Suppressed:
    """Suppress an address (by hand or through the API); suppressing it again keeps the
    first record."""
    require(actor, Action.EMAIL_MANAGE)
    return suppress(
        session, data.email, reason=data.reason, detail=data.detail, source="api", actor=actor
    )


def remove_suppression(session: Session, suppression_id: int, *, actor: Actor) -> None:
    """Take an address off the list (it was suppressed by mistake)."""
    require(actor, Action.EMAIL_MANAGE)
    session.delete(found(repository.suppression_by_id(session, suppression_id), "suppression"))
    session.flush()


def record_delivery_events(
    session: Session, data: DeliveryEvents, *, actor: Actor
) -> tuple[int, int]:
    """Bounces and complaints a provider reported: (newly suppressed, already suppressed)."""
    require(actor, Action.EMAIL_MANAGE)
    outcomes = [
        suppress(session, e.email, reason=e.type, detail=e.detail, source="events api", actor=actor)
        for e in data.events
    ]
    new = sum(o.new for o in outcomes)
    return new, len(outcomes) - new


def record_report(session: Session, raw: bytes, *, actor: Actor) -> list[Suppressed]:
    """A message delivered to the bounce or feedback address: each address it reports as
    failed for good (RFC 3464) or complained about (RFC 5965) is suppressed. Other mail
    suppresses nothing."""
    return [
        suppress(session, r.email, reason=r.reason, detail=r.detail, source="report", actor=actor)
        for r in read_report(raw)
    ]


def suppress(
    session: Session,
    email: str,
    *,
    reason: str,
    detail: str | None,
    source: str,
    actor: Actor,
) -> Suppressed:
    try:
        address = normalize_email(email)
    except InvalidEmail as exc:
        raise ValidationFailed("not an email address", [FieldError("email", str(exc))]) from exc
    existing = repository.suppression(session, address)
    if existing is not None:
        return Suppressed(existing, new=False)
    row = EmailSuppression(
        email=address, reason=reason, detail=(detail or None) and detail[:500], source=source
    )
    session.add(row)
    session.flush()
    publish(
        session,
        AddressSuppressed(
            suppression_id=row.id, reason=reason, source=source, at=clock.now(), actor=actor
        ),
    )
    return Suppressed(row, new=True)


def scrub_erased(session: Session, needles: tuple[str, ...]) -> None:
    """An erased contact's address leaves the list and the log (``ContactErased``). The
    suppression goes with it: nothing would be sent to an erased contact anyway."""
    for row in repository.suppressions_matching(session, needles):
        session.delete(row)
    for send in repository.sends_to(session, needles):
        send.to_address = scrub(send.to_address, needles)
        send.test_to = scrub(send.test_to, needles)
        send.subject = scrub(send.subject, needles)
    session.flush()
