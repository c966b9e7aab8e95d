from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from huddle.app import create_app
from huddle.core.db import make_engine
from huddle.core.migrations import SchemaBehind, ensure_schema_current, modelled, upgrade
from huddle.core.settings import Settings
from huddle.models import Base


def test_migrations_build_exactly_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": modelled})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_schema_check_passes_on_a_migrated_database(engine: Engine) -> None:
    ensure_schema_current(engine)


def test_app_refuses_to_start_on_an_unmigrated_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    app = create_app(Settings(env="test", database_url=url))
    with pytest.raises(SchemaBehind, match="huddle migrate"), TestClient(app):
        pass


def test_app_refuses_a_database_one_migration_behind(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "head")
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    with pytest.raises(SchemaBehind, match="needs"):
        ensure_schema_current(engine)


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValueError, match="HUDDLE_SECRET_KEY"):
        Settings(env="production")
