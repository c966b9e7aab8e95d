"""What ends a user's access for good: deactivation and a password change (review findings:
tokens came back on reactivation and survived a password change)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.models import User
from tests.auth.test_tokens import _bearer
from tests.conftest import TEST_PASSWORD, make_user, sign_in

USERS = "/api/v1/users"
NEW_PASSWORD = "a brand new long secret"


def _browser(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, base_url="http://testserver")


def _issue(client: TestClient, name: str = "script") -> dict:  # type: ignore[type-arg]
    response = client.post("/api/v1/tokens", json={"name": name, "scopes": ["read"]})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _rep(db: Session) -> User:
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    return rep


def test_a_token_stays_revoked_when_its_owner_is_reactivated(
    app,
    client: TestClient,
    db: Session,  # type: ignore[no-untyped-def]
) -> None:
    rep = _rep(db)
    issued = _issue(sign_in(_browser(app), rep))
    script = _bearer(app, issued["token"])
    assert script.get("/api/v1/me").status_code == 200

    assert client.post(f"{USERS}/{rep.id}/deactivate").status_code == 200
    assert script.get("/api/v1/me").status_code == 401
    assert client.patch(f"{USERS}/{rep.id}", json={"is_active": True}).status_code == 200

    assert script.get("/api/v1/me").status_code == 401
    # Back at work, the rep sees the token revoked, when and why, and can make a new one.
    theirs = sign_in(_browser(app), rep)
    [listed] = theirs.get("/api/v1/tokens").json()
    assert listed["revoked_at"] is not None
    assert listed["revoked_reason"] == "deactivated"
    page = theirs.get("/account").text
    assert "when the account was deactivated" in page
    fresh = _issue(theirs, "after reactivation")
    assert _bearer(app, fresh["token"]).get("/api/v1/me").status_code == 200


def test_deactivating_from_the_users_page_revokes_tokens_and_signs_out(
    app,
    client: TestClient,
    db: Session,  # type: ignore[no-untyped-def]
) -> None:
    rep = _rep(db)
    browser = sign_in(_browser(app), rep)
    script = _bearer(app, _issue(browser)["token"])
    saved = client.post(
        f"/settings/users/{rep.id}",
        data={"name": rep.name, "team": rep.team, "role": rep.role, "time_zone": "UTC"},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    assert browser.get("/api/v1/me").status_code == 401
    assert script.get("/api/v1/me").status_code == 401
    revoked = db.scalars(
        select(AuditEntry).where(AuditEntry.action == "token.revoked").order_by(AuditEntry.id)
    ).all()
    assert [e.changes["reason"] for e in revoked] == ["deactivated"]


def test_a_password_change_revokes_the_users_tokens_when_asked(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = _rep(db)
    browser = sign_in(_browser(app), rep)
    first, second = _issue(browser, "one"), _issue(browser, "two")
    scripts = [_bearer(app, t["token"]) for t in (first, second)]

    changed = browser.post(
        "/api/v1/me/password",
        json={
            "current_password": TEST_PASSWORD,
            "new_password": NEW_PASSWORD,
            "revoke_tokens": True,
        },
    )
    assert changed.status_code == 204
    assert [s.get("/api/v1/me").status_code for s in scripts] == [401, 401]
    reasons = {t["revoked_reason"] for t in browser.get("/api/v1/tokens").json()}
    assert reasons == {"password_changed"}


def test_a_password_change_keeps_tokens_when_told_to(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = _rep(db)
    browser = sign_in(_browser(app), rep)
    script = _bearer(app, _issue(browser)["token"])
    changed = browser.post(
        "/api/v1/me/password",
        json={
            "current_password": TEST_PASSWORD,
            "new_password": NEW_PASSWORD,
            "revoke_tokens": False,
        },
    )
    assert changed.status_code == 204
    assert script.get("/api/v1/me").status_code == 200


def test_the_password_form_revokes_tokens_by_default_and_keeps_this_session(
    app,
    db: Session,  # type: ignore[no-untyped-def]
) -> None:
    rep = _rep(db)
    laptop = sign_in(_browser(app), rep)
    phone = sign_in(_browser(app), rep)
    script = _bearer(app, _issue(laptop)["token"])
    form = laptop.get("/account").text
    assert 'name="revoke_tokens" value="on" checked' in form
    assert "Ticked by default" in form

    # What the browser sends with the box left ticked.
    changed = laptop.post(
        "/account/password",
        data={
            "current_password": TEST_PASSWORD,
            "new_password": NEW_PASSWORD,
            "revoke_tokens": "on",
        },
    )
    assert changed.status_code == 200
    assert "1 other session signed out, 1 API token revoked" in changed.text
    assert laptop.get("/api/v1/me").status_code == 200
    assert phone.get("/api/v1/me").status_code == 401
    assert script.get("/api/v1/me").status_code == 401
    assert "when the password was changed" in changed.text


def test_the_password_form_with_the_box_unticked_keeps_tokens(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = _rep(db)
    laptop = sign_in(_browser(app), rep)
    script = _bearer(app, _issue(laptop)["token"])
    changed = laptop.post(
        "/account/password",
        data={"current_password": TEST_PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert "0 other sessions signed out, 0 API tokens revoked" in changed.text
    assert script.get("/api/v1/me").status_code == 200


def test_a_too_short_new_password_changes_nothing(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = _rep(db)
    laptop = sign_in(_browser(app), rep)
    phone = sign_in(_browser(app), rep)
    script = _bearer(app, _issue(laptop)["token"])
    refused = laptop.post(
        "/account/password",
        data={"current_password": TEST_PASSWORD, "new_password": "short", "revoke_tokens": "on"},
    )
    assert refused.status_code == 422
    assert "use at least 10 characters" in refused.text
    assert phone.get("/api/v1/me").status_code == 200
    assert script.get("/api/v1/me").status_code == 200


def test_a_password_change_is_audited_with_what_it_ended(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = _rep(db)
    laptop = sign_in(_browser(app), rep)
    sign_in(_browser(app), rep)
    _issue(laptop)
    laptop.post(
        "/account/password",
        data={
            "current_password": TEST_PASSWORD,
            "new_password": NEW_PASSWORD,
            "revoke_tokens": "on",
        },
    )
    [entry] = db.scalars(select(AuditEntry).where(AuditEntry.action == "user.password_changed"))
    assert (entry.subject_type, entry.subject_id, entry.actor_user_id) == (
        "user",
        str(rep.id),
        rep.id,
    )
    assert entry.changes == {
        "user_id": rep.id,
        "how": "change",
        "sessions_ended": 1,
        "tokens_revoked": 1,
    }
    assert entry.ip == "testclient"
