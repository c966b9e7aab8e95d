"""``POST /deal-imports``: a deals export imported while the request waits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile

from huddle.auth.deps import CurrentActor
from huddle.core.columnmap import mapping_described, mapping_from_json
from huddle.lifecycle.importing.deals import import_deals
from huddle.lifecycle.importing.formats import DEAL_FIELDS
from huddle.web.deps import SessionDep
from huddle.web.uploads import FileImportRead, import_upload

router = APIRouter()


@router.post(
    "/deal-imports",
    operation_id="deal_imports.create",
    response_model=FileImportRead,
    tags=["imports"],
)
def create_deal_import(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    file: Annotated[
        UploadFile,
        File(description="A HubSpot deals export or a Salesforce opportunities export (CSV)"),
    ],
    mapping: Annotated[
        str | None,
        Form(description=mapping_described(DEAL_FIELDS)),
    ] = None,
) -> FileImportRead:
    """Import deals with their created and close dates, amounts, stages and reasons,
    linked to contacts by email or record id and to accounts; a re-import updates the deals imported
    before. A won deal makes its contacts customers with its close date (through the
    stages the allowed transitions require); a contact it cannot move is in ``problems``,
    with why. 422 when the file is not a deals export Huddle knows."""
    return import_upload(
        import_deals,
        session,
        request.app.state.settings,
        file,
        actor=actor,
        mapping=mapping_from_json(mapping),
    )
