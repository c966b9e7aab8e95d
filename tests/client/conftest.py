"""The official Python client against a live Huddle: uvicorn on a free loopback port over a
migrated SQLite file of its own, a worker beside it, an admin with an API token.

The server runs in a thread of the test process (as the browser tests' does), so the run's
clock is its clock. The client under test is the committed one (clients/python/huddle-client),
imported from the repository as an integrator's checkout would; test_generation checks it
is exactly what the generator makes of the server's document.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from tools.python_client import COMMITTED

from huddle.app import create_app
from huddle.auth import tokens
from huddle.auth.schemas import ApiTokenCreate
from huddle.core.actor import Actor
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.worker import Worker
from tests.conftest import make_user
from tests.live import serve

# Imported from the repository, as an integrator's checkout would (not installed in the venv).
sys.path.insert(0, str(COMMITTED))

from huddle_client import AuthenticatedClient


@dataclass(frozen=True)
class LiveHuddle:
    url: str
    token: str


@pytest.fixture(scope="package")
def live_huddle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHuddle]:
    data_dir = tmp_path_factory.mktemp("client")
    settings = Settings(
        env="test", data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'huddle.db'}"
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    factory = session_factory(engine)
    app = create_app(settings, factory=factory)
    with unit_of_work(factory) as session:
        admin = make_user(session, role="admin", team="revops")
        issued = tokens.issue_token(
            session,
            ApiTokenCreate(name="python client", scopes=["read", "write", "ingest"]),
            actor=Actor.user(admin.id, role="admin", team="revops"),
        )
        secret = issued.secret
    worker = Worker(factory, idle_seconds=0.2)
    worker.start_in_thread()
    try:
        with serve(app, name="huddle-client") as url:
            yield LiveHuddle(url, secret)
    finally:
        worker.stop()
        engine.dispose()


@pytest.fixture
def huddle(live_huddle: LiveHuddle) -> Iterator[AuthenticatedClient]:
    """The generated client, signed in with the admin's token; an answer the operation does
    not declare raises (``UnexpectedStatus``) rather than passing as ``None``."""
    with AuthenticatedClient(
        base_url=live_huddle.url, token=live_huddle.token, raise_on_unexpected_status=True
    ) as client:
        yield client


@pytest.fixture(scope="package")
def live_spec(live_huddle: LiveHuddle) -> dict[str, object]:
    """The OpenAPI document as the running server serves it."""
    response = httpx.get(f"{live_huddle.url}/api/v1/openapi.json", timeout=10)
    response.raise_for_status()
    spec: dict[str, object] = response.json()
    return spec
