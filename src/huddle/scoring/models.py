"""ORM models of scoring: models and their rules, profiles for grading, MQL/SQL criteria,
and the per-contact results the rules produce. Definitions are JSON validated on save
(``conditions.py``, ``rules.py``); every saved definition is also kept as a version."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

PROFILE_KINDS = ("icp", "persona")
CRITERIA_STAGES = ("mql", "sql")
GRADES = ("A", "B", "C", "D")
# Where a score model's values come from.
RULES = "rules"
PREDICTIVE = "predictive"


def criteria_label(stage: str, version: int) -> str:
    """How a move made by criteria names them ("MQL criteria v2"): the stage history,
    the timeline, the packet and the back-test all say it so."""
    return f"{stage.upper()} criteria v{version}"


class ScoreModel(TimestampMixin, Base):
    """A named set of rules (e.g. "Marketing engagement"); several run side by side."""

    __tablename__ = "score_models"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    # The primary model's total is copied to ``contacts.score`` for list sorting/filtering.
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    rules: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # Behaviour points halve every ``half_life_days``; None: no decay.
    half_life_days: Mapped[int | None] = mapped_column(Integer)
    # How an account's score aggregates its contacts': {"method": "sum"|"max"|"top_n", ...}
    account_rollup: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # A condition over the record: contacts outside it get no score from this model.
    segment: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    # "rules": scored by its rules; "predictive": its values are a trained model's
    # probabilities in percent, written by the predictive domain (rule scoring skips it).
    source: Mapped[str] = mapped_column(String(20), default=RULES, server_default=RULES)


class GradingProfile(TimestampMixin, Base):
    """The ICP (one, account criteria) or a buyer persona (contact criteria), with weights."""

    __tablename__ = "grading_profiles"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # [{"label": ..., "weight": int, "when": condition}]
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)


class QualificationCriteria(TimestampMixin, Base):
    """When a contact is an MQL (or SQL): one condition over scores, grade, stage, touches."""

    __tablename__ = "qualification_criteria"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    stage: Mapped[str] = mapped_column(String(10), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    condition: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # MQL moves automatically; SQL only when configured (otherwise sales decides).
    automatic: Mapped[bool] = mapped_column(Boolean, default=True)


class ScoringVersion(Base):
    """Every saved definition, so a score or a qualification can say which version made it."""

    __tablename__ = "scoring_versions"
    __table_args__ = (Index("ix_scoring_versions_entity", "entity", "entity_id", "version"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # "model", "profile", "criteria"
    entity_id: Mapped[int] = mapped_column(BigIntId)
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[dict[str, Any]] = mapped_column(JSONType)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactScore(Base):
    """A contact's total in one model, as of ``computed_at`` (decay continues after it).

    Derived rows, millions of them rewritten by a full rescore: no foreign keys (each one
    costs a check per row). A contact's rows go with it (trigger on ``contacts``, migration
    0010); a model's with it (``delete_model``)."""

    __tablename__ = "contact_scores"
    __table_args__ = (Index("ix_contact_scores_model_points", "model_id", "points"),)

    contact_id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    model_id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    points: Mapped[float] = mapped_column(Float, default=0.0)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactGrade(Base):
    """A contact's fit grade: best persona match x ICP match of its account. Derived, like
    ``ContactScore``: no foreign keys; a contact's grade goes with it (trigger)."""

    __tablename__ = "contact_grades"
    __table_args__ = (Index("ix_contact_grades_grade", "grade"),)

    contact_id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=False)
    grade: Mapped[str] = mapped_column(String(1))
    fit: Mapped[float] = mapped_column(Float)
    icp_match: Mapped[float] = mapped_column(Float)
    # A retired persona's grades are cleared by ``delete_persona`` (no foreign key).
    persona_id: Mapped[int | None] = mapped_column(BigIntId)
    persona_match: Mapped[float] = mapped_column(Float)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class RescoreRun(Base):
    """A full rescore in the background, with progress for the settings page."""

    __tablename__ = "rescore_runs"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    reason: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(10), default="queued")  # queued/running/done
    contacts_total: Mapped[int] = mapped_column(Integer, default=0)
    contacts_done: Mapped[int] = mapped_column(Integer, default=0)
    qualified: Mapped[int] = mapped_column(Integer, default=0)
    # Lanes (chains of chunk jobs over their own ranges of contacts) not finished yet.
    lanes_open: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScoreReset(Base):
    """A score adjustment: behaviour rules count only touches after ``reset_at`` for this
    contact (set when sales recycles a lead). Full and incremental scoring and the
    explanation all respect it, so they agree."""

    __tablename__ = "score_resets"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    reset_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)


class ScoreAdjustment(Base):
    """Points given to (or taken from) a contact in one model by something other than its
    rules: a workflow's "add or subtract score points" step. Every scoring path (a touch's
    incremental update, a full rescore, the explanation, a back-test as of a past moment)
    adds the contact's adjustments to the rules' total, so a rescore keeps them. They do
    not decay. ``key`` (unique) is the caller's idempotency key: one adjustment per key."""

    __tablename__ = "score_adjustments"
    __table_args__ = (
        UniqueConstraint("key", name="uq_score_adjustments_key"),
        Index("ix_score_adjustments_contact_id_model_id", "contact_id", "model_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    model_id: Mapped[int] = mapped_column(ForeignKey("score_models.id", ondelete="CASCADE"))
    points: Mapped[int] = mapped_column(Integer)
    # What a person reads beside the points: "Workflow 'Nurture': +10".
    reason: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(default=utcnow)
