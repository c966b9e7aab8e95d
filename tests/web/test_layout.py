"""The layout every page shares: sign-in page, navigation, vendored assets, no inline script."""

import re

from fastapi.testclient import TestClient

from huddle.web.templating import STATIC_DIR


def test_login_page_is_styled_and_self_contained(anon_client: TestClient) -> None:
    response = anon_client.get("/login")
    assert response.status_code == 200
    html = response.text
    assert '<link rel="stylesheet" href="/static/huddle.css">' in html
    assert "/static/vendor/htmx.min.js" in html
    # Nothing from another origin: no CDN.
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_pages_carry_no_inline_script_or_handler(client: TestClient) -> None:
    for path in ("/login", "/"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+=", html), path


def test_static_assets_are_served(anon_client: TestClient) -> None:
    for path in ("/static/huddle.css", "/static/huddle.js", "/static/vendor/htmx.min.js"):
        assert anon_client.get(path).status_code == 200, path


def test_htmx_is_vendored_with_its_licence() -> None:
    vendor = STATIC_DIR / "vendor"
    assert (vendor / "htmx.min.js").stat().st_size > 10_000
    assert "BSD" in (vendor / "htmx.LICENSE").read_text()


def test_signed_in_layout_has_navigation_and_sign_out(client: TestClient) -> None:
    html = client.get("/").text
    for href in (
        'href="/contacts"',
        'href="/accounts"',
        'href="/opportunities"',
        'href="/imports"',
    ):
        assert href in html
    assert 'action="/logout"' in html
    assert "Ada Admin" in html


def test_unknown_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/contacts/999999999")
    assert response.status_code == 404
    assert "find that" in response.text


def test_a_page_address_that_does_not_parse_is_an_error_page_not_json(
    client: TestClient,
) -> None:
    # A word where a record's number belongs names no page at all.
    for path in ("/opportunities/board", "/accounts/board"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html"), path
    response = client.get("/accounts/board")
    assert response.headers["content-type"].startswith("text/html")
    assert "no such page" in response.text
    # A query value of the wrong kind is the reader's to fix, and says which one.
    response = client.get("/notifications", params={"before": "yesterday"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "before: input should be a valid integer" in response.text


def test_the_api_keeps_its_documented_validation_body(client: TestClient) -> None:
    response = client.get("/api/v1/opportunities/latest")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "opportunity_id"]
