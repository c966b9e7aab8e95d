"""Personal-data requests and unsubscribes, across domains.

Export and erasure are checked against the permission table here; the domains that hold
the data do the work (``contacts.service``, ``lifecycle.service``, and every subscriber of
``ContactErased``). Unsubscribe links carry a signed token, so only a link Huddle made works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itsdangerous import BadSignature
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import HuddleError
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.core.signing import Tokens, serializer
from huddle.lifecycle import service as lifecycle
from huddle.privacy.events import PersonalDataExported

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

EXPORT_FORMAT = "huddle.personal-data/1"
_UNSUBSCRIBE_SALT = "huddle.unsubscribe.v1"
UNSUBSCRIBE_SOURCE = "one-click unsubscribe link"


class InvalidToken(HuddleError):
    """A link whose signature does not check out: tampered with, or not made by Huddle."""

    status_code = 400
    code = "invalid_token"


def export_personal_data(session: Session, contact_id: int, *, actor: Actor) -> dict[str, Any]:
    """Everything Huddle holds on a contact, as JSON-ready values (a data subject access
    request). The export itself is audited."""
    require(actor, Action.PERSONAL_DATA_EXPORT)
    data = contacts.personal_data(session, contact_id)
    data.update(lifecycle.contact_personal_data(session, contact_id))
    at = clock.now()
    publish(session, PersonalDataExported(contact_id=contact_id, at=at, actor=actor))
    return {"format": EXPORT_FORMAT, "exported_at": at, "contact_id": contact_id, **data}


def erase_personal_data(session: Session, contact_id: int, *, actor: Actor) -> Contact:
    """Irreversibly anonymise a contact; counts (stages, touches) stay. 409 if already done."""
    require(actor, Action.PERSONAL_DATA_ERASE)
    return contacts.erase_contact(session, contact_id, actor=actor)


# --- unsubscribe -----------------------------------------------------------------------------


def _serializer(secret: str) -> Tokens:
    return serializer(secret, _UNSUBSCRIBE_SALT)


def unsubscribe_token(contact_id: int, *, secret: str) -> str:
    """The token of a contact's unsubscribe link. It does not expire: a link in an old
    email must still work."""
    return str(_serializer(secret).dumps({"c": contact_id}))


def unsubscribe_url(contact_id: int, *, base_url: str, secret: str) -> str:
    """The contact's unsubscribe link, on the installation's public address."""
    return f"{base_url.rstrip('/')}/unsubscribe/{unsubscribe_token(contact_id, secret=secret)}"


def unsubscribe_headers(contact_id: int, *, base_url: str, secret: str) -> dict[str, str]:
    """The headers every email to a contact carries (RFC 2369 and RFC 8058 one-click)."""
    return unsubscribe_headers_of(unsubscribe_url(contact_id, base_url=base_url, secret=secret))


def unsubscribe_headers_of(url: str) -> dict[str, str]:
    """The unsubscribe headers for a link already made (``unsubscribe_url``): a message
    carries the same link in its body, signed once."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def contact_of_token(session: Session, token: str, *, secret: str) -> Contact:
    """The contact a link was made for; ``InvalidToken`` (400) if it was tampered with."""
    try:
        payload = _serializer(secret).loads(token)
    except BadSignature as exc:
        raise InvalidToken("this unsubscribe link is not valid") from exc
    contact_id = payload.get("c") if isinstance(payload, dict) else None
    if not isinstance(contact_id, int):
        raise InvalidToken("this unsubscribe link is not valid")
    return contacts.get_contact(session, contact_id)


def unsubscribe(session: Session, token: str, *, secret: str) -> Contact:
    """Opt the link's contact out of email, recorded as their own consent change. Doing it
    twice changes nothing. A bad token changes nothing and raises ``InvalidToken``."""
    contact = contact_of_token(session, token, secret=secret)
    contacts.set_consent(
        session,
        contact.id,
        field="email_opt_in",
        value="opted_out",
        source=UNSUBSCRIBE_SOURCE,
        actor=Actor("contact", label=f"contact #{contact.id}"),
    )
    return contact
