"""What SLA reads of leads: contacts, their accounts, grades and touches (other domains'
tables, joined read-only)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, Touch
from huddle.core.rawsql import IdList, in_ids
from huddle.scoring.models import ContactGrade
from huddle.sla.models import SlaClock


def lead_facts_row(session: Session, contact_id: int) -> Any:
    """(custom, country, first touch source, account region, account industry, grade) of
    the contact, or None."""
    return session.execute(
        select(
            Contact.custom,
            Contact.country,
            Contact.first_touch_source,
            Account.region,
            Account.industry,
            ContactGrade.grade,
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .where(Contact.id == contact_id)
    ).one_or_none()


def owner_of(session: Session, contact_id: int) -> int | None:
    return session.scalar(select(Contact.owner_id).where(Contact.id == contact_id))


def owners_of(session: Session, contact_ids: Iterable[int]) -> dict[int, int | None]:
    return dict(
        session.execute(
            select(Contact.id, Contact.owner_id).where(Contact.id.in_(sorted(contact_ids)))
        ).all()
    )


def touches_of_types(session: Session, touch_ids: Sequence[int], types: Iterable[str]) -> list[Any]:
    """(id, type, contact id, occurred at, actor user id) of those of ``touch_ids`` with one
    of ``types`` and a contact, oldest first. The ids as one parameter: an expanding IN of a
    batch's thousands of ids is rendered into the SQL and bound one by one on every call."""
    ids = bindparam("touch_ids", list(touch_ids), type_=IdList())
    return list(
        session.execute(
            select(Touch.id, Touch.type, Touch.contact_id, Touch.occurred_at, Touch.actor_user_id)
            .where(in_ids(Touch.id, ids), Touch.type.in_(sorted(types)))
            .where(Touch.contact_id.is_not(None))
            .order_by(Touch.occurred_at, Touch.id)
        ).all()
    )


def clocks_with_their_leads(session: Session, clock_ids: list[int]) -> list[Any]:
    """(id, version id, term key, contact id, due at, first name, last name, email) of the
    clocks whose contact is still there."""
    return list(
        session.execute(
            select(
                SlaClock.id,
                SlaClock.version_id,
                SlaClock.term_key,
                SlaClock.contact_id,
                SlaClock.due_at,
                Contact.first_name,
                Contact.last_name,
                Contact.email,
            )
            .join(Contact, Contact.id == SlaClock.contact_id)
            .where(SlaClock.id.in_(clock_ids))
        )
    )
