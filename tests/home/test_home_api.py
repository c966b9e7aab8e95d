"""The home page in the API (/api/v1/home): the funnel, the stages beside it, the open
pipeline, my open leads and recent activity, agreeing with the page on the same data."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.lifecycle.factories import make_opportunity, make_transition
from tests.tokens import token_client


def _flow(db: Session) -> None:
    now = clock.now()
    for stage, times in (("lead", 4), ("mql", 2), ("customer", 1), ("recycled", 1)):
        for _ in range(times):
            make_transition(db, contact_id=make_contact(db).id, to_stage=stage, at=now)
    # Too old to count.
    make_transition(db, contact_id=make_contact(db).id, to_stage="mql", at=now - timedelta(days=45))


def test_the_funnel_agrees_with_the_page(
    client: TestClient, db: Session, frozen_clock: clock.FrozenClock
) -> None:
    _flow(db)
    html = client.get("/").text
    api = client.get("/api/v1/home").json()
    assert api["window_days"] == 30 and api["as_of"] == "2026-03-02T09:00:00Z"
    assert api["since"] == "2026-01-31T09:00:00Z"
    shown = re.findall(r'<span class="f-value"[^>]*>([\d,]+)<', html)
    values = [int(v.replace(",", "")) for v in shown]
    assert [step["count"] for step in api["funnel"]] == values
    counts = {step["stage"]: step["count"] for step in api["funnel"]}
    assert counts == {
        "subscriber": 0,
        "lead": 4,
        "mql": 2,
        "sal": 0,
        "sql": 0,
        "opportunity": 0,
        "customer": 1,
    }
    mql = next(step for step in api["funnel"] if step["stage"] == "mql")
    assert (mql["label"], mql["share"], mql["conversion_percent"]) == ("MQL", 0.5, 50)
    assert f"{mql['conversion_percent']}% of Lead" in html
    assert api["funnel"][0]["conversion_percent"] is None
    assert [(s["stage"], s["count"]) for s in api["beside_funnel"]] == [
        ("lost", 0),
        ("disqualified", 0),
        ("recycled", 1),
    ]
    for s in api["beside_funnel"]:
        assert f'<a href="/contacts?stage={s["stage"]}">' in html


def test_the_funnel_for_days_chosen_agrees_with_the_page(client: TestClient, db: Session) -> None:
    """Whole days in the workspace's zone (UTC here): the last second of 31 January counts
    in January, midnight of 1 February does not; the same figures on the page and the API."""
    moves = (
        ("lead", "2024-01-01T00:00:00+00:00"),
        ("lead", "2024-01-31T23:59:59+00:00"),
        ("mql", "2024-01-15T12:00:00+00:00"),
        ("lead", "2024-02-01T00:00:00+00:00"),
        ("lead", "2023-12-31T23:59:59+00:00"),
    )
    for stage, moment in moves:
        make_transition(
            db, contact_id=make_contact(db).id, to_stage=stage, at=datetime.fromisoformat(moment)
        )
    range_ = {"start": "2024-01-01", "end": "2024-01-31"}
    html = client.get("/", params=range_).text
    api = client.get("/api/v1/home", params=range_).json()
    counts = {step["stage"]: step["count"] for step in api["funnel"]}
    assert (counts["lead"], counts["mql"], counts["sql"]) == (2, 1, 0)
    assert api["since"] == "2024-01-01T00:00:00Z" and api["until"] == "2024-02-01T00:00:00Z"
    assert api["window_days"] == 31
    shown = re.findall(r'<span class="f-value" data-stage="(\w+)">([\d,]+)<', html)
    assert {stage: int(n) for stage, n in shown} == counts
    assert "from 1 Jan 2024 to 31 Jan 2024" in html


def test_a_wrong_range_is_refused_by_name(client: TestClient) -> None:
    backwards = {"start": "2024-02-01", "end": "2024-01-01"}
    page = client.get("/", params=backwards)
    api = client.get("/api/v1/home", params=backwards)
    half = client.get("/api/v1/home", params={"start": "2024-02-01"})
    assert page.status_code == api.status_code == half.status_code == 422
    assert 'id="home-end-error"' in page.text and "must not be before start" in page.text
    assert [e["loc"][-1] for e in api.json()["detail"]] == ["end"]
    assert [e["loc"][-1] for e in half.json()["detail"]] == ["end"]


def test_pipeline_my_leads_and_recent_agree_with_the_page(
    client: TestClient, db: Session, admin: User
) -> None:
    make_opportunity(db, amount=1_500_000)
    make_contact(
        db, first_name="Mine", last_name="Open", lifecycle_stage="mql", owner_id=admin.id, score=40
    )
    make_contact(
        db,
        first_name="Mine",
        last_name="Higher",
        lifecycle_stage="sal",
        owner_id=admin.id,
        score=90,
    )
    make_contact(
        db, first_name="Mine", last_name="Won", lifecycle_stage="customer", owner_id=admin.id
    )
    make_contact(db, first_name="Someone", last_name="Else", lifecycle_stage="mql")
    html = client.get("/").text
    api = client.get("/api/v1/home").json()
    assert api["open_pipeline"]["count"] == 1 and api["open_pipeline"]["amount"] == 1_500_000
    assert "$1.5M" in html and "1 open deal" in html
    mine = [(r["contact"]["last_name"], r["owner_name"]) for r in api["my_open_leads"]]
    assert mine == [("Higher", "Ada Admin"), ("Open", "Ada Admin")]
    leads = html[html.index("My open leads") : html.index("Recent activity")]
    shown = re.findall(r'<a href="/contacts/(\d+)">', leads)
    assert shown == [str(r["contact"]["id"]) for r in api["my_open_leads"]]
    recent = html[html.index("Recent activity") :]
    recent_ids = [r["contact"]["id"] for r in api["recent"]]
    assert len(recent_ids) == 4
    assert all(f'href="/contacts/{contact_id}"' in recent for contact_id in recent_ids)
    owners = {r["contact"]["last_name"]: r["owner_name"] for r in api["recent"]}
    assert owners["Else"] is None and owners["Won"] == "Ada Admin"


def test_contact_details_only_for_roles_that_may_see_them(
    anon_client: TestClient, db: Session
) -> None:
    for role, shown in (("marketing", True), ("product", False)):
        me = make_user(db, role=role, team="marketing")
        address = f"{role}-lead@private.example"
        make_contact(db, email=address, lifecycle_stage="mql", owner_id=me.id)
        sign_in(anon_client, me)
        got = anon_client.get("/api/v1/home")
        [lead] = got.json()["my_open_leads"]
        assert (lead["contact"]["email"] is not None) is shown
        assert (address in got.text) is shown


def test_who_may_read_home(app: Any, anon_client: TestClient, db: Session, admin: User) -> None:
    """Every signed-in role sees home (as the page): a read token's owner gets their own
    leads; an ingest-only token may not read (403); nobody signed in gets 401."""
    rep = make_user(db, role="sales_rep", team="sales", name="Rita Rep")
    make_contact(db, first_name="Rita's", last_name="Lead", lifecycle_stage="lead", owner_id=rep.id)
    reader = token_client(app, db, rep, ["read"])
    got = reader.get("/api/v1/home")
    assert got.status_code == 200
    assert [r["owner_name"] for r in got.json()["my_open_leads"]] == ["Rita Rep"]
    assert token_client(app, db, admin, ["ingest"]).get("/api/v1/home").status_code == 403
    assert anon_client.get("/api/v1/home").status_code == 401
