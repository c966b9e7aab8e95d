"""Personal data in the UI (export and erase buttons on the contact page) and the public
one-click unsubscribe page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentActor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.privacy import service
from huddle.privacy.schemas import PersonalDataExport
from huddle.web.deps import SessionDep
from huddle.web.templating import flash, render
from huddle.web.views import see_other

router = APIRouter(include_in_schema=False)


@router.get("/contacts/{contact_id}/personal-data.json")
def download_personal_data(actor: CurrentActor, session: SessionDep, contact_id: int) -> Response:
    export = PersonalDataExport.model_validate(
        service.export_personal_data(session, contact_id, actor=actor)
    )
    filename = f"contact-{contact_id}-personal-data.json"
    return Response(
        export.model_dump_json(indent=2),
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            # Personal data: never kept in a shared or browser cache.
            "Cache-Control": "no-store",
        },
    )


@router.post("/contacts/{contact_id}/erase")
def erase(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    contact_id: int,
    confirm: Annotated[str, Form()] = "",
) -> Response:
    if confirm != "erase":
        raise ValidationFailed(
            "erasure not confirmed",
            [FieldError("confirm", "tick the box to confirm: erasure cannot be undone")],
        )
    service.erase_personal_data(session, contact_id, actor=actor)
    flash(request, "Personal data erased. The contact's stage history and activity counts remain.")
    return see_other(f"/contacts/{contact_id}")


def _secret(request: Request) -> str:
    return str(request.app.state.settings.secret_key)


@router.get("/unsubscribe/{token}", response_class=HTMLResponse)
def unsubscribe_page(request: Request, session: SessionDep, token: str) -> HTMLResponse:
    """Confirms before acting: mail scanners follow links with GET, only people press buttons."""
    contact = service.contact_of_token(session, token, secret=_secret(request))
    return render(request, "privacy/unsubscribe.html", {"token": token, "contact": contact})


@router.post("/unsubscribe/{token}", response_class=HTMLResponse)
def unsubscribe(request: Request, session: SessionDep, token: str) -> HTMLResponse:
    """The button on the page, and RFC 8058 one-click: mail clients POST
    ``List-Unsubscribe=One-Click`` here without cookies or a CSRF token."""
    contact = service.unsubscribe(session, token, secret=_secret(request))
    return render(request, "privacy/unsubscribe.html", {"done": True, "contact": contact})
