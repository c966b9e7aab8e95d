"""Migration 0051: Salesforce ids stored in 15 characters before are kept in their 18, the
contacts' and the imported deals'; one whose 18-character form another row holds is left
for a person to merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from huddle.core.migrations import upgrade
from tests.conftest import database_at

AT = "2026-01-05 10:00:00"


def _add_contact(engine: Engine, external_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (external_id, lifecycle_stage, stage_entered_at,"
                " email_opt_in, do_not_email, do_not_call, score, custom, created_at,"
                " updated_at) VALUES (:id, 'lead', :at, 'unknown', false, false, 0, '{}',"
                " :at, :at)"
            ),
            {"id": external_id, "at": AT},
        )


def _add_deal(engine: Engine, external_id: str) -> None:
    with engine.begin() as connection:
        account_id = connection.execute(
            text(
                "INSERT INTO accounts (name, is_target, custom, technologies, enriched_fields,"
                " created_at, updated_at) VALUES ('Northwind', false, '{}', '[]', '[]', :at,"
                " :at) RETURNING id"
            ),
            {"at": AT},
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO opportunities (name, account_id, amount, currency, pipeline_stage,"
                " status, created_at, updated_at, external_id) VALUES ('Annual', :account,"
                " 100, 'USD', 'qualification', 'open', :at, :at, :id)"
            ),
            {"account": account_id, "at": AT, "id": external_id},
        )


def test_short_salesforce_ids_are_kept_in_18_characters(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with database_at(database_url, tmp_path, "0050") as engine:
        for external_id in (
            "003A000000bX7Ee",  # now 003A000000bX7EeIAK
            "9001",  # HubSpot's: as it is
            "123456789012345",  # 15 digits: no Salesforce id
            "00Q5g00000IaZx7",  # its 18-character form is already another contact's
            "00Q5g00000IaZx7EAF",
        ):
            _add_contact(engine, external_id)
        _add_deal(engine, "salesforce:0065g00000ZZZ09")
        upgrade(engine, "0051")
        with engine.connect() as connection:
            contacts = set(connection.execute(text("SELECT external_id FROM contacts")).scalars())
            deals = set(connection.execute(text("SELECT external_id FROM opportunities")).scalars())
    assert contacts == {
        "003A000000bX7EeIAK",
        "9001",
        "123456789012345",
        "00Q5g00000IaZx7",
        "00Q5g00000IaZx7EAF",
    }
    assert deals == {"salesforce:0065g00000ZZZ09AAH"}
    assert "merge them" in caplog.text
