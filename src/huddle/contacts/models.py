"""ORM models of the shared record. Queries live in ``repository.py``, rules in ``service.py``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

CUSTOM_FIELD_ENTITIES = ("contact", "account")
CUSTOM_FIELD_TYPES = ("text", "number", "date", "boolean", "choice")
EMAIL_OPT_IN_STATES = ("unknown", "opted_in", "opted_out")
ACTOR_TYPES = ("system", "user", "contact", "rule", "workflow", "integration")
# The contacts of each stage but leads, in the order of each of these columns (0044).
NOT_LEADS = "lifecycle_stage <> 'lead'"
STAGE_SORTED = ("last_name", "created_at", "updated_at", "last_touch_at")


class Account(TimestampMixin, Base):
    """A company."""

    __tablename__ = "accounts"
    __table_args__ = (
        Index("ix_accounts_owner_id", "owner_id"),
        Index("ix_accounts_name", "name"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # Normalised (lower-case, no scheme, no "www."); unique when present.
    domain: Mapped[str | None] = mapped_column(String(253), unique=True)
    industry: Mapped[str | None] = mapped_column(String(120))
    employee_count: Mapped[int | None] = mapped_column(Integer)
    annual_revenue: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False))
    country: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    technologies: Mapped[list[str]] = mapped_column(JSONType, default=list)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    custom: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Which fields enrichment filled, so it may refresh those but never a person's value.
    enriched_fields: Mapped[list[str]] = mapped_column(JSONType, default=list)

    contacts: Mapped[list[Contact]] = relationship(back_populates="account", lazy="raise")


# The indexes a big import builds at its end (``core.deferred_indexes``) rather than entry
# by entry: those its rows reach all over, by company or last name (a few thousand places
# an import writes at once, so each chunk dirties most of their pages)...
SPREAD_INDEXES = (
    "ix_contacts_account_id",
    "ix_contacts_stage_owner_account_id",
    "ix_contacts_last_name_id",
    "ix_contacts_stage_last_name_id",
)
# ... and, when the file dates its contacts (a history), those of the created date.
CREATED_DATE_INDEXES = ("ix_contacts_created_at_id", "ix_contacts_stage_created_at_id")


class Contact(TimestampMixin, Base):
    """A person. Belongs to at most one account."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_account_id", "account_id"),
        Index("ix_contacts_owner_id_id", "owner_id", "id"),
        Index("ix_contacts_stage_id", "lifecycle_stage", "id"),
        Index("ix_contacts_last_touch_at_id", "last_touch_at", "id"),
        Index("ix_contacts_source_id", "first_touch_source", "id"),
        Index("ix_contacts_created_at_id", "created_at", "id"),
        Index("ix_contacts_updated_at_id", "updated_at", "id"),
        Index("ix_contacts_score_id", "score", "id"),
        Index("ix_contacts_buying_stage_id", "buying_stage", "id"),
        # Stage and owner go with the score (customers score highest, only qualified leads
        # have owners): one stage, or the unassigned, sorted by score are one range (0040).
        Index("ix_contacts_stage_score_id", "lifecycle_stage", "score", "id"),
        Index("ix_contacts_owner_score_id", "owner_id", "score", "id"),
        Index(
            "ix_contacts_unassigned_score_id",
            "score",
            "id",
            sqlite_where=text("owner_id IS NULL"),
            postgresql_where=text("owner_id IS NULL"),
        ),
        Index("ix_contacts_last_name_id", "last_name", "id"),
        Index("ix_contacts_external_id", "external_id", unique=True),
        # One owner's contacts of one stage, by id: a sort by owner filtered to a stage, or
        # by stage filtered to an owner, reads one range per owner or stage; the unassigned
        # have their own (PostgreSQL takes no order from an index after IS NULL) (0041).
        Index("ix_contacts_owner_stage_id", "owner_id", "lifecycle_stage", "id"),
        Index(
            "ix_contacts_unassigned_stage_id",
            "lifecycle_stage",
            "id",
            sqlite_where=text("owner_id IS NULL"),
            postgresql_where=text("owner_id IS NULL"),
        ),
        # Each stage but leads in the order of a date or the last name: a few stages sorted
        # so read one range each, as far as the page (0044). Leads, most contacts, read the
        # sort's own index; the list's queries name the condition word for word.
        *(
            Index(
                f"ix_contacts_stage_{column}_id",
                "lifecycle_stage",
                column,
                "id",
                sqlite_where=text(NOT_LEADS),
                postgresql_where=text(NOT_LEADS),
            )
            for column in STAGE_SORTED
        ),
        # Each stage but leads with its contacts' owners and accounts: a few stages sorted by
        # owner or company find their matches in this index alone (0047), not in each row.
        Index(
            "ix_contacts_stage_owner_account_id",
            "lifecycle_stage",
            "owner_id",
            "account_id",
            "id",
            sqlite_where=text(NOT_LEADS),
            postgresql_where=text(NOT_LEADS),
        ),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    # Trimmed and lower-cased before it gets here; the unique index is the dedupe key.
    # None only for a contact keyed by its ``external_id`` (a CRM record without email).
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    # The source CRM's record id (HubSpot's Record ID, Salesforce's Id): the key of a
    # contact without email, unique when set.
    external_id: Mapped[str | None] = mapped_column(String(200))
    first_name: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str | None] = mapped_column(String(120))
    job_title: Mapped[str | None] = mapped_column(String(200))
    seniority: Mapped[str | None] = mapped_column(String(60))
    department: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(60))
    country: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    lifecycle_stage: Mapped[str] = mapped_column(String(30), default="lead")
    stage_entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The headline score shown in lists; the scoring domain keeps it current.
    score: Mapped[int] = mapped_column(Integer, default=0)
    # Where the person is in their own buying journey (a key of the configured buying
    # stages); the plays domain infers it from indicator touches and keeps it current.
    buying_stage: Mapped[str | None] = mapped_column(String(40))

    email_opt_in: Mapped[str] = mapped_column(String(20), default="unknown")
    do_not_email: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False)

    first_touch_source: Mapped[str | None] = mapped_column(String(200))
    first_touch_medium: Mapped[str | None] = mapped_column(String(200))
    first_touch_campaign: Mapped[str | None] = mapped_column(String(200))
    first_touch_referrer: Mapped[str | None] = mapped_column(String(2000))
    first_touch_landing_page: Mapped[str | None] = mapped_column(String(2000))
    first_touch_at: Mapped[datetime | None]
    last_touch_source: Mapped[str | None] = mapped_column(String(200))
    last_touch_medium: Mapped[str | None] = mapped_column(String(200))
    last_touch_campaign: Mapped[str | None] = mapped_column(String(200))
    last_touch_referrer: Mapped[str | None] = mapped_column(String(2000))
    last_touch_landing_page: Mapped[str | None] = mapped_column(String(2000))
    last_touch_at: Mapped[datetime | None]

    custom: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

    account: Mapped[Account | None] = relationship(back_populates="contacts", lazy="raise")


