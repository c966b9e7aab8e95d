"""Erasure reaches the files imports keep on disk: each error report and, beside it, the
uploaded file it came from. Lines naming the erased person are scrubbed in place, so the
reports keep their line numbers and reasons."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased
from huddle.contacts.importing import repository
from huddle.core.events import subscribe
from huddle.core.scrub import contains, scrub


def scrub_file(path: Path, needles: tuple[str, ...]) -> bool:
    """Rewrite ``path`` with the needles scrubbed, line by line (a large upload is never
    held in memory); untouched when no line names them. True if it changed."""
    if not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as source:
        if not any(contains(line, needles) for line in source):
            return False
    scrubbed = path.with_name(path.name + ".scrubbing")
    with (
        path.open(encoding="utf-8", errors="surrogateescape", newline="") as source,
        scrubbed.open("w", encoding="utf-8", errors="surrogateescape", newline="") as target,
    ):
        for line in source:
            target.write(scrub(line, needles))
    os.replace(scrubbed, path)
    return True


@subscribe(ContactErased)
def scrub_import_files(session: Session, event: ContactErased) -> None:
    for job_id, error_file in repository.error_files(session):
        report = Path(error_file)
        scrub_file(report, event.needles)
        scrub_file(report.with_name(f"{job_id}.csv"), event.needles)
