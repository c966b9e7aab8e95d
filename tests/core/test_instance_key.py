"""No instance runs on a published secret: a fresh install makes its own key, production
without one stops with one sentence."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from huddle.core.settings import PUBLISHED_SECRET, Settings

HUDDLE = Path(sys.executable).parent / "huddle"


def test_a_fresh_install_makes_its_own_key_readable_by_its_owner_only(tmp_path: Path) -> None:
    first = Settings(env="development", data_dir=tmp_path / "one")
    again = Settings(env="development", data_dir=tmp_path / "one")
    other = Settings(env="development", data_dir=tmp_path / "two")
    key_file = tmp_path / "one" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first.secret_key == again.secret_key == key_file.read_text().strip()
    assert len(first.secret_key) >= 43 and other.secret_key != first.secret_key
    assert first.secret_key != PUBLISHED_SECRET


def test_a_key_file_others_can_read_is_closed(tmp_path: Path) -> None:
    Settings(env="development", data_dir=tmp_path)
    (tmp_path / "secret_key").chmod(0o644)
    Settings(env="development", data_dir=tmp_path)
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_the_published_development_key_is_refused_everywhere(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="published"):
        Settings(env="development", data_dir=tmp_path, secret_key=PUBLISHED_SECRET)


def test_a_configured_key_is_used_and_no_file_is_made(tmp_path: Path) -> None:
    key = "Zq3-9vRkT_u8LmN2pW7xYb4cDe6FgHj1KsA0"
    assert Settings(env="development", data_dir=tmp_path, secret_key=key).secret_key == key
    assert not (tmp_path / "secret_key").exists()


def test_production_without_a_key_stops_with_one_sentence(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("HUDDLE_")}
    environment.update(HUDDLE_ENV="production", HUDDLE_DATA_DIR=str(tmp_path))
    finished = subprocess.run(
        [str(HUDDLE), "migrate"], env=environment, capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.startswith("huddle: HUDDLE_SECRET_KEY is not set: in production")
    assert finished.stderr.count("\n") == 1 and "Traceback" not in finished.stderr
    assert not (tmp_path / "secret_key").exists()
