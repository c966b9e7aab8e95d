"""The workflows' API and the visual editor, over real HTTP."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.workflows import service
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.mailing.factories import make_template
from tests.workflows.factories import make_list, run

API = "/api/v1"


def test_a_graph_that_does_not_hold_is_refused_with_each_reason(client: TestClient) -> None:
    refused = client.post(
        f"{API}/workflows",
        json={
            "name": "Broken",
            "steps": [
                {"id": "a", "kind": "wait", "minutes": 5},
                {"id": "b", "kind": "add_to_list", "list_id": 999_999},
            ],
        },
    )
    assert refused.status_code == 422
    reasons = {".".join(e["loc"][1:]): e["msg"] for e in refused.json()["detail"]}
    assert reasons == {"steps.1": "step 'b' cannot be reached", "steps.1.list_id": "no list 999999"}
    assert client.get(f"{API}/workflows").json() == []


def test_built_over_the_api_triggered_by_a_touch_and_shown_on_the_timeline(
    client: TestClient, db: Session
) -> None:
    crm = client.post(f"{API}/contact-lists", json={"name": "Nurtured"}).json()
    created = client.post(
        f"{API}/workflows",
        json={
            "name": "Demo follow-up",
            "trigger": {"type": "touch", "touch_type": "demo_requested"},
            "steps": [
                {"id": "join", "kind": "add_to_list", "list_id": crm["id"], "next": "title"},
                {"id": "title", "kind": "set_field", "field": "seniority", "value": "VP"},
            ],
        },
    )
    assert created.status_code == 201, created.text
    workflow = created.json()
    assert workflow["status"] == "draft" and workflow["trigger"]["touch_type"] == "demo_requested"
    activated = client.post(f"{API}/workflows/{workflow['id']}/status", json={"status": "active"})
    assert activated.json()["status"] == "active"

    contact = make_contact(db)
    touch = client.post(f"{API}/touches", json={"type": "demo_requested", "contact_id": contact.id})
    assert touch.status_code == 201, touch.text
    run(db)  # what the worker does once the touch has committed

    shown = client.get(f"{API}/workflows/{workflow['id']}").json()
    assert [(c["step_id"], c["went_through"]) for c in shown["counts"]] == [
        ("join", 1),
        ("title", 1),
    ]
    enrolments = client.get(f"{API}/workflows/{workflow['id']}/enrolments").json()
    assert [(e["contact_id"], e["status"]) for e in enrolments] == [(contact.id, "completed")]
    timeline = client.get(f"{API}/contacts/{contact.id}/timeline").json()["items"]
    steps = [i for i in timeline if i["kind"] == "workflow_step"]
    assert [s["title"] for s in steps] == [
        "Demo follow-up: Set a field",
        "Demo follow-up: Add to a list",
    ]
    assert steps[0]["data"]["outcome"] == "done"
    lists = client.get(f"{API}/contact-lists").json()
    assert [(each["name"], each["members"]) for each in lists] == [("Nurtured", 1)]


def test_enrolling_by_hand_follows_the_policy(client: TestClient, db: Session) -> None:
    crm = make_list(db)
    workflow = client.post(
        f"{API}/workflows",
        json={"name": "Once", "steps": [{"id": "a", "kind": "add_to_list", "list_id": crm.id}]},
    ).json()
    contact = make_contact(db)
    db.commit()  # a refused request rolls back what it did not commit: keep the contact
    url = f"{API}/workflows/{workflow['id']}/enrolments"
    assert client.post(url, json={"contact_id": contact.id}).status_code == 409  # a draft
    client.post(f"{API}/workflows/{workflow['id']}/status", json={"status": "active"})
    assert client.post(url, json={"contact_id": contact.id}).status_code == 201
    assert client.post(url, json={"contact_id": contact.id}).status_code == 409


def test_sales_reads_workflows_but_does_not_change_them(
    anon_client: TestClient, db: Session
) -> None:
    sign_in(anon_client, make_user(db, role="sales_rep"))
    assert anon_client.get(f"{API}/workflows").status_code == 200
    assert anon_client.post(f"{API}/workflows", json={"name": "Mine"}).status_code == 403
    assert anon_client.post(f"{API}/contact-lists", json={"name": "Mine"}).status_code == 403


def _step_ids(html: str) -> list[str]:
    return re.findall(r'data-testid="step" data-step="([^"]+)"', html)


def test_the_editor_builds_a_branching_workflow_by_pointing_and_clicking(
    client: TestClient, db: Session
) -> None:
    crm = make_list(db, "Hot leads")
    made = client.post("/workflows", data={"name": "Nurture"}, follow_redirects=False)
    assert made.status_code == 303
    editor = made.headers["location"]
    workflow_id = int(editor.rsplit("/", 1)[1])

    picker = client.get(f"{editor}?after=start&arm=next&kind=wait")
    assert 'data-testid="kind-picker"' in picker.text and 'name="amount"' in picker.text
    steps = f"{editor}/steps"
    wait = {"after": "start", "arm": "next", "kind": "wait", "amount": "2", "unit": "days"}
    assert client.post(steps, data=wait, follow_redirects=False).status_code == 303
    branch = {
        "after": "s1",
        "kind": "branch",
        "field": "account.employee_count",
        "op": "gte",
        "value": "50",
    }
    assert client.post(steps, data=branch, follow_redirects=False).status_code == 303
    on_yes = {"after": "s2", "arm": "yes", "kind": "add_to_list", "list_id": str(crm.id)}
    assert client.post(steps, data=on_yes, follow_redirects=False).status_code == 303

    page = client.get(editor).text
    assert _step_ids(page) == ["s1", "s2", "s3"]
    assert "Wait 2 days" in page and "If account.employee_count gte 50" in page
    assert "Add to Hot leads" in page and "Add a step on “no”" in page
    found = service.get_workflow(db, workflow_id, actor=SYSTEM)
    assert found.steps[1].yes == "s3"  # type: ignore[union-attr]

    bad = {"after": "s3", "kind": "wait", "amount": "soon", "unit": "days"}
    refused = client.post(steps, data=bad)
    assert refused.status_code == 422 and "a whole number" in refused.text

    client.post(f"{editor}/steps/s1/delete")
    assert _step_ids(client.get(editor).text) == ["s2", "s3"]
    trigger = {"type": "stage_entered", "stage": "mql", "reenrol_after_days": "30"}
    assert client.post(f"{editor}/trigger", data=trigger, follow_redirects=False).status_code == 303
    client.post(f"{editor}/status", data={"status": "active"})
    page = client.get(editor).text
    assert 'data-testid="status">Active' in page and "enrols again after 30 days" in page


def test_the_editor_adds_a_next_best_asset_step_with_a_form(
    client: TestClient, db: Session
) -> None:
    template = make_template(db, name="Next read")
    made = client.post("/workflows", data={"name": "Content nurture"}, follow_redirects=False)
    editor = made.headers["location"]
    form = client.get(f"{editor}?after=start&arm=next&kind=send_next_asset").text
    assert f'<option value="{template.id}">Next read' in form and "asset.title" in form
    step = {"after": "start", "kind": "send_next_asset", "template_id": str(template.id)}
    assert client.post(f"{editor}/steps", data=step, follow_redirects=False).status_code == 303
    assert "Send the next best asset with the email Next read" in client.get(editor).text
