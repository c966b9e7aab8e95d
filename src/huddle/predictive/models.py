"""ORM model of predictive scoring: the trained model versions (one active)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, utcnow


class ModelVersion(Base):
    """One trained model: what it learned from, how it was chosen, how it did on held-out
    rows, and the fitted model itself (``model_bytes``: a pickle Huddle wrote, loaded only
    when ``digest``, an HMAC of the bytes with the instance's key, matches)."""

    __tablename__ = "model_versions"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    algorithm: Mapped[str] = mapped_column(String(20))  # logistic | boosted
    target: Mapped[str] = mapped_column(String(200))  # a stage (sql, customer) or a column
    horizon_days: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300))  # "records" or "csv:<file name>"
    # The cut-offs of the training rows: the window the model learned from.
    window_from: Mapped[datetime | None]
    window_until: Mapped[datetime | None]
    rows: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Held-out figures (learning.Metrics.as_dict) and the cross-validated AUC.
    metrics: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # {"features": [...], "set_aside": {column: reason}, "leaks": {column: reason}}
    columns: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    model_bytes: Mapped[bytes] = mapped_column(LargeBinary)
    digest: Mapped[str] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    # The score model whose values are this model's probabilities (percent), once active.
    score_model_id: Mapped[int | None] = mapped_column(BigIntId)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
