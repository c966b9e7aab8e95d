"""Migration 0019: a webhook made before the catalogue keeps receiving what it received,
every notification (narrowed by its kinds, as before), and keeps its delivery log, where
a delivery made before counts as tried once."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from huddle.core.migrations import upgrade
from tests.conftest import database_at


def test_an_existing_webhook_keeps_its_notifications_and_its_log(
    database_url: str, tmp_path: Path
) -> None:
    with database_at(database_url, tmp_path, "0018") as engine:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO webhooks (name, url, secret, kinds, active, created_at,"
                    " updated_at) VALUES ('CRM', 'https://crm.example/h', 'a-long-secret-value',"
                    " '[\"sla.breached\"]', true, :at, :at)"
                ),
                {"at": "2026-01-05 10:00:00"},
            )
            connection.execute(
                text(
                    "INSERT INTO webhook_deliveries (webhook_id, kind, body, status, created_at)"
                    " SELECT id, 'sla.breached', '{}', 'delivered', created_at FROM webhooks"
                )
            )
        upgrade(engine, "0019")
        with engine.connect() as connection:
            events, kinds = connection.execute(text("SELECT events, kinds FROM webhooks")).one()
            tries = connection.execute(text("SELECT attempts FROM webhook_deliveries")).scalar()
    decoded = [json.loads(v) if isinstance(v, str) else v for v in (events, kinds)]
    assert decoded == [["notification.created"], ["sla.breached"]]
    assert tries == 1