class ConsentChange(Base):
    """Every change of a consent flag, with where it came from and what the person was shown."""

    __tablename__ = "consent_changes"
    __table_args__ = (Index("ix_consent_changes_contact_id_at", "contact_id", "at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    # "email_opt_in", "do_not_email" or "do_not_call"
    field: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str | None] = mapped_column(String(20))
    new_value: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200))
    text_shown: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Touch(Base):
    """One thing a contact did or that was done to them. Every touch is kept."""

    __tablename__ = "touches"
    __table_args__ = (
        Index("ix_touches_contact_id_occurred_at_type", "contact_id", "occurred_at", "type"),
        Index("ix_touches_account_id_occurred_at", "account_id", "occurred_at"),
        Index("ix_touches_type_occurred_at", "type", "occurred_at"),
        Index("ix_touches_visitor_id", "visitor_id"),
        # Attribution reads a deal's contacts' campaign touches in time order from this
        # index alone; touches without a campaign (most of them) are not in it.
        Index(
            "ix_touches_campaign_path",
            "contact_id",
            "occurred_at",
            "campaign_id",
            sqlite_where=text("campaign_id IS NOT NULL"),
            postgresql_where=text("campaign_id IS NOT NULL"),
        ),
        CheckConstraint("contact_id IS NOT NULL OR visitor_id IS NOT NULL", name="has_subject"),
        # A key is its sender's: the same key from two senders is two deliveries. Also the
        # index that finds a replayed key (and its fingerprint) without reading the table.
        UniqueConstraint("idempotency_scope", "idempotency_key"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    type: Mapped[str] = mapped_column(String(60))
    occurred_at: Mapped[datetime]
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    # Anonymous website visitors' touches wait here until the visitor is identified.
    visitor_id: Mapped[str | None] = mapped_column(String(64))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    actor_type: Mapped[str] = mapped_column(String(20), default="system")
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    properties: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    asset_id: Mapped[int | None] = mapped_column(BigIntId)
    workflow_id: Mapped[int | None] = mapped_column(BigIntId)
    # The sender ("token:12", "user:3", "system:website tracking") and its key: a retried
    # delivery with the same key is stored once. Keys stored before senders were told
    # apart have no scope: no later delivery matches them.
    idempotency_scope: Mapped[str | None] = mapped_column(String(80))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    # sha256 (hex) of the delivery as canonical JSON, where the sender's payload is known:
    # the same key with another payload is a conflict, not a duplicate.
    idempotency_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Note(TimestampMixin, Base):
    """A user's note on a contact, an account or an opportunity, with @mentions."""

    __tablename__ = "notes"
    __table_args__ = (
        Index("ix_notes_contact_id", "contact_id"),
        Index("ix_notes_account_id", "account_id"),
        Index("ix_notes_opportunity_id", "opportunity_id"),
        CheckConstraint(
            "(CASE WHEN contact_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN account_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN opportunity_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE")
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    mentioned_user_ids: Mapped[list[int]] = mapped_column(JSONType, default=list)


class CustomFieldDefinition(TimestampMixin, Base):
    """Declares a custom field so the UI, the API and imports know its label and type."""

    __tablename__ = "custom_field_definitions"
    __table_args__ = (UniqueConstraint("entity", "key"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120))
    field_type: Mapped[str] = mapped_column(String(20))
    choices: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Archived: kept with its values and the rules testing it, no longer offered for new ones.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class MergeRecord(Base):
    """A merge of two contacts or two accounts: who, when, and the merged record as it was."""

    __tablename__ = "merge_records"
    __table_args__ = (Index("ix_merge_records_entity_merged_id", "entity", "merged_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    survivor_id: Mapped[int] = mapped_column(BigIntId)
    merged_id: Mapped[int] = mapped_column(BigIntId)
    merged_snapshot: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # field -> "survivor" | "merged": which side's value was kept, and by which rule.
    resolution: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class EnrichmentCompany(Base):
    """A company the admin loaded for the built-in enrichment provider, keyed by domain."""

    __tablename__ = "enrichment_companies"

    domain: Mapped[str] = mapped_column(String(253), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    industry: Mapped[str | None] = mapped_column(String(120))
    employee_count: Mapped[int | None] = mapped_column(Integer)
    annual_revenue: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False))
    country: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    technologies: Mapped[list[str]] = mapped_column(JSONType, default=list)


class SavedView(TimestampMixin, Base):
    """A named set of contact-list filters, private to its owner or shared with everyone."""

    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    filters: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class ImportJob(Base):
    """One run of a CSV import, with its counts and where its error report is."""

    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    source_format: Mapped[str] = mapped_column(String(30))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # queued -> running -> done | failed | interrupted (-> queued again when resumed)
    status: Mapped[str] = mapped_column(String(20), default="running")
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_failed: Mapped[int] = mapped_column(Integer, default=0)
    # Rows that went in with something to check (an owner nobody in Huddle is: unassigned),
    # in the error report with why, like the failed ones.
    rows_reported: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error_file: Mapped[str | None] = mapped_column(String(1000))
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    # The encoding the file is read in (a key of importing.reader.ENCODING_LABELS), and
    # how many of its lines are not in it (each one a failed row).
    encoding: Mapped[str | None] = mapped_column(String(20))
    invalid_lines: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Where the file and its error report are, for resuming.
    source_path: Mapped[str | None] = mapped_column(String(1000))
    report_path: Mapped[str | None] = mapped_column(String(1000))
    # Committed with each chunk: the line the next unread row starts on, and how long the
    # error report was then (anything after that came from a chunk that was not committed).
    resume_line: Mapped[int | None] = mapped_column(Integer)
    report_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # The process running the import ("host|pid|start"), and its last sign of life.
    runner: Mapped[str | None] = mapped_column(String(200))
    heartbeat_at: Mapped[datetime | None]
    # Why an import stopped before its end (interrupted or failed), in words.
    stop_reason: Mapped[str | None] = mapped_column(String(500))
    # How rows are matched to contacts: "email" (then the external id, for rows without
    # email) or "external_id" (then the email).
    dedupe_key: Mapped[str] = mapped_column(String(20), default="email", server_default="email")
    # Whether an empty cell of a mapped column clears the field of an existing contact.
    clear_empty: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The cell values read as empty ("N/A", "-", ...), as the import used them.
    placeholders: Mapped[list[str] | None] = mapped_column(JSONType)
    # The date format found in each date column, by header ("%d/%m/%Y").
    date_formats: Mapped[dict[str, str] | None] = mapped_column(JSONType)
