"""The attribution report over the API and as CSV: the hand-counted March figures."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.attribution.conftest import March

PERIOD = {"from": "2024-03-01", "to": "2024-03-31"}


def test_one_model_over_the_api(client: TestClient, march: March) -> None:
    response = client.get("/api/v1/attribution", params={**PERIOD, "model": "w_shaped"})
    assert response.status_code == 200, response.text
    body = response.json()
    [shown] = body["models"]
    assert shown["model"] == "w_shaped"
    assert shown["revenue"] == 12_000
    credit = {c["name"]: c["revenue"] for c in shown["campaigns"]}
    assert credit == {"A newsletter": 3000, "B search": 4000, "C webinar": 3000, "(none)": 2000}
    b = next(c for c in shown["campaigns"] if c["name"] == "B search")
    assert b["roi"] is None


def test_all_models_when_none_is_named(client: TestClient, march: March) -> None:
    body = client.get("/api/v1/attribution", params=PERIOD).json()
    assert len(body["models"]) == 6


def test_bad_parameters_are_refused_naming_them(client: TestClient) -> None:
    bad_model = client.get("/api/v1/attribution", params={**PERIOD, "model": "v_shaped"})
    assert bad_model.status_code == 422
    assert bad_model.json()["detail"][0]["loc"] == ["query", "model"]
    missing = client.get("/api/v1/attribution", params={"from": "2024-03-01"})
    assert missing.json()["detail"][0]["loc"] == ["query", "to"]
    backwards = client.get("/api/v1/attribution", params={"from": "2024-03-02", "to": "2024-03-01"})
    assert backwards.status_code == 422


def test_the_csv_has_a_row_per_model_and_campaign(client: TestClient, march: March) -> None:
    response = client.get("/api/v1/attribution.csv", params={**PERIOD, "model": "u_shaped"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    revenue = {r["campaign"]: float(r["revenue"]) for r in rows}
    assert revenue == {"A newsletter": 4000, "B search": 5000, "C webinar": 1000, "(none)": 2000}
    b = next(r for r in rows if r["campaign"] == "B search")
    assert b["roi"] == ""
