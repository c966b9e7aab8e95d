"""An import that stops part-way is marked interrupted and resumes from its last committed
chunk, ending with exactly what an uninterrupted run gives (in the test's transaction)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.importing import runner, service, tasks
from huddle.contacts.importing.reader import MAX_ROW_CHARS
from huddle.contacts.importing.report import ErrorReport
from huddle.contacts.importing.service import ImportTakenOver, Progress, run_import
from huddle.contacts.models import CREATED_DATE_INDEXES, Account, Contact, ImportJob
from huddle.core import deferred_indexes
from huddle.core.actor import Actor
from huddle.core.db import session_factory, unit_of_work
from huddle.core.deferred_indexes import DeferredIndex
from huddle.core.errors import Conflict, NotPermitted
from huddle.core.jobs import Job, ensure_periodic, handler_for
from huddle.lifecycle.models import ENTRY_DATE_INDEXES, StageTransition
from tests.conftest import make_user, sign_in
from tests.contacts.fixtures.imports import (
    counts,
    import_file,
    read_csv,
    run_queued_imports,
    same_session,
    write_csv,
)

CHUNK = 4
SYSTEM = Actor.system("test")


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


@pytest.fixture
def people(tmp_path: Path) -> Path:
    """17 rows in chunks of 4: a bad email in chunks 1 and 4, an email again in a later
    chunk with another name, companies shared across chunks."""
    rows = []
    for n in range(17):
        email = "not-an-email" if n in (2, 13) else f"p{n}@firm{n % 3}.com"
        rows.append([email, f"P{n}", "Early", f"Firm {n % 3}"])
    rows[15][0], rows[15][2] = "p1@firm1.com", "Late"
    return write_csv(tmp_path / "people.csv", ["email", "first_name", "last_name", "company"], rows)


class Stop(KeyboardInterrupt):
    """What Ctrl-C raises, after the chunks before it committed."""


def stop_after(chunks: int) -> Callable[[Progress], None]:
    seen = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if len(seen) == chunks:
            raise Stop

    return on_progress


def _state(db: Session) -> dict[str, Any]:
    contacts = db.execute(
        select(Contact.email, Contact.first_name, Contact.last_name, Account.name)
        .outerjoin(Account, Account.id == Contact.account_id)
        .order_by(Contact.email)
    ).all()
    return {
        "contacts": [tuple(row) for row in contacts],
        "accounts": db.scalar(select(func.count()).select_from(Account)),
        "stage rows": db.scalar(select(func.count()).select_from(StageTransition)),
    }


def _interrupted(
    db: Session, source: Path, actor: Actor, errors: Path, *, after: int = 2
) -> ImportJob:
    job = service.create_import(db, source, filename=source.name, actor=actor)
    with pytest.raises(Stop):
        run_import(
            lambda: same_session(db),
            job.id,
            source,
            errors_path=errors,
            chunk_size=CHUNK,
            on_progress=stop_after(after),
        )
    db.refresh(job)
    return job


def test_an_interrupted_import_resumes_to_what_an_uninterrupted_run_gives(
    db: Session, actor: Actor, people: Path, tmp_path: Path
) -> None:
    whole = db.begin_nested()
    straight = import_file(db, people, actor=actor, errors_path=tmp_path / "straight.csv")
    expected = (counts(straight), _state(db), read_csv(tmp_path / "straight.csv"))
    whole.rollback()

    errors = tmp_path / "errors.csv"
    job = _interrupted(db, people, actor, errors, after=2)
    assert (job.status, job.resume_line, job.rows_total) == ("interrupted", 10, 8)
    assert job.stop_reason == "Stopped by an interrupt (Ctrl-C)."
    assert db.scalar(select(func.count()).select_from(Contact)) == 7

    service.resume_import(db, job.id, actor=actor)
    done = run_import(
        lambda: same_session(db), job.id, people, errors_path=errors, chunk_size=CHUNK
    )

    assert done.status == "done"
    assert (counts(done), _state(db), read_csv(errors)) == expected
    assert counts(done) == {"total": 17, "created": 14, "updated": 1, "unchanged": 0, "failed": 2}
    emails = db.scalars(select(Contact.email)).all()
    assert len(emails) == len(set(emails)) == 14


def test_rows_of_a_chunk_that_never_committed_leave_the_error_report(tmp_path: Path) -> None:
    path = tmp_path / "errors.csv"
    first = ErrorReport(path, ["email"])
    first.add(3, [("email", "bad")], ["x"])
    committed = first.flush()
    first.add(9, [("email", "bad")], ["y"])  # its chunk's transaction then died
    first.close()

    again = ErrorReport(path, ["email"], keep=committed)
    again.add(9, [("email", "bad")], ["y"])
    again.close()

    assert [(r["error_line"], r["email"]) for r in read_csv(path)] == [("3", "x"), ("9", "y")]


def test_only_an_interrupted_import_resumes(
    db: Session, actor: Actor, people: Path, tmp_path: Path
) -> None:
    done = import_file(db, people, actor=actor, errors_path=tmp_path / "e.csv")
    with pytest.raises(Conflict):
        service.resume_import(db, done.id, actor=actor)
    queued = service.create_import(db, people, filename="again.csv", actor=actor)
    with pytest.raises(Conflict):
        service.resume_import(db, queued.id, actor=actor)
    # Nor does running it again start it over: an import runs once.
    with pytest.raises(Conflict):
        run_import(lambda: same_session(db), done.id, people, errors_path=tmp_path / "e.csv")


def test_an_import_whose_file_changed_fails_instead_of_resuming_at_the_wrong_line(
    db: Session, actor: Actor, people: Path, tmp_path: Path
) -> None:
    errors = tmp_path / "errors.csv"
    job = _interrupted(db, people, actor, errors)
    service.resume_import(db, job.id, actor=actor)
    people.write_text(people.read_text().replace("Early", "Edited"))

    with pytest.raises(Exception, match="the file changed"):
        run_import(lambda: same_session(db), job.id, people, errors_path=errors)
    db.refresh(job)
    assert (job.status, job.rows_total) == ("failed", 8)
    assert job.stop_reason == "the file is not the one checked when the import was started"


def test_a_running_import_whose_runner_stopped_is_seen_as_interrupted(
    db: Session, actor: Actor, people: Path, test_clock: Any
) -> None:
    job = service.create_import(db, people, filename=people.name, actor=actor)
    # This very process, not running it (a run that died with the database away).
    job.status, job.runner, job.heartbeat_at = "running", runner.this_process(), test_clock.now()
    db.flush()

    seen = service.get_import(db, job.id, actor=actor)

    assert seen.status == "interrupted"
    assert seen.stop_reason == "Stopped: it stopped in this process without recording why."


def test_a_running_import_of_another_host_is_interrupted_only_once_its_heartbeat_is_stale(
    db: Session, actor: Actor, people: Path, test_clock: Any
) -> None:
    job = service.create_import(db, people, filename=people.name, actor=actor)
    job.status, job.runner = "running", "elsewhere|pid:[1]|4242|99"
    job.heartbeat_at = beat = test_clock.now()
    db.flush()

    assert service.mark_interrupted_imports(db) == []
    test_clock.set(beat + runner.STALE - timedelta(seconds=30))
    assert service.mark_interrupted_imports(db) == []
    test_clock.set(beat + runner.STALE + timedelta(seconds=1))
    assert service.mark_interrupted_imports(db) == [job.id]
    db.refresh(job)
    assert job.stop_reason == ("Stopped: its process committed no rows for more than 10 minutes.")


def test_a_live_run_is_never_taken_over(
    db: Session, actor: Actor, people: Path, tmp_path: Path
) -> None:
    job = service.create_import(db, people, filename=people.name, actor=actor)
    attempts: list[BaseException] = []

    def try_again(progress: Progress) -> None:
        # While this run goes on, another worker's retry of the same import.
        try:
            run_import(lambda: same_session(db), job.id, people, errors_path=tmp_path / "x.csv")
        except Conflict as exc:
            attempts.append(exc)

    done = run_import(
        lambda: same_session(db),
        job.id,
        people,
        errors_path=tmp_path / "e.csv",
        chunk_size=CHUNK,
        on_progress=try_again,
    )
    assert done.status == "done" and len(attempts) == 5
    assert all(isinstance(exc, Conflict) for exc in attempts)


# --- the API, the page ------------------------------------------------------------------------


def _interrupted_upload(client: TestClient, db: Session, people: Path) -> int:
    with people.open("rb") as handle:
        queued = client.post(
            "/api/v1/imports", files={"file": (people.name, handle, "text/csv")}
        ).json()
    job = db.scalars(select(Job).where(Job.kind == "contacts.import")).one()
    with pytest.raises(Stop):
        run_import(
            lambda: same_session(db),
            queued["id"],
            Path(job.payload["path"]),
            errors_path=Path(job.payload["errors_path"]),
            chunk_size=CHUNK,
            on_progress=stop_after(1),
        )
    job.status = "done"  # the worker's part, as run_queued_imports plays it
    db.flush()
    return int(queued["id"])


def test_the_api_resumes_an_interrupted_import(
    client: TestClient, db: Session, people: Path
) -> None:
    import_id = _interrupted_upload(client, db, people)
    stopped = client.get(f"/api/v1/imports/{import_id}").json()
    assert (stopped["status"], stopped["rows_total"], stopped["resume_line"]) == (
        "interrupted",
        4,
        6,
    )

    response = client.post(f"/api/v1/imports/{import_id}/resume")
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "queued"
    run_queued_imports(db)

    done = client.get(f"/api/v1/imports/{import_id}").json()
    assert (done["status"], done["rows_total"], done["rows_created"], done["rows_failed"]) == (
        "done",
        17,
        14,
        2,
    )
    assert db.scalar(select(func.count()).select_from(Contact)) == 14
    # Done: nothing to resume.
    again = client.post(f"/api/v1/imports/{import_id}/resume")
    assert again.status_code == 409
    assert "only an interrupted import resumes" in again.json()["detail"]


def test_resuming_needs_the_right_to_import(
    client: TestClient, anon_client: TestClient, db: Session, people: Path
) -> None:
    import_id = _interrupted_upload(client, db, people)
    sales = make_user(db, role="sales_rep", team="sales")
    db.commit()
    sign_in(client, sales)
    assert client.post(f"/api/v1/imports/{import_id}/resume").status_code == 403
    assert client.post(f"/imports/{import_id}/resume").status_code == 403
    assert db.get(ImportJob, import_id).status == "interrupted"  # type: ignore[union-attr]
    assert client.post("/api/v1/imports/999999/resume").status_code == 403
    with pytest.raises(NotPermitted):
        service.resume_import(db, import_id, actor=Actor.user(sales.id, role="sales_rep"))


def test_an_unknown_import_does_not_resume(client: TestClient) -> None:
    assert client.post("/api/v1/imports/999999/resume").status_code == 404


def test_the_page_of_an_interrupted_import_offers_to_resume_it(
    client: TestClient, db: Session, people: Path
) -> None:
    import_id = _interrupted_upload(client, db, people)
    html = client.get(f"/imports/{import_id}").text
    assert "Interrupted" in html and "Stopped by an interrupt (Ctrl-C)." in html
    assert "up to line 5" in html
    assert f'action="/imports/{import_id}/resume"' in html and ">Resume</button>" in html
    assert "every 1s" not in html  # nothing to poll for until it is resumed

    response = client.post(f"/imports/{import_id}/resume", follow_redirects=False)
    assert response.status_code == 303
    queued = client.get(response.headers["location"]).text
    assert "is queued to go on from line 6" in queued and "every 1s" in queued
    run_queued_imports(db)
    assert "Finished" in client.get(f"/imports/{import_id}").text

    refused = client.post(f"/imports/{import_id}/resume")
    assert "only an interrupted import resumes" in refused.text


@pytest.mark.parametrize("chunks_before", [1, 2, 3])
def test_a_resume_next_to_broken_records_reads_the_same_rows_as_a_straight_run(
    db: Session, actor: Actor, tmp_path: Path, chunks_before: int
) -> None:
    long_line = "x" * (MAX_ROW_CHARS + 10)
    source = tmp_path / "broken.csv"
    source.write_text(
        "email,first_name,last_name\r\n"
        "p0@x.com,P0,A\r\np1@x.com,P1,B\r\np2@x.com,P2,C\r\n"
        # Line 5's quote closes on line 7, followed by text: its row fails, lines 6 and 7
        # are read again as rows, and a chunk ends on the broken row.
        'p3@x.com,"P3,D\r\np4@x.com,P4,E\r\np5@x.com,"P5",F\r\n'
        "p6@x.com,P6,G\r\n"
        # A quoted cell running into a line longer than a row may be, then a stray quote.
        f'p7@x.com,"P7\r\n{long_line}\r\nend",H\r\n'
        "p8@x.com,P8,I\r\np9@x.com,P9,J\r\n",
        encoding="utf-8",
    )
    whole = db.begin_nested()
    straight = import_file(db, source, actor=actor, errors_path=tmp_path / "straight.csv")
    expected = (counts(straight), _state(db), read_csv(tmp_path / "straight.csv"))
    whole.rollback()
    assert [r["error_line"] for r in expected[2]] == ["5", "9", "10", "11"]

    errors = tmp_path / "errors.csv"
    job = _interrupted(db, source, actor, errors, after=chunks_before)
    service.resume_import(db, job.id, actor=actor)
    done = run_import(
        lambda: same_session(db), job.id, source, errors_path=errors, chunk_size=CHUNK
    )

    assert (counts(done), _state(db), read_csv(errors)) == expected


def test_the_worker_marks_an_import_of_a_dead_process_interrupted_every_minute(
    db: Session, actor: Actor, people: Path, test_clock: Any
) -> None:
    assert tasks.FIND_INTERRUPTED in ensure_periodic(db)
    ended = subprocess.Popen(["true"])  # a process of this host, soon gone
    ended.wait()
    job = service.create_import(db, people, filename=people.name, actor=actor)
    host = runner.this_process().rsplit("|", 2)[0]
    job.status, job.runner = "running", f"{host}|{ended.pid}|"
    job.heartbeat_at = test_clock.now()
    db.flush()

    handler_for(tasks.FIND_INTERRUPTED)(db, {})

    db.refresh(job)
    assert job.status == "interrupted"
    assert job.stop_reason is not None and f"(process {ended.pid} on " in job.stop_reason
    # The run queued the next one, a minute on.
    waiting = db.scalars(
        select(Job.run_after).where(Job.kind == tasks.FIND_INTERRUPTED, Job.status == "queued")
    ).all()
    assert any(at > test_clock.now() + timedelta(seconds=50) for at in waiting)


def test_a_run_whose_import_was_taken_over_stops_before_writing_another_chunk(
    db: Session, actor: Actor, people: Path, tmp_path: Path
) -> None:
    job = service.create_import(db, people, filename=people.name, actor=actor)

    def taken_over(progress: Progress) -> None:
        # Meanwhile another host found this run silent for too long and resumed it.
        db.execute(
            update(ImportJob).where(ImportJob.id == job.id).values(runner="elsewhere|ns|7|1")
        )

    with pytest.raises(ImportTakenOver):
        run_import(
            lambda: same_session(db),
            job.id,
            people,
            errors_path=tmp_path / "e.csv",
            chunk_size=CHUNK,
            on_progress=taken_over,
        )
    db.refresh(job)
    assert (job.status, job.runner, job.rows_total) == ("running", "elsewhere|ns|7|1", 4)
    assert db.scalar(select(func.count()).select_from(Contact)) == 3


@pytest.mark.sqlite_only
def test_the_worker_builds_again_the_indexes_a_stopped_import_left_deferred(
    own_engine: Engine, people: Path
) -> None:
    if own_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite defers indexes")
    factory = session_factory(own_engine)
    with unit_of_work(factory) as session:
        assert tasks.REBUILD_DEFERRED in ensure_periodic(session)
        stopped = service.create_import(session, people, filename=people.name, actor=SYSTEM)
        live = service.create_import(session, people, filename=people.name, actor=SYSTEM)
        stopped.status = "interrupted"
        live.status, live.runner = "running", runner.this_process()
        session.flush()
        deferred_indexes.defer(session, ENTRY_DATE_INDEXES, holder=f"import {stopped.id}")
        deferred_indexes.defer(session, CREATED_DATE_INDEXES, holder=f"import {live.id}")

    # As the worker runs it: the job's own session, in its transaction.
    with runner.running(live.id), unit_of_work(factory) as session:
        handler_for(tasks.REBUILD_DEFERRED)(session, {})

    with Session(own_engine) as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        held = set(session.scalars(select(DeferredIndex.name)))
    assert set(ENTRY_DATE_INDEXES) <= names  # its import stopped: built again
    assert not set(CREATED_DATE_INDEXES) & names  # its import still runs: left to it
    assert held == set(CREATED_DATE_INDEXES)
