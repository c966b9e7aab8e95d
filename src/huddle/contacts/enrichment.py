"""Company enrichment: fill the empty fields of an account from a provider, never a person's.

The built-in provider is a table the admin loads from a CSV
(``contacts.importing.companies.load_companies_csv``);
another provider (an HTTP API) only has to implement :class:`EnrichmentProvider`.

What enrichment fills is listed in ``account.enriched_fields``: a later enrichment may
refresh those fields, but a field a person set (or edited since) is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.models import Account
from huddle.contacts.schemas import ACCOUNT_FIRMOGRAPHICS
from huddle.contacts.schemas.normalize import normalize_domain

ENRICHABLE_FIELDS = ACCOUNT_FIRMOGRAPHICS


@dataclass(frozen=True)
class CompanyData:
    domain: str
    name: str | None = None
    industry: str | None = None
    employee_count: int | None = None
    annual_revenue: float | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    technologies: tuple[str, ...] = field(default_factory=tuple)


class EnrichmentProvider(Protocol):
    def lookup(self, domain: str) -> CompanyData | None: ...


class TableProvider:
    """Looks companies up in the ``enrichment_companies`` table."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def lookup(self, domain: str) -> CompanyData | None:
        key = normalize_domain(domain)
        row = repository.enrichment_company(self._session, key) if key else None
        if row is None:
            return None
        return CompanyData(
            domain=row.domain,
            name=row.name,
            industry=row.industry,
            employee_count=row.employee_count,
            annual_revenue=row.annual_revenue,
            country=row.country,
            region=row.region,
            city=row.city,
            technologies=tuple(row.technologies or ()),
        )


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == ()


def enrich_account(session: Session, account: Account, provider: EnrichmentProvider) -> list[str]:
    """Fill the account's empty fields (and refresh fields enrichment filled before) from
    ``provider``; returns the fields whose value changed. A person's value stays."""
    if not account.domain:
        return []
    data = provider.lookup(account.domain)
    if data is None:
        return []
    enriched = set(account.enriched_fields or ())
    changed: list[str] = []
    for name in ENRICHABLE_FIELDS:
        value: Any = getattr(data, name)
        if name == "technologies":
            value = list(value)
        current = getattr(account, name)
        if _is_empty(value) or not (_is_empty(current) or name in enriched):
            continue
        enriched.add(name)
        if current != value:
            setattr(account, name, value)
            changed.append(name)
    # A new list, so the JSON column sees the change.
    account.enriched_fields = sorted(enriched)
    session.flush()
    return changed
