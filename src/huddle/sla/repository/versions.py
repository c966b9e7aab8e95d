"""SLA versions and their signatures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, cast, delete, func, select, update
from sqlalchemy.orm import Session

from huddle.core.rawsql import Fixed
from huddle.sla.models import SlaSignature, SlaVersion

_ACTIVE_TERMS = Fixed(select(cast(SlaVersion.terms, Text)).where(SlaVersion.status == "active"))


def active_version(session: Session) -> SlaVersion | None:
    return session.scalar(select(SlaVersion).where(SlaVersion.status == "active"))


def active_terms_text(session: Session) -> str | None:
    """The active version's terms as stored (JSON text), by one small statement on the
    connection: it goes around the ORM, so flush first what must count."""
    rows = _ACTIVE_TERMS.run(session, {})
    if not rows:
        return None
    [(text,)] = rows
    return str(text)


def get_version(session: Session, version_id: int) -> SlaVersion | None:
    return session.get(SlaVersion, version_id)


def list_versions(session: Session) -> list[SlaVersion]:
    """Newest first."""
    return list(session.scalars(select(SlaVersion).order_by(SlaVersion.number.desc())))


def versions_oldest_first(session: Session) -> list[SlaVersion]:
    return list(session.scalars(select(SlaVersion).order_by(SlaVersion.number)))


def highest_number(session: Session) -> int:
    return session.scalar(select(func.max(SlaVersion.number))) or 0


def newest_version_id(session: Session) -> int | None:
    return session.scalar(select(SlaVersion.id).order_by(SlaVersion.number.desc()).limit(1))


def signatures_of(session: Session, version_ids: list[int]) -> list[SlaSignature]:
    """In the order they were given."""
    return list(
        session.scalars(
            select(SlaSignature)
            .where(SlaSignature.version_id.in_(version_ids))
            .order_by(SlaSignature.signed_at, SlaSignature.id)
        )
    )


def withdraw_signatures(session: Session, version_id: int) -> None:
    session.execute(delete(SlaSignature).where(SlaSignature.version_id == version_id))


def archive(session: Session, version_id: int, at: datetime) -> None:
    session.execute(
        update(SlaVersion)
        .where(SlaVersion.id == version_id)
        .values(status="archived", archived_at=at)
        .execution_options(synchronize_session="fetch")
    )
