"""Signing in: server-side sessions and the lockout after repeated failures.

The browser's (signed) cookie carries a random session key; the database keeps only its
sha256, so a stolen database cannot sign anyone in, and deleting the row signs the browser
out (sign-out, password change, deactivation). Failed attempts are rows too, so a lockout
holds across restarts and across every process serving Huddle.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from huddle.auth.models import LoginAttempt, User, UserSession
from huddle.auth.repository import sign_ins, users
from huddle.auth.service import authenticate, end_sessions, session_key_hash
from huddle.auth.tokens import TOUCH_EVERY
from huddle.core import clock
from huddle.core.errors import HuddleError

SESSION_IDLE = timedelta(hours=12)
SESSION_LIFETIME = timedelta(days=14)

LOCKOUT_WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5  # per email, within the window, since its last success
IP_FAILURES = 20  # per address, within the window: slows guessing across many accounts


class TooMany(HuddleError):
    """Refused for a while (429): ``until`` says when trying again can work."""

    status_code = 429
    code = "too_many"

    def __init__(self, what: str, until: datetime) -> None:
        minutes = max(1, int((until - clock.now()).total_seconds() + 59) // 60)
        super().__init__(
            f"{what} Try again after "
            f"{until:%H:%M} UTC (in {minutes} minute{'s' if minutes != 1 else ''})."
        )
        self.until = until


class LockedOut(TooMany):
    code = "locked_out"

    def __init__(self, until: datetime) -> None:
        super().__init__("Too many failed sign-ins.", until)


@dataclass(frozen=True)
class NewSession:
    key: str  # goes into the cookie; never stored
    user: User


def sign_in(
    session: Session, email: str, password: str, *, ip: str, user_agent: str | None
) -> NewSession | None:
    """A new session for the right credentials; None for wrong ones. Raises LockedOut
    (without checking the password) while the account or the address is locked."""
    email = email.strip().lower()[:320]
    _refuse_if_locked(session, email, ip)
    user = authenticate(session, email, password)
    session.add(LoginAttempt(email=email, ip=ip, at=clock.now(), succeeded=user is not None))
    session.flush()
    if user is None:
        return None
    return NewSession(key=_start(session, user, ip=ip, user_agent=user_agent), user=user)


def _start(session: Session, user: User, *, ip: str, user_agent: str | None) -> str:
    key = secrets.token_urlsafe(32)
    now = clock.now()
    # Housekeeping where it is cheap: the user's own ended sessions go (by index).
    sign_ins.delete_ended_sessions(session, user.id, now, SESSION_IDLE)
    session.add(
        UserSession(
            key_hash=session_key_hash(key),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
            ip=ip[:64],
            user_agent=(user_agent or "")[:300] or None,
        )
    )
    session.flush()
    return key


def _refuse_if_locked(session: Session, email: str, ip: str) -> None:
    since = clock.now() - LOCKOUT_WINDOW
    account = lock_end(
        sign_ins.recent_account_failures(session, email, since=since, limit=ACCOUNT_FAILURES),
        ACCOUNT_FAILURES,
        window=LOCKOUT_WINDOW,
    )
    address = lock_end(
        sign_ins.recent_address_failures(session, ip, since=since, limit=IP_FAILURES),
        IP_FAILURES,
        window=LOCKOUT_WINDOW,
    )
    ends = [end for end in (account, address) if end is not None]
    if ends:
        raise LockedOut(max(ends))


def lock_end(times: list[datetime], limit: int, *, window: timedelta) -> datetime | None:
    """When the lock ends if the last ``limit`` events (``times``: theirs, at most
    ``limit``, read since the window opened) fall inside the window, else None. The lock
    lasts one window from the oldest of them, so waiting always helps."""
    if len(times) < limit:
        return None
    end: datetime = min(times) + window
    return end if end > clock.now() else None


def forgive_failures(session: Session, email: str, *, ip: str) -> None:
    """The owner proved who they are another way (a password reset link): failed guesses
    before now no longer lock the account. Recorded as a success, which is what the count
    of failures starts after."""
    session.add(LoginAttempt(email=email, ip=ip[:64], at=clock.now(), succeeded=True))


def user_of_session(session: Session, key: str, *, activity: bool = True) -> User | None:
    """The active user signed in with this key, or None (unknown, expired, idle or ended).
    ``activity``: the request is the person's doing, so the session is not idle; an open
    page asking for news on its own (``activity=False``) must not keep a session of an
    unattended screen alive."""
    row = sign_ins.session_by_key_hash(session, session_key_hash(key))
    if row is None:
        return None
    now = clock.now()
    if row.expires_at <= now or row.last_seen_at + SESSION_IDLE <= now:
        session.delete(row)
        return None
    user = users.get_user(session, row.user_id)
    if user is None or not user.is_active:
        return None
    if activity and now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return user


def sign_out(session: Session, key: str) -> None:
    sign_ins.delete_session(session, session_key_hash(key))


__all__ = [
    "LockedOut",
    "NewSession",
    "TooMany",
    "end_sessions",
    "forgive_failures",
    "lock_end",
    "sign_in",
    "sign_out",
    "user_of_session",
]
