"""Small typed factories for the mailing domain's tests."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from huddle.mailing.models import EmailTemplate

WELCOME_HTML = (
    "<html><body><p>Hello {{ contact.first_name | default('there') }} of "
    "{{ account.name | default('your team') }},</p>"
    '<p><a href="https://www.acme.example/guide?x=1&amp;y=2">Read the guide</a></p>'
    "</body></html>"
)


def make_template(session: Session, **overrides: Any) -> EmailTemplate:
    """A saved template with a link; any column may be overridden."""
    values: dict[str, Any] = {
        "name": f"Welcome {uuid.uuid4().hex[:8]}",
        "subject": "Welcome, {{ contact.first_name | default('friend') }}",
        "html_body": WELCOME_HTML,
        "text_body": None,
    }
    values.update(overrides)
    template = EmailTemplate(**values)
    session.add(template)
    session.flush()
    return template
