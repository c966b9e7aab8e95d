"""Test harness: a real database built by the migrations, one rolled-back transaction per test.

SQLite by default. ``HUDDLE_TEST_DATABASE_URL=postgresql+psycopg://...`` runs the same
suite against PostgreSQL in a schema of its own, dropped afterwards. Where PostgreSQL is
asked for but unreachable, the tests skip with the reason, except under ``CI=true``, where
that is a failure.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from huddle.app import create_app
from huddle.auth import service as auth_service
from huddle.auth.models import User
from huddle.auth.passwords import use_cheapest_hashing_for_tests
from huddle.auth.schemas import UserCreate
from huddle.core import clock, events, insert_triggers
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine
from huddle.core.events import DomainEvent
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.subscribers import register as register_subscribers

# Event handlers run in every test, as they do in the app, the CLI and the worker.
register_subscribers()
# A real argon2 hash costs about 0.1 s by design; the suite signs users in hundreds of times.
use_cheapest_hashing_for_tests()

TEST_PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("HUDDLE_TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'huddle-test.db'}"


@contextmanager
def migrated_database(database_url: str, revision: str = "head") -> Iterator[Engine]:
    """A database migrated to ``revision``: the SQLite file ``database_url`` names, or on
    PostgreSQL a schema of its own on that server, dropped afterwards."""
    if database_url.startswith("sqlite"):
        engine = make_engine(database_url)
        upgrade(engine, revision)
        yield engine
        engine.dispose()
        return
    schema = f"huddle_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(database_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.exit(f"PostgreSQL required in CI but unreachable: {exc}", returncode=3)
        pytest.skip(f"PostgreSQL not reachable at {database_url}: {exc.orig}")
    engine = make_engine(database_url, connect_args={"options": f"-csearch_path={schema}"})
    upgrade(engine, revision)
    yield engine
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@contextmanager
def database_at(database_url: str, tmp_path: Path, revision: str) -> Iterator[Engine]:
    """A database migrated only up to ``revision`` (a file in ``tmp_path``, or a schema of
    its own on PostgreSQL, dropped afterwards): what a migration finds on an existing
    installation."""
    if database_url.startswith("sqlite"):
        database_url = f"sqlite:///{tmp_path / 'old.db'}"
    with migrated_database(database_url, revision) as engine:
        yield engine


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    with migrated_database(database_url) as made:
        yield made


@pytest.fixture
def own_engine(database_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A database for this test alone, for tests whose work commits (workers, threads)."""
    own_url = f"sqlite:///{tmp_path / 'own.db'}" if database_url.startswith("sqlite") else None
    with migrated_database(own_url or database_url) as made:
        yield made


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session whose every commit is a savepoint inside one transaction rolled back later."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        Session.close(session)  # the class's own close: ``app`` makes the instance's a no-op
        outer.rollback()
        connection.close()


@pytest.fixture
def published(db: Session) -> Iterator[list[DomainEvent]]:
    """Every event the test's session published, in order (a real subscriber on the real
    bus). Only this session's: a browser test's server and worker share the process."""
    seen: list[DomainEvent] = []

    def capture(session: object, event: DomainEvent) -> None:
        if session is db:
            seen.append(event)

    events.subscribe(DomainEvent, phase=events.Phase.RECORD)(capture)
    yield seen
    events.unsubscribe(DomainEvent, capture)


def pinned_moment() -> datetime | None:
    """The moment CI pins every test's clock to (``HUDDLE_TEST_NOW``, ISO 8601), if any."""
    pinned = os.environ.get("HUDDLE_TEST_NOW")
    if not pinned:
        return None
    moment = datetime.fromisoformat(pinned)
    if moment.tzinfo is None:
        raise pytest.UsageError(f"HUDDLE_TEST_NOW needs a UTC offset: {pinned!r}")
    return moment


