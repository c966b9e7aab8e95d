"""SLA versions: drafts, both signatures, one active version, history and diffs."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.core.errors import Conflict, NotPermitted, ValidationFailed
from huddle.sla import service
from huddle.sla.markdown import render
from huddle.sla.models import SlaVersion
from huddle.sla.terms import STARTER_TERMS, parse_terms
from tests.conftest import make_user
from tests.sla.factories import activate, actor_of, signers

FIRST_TOUCH = [{"key": "first_touch", "kind": "first_touch", "hours": 4}]


def test_draft_becomes_active_only_with_both_signatures(db: Session) -> None:
    marketing, sales = signers(db)
    version = service.create_draft(
        db, actor_of(marketing), title="SLA 2027", body="# Promise", terms=FIRST_TOUCH
    )
    assert version.status == "draft" and version.number >= 1
    service.sign(db, actor_of(marketing), version.id, "marketing")
    assert version.status == "draft"
    assert service.active_version(db) is None or service.active_version(db) is not version
    other_marketer = make_user(db, role="marketing_ops", team="marketing")
    service.sign(db, actor_of(other_marketer), version.id, "marketing")
    assert version.status == "draft", "two marketing signatures are not enough"
    service.sign(db, actor_of(sales), version.id, "sales")
    assert version.status == "active" and version.activated_at is not None
    sigs = service.signatures(db, [version.id])[version.id]
    assert {(s.side, s.user_id) for s in sigs} == {
        ("marketing", marketing.id),
        ("marketing", other_marketer.id),
        ("sales", sales.id),
    }
    assert all(s.signed_at is not None for s in sigs)


def test_each_side_needs_its_own_permission_and_person(db: Session) -> None:
    marketing, _sales = signers(db)
    rep = make_user(db, role="sales_rep", team="sales")
    version = service.create_draft(db, actor_of(marketing), title="T", body="", terms=[])
    with pytest.raises(NotPermitted):
        service.sign(db, actor_of(rep), version.id, "sales")
    with pytest.raises(NotPermitted):
        service.sign(db, actor_of(marketing), version.id, "sales")
    with pytest.raises(NotPermitted):
        service.create_draft(db, actor_of(rep), title="T", body="", terms=[])
    admin = make_user(db, role="admin", team="revops")
    service.sign(db, actor_of(admin), version.id, "marketing")
    with pytest.raises(Conflict, match="someone else"):
        service.sign(db, actor_of(admin), version.id, "sales")
    with pytest.raises(Conflict, match="already signed"):
        service.sign(db, actor_of(admin), version.id, "marketing")
    assert version.status == "draft"


def test_activation_archives_the_previous_version(db: Session) -> None:
    first = activate(db, FIRST_TOUCH)
    second = activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 2}])
    db.refresh(first)
    assert (first.status, second.status) == ("archived", "active")
    assert first.archived_at is not None
    assert service.active_version(db) is second
    with pytest.raises(Conflict):
        service.sign(db, actor_of(make_user(db, role="admin")), first.id, "sales")
    actions = set(
        db.scalars(select(AuditEntry.action).where(AuditEntry.subject_type == "sla_version"))
    )
    assert {"sla.version_drafted", "sla.version_signed", "sla.version_activated"} <= actions


def test_the_database_refuses_two_active_versions(db: Session) -> None:
    first = activate(db, FIRST_TOUCH)
    marketing, _ = signers(db)
    draft = service.create_draft(db, actor_of(marketing), title="T", body="", terms=[])
    with pytest.raises(IntegrityError), db.begin_nested():
        db.execute(update(SlaVersion).where(SlaVersion.id == draft.id).values(status="active"))
    assert first.status == "active"


def test_changing_a_draft_withdraws_its_signatures(db: Session) -> None:
    marketing, _ = signers(db)
    version = service.create_draft(db, actor_of(marketing), title="T", body="a", terms=[])
    service.sign(db, actor_of(marketing), version.id, "marketing")
    service.update_draft(db, actor_of(marketing), version.id, title="T", body="b", terms=[])
    assert service.signatures(db, [version.id])[version.id] == []


def test_bad_terms_name_every_field_and_save_nothing(db: Session) -> None:
    marketing, _ = signers(db)
    before = len(service.list_versions(db))
    with pytest.raises(ValidationFailed) as failed:
        service.create_draft(
            db,
            actor_of(marketing),
            title="",
            body="x",
            terms=[
                {"key": "a", "kind": "first_touch", "hours": -1},
                {"key": "a", "kind": "mql_volume", "count": 10, "period": "fortnight"},
                {"key": "c", "kind": "warp"},
                {"key": "d", "kind": "touch_attempts", "count": 3, "days": 2, "colour": "red"},
                {"key": "e", "kind": "decision", "hours": 8, "scope": {"planet": ["Mars"]}},
                {
                    "key": "f",
                    "kind": "custom",
                    "measure": "duration",
                    "start": {"stage": "mql"},
                    "stop": {"event": "teleported"},
                    "hours": 3,
                },
            ],
        )
    fields = {e.field for e in failed.value.errors}
    assert fields == {
        "title",
        "terms[0].hours",
        "terms[1].key",
        "terms[1].period",
        "terms[2].kind",
        "terms[3].colour",
        "terms[4].scope.planet",
        "terms[5].stop.event",
    }
    assert len(service.list_versions(db)) == before


def test_starter_terms_parse_and_read_well() -> None:
    described = [t.describe() for t in parse_terms(STARTER_TERMS)]
    assert "First sales touch within 4 business hours of hand-off" in described
    assert "Marketing delivers 120 MQLs per month" in described


def test_history_diff_of_text_and_terms(db: Session) -> None:
    first = activate(db, FIRST_TOUCH, body="We agree.\nSales calls fast.\n")
    marketing, _ = signers(db)
    second = service.create_draft(
        db,
        actor_of(marketing),
        title="Our SLA",
        body="We agree.\nSales calls within four hours.\n",
        terms=[
            {"key": "first_touch", "kind": "first_touch", "hours": 2},
            {"key": "volume", "kind": "mql_volume", "count": 50, "period": "month"},
        ],
    )
    diff = service.diff_versions(first, second)
    assert ("del", "Sales calls fast.") in diff.text
    assert ("add", "Sales calls within four hours.") in diff.text
    changes = {c.key: c for c in diff.terms}
    assert changes["first_touch"].change == "changed"
    assert changes["first_touch"].fields == (("hours", 4, 2),)
    assert changes["volume"].change == "added"


def test_markdown_is_rendered_without_raw_html_or_script_links() -> None:
    html = render("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **bold**")
    assert "<h1>Title</h1>" in html and "<strong>bold</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
