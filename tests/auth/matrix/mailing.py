"""Marketing email's routes (email.manage): templates, previews, sends, the send log and
the suppression list, in the API and the pages."""

from __future__ import annotations

from collections.abc import Callable

from huddle.mailing.models import EmailSuppression
from tests.auth.matrix.world import Call, Route, World, api, ui, unique
from tests.contacts.factories import make_contact
from tests.mailing.factories import make_template

TEMPLATE = "/templates/{template_id:int}"
PAGE = "/email/templates/{template_id:int}"
BODY = {
    "subject": "Hi {{ contact.first_name | default('there') }}",
    "html_body": "<p>Hello</p>",
}


def _template(w: World, _: int | None) -> dict[str, object]:
    return {"name": unique("Template"), **BODY}


def _form(w: World, _: int | None) -> dict[str, object]:
    return {**_template(w, None), "text_body": ""}


def _on_template(
    method: str,
    path: str,
    *,
    page: bool = False,
    body: Callable[[World, int], dict[str, object]] | None = None,
) -> Route:
    def build(w: World, _: int | None) -> Call:
        template_id = make_template(w.db).id
        url = path.replace("{template_id:int}", str(template_id))
        sent = body(w, template_id) if body is not None else None
        return Call(method, url, data=sent) if page else Call(method, url, json=sent)

    return Route(method, path, build=build)


def _suppression_id(w: World) -> int:
    row = EmailSuppression(email=f"{unique('gone')}@example.org", reason="manual", source="test")
    w.db.add(row)
    w.db.flush()
    return row.id


def _send(w: World, _: int | None) -> dict[str, object]:
    return {
        "template_id": make_template(w.db).id,
        "contact_id": make_contact(w.db).id,
        "idempotency_key": unique("key"),
    }


def _contact_id(w: World, _: int) -> dict[str, object]:
    return {"contact_id": make_contact(w.db).id}


EMAIL_SETTINGS = [
    api("GET", "/mailing/templates"),
    api("POST", "/mailing/templates", json=_template),
    _on_template("GET", f"/api/v1/mailing{TEMPLATE}"),
    _on_template("PUT", f"/api/v1/mailing{TEMPLATE}", body=lambda w, _: _template(w, None)),
    _on_template("DELETE", f"/api/v1/mailing{TEMPLATE}"),
    _on_template("POST", f"/api/v1/mailing{TEMPLATE}/preview", body=_contact_id),
    api("POST", "/mailing/sends", json=_send),
    api("GET", "/mailing/sends"),
    api("GET", "/mailing/suppressions"),
    api(
        "POST",
        "/mailing/suppressions",
        json=lambda w, _: {"email": f"{unique('gone')}@example.org"},
    ),
    Route(
        "DELETE",
        "/api/v1/mailing/suppressions/{suppression_id:int}",
        build=lambda w, _: Call("DELETE", f"/api/v1/mailing/suppressions/{_suppression_id(w)}"),
    ),
    api(
        "POST",
        "/mailing/events",
        json=lambda w, _: {"events": [{"type": "bounce", "email": f"{unique('b')}@example.org"}]},
    ),
    ui("GET", "/email"),
    ui("GET", "/email/templates/new"),
    ui("POST", "/email/templates", data=_form),
    _on_template("GET", PAGE, page=True),
    _on_template("POST", PAGE, page=True, body=lambda w, _: _form(w, None)),
    _on_template("POST", f"{PAGE}/delete", page=True),
    _on_template("POST", f"{PAGE}/test", page=True, body=_contact_id),
    ui("POST", "/email/preview", data=lambda w, _: {**_form(w, None), "contact_id": ""}),
    ui("GET", "/email/sends"),
    ui("GET", "/email/suppressions"),
    ui(
        "POST",
        "/email/suppressions",
        data=lambda w, _: {"email": f"{unique('gone')}@example.org", "reason": "manual"},
    ),
    Route(
        "POST",
        "/email/suppressions/{suppression_id:int}/delete",
        build=lambda w, _: Call("POST", f"/email/suppressions/{_suppression_id(w)}/delete"),
    ),
]
