"""Security hygiene: strict headers on every response, body size limits, no secret in logs,
and settings that refuse an unsafe production start."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.app import create_app
from huddle.core.logsafe import install_redaction
from huddle.core.settings import Settings
from huddle.web.middleware import CONTENT_SECURITY_POLICY
from tests.conftest import sign_in


@pytest.mark.parametrize(
    "path", ["/login", "/", "/api/v1/contacts", "/static/huddle.css", "/no-such-page"]
)
def test_every_response_carries_the_strict_headers(anon_client: TestClient, path: str) -> None:
    response = anon_client.get(path, follow_redirects=False)

    csp = response.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["permissions-policy"]
    assert "strict-transport-security" not in response.headers  # plain http, not production


def test_hsts_over_https_and_in_production(settings: Settings, app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="https://testserver") as https:
        assert "max-age=" in https.get("/login").headers["strict-transport-security"]
    production = settings.model_copy(
        update={"env": "production", "secret_key": "k" * 8 + "0123456789abcdefghijklmnopqrstuv"}
    )
    with TestClient(create_app(production, check_schema=False)) as plain:
        assert "strict-transport-security" in plain.get("/login").headers


@pytest.fixture
def small_limits(settings: Settings, db: Session, app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """The test app with a 4 KiB limit, and 64 KiB for imports."""
    limited = settings.model_copy(update={"max_request_bytes": 4096, "max_import_bytes": 65536})
    application = create_app(limited, factory=app.state.session_factory, check_schema=False)
    with TestClient(application) as client:
        yield client


def test_a_declared_body_over_the_limit_is_413(small_limits: TestClient) -> None:
    response = small_limits.post(
        "/api/v1/contacts", content=b"x" * 5000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_a_streamed_body_over_the_limit_is_413(small_limits: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b'{"email": "' + b"a" * 1000

    response = small_limits.post(
        "/api/v1/contacts", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_a_bad_content_length_is_refused(small_limits: TestClient) -> None:
    response = small_limits.post("/login", headers={"content-length": "abc"})
    assert response.status_code in (400, 413)


def test_the_import_upload_may_be_larger(
    small_limits: TestClient,
    db: Session,
    admin,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    db.commit()
    sign_in(small_limits, admin)
    rows = "".join(f"person{i}@bulk.example,Person,{i}\n" for i in range(400))
    csv = ("Email,First Name,Last Name\n" + rows).encode()
    assert 4096 < len(csv) < 65536

    accepted = small_limits.post("/api/v1/imports", files={"file": ("people.csv", csv, "text/csv")})
    elsewhere = small_limits.post("/api/v1/notes", files={"file": ("people.csv", csv, "text/csv")})

    assert accepted.status_code == 202, accepted.text
    assert elsewhere.status_code == 413


def test_secrets_never_reach_the_logs(
    caplog: pytest.LogCaptureFixture, anon_client: TestClient, settings: Settings
) -> None:
    install_redaction([settings.secret_key])
    caplog.set_level(logging.DEBUG)

    logging.getLogger("huddle.test").warning("key %s", settings.secret_key)
    logging.getLogger("uvicorn.error").error("login password=%s token: abc123def", "hunter22")
    logging.getLogger("huddle.test").info("Authorization: Bearer hdl_secret_token_value")
    logging.getLogger("uvicorn.access").info('"POST /unsubscribe/eyJjIjo1fQ.sig HTTP/1.1" 200')
    anon_client.post("/login", data={"email": "nobody@x.example", "password": "hunter22"})

    assert caplog.records
    assert settings.secret_key not in caplog.text
    assert "hunter22" not in caplog.text
    assert "abc123def" not in caplog.text and "hdl_secret_token_value" not in caplog.text
    assert "eyJjIjo1fQ.sig" not in caplog.text
    assert "[redacted]" in caplog.text
    assert settings.secret_key not in repr(settings) and settings.secret_key not in str(settings)


@pytest.mark.parametrize(
    "key",
    [None, "short-key", "a" * 64],  # the development secret, too short, no entropy
)
def test_production_refuses_a_weak_secret_key(key: str | None) -> None:
    with pytest.raises(ValueError, match="HUDDLE_SECRET_KEY"):
        Settings(env="production", **({"secret_key": key} if key else {}))


def test_production_starts_with_a_strong_key() -> None:
    key = "Zq3-9vRkT_u8LmN2pW7xYb4cDe6FgHj1KsA0"
    assert Settings(env="production", secret_key=key).secret_key == key
