"""The contact pages as a signed-in person uses them: list, filters, saved views, detail,
notes, stage moves, rejections and merges. Every page escapes what people typed."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.models import Contact
from huddle.core import clock
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account, make_contact, make_note, make_touch
from tests.lifecycle.factories import make_transition
from tests.web.forms import submitted

XSS = "<script>alert(1)</script>"


def rows(html: str) -> list[str]:
    """The contact links of a list page, in order."""
    return re.findall(r'<a href="/contacts/(\d+)">', html)


@pytest.mark.parametrize("path", ["/contacts", "/contacts/1", "/accounts", "/accounts/1"])
def test_anonymous_visitors_are_sent_to_sign_in(anon_client: TestClient, path: str) -> None:
    response = anon_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


def test_list_shows_contacts_with_company_stage_and_owner(
    client: TestClient, db: Session, admin: User
) -> None:
    account = make_account(db, name="Globex")
    make_contact(
        db,
        first_name="Hank",
        last_name="Scorpio",
        email="hank@globex.example",
        account=account,
        lifecycle_stage="mql",
        owner_id=admin.id,
        score=82,
    )
    html = client.get("/contacts").text
    assert "Hank Scorpio" in html and "hank@globex.example" in html
    assert 'href="/accounts/' in html and "Globex" in html
    assert 'class="badge stage-mql">MQL<' in html
    assert "Ada Admin" in html


def test_filters_narrow_the_list(client: TestClient, db: Session, admin: User) -> None:
    mql = make_contact(db, last_name="Alpha", lifecycle_stage="mql", score=90, owner_id=admin.id)
    lead = make_contact(db, last_name="Beta", lifecycle_stage="lead", score=10)
    assert rows(client.get("/contacts?stage=mql").text) == [str(mql.id)]
    assert rows(client.get("/contacts?score_min=50").text) == [str(mql.id)]
    assert rows(client.get("/contacts?owner=me").text) == [str(mql.id)]
    assert rows(client.get("/contacts?owner=unassigned&stage=lead").text) == [str(lead.id)]
    assert rows(client.get(f"/contacts?q={lead.email}").text) == [str(lead.id)]


def test_bad_filter_values_are_reported_not_a_crash(client: TestClient, db: Session) -> None:
    make_contact(db)
    response = client.get("/contacts?score_min=lots&created_since=yesterday")
    assert response.status_code == 200
    assert "is not a whole number" in response.text
    assert "is not a date" in response.text


def test_sorting_by_score_both_ways(client: TestClient, db: Session) -> None:
    low = make_contact(db, score=5, last_name="Low")
    high = make_contact(db, score=95, last_name="High")
    ids = rows(client.get("/contacts?sort=-score").text)
    assert ids.index(str(high.id)) < ids.index(str(low.id))
    ids = rows(client.get("/contacts?sort=score").text)
    assert ids.index(str(low.id)) < ids.index(str(high.id))


def test_next_page_link_walks_the_whole_list_once(client: TestClient, db: Session) -> None:
    created = {str(make_contact(db, lifecycle_stage="sal").id) for _ in range(55)}
    first = client.get("/contacts?stage=sal")
    link = re.search(r'href="(/contacts\?[^"]*cursor=[^"]+)" hx-get="[^"]+" rel="next"', first.text)
    assert link is not None
    second = client.get(link.group(1).replace("&amp;", "&"))
    seen = rows(first.text) + rows(second.text)
    assert len(rows(first.text)) == 50
    assert sorted(seen) == sorted(created)
    assert 'rel="next"' not in second.text


def test_htmx_filtering_gets_only_the_results(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="sql")
    response = client.get("/contacts?stage=sql", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<div id="results"')
    assert rows(response.text) == [str(contact.id)]
    # The saved-view bar (with the export link) follows the filters out of band.
    assert 'hx-swap-oob="true"' in response.text
    assert "/api/v1/contacts/export.csv?stage=sql" in response.text


def test_export_link_carries_the_filters(client: TestClient, db: Session) -> None:
    html = client.get("/contacts?stage=mql&q=acme").text
    assert 'href="/api/v1/contacts/export.csv?q=acme&amp;stage=mql"' in html


def test_empty_states_differ_for_no_data_and_no_match(client: TestClient, db: Session) -> None:
    assert "No contacts match these filters" in client.get("/contacts?q=nobody-at-all").text


def test_save_a_view_and_pick_it(client: TestClient, db: Session) -> None:
    mql = make_contact(db, lifecycle_stage="mql")
    make_contact(db, lifecycle_stage="lead")
    location = submitted(
        client, "/contacts/views", {"name": "Fresh MQLs", "stage": "mql", "sort": "-score"}
    )
    view_url = location
    assert re.fullmatch(r"/contacts\?view=\d+", view_url)
    html = client.get(view_url).text
    assert "Fresh MQLs" in html
    assert rows(html) == [str(mql.id)]
    assert 'aria-sort="descending"' in html


def test_a_contact_named_like_a_script_is_escaped_everywhere(
    client: TestClient, db: Session
) -> None:
    account = make_account(db, name=XSS)
    contact = make_contact(db, first_name=XSS, last_name="X", job_title=XSS, account=account)
    make_note(db, contact_id=contact.id, body=XSS)
    for path in ("/contacts", f"/contacts/{contact.id}", f"/accounts/{account.id}", "/accounts"):
        html = client.get(path).text
        assert XSS not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


def test_contact_page_shows_details_timeline_and_history(
    client: TestClient, db: Session, admin: User
) -> None:
    contact = make_contact(
        db,
        first_name="Marge",
        last_name="Bouvier",
        lifecycle_stage="mql",
        first_touch_source="google",
        first_touch_at=None,
        custom={"fav_color": "blue"},
    )
    make_touch(db, contact=contact, type="form_submit", properties={"utm_source": "newsletter"})
    make_transition(
        db,
        contact_id=contact.id,
        from_stage="lead",
        to_stage="mql",
        by_user_id=admin.id,
        reason="Downloaded the pricing guide",
    )
    html = client.get(f"/contacts/{contact.id}").text
    assert "Marge Bouvier" in html
    assert 'data-kind="touch"' in html and "Form submit" in html and "newsletter" in html
    assert 'data-kind="stage_change"' in html
    assert "Downloaded the pricing guide" in html
    assert "Fav color" in html and "blue" in html
    # MQLs may be rejected back to marketing, with the configured reasons.
    assert f'action="/contacts/{contact.id}/reject"' in html
    assert "No budget" in html


def test_leads_cannot_be_rejected_so_no_form(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    assert "/reject" not in client.get(f"/contacts/{contact.id}").text


def test_stage_form_offers_only_allowed_moves(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="customer")
    html = client.get(f"/contacts/{contact.id}").text
    form = html[
        html.index('id="stage-form"') : html.index("</form>", html.index('id="stage-form"'))
    ]
    assert set(re.findall(r'<option value="(\w+)"', form)) == {"opportunity", "lost"}


def test_add_a_note(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    location = submitted(client, f"/contacts/{contact.id}/notes", {"body": "Call back on Monday"})
    assert location == f"/contacts/{contact.id}#timeline"
    html = client.get(f"/contacts/{contact.id}").text
    assert "Call back on Monday" in html and "Note added." in html


def test_an_empty_note_is_refused_inline(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    response = client.post(f"/contacts/{contact.id}/notes", data={"body": "   "})
    assert response.status_code == 422
    assert "write something" in response.text


def test_change_stage_and_see_it_in_history(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    submitted(
        client,
        f"/contacts/{contact.id}/stage",
        {"to_stage": "sal", "reason": "Qualified on the call"},
    )
    assert service.get_contact(db, contact.id).lifecycle_stage == "sal"
    html = client.get(f"/contacts/{contact.id}").text
    assert "Qualified on the call" in html and "Moved to SAL." in html


def test_a_move_that_is_not_allowed_shows_409_inline(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="subscriber")
    response = client.post(f"/contacts/{contact.id}/stage", data={"to_stage": "customer"})
    assert response.status_code == 409
    assert 'class="alert alert-error"' in response.text
    assert 'id="contact-page"' in response.text
    assert service.get_contact(db, contact.id).lifecycle_stage == "subscriber"


def test_reject_an_mql_back_to_marketing(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    submitted(
        client,
        f"/contacts/{contact.id}/reject",
        {"reason_code": "no_budget", "note": "Budget frozen until Q3"},
    )
    assert service.get_contact(db, contact.id).lifecycle_stage == "recycled"
    html = client.get(f"/contacts/{contact.id}").text
    assert "Rejected: No budget" in html and "Budget frozen until Q3" in html


def test_other_reason_needs_a_note(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="sal")
    response = client.post(f"/contacts/{contact.id}/reject", data={"reason_code": "other"})
    assert response.status_code == 422
    assert service.get_contact(db, contact.id).lifecycle_stage == "sal"


def test_unknown_contact_is_a_404_page(client: TestClient) -> None:
    response = client.get("/contacts/987654321")
    assert response.status_code == 404
    assert "find that" in response.text


def _merge_pair(db: Session) -> tuple[Contact, Contact]:
    keep = make_contact(db, email="pat@initech.example", first_name="Pat", job_title=None)
    dupe = make_contact(
        db, email="pat.smith@initech.example", first_name="Patricia", job_title="CTO"
    )
    make_touch(db, contact=dupe, type="page_view")
    return keep, dupe


def test_merge_compares_both_records(client: TestClient, db: Session) -> None:
    keep, dupe = _merge_pair(db)
    html = client.get(f"/contacts/{keep.id}/merge", params={"email": dupe.email}).text
    assert "Patricia" in html and "Pat" in html and "CTO" in html
    assert 'name="choice_first_name" value="merged"' in html


def test_merge_keeps_the_chosen_values_and_moves_the_story(client: TestClient, db: Session) -> None:
    keep, dupe = _merge_pair(db)
    location = submitted(
        client,
        f"/contacts/{keep.id}/merge",
        {"merged_id": str(dupe.id), "choice_first_name": "merged", "choice_email": "survivor"},
    )
    assert location == f"/contacts/{keep.id}"
    survivor = service.get_contact(db, keep.id)
    assert survivor.first_name == "Patricia"
    assert survivor.email == "pat@initech.example"
    html = client.get(f"/contacts/{keep.id}").text
    assert 'data-kind="merge"' in html and 'data-kind="touch"' in html


def test_merge_with_an_unknown_email_says_so(client: TestClient, db: Session) -> None:
    keep = make_contact(db)
    response = client.get(f"/contacts/{keep.id}/merge", params={"email": "ghost@nowhere.example"})
    assert response.status_code == 404
    assert "ghost@nowhere.example" in response.text


def test_timeline_pages_back_through_older_items(
    client: TestClient, db: Session, frozen_clock: clock.FrozenClock
) -> None:
    contact = make_contact(db)
    for hours in range(35):
        make_touch(
            db,
            contact=contact,
            occurred_at=clock.now() - timedelta(hours=hours),
            properties={"n": hours},
        )
    first = client.get(f"/contacts/{contact.id}").text
    assert first.count('data-kind="touch"') == 30
    older = re.search(r'href="(/contacts/\d+\?before=[^"#]+)#timeline"', first)
    assert older is not None
    second = client.get(older.group(1)).text
    assert second.count('data-kind="touch"') == 5
    assert "N: 34" in second and "N: 29" not in second
    assert "Back to the newest" in second and "Show older" not in second


def test_a_view_without_a_name_is_not_saved(client: TestClient, db: Session) -> None:
    location = submitted(client, "/contacts/views", {"name": "  ", "stage": "mql"})
    assert location == "/contacts?stage=mql"
    html = client.get(location).text
    assert "The view was not saved" in html
    assert 'href="/contacts?view=' not in html


def test_values_a_form_kept_aside_are_offered_to_who_may_edit_the_contact(
    client: TestClient, db: Session, app: Any
) -> None:
    owner = make_user(db, role="sales_rep", team="sales")
    contact = make_contact(db, first_name="Wile", owner_id=owner.id)
    submission = make_touch(
        db,
        contact=contact,
        type="form_submitted",
        properties={
            "email": contact.email,
            "first_name": XSS,
            "form": "Pricing guide",
            "identity": "unverified",
            "not_applied": ["first_name"],
        },
    )
    db.commit()
    page = client.get(f"/contacts/{contact.id}").text
    apply_url = f"/contacts/{contact.id}/touches/{submission.id}/apply"
    assert "Submitted:" in page and "Apply these values" in page and apply_url in page
    assert "by someone using this email" in page  # not "by the contact": nothing proved it
    assert XSS not in page and "First name “&lt;script&gt;" in page

    other_rep = TestClient(app, base_url="http://testserver")
    sign_in(other_rep, make_user(db, role="sales_rep", team="sales"))
    db.commit()
    assert "Apply these values" not in other_rep.get(f"/contacts/{contact.id}").text
    assert other_rep.post(apply_url, follow_redirects=False).status_code == 403
    db.refresh(contact)
    assert contact.first_name == "Wile"

    assert submitted(client, apply_url, {}) == f"/contacts/{contact.id}#timeline"
    db.refresh(contact)
    assert contact.first_name == XSS
    page = client.get(f"/contacts/{contact.id}").text
    assert "Apply these values" not in page and "Submitted values applied by" in page
    again = client.post(apply_url, follow_redirects=False)
    assert again.status_code == 409 and "no values waiting to be applied" in again.text
