"""The audit trail, read-only (mounted under /api/v1). No route edits or deletes it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from huddle.audit import service
from huddle.audit.schemas import AuditEntryRead, AuditFilters, AuditPage
from huddle.auth.deps import CurrentActor
from huddle.web.deps import SessionDep

router = APIRouter(tags=["audit"])


@router.get("/audit", operation_id="audit.list", response_model=AuditPage)
def list_audit_entries(
    actor: CurrentActor,
    session: SessionDep,
    filters: Annotated[AuditFilters, Query()],
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE_SIZE)] = 50,
) -> AuditPage:
    """Who changed what, when and from where: newest first, narrowed by the filters.
    Needs the audit.read permission (admins, compliance)."""
    page = service.list_entries(session, filters, actor=actor, cursor=cursor, limit=limit)
    return AuditPage(
        items=[AuditEntryRead.model_validate(e) for e in page.items],
        next_cursor=page.next_cursor,
    )


@router.get("/audit/{entry_id:int}", operation_id="audit.get", response_model=AuditEntryRead)
def get_audit_entry(actor: CurrentActor, session: SessionDep, entry_id: int) -> AuditEntryRead:
    return AuditEntryRead.model_validate(service.get_entry(session, entry_id, actor=actor))
