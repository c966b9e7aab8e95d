"""The asset library's page (/assets, under Campaigns): the assets with their status, a
form to add one, approve and back-to-draft buttons. Plain forms (POST → 303)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from huddle.assets import service
from huddle.assets.models import KINDS
from huddle.assets.schemas import AssetWrite
from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.views import FormText, form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)


def _assets_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    typed: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "assets/list.html",
        user,
        "campaigns",
        {
            "assets": service.list_assets(session, actor=request_actor(request)),
            "kinds": [(kind, kind.replace("_", " ").capitalize()) for kind in KINDS],
            "typed": typed or {},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/assets", response_class=HTMLResponse)
def assets_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _assets_page(request, session, user)


@router.post("/assets", response_model=None)
def create_asset(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    title: FormText = "",
    url: FormText = "",
    kind: FormText = "other",
) -> Response:
    def change() -> None:
        data = form_schema(
            lambda: AssetWrite.model_validate({"title": title, "url": url, "kind": kind})
        )
        service.create_asset(session, data, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        typed = {"title": title, "url": url, "kind": kind}
        return _assets_page(
            request, session, user, typed=typed, error=message, status_code=status_code
        )

    return submit(request, change, done="Asset added.", then="/assets", refused=refused)


@router.post("/assets/{asset_id:int}/status", response_model=None)
def set_status(
    asset_id: int, request: Request, session: SessionDep, user: CurrentUser, status: FormText = ""
) -> Response:
    def change() -> None:
        if status not in ("draft", "approved"):
            raise ValidationFailed("check the fields", [FieldError("status", "unknown status")])
        service.set_asset_status(session, asset_id, status, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _assets_page(request, session, user, error=message, status_code=status_code)

    done = "Asset approved." if status == "approved" else "Asset back to draft."
    return submit(request, change, done=done, then="/assets", refused=refused)
