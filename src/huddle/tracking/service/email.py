"""Email opens and clicks, from the signed tokens in the messages Huddle sends, and the
hook the asset library calls for its per-contact download links."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode, urlsplit, urlunsplit

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.tracking import repository
from huddle.tracking.service.tokens import (
    identity_token,
    read_click_token,
    read_open_token,
)

EMAIL = Actor("contact", label="email tracking")
IDENTITY_PARAMETER = "hd_id"


def record_email_open(session: Session, secret: str, token: str) -> int | None:
    """An open pixel was loaded: an ``email_opened`` touch. Forged tokens raise
    ``InvalidToken`` (404). Returns the touch id."""
    opened = read_open_token(secret, token)
    contacts.get_contact(session, opened.contact_id)
    return _record(session, "email_opened", opened.contact_id, {"message": opened.message})


def record_email_click(
    session: Session, secret: str, token: str, *, huddle_url: str | None = None
) -> str:
    """A tracked link was clicked: an ``email_clicked`` touch, and the URL to send the
    person on to, which is only ever the link signed into the token (an http(s) address:
    ``UnsafeLink`` otherwise, and nothing recorded). A link to one of the tracked sites,
    or to a form Huddle hosts (under ``huddle_url``), carries an identity token: the
    snippet there stitches the visitor, a form post proves who sent it."""
    clicked = read_click_token(secret, token)
    contacts.get_contact(session, clicked.contact_id)
    url = clicked.url or ""
    _record(session, "email_clicked", clicked.contact_id, {"message": clicked.message, "url": url})
    if _origin_of(url) in tracked_origins(session) or _is_hosted_form(url, huddle_url):
        return _with_parameter(url, IDENTITY_PARAMETER, identity_token(secret, clicked.contact_id))
    return url


def record_asset_download(
    session: Session,
    contact_id: int,
    asset_ref: str,
    *,
    asset_id: int | None = None,
    occurred_at: datetime | None = None,
    idempotency_key: str | None = None,
    actor: Actor = EMAIL,
) -> int | None:
    """The asset library's hook for its per-contact trackable links: an
    ``asset_downloaded`` touch (a repeated ``idempotency_key`` is stored once; None then)."""
    contacts.get_contact(session, contact_id)
    [touch_id] = contacts.record_touches(
        session,
        [
            contacts.TouchRow(
                type="asset_downloaded",
                occurred_at=occurred_at or clock.now(),
                contact_id=contact_id,
                properties={"asset": asset_ref},
                asset_id=asset_id,
                idempotency_key=idempotency_key,
            )
        ],
        actor=actor,
    )
    return touch_id


def tracked_origins(session: Session) -> set[str]:
    return {origin for site in repository.sites(session) for origin in site.allowed_origins}


def _record(session: Session, kind: str, contact_id: int, properties: dict[str, str]) -> int | None:
    [touch_id] = contacts.record_touches(
        session,
        [
            contacts.TouchRow(
                type=kind,
                occurred_at=clock.now(),
                contact_id=contact_id,
                properties=properties,
            )
        ],
        actor=EMAIL,
    )
    return touch_id


def _is_hosted_form(url: str, huddle_url: str | None) -> bool:
    if not huddle_url:
        return False
    return _origin_of(url) == _origin_of(huddle_url) and urlsplit(url).path.startswith("/f/")


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _with_parameter(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = f"{parts.query}&" if parts.query else ""
    return urlunsplit(parts._replace(query=query + urlencode({name: value})))
