"""Personal-data requests over the API (mounted under /api/v1)."""

from __future__ import annotations

from fastapi import APIRouter

from huddle.auth.deps import CurrentActor
from huddle.privacy import service
from huddle.privacy.schemas import ErasureRead, PersonalDataExport
from huddle.web.deps import SessionDep

router = APIRouter(tags=["privacy"])


@router.get(
    "/contacts/{contact_id:int}/personal-data",
    operation_id="privacy.export",
    response_model=PersonalDataExport,
)
def export_personal_data(
    actor: CurrentActor, session: SessionDep, contact_id: int
) -> PersonalDataExport:
    """Everything Huddle holds on the contact (a data subject access request). Needs the
    personal_data.export permission; the export is audited."""
    return PersonalDataExport.model_validate(
        service.export_personal_data(session, contact_id, actor=actor)
    )


@router.post(
    "/contacts/{contact_id:int}/erase", operation_id="privacy.erase", response_model=ErasureRead
)
def erase_personal_data(actor: CurrentActor, session: SessionDep, contact_id: int) -> ErasureRead:
    """Irreversibly anonymise the contact (the right to erasure): personal values go from
    every table, counts stay. Needs personal_data.erase; 409 if already erased."""
    service.erase_personal_data(session, contact_id, actor=actor)
    return ErasureRead(contact_id=contact_id, erased=True)
