"""Accounts (companies): dedupe by domain, enrichment of new ones, and lists."""

from __future__ import annotations

from functools import partial

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.enrichment import EnrichmentProvider, TableProvider, enrich_account
from huddle.contacts.events import ContactsChanged
from huddle.contacts.models import Account
from huddle.contacts.repository import SortKey
from huddle.contacts.schemas import (
    ACCOUNT_FIRMOGRAPHICS,
    AccountCreate,
    AccountFilters,
    AccountSort,
    AccountUpdate,
)
from huddle.contacts.service.common import (
    Sorting,
    announce_owner_change,
    owners_touched,
    raise_if,
    require,
    user_errors,
)
from huddle.contacts.service.custom_fields import clean_custom_values
from huddle.contacts.service.upsert_rules import resolve_account
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ValidationFailed
from huddle.core.events import publish
from huddle.core.pagination import Page
from huddle.core.permissions import Action

ACCOUNT_SORTS = {
    sort: Sorting(
        sort.value,
        SortKey(getattr(Account, sort.value.removeprefix("-")), Account.id, sort.startswith("-")),
        "text" if "name" in sort.value else "datetime",
    )
    for sort in AccountSort
}
# Plain value fields a person may set; custom values and the domain have rules of their own.
_VALUE_FIELDS = (*ACCOUNT_FIRMOGRAPHICS, "owner_id", "is_target")


def get_account(session: Session, account_id: int) -> Account:
    return require(repository.account(session, account_id), "account", account_id)


def upsert_account(
    session: Session,
    data: AccountCreate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None = None,
) -> tuple[Account, bool]:
    """Dedupe on the normalised domain (or, without one, the exact name): an existing
    account gets the fields given; a new one is enriched. Returns (account, created).
    Sales reps create accounts for themselves or nobody, and update only their own or
    unassigned ones."""
    permissions.require(actor, Action.ACCOUNT_EDIT)
    existing = (
        repository.account_by_domain(session, data.domain)
        if data.domain
        else repository.account_by_name(session, data.name)
    )
    if existing is not None:
        changes = AccountUpdate.model_validate(data.model_dump(include=data.model_fields_set))
        return _apply(session, existing, changes, actor=actor), False
    permissions.require_owned(actor, Action.ACCOUNT_EDIT, data.owner_id)
    raise_if(user_errors(session, {"owner_id": data.owner_id}), "unknown owner")
    values = data.model_dump(exclude={"custom"}, exclude_none=True)
    values["custom"] = clean_custom_values(session, "account", data.custom, current={})
    account = create_account(session, provider=provider, **values)
    return account, True


def create_account(
    session: Session, *, provider: EnrichmentProvider | None = None, **values: object
) -> Account:
    """Insert an account and enrich it. A concurrent insert of the same domain is not an
    error: that account is returned instead."""
    account = Account(**values)
    try:
        with session.begin_nested():
            session.add(account)
            session.flush()
    except IntegrityError:
        domain = values.get("domain")
        found = repository.account_by_domain(session, domain) if isinstance(domain, str) else None
        if found is None:
            raise
        return found
    enrich_account(session, account, provider or TableProvider(session))
    return account


class QueriedAccounts:
    """``upsert_rules.resolve_account``'s lookups for one contact: a query each."""

    def __init__(self, session: Session, provider: EnrichmentProvider | None) -> None:
        self._session = session
        self._provider = provider

    def by_name(self, name: str) -> Account | None:
        return repository.account_by_name(self._session, name)

    def by_domain(self, domain: str) -> Account | None:
        return repository.account_by_domain(self._session, domain)

    def create(self, name: str, domain: str | None, *, enriched: list[str]) -> Account:
        return create_account(
            self._session,
            provider=self._provider,
            name=name,
            domain=domain,
            enriched_fields=enriched,
        )


def account_for_company(
    session: Session,
    *,
    domain: str | None = None,
    name: str | None = None,
    provider: EnrichmentProvider | None = None,
) -> Account | None:
    """The account of a company (domain and/or name), found or created by the upsert's
    rules (``upsert_rules.resolve_account``): for records that name a company but are no
    contact, a deal's, say."""
    return resolve_account(QueriedAccounts(session, provider), domain, name)


def update_account(
    session: Session, account_id: int, data: AccountUpdate, *, actor: Actor
) -> Account:
    """Change the fields given. Each becomes a person's value: enrichment never touches it
    again. Sales reps change only their own or unassigned accounts (their owner too)."""
    permissions.require(actor, Action.ACCOUNT_EDIT)
    return _apply(session, get_account(session, account_id), data, actor=actor)


def _apply(session: Session, account: Account, data: AccountUpdate, *, actor: Actor) -> Account:
    given = data.model_fields_set
    permissions.require_owned(actor, Action.ACCOUNT_EDIT, *owners_touched(account.owner_id, data))
    errors = user_errors(session, {"owner_id": data.owner_id})
    if "domain" in given and data.domain and data.domain != account.domain:
        other = repository.account_by_domain(session, data.domain)
        if other is not None:
            raise ResourceAlreadyExists(f"account {other.id} already has the domain {data.domain}")
    if "name" in given and data.name is None:
        errors.append(FieldError("name", "an account needs a name"))
    raise_if(errors, "invalid account")
    if "custom" in given:
        account.custom = clean_custom_values(
            session, "account", data.custom, current=account.custom
        )
    owner_before = account.owner_id
    for field in (*_VALUE_FIELDS, "domain"):
        if field in given:
            value = getattr(data, field)
            if field in {"technologies", "is_target"} and value is None:
                value = [] if field == "technologies" else False
            setattr(account, field, value)
    person_set = given & set(_VALUE_FIELDS)
    if person_set & set(account.enriched_fields or ()):
        account.enriched_fields = sorted(set(account.enriched_fields) - person_set)
    session.flush()
    announce_owner_change(
        session, "account", account.id, before=owner_before, after=account.owner_id, actor=actor
    )
    if given - {"owner_id"}:  # as for contacts: a new owner alone changes no fit
        publish(session, ContactsChanged(contact_ids=(), account_ids=(account.id,), actor=actor))
    return account


def enrich(
    session: Session, account_id: int, *, actor: Actor, provider: EnrichmentProvider | None = None
) -> list[str]:
    """Enrich an existing account now; returns the fields that changed."""
    permissions.require(actor, Action.ACCOUNT_EDIT)
    account = get_account(session, account_id)
    permissions.require_owned(actor, Action.ACCOUNT_EDIT, account.owner_id)
    if not account.domain:
        raise ValidationFailed(
            "an account without a domain cannot be enriched",
            [FieldError("domain", "set the account's domain first")],
        )
    changed = enrich_account(session, account, provider or TableProvider(session))
    if changed:
        publish(session, ContactsChanged(contact_ids=(), account_ids=(account.id,), actor=actor))
    return changed


def list_accounts(
    session: Session,
    filters: AccountFilters | None = None,
    *,
    sort: AccountSort = AccountSort.NAME,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Account]:
    fetch = partial(repository.account_page, session, filters or AccountFilters())
    return ACCOUNT_SORTS[sort].page_of(fetch, cursor, limit)
