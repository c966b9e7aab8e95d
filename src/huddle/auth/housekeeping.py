"""What auth keeps only for a while: sign-in attempts, reset requests, ended sessions.

Each row is written for a short-lived purpose (a lockout looks back 15 minutes, a reset's
rate limit an hour, its link lives 30 minutes), so left alone the tables only grow, by a
row per sign-in and per "forgot password" (a scripted attack writes thousands a minute).
A daily job removes what no rule reads any more, keeping attempts for three months for
whoever investigates an incident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from huddle.auth.repository import resets, sign_ins
from huddle.auth.signin import SESSION_IDLE
from huddle.core import clock

KEEP_ATTEMPTS = timedelta(days=90)
KEEP_RESET_REQUESTS = timedelta(days=30)


@dataclass(frozen=True)
class Pruned:
    attempts: int
    reset_requests: int
    sessions: int


def prune(session: Session) -> Pruned:
    now = clock.now()
    return Pruned(
        attempts=sign_ins.delete_attempts_before(session, now - KEEP_ATTEMPTS),
        reset_requests=resets.delete_requests_before(session, now - KEEP_RESET_REQUESTS),
        sessions=sign_ins.delete_sessions_ended_before(session, now, SESSION_IDLE),
    )
