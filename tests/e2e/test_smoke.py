import pytest

from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def test_sign_in_and_see_home(page, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    assert "/login" in page.url
    shot(page, "01-login")
    sign_in(page, live_server)
    shot(page, "02-home")
    assert page.get_by_role("link", name="Contacts").is_visible()
