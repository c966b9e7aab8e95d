"""An import whose process is killed (kill -9) part-way is marked interrupted, and resumed
to exactly the contacts an uninterrupted run gives: a real ``huddle import contacts`` or
``huddle worker`` process, on a database file of its own or a PostgreSQL schema of its own.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from huddle.cli import app
from huddle.contacts.importing import service, tasks
from huddle.contacts.models import Contact, ImportJob
from huddle.core.actor import Actor
from huddle.core.clock import ShiftedClock
from huddle.core.jobs import LEASE, Job, enqueue
from huddle.core.settings import get_settings
from huddle.worker import Worker
from tests.conftest import migrated_database
from tests.contacts.fixtures.imports import read_csv

HUDDLE = Path(sys.executable).with_name("huddle")
SYSTEM = Actor.system("test")
# A bad email every BAD_EVERY rows: their lines must be reported once each, resumed or not.
BAD_EVERY = 997


@pytest.fixture
def own_database(database_url: str, tmp_path: Path) -> Iterator[tuple[Engine, str]]:
    """A migrated database for this test alone, and the URL another process reaches it by."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'killed.db'}"
        with migrated_database(url) as engine:
            yield engine, url
        return
    with migrated_database(database_url) as engine:
        with engine.connect() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        separator = "&" if "?" in database_url else "?"
        yield engine, f"{database_url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture
