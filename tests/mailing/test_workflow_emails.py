"""A workflow's "send an email" step: the message reaches the real SMTP server once; a
suppressed address gets nothing while the workflow goes on; a contact who asked for no email
leaves the workflow before the step."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.assets import service as assets
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.mailing import service as mailing
from huddle.mailing.schemas import SuppressionWrite
from huddle.workflows import service as workflows
from huddle.workflows.schemas import WorkflowWrite
from tests.assets.factories import converted, downloads, make_asset
from tests.assets.test_next_best import START
from tests.contacts.factories import make_contact
from tests.mail import SmtpServer
from tests.mailing.conftest import deliver_queued
from tests.mailing.factories import make_template
from tests.workflows.factories import enrol, make_list, make_workflow, outcomes, run


def test_the_email_step_sends_once_and_skips_who_may_not_be_mailed(
    db: Session, smtp_server: SmtpServer
) -> None:
    welcome = make_template(db, name="Welcome", subject="Welcome, {{ contact.first_name }}")
    nurtured = make_list(db, "Nurtured")
    workflow = make_workflow(
        db,
        [
            {"id": "mail", "kind": "send_email", "template_id": welcome.id, "next": "tag"},
            {"id": "tag", "kind": "add_to_list", "list_id": nurtured.id},
        ],
    )
    ana = make_contact(db, first_name="Ana", email="ana@mailable.example.org")
    # Bob's address bounced: the mailing domain refuses it, the workflow goes on. Cleo asked
    # for no email: the workflow's exit criteria end her enrolment before the step.
    bob = make_contact(db, first_name="Bob", email="bob@bounced.example.org")
    mailing.add_suppression(
        db, SuppressionWrite(email="bob@bounced.example.org", reason="bounce"), actor=SYSTEM
    )
    cleo = make_contact(db, first_name="Cleo", do_not_email=True)
    ana_run, bob_run = enrol(db, workflow, ana.id), enrol(db, workflow, bob.id)
    cleo_run = enrol(db, workflow, cleo.id)

    run(db)
    deliver_queued(db)
    run(db)  # nothing is due again: the step's send is not repeated
    deliver_queued(db)

    assert outcomes(db, ana_run) == [("mail", "done"), ("tag", "done")]
    assert outcomes(db, bob_run) == [("mail", "skipped"), ("tag", "done")]
    assert outcomes(db, cleo_run) == [("mail", "exited")]
    received = smtp_server.inbox.messages
    assert [recipients for _, recipients, _ in received] == [["ana@mailable.example.org"]]
    assert b"Welcome, Ana" in received[0][2]


def test_a_workflow_naming_a_missing_template_is_refused_with_the_step(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        workflows.create_workflow(
            db,
            WorkflowWrite.model_validate(
                {
                    "name": "Broken",
                    "steps": [{"id": "mail", "kind": "send_email", "template_id": 999_999}],
                }
            ),
            actor=SYSTEM,
        )
    assert [e.field for e in refused.value.errors or []] == ["steps.0.template_id"]


def test_the_next_best_asset_step_sends_the_asset_and_says_why_on_the_timeline(
    db: Session, smtp_server: SmtpServer
) -> None:
    guide, roi = make_asset(db, "Buyer's guide"), make_asset(db, "ROI calculator")
    reader = make_contact(db)
    converted(db, reader, "sql", downloads(db, reader, [guide, roi], start=START))
    template = make_template(
        db,
        name="Next read",
        subject="Read next: {{ asset.title }}",
        html_body='<p>Try <a href="{{ asset.url }}">{{ asset.title }}</a>.</p>',
    )
    workflow = make_workflow(
        db, [{"id": "next", "kind": "send_next_asset", "template_id": template.id}]
    )
    ana = make_contact(db, first_name="Ana", email="ana@reader.example.org")
    downloads(db, ana, [guide], start=START + timedelta(days=10))
    enrolment = enrol(db, workflow, ana.id)

    run(db)
    deliver_queued(db)

    assert outcomes(db, enrolment) == [("next", "done")]
    [(_, recipients, raw)] = smtp_server.inbox.messages
    assert recipients == ["ana@reader.example.org"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Read next: ROI calculator"
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "ROI calculator</a>" in html and "/e/c/" in html  # the asset's link, tracked
    [item] = workflows.timeline_source(db, ana.id)(None, 10)
    assert item.title.endswith("Send the next best asset")
    assert item.body == (
        "“ROI calculator”: converters read it next 1 time after “Buyer's guide”; "
        "Next read queued for sending"
    )
    # Sent, so never chosen for Ana again: she has read or been sent every approved asset.
    assert assets.next_best_asset(db, ana.id) is None
