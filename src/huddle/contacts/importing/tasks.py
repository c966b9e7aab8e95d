"""The background jobs of imports: running one the API queued, and finding stopped ones."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts.importing.service import (
    mark_interrupted_imports,
    rebuild_abandoned_indexes,
    run_import,
)
from huddle.core.db import unit_of_work
from huddle.core.errors import HuddleError
from huddle.core.jobs import job_handler, periodic_job

log = logging.getLogger(__name__)

KIND = "contacts.import"
FIND_INTERRUPTED = "contacts.find_interrupted_imports"
REBUILD_DEFERRED = "contacts.rebuild_deferred_indexes"


def payload(import_job_id: int, path: Path, errors_path: Path) -> dict[str, Any]:
    return {"import_job_id": import_job_id, "path": str(path), "errors_path": str(errors_path)}


@job_handler(KIND)
def run_queued_import(session: Session, data: dict[str, Any]) -> None:
    """Each chunk commits in its own unit of work, so a page polling the import sees its
    counts grow. A retry after a crash (the job's lease ran out, or an error) goes on from
    the last committed chunk; so does a resume the person asked for."""
    factory = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
    try:
        run_import(
            lambda: unit_of_work(factory),
            data["import_job_id"],
            Path(data["path"]),
            errors_path=Path(data["errors_path"]),
        )
    except HuddleError as exc:
        # Nothing to try again: the import is done or run by another process already, or
        # its file is no longer the one checked (it is then marked failed, saying why).
        log.info("import %s not run: %s", data["import_job_id"], exc.message)


@periodic_job(FIND_INTERRUPTED, every=timedelta(minutes=1))
def find_interrupted_imports(session: Session, _: dict[str, Any]) -> None:
    """An import whose process died says so within a minute, even when nobody looks."""
    stopped = mark_interrupted_imports(session)
    if stopped:
        log.warning("imports interrupted (their process stopped): %s", stopped)


@periodic_job(REBUILD_DEFERRED, every=timedelta(minutes=1))
def rebuild_deferred_indexes(session: Session, _: dict[str, Any]) -> None:
    """The indexes a stopped import had deferred, built again within a minute of its being
    found stopped. Before the job's own session does anything: each build takes SQLite's
    write lock in a transaction of its own."""
    rebuilt = rebuild_abandoned_indexes(session.get_bind().engine)
    if rebuilt:
        log.warning("indexes left deferred by stopped imports built again: %s", rebuilt)
