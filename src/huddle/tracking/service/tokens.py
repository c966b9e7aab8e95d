"""Signed, tamper-proof tokens for email opens, email clicks and website identification.

HMAC-signed with the installation's secret key (itsdangerous): a token changed in any way,
or made up, fails the signature check. Each kind has its own salt, so an open token can't
pass as a click token or an identity token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from huddle.core.errors import FieldError, HuddleError, ResourceNotFound, ValidationFailed
from huddle.core.signing import Tokens, serializer
from huddle.tracking.links import link_problem

OPEN_SALT = "huddle.tracking.email-open"
CLICK_SALT = "huddle.tracking.email-click"
IDENTITY_SALT = "huddle.tracking.identity"
# An identity token rides on a link to the website; an old forwarded link should not
# identify whoever clicks it months later.
IDENTITY_MAX_AGE = timedelta(days=30)


class InvalidToken(ResourceNotFound):
    """A forged or modified token: answered as not found, saying nothing about why."""


class UnsafeLink(HuddleError):
    """A validly signed click token whose target is no absolute http(s) address (signed by
    an older version, or by a key that leaked): refused, and followed nowhere."""

    status_code = 400
    code = "unsafe_link"


@dataclass(frozen=True)
class EmailToken:
    contact_id: int
    message: str
    url: str | None = None


def open_token(secret: str, contact_id: int, message: str) -> str:
    return serializer(secret, OPEN_SALT).dumps({"c": contact_id, "m": message})


def click_token(secret: str, contact_id: int, message: str, url: str) -> str:
    """The token of one link in one message to one contact; the URL is inside, signed.
    Only an absolute http(s) URL is signed (``ValidationFailed`` on ``url`` saying why):
    a click must open a page, never run ``javascript:`` or go where the link is served."""
    problem = link_problem(url)
    if problem is not None:
        raise ValidationFailed("not a web address", [FieldError("url", f"the URL {problem}")])
    return serializer(secret, CLICK_SALT).dumps({"c": contact_id, "m": message, "u": url})


def identity_token(secret: str, contact_id: int) -> str:
    return URLSafeTimedSerializer(secret, salt=IDENTITY_SALT).dumps({"c": contact_id})


def read_open_token(secret: str, token: str) -> EmailToken:
    data = _load(serializer(secret, OPEN_SALT), token)
    return EmailToken(contact_id=data["c"], message=data["m"])


def read_click_token(secret: str, token: str) -> EmailToken:
    """The signed link; ``UnsafeLink`` when what was signed is no web address (checked
    again here: the signature proves who made the token, not that the target is safe)."""
    data = _load(serializer(secret, CLICK_SALT), token)
    if not isinstance(data.get("u"), str):
        raise InvalidToken("unknown link")
    problem = link_problem(data["u"])
    if problem is not None:
        raise UnsafeLink(f"this link cannot be opened: the address {problem}")
    return EmailToken(contact_id=data["c"], message=data["m"], url=data["u"])


def read_identity_token(secret: str, token: str) -> int | None:
    """The contact an identity token names; None when it is forged, changed or too old."""
    try:
        data = URLSafeTimedSerializer(secret, salt=IDENTITY_SALT).loads(
            token, max_age=int(IDENTITY_MAX_AGE.total_seconds())
        )
    except BadSignature:
        return None
    contact_id = data.get("c") if isinstance(data, dict) else None
    return contact_id if isinstance(contact_id, int) else None


def _load(serializer: Tokens, token: str) -> dict[str, Any]:
    try:
        data = serializer.loads(token)
    except BadSignature as exc:
        raise InvalidToken("unknown link") from exc
    if not (isinstance(data, dict) and isinstance(data.get("c"), int) and "m" in data):
        raise InvalidToken("unknown link")
    return data