@pytest.fixture(scope="session", autouse=True)
def run_clock() -> Iterator[clock.ShiftedClock]:
    """The run's time, installed before anything else (the browser tests' server and its
    seed data included): the real time, or under ``HUDDLE_TEST_NOW`` that moment, running
    on from the start of the run. CI runs the suite a second time pinned to a hard moment,
    so a test that silently depends on today fails there first."""
    running = clock.ShiftedClock(pinned_moment() or datetime.now(UTC))
    previous = clock.use_clock(running)
    yield running
    clock.use_clock(previous)


@pytest.fixture(autouse=True)
def test_clock(run_clock: clock.ShiftedClock) -> Iterator[clock.ShiftedClock]:
    """The clock a test may move: a test whose story needs a particular day or hour sets
    it (``test_clock.set(...)``) rather than hoping the machine's clock agrees. The run's
    time carries on afterwards as if the test had not moved it."""
    started, running_since = run_clock.now(), datetime.now(UTC)
    yield run_clock
    run_clock.set(started + (datetime.now(UTC) - running_since))


@pytest.fixture
def frozen_clock() -> Iterator[clock.FrozenClock]:
    frozen = clock.FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    previous = clock.use_clock(frozen)
    yield frozen
    clock.use_clock(previous)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(env="test", database_url=database_url, data_dir=tmp_path)


class _TestSessions(sessionmaker[Session]):
    """Hands the app whichever session the running test holds."""

    current: Session | None = None

    def __call__(self, **_: object) -> Session:  # type: ignore[override]
        assert self.current is not None, "a request outside a test"
        return self.current


@pytest.fixture(scope="session")
def shared_app(database_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One app for the whole run. FastAPI builds each route's handling lazily, per app, on
    its first request (about half a second of CPU over the routes a test touches), so an
    app per test would spend most of the suite doing that again and again."""
    settings = Settings(
        env="test", database_url=database_url, data_dir=tmp_path_factory.mktemp("app")
    )
    return create_app(settings, factory=_TestSessions(), check_schema=False)


@pytest.fixture
def app(shared_app, settings: Settings, db: Session):  # type: ignore[no-untyped-def]
    """The real app, its requests sharing the test's transaction and its own data dir."""
    shared_app.state.settings = settings
    shared_app.state.session_factory.current = db
    # Closing the shared session would end the test's transaction early.
    db.close = lambda: None  # type: ignore[method-assign]
    yield shared_app
    shared_app.state.session_factory.current = None


@pytest.fixture
def anon_client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def make_user(session: Session, **overrides: object) -> User:
    data: dict[str, object] = {
        "email": f"user-{uuid.uuid4().hex[:8]}@huddle.example",
        "name": "Test User",
        "team": "marketing",
        "role": "admin",
        "password": TEST_PASSWORD,
    }
    data.update(overrides)
    return auth_service.create_user(session, UserCreate(**data), actor=SYSTEM)  # type: ignore[arg-type]


_CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf_of(client: TestClient) -> str:
    """The CSRF token the browser's pages carry right now."""
    found = _CSRF_META.search(client.get("/login").text)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(client: TestClient, user: User, *, password: str = TEST_PASSWORD) -> TestClient:
    """Sign in through the login form, then send the session's CSRF token with every
    request, as huddle.js does for htmx (plain forms carry it as a hidden field)."""
    client.headers.pop("X-CSRF-Token", None)
    response = client.post(
        "/login",
        data={"email": user.email, "password": password, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    client.headers["X-CSRF-Token"] = csrf_of(client)
    return client


@pytest.fixture
def every_insert_replays_triggers(db: Session, monkeypatch: pytest.MonkeyPatch) -> Session:
    """SQLite, where every bulk insert, however small, sets its table's insert triggers
    aside and replays them (``core.insert_triggers``): a test's few rows stand for an
    import's thousands. Attribution's notes start empty."""
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("only SQLite sets insert triggers aside")
    monkeypatch.setattr(insert_triggers, "MIN_ROWS", 1)
    db.execute(text("DELETE FROM attribution_stale"))
    return db


@pytest.fixture
def admin(db: Session) -> User:
    return make_user(db, name="Ada Admin", role="admin", team="revops")


@pytest.fixture
def client(anon_client: TestClient, admin: User) -> TestClient:
    """A client signed in as an administrator."""
    return sign_in(anon_client, admin)
