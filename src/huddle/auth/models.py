from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow
from huddle.core.permissions import ROLES, TEAMS

__all__ = [
    "ROLES",
    "TEAMS",
    "ApiToken",
    "LoginAttempt",
    "PasswordReset",
    "User",
    "UserSession",
]


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Routing (a later issue) reads these: most open leads at once, when and where they work.
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Weekday ("mon".."sun") -> ["09:00", "17:30"] in the user's time zone; absent = not working.
    working_hours: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    out_of_office: Mapped[bool] = mapped_column(Boolean, default=False)


class UserSession(Base):
    """A signed-in browser. The cookie holds a random id; only its sha256 is kept here,
    so signing out, a password change or deactivation ends the session server-side."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))


class LoginAttempt(Base):
    """Every sign-in attempt; failures since the last success decide a lockout."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_at", "email", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    succeeded: Mapped[bool] = mapped_column(Boolean)


class ApiToken(Base):
    """A personal API token. The secret is shown once; only its sha256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # The first characters of the token, so a user can tell their tokens apart.
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[str]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # Why it was revoked (``tokens.REVOKE_REASONS``), so its owner can tell "I did that"
    # from "my account was deactivated"; None on tokens revoked before reasons were kept.
    revoked_reason: Mapped[str | None] = mapped_column(String(40))


class PasswordReset(Base):
    """One "forgot password" request, and the one-time link it led to.

    Every request is a row (email and address), whether or not an account has that email:
    the rows are the per-email and per-address rate limit, and the request does the same
    work either way. The worker fills ``user_id``, ``token_hash`` and ``expires_at`` when
    the email belongs to an active user and sends the link; only the sha256 of the link's
    secret is kept. ``ended_at`` is set once the link is used or no longer valid (a newer
    link, a password change, deactivation)."""

    __tablename__ = "password_resets"
    __table_args__ = (
        Index("ix_password_resets_email_requested_at", "email", "requested_at"),
        Index("ix_password_resets_ip_requested_at", "ip", "requested_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    ip: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str | None] = mapped_column(String(64))
    expires_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    # used, replaced (a newer link), password_changed, deactivated
    ended_reason: Mapped[str | None] = mapped_column(String(40))
