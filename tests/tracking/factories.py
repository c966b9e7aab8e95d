"""Sites and forms for tracking tests, made through the real services."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.tracking import service
from huddle.tracking.models import Form, Site
from huddle.tracking.schemas import FormCreate, SiteCreate

ORIGIN = "https://www.acme-rockets.example"
THANKS = "https://www.acme-rockets.example/thanks"
FIELDS: list[dict[str, Any]] = [
    {"name": "email", "label": "Work email", "type": "email", "required": True},
    {"name": "first_name", "label": "First name"},
    {"name": "company", "label": "Company"},
    {"name": "consent", "label": "Send me news", "type": "checkbox"},
]


def make_site(session: Session, **overrides: Any) -> Site:
    data: dict[str, Any] = {
        "name": "Acme Rockets website",
        "allowed_origins": [ORIGIN],
        "allowed_redirects": [THANKS],
    }
    data.update(overrides)
    return service.create_site(session, SiteCreate(**data), actor=SYSTEM)


def make_form(session: Session, site: Site, **overrides: Any) -> Form:
    data: dict[str, Any] = {
        "site_id": site.id,
        "name": "Pricing guide",
        "fields": FIELDS,
        "consent_field": "consent",
        "consent_text": "We will email you about rockets. Unsubscribe any time.",
        "thank_you_url": THANKS,
        "min_fill_seconds": 3,
    }
    data.update(overrides)
    return service.create_form(session, FormCreate(**data), actor=SYSTEM)
