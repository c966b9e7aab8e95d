"""One settings object, read from the environment (``HUDDLE_`` prefix)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from huddle.core.instance_key import instance_secret_key
from huddle.core.origin import parse_networks

# The development key earlier versions shipped in the source: known to everyone, refused.
PUBLISHED_SECRET = "huddle-development-secret-do-not-use-in-production"  # noqa: S105
# 32 characters of a random token: what `python -c "import secrets; print(secrets.token_urlsafe())"`
# gives is 43. Shorter keys make session cookies and unsubscribe links guessable.
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HUDDLE_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("var")
    # repr=False: printing or logging the settings never shows the key or a DB password.
    database_url: str = Field(default="", repr=False)
    # Unset: outside production, the instance's own key in data_dir (made on first start).
    secret_key: str = Field(default="", repr=False)
    host: str = "127.0.0.1"
    port: int = 8000
    # Upper bound on any request body (413 above it), but the CSV import upload's below.
    max_request_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    max_import_bytes: int = Field(default=200 * 1024 * 1024, ge=1024)
    log_sql: bool = False
    # Session cookie only over HTTPS; always on in production, set it wherever HTTPS serves.
    secure_cookies: bool = False
    # The reverse proxies in front of Huddle (IPs or CIDRs, comma-separated): only a request
    # coming straight from one of them has its X-Forwarded-For / -Proto believed. Empty: no
    # one's, so a client cannot choose the address the audit trail and lockout see.
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    # Where hooks on new touches (scoring, workflows) run: in the ingesting process, or as
    # durable jobs the worker runs (scale-out: ingestion stays fast on busy machines).
    touch_hooks: Literal["inline", "worker"] = "inline"
    # Notifications: where emails go out, whom they are from, and the address links use.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_sender: str = "huddle@localhost"
    smtp_timeout: float = 10.0
    # How the SMTP connection is secured: none, STARTTLS after connecting, or TLS from the
    # first byte (port 465); and the login, when the server asks for one.
    smtp_security: Literal["none", "starttls", "tls"] = "none"
    smtp_username: str = ""
    smtp_password: str = Field(default="", repr=False)
    # Marketing email (mailing): whom it is from (else smtp_sender), the envelope sender
    # that bounces (DSNs) return to, and how many messages may leave per minute, in all and
    # to one recipient domain (0: no limit). Over a limit a message waits for the next minute.
    mailing_sender: str = ""
    mailing_bounce_address: str = ""
    mailing_rate_per_minute: int = Field(default=0, ge=0)
    mailing_domain_rate_per_minute: int = Field(default=0, ge=0)
    # SMTP connections a batch of marketing messages goes out over at once, as a mail
    # server's own client does (Postfix opens up to 20 per destination): the server reads
    # one message while the next command is on its way on another.
    mailing_connections: int = Field(default=3, ge=1, le=20)
    public_url: str = "http://127.0.0.1:8000"
    # A hand-off with no decision or sales activity for this many days is recycled.
    handoff_stall_days: int = Field(default=5, ge=1)
    # What recycling a lead does to its scores: keep them, or count behaviour rules only
    # from the recycle on (fit rules and negative rules stay).
    recycle_scores: Literal["keep", "reset_behaviour"] = "reset_behaviour"
    # Threads running background jobs in each worker (and in ``huddle serve``); 0: as suits
    # the database (``background_threads``). A full rescore runs in as many lanes.
    worker_threads: int = Field(default=0, ge=0, le=32)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> tuple[str, ...]:
        entries = value.replace(",", " ").split() if isinstance(value, str) else list(value)
        return tuple(str(network) for network in parse_networks(entries))

    @model_validator(mode="after")
    def _fill_defaults_and_refuse_unsafe(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'huddle.db'}"
        if self.secret_key == PUBLISHED_SECRET:
            raise ValueError(
                "HUDDLE_SECRET_KEY is the development key published in Huddle's source; "
                "unset it (Huddle then makes its own) or set a long random value"
            )
        if not self.secret_key and self.env == "production":
            raise ValueError(
                "HUDDLE_SECRET_KEY is not set: in production Huddle needs a random key of at "
                f"least {MIN_SECRET_LENGTH} characters, for example the output of "
                '`python3 -c "import secrets; print(secrets.token_urlsafe(48))"`'
            )
        if not self.secret_key:
            self.secret_key = instance_secret_key(self.data_dir)
        elif self.env == "production" and (
            len(self.secret_key) < MIN_SECRET_LENGTH or len(set(self.secret_key)) < 10
        ):
            raise ValueError(
                "HUDDLE_SECRET_KEY must be set to a long random value in production "
                f"(at least {MIN_SECRET_LENGTH} characters)"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def background_threads(self) -> int:
        """``worker_threads``, or what suits the configured database (``threads_for``)."""
        return self.threads_for(sqlite=self.is_sqlite)

    def threads_for(self, *, sqlite: bool) -> int:
        """``worker_threads``, or by default: one on SQLite (the database has one writer,
        a second thread would only wait for it); two on PostgreSQL, so that a full rescore
        runs in two lanes side by side (a lane keeps about one core of the server busy)."""
        return self.worker_threads or (1 if sqlite else 2)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
