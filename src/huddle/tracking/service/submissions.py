"""Form submissions: spam checks, the contact (deduped by email), consent from the explicit
checkbox only, the ``form_submitted`` touch, the visitor stitched, and where to go next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.normalize import InvalidEmail, normalize_email
from huddle.contacts.schemas import ContactCreate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.tracking.models import Form, Site
from huddle.tracking.service.config import get_form_by_key, get_site
from huddle.tracking.service.website import identify_visitor

FORMS = Actor("contact", label="website form")
# Form fields that fill the contact's own fields (everything is kept on the touch).
CONTACT_FIELDS = ("first_name", "last_name", "company", "job_title", "phone", "country", "city")
TICKED = {"on", "true", "1", "yes"}
MAX_VALUE = 5000


class MalformedPost(ValidationFailed):
    """A value no form field can take (an object or a list where a field wants text): a
    broken client, not a person's typo, so 400 rather than the form's 422."""

    status_code = 400
    code = "malformed"


@dataclass(frozen=True)
class Submitted:
    """What the form post did: the contact (None when it was taken for spam) and where the
    person goes next (None: Huddle's own thank-you page)."""

    contact_id: int | None
    redirect_url: str | None
    spam: bool = False


@dataclass(frozen=True)
class PublicForm:
    form: Form
    site: Site


def public_form(session: Session, form_key: str) -> PublicForm:
    """A form and its site, for the public endpoints (unknown key: 404)."""
    form = get_form_by_key(session, form_key)
    return PublicForm(form, get_site(session, form.site_id))


def submit_form(
    session: Session,
    form_key: str,
    values: dict[str, Any],
    *,
    filled_seconds: float | None,
    visitor_id: str | None = None,
    page_url: str | None = None,
) -> Submitted:
    """Take a form post. A filled honeypot or a form sent faster than a person could fill it
    writes nothing, and the sender is thanked as usual (a bot learns nothing). Consent comes
    from the form's consent checkbox alone: no other field can set it."""
    found = public_form(session, form_key)
    form, site = found.form, found.site
    thank_you = form.thank_you_url if form.thank_you_url in site.allowed_redirects else None
    if _looks_like_spam(form, values, filled_seconds):
        return Submitted(contact_id=None, redirect_url=thank_you, spam=True)
    answers = _answers(form, values)
    contact, _ = contacts.upsert_contact(session, _contact_data(form, answers), actor=FORMS)
    # The answers side by side with what says which form it was (those names win).
    properties: dict[str, Any] = {**answers, "form": form.name, "form_key": form.form_key}
    if page_url:
        properties["url"] = page_url[:2000]
    contacts.record_touches(
        session,
        [
            contacts.TouchRow(
                type="form_submitted",
                occurred_at=clock.now(),
                contact_id=contact.id,
                visitor_id=visitor_id,
                properties=properties,
            )
        ],
        actor=FORMS,
    )
    if visitor_id:
        identify_visitor(session, visitor_id, contact.id, actor=FORMS)
    return Submitted(contact_id=contact.id, redirect_url=thank_you)


def _looks_like_spam(form: Form, values: dict[str, Any], filled_seconds: float | None) -> bool:
    if str(values.get(form.honeypot_field) or "").strip():
        return True
    if form.min_fill_seconds <= 0:
        return False
    return filled_seconds is None or filled_seconds < form.min_fill_seconds


def _answers(form: Form, values: dict[str, Any]) -> dict[str, Any]:
    """The form's own fields, checked; anything else posted is ignored."""
    _refuse_structures(form, values)
    answers: dict[str, Any] = {}
    errors = []
    for field in form.fields:
        name, raw = field["name"], values.get(field["name"])
        if field["type"] == "checkbox":
            answers[name] = str(raw or "").strip().lower() in TICKED
            if field.get("required") and not answers[name]:
                errors.append(FieldError(name, "tick this box to continue"))
            continue
        text = str(raw or "").strip()
        if len(text) > MAX_VALUE:
            errors.append(FieldError(name, f"at most {MAX_VALUE} characters"))
        elif field.get("required") and not text:
            errors.append(FieldError(name, f"{field['label']} is required"))
        elif name == "email":
            try:
                text = normalize_email(text)
            except InvalidEmail as exc:
                errors.append(FieldError("email", str(exc)))
        if text:
            answers[name] = text
    if "email" not in answers and not any(e.field == "email" for e in errors):
        errors.append(FieldError("email", "email is required"))
    if errors:
        raise ValidationFailed("the form has problems", errors)
    return answers


def _refuse_structures(form: Form, values: dict[str, Any]) -> None:
    """A field's value is text, a number or true/false (JSON posts); never an object or a
    list, which would otherwise be stored as its Python spelling."""
    errors = [
        FieldError(field["name"], "expected text, a number or true/false, not an object or a list")
        for field in form.fields
        if isinstance(values.get(field["name"]), dict | list)
    ]
    if errors:
        raise MalformedPost("the form post is malformed", errors)


def _contact_data(form: Form, answers: dict[str, Any]) -> ContactCreate:
    data: dict[str, Any] = {k: answers[k] for k in CONTACT_FIELDS if answers.get(k)}
    data["email"] = answers["email"]
    if form.consent_field and answers.get(form.consent_field) is True:
        data.update(
            email_opt_in="opted_in",
            consent_source=f"form: {form.name}"[:200],
            consent_text_shown=form.consent_text,
        )
    try:
        return ContactCreate(**data)
    except ValidationError as exc:
        raise ValidationFailed(
            "the form has problems",
            [FieldError(str(e["loc"][0]), e["msg"]) for e in exc.errors()],
        ) from exc
