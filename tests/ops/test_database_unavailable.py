"""An unreachable database is a 503 with Retry-After everywhere (the API, pages, forms,
``/t/collect``), never a 500 with a traceback: nothing was stored, and the client may send
the same request again in a few seconds.

The app here points at a PostgreSQL port nobody listens on, so every connection is refused,
as during a restart of the server; it runs in the SQLite run too (only the driver is needed).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from huddle.app import create_app
from huddle.core import clock
from huddle.core.db import RETRY_AFTER_SECONDS, make_engine, session_factory, unit_of_work
from huddle.core.jobs import Job, JobInterrupted, enqueue, hand_back, job_handler, run_one
from huddle.core.settings import Settings
from tests.conftest import csrf_of


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def unreachable(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        env="test",
        data_dir=tmp_path,
        database_url=f"postgresql+psycopg://huddle@127.0.0.1:{_closed_port()}/huddle",
    )
    app = create_app(settings, check_schema=False)
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def _says_retry(response: object) -> None:
    assert response.status_code == 503, response.text  # type: ignore[attr-defined]
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)  # type: ignore[attr-defined]


def test_the_api_answers_503_with_retry_after(
    unreachable: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    headers = {"Authorization": "Bearer hud_not-checked-the-database-is-down"}
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            response = unreachable.post("/api/v1/events", json={"events": []}, headers=headers)
            _says_retry(response)
            assert response.json()["code"] == "database_unavailable"
        _says_retry(unreachable.get("/api/v1/contacts", headers=headers))

    # Said once, without a traceback, however many requests failed.
    said = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(said) <= 1 and not any(r.exc_info for r in caplog.records)


def test_a_form_and_its_page_answer_503_with_retry_after(unreachable: TestClient) -> None:
    token = csrf_of(unreachable)  # the sign-in page needs no database
    response = unreachable.post(
        "/login",
        data={"email": "ann@acme.example", "password": "whatever it is", "csrf_token": token},
    )
    _says_retry(response)
    assert "text/html" in response.headers["content-type"]
    assert "briefly unavailable" in response.text

    _says_retry(unreachable.get("/f/some-form-key"))


def test_collect_answers_503_with_retry_after(unreachable: TestClient) -> None:
    response = unreachable.post(
        "/t/collect",
        content=b'{"k":"site","v":"visitor-0123456789ab","e":[{"id":"1","u":"https://a.example/"}]}',
        headers={"Origin": "https://a.example", "Content-Type": "text/plain"},
    )
    _says_retry(response)


def test_a_job_cut_off_by_the_database_is_handed_back_without_spending_an_attempt(
    own_engine: Engine,
) -> None:
    unreachable = make_engine(f"postgresql+psycopg://huddle@127.0.0.1:{_closed_port()}/huddle")

    def lose_the_connection(session: Session, payload: dict[str, Any]) -> None:
        with unreachable.connect() as connection:
            connection.execute(text("SELECT 1"))

    job_handler("tests.ops.cut_off")(lose_the_connection)
    factory = session_factory(own_engine)
    with unit_of_work(factory) as session:
        job_id = enqueue(session, "tests.ops.cut_off", {}).id

    with pytest.raises(JobInterrupted) as interrupted:
        run_one(factory, "worker-1")
    hand_back(factory, [interrupted.value.job_id])

    with unit_of_work(factory) as session:
        job = session.get(Job, job_id)
        assert job is not None
        # Due again now, its attempt given back, no error recorded: it did not fail.
        assert (job.status, job.attempts, job.last_error) == ("queued", 0, None)
        assert job.run_after <= clock.now()
