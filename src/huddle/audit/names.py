"""The audit trail names people and records where it was written with their numbers.

Summaries are stored with ids ("Lead #12 handed to user #6"): a contact's name is personal
data that an erasure must be able to remove, and the trail keeps no copy of it. The page
puts today's names in their place, each linked to its record; an erased or deleted record
keeps its number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.routing import service as routing_service
from huddle.web.format import is_erased, person_name

# "user #6", "Lead #12", "hand-off #588", "contact #3" inside a summary.
MENTION = re.compile(r"\b(user|contact|lead|hand-off) #(\d+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Names:
    users: dict[int, str]
    contacts: dict[int, str]
    handoff_leads: dict[int, int]

    def contact_link(self, contact_id: int, fallback: str) -> Markup:
        name = self.contacts.get(contact_id)
        if not name:
            return escape(fallback)
        return Markup('<a href="/contacts/{}">{}</a>').format(contact_id, name)

    def mention(self, kind: str, number: int, text: str) -> Markup:
        kind = kind.lower()
        if kind == "user":
            return escape(self.users.get(number, text))
        if kind == "hand-off":
            lead = self.handoff_leads.get(number)
            if lead is None or lead not in self.contacts:
                return escape(text)
            return Markup("{} hand-off of {}").format(
                "The" if text[0].isupper() else "the", self.contact_link(lead, text)
            )
        return self.contact_link(number, text)


def names_for(session: Session, entries: Iterable[AuditEntry]) -> Names:
    """The names a page of entries mentions, looked up once for the page."""
    entries = list(entries)
    mentioned: dict[str, set[int]] = {"contact": set(), "hand-off": set()}
    for entry in entries:
        if entry.subject_type == "contact" and entry.subject_id:
            mentioned["contact"].add(int(entry.subject_id))
        for kind, number in MENTION.findall(entry.summary or ""):
            key = "contact" if kind.lower() in ("contact", "lead") else kind.lower()
            if key in mentioned:
                mentioned[key].add(int(number))
    handoff_leads = routing_service.handoff_contact_ids(session, mentioned["hand-off"])
    contacts = contacts_service.contacts_by_id(
        session, mentioned["contact"] | set(handoff_leads.values())
    )
    return Names(
        users={user.id: user.name for user in users_by_id(session).values()},
        # An erased contact has no name left to show: the trail keeps its number.
        contacts={
            contact_id: person_name(c) for contact_id, c in contacts.items() if not is_erased(c)
        },
        handoff_leads=handoff_leads,
    )


def named(summary: str, names: Names) -> Markup:
    """The summary with each "user #6", "lead #12", "hand-off #588" replaced by a name."""
    parts: list[Markup] = []
    position = 0
    for match in MENTION.finditer(summary):
        parts.append(escape(summary[position : match.start()]))
        parts.append(names.mention(match.group(1), int(match.group(2)), match.group(0)))
        position = match.end()
    parts.append(escape(summary[position:]))
    return Markup("").join(parts)


# What each action is called on the page; an action not listed reads as its words.
ACTION_LABELS = {
    "routing.handed_off": "Lead handed off",
    "routing.handoff_decided": "Hand-off accepted or rejected",
    "routing.pool_changed": "Team pool changed",
    "routing.recycled": "Lead recycled",
    "routing.rule_changed": "Routing rule changed",
    "lifecycle.rejection_reason_changed": "Rejection reason changed",
    "lifecycle.transitions_changed": "Allowed stage moves changed",
    "notifications.webhook_changed": "Webhook changed",
    "notifications.webhook_saved": "Webhook saved",
    "opportunity.deleted": "Deal deleted",
    "sla.breached": "SLA breached",
    "sla.calendar_changed": "SLA calendar changed",
    "sla.escalated": "SLA breach escalated",
    "sla.version_activated": "SLA version in force",
    "sla.version_drafted": "SLA version drafted",
    "sla.version_signed": "SLA version signed",
    "token.issued": "API token issued",
    "token.revoked": "API token revoked",
    "contact.personal_data_exported": "Personal data exported",
}


def action_label(action: str) -> str:
    """'contact.owner_changed' -> 'Contact owner changed'."""
    known = ACTION_LABELS.get(action)
    if known:
        return known
    words = action.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]
