"""The message a marketing send puts on the wire (assembled as bytes, not by the ``email``
package): what a reader's mail program gets back from it, through a real SMTP server."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import cast

from sqlalchemy.orm import Session

from huddle.mailing import service
from tests.contacts.factories import make_contact
from tests.mailing.conftest import Inbox, deliver_queued
from tests.mailing.factories import make_template


def test_long_subjects_dotted_lines_long_words_and_tabs_arrive_as_written(
    db: Session, smtp: Inbox
) -> None:
    name = "Zoë-Ångström " * 8  # a subject far longer than one encoded word
    contact = make_contact(db, first_name=name.strip(), email="zoe@dots.example")
    word = "x" * 1500  # longer than an SMTP line may be
    text = f"Hello {{{{ contact.first_name }}}}\n.\n.. two dots\n{word}\ntab\tand = sign\n"
    template = make_template(
        db,
        subject="News for {{ contact.first_name }} — ünïcode",
        text_body=text,
        html_body=f"<p>Hello {{{{ contact.first_name }}}}</p>\n.<p>{word}</p>",
    )

    service.send_template_to_contact(
        db, template_id=template.id, contact_id=contact.id, idempotency_key="bytes:zoe"
    )
    assert deliver_queued(db) == 1

    [(_, _, raw)] = smtp.messages
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    message = cast(EmailMessage, message_from_bytes(raw, policy=policy.default))
    assert message.defects == []
    assert message["Subject"] == f"News for {name.strip()} — ünïcode"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert _lines(plain).startswith(
        f"Hello {name.strip()}\n.\n.. two dots\n{word}\ntab\tand = sign\n"
    )
    assert f"\n.<p>{word}</p>" in _lines(html)


def _lines(part: EmailMessage) -> str:
    # The wire's line ends (CRLF) are a mail program's line ends.
    return str(part.get_content()).replace("\r\n", "\n")
