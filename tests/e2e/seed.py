"""A small, realistic company for the browser tests, written through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.auth.schemas import UserCreate
from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate, TouchCreate
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import ContactRole, OpportunityCreate

REP_EMAIL = "sam.sales@huddle.example"
MARKETER_EMAIL = "mia.marketing@huddle.example"


@dataclass(frozen=True)
class Seeded:
    admin_email: str
    star_id: int
    star_account_id: int
    ids: dict[str, int]


PEOPLE = [
    # email, first, last, title, stage, company
    ("wile@acme-rockets.example", "Wile", "Coyote", "Head of Procurement", "lead", "Acme Rockets"),
    ("road@acme-rockets.example", "Road", "Runner", "CTO", "sql", "Acme Rockets"),
    ("hank@globex.example", "Hank", "Scorpio", "CEO", "opportunity", "Globex"),
    ("frank@globex.example", "Frank", "Grimes", "Safety Inspector", "mql", "Globex"),
    ("marge@initech.example", "Marge", "Bouvier", "VP Marketing", "sal", "Initech"),
    ("peter@initech.example", "Peter", "Gibbons", "Software Engineer", "lead", "Initech"),
    ("milton@initech.example", "Milton", "Waddams", "Collator", "subscriber", "Initech"),
    ("lisa@umbrella.example", "Lisa", "Simpson", "Research Director", "mql", "Umbrella"),
    ("ned@umbrella.example", "Ned", "Flanders", "Office Manager", "customer", "Umbrella"),
    ("selma@gmail.com", "Selma", "Bouvier", None, "lead", None),
]


def seed(session: Session, *, admin_email: str, password: str) -> Seeded:
    admin = auth_service.create_user(
        session,
        UserCreate(
            email=admin_email, name="Rita Revops", team="revops", role="admin", password=password
        ),
        actor=SYSTEM,
    )
    rep = auth_service.create_user(
        session,
        UserCreate(
            email=REP_EMAIL,
            name="Sam Sales",
            team="sales",
            role="sales_rep",
            password=password,
        ),
        actor=SYSTEM,
    )
    auth_service.create_user(
        session,
        UserCreate(
            email=MARKETER_EMAIL,
            name="Mia Marketing",
            team="marketing",
            role="marketing",
            password=password,
        ),
        actor=SYSTEM,
    )
    by_admin = Actor.user(admin.id, role="admin")
    ids: dict[str, int] = {}
    accounts: dict[str, int] = {}
    for email, first, last, title, stage, company in PEOPLE:
        contact, _ = contacts.upsert_contact(
            session,
            ContactCreate(
                email=email,
                first_name=first,
                last_name=last,
                job_title=title,
                company=company,
                lifecycle_stage=stage,
                owner_id=rep.id if stage in ("mql", "sal", "sql", "opportunity") else None,
                email_opt_in="opted_in" if stage != "subscriber" else "unknown",
                consent_source="pricing page form",
            ),
            actor=by_admin,
        )
        ids[email] = contact.id
        if contact.account_id is not None and company:
            accounts[company] = contact.account_id
        contacts.record_touch(
            session,
            TouchCreate(
                contact_id=contact.id,
                type="page_view",
                occurred_at=clock.now() - timedelta(days=3),
                properties={"utm_source": "linkedin", "url": "/blog/aligning-sales-and-marketing"},
            ),
            actor=Actor.system("tracking"),
        )
    star = ids["wile@acme-rockets.example"]
    contacts.record_touch(
        session,
        TouchCreate(
            contact_id=star,
            type="form_submit",
            occurred_at=clock.now() - timedelta(hours=5),
            properties={
                "utm_source": "google",
                "utm_campaign": "spring-webinar",
                "form": "Pricing guide",
            },
        ),
        actor=Actor.system("tracking"),
    )
    lifecycle.transition_stage(
        session, star, "mql", actor=by_admin, reason="Downloaded the pricing guide"
    )
    contacts.add_note(
        session, contact_id=star, body="Asked about volume discounts for anvils.", actor=by_admin
    )
    for name, company, amount, stage, people in (
        (
            "Acme Rockets — launch platform",
            "Acme Rockets",
            48000,
            "discovery",
            ["road@acme-rockets.example"],
        ),
        ("Globex — enterprise plan", "Globex", 125000, "negotiation", ["hank@globex.example"]),
        ("Initech — team seats", "Initech", 18500, "qualification", ["marge@initech.example"]),
        ("Umbrella — renewal", "Umbrella", 62000, "proposal", []),
    ):
        lifecycle.create_opportunity(
            session,
            OpportunityCreate(
                name=name,
                account_id=accounts[company],
                amount=amount,
                pipeline_stage=stage,
                owner_id=rep.id,
                expected_close_date=clock.now().date() + timedelta(days=21),
                contacts=[ContactRole(contact_id=ids[e], role="decision_maker") for e in people],
            ),
            actor=by_admin,
        )
    return Seeded(admin_email, star, accounts["Acme Rockets"], ids)
