"""A database of its own for the command line (it commits through its own unit of work)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
    monkeypatch.setenv("HUDDLE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()
    engine.dispose()
