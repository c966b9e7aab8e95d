from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType


class AuditEntry(Base):
    """One audited change. Rows are only ever inserted: no API, view or service edits or
    deletes them (erasure scrubs personal values out of them, nothing else).

    The actor is copied, not referenced by foreign key, so the record outlives the user,
    the token or the rule that acted. Subjects are ids, never names or emails.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (
        # The trail is read newest first, whole or narrowed to a subject, an actor or an action.
        Index("ix_audit_entries_at_id", "at", "id"),
        Index("ix_audit_entries_subject_at", "subject_type", "subject_id", "at"),
        Index("ix_audit_entries_actor_user_id_at", "actor_user_id", "at"),
        Index("ix_audit_entries_action_at", "action", "at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    at: Mapped[datetime]
    actor_kind: Mapped[str] = mapped_column(String(20))
    actor_user_id: Mapped[int | None] = mapped_column(BigIntId)
    actor_token_id: Mapped[int | None] = mapped_column(BigIntId)
    actor_label: Mapped[str | None] = mapped_column(String(200))
    # "<subject>.<verb>", e.g. "contact.stage_changed", "user.access_changed"
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    # Text, so configuration keyed by a code (a rejection reason) fits beside numeric ids.
    subject_id: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    # Field -> [before, after], or the event's own facts; never erased personal values.
    changes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    ip: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(400))
