"""ICP discovery: the segments over-represented among the best customers (won value and
tenure) against all accounts, with lift and support; tiny segments skipped; the draft,
adopted through the ICP editor, is the ICP grading uses."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.cli import app as cli_app
from huddle.contacts.models import Account
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.lifecycle.models import Opportunity, StageTransition
from huddle.predictive import discovery, service
from huddle.scoring import service as scoring
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_profile

DAY = timedelta(days=1)


def _customer(db: Session, account: Account, amount: float, days_ago: int) -> None:
    db.add(
        Opportunity(
            name=f"Deal {account.name}",
            account_id=account.id,
            amount=amount,
            status="won",
            pipeline_stage="closed_won",
            closed_at=clock.now() - days_ago * DAY,
        )
    )


def _book(db: Session) -> dict[str, list[Account]]:
    """40 accounts: 10 Software (8 of them big, long-standing customers), 30 others of which
    4 are small, recent customers; 2 of the best are in Iceland (a tiny segment)."""
    software = [make_account(db, industry="Software", employee_count=120) for _ in range(10)]
    others = [make_account(db, industry="Retail", employee_count=8) for _ in range(30)]
    for i, account in enumerate(software[:8]):
        _customer(db, account, 50_000 + i * 1_000, days_ago=400 + i)
    for account in software[6:8]:
        account.country = "Iceland"
    for i, account in enumerate(others[:4]):
        _customer(db, account, 2_000 + i * 100, days_ago=20 + i)
    # A customer by stage only (no deal): counted, with no value or tenure to speak of.
    person = make_contact(db, account=others[5], lifecycle_stage="customer")
    db.add(StageTransition(contact_id=person.id, to_stage="customer", at=clock.now() - DAY))
    db.flush()
    return {"software": software, "others": others}


def test_the_over_represented_segment_is_proposed_with_its_lift_and_support(
    db: Session, frozen_clock: object
) -> None:
    _book(db)
    found = service.discover_icp(db, actor=SYSTEM, best_share=0.5, min_support=3)

    assert (found.accounts, found.customers, found.best) == (40, 13, 7)
    by_key = {(s.attribute, s.value): s for s in found.segments}
    software = by_key[("industry", "Software")]
    # The 7 best customers (of 13, by value and tenure) are all Software: 7/7 of the best
    # against 10/40 of all accounts.
    assert software.support == 7 and software.accounts == 10
    assert software.lift == pytest.approx((7 / 7) / (10 / 40))
    assert ("employees", "51-200") in by_key
    assert all(s.attribute != "industry" or s.value != "Retail" for s in found.segments)
    # Iceland: 2 of the best, over-represented but under the minimum support of 3.
    assert ("country", "Iceland") not in by_key and found.skipped_small >= 1
    lower = service.discover_icp(db, actor=SYSTEM, best_share=0.5, min_support=2)
    assert ("country", "Iceland") in {(s.attribute, s.value) for s in lower.segments}


def test_the_draft_is_one_criterion_per_attribute_weighted_by_lift(
    db: Session, frozen_clock: object
) -> None:
    _book(db)
    found = service.discover_icp(db, actor=SYSTEM)
    draft = service.icp_draft(found)
    fields = [c["when"]["field"] for c in draft]
    assert "account.industry" in fields and len(fields) == len(set(fields))
    industry = next(c for c in draft if c["when"]["field"] == "account.industry")
    assert industry["when"] == {"field": "account.industry", "op": "eq", "value": "Software"}
    assert industry["weight"] == 40  # lift 4.0 x 10
    band = next(c for c in draft if c["when"]["field"] == "account.employee_count")
    assert band["when"] == {"field": "account.employee_count", "op": "between", "value": [51, 200]}
    assert scoring.check_profile_criteria(db, "icp", draft) == []


def test_adopting_the_draft_through_the_icp_editor_changes_grading(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    book = _book(db)
    lead_at_software = make_contact(db, account=make_account(db, industry="Software"))
    lead_at_retail = make_contact(db, account=book["others"][-1])
    retail = {"field": "account.industry", "op": "eq", "value": "Retail"}
    make_profile(db, "icp", "ICP", [{"label": "Retail", "weight": 1, "when": retail}])
    scoring.rescore_all(db, reason="test", actor=SYSTEM)
    assert _icp_match(db, lead_at_software.id) == 0.0
    assert _icp_match(db, lead_at_retail.id) == 1.0

    page = client.get("/settings/scoring/icp-discovery")
    assert page.status_code == 200
    assert "Industry is Software" in page.text and 'data-segment="industry=Software"' in page.text
    assert "Adopt as the ICP" in page.text and "replaces ICP v1" in page.text
    icp = next(p for p in scoring.list_profiles(db) if p.kind == "icp")
    draft = service.icp_draft(service.discover_icp(db, actor=SYSTEM))
    industry_only = [c for c in draft if c["when"]["field"] == "account.industry"]
    adopted = client.post(
        f"/settings/scoring/profiles/{icp.id}",
        data={"kind": "icp", "name": "ICP", "criteria": json.dumps(industry_only)},
        follow_redirects=False,
    )
    assert adopted.status_code == 303
    scoring.rescore_all(db, reason="test", actor=SYSTEM)
    assert _icp_match(db, lead_at_software.id) == 1.0
    assert _icp_match(db, lead_at_retail.id) == 0.0


def _icp_match(db: Session, contact_id: int) -> float:
    grade = scoring.explain_scores(db, contact_id).grade
    assert grade is not None
    return grade.icp_match


def test_the_api_answers_and_names_a_bad_setting(client: TestClient, db: Session) -> None:
    bad = client.get("/api/v1/predictive/icp-discovery", params={"min_support": 0})
    assert bad.status_code == 422 and "min_support" in bad.text
    page = client.get("/settings/scoring/icp-discovery", params={"min_lift": "lots"})
    assert page.status_code == 422 and "Min lift" in page.text
    empty = client.get("/settings/scoring/icp-discovery")
    assert "No customers yet" in empty.text
    _book(db)
    answer = client.get("/api/v1/predictive/icp-discovery", params={"best_share": 0.5}).json()
    assert answer["best"] == 7 and answer["segments"][0]["lift"] == pytest.approx(4.0)
    assert answer["segments"][0]["support"] == 7 and answer["draft"]


def test_a_rep_cannot_read_the_discovery(anon_client: TestClient, db: Session) -> None:
    from tests.conftest import make_user, sign_in

    rep = sign_in(anon_client, make_user(db, role="sales_rep"))
    assert rep.get("/settings/scoring/icp-discovery").status_code == 403
    assert rep.get("/api/v1/predictive/icp-discovery").status_code == 403


def test_ties_in_value_and_tenure_rank_together() -> None:
    assert discovery.percentiles([5.0, 5.0, 1.0]) == [0.75, 0.75, 0.0]
    assert discovery.band_of(5001, discovery.EMPLOYEE_BANDS) == "5,001+"
    assert discovery.band_of(None, discovery.EMPLOYEE_BANDS) is None


def test_the_draft_opens_in_the_grading_editor(client: TestClient, db: Session) -> None:
    _book(db)
    fresh = client.get("/settings/scoring?icp_draft=1")
    assert fresh.status_code == 200
    # No ICP yet: the new-profile form, set to ICP, holds the draft.
    assert '<option value="icp" selected>' in fresh.text
    assert "account.industry" in fresh.text and "Software" in fresh.text
    retail = {"field": "account.industry", "op": "eq", "value": "Retail"}
    icp = make_profile(db, "icp", "ICP", [{"label": "Retail", "weight": 1, "when": retail}])
    page = client.get("/settings/scoring?icp_draft=1").text
    editor = page[page.index(f'id="profile-{icp.id}-criteria"') :]
    assert "Industry is Software" in editor[: editor.index("</textarea>")]


@pytest.mark.usefixtures("cli_db")
def test_the_cli_prints_the_segments_and_the_draft() -> None:
    with unit_of_work() as session:
        _book(session)
    result = CliRunner().invoke(cli_app, ["model", "icp", "--min-support", "3"])
    assert result.exit_code == 0, result.output
    assert "40 accounts, 13 customers, 7 best customers" in result.output
    assert "Industry is Software: lift 4.00, 7 of the best (100%), 10 of all (25%)" in result.output
    assert '"field": "account.industry"' in result.output
