"""Auth's daily clean-up removes what no rule reads any more, and only that."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.housekeeping import KEEP_ATTEMPTS, KEEP_RESET_REQUESTS
from huddle.auth.models import LoginAttempt, PasswordReset, UserSession
from huddle.auth.signin import SESSION_IDLE
from huddle.auth.tasks import PRUNE_JOB
from huddle.core.clock import FrozenClock
from huddle.core.jobs import Job, ensure_periodic, handler_for
from tests.conftest import make_user


def _attempt(db: Session, age: timedelta, now: FrozenClock) -> None:
    at = now.now() - age
    db.add(LoginAttempt(email=f"{age.days}@huddle.example", ip="192.0.2.1", at=at, succeeded=False))


def test_old_attempts_resets_and_ended_sessions_go_the_rest_stays(
    db: Session, frozen_clock: FrozenClock
) -> None:
    now = frozen_clock.now()
    user = make_user(db)
    for age in (KEEP_ATTEMPTS + timedelta(minutes=1), KEEP_ATTEMPTS - timedelta(minutes=1)):
        _attempt(db, age, frozen_clock)
    for age in (KEEP_RESET_REQUESTS + timedelta(hours=1), timedelta(minutes=5)):
        db.add(PasswordReset(email=user.email, ip="192.0.2.1", requested_at=now - age))
    db.add_all(
        [
            UserSession(
                user_id=user.id,
                key_hash=name * 64,
                created_at=now - timedelta(days=1),
                last_seen_at=now - seen,
                expires_at=now + timedelta(days=1),
            )
            for name, seen in (("a", SESSION_IDLE + timedelta(minutes=1)), ("b", timedelta(0)))
        ]
    )
    db.flush()

    assert PRUNE_JOB in ensure_periodic(db)
    handler_for(PRUNE_JOB)(db, {})

    assert db.scalars(select(LoginAttempt.at)).all() == [now - KEEP_ATTEMPTS + timedelta(minutes=1)]
    assert db.scalars(select(PasswordReset.requested_at)).all() == [now - timedelta(minutes=5)]
    assert db.scalars(select(UserSession.key_hash)).all() == ["b" * 64]
    queued = db.scalars(select(Job.run_after).where(Job.kind == PRUNE_JOB, Job.status == "queued"))
    assert max(queued) == now + timedelta(days=1), "it runs again tomorrow"
