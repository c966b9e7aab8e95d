"""What a row makes of the contact it creates, worked out before its chunk is applied.

A new contact's fields, its consent changes, the company it is linked by and, when the
row dates its stages, its stage and dates follow from the row alone (``upsert_rules``,
``history.new_contact_dates``). A running import works them out in its reading thread
(``ahead.ReadAhead``), while the database writes the chunk before, and the chunk
(``bulk``) takes them instead of working them out itself: a million rows make that 6% of
the import thread's time. What depends on the database (whether the row's contact is new
at all, its account) stays with the chunk, and a row whose custom values are cleaned
against the database's fields is left to the chunk whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from huddle.contacts.importing import history
from huddle.contacts.importing.history import NewContactDates
from huddle.contacts.importing.rows import ParsedRow
from huddle.contacts.schemas.normalize import company_domain_of
from huddle.contacts.service import upsert_rules as rules
from huddle.contacts.service.upsert_rules import CompanyOf


@dataclass
class KnownAccounts:
    """Account ids already resolved by earlier chunks of the same import, so a file of a
    million contacts at a few thousand companies asks the database about each company once.
    A name keeps the id it first resolved to: the oldest account of that name."""

    by_name: dict[str, int] = field(default_factory=dict)
    by_domain: dict[str, int] = field(default_factory=dict)
    # The company domain of each email domain seen (None for free mail).
    company_domains: dict[str, str | None] = field(default_factory=dict)


class Domains:
    """The company domain of an email's domain: thousands of rows share a few domains, so
    each is normalised once an import (the reading thread and the chunk share the cache:
    either may add a domain, and both would add the same)."""

    def __init__(self, known: KnownAccounts) -> None:
        self._by_email_domain = known.company_domains

    def of(self, email: str) -> str | None:
        email_domain = email.rpartition("@")[2]
        try:
            return self._by_email_domain[email_domain]
        except KeyError:
            domain = self._by_email_domain[email_domain] = company_domain_of(email)
            return domain


@dataclass(frozen=True, slots=True)
class Creation:
    """A row's new contact, should it create one."""

    # ``upsert_rules.new_contact_state`` of the row (its custom values: none).
    state: dict[str, Any]
    consent: list[tuple[str, Any, Any]]
    company: CompanyOf
    # When the row dates stages: what the contact is inserted with, whenever that is.
    dates: NewContactDates | None


class Creations:
    """Gives each row its ``Creation`` (the reading thread's work)."""

    def __init__(self, known: KnownAccounts) -> None:
        self._domains = Domains(known)

    def __call__(self, row: ParsedRow) -> ParsedRow:
        data = row.data
        if "custom" in data:
            return row
        state = rules.new_contact_state(data)
        company = rules.company_of(
            data, email=data.get("email"), new=True, domain_of=self._domains.of
        )
        assert company is not None  # a new contact's company is never "unchanged"
        past = row.history
        dates = None
        if past is not None and past.moves:
            # The stage and the moment only matter to a history that dates no stage.
            dates = history.new_contact_dates(past, past.moves[-1].stage, past.moves[-1].at)
        consent = rules.consent_changes(None, state)
        return row._replace(creation=Creation(state, consent, company, dates))
