"""Email templates: saved only when they render safely (``rendering.check_template``), and
previewed for a real contact with that contact's own values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ValidationFailed, found
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.mailing import rendering, repository
from huddle.mailing.events import EmailTemplateChanged
from huddle.mailing.models import EmailTemplate
from huddle.mailing.schemas import TemplateWrite

# A preview's unsubscribe link goes nowhere: nobody is unsubscribed by testing it.
PREVIEW_UNSUBSCRIBE_URL = "#unsubscribe"
_FIELD_OF_PART = {"subject": "subject", "html": "html_body", "text": "text_body"}


def check_may_manage(actor: Actor) -> None:
    """For pages that only show a form: 403 unless the actor may manage email."""
    require(actor, Action.EMAIL_MANAGE)


def list_templates(session: Session, *, actor: Actor) -> Sequence[EmailTemplate]:
    require(actor, Action.EMAIL_MANAGE)
    return repository.templates(session)


def template_names(session: Session) -> dict[int, str]:
    """Every template's name by id: for a workflow's email steps, which name the template
    they send (the workflow's editors need not be the templates' editors)."""
    return {found.id: found.name for found in repository.templates(session)}


def templates_by_id(session: Session) -> dict[int, EmailTemplate]:
    """Every template by id: for a workflow's batch of email steps, read once."""
    return {found.id: found for found in repository.templates(session)}


def get_template(session: Session, template_id: int, *, actor: Actor) -> EmailTemplate:
    require(actor, Action.EMAIL_MANAGE)
    return template_or_404(session, template_id)


def template_or_404(session: Session, template_id: int) -> EmailTemplate:
    return found(repository.template(session, template_id), "email template")


def create_template(session: Session, data: TemplateWrite, *, actor: Actor) -> EmailTemplate:
    """A new template; ``ValidationFailed`` naming the field (and line) of a template that
    could not render safely: nothing is stored then."""
    require(actor, Action.EMAIL_MANAGE)
    _check(session, data, None)
    template = EmailTemplate(
        name=data.name, subject=data.subject, html_body=data.html_body, text_body=data.text_body
    )
    session.add(template)
    session.flush()
    _changed(session, template.id, "created", actor)
    return template


def update_template(
    session: Session, template_id: int, data: TemplateWrite, *, actor: Actor
) -> EmailTemplate:
    require(actor, Action.EMAIL_MANAGE)
    template = template_or_404(session, template_id)
    _check(session, data, template_id)
    template.name, template.subject = data.name, data.subject
    template.html_body, template.text_body = data.html_body, data.text_body
    session.flush()
    _changed(session, template.id, "updated", actor)
    return template


def delete_template(session: Session, template_id: int, *, actor: Actor) -> None:
    """The send log keeps its rows (their template is then unknown)."""
    require(actor, Action.EMAIL_MANAGE)
    session.delete(template_or_404(session, template_id))
    session.flush()
    _changed(session, template_id, "deleted", actor)


def check_source(data: TemplateWrite) -> None:
    """``ValidationFailed`` on the field of the first part that cannot render safely."""
    try:
        rendering.check_template(_source_of(data))
    except rendering.TemplateProblem as problem:
        field = _FIELD_OF_PART[problem.part]
        raise ValidationFailed(
            "the template cannot be used", [FieldError(field, problem.message)]
        ) from problem


def _check(session: Session, data: TemplateWrite, template_id: int | None) -> None:
    same_name = repository.template_by_name(session, data.name)
    if same_name is not None and same_name.id != template_id:
        raise ResourceAlreadyExists(f"a template named {data.name!r} exists already")
    check_source(data)


def _source_of(data: TemplateWrite | EmailTemplate) -> rendering.TemplateSource:
    return rendering.TemplateSource(subject=data.subject, html=data.html_body, text=data.text_body)


def source_of(template: EmailTemplate) -> rendering.TemplateSource:
    return _source_of(template)


def _changed(session: Session, template_id: int, change: str, actor: Actor) -> None:
    publish(
        session,
        EmailTemplateChanged(template_id=template_id, change=change, at=clock.now(), actor=actor),
    )


# --- values and preview ----------------------------------------------------------------------


def contact_values(session: Session, contact_id: int, *, unsubscribe_url: str) -> dict[str, Any]:
    """The plain values a template sees for a contact: its fields, its account's, and both
    one's custom fields (copies: nothing of Huddle's reaches the sandbox)."""
    contact = contacts.get_contact(session, contact_id)
    values = rendering.sample_values()
    values["contact"] = {
        **{name: getattr(contact, name) for name in rendering.CONTACT_FIELDS},
        "custom": _plain(contact.custom),
    }
    if contact.account_id is not None:
        account = contacts.get_account(session, contact.account_id)
        values["account"] = {
            **{name: getattr(account, name) for name in rendering.ACCOUNT_FIELDS},
            "custom": _plain(account.custom),
        }
    values["unsubscribe_url"] = unsubscribe_url
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def preview(
    session: Session,
    template_id: int | None,
    contact_id: int | None,
    *,
    actor: Actor,
    draft: TemplateWrite | None = None,
) -> rendering.Rendered:
    """The message ``contact_id`` would get (a contact with no field filled when None), of
    ``draft`` when given (the edit form's live preview, checked as a save would be), else
    of the saved template; without tracking or sending."""
    require(actor, Action.EMAIL_MANAGE)
    if draft is not None:
        check_source(draft)
        source = _source_of(draft)
    else:
        source = _source_of(template_or_404(session, template_id or 0))
    if contact_id is None:
        values = rendering.sample_values()
        values["unsubscribe_url"] = PREVIEW_UNSUBSCRIBE_URL
    else:
        values = contact_values(session, contact_id, unsubscribe_url=PREVIEW_UNSUBSCRIBE_URL)
    try:
        return rendering.render(source, values)
    except rendering.TemplateProblem as problem:
        raise ValidationFailed(
            "the template cannot be rendered",
            [FieldError(_FIELD_OF_PART[problem.part], problem.message)],
        ) from problem
