"""The asset library's routes: adding an asset (campaign.manage) and approving one or
taking it back to draft (asset.approve)."""

from __future__ import annotations

from huddle.assets import service as assets
from huddle.assets.schemas import AssetWrite
from huddle.core.actor import SYSTEM
from tests.auth.matrix.world import Call, Route, World, api, ui, unique

STATUS = "/assets/{asset_id:int}/status"


def _new(w: World, _: int | None) -> dict[str, object]:
    return {"title": unique("Asset"), "url": "https://example.com/asset", "kind": "ebook"}


def _on_asset(*, page: bool) -> Route:
    def build(w: World, _: int | None) -> Call:
        made = assets.create_asset(
            w.db, AssetWrite(title=unique("Asset"), url="https://example.com/a"), actor=SYSTEM
        )
        url = f"{'' if page else '/api/v1'}/assets/{made.id}/status"
        body = {"status": "approved"}
        return Call("POST", url, data=body) if page else Call("POST", url, json=body)

    return Route("POST", f"{'' if page else '/api/v1'}{STATUS}", build=build)


ASSET_SETTINGS = [api("POST", "/assets", json=_new), ui("POST", "/assets", data=_new)]
ASSET_APPROVALS = [_on_asset(page=False), _on_asset(page=True)]
