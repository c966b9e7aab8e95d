"""Migration 0012: contacts and accounts stored before emails had one canonical spelling
are re-spelled, and a clash between two records is left for a person to merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from huddle.core.migrations import upgrade
from tests.conftest import database_at


def _add_contact(engine: Engine, email: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (email, lifecycle_stage, stage_entered_at, email_opt_in,"
                " do_not_email, do_not_call, score, custom, created_at, updated_at)"
                " VALUES (:email, 'lead', :at, 'unknown', false, false, 0, '{}', :at, :at)"
            ),
            {"email": email, "at": "2026-01-05 10:00:00"},
        )


def test_old_spellings_are_respelled_and_a_clash_is_left_alone(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with database_at(database_url, tmp_path, "0011") as engine:
        for email in (
            "hans@xn--bcher-kva.example",  # punycode: now its Unicode form
            "jose\u0301@acme.example",  # NFD: now NFC
            "greta@bücher.example",  # already canonical
            "ada@xn--caf-dma.example",  # clashes with the next one once re-spelled
            "ada@café.example",
        ):
            _add_contact(engine, email)
        upgrade(engine, "0012")
        with engine.connect() as connection:
            stored = set(connection.execute(text("SELECT email FROM contacts")).scalars())
    assert stored == {
        "hans@bücher.example",
        "josé@acme.example",
        "greta@bücher.example",
        "ada@xn--caf-dma.example",
        "ada@café.example",
    }
    assert "merge them" in caplog.text
