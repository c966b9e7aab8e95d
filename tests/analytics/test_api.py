"""The analytics API, its CSV exports and the /analytics page on the seeded histories: the
page's figures are the API's, and bad input is a 422 naming the field."""

from __future__ import annotations

import csv
import io
import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core import clock
from tests.analytics.factories import company_zone, seed_story

Q1 = {"start": "2024-01-01", "end": "2024-03-31"}


def test_the_funnel_in_the_api_and_as_csv(client: TestClient, db: Session) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    cohorts = client.get("/api/v1/analytics/funnel", params=Q1).json()
    assert cohorts["view"] == "cohort" and cohorts["time_zone"] == "America/New_York"
    assert [(r["cohort"], [s["count"] for s in r["steps"]]) for r in cohorts["rows"]] == [
        ("2024-01", [4, 3, 3, 3, 2, 1, 1]),
        ("2024-02", [2, 2, 1, 1, 1, 1, 1]),
    ]
    period = client.get(
        "/api/v1/analytics/funnel", params={**Q1, "view": "period", "by": "source"}
    ).json()
    assert {r["group"]: r["steps"][0]["count"] for r in period["rows"]} == {
        "google": 2,
        "linkedin": 1,
        None: 3,
    }
    exported = client.get(
        "/api/v1/analytics/funnel.csv", params={**Q1, "view": "period", "by": "source"}
    )
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["group"], r["subscriber"], r["customer"]) for r in lines] == [
        ("(all)", "6", "1"),
        ("(none)", "3", "0"),
        ("google", "2", "1"),
        ("linkedin", "1", "0"),
    ]
    # A zero denominator is an empty cell, not 0.
    assert lines[-1]["sql_to_customer_percent"] == ""


def test_velocity_and_kpis_in_the_api(
    client: TestClient, db: Session, frozen_clock: clock.FrozenClock
) -> None:
    seed_story(db)
    velocity = client.get(
        "/api/v1/analytics/velocity", params={"start": "2024-01-01", "end": "2024-12-31"}
    ).json()
    lead_mql = next(
        p for p in velocity["pairs"] if p["from_stage"] == "lead" and p["to_stage"] == "mql"
    )
    assert (lead_mql["count"], lead_mql["median_seconds"]) == (3, 86400)
    exported = client.get(
        "/api/v1/analytics/velocity.csv", params={"start": "2024-01-01", "end": "2024-12-31"}
    )
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["from_stage"] == "lead" and rows[0]["median_seconds"] == "86400.0"
    kpis = client.get("/api/v1/analytics/kpis", params=Q1).json()
    assert kpis["mql_to_sal_percent"] == 100.0 and kpis["deal_win_rate_percent"] is None
    assert [b["key"] for b in client.get("/api/v1/analytics/breakdowns").json()][:3] == [
        "source",
        "medium",
        "campaign",
    ]


def test_bad_input_is_a_422_naming_the_field(client: TestClient) -> None:
    backwards = client.get(
        "/api/v1/analytics/funnel", params={"start": "2024-03-01", "end": "2024-01-01"}
    )
    assert backwards.status_code == 422
    assert "end" in backwards.text
    unknown = client.get("/api/v1/analytics/funnel", params={**Q1, "by": "password"})
    assert unknown.status_code == 422 and "by" in unknown.text
    assert (
        client.get(
            "/api/v1/analytics/velocity", params={"start": "soon", "end": "2024-01-01"}
        ).status_code
        == 422
    )


def test_the_page_shows_the_apis_figures(client: TestClient, db: Session) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    html = client.get("/analytics", params={**Q1, "by": "source"}).text
    api = client.get("/api/v1/analytics/funnel", params={**Q1, "view": "period"}).json()
    shown = [int(v) for v in re.findall(r'<span class="f-value" data-stage="\w+">([\d,]+)<', html)]
    assert shown == [s["count"] for s in api["total"]["steps"]]
    assert 'data-testid="heat-map"' in html and "2024-02" in html
    assert '<option value="source" selected>' in html
    assert 'href="/analytics"' in html  # the nav link


def test_the_page_refuses_a_backwards_range(client: TestClient) -> None:
    page = client.get("/analytics", params={"start": "2024-03-01", "end": "2024-01-01"})
    assert page.status_code == 422
    assert 'aria-invalid="true"' in page.text and "must not be before start" in page.text
