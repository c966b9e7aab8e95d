"""ORM models of the import wizard: a file uploaded for preview, and mappings saved by name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow


class ImportUpload(Base):
    """A file uploaded to the import wizard, stored once and named by an unguessable token.

    Only the user who uploaded it may preview, check or import it. Importing it hands the
    file over to the import job (and the token is gone); an upload left alone expires.
    """

    __tablename__ = "import_uploads"
    __table_args__ = (Index("ix_import_uploads_created_at", "created_at"),)

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(500))
    path: Mapped[str] = mapped_column(String(1000))
    size: Mapped[int] = mapped_column(BigInteger)
    # The mapping last chosen in the wizard's page ({csv header: target or null}), so the
    # check and the import steps read the same one.
    mapping: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ImportMapping(TimestampMixin, Base):
    """Which column fills which field, saved by name for the next file of the same shape."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # {csv header: Huddle field, or null for a column skipped on purpose}
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
