"""Queries of predictive scoring: the facts training and scoring read from the shared
record (contacts, accounts, touches, stage changes: read only), and the model versions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, Touch
from huddle.lifecycle.models import StageTransition
from huddle.predictive.features import LONGEST, ContactFacts, TouchFact
from huddle.predictive.models import ModelVersion

CHUNK = 2000


def _first_move(stages: Sequence[str]) -> Any:
    return (
        select(StageTransition.contact_id, func.min(StageTransition.at).label("at"))
        .where(StageTransition.to_stage.in_(list(stages)))
        .group_by(StageTransition.contact_id)
        .subquery()
    )


def _facts_query(*, targets: Sequence[str]) -> Any:
    entered_lead = _first_move(["lead"])
    reached = _first_move(targets)
    return (
        select(
            Contact.id,
            Contact.created_at,
            entered_lead.c.at,
            reached.c.at,
            Contact.first_touch_source,
            Account.industry,
            func.coalesce(Contact.country, Account.country),
            Contact.seniority,
            Contact.department,
            Contact.city,
            Contact.do_not_email,
            Contact.do_not_call,
            Account.employee_count,
            Account.annual_revenue,
            Contact.custom,
            Account.custom,
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(entered_lead, entered_lead.c.contact_id == Contact.id)
        .outerjoin(reached, reached.c.contact_id == Contact.id)
        .order_by(Contact.id)
    )


def contact_facts(
    session: Session,
    *,
    targets: Sequence[str],
    as_of: datetime | None = None,
    after_id: int = 0,
    limit: int | None = None,
) -> list[ContactFacts]:
    """Contacts (ids above ``after_id``) with their cut-off: the moment they entered Lead
    (their creation when they never moved there), or ``as_of`` when given (scoring now);
    and when they first reached one of ``targets``."""
    query = _facts_query(targets=targets).where(Contact.id > after_id)
    if limit is not None:
        query = query.limit(limit)
    out = []
    for row in session.execute(query):
        (contact_id, created, lead_at, reached_at, source, industry, country) = row[:7]
        (seniority, department, city, do_not_email, do_not_call) = row[7:12]
        (employees, revenue, custom, account_custom) = row[12:]
        attributes = {
            "source": source,
            "industry": industry,
            "country": country,
            "seniority": seniority,
            "department": department,
            "city": city,
            "do_not_email": do_not_email,
            "do_not_call": do_not_call,
            "employees": employees,
            "revenue": revenue,
        }
        merged = {f"account.{k}": v for k, v in (account_custom or {}).items()}
        merged |= {str(k): v for k, v in (custom or {}).items()}
        out.append(
            ContactFacts(
                contact_id=contact_id,
                cutoff=as_of or lead_at or created,
                attributes=attributes,
                custom=merged,
                reached_at=reached_at,
            )
        )
    return out


def touches_before(session: Session, contacts: Sequence[ContactFacts]) -> Iterator[TouchFact]:
    """The touches of these contacts in the longest window before their cut-offs (those
    after a contact's own cut-off are dropped by the feature builder, which compares each
    with its contact's cut-off)."""
    for start in range(0, len(contacts), CHUNK):
        chunk = contacts[start : start + CHUNK]
        earliest = min(c.cutoff for c in chunk) - LONGEST
        latest = max(c.cutoff for c in chunk)
        query = select(Touch.contact_id, Touch.type, Touch.occurred_at).where(
            Touch.contact_id.in_([c.contact_id for c in chunk]),
            Touch.occurred_at > earliest,
            Touch.occurred_at <= latest,
        )
        for contact_id, kind, at in session.execute(query):
            if contact_id is not None:  # always, by the filter; the column is nullable
                yield TouchFact(contact_id, kind, at)


def last_contact_id(session: Session) -> int:
    return int(session.scalar(select(func.max(Contact.id))) or 0)


def list_versions(session: Session) -> list[ModelVersion]:
    return list(session.scalars(select(ModelVersion).order_by(ModelVersion.id.desc())))


def get_version(session: Session, version_id: int) -> ModelVersion | None:
    return session.get(ModelVersion, version_id)


def active_version(session: Session) -> ModelVersion | None:
    query = select(ModelVersion).where(ModelVersion.is_active.is_(True))
    return session.scalars(query).first()


def deactivate_all(session: Session) -> None:
    session.execute(
        update(ModelVersion).where(ModelVersion.is_active.is_(True)).values(is_active=False)
    )
