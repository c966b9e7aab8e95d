"""Content assets of the library, and each asset a workflow chose to send a contact (with
why), so that it is not chosen for the contact again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, TimestampMixin, utcnow

# draft: added, not yet to be sent to anyone; approved: sendable (a workflow picks among them).
STATUSES = ("draft", "approved")
KINDS = ("whitepaper", "ebook", "case_study", "report", "tool", "video", "webinar", "other")


class ContentAsset(TimestampMixin, Base):
    """A piece of content. A download of it is an ``asset_downloaded`` touch carrying its
    id (``touches.asset_id``): that is what "consumed" means for the next best asset."""

    __tablename__ = "content_assets"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    approved_at: Mapped[datetime | None]
    approved_by: Mapped[str | None] = mapped_column(String(120))


class AssetRecommendation(Base):
    """An asset chosen for a contact and sent (a workflow's "send the next best asset"),
    with why; ``key`` is the step visit's idempotency key (one choice per visit)."""

    __tablename__ = "asset_recommendations"
    __table_args__ = (
        UniqueConstraint("key", name="uq_asset_recommendations_key"),
        Index("ix_asset_recommendations_contact_id", "contact_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    asset_id: Mapped[int] = mapped_column(ForeignKey("content_assets.id", ondelete="CASCADE"))
    why: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(default=utcnow)
