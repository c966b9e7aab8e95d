"""Personal API tokens: a high-entropy secret shown once, kept as its sha256.

sha256 (not argon2) is right for these: the secret is 256 random bits, so there is nothing
to brute-force, and every API call checks one, so it must be cheap.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from huddle.auth.events import ApiTokenIssued, ApiTokenRevoked
from huddle.auth.models import ApiToken, User
from huddle.auth.repository import tokens, users
from huddle.auth.schemas import ApiTokenCreate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import NotPermitted, ResourceNotFound
from huddle.core.events import publish
from huddle.core.permissions import Action, may

TOKEN_PREFIX = "hud_"  # noqa: S105 (a marker, not a secret)
# How often a token's (and a session's) last-use time is written: not on every request.
TOUCH_EVERY = timedelta(minutes=1)

# Why a token was revoked -> how its owner's page says it ("Revoked 2 days ago, ...").
REVOKE_REASONS = {
    "by_hand": "by hand",
    "deactivated": "when the account was deactivated",
    "password_changed": "when the password was changed",
    "password_reset": "when the password was reset",
}


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(session: Session, data: ApiTokenCreate, *, actor: Actor) -> IssuedToken:
    """A new token for the acting user. It acts with their role, limited by its scopes."""
    if actor.kind != "user" or actor.user_id is None:
        raise NotPermitted("only users have personal tokens")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=actor.user_id,
        name=data.name.strip(),
        prefix=secret[:12],
        token_hash=_hash(secret),
        scopes=sorted(set(data.scopes)),
        created_at=clock.now(),
    )
    session.add(token)
    session.flush()
    publish(
        session,
        ApiTokenIssued(
            token_id=token.id,
            user_id=token.user_id,
            scopes=tuple(token.scopes),
            at=token.created_at,
            actor=actor,
        ),
    )
    return IssuedToken(token=token, secret=secret)


def list_tokens(session: Session, *, user_id: int) -> list[ApiToken]:
    return tokens.tokens_of(session, user_id)


def revoke_token(session: Session, token_id: int, *, actor: Actor) -> ApiToken:
    """Revoke one of your tokens (an admin may revoke anyone's). Revoking twice is a no-op."""
    token = tokens.get_token(session, token_id)
    if token is None or (token.user_id != actor.user_id and not may(actor, Action.USER_MANAGE)):
        raise ResourceNotFound(f"token {token_id} not found")
    if token.revoked_at is None:
        _revoke(session, token, reason="by_hand", actor=actor)
    return token


def revoke_all_tokens(session: Session, user_id: int, *, reason: str, actor: Actor) -> int:
    """Revoke every live token of the user, for good: the rows stay, revoked, so nothing
    (reactivating the user included) brings one back. Returns how many were live."""
    live = tokens.live_tokens_of(session, user_id)
    for token in live:
        _revoke(session, token, reason=reason, actor=actor)
    return len(live)


def _revoke(session: Session, token: ApiToken, *, reason: str, actor: Actor) -> None:
    assert reason in REVOKE_REASONS, reason
    token.revoked_at, token.revoked_reason = clock.now(), reason
    session.flush()
    publish(
        session,
        ApiTokenRevoked(
            token_id=token.id,
            user_id=token.user_id,
            at=token.revoked_at,
            actor=actor,
            reason=reason,
        ),
    )


def user_of_token(session: Session, secret: str) -> tuple[User, ApiToken] | None:
    """The active user and live token this secret belongs to, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = tokens.token_by_hash(session, _hash(secret))
    if token is None or token.revoked_at is not None:
        return None
    user = users.get_user(session, token.user_id)
    if user is None or not user.is_active:
        return None
    now = clock.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        token.last_used_at = now
    return user, token
