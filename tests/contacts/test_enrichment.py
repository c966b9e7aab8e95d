"""Enrichment: loading the companies table, and filling only what nobody entered."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.enrichment import CompanyData, TableProvider, enrich_account
from huddle.contacts.importing.companies import load_companies_csv
from huddle.contacts.models import EnrichmentCompany
from huddle.contacts.schemas import AccountCreate, AccountUpdate
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from tests.contacts.factories import make_account

HEADER = "domain,name,industry,employee_count,annual_revenue,country,region,city,technologies\n"


def _csv(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "companies.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


class Fixed:
    """A provider answering the same company for any domain (stands in for an HTTP API)."""

    def __init__(self, data: CompanyData) -> None:
        self.data = data

    def lookup(self, domain: str) -> CompanyData | None:
        return self.data


def test_load_companies_upserts_by_normalised_domain(db: Session, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        'https://www.Initech.com/,Initech,Software,"1,200",5000.5,US,CA,Austin,Py; Pg;\n'
        "globex.com,Globex,Energy,,,,,,\n"
        "initech.com,Initech Inc,Software,1300,,US,,,Go\n",
    )
    assert load_companies_csv(db, path) == 3
    initech = TableProvider(db).lookup("WWW.INITECH.COM")
    assert initech == CompanyData(
        domain="initech.com",
        name="Initech Inc",  # the later row of the same domain wins
        industry="Software",
        employee_count=1300,
        annual_revenue=None,
        country="US",
        region=None,
        city=None,
        technologies=("Go",),
    )
    path.write_text(HEADER + "globex.com,Globex Corporation,Energy,50,,,,,Java;Kafka\n")
    assert load_companies_csv(db, path) == 1
    globex = TableProvider(db).lookup("globex.com")
    assert globex is not None
    assert (globex.name, globex.employee_count, globex.technologies) == (
        "Globex Corporation",
        50,
        ("Java", "Kafka"),
    )


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_loaded(
    db: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "good.com,Good,,,,,,,\n"
        "not a domain,Bad,,,,,,,\n"
        "\n"
        "fine.com,Fine,,twelve,-5,,,,\n"
        ",Nameless,,,,,,,\n",
    )
    with pytest.raises(ValidationFailed) as caught:
        load_companies_csv(db, path)
    problems = [(e.field, e.message.split(":")[0]) for e in caught.value.errors]
    assert problems == [
        ("domain", "line 3"),
        ("employee_count", "line 5"),
        ("annual_revenue", "line 5"),
        ("domain", "line 6"),
    ]
    assert db.scalar(select(func.count()).select_from(EnrichmentCompany)) == 0


def test_an_unknown_or_missing_column_is_refused(db: Session, tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        load_companies_csv(db, _csv(tmp_path, "x,y\n", header="name,headcount\n"))
    assert {e.field for e in caught.value.errors} == {"headcount", "domain"}


def test_enrichment_fills_empty_fields_only_and_never_a_persons_value(db: Session) -> None:
    account = make_account(
        db, name="Hooli (our name)", domain="hooli.com", industry=None, city="Palo Alto"
    )
    provider = Fixed(
        CompanyData(
            domain="hooli.com",
            name="Hooli Inc",
            industry="Internet",
            employee_count=30000,
            city="Mountain View",
            technologies=("Go",),
        )
    )
    changed = enrich_account(db, account, provider)
    assert sorted(changed) == ["employee_count", "industry", "technologies"]
    assert (account.name, account.city) == ("Hooli (our name)", "Palo Alto")
    assert (account.industry, account.employee_count, account.technologies) == (
        "Internet",
        30000,
        ["Go"],
    )
    assert account.enriched_fields == ["employee_count", "industry", "technologies"]

    # Enrichment may refresh what it filled ...
    provider.data = CompanyData(domain="hooli.com", industry="Search", employee_count=31000)
    assert sorted(enrich_account(db, account, provider)) == ["employee_count", "industry"]
    # ... until a person sets the field: from then on it is theirs.
    service.update_account(
        db, account.id, AccountUpdate(industry="Moonshots"), actor=Actor.system()
    )
    assert "industry" not in account.enriched_fields
    provider.data = CompanyData(domain="hooli.com", industry="Ads")
    enrich_account(db, account, provider)
    assert account.industry == "Moonshots"


def test_a_new_account_is_enriched_but_keeps_what_was_given(db: Session, admin: User) -> None:
    db.add(
        EnrichmentCompany(
            domain="umbrella.com", name="Umbrella Corp", industry="Pharma", city="Raccoon City"
        )
    )
    db.flush()
    account, created = service.upsert_account(
        db,
        AccountCreate(name="Umbrella", domain="umbrella.com", city="London"),
        actor=Actor.user(admin.id, role="admin"),
    )
    assert created
    assert (account.name, account.industry, account.city) == ("Umbrella", "Pharma", "London")
    assert account.enriched_fields == ["industry"]


def test_enriching_an_account_without_a_domain_is_refused(db: Session) -> None:
    account = make_account(db, domain=None)
    with pytest.raises(ValidationFailed):
        service.enrich(db, account.id, actor=Actor.system())
