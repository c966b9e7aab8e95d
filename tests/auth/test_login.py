from fastapi.testclient import TestClient

from huddle.auth.models import User
from tests.conftest import TEST_PASSWORD


def test_sign_in_redirects_to_a_local_next_page(anon_client: TestClient, admin: User) -> None:
    response = anon_client.post(
        "/login",
        data={"email": admin.email, "password": TEST_PASSWORD, "next": "/contacts"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/contacts"


def test_sign_in_never_redirects_off_site(anon_client: TestClient, admin: User) -> None:
    response = anon_client.post(
        "/login",
        data={"email": admin.email, "password": TEST_PASSWORD, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_wrong_password_is_refused(anon_client: TestClient, admin: User) -> None:
    response = anon_client.post("/login", data={"email": admin.email, "password": "nope"})
    assert response.status_code == 401
    assert "Wrong email or password" in response.text


def test_api_without_sign_in_is_401(anon_client: TestClient) -> None:
    response = anon_client.get("/api/v1/contacts")
    assert response.status_code in (401, 404)
