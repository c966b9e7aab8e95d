"""Page views from the snippet, and stitching a visitor's history to a contact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.tracking import repository
from huddle.tracking.models import Site

SNIPPET = Actor.system("website tracking")
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")


@dataclass(frozen=True, slots=True)
class PageView:
    """One page view as the snippet reports it (already size-checked by the endpoint)."""

    site_id: int
    visitor_id: str
    event_id: str
    url: str
    title: str
    referrer: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class Identification:
    visitor_id: str
    contact_id: int


def origin_allowed(site: Site, origin: str | None) -> bool:
    """Only the site's own origins may write to it (the browser's Origin header)."""
    return origin is not None and origin.rstrip("/").lower() in site.allowed_origins


def page_view_properties(view: PageView) -> dict[str, str]:
    properties = {"url": view.url, "title": view.title, "referrer": view.referrer}
    if "utm_" in view.url:  # most page views carry none: skip parsing the URL
        query = dict(parse_qsl(urlsplit(view.url).query))
        properties.update({key: query[key][:200] for key in UTM_KEYS if query.get(key)})
    return {k: v for k, v in properties.items() if v}


def record_page_views(
    session: Session,
    views: Sequence[PageView],
    identifications: Sequence[Identification] = (),
) -> int:
    """Store a batch of page views (each ``event_id`` once per visitor and site): an
    identified visitor's go straight to the contact, others wait under the visitor id. Then
    apply the identifications (their visitors' whole history moves to the contact).
    Returns how many page views were new."""
    known = repository.identified_visitors(session, sorted({v.visitor_id for v in views}))
    rows = [
        contacts.TouchRow(
            type="page_view",
            occurred_at=view.occurred_at,
            contact_id=known.get(view.visitor_id),
            visitor_id=view.visitor_id,
            properties=page_view_properties(view),
            idempotency_key=f"pv:{view.site_id}:{view.visitor_id}:{view.event_id}",
        )
        for view in views
    ]
    ids = contacts.record_touches(session, rows, actor=SNIPPET) if rows else []
    # A token may name a contact deleted since it was sent: nobody to attach to then.
    _, existing = contacts.find_contacts(
        session, emails=(), contact_ids=sorted({i.contact_id for i in identifications})
    )
    for identification in identifications:
        if identification.contact_id in existing:
            identify_visitor(
                session, identification.visitor_id, identification.contact_id, actor=SNIPPET
            )
    return sum(1 for touch_id in ids if touch_id is not None)


def identify_visitor(session: Session, visitor_id: str, contact_id: int, *, actor: Actor) -> int:
    """The visitor is this contact: remember it for later page views, attach the anonymous
    history and take first and last touch from the whole of it. A visitor later identified
    as someone else (a shared computer) belongs to the latest. Returns touches attached."""
    contacts.get_contact(session, contact_id)
    repository.save_visitor(session, visitor_id, contact_id, at=clock.now())
    return len(contacts.attach_visitor_touches(session, visitor_id, contact_id, actor=actor))
