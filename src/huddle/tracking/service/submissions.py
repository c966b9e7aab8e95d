"""Form submissions: spam checks, the contact (deduped by email), consent from the explicit
checkbox only, the ``form_submitted`` touch, the visitor stitched, and where to go next.

Anyone can type anyone's email into a form. So a post for an email Huddle already knows
changes that contact only as far as the sender proved to be them: proven (a signed
identity token for that contact in the post, or a browser already identified as them),
it is the person updating their details; unproven, it fills empty fields only, keeps the
other values on the touch for the owner to apply, and its browser's anonymous history
stays anonymous. A post that creates the contact is the visitor's own: filled, stitched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate, ContactUpdate
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.tracking import repository
from huddle.tracking.models import Form, Site
from huddle.tracking.service.config import get_form_by_key, get_site
from huddle.tracking.service.website import identify_visitor

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

FORMS = Actor("contact", label="website form")
# Form fields that fill the contact's own fields (everything is kept on the touch).
CONTACT_FIELDS = contacts.OWN_FIELDS
# On the touch of an unproven post to a known contact (a scoring rule can leave these
# out with {"field": "properties.identity", "op": "is_empty"}).
UNVERIFIED = {"identity": "unverified"}
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
    signed_contact_id: int | None = None,
) -> Submitted:
    """Take a form post. A filled honeypot or a form sent faster than a person could fill it
    writes nothing, and the sender is thanked as usual (a bot learns nothing). Consent comes
    from the form's consent checkbox alone: no other field can set it.

    ``signed_contact_id``: the contact a valid identity token in the post names (from a
    signed email link). With it, or from a browser already identified as the contact the
    email belongs to, the post updates that contact and its visitor joins it; without,
    a known contact keeps every value it holds (see the module's docstring)."""
    found = public_form(session, form_key)
    form, site = found.form, found.site
    thank_you = form.thank_you_url if form.thank_you_url in site.allowed_redirects else None
    if _looks_like_spam(form, values, filled_seconds):
        return Submitted(contact_id=None, redirect_url=thank_you, spam=True)
    answers = _answers(form, values)
    data = _contact_data(form, answers)
    known = _known_contact(session, data.email)
    proven = known is None or _proven(
        session, known.id, visitor_id=visitor_id, signed_contact_id=signed_contact_id
    )
    # The answers side by side with what says which form it was (those names win).
    properties: dict[str, Any] = {**answers, "form": form.name, "form_key": form.form_key}
    if known is not None and not proven:
        contact = known
        kept = _fill_empty_fields(session, contact, data)
        properties |= UNVERIFIED | ({contacts.NOT_APPLIED: kept} if kept else {})
    else:
        contact, _ = contacts.upsert_contact(session, data, actor=FORMS)
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
    # An unproven sender's browsing, before and after, is not the contact's.
    if visitor_id and proven:
        identify_visitor(session, visitor_id, contact.id, actor=FORMS)
    return Submitted(contact_id=contact.id, redirect_url=thank_you)


def _known_contact(session: Session, email: str | None) -> Contact | None:
    if email is None:  # a form always asks for the email; the schema would allow none
        return None
    by_email, _ = contacts.find_contacts(session, emails=[email], contact_ids=())
    contact_id = by_email.get(email)
    return None if contact_id is None else contacts.get_contact_detail(session, contact_id)


def _proven(
    session: Session, contact_id: int, *, visitor_id: str | None, signed_contact_id: int | None
) -> bool:
    """Whether the sender showed it is this contact: a signed identity token naming it, or
    a browser identified as it before (only proof identifies a browser with a contact it
    did not create; a browser the visitor used to create the contact is theirs too)."""
    if signed_contact_id == contact_id:
        return True
    if visitor_id is None:
        return False
    return repository.identified_visitors(session, [visitor_id]).get(visitor_id) == contact_id


def _fill_empty_fields(session: Session, contact: Contact, data: ContactCreate) -> list[str]:
    """An unproven post to a known contact: its values go only where the contact has none,
    and consent only where none was ever stated (an opt-out stays: it is the person's own
    word against a stranger's tick). Returns the fields kept aside."""
    given = {f: getattr(data, f) for f in CONTACT_FIELDS if getattr(data, f)}
    fill, kept = contacts.split_values(contact, given)
    changes: dict[str, Any] = dict(fill)
    if data.email_opt_in == "opted_in" and contact.email_opt_in == "unknown":
        changes |= data.model_dump(include={"email_opt_in", "consent_source", "consent_text_shown"})
    if changes:
        contacts.update_contact(session, contact.id, ContactUpdate(**changes), actor=FORMS)
    return kept


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
