"""An account's contacts with their scores and grades, for account roll-ups."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.scoring.models import ContactGrade, ContactScore


def account_contact_scores(
    session: Session, account_id: int, model_id: int
) -> list[tuple[int, float]]:
    rows = session.execute(
        select(Contact.id, func.coalesce(ContactScore.points, 0.0))
        .select_from(Contact)
        .outerjoin(
            ContactScore,
            and_(ContactScore.contact_id == Contact.id, ContactScore.model_id == model_id),
        )
        .where(Contact.account_id == account_id)
        .order_by(func.coalesce(ContactScore.points, 0.0).desc(), Contact.id)
    )
    return [(int(cid), float(points)) for cid, points in rows]


def account_contact_ids(session: Session, account_ids: Sequence[int]) -> list[int]:
    if not account_ids:
        return []
    query = select(Contact.id).where(Contact.account_id.in_(account_ids))
    return list(session.scalars(query))


def account_contacts(
    session: Session, account_id: int
) -> list[tuple[Contact, ContactGrade | None]]:
    rows = session.execute(
        select(Contact, ContactGrade)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .where(Contact.account_id == account_id)
        .order_by(Contact.id)
    )
    return [(contact, grade) for contact, grade in rows]
