"""The attribution page shows the same figures as the API, chart and table alike."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.attribution.conftest import March


def test_the_page_compares_the_models(client: TestClient, march: March) -> None:
    page = client.get(
        "/attribution", params={"from": "2024-03-01", "to": "2024-03-31", "model": "w_shaped"}
    )
    assert page.status_code == 200, page.text
    assert 'data-testid="attribution-chart"' in page.text
    # One bar per model and campaign, and the table alternative with the same figures.
    assert page.text.count('class="a-bar m-w_shaped"') == 4
    assert "$4,000" in page.text  # B search under W-shaped
    assert "—" in page.text  # B's ROI: no cost


def test_a_bad_date_is_refused_naming_it(client: TestClient) -> None:
    page = client.get("/attribution", params={"from": "March"})
    assert page.status_code == 422
