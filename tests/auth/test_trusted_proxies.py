"""The client's address: X-Forwarded-For counts only from HUDDLE_TRUSTED_PROXIES (review
finding: it was believed from 127.0.0.1 by default, so anyone could choose the address the
audit trail recorded and the lockout counted)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from huddle.app import create_app
from huddle.audit.models import AuditEntry
from huddle.auth.models import LoginAttempt, User
from huddle.auth.signin import ACCOUNT_FAILURES
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.core.origin import client_address, parse_networks
from huddle.core.settings import Settings
from tests.conftest import TEST_PASSWORD, csrf_of, make_user
from tests.mail import free_port
from tests.tokens import issue_secret

SPOOFED = "203.0.113.9"
PROXIES = parse_networks(["10.0.0.0/8", "fd00::/8"])


# --- the one helper --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        # Not from a trusted proxy: the header is the client's say, ignored.
        ("198.51.100.7", ["203.0.113.9"], "198.51.100.7"),
        ("127.0.0.1", ["203.0.113.9"], "127.0.0.1"),
        # From a proxy: the right-most address that is not a proxy itself.
        ("10.0.0.2", ["203.0.113.9"], "203.0.113.9"),
        ("10.0.0.2", ["1.1.1.1, 203.0.113.9"], "203.0.113.9"),
        ("10.0.0.2", ["1.1.1.1, 203.0.113.9, 10.0.0.3"], "203.0.113.9"),
        ("10.0.0.2", ["1.1.1.1", "203.0.113.9, 10.0.0.3"], "203.0.113.9"),
        # Every hop a proxy: the left-most; none given: the proxy itself.
        ("10.0.0.2", ["10.0.0.9, 10.0.0.3"], "10.0.0.9"),
        ("10.0.0.2", [], "10.0.0.2"),
        # Garbage stops the walk at the last trusted hop.
        ("10.0.0.2", ["203.0.113.9, not-an-ip"], "10.0.0.2"),
        # Ports, brackets and IPv4 on a dual-stack socket.
        ("10.0.0.2", ["203.0.113.9:4711"], "203.0.113.9"),
        ("fd00::1", ["[2001:db8::5]:443"], "2001:db8::5"),
        ("::ffff:10.0.0.2", ["203.0.113.9"], "203.0.113.9"),
        (None, ["203.0.113.9"], None),
    ],
)
def test_client_address(peer: str | None, forwarded: list[str], expected: str | None) -> None:
    assert client_address(peer, forwarded, trusted=PROXIES) == expected


def test_no_proxy_is_trusted_by_default() -> None:
    assert Settings().trusted_proxies == ()
    assert client_address("127.0.0.1", [SPOOFED], trusted=()) == "127.0.0.1"


def test_the_setting_takes_a_comma_separated_list_and_names_a_bad_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HUDDLE_TRUSTED_PROXIES", "10.0.0.5, 192.168.0.0/16 fd00::/8")
    assert Settings().trusted_proxies == ("10.0.0.5/32", "192.168.0.0/16", "fd00::/8")
    monkeypatch.setenv("HUDDLE_TRUSTED_PROXIES", "10.0.0.5,proxy.internal")
    with pytest.raises(ValidationError, match=r"'proxy\.internal' is not an IP address"):
        Settings()


# --- the app: audit trail and lockout see the same address -----------------------------------


def _app_trusting(settings: Settings, db: Session, proxies: tuple[str, ...]):  # type: ignore[no-untyped-def]
    class _Shared(sessionmaker[Session]):
        def __call__(self, **_: object) -> Session:  # type: ignore[override]
            return db

    trusting = settings.model_copy(update={"trusted_proxies": proxies})
    return create_app(trusting, factory=_Shared(), check_schema=False)


def _fail_sign_in(client: TestClient, email: str, forwarded: str) -> int:
    response = client.post(
        "/login",
        data={"email": email, "password": "guess", "csrf_token": csrf_of(client)},
        headers={"X-Forwarded-For": forwarded},
        follow_redirects=False,
    )
    return response.status_code


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_clients(
    app,
    db: Session,
    settings: Settings,  # type: ignore[no-untyped-def]
) -> None:
    user = make_user(db, role="marketing")
    db.commit()
    behind_proxy = TestClient(
        _app_trusting(settings, db, ("127.0.0.1",)),
        base_url="http://testserver",
        client=("127.0.0.1", 50000),
    )
    assert _fail_sign_in(behind_proxy, user.email, f"198.51.100.1, {SPOOFED}") == 401
    attempt = db.scalars(select(LoginAttempt).where(LoginAttempt.email == user.email)).one()
    assert attempt.ip == SPOOFED

    secret = issue_secret(db, user, ["read", "write"])
    behind_proxy.post(
        "/api/v1/tokens",
        json={"name": "via proxy", "scopes": ["read"]},
        headers={"Authorization": f"Bearer {secret}", "X-Forwarded-For": SPOOFED},
    )
    entry = db.scalars(
        select(AuditEntry).where(AuditEntry.action == "token.issued").order_by(AuditEntry.id)
    ).all()[-1]
    assert entry.ip == SPOOFED


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(
    app,
    db: Session,
    settings: Settings,  # type: ignore[no-untyped-def]
) -> None:
    """Behind a proxy that ends TLS, the browser is on https: HSTS is sent."""
    trusting = TestClient(
        _app_trusting(settings, db, ("127.0.0.1",)),
        base_url="http://testserver",
        client=("127.0.0.1", 50000),
    )
    https = trusting.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" in https.headers
    direct = TestClient(
        _app_trusting(settings, db, ()), base_url="http://testserver", client=("127.0.0.1", 5)
    )
    spoofed = direct.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in spoofed.headers


def test_a_client_cannot_dodge_the_lockout_by_inventing_addresses(
    app,
    db: Session,
    settings: Settings,  # type: ignore[no-untyped-def]
) -> None:
    """Each guess claims another address; a client not behind a trusted proxy is still
    one address, so the per-address lock holds."""
    direct = TestClient(
        _app_trusting(settings, db, ("10.0.0.0/8",)),
        base_url="http://testserver",
        client=("198.51.100.50", 50000),
    )
    for n in range(ACCOUNT_FAILURES):
        _fail_sign_in(direct, f"nobody-{n}@huddle.example", f"203.0.113.{n}")
    ips = set(db.scalars(select(LoginAttempt.ip).where(LoginAttempt.email.like("nobody-%"))))
    assert ips == {"198.51.100.50"}


# --- the real server, as `huddle serve` starts it --------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, sessionmaker[Session], User, str]]:
    """`huddle serve` in its own process with the default settings, on a SQLite file;
    a user with a write token in it."""
    url = f"sqlite:///{tmp_path / 'served.db'}"
    engine = make_engine(url)
    upgrade(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        user = make_user(session, role="admin", team="revops")
        secret = issue_secret(session, user, ["read", "write"])
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("HUDDLE_") and key != "FORWARDED_ALLOW_IPS"
    }
    env |= {"HUDDLE_DATABASE_URL": url, "HUDDLE_DATA_DIR": str(tmp_path)}
    huddle = Path(sys.executable).with_name("huddle")
    log = tmp_path / "serve.log"
    with log.open("wb") as stderr:  # the server writes to its own copy of the file
        process = subprocess.Popen(
            [str(huddle), "serve", "--port", str(port), "--no-embedded-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"huddle serve did not start: {log.read_text()}") from None
                time.sleep(0.1)
        yield base, factory, user, secret
    finally:
        process.terminate()
        process.wait(timeout=30)
        engine.dispose()


def test_huddle_serve_ignores_x_forwarded_for_from_localhost_by_default(
    served: tuple[str, sessionmaker[Session], User, str],
) -> None:
    base, factory, user, secret = served
    spoof = {"X-Forwarded-For": SPOOFED}
    with httpx.Client(base_url=base) as browser:
        page = browser.get("/login").text
        csrf = page.split('name="csrf-token" content="')[1].split('"')[0]
        browser.post(
            "/login",
            data={"email": user.email, "password": "guess", "csrf_token": csrf},
            headers=spoof,
        )
        browser.post(
            "/login",
            data={"email": user.email, "password": TEST_PASSWORD, "csrf_token": csrf},
            headers=spoof,
        )
    issued = httpx.post(
        f"{base}/api/v1/tokens",
        json={"name": "spoofer", "scopes": ["read"]},
        headers={"Authorization": f"Bearer {secret}", **spoof},
    )
    assert issued.status_code == 201, issued.text
    with factory() as session:
        attempts = set(session.scalars(select(LoginAttempt.ip)))
        audited = session.scalars(
            select(AuditEntry.ip).where(
                AuditEntry.action == "token.issued", AuditEntry.actor_token_id.is_not(None)
            )
        ).all()
    assert attempts == {"127.0.0.1"}
    assert audited == ["127.0.0.1"]
