from __future__ import annotations

from datetime import date

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, TimestampMixin

CHANNELS = (
    "email",
    "paid_search",
    "paid_social",
    "organic",
    "webinar",
    "event",
    "content",
    "referral",
    "outbound",
)


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(40))
    # The utm_campaign value that identifies this campaign in tracked URLs.
    utm_campaign: Mapped[str | None] = mapped_column(String(200), unique=True)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    budget: Mapped[float | None] = mapped_column(Numeric(14, 2, asdecimal=False))