def huddle_env(
    own_database: tuple[Engine, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    test_clock: ShiftedClock,
) -> Iterator[dict[str, str]]:
    """The environment of a Huddle process on the test's own database, this one included.

    That process runs on the machine's clock, not on the moment a run may pin the tests'
    to: the test's clock is set to the machine's, so what the test queues is due for the
    process too (a job queued on a pinned New Year's Eve would wait weeks for it)."""
    test_clock.set(datetime.now(UTC))
    env = {"HUDDLE_DATABASE_URL": own_database[1], "HUDDLE_DATA_DIR": str(tmp_path / "data")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield {**os.environ, **env}
    get_settings.cache_clear()


def _people(path: Path, rows: int) -> tuple[Path, dict[str, str], list[int]]:
    """A HubSpot export of ``rows`` people; the names by email, and the lines that fail."""
    names, bad_lines = {}, []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Record ID", "First Name", "Last Name", "Email", "Company Name"])
        for n in range(rows):
            email = f"person{n}@firm{n % 50}.com"
            if n % BAD_EVERY == BAD_EVERY - 1:
                email = f"person{n}-at-firm"
                bad_lines.append(n + 2)
            else:
                names[email] = f"Zoë {n}"
            writer.writerow([str(n), f"Zoë {n}", "Núñez", email, f"Firm {n % 50}"])
    return path, names, bad_lines


def _kill_after(
    process: subprocess.Popen[bytes], url: str, engine: Engine, *, rows: int, total: int
) -> ImportJob:
    """Kill -9 the process once ``rows`` rows have committed; the import as it was left."""
    # A plain engine: Huddle's begins every transaction as a writer (BEGIN IMMEDIATE on
    # SQLite), and the watching must not slow the import down.
    watcher = create_engine(url)
    deadline = time.monotonic() + 120
    try:
        with watcher.connect() as connection:
            while True:
                done = connection.execute(
                    select(ImportJob.rows_total).where(ImportJob.status == "running")
                ).scalar_one_or_none()
                connection.rollback()
                if done is not None and done >= rows:
                    break
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the import never got going"
                time.sleep(0.005)
    finally:
        watcher.dispose()
    process.kill()
    process.wait()
    with Session(engine) as session:
        left = session.scalars(select(ImportJob)).one()
    assert left.rows_total < total, "the import finished before it could be killed"
    return left


def _check_outcome(engine: Engine, names: dict[str, str], bad_lines: list[int]) -> None:
    with Session(engine) as session:
        job = session.scalars(select(ImportJob)).one()
        contacts = dict(session.execute(select(Contact.email, Contact.first_name)).all())
        count = session.scalar(select(func.count()).select_from(Contact))
    # What an uninterrupted run gives: every good row once, every bad one reported once.
    assert job.status == "done"
    total = len(names) + len(bad_lines)
    assert (job.rows_total, job.rows_created, job.rows_failed) == (
        total,
        len(names),
        len(bad_lines),
    )
    assert (job.rows_updated, job.rows_unchanged) == (0, 0)
    assert count == len(contacts) == len(names)
    assert contacts == names
    assert job.error_file is not None
    assert [int(row["error_line"]) for row in read_csv(Path(job.error_file))] == bad_lines


def test_a_killed_import_command_is_interrupted_and_resumes_from_its_last_chunk(
    own_database: tuple[Engine, str], huddle_env: dict[str, str], tmp_path: Path
) -> None:
    engine, url = own_database
    rows, chunk = 30_000, 250
    source, names, bad_lines = _people(tmp_path / "people.csv", rows)
    process = subprocess.Popen(
        [str(HUDDLE), "import", "contacts", str(source), "--chunk-size", str(chunk)],
        env=huddle_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    left = _kill_after(process, url, engine, rows=2 * chunk, total=rows)
    assert left.status == "running"  # nobody could say otherwise: the process just died

    with Session(engine) as session:
        seen = service.get_import(session, left.id, actor=SYSTEM)
        session.commit()
        assert seen.status == "interrupted"
        assert seen.stop_reason is not None and f"(process {process.pid} on " in seen.stop_reason
        assert seen.stop_reason.endswith(") is gone.")
        assert seen.rows_total % chunk == 0
        assert seen.rows_total == session.scalar(select(func.count()).select_from(Contact)) + sum(
            line - 2 < seen.rows_total for line in bad_lines
        )

    resumed = CliRunner().invoke(
        app, ["import", "resume", str(left.id), "--chunk-size", str(chunk)]
    )

    assert resumed.exit_code == 1, resumed.output  # some rows failed, as they should
    assert f"going on from line {left.resume_line:,}" in resumed.output
    assert (
        f"{rows:,} rows: {len(names):,} created, 0 updated, 0 unchanged, "
        f"{len(bad_lines)} failed." in resumed.output
    )
    _check_outcome(engine, names, bad_lines)


def test_a_killed_worker_leaves_its_import_interrupted_and_the_retry_goes_on_from_there(
    own_database: tuple[Engine, str],
    huddle_env: dict[str, str],
    tmp_path: Path,
    test_clock: ShiftedClock,
) -> None:
    engine, url = own_database
    # The worker commits chunks of service.CHUNK_SIZE rows: it is killed in the second.
    rows = 2 * service.CHUNK_SIZE
    source, names, bad_lines = _people(tmp_path / "people.csv", rows)
    factory = sessionmaker(bind=engine)
    with factory() as session, session.begin():
        job = service.create_import(session, source, filename=source.name, actor=SYSTEM)
        enqueue(session, tasks.KIND, tasks.payload(job.id, source, tmp_path / "errors.csv"))
    process = subprocess.Popen(
        [str(HUDDLE), "worker"],
        env={**huddle_env, "HUDDLE_WORKER_THREADS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    left = _kill_after(process, url, engine, rows=service.CHUNK_SIZE, total=rows)

    with factory() as session, session.begin():
        assert service.mark_interrupted_imports(session) == [left.id]
    # The killed worker's job is claimed again once its lease runs out.
    test_clock.set(max(test_clock.now(), datetime.now(UTC)) + LEASE + timedelta(minutes=1))
    Worker(factory).run_pending()

    with factory() as session:
        import_job = session.scalars(select(Job).where(Job.kind == tasks.KIND)).one()
        assert (import_job.status, import_job.attempts) == ("done", 2)
    _check_outcome(engine, names, bad_lines)
