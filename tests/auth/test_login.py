"""Signing in and out: server-side sessions, fixation, lockout, password change."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User, UserSession
from huddle.auth.signin import ACCOUNT_FAILURES, IP_FAILURES, LOCKOUT_WINDOW, SESSION_IDLE
from huddle.core.clock import FrozenClock
from tests.conftest import TEST_PASSWORD, csrf_of, make_user, sign_in


def _login(client: TestClient, email: str, password: str, **extra: str):  # type: ignore[no-untyped-def]
    data = {"email": email, "password": password, "csrf_token": csrf_of(client), **extra}
    return client.post("/login", data=data, follow_redirects=False)


def test_sign_in_redirects_to_a_local_next_page(anon_client: TestClient, admin: User) -> None:
    response = _login(anon_client, admin.email, TEST_PASSWORD, next="/contacts")
    assert response.status_code == 303
    assert response.headers["location"] == "/contacts"


def test_sign_in_never_redirects_off_site(anon_client: TestClient, admin: User) -> None:
    response = _login(anon_client, admin.email, TEST_PASSWORD, next="//evil.example/")
    assert response.headers["location"] == "/"


def test_wrong_password_is_refused(anon_client: TestClient, admin: User) -> None:
    response = _login(anon_client, admin.email, "nope")
    assert response.status_code == 401
    assert "Wrong email or password" in response.text


def test_api_without_sign_in_is_401(anon_client: TestClient) -> None:
    assert anon_client.get("/api/v1/contacts").status_code == 401


def test_the_session_cookie_is_http_only_and_same_site_lax(
    anon_client: TestClient, admin: User
) -> None:
    response = _login(anon_client, admin.email, TEST_PASSWORD)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie  # served over plain HTTP in tests


def test_a_login_post_without_the_csrf_token_is_refused(
    anon_client: TestClient, admin: User
) -> None:
    anon_client.get("/login")
    response = anon_client.post(
        "/login", data={"email": admin.email, "password": TEST_PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403
    assert anon_client.get("/api/v1/me").status_code == 401


def test_sign_in_issues_a_new_session_so_a_planted_one_is_worthless(
    anon_client: TestClient, admin: User, db: Session
) -> None:
    """Session fixation: the cookie an attacker could plant before sign-in never becomes a
    signed-in session; sign-in hands out a new one."""
    anon_client.get("/login")
    planted = anon_client.cookies.get("huddle_session")
    assert planted
    _login(anon_client, admin.email, TEST_PASSWORD)
    signed_in = anon_client.cookies.get("huddle_session")
    assert signed_in and signed_in != planted
    assert anon_client.get("/api/v1/me").json()["id"] == admin.id

    attacker = TestClient(anon_client.app, base_url="http://testserver")
    attacker.cookies.set("huddle_session", planted)
    assert attacker.get("/api/v1/me").status_code == 401


def test_signing_in_again_replaces_the_previous_session(
    anon_client: TestClient, admin: User, db: Session
) -> None:
    sign_in(anon_client, admin)
    first = anon_client.cookies.get("huddle_session")
    sign_in(anon_client, admin)
    assert anon_client.cookies.get("huddle_session") != first
    count = db.scalar(select(func.count()).where(UserSession.user_id == admin.id))
    assert count == 1


def test_sign_out_ends_the_session_on_the_server(
    anon_client: TestClient, admin: User, db: Session
) -> None:
    sign_in(anon_client, admin)
    stolen = anon_client.cookies.get("huddle_session")
    assert anon_client.post("/logout", follow_redirects=False).status_code == 303
    assert db.scalar(select(func.count()).where(UserSession.user_id == admin.id)) == 0
    # Even a copy of the cookie taken before sign-out no longer signs anyone in.
    replay = TestClient(anon_client.app, base_url="http://testserver")
    replay.cookies.set("huddle_session", stolen or "")
    assert replay.get("/api/v1/me").status_code == 401


def test_a_password_change_needs_the_current_one_and_signs_out_other_sessions(
    app, admin: User
) -> None:  # type: ignore[no-untyped-def]
    laptop = sign_in(TestClient(app, base_url="http://testserver"), admin)
    phone = sign_in(TestClient(app, base_url="http://testserver"), admin)

    wrong = laptop.post(
        "/api/v1/me/password",
        json={"current_password": "not it at all", "new_password": "a brand new secret"},
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "current_password"]
    assert phone.get("/api/v1/me").status_code == 200

    changed = laptop.post(
        "/api/v1/me/password",
        json={"current_password": TEST_PASSWORD, "new_password": "a brand new secret"},
    )
    assert changed.status_code == 204
    assert laptop.get("/api/v1/me").status_code == 200
    assert phone.get("/api/v1/me").status_code == 401
    again = TestClient(app, base_url="http://testserver")
    assert _login(again, admin.email, TEST_PASSWORD).status_code == 401
    assert _login(again, admin.email, "a brand new secret").status_code == 303


def test_the_password_form_changes_the_password(client: TestClient, admin: User) -> None:
    page = client.post(
        "/account/password",
        data={"current_password": TEST_PASSWORD, "new_password": "another long secret"},
        follow_redirects=False,
    )
    assert page.status_code == 303
    wrong = client.post(
        "/account/password",
        data={"current_password": "wrong", "new_password": "another long secret"},
    )
    assert wrong.status_code == 422
    assert "wrong password" in wrong.text


def test_repeated_failures_lock_the_account_with_a_time_to_retry(
    anon_client: TestClient, db: Session, frozen_clock: FrozenClock
) -> None:
    user = make_user(db, role="sales_rep", team="sales")
    db.commit()
    for _ in range(ACCOUNT_FAILURES):
        assert _login(anon_client, user.email, "guess").status_code == 401
    locked = _login(anon_client, user.email, TEST_PASSWORD)
    assert locked.status_code == 429
    assert "Try again after 09:15 UTC" in locked.text
    assert int(locked.headers["Retry-After"]) == LOCKOUT_WINDOW.total_seconds()
    # The right password does not get through during the lock ...
    frozen_clock.advance(LOCKOUT_WINDOW - timedelta(seconds=1))
    assert _login(anon_client, user.email, TEST_PASSWORD).status_code == 429
    # ... and does once it is over.
    frozen_clock.advance(timedelta(seconds=1))
    assert _login(anon_client, user.email, TEST_PASSWORD).status_code == 303


def test_a_success_resets_the_failure_count(
    anon_client: TestClient, db: Session, frozen_clock: FrozenClock
) -> None:
    user = make_user(db, role="marketing")
    db.commit()
    for _ in range(ACCOUNT_FAILURES - 1):
        _login(anon_client, user.email, "guess")
    assert _login(anon_client, user.email, TEST_PASSWORD).status_code == 303
    anon_client.post("/logout")
    frozen_clock.advance(timedelta(seconds=5))
    assert _login(anon_client, user.email, "guess").status_code == 401
    assert _login(anon_client, user.email, TEST_PASSWORD).status_code == 303


def test_many_failures_from_one_address_lock_that_address(
    anon_client: TestClient, db: Session, frozen_clock: FrozenClock
) -> None:
    """Guessing across many accounts (each below its own limit) is stopped per address."""
    target = make_user(db, role="marketing")
    db.commit()
    for n in range(IP_FAILURES):
        _login(anon_client, f"nobody-{n % 7}@huddle.example", "guess")
    assert _login(anon_client, target.email, TEST_PASSWORD).status_code == 429


def test_a_deactivated_user_is_signed_out(app, db: Session, admin: User) -> None:  # type: ignore[no-untyped-def]
    user = make_user(db, role="marketing")
    db.commit()
    theirs = sign_in(TestClient(app, base_url="http://testserver"), user)
    ours = sign_in(TestClient(app, base_url="http://testserver"), admin)
    assert ours.post(f"/api/v1/users/{user.id}/deactivate").status_code == 200
    assert theirs.get("/api/v1/me").status_code == 401


def test_the_cookie_is_secure_when_served_over_https(db: Session, settings, engine) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.orm import sessionmaker

    from huddle.app import create_app

    class _Shared(sessionmaker[Session]):
        def __call__(self, **_: object) -> Session:  # type: ignore[override]
            return db

    https = settings.model_copy(update={"secure_cookies": True})
    app = create_app(https, factory=_Shared(), check_schema=False)
    user = make_user(db, role="marketing")
    db.commit()
    client = TestClient(app, base_url="https://testserver")
    response = _login(client, user.email, TEST_PASSWORD)
    assert response.status_code == 303
    assert "secure" in response.headers["set-cookie"].lower()


def test_a_page_asking_for_news_on_its_own_does_not_keep_the_session_alive(
    anon_client: TestClient, db: Session, admin: User, frozen_clock: FrozenClock
) -> None:
    """The bell, a live timeline and the queue ask every few seconds while a tab is shown;
    a screen left open must still sign out after the idle time. A click keeps it alive."""

    def bell(**headers: str) -> int:
        return client.get(
            "/notifications/bell", headers=headers, follow_redirects=False
        ).status_code

    client = sign_in(anon_client, admin)
    frozen_clock.advance(SESSION_IDLE / 2)
    assert bell(**{"X-Huddle-Poll": "1"}) == 200
    frozen_clock.advance(SESSION_IDLE / 2)
    assert bell(**{"X-Huddle-Poll": "1"}) != 200  # idle: signed out (sent to the login page)

    client = sign_in(anon_client, admin)
    frozen_clock.advance(SESSION_IDLE / 2)
    assert bell() == 200  # the person's doing
    frozen_clock.advance(SESSION_IDLE / 2)
    assert bell(**{"X-Huddle-Poll": "1"}) == 200


def test_an_htmx_request_after_sign_out_sends_the_whole_page_to_sign_in(
    anon_client: TestClient,
) -> None:
    """Not the sign-in page swapped into a timeline: the browser goes there, and comes back
    to the page it was on (never to another site)."""
    htmx = {"HX-Request": "true", "HX-Current-URL": "http://testserver/contacts?stage=mql"}
    answer = anon_client.get("/contacts/1/timeline/live", headers=htmx, follow_redirects=False)
    assert answer.status_code == 204
    assert answer.headers["HX-Redirect"] == "/login?next=/contacts%3Fstage%3Dmql"

    htmx["HX-Current-URL"] = "https://evil.example/phish"
    answer = anon_client.get("/notifications/bell", headers=htmx, follow_redirects=False)
    assert answer.headers["HX-Redirect"] == "/login?next=/notifications/bell"

    plain = anon_client.get("/contacts", follow_redirects=False)
    assert (plain.status_code, plain.headers["location"]) == (303, "/login?next=/contacts")
