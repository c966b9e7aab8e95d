"""One settings object, read from the environment (``HUDDLE_`` prefix)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "huddle-development-secret-do-not-use-in-production"  # noqa: S105


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HUDDLE_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("var")
    database_url: str = ""
    secret_key: str = DEVELOPMENT_SECRET
    host: str = "127.0.0.1"
    port: int = 8000
    # Upper bound on any request body; imports stream from disk, not through this.
    max_request_bytes: int = 25 * 1024 * 1024
    log_sql: bool = False
    # Where hooks on new touches (scoring, workflows) run: in the ingesting process, or as
    # durable jobs the worker runs (scale-out: ingestion stays fast on busy machines).
    touch_hooks: Literal["inline", "worker"] = "inline"

    @model_validator(mode="after")
    def _fill_defaults_and_refuse_unsafe(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'huddle.db'}"
        if self.env == "production" and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("HUDDLE_SECRET_KEY must be set to a long random value in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
