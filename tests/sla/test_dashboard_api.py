"""The SLA dashboard and the quarterly review in the API: each figure the pages show, read
from the same data set through the page and through the API, must agree; the period is an
enum; the countdown is measured from the answer's own instant; contact details stay hidden
from roles that may not see them."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.sla.test_reports import History, at
from tests.sla.test_reports import history as history
from tests.tokens import token_client

QUARTER_START, QUARTER_END = "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z"
NUM = re.compile(r'<td class="num">([^<]*)</td>')


def _table(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</table>", start)]


def _rows(table: str) -> list[list[str]]:
    return [NUM.findall(row) for row in table.split("<tr>")[2:]]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value}%"


def _counts(item: dict[str, Any]) -> list[str]:
    return [str(item["met"]), str(item["breached"]), str(item["open"])]


def test_dashboard_agrees_with_the_page(client: TestClient, history: History) -> None:
    for period in ("week", "month", "quarter"):
        html = client.get("/sla", params={"period": period}).text
        got = client.get("/api/v1/sla/dashboard", params={"period": period})
        assert got.status_code == 200, got.text
        api = got.json()
        assert api["period"] == period
        overall = re.search(r'data-testid="overall-compliance">([^<]*)<', html)
        assert overall and overall.group(1) == _percent(api["overall"]["percent"])
        by_term = _rows(_table(html, "compliance-by-term"))
        for row, term in zip(by_term, api["terms"], strict=True):
            assert row[:3] == _counts(term)
            assert term["percent"] is None or row[3] == f"{term['percent']}%"
        by_rep = _table(html, "compliance-by-rep") if api["by_owner"] else ""
        for owner in api["by_owner"]:
            assert (
                f"<td>{owner['label']}</td>"
                + "".join(f'<td class="num">{n}</td>' for n in _counts(owner))
                in by_rep
            )
    month = client.get("/api/v1/sla/dashboard").json()
    assert month["period"] == "month"
    assert (month["start"], month["end"]) == ("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")
    assert [(t["term"]["key"], _counts(t)) for t in month["terms"]] == [
        ("first_touch", ["2", "1", "2"]),
        ("decision", ["1", "1", "0"]),
    ]
    assert [(o["label"], o["owner_id"]) for o in month["by_owner"]] == [
        ("Ann Rep", history.ann.id),
        ("Bob Rep", history.bob.id),
        ("Team queue", None),
    ]
    assert [(t["team"], t["label"], t["percent"]) for t in month["by_team"]] == [
        ("sales", "Sales", 60.0)
    ]


def test_pacing_acceptance_at_risk_and_trend_agree_with_the_page(
    client: TestClient, history: History
) -> None:
    html = client.get("/sla").text
    api = client.get("/api/v1/sla/dashboard").json()
    [pacing] = api["pacing"]
    assert f'{pacing["delivered"]} <span class="faint sla-of">/ {pacing["target"]}</span>' in html
    assert f"Behind</span> projected {pacing['projected']} by period end" in html
    assert (pacing["delivered"], pacing["target"], pacing["on_track"]) == (3, 10, False)
    assert client.get("/api/v1/sla/pacing").json() == api["pacing"]
    [acceptance] = api["acceptance"]
    assert f"{acceptance['accepted']} of {acceptance['mqls']} accepted · target 50%" in html
    assert (acceptance["start"], acceptance["end"]) == (
        "2026-04-01T00:00:00Z",
        "2026-07-01T00:00:00Z",
    )
    assert client.get("/api/v1/sla/acceptance").json() == api["acceptance"]

    shown = re.findall(r'<a href="/contacts/(\d+)">([^<]*)</a><small>([^<]*)</small>', html)
    dues = re.findall(r'data-due="([^"]*)"', html)
    assert [
        (str(r["contact_id"]), r["contact_name"], f"{r['term_label']} · {r['owner_name']}")
        for r in api["at_risk"]
    ] == shown
    assert [datetime.fromisoformat(r["due_at"]) for r in api["at_risk"]] == [
        datetime.fromisoformat(d) for d in dues
    ]
    # The countdown the page runs in the browser, from the answer's own instant.
    assert [r["seconds_left"] for r in api["at_risk"]] == [3600, 3 * 3600]
    assert api["as_of"] == "2026-05-13T14:00:00Z"
    alone = client.get("/api/v1/sla/at-risk").json()
    assert alone["items"] == api["at_risk"] and alone["as_of"] == api["as_of"]
    assert len(client.get("/api/v1/sla/at-risk", params={"limit": 1}).json()["items"]) == 1

    bars = re.findall(r"<title>(\d\d \w\w\w): ([^<]*)</title>", html)
    assert len(api["trend"]) == len(bars) == 12
    for week, (day, text) in zip(api["trend"], bars, strict=True):
        assert datetime.fromisoformat(week["week_start"]).strftime("%d %b") == day
        if week["percent"] is None:
            assert text == "no clock finished yet"
        else:
            assert text == f"{week['percent']}% ({week['met']} met, {week['breached']} breached)"
    assert client.get("/api/v1/sla/trend").json() == api["trend"]
    four = client.get("/api/v1/sla/trend", params={"weeks": 4}).json()
    assert four == api["trend"][-4:]
    assert four[-1]["week_start"] == "2026-05-11T00:00:00Z"


def test_review_agrees_with_the_page(client: TestClient, history: History) -> None:
    html = client.get("/sla/review").text
    api = client.get("/api/v1/sla/review").json()
    assert f"Quarterly review · {api['quarter']}" in html and api["quarter"] == "Q2 2026"
    for row in api["terms"]:
        assert row["term"]["description"] in html
        if row["compliance"]:
            c = row["compliance"]
            assert f"{c['met']} met, {c['breached']} breached · <strong>{c['percent']}%" in html
        if row["pacing"]:
            p = row["pacing"]
            delivered = f"{p['delivered']} delivered this month of {p['target']}"
            assert f"{delivered} · projected {p['projected']}" in html
        if row["acceptance"]:
            a = row["acceptance"]
            assert f"{a['accepted']} of {a['mqls']} accepted · <strong>{a['percent']}%" in html
            assert (a["start"], a["end"]) == (QUARTER_START, QUARTER_END)
    kinds = [[k for k in ("compliance", "pacing", "acceptance") if r[k]] for r in api["terms"]]
    assert kinds == [["compliance"], ["compliance"], ["pacing"], ["acceptance"]]
    for s in api["suggestions"]:
        # The term by its label (its key in the tooltip), now and the suggestion.
        row = re.search(
            rf'<td title="{s["term_key"]}">([^<]+)</td>'
            r"<td>([^<]+)</td><td><strong>([^<]+)</strong>",
            html,
        )
        assert row is not None, s
        assert row.group(1) != s["term_key"] and "_" not in row.group(1)
        assert (row.group(2), row.group(3)) == (s["now"], s["suggested"])
    assert [s["term_key"] for s in api["suggestions"]] == ["first_touch", "decision", "mql_volume"]


def test_without_an_agreement_the_dashboard_is_empty(client: TestClient) -> None:
    api = client.get("/api/v1/sla/dashboard", params={"period": "week"}).json()
    assert api["version"] is None and api["terms"] == [] and api["pacing"] == []
    assert api["overall"] == {"met": 0, "breached": 0, "open": 0, "percent": None}
    assert len(api["trend"]) == 12
    review = client.get("/api/v1/sla/review").json()
    assert review["version"] is None and review["terms"] == [] and review["suggestions"] == []


@pytest.mark.parametrize("period", ["year", "Month", ""])
def test_the_period_is_one_of_week_month_quarter(client: TestClient, period: str) -> None:
    refused = client.get("/api/v1/sla/dashboard", params={"period": period})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "period"]


def test_bounds_of_limit_and_weeks(client: TestClient) -> None:
    assert client.get("/api/v1/sla/at-risk", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/sla/trend", params={"weeks": 105}).status_code == 422


def test_a_nameless_lead_at_risk_goes_by_its_email_only_for_who_may_see_it(
    anon_client: TestClient, db: Session, history: History
) -> None:
    nameless = make_contact(db, email="quiet@hidden.example", first_name=None, last_name=None)
    history.leads.append(nameless)
    history.clock("first_touch", history.ann, at(5, 13, 10), "running", lead=len(history.leads) - 1)
    db.commit()
    for role, name in (("admin", "quiet@hidden.example"), ("product", f"Contact #{nameless.id}")):
        sign_in(anon_client, make_user(db, role=role, team="product"))
        api = anon_client.get("/api/v1/sla/dashboard").json()
        [item] = [r for r in api["at_risk"] if r["contact_id"] == nameless.id]
        assert item["contact_name"] == name
        page = anon_client.get("/sla").text
        assert f'<a href="/contacts/{nameless.id}">{name}</a>' in page
        if role == "product":
            assert "quiet@hidden.example" not in page
            assert "quiet@hidden.example" not in anon_client.get("/api/v1/sla/at-risk").text


DASHBOARD_ROUTES = [
    "/api/v1/sla/dashboard",
    "/api/v1/sla/pacing",
    "/api/v1/sla/acceptance",
    "/api/v1/sla/at-risk",
    "/api/v1/sla/trend",
    "/api/v1/sla/review",
]


def test_who_may_read_the_dashboard(
    app: Any, anon_client: TestClient, db: Session, admin: User
) -> None:
    """Every role reads analytics (as the pages): a read token may, an ingest-only token
    may not (403), nobody signed in gets 401."""
    reader = token_client(app, db, make_user(db, role="product", team="product"), ["read"])
    sender = token_client(app, db, admin, ["ingest"])
    for url in DASHBOARD_ROUTES:
        assert anon_client.get(url).status_code == 401, url
        assert reader.get(url).status_code == 200, url
        assert sender.get(url).status_code == 403, url
