"""Queries of the import wizard: stored uploads and saved mappings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from huddle.contacts.importing.models import ImportMapping, ImportUpload


def upload(session: Session, token: str) -> ImportUpload | None:
    return session.get(ImportUpload, token)


def uploads_before(session: Session, moment: datetime) -> list[ImportUpload]:
    return list(session.scalars(select(ImportUpload).where(ImportUpload.created_at < moment)))


def delete_upload(session: Session, token: str) -> None:
    session.execute(delete(ImportUpload).where(ImportUpload.token == token))


def mappings(session: Session) -> list[ImportMapping]:
    return list(session.scalars(select(ImportMapping).order_by(ImportMapping.name)))


def mapping(session: Session, mapping_id: int) -> ImportMapping | None:
    return session.get(ImportMapping, mapping_id)


def mapping_named(session: Session, name: str) -> ImportMapping | None:
    return session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()


def delete_mapping(session: Session, mapping_id: int) -> None:
    session.execute(delete(ImportMapping).where(ImportMapping.id == mapping_id))
