"""The asset library's JSON API (under /api/v1): list, add (campaign.manage), approve or
take back to draft (asset.approve)."""

from __future__ import annotations

from fastapi import APIRouter, status

from huddle.assets import service
from huddle.assets.schemas import AssetRead, AssetStatusWrite, AssetWrite
from huddle.auth.deps import CurrentActor
from huddle.web.deps import SessionDep

router = APIRouter(tags=["assets"])


@router.get("/assets", operation_id="assets.list", response_model=list[AssetRead])
def list_assets(actor: CurrentActor, session: SessionDep) -> list[AssetRead]:
    """Every asset by title, with its status (only approved assets are ever sent)."""
    return [AssetRead.model_validate(a) for a in service.list_assets(session, actor=actor)]


@router.post(
    "/assets",
    operation_id="assets.create",
    response_model=AssetRead,
    status_code=status.HTTP_201_CREATED,
)
def create_asset(actor: CurrentActor, session: SessionDep, data: AssetWrite) -> AssetRead:
    """A new asset, a draft until an approver approves it (422 for a title in use)."""
    return AssetRead.model_validate(service.create_asset(session, data, actor=actor))


@router.post(
    "/assets/{asset_id:int}/status", operation_id="assets.set_status", response_model=AssetRead
)
def set_status(
    asset_id: int, actor: CurrentActor, session: SessionDep, data: AssetStatusWrite
) -> AssetRead:
    """Approve the asset (workflows may send it from then on) or take it back to draft."""
    found = service.set_asset_status(session, asset_id, data.status, actor=actor)
    return AssetRead.model_validate(found)
