"""``huddle demo`` end to end, into migrated SQLite files of its own (the CLI commits)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from typer.testing import CliRunner, Result

from huddle.app import create_app
from huddle.cli import app
from huddle.core.clock import FrozenClock
from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings, get_settings
from huddle.demo import catalog
from tests.conftest import csrf_of

SNAPSHOT = {
    "contacts": "SELECT c.email, c.first_name, c.last_name, c.job_title, c.lifecycle_stage,"
    " c.stage_entered_at, c.created_at, c.updated_at, a.domain, u.email, c.email_opt_in,"
    " c.do_not_email, c.first_touch_source, c.first_touch_campaign, c.last_touch_at, c.custom"
    " FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id"
    " LEFT JOIN users u ON u.id = c.owner_id ORDER BY c.email",
    "touches": "SELECT c.email, t.type, t.occurred_at, t.properties, t.actor_type, t.campaign_id"
    " FROM touches t JOIN contacts c ON c.id = t.contact_id ORDER BY t.id",
    "transitions": "SELECT c.email, s.from_stage, s.to_stage, s.at, s.by_user_id, s.by_rule,"
    " s.reason, s.rejection_reason FROM stage_transitions s JOIN contacts c"
    " ON c.id = s.contact_id ORDER BY s.id",
    "opportunities": "SELECT name, amount, pipeline_stage, status, closed_at, lost_reason"
    " FROM opportunities ORDER BY id",
    "notes": "SELECT body, created_at, mentioned_user_ids FROM notes ORDER BY id",
}


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A function that gives a fresh migrated SQLite database and points the CLI at it."""
    engines: list[Engine] = []

    def fresh(name: str) -> Engine:
        url = f"sqlite:///{tmp_path / name}"
        engine = make_engine(url)
        upgrade(engine)
        engines.append(engine)
        monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
        get_settings.cache_clear()
        return engine

    yield fresh
    get_settings.cache_clear()
    for engine in engines:
        engine.dispose()


def run_demo(*args: str) -> Result:
    return CliRunner().invoke(app, ["demo", "--contacts", "200", *args])


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            name: [tuple(row) for row in connection.execute(text(sql))]
            for name, sql in SNAPSHOT.items()
        }


def test_the_same_seed_on_the_same_day_loads_identical_data(
    demo_db: Any, frozen_clock: FrozenClock
) -> None:
    first_engine = demo_db("first.db")
    first = run_demo("--seed", "5")
    second_engine = demo_db("second.db")
    second = run_demo("--seed", "5")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    one, two = snapshot(first_engine), snapshot(second_engine)
    assert len(one["contacts"]) == 200 and len(one["touches"]) > 1000
    assert one == two


def test_if_empty_leaves_a_loaded_database_alone(demo_db: Any, frozen_clock: FrozenClock) -> None:
    engine = demo_db("demo.db")
    assert run_demo().exit_code == 0
    before = snapshot(engine)

    again = run_demo("--if-empty")
    refused = run_demo()

    assert again.exit_code == 0 and "already has contacts" in again.output
    # `make run` starts with this on every launch: the sign-in is still shown.
    assert f"as {catalog.ADMIN_EMAIL} / {catalog.DEMO_PASSWORD}" in again.output
    assert refused.exit_code == 1
    assert snapshot(engine) == before


def test_the_printed_logins_work(demo_db: Any, frozen_clock: FrozenClock, tmp_path: Path) -> None:
    engine = demo_db("login.db")
    result = run_demo()
    assert f"Sign in as {catalog.ADMIN_EMAIL} / {catalog.DEMO_PASSWORD}" in result.output

    settings = Settings(env="test", database_url=str(engine.url), data_dir=tmp_path)
    with TestClient(create_app(settings), base_url="http://testserver") as client:
        for email in (catalog.ADMIN_EMAIL, catalog.MARKETER_EMAIL, catalog.REP_EMAIL):
            response = client.post(
                "/login",
                data={
                    "email": email,
                    "password": catalog.DEMO_PASSWORD,
                    "csrf_token": csrf_of(client),
                },
                follow_redirects=False,
            )
            assert response.status_code == 303, email
            client.post("/logout")
