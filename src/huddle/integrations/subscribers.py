"""The webhooks catalogue's events, from the domain events they stand for: each handler
turns one domain event into its documented payload (``notifications.schemas``) and queues it,
in the publishing transaction, to the webhooks subscribed to it (``notifications.send_event``:
a job per webhook POSTs it, never an HTTP call here).

Like the audit trail, this listens to every domain and nobody imports it: notifications
cannot (routing and the SLA build on notifications), so the catalogue's subscribers live here.
A payload names things by id and link, never a contact's personal details (see
``notifications.schemas``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased, ContactsChanged, ContactsCreated, ContactsMerged
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.events import DomainEvent, subscribe
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.events import OpportunityClosed, StageChanged
from huddle.notifications import schemas as hooks
from huddle.notifications import service as notifications
from huddle.routing.events import HandoffDecided, LeadHandedOff, LeadRecycled
from huddle.sla.events import SlaBreached, SlaEscalated, SlaWarning


def for_webhooks(
    event_type: type[DomainEvent], *webhook_events: str
) -> Callable[[Callable[[Session, Any], None]], Callable[[Session, Any], None]]:
    """Subscribe the handler to ``event_type``, to run only while an active webhook listens
    to one of ``webhook_events``: with none, nothing is built (an import's chunk of new
    contacts costs one small query, not a payload per contact)."""

    def register(handler: Callable[[Session, Any], None]) -> Callable[[Session, Any], None]:
        @functools.wraps(handler)
        def when_listened_to(session: Session, event: Any) -> None:
            if notifications.listened_to(session, webhook_events):
                handler(session, event)

        subscribe(event_type)(when_listened_to)
        return handler

    return register


def _actor(actor: Actor) -> hooks.WebhookActor:
    return hooks.WebhookActor(kind=actor.kind, user_id=actor.user_id)


def _contact(contact_id: int) -> hooks.ContactReference:
    return hooks.ContactReference(
        id=contact_id, url=notifications.absolute_url(f"/contacts/{contact_id}")
    )


@for_webhooks(ContactsCreated, "contact.created")
def contacts_created(session: Session, event: ContactsCreated) -> None:
    born = [
        hooks.NewContactData(
            **_contact(c.contact_id).model_dump(), lifecycle_stage=c.lifecycle_stage
        )
        for c in event.contacts
    ]
    if not born:
        return
    data = hooks.ContactCreatedData(contacts=born, actor=_actor(event.actor))
    at = max(c.at for c in event.contacts)
    notifications.send_event(session, hooks.ContactCreatedPayload(occurred_at=at, data=data))


@for_webhooks(ContactsChanged, "contact.changed")
def contacts_changed(session: Session, event: ContactsChanged) -> None:
    data = hooks.ContactChangedData(
        contact_ids=list(event.contact_ids),
        account_ids=list(event.account_ids),
        actor=_actor(event.actor),
    )
    notifications.send_event(
        session, hooks.ContactChangedPayload(occurred_at=clock.now(), data=data)
    )


@for_webhooks(ContactsMerged, "contact.merged")
def contacts_merged(session: Session, event: ContactsMerged) -> None:
    data = hooks.ContactMergedData(
        survivor=_contact(event.survivor_id), merged_id=event.merged_id, actor=_actor(event.actor)
    )
    notifications.send_event(
        session, hooks.ContactMergedPayload(occurred_at=clock.now(), data=data)
    )


@for_webhooks(ContactErased, "contact.erased")
def contact_erased(session: Session, event: ContactErased) -> None:
    data = hooks.ContactErasedData(contact_id=event.contact_id, actor=_actor(event.actor))
    notifications.send_event(session, hooks.ContactErasedPayload(occurred_at=event.at, data=data))


@for_webhooks(StageChanged, "contact.stage_changed")
def stage_changed(session: Session, event: StageChanged) -> None:
    data = hooks.StageChangedData(
        contact=_contact(event.contact_id),
        from_stage=event.from_stage,
        to_stage=event.to_stage,
        reason=event.reason,
        actor=_actor(event.actor),
    )
    notifications.send_event(session, hooks.StageChangedPayload(occurred_at=event.at, data=data))


@for_webhooks(LeadHandedOff, "lead.handed_off")
def lead_handed_off(session: Session, event: LeadHandedOff) -> None:
    data = hooks.HandedOffData(
        handoff_id=event.handoff_id,
        contact=_contact(event.contact_id),
        owner_id=event.owner_id,
        team=event.team,
        rule=event.rule,
        reason=event.reason,
        actor=_actor(event.actor),
    )
    notifications.send_event(session, hooks.LeadHandedOffPayload(occurred_at=event.at, data=data))


@for_webhooks(HandoffDecided, "handoff.accepted", "handoff.rejected")
def handoff_decided(session: Session, event: HandoffDecided) -> None:
    data = hooks.HandoffDecidedData(
        handoff_id=event.handoff_id,
        contact=_contact(event.contact_id),
        owner_id=event.owner_id,
        reason=None if event.accepted else event.reason,
        actor=_actor(event.actor),
    )
    payload: hooks.HandoffAcceptedPayload | hooks.HandoffRejectedPayload = (
        hooks.HandoffAcceptedPayload(occurred_at=event.at, data=data)
        if event.accepted
        else hooks.HandoffRejectedPayload(occurred_at=event.at, data=data)
    )
    notifications.send_event(session, payload)


@for_webhooks(LeadRecycled, "lead.recycled")
def lead_recycled(session: Session, event: LeadRecycled) -> None:
    data = hooks.LeadRecycledData(
        handoff_id=event.handoff_id,
        contact=_contact(event.contact_id),
        reason=event.reason,
        actor=_actor(event.actor),
    )
    notifications.send_event(session, hooks.LeadRecycledPayload(occurred_at=event.at, data=data))


@for_webhooks(SlaWarning, "sla.warning")
def sla_warning(session: Session, event: SlaWarning) -> None:
    data = hooks.SlaWarningData(
        clock_id=event.clock_id,
        contact=_contact(event.contact_id),
        owner_id=event.owner_id,
        term_key=event.term_key,
        due_at=event.due_at,
    )
    notifications.send_event(session, hooks.SlaWarningPayload(occurred_at=event.at, data=data))


@for_webhooks(SlaBreached, "sla.breached")
def sla_breached(session: Session, event: SlaBreached) -> None:
    data = hooks.SlaBreachedData(
        clock_id=event.clock_id,
        contact=_contact(event.contact_id),
        owner_id=event.owner_id,
        term_key=event.term_key,
        due_at=event.due_at,
        handoff_id=event.handoff_id,
        reroute=event.reroute,
    )
    notifications.send_event(session, hooks.SlaBreachedPayload(occurred_at=event.at, data=data))


@for_webhooks(SlaEscalated, "sla.escalated")
def sla_escalated(session: Session, event: SlaEscalated) -> None:
    data = hooks.SlaEscalatedData(
        clock_id=event.clock_id,
        contact=_contact(event.contact_id),
        owner_id=event.owner_id,
        manager_id=event.manager_id,
        term_key=event.term_key,
    )
    notifications.send_event(session, hooks.SlaEscalatedPayload(occurred_at=event.at, data=data))


@for_webhooks(OpportunityClosed, "deal.won", "deal.lost")
def deal_closed(session: Session, event: OpportunityClosed) -> None:
    deal = lifecycle.get_opportunity(session, event.opportunity_id)
    data = hooks.DealClosedData(
        opportunity_id=deal.id,
        url=notifications.absolute_url(f"/opportunities/{deal.id}"),
        account_id=deal.account_id,
        name=deal.name,
        amount=deal.amount,
        currency=deal.currency,
        owner_id=deal.owner_id,
        reason=event.reason,
        actor=_actor(event.actor),
    )
    payload: hooks.DealWonPayload | hooks.DealLostPayload = (
        hooks.DealWonPayload(occurred_at=event.at, data=data)
        if event.won
        else hooks.DealLostPayload(occurred_at=event.at, data=data)
    )
    notifications.send_event(session, payload)
