"""The background job that runs an import queued by the API."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts.importing.service import run_import
from huddle.core.db import unit_of_work
from huddle.core.errors import HuddleError
from huddle.core.jobs import job_handler

log = logging.getLogger(__name__)

KIND = "contacts.import"


def payload(import_job_id: int, path: Path, errors_path: Path) -> dict[str, Any]:
    return {"import_job_id": import_job_id, "path": str(path), "errors_path": str(errors_path)}


@job_handler(KIND)
def run_queued_import(session: Session, data: dict[str, Any]) -> None:
    """Each chunk commits in its own unit of work, so a page polling the import sees its
    counts grow; a retry after a crash starts over, which an import may (it is idempotent)."""
    factory = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
    try:
        run_import(
            lambda: unit_of_work(factory),
            data["import_job_id"],
            Path(data["path"]),
            errors_path=Path(data["errors_path"]),
        )
    except HuddleError as exc:
        # The file's fault (it stops being CSV): the import is marked failed with the
        # reason in its report; trying again would fail the same way.
        log.info("import %s failed: %s", data["import_job_id"], exc.message)
