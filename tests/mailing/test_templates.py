"""Email templates: personalised from the contact's and account's fields with fallbacks,
plain text derived from the HTML, and template-injection payloads refused when saved (with
the field and line) and never run, even when one reaches the table some other way."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.core.errors import ResourceAlreadyExists, ValidationFailed
from huddle.mailing import rendering, service
from huddle.mailing.models import EmailSend, EmailTemplate
from huddle.mailing.schemas import TemplateWrite
from tests.contacts.factories import make_account, make_contact
from tests.mailing.conftest import Inbox, deliver_queued
from tests.mailing.factories import make_template

PAYLOADS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ contact['__class__'] }}",
    "{{ contact | attr('__class__') }}",
    "{{ contact.items() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ config }}",
    "{{ request.application }}",
    "{{ self._TemplateReference__context }}",
    "{{ 'a' * 100000000 }}",
    "{{ 9 ** 999999 }}",
    "{% include '/etc/passwd' %}",
    "{{ contact.first_name | safe }}",
    "{{ unclosed",
]


def _write(**overrides: str | None) -> TemplateWrite:
    values: dict[str, str | None] = {
        "name": "Nurture 1",
        "subject": "Hi {{ contact.first_name | default('there') }}",
        "html_body": "<p>Hello {{ contact.first_name | default('there') }}</p>",
        "text_body": None,
    }
    values.update(overrides)
    return TemplateWrite.model_validate(values)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["subject", "html_body", "text_body"])
def test_injection_payloads_are_refused_on_save_naming_the_field(
    db: Session, payload: str, field: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        service.create_template(db, _write(**{field: payload}), actor=SYSTEM)

    assert [error.field for error in refused.value.errors] == [field]
    assert db.scalar(select(func.count()).select_from(EmailTemplate)) == 0


def test_a_payload_that_reached_the_table_is_not_run_the_send_fails_saying_why(
    db: Session, smtp: Inbox
) -> None:
    template = make_template(db, html_body="{{ ''.__class__.__mro__[1].__subclasses__() }}")
    outcome = service.send_template_to_contact(
        db, template_id=template.id, contact_id=make_contact(db).id, idempotency_key="k"
    )

    deliver_queued(db)

    send = db.get(EmailSend, outcome.send_id)
    assert send is not None and send.status == "failed" and send.reason
    assert smtp.messages == []


def test_personalisation_uses_fields_custom_fields_and_fallbacks(db: Session) -> None:
    account = make_account(db, name="Initech", industry="Software", custom={"tier": "gold"})
    known = make_contact(db, first_name="Ada", account=account, custom={"plan": "Pro"})
    unknown = make_contact(db, first_name=None)
    template = service.create_template(
        db,
        _write(
            html_body=(
                "<p>Dear {{ contact.first_name | default('reader') }}"
                "{% if account.name %} at {{ account.name }} ({{ account.custom.tier }}){% endif %}"
                ", plan {{ contact.custom.plan | default('none') | upper }}.</p>"
            )
        ),
        actor=SYSTEM,
    )

    for_known = service.preview(db, template.id, known.id, actor=SYSTEM)
    for_unknown = service.preview(db, template.id, unknown.id, actor=SYSTEM)

    assert for_known.subject == "Hi Ada"
    assert for_known.html == "<p>Dear Ada at Initech (gold), plan PRO.</p>"
    assert for_unknown.subject == "Hi there"
    assert for_unknown.html == "<p>Dear reader, plan NONE.</p>"
    assert for_unknown.text == "Dear reader, plan NONE.\n"


def test_contact_values_are_escaped_in_html_but_not_in_text(db: Session) -> None:
    contact = make_contact(db, first_name="<script>alert(1)</script>")
    template = service.create_template(db, _write(), actor=SYSTEM)

    shown = service.preview(db, template.id, contact.id, actor=SYSTEM)

    assert "<script>" not in shown.html and "&lt;script&gt;" in shown.html
    assert shown.subject == "Hi <script>alert(1)</script>"


def test_text_is_derived_from_html_with_links_and_paragraphs() -> None:
    text = rendering.html_to_text(
        "<html><head><style>p{}</style></head><body><h1>News</h1><p>Read "
        '<a href="https://acme.example/a">our guide</a>.</p><ul><li>One</li><li>Two</li>'
        "</ul></body></html>"
    )

    assert text == "News\n\nRead our guide (https://acme.example/a).\n\n- One\n- Two\n"


def test_names_are_unique_and_updates_are_checked_too(db: Session) -> None:
    first = service.create_template(db, _write(), actor=SYSTEM)
    with pytest.raises(ResourceAlreadyExists):
        service.create_template(db, _write(name="nurture 1"), actor=SYSTEM)
    with pytest.raises(ValidationFailed):
        service.update_template(db, first.id, _write(html_body="{{ x.__dict__ }}"), actor=SYSTEM)
