"""Forgotten passwords: a one-time link by email.

1. ``request_reset`` (the sign-in page's "Forgot password?"): records the request and
   queues a job, and that is all, whether or not an account has the email. The answer and
   the work are the same either way, so neither the page nor its timing tells anyone
   which addresses have accounts. Requests are limited per email and per address.
2. ``send_reset_link`` (the job): if the email is an active user's, makes the link and
   publishes the email that carries it (``PasswordResetEmailReady``: notifications puts
   it in the outbox, sent over SMTP by the next job). The link carries the
   request's id and a random secret, signed with the installation's key; only the
   secret's sha256 is stored. It works for ``LINK_LIFETIME`` from the request, once, and
   a newer link, a password change or deactivation ends it.
3. ``reset_password`` (the link's form): sets the new password under the same rule as
   the change form; every session and API token of the user ends.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from huddle.auth.events import PasswordResetEmailReady, PasswordResetLinkSent
from huddle.auth.models import PasswordReset, User
from huddle.auth.passwords import password_problem
from huddle.auth.repository import resets, users
from huddle.auth.service import actor_for, end_reset_links, find_by_email, set_password
from huddle.auth.signin import TooMany, forgive_failures, lock_end
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.settings import get_settings

LINK_LIFETIME = timedelta(minutes=30)
# Enough for a person who mistyped or lost the first email; few enough that Huddle cannot
# be used to flood someone's inbox, or to probe many addresses from one place.
RATE_WINDOW = timedelta(hours=1)
PER_EMAIL = 3
PER_ADDRESS = 10
SEND_LINK_JOB = "auth.send_password_reset"
_SALT = "huddle.auth.password-reset"
_MAX_EMAIL = 320
SENDER = Actor.system("password reset")


class TooManyResetRequests(TooMany):
    code = "too_many_reset_requests"

    def __init__(self, until: datetime) -> None:
        super().__init__("Too many password reset requests.", until)


class InvalidResetLink(ResourceNotFound):
    """Forged, used, expired, replaced by a newer link or its user deactivated: one answer
    for all, so the page says nothing about which."""


@dataclass(frozen=True)
class ResetLink:
    reset: PasswordReset
    user: User


def request_reset(session: Session, email: str, *, ip: str) -> None:
    """Ask for a reset link for ``email`` from ``ip``. Raises ValidationFailed for what is
    not an email address and TooManyResetRequests past the limits; otherwise does the same
    whatever the email (see the module's docstring)."""
    email = email.strip().lower()
    if "@" not in email.strip("@") or len(email) > _MAX_EMAIL:
        raise ValidationFailed(
            "enter an email address",
            [FieldError("email", "enter the email address you sign in with")],
        )
    _refuse_if_too_many(session, email, ip)
    request = PasswordReset(email=email, ip=ip[:64], requested_at=clock.now())
    session.add(request)
    session.flush()
    enqueue(session, SEND_LINK_JOB, {"reset_id": request.id})


def _refuse_if_too_many(session: Session, email: str, ip: str) -> None:
    since = clock.now() - RATE_WINDOW
    ends = [
        lock_end(
            resets.recent_request_times(session, email=email, since=since, limit=PER_EMAIL),
            PER_EMAIL,
            window=RATE_WINDOW,
        ),
        lock_end(
            resets.recent_request_times(session, ip=ip[:64], since=since, limit=PER_ADDRESS),
            PER_ADDRESS,
            window=RATE_WINDOW,
        ),
    ]
    found = [end for end in ends if end is not None]
    if found:
        raise TooManyResetRequests(max(found))


def _signer() -> URLSafeSerializer:
    """Links are signed in the worker and checked in the web process: both read the key
    from the installation's settings (the environment), never from a per-app copy."""
    return URLSafeSerializer(get_settings().secret_key, salt=_SALT)


def send_reset_link(session: Session, reset_id: int) -> bool:
    """The job behind a request: email the link if the address is an active user's and the
    request is still fresh. True when the email was handed on. Running twice sends once. The
    link points at ``HUDDLE_PUBLIC_URL``, never at what a request called the server."""
    request = resets.get_reset(session, reset_id)
    if request is None or request.ended_at is not None or request.token_hash is not None:
        return False
    user = find_by_email(session, request.email)
    expires_at = request.requested_at + LINK_LIFETIME
    if (
        user is None
        or not user.is_active
        or expires_at <= clock.now()
        or _newer_link(session, user, request)
    ):
        request.ended_at, request.ended_reason = clock.now(), "not_sent"
        session.flush()
        return False
    # A newer link ends the older ones.
    end_reset_links(session, user.id, reason="replaced")
    link_secret = secrets.token_urlsafe(32)
    request.user_id, request.expires_at = user.id, expires_at
    request.token_hash = _digest(link_secret)
    session.flush()
    token = _signer().dumps([request.id, link_secret])
    link = f"{get_settings().public_url.rstrip('/')}/password/reset/{token}"
    publish(
        session,
        PasswordResetEmailReady(
            user_id=user.id,
            reset_id=request.id,
            to_address=user.email,
            subject="Reset your Huddle password",
            body=_email_body(user, link),
        ),
    )
    publish(
        session,
        PasswordResetLinkSent(
            user_id=user.id, reset_id=request.id, ip=request.ip, at=clock.now(), actor=SENDER
        ),
    )
    return True


def _newer_link(session: Session, user: User, request: PasswordReset) -> bool:
    """Whether a link asked for after this request already went out (jobs may run out of
    order after a retry): the newest request's link is the one that works."""
    return resets.newer_link_made(session, user.id, request.id)


def _email_body(user: User, link: str) -> str:
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    return (
        f"Hello {user.name},\n\n"
        "Someone, hopefully you, asked to reset the password of your Huddle account.\n"
        f"Open this link within {minutes} minutes to choose a new password:\n\n"
        f"{link}\n\n"
        "The link works once. Setting a new password signs you out everywhere and revokes "
        "your API tokens.\n\n"
        "If you did not ask for this, ignore this email: your password stays as it is.\n"
    )


def open_reset_link(session: Session, token: str) -> ResetLink:
    """The request and user a link is for, while it works; else InvalidResetLink."""
    try:
        reset_id, link_secret = _signer().loads(token)
    except (BadSignature, ValueError, TypeError) as exc:
        raise InvalidResetLink("this password reset link does not work") from exc
    request = resets.get_reset(session, reset_id) if isinstance(reset_id, int) else None
    if (
        request is None
        or request.token_hash is None
        or not isinstance(link_secret, str)
        or not hmac.compare_digest(request.token_hash, _digest(link_secret))
        or request.ended_at is not None
        or request.expires_at is None
        or request.expires_at <= clock.now()
        or request.user_id is None
    ):
        raise InvalidResetLink("this password reset link does not work")
    user = users.get_user(session, request.user_id)
    if user is None or not user.is_active:
        raise InvalidResetLink("this password reset link does not work")
    return ResetLink(reset=request, user=user)


def reset_password(session: Session, token: str, new: str, *, ip: str) -> User:
    """Set the password through a link: once, while it works. Every session and API token
    of the user ends, and failed sign-ins before now no longer lock the account."""
    link = open_reset_link(session, token)
    problem = password_problem(new)
    if problem:
        raise ValidationFailed("choose a stronger password", [FieldError("new_password", problem)])
    # Of two posts of the same link, one claims it and sets the password.
    if not resets.claim_unused(session, link.reset.id, clock.now()):
        raise InvalidResetLink("this password reset link does not work")
    user = link.user
    set_password(session, user, new, how="reset", actor=actor_for(user), revoke_tokens=True)
    forgive_failures(session, user.email, ip=ip)
    session.flush()
    return user


def _digest(link_secret: str) -> str:
    return hashlib.sha256(link_secret.encode()).hexdigest()
