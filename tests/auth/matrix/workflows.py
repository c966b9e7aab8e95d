"""The workflows' routes (workflow.manage): workflows, their steps, trigger and status,
enrolling by hand, and static lists."""

from __future__ import annotations

from tests.auth.matrix.world import Call, Route, World, api, ui, unique
from tests.contacts.factories import make_contact
from tests.workflows.factories import make_list, make_workflow

WORKFLOW = "/workflows/{workflow_id:int}"
LIST = "/contact-lists/{list_id:int}"


def _workflow_id(w: World) -> int:
    crm = make_list(w.db, unique("List"))
    steps = [{"id": "s1", "kind": "add_to_list", "list_id": crm.id}]
    return make_workflow(w.db, steps, name=unique("Workflow")).id


def _on_workflow(method: str, suffix: str, *, page: bool = False, **body: object) -> Route:
    def build(w: World, _: int | None) -> Call:
        prefix = "" if page else "/api/v1"
        url = f"{prefix}/workflows/{_workflow_id(w)}{suffix}"
        values = {k: v(w) if callable(v) else v for k, v in body.items()}
        return Call(method, url, data=values) if page else Call(method, url, json=values or None)

    return Route(method, f"{'' if page else '/api/v1'}{WORKFLOW}{suffix}", build=build)


def _contact_id(w: World) -> int:
    return make_contact(w.db).id


def _add_member(w: World, _: int | None) -> Call:
    found = make_list(w.db, unique("List"))
    return Call(
        "POST", f"/api/v1/contact-lists/{found.id}/members", json={"contact_id": _contact_id(w)}
    )


WORKFLOW_SETTINGS = [
    api("POST", "/workflows", json=lambda w, _: {"name": unique("Workflow")}),
    _on_workflow("PUT", "", name=lambda w: unique("Renamed")),
    _on_workflow("POST", "/status", status="paused"),
    _on_workflow("POST", "/enrolments", contact_id=_contact_id),
    api("POST", "/contact-lists", json=lambda w, _: {"name": unique("List")}),
    Route("POST", f"/api/v1{LIST}/members", build=_add_member),
    ui("POST", "/workflows", data=lambda w, _: {"name": unique("Workflow")}),
    ui("POST", "/workflows/lists", data=lambda w, _: {"name": unique("List")}),
    _on_workflow("POST", "/steps", page=True, after="s1", kind="wait", amount="1", unit="days"),
    Route(
        "POST",
        f"{WORKFLOW}/steps/{{step_id}}/delete",
        build=lambda w, _: Call("POST", f"/workflows/{_workflow_id(w)}/steps/s1/delete"),
    ),
    _on_workflow("POST", "/trigger", page=True, type="manual"),
    _on_workflow("POST", "/status", page=True, status="paused"),
]
