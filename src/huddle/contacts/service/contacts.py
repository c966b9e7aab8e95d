"""Contacts: dedupe on the normalised email, the account they belong to, lists and exports."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts import repository
from huddle.contacts.enrichment import EnrichmentProvider
from huddle.contacts.events import ContactsChanged, ContactsCreated, NewContact
from huddle.contacts.models import Account, Contact
from huddle.contacts.repository import (
    EXPORT_COLUMNS,
    CustomCondition,
    ListKey,
    RankedKey,
    SortKey,
)
from huddle.contacts.schemas import (
    CONSENT_DEFAULTS,
    CONSENT_FIELDS,
    CONTACT_PROFILE_FIELDS,
    ContactCreate,
    ContactFilters,
    ContactSort,
    ContactUpdate,
    check_stage,
)
from huddle.contacts.service import upsert_rules as rules
from huddle.contacts.service import visibility
from huddle.contacts.service.accounts import QueriedAccounts
from huddle.contacts.service.common import (
    Sorting,
    announce_owner_change,
    collect,
    owners_touched,
    raise_if,
    require,
    user_errors,
)
from huddle.contacts.service.consent import record_consent
from huddle.contacts.service.custom_fields import clean_custom_values, list_custom_fields
from huddle.contacts.service.custom_filters import custom_conditions
from huddle.contacts.service.upsert_rules import DedupeKey
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ValidationFailed
from huddle.core.events import publish
from huddle.core.pagination import Page
from huddle.core.permissions import Action
from huddle.core.stages import STAGES

PROFILE_FIELDS = CONTACT_PROFILE_FIELDS
_VALUE_TYPES = {
    "created_at": "datetime",
    "updated_at": "datetime",
    "last_name": "optional_text",
    "score": "int",
    "email": "text",
    "last_touch_at": "optional_datetime",
    "stage": "optional_text",
    "owner": "optional_int",
    "company": "optional_text",
}
_NULLABLE = {"last_name", "last_touch_at"}


def _key(sort: ContactSort) -> ListKey:
    if sort.column == "stage":
        # Funnel order (STAGES lists it first), not alphabetical.
        return RankedKey(Contact.lifecycle_stage, Contact.id, sort.descending, tuple(STAGES))
    if sort.column == "company":
        return repository.company_key(descending=sort.descending)
    column = getattr(Contact, sort.column)
    return SortKey(column, Contact.id, sort.descending, nullable=sort.column in _NULLABLE)


# The sorts that need no lookup (by owner needs the users' names: ``contact_sorting``).
CONTACT_SORTS = {
    sort: Sorting(sort.value, _key(sort), _VALUE_TYPES[sort.column])
    for sort in ContactSort
    if sort.column != "owner"
}


def contact_sorting(session: Session, sort: ContactSort) -> Sorting:
    """How the list sorts: by owner is by the owners' names, unassigned last."""
    if sort.column != "owner":
        return CONTACT_SORTS[sort]
    # Every user, those who left too: their contacts keep them as owner.
    people = auth_service.list_users(session, include_inactive=True)
    owners = tuple(user.id for user in sorted(people, key=lambda u: (u.name.casefold(), u.id)))
    key = RankedKey(Contact.owner_id, Contact.id, sort.descending, owners, nulls=True)
    return Sorting(sort.value, key, _VALUE_TYPES["owner"])


SORTABLE_CUSTOM = {"text": "optional_text", "choice": "optional_text", "date": "optional_text"}


def custom_sorting(session: Session, sort_field: str) -> Sorting:
    """The list sorted by a contact's custom field (``contact.custom.<key>``, ``-`` first for
    descending), contacts without a value together at one end, then by id. Not indexed: a
    sort by a custom field reads the filtered contacts and sorts them."""
    field = sort_field.removeprefix("-")
    key = field.removeprefix("contact.custom.")
    definition = repository.custom_field_by_key(session, "contact", key)
    if not field.startswith("contact.custom.") or definition is None:
        raise ValidationFailed(
            "cannot sort by that",
            [FieldError("sort_field", f"{field!r} is not a contact's custom field")],
        )
    number = definition.field_type == "number"
    if not number and definition.field_type not in SORTABLE_CUSTOM:
        raise ValidationFailed(
            "cannot sort by that",
            [FieldError("sort_field", "sort by a text, choice, date or number field")],
        )
    extracted = Contact.custom[key]
    column = extracted.as_float() if number else extracted.as_string()
    sort_key = SortKey(
        column,
        Contact.id,
        sort_field.startswith("-"),
        nullable=True,
        value_of=lambda row: (row.custom or {}).get(key),
    )
    return Sorting(sort_field, sort_key, "optional_number" if number else "optional_text")


def get_contact(session: Session, contact_id: int) -> Contact:
    return require(repository.contact(session, contact_id), "contact", contact_id)


def contacts_by_id(session: Session, contact_ids: Collection[int]) -> dict[int, Contact]:
    """The contacts of these ids that exist, by id (a page naming the records it lists)."""
    ids = sorted(set(contact_ids))
    return {c.id: c for c in repository.contacts_by_ids(session, ids)} if ids else {}


def set_buying_stage(session: Session, contact_id: int, stage: str) -> None:
    """The contact's current buying stage, as the plays domain inferred it (its history and
    evidence are kept there); not an edit of the record: no event, no audit entry, and its
    "updated" time stays (like a touch, a new stage is activity)."""
    repository.set_buying_stage(session, contact_id, stage)


def get_contact_detail(session: Session, contact_id: int) -> Contact:
    """The contact with its account loaded (what ContactRead and the detail page show)."""
    found = repository.contact(session, contact_id, with_account=True)
    return require(found, "contact", contact_id)


def upsert_contact(
    session: Session,
    data: ContactCreate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None = None,
    key: DedupeKey = "email",
) -> tuple[Contact, bool]:
    """Create a contact, or update the one with the same key: the normalised email, else
    the external id (``key="external_id"``: the external id first, then the email).

    New: linked to its account (an explicit ``account_id`` wins, then ``company`` by name,
    then the company domain of the email, never a free-mail or reserved domain; a new
    account is enriched through ``provider``), consent recorded, ``ContactsCreated``
    published; returns (contact, True). Existing: only the fields given change, the other
    key included (the stage is not one of them: stages move through the lifecycle
    service); returns (contact, False). The rules are ``upsert_rules``', which the bulk
    import applies too.
    """
    existing = _find(session, data, key)
    if existing is None:
        permissions.require_owned(actor, Action.CONTACT_CREATE, data.owner_id)
        _require_consent_edit(actor, data, owner_id=data.owner_id)
        created = _create(session, data, actor=actor, provider=provider)
        if created is not None:
            return created, True
        # Someone else created this contact between our check and our insert.
        existing = require(_find(session, data, key), "contact", data.email or data.external_id)
    given = {
        name
        for name in data.model_fields_set - {"lifecycle_stage"}
        if not (name in rules.KEY_FIELDS and getattr(data, name) is None)
    }
    changes = ContactUpdate.model_validate(data.model_dump(include=given))
    _require_change_allowed(actor, existing, changes)
    return _apply(session, existing, changes, actor=actor, provider=provider), False


def create_contact(session: Session, data: ContactCreate, *, actor: Actor) -> Contact:
    """A new contact, entered by hand: 409 naming the existing one when its email (or
    external id) is already someone's, rather than quietly updating that contact."""
    existing = _find(session, data, "email")
    if existing is not None:
        raise ResourceAlreadyExists(f"contact {existing.id} already has this email")
    contact, _ = upsert_contact(session, data, actor=actor)
    return contact


def _find(session: Session, data: ContactCreate, key: DedupeKey) -> Contact | None:
    keys = {"email": data.email, "external_id": data.external_id}
    for name, value in rules.lookup_keys(keys, key):
        found = repository.contact_by_key(session, name, value)
        if found is not None:
            return found
    return None


def update_contact(
    session: Session,
    contact_id: int,
    data: ContactUpdate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None = None,
) -> Contact:
    """Change the fields given (not the stage: see ``lifecycle.service.transition_stage``).
    Sales reps change only their own or unassigned contacts, and give them to nobody but
    themselves."""
    contact = get_contact(session, contact_id)
    _require_change_allowed(actor, contact, data)
    return _apply(session, contact, data, actor=actor, provider=provider)


def update_contacts(
    session: Session, contact_ids: Sequence[int], data: ContactUpdate, *, actor: Actor
) -> None:
    """The same change to several contacts (a workflow batch's field set), each checked
    and applied as ``update_contact`` does; one ``ContactsChanged`` for those it changed,
    so what follows a change (rescoring) runs once for them all."""
    found = contacts_by_id(session, contact_ids)
    changed = []
    for contact_id in contact_ids:
        contact = require(found.get(contact_id), "contact", contact_id)
        _require_change_allowed(actor, contact, data)
        if _apply_change(session, contact, data, actor=actor, provider=None, flush=False):
            changed.append(contact.id)
    # One flush for them all: a flush looks over every object the session holds (a
    # workflow batch's hundreds), so one per contact cost more than the change itself.
    session.flush()
    if changed:
        publish(session, ContactsChanged(contact_ids=tuple(changed), account_ids=(), actor=actor))


def _require_change_allowed(actor: Actor, contact: Contact, data: ContactUpdate) -> None:
    """The ownership rule for the contact, and for the owner the change gives it."""
    permissions.require_owned(actor, Action.CONTACT_EDIT, *owners_touched(contact.owner_id, data))
    _require_consent_edit(actor, data, owner_id=contact.owner_id)


def _require_consent_edit(
    actor: Actor, data: ContactCreate | ContactUpdate, *, owner_id: int | None
) -> None:
    # Consent has a permission of its own: a contact's fields sent with it must not be a
    # way around it (compliance changes consent without editing contacts, and the reverse
    # must hold for any role the table gives contact.edit without consent.edit).
    if any(getattr(data, field) is not None for field in CONSENT_FIELDS):
        permissions.require_owned(actor, Action.CONSENT_EDIT, owner_id)


def apply_stage(session: Session, contact_id: int, stage: str, at: datetime) -> Contact:
    """Set the contact's stage and when it entered it. Only the lifecycle service calls
    this, after recording the transition."""
    try:
        check_stage(stage)
    except ValueError as exc:
        raise ValidationFailed("unknown stage", [FieldError("stage", str(exc))]) from exc
    contact = get_contact(session, contact_id)
    contact.lifecycle_stage = stage
    contact.stage_entered_at = at
    session.flush()
    return contact


def apply_stages(session: Session, stages: list[tuple[int, str, datetime]]) -> None:
    """``apply_stage`` for many contacts at once, (contact id, stage, entered at) each: the
    lifecycle service records an import's history set-at-a-time, then calls this."""
    for _, stage, _ in stages:
        check_stage(stage)
    session.flush()
    repository.update_contact_columns(
        session,
        [
            {"contact_id": contact_id, "lifecycle_stage": stage, "stage_entered_at": at}
            for contact_id, stage, at in stages
        ],
    )


def set_created_dates(session: Session, created: list[tuple[int, datetime]]) -> None:
    """When contacts were really created, for a history brought from another system (an
    import, or ``POST /contacts/{id}/history``): (contact id, created at) each."""
    session.flush()
    repository.update_contact_columns(
        session, [{"contact_id": contact_id, "created_at": at} for contact_id, at in created]
    )


def _create(
    session: Session,
    data: ContactCreate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None,
) -> Contact | None:
    errors = user_errors(session, {"owner_id": data.owner_id})
    account = collect(
        errors, lambda: _account_of(session, data, email=data.email, new=True, provider=provider)
    )
    custom = collect(
        errors, lambda: clean_custom_values(session, "contact", data.custom, current={})
    )
    raise_if(errors, "invalid contact")
    now = clock.now()
    given = {
        name: getattr(data, name) for name in rules.UPDATABLE if name in ContactCreate.model_fields
    }
    state = rules.new_contact_state(
        given | {"account_id": account.id if account is not None else None, "custom": custom}
    )
    contact = Contact(
        **{name: value for name, value in state.items() if name not in CONSENT_FIELDS},
        lifecycle_stage=data.lifecycle_stage,
        stage_entered_at=now,
        **CONSENT_DEFAULTS,
    )
    try:
        with session.begin_nested():
            session.add(contact)
            session.flush()
    except IntegrityError:
        if _find(session, data, "email") is None:
            raise
        return None
    _record_consent(session, contact, data, rules.consent_changes(None, state), actor=actor)
    session.flush()
    publish(
        session,
        ContactsCreated(
            contacts=(NewContact(contact.id, contact.lifecycle_stage, now),), actor=actor
        ),
    )
    return contact


def _apply(
    session: Session,
    contact: Contact,
    data: ContactUpdate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None,
) -> Contact:
    if _apply_change(session, contact, data, actor=actor, provider=provider):
        publish(session, ContactsChanged(contact_ids=(contact.id,), account_ids=(), actor=actor))
    return contact


def _apply_change(
    session: Session,
    contact: Contact,
    data: ContactUpdate,
    *,
    actor: Actor,
    provider: EnrichmentProvider | None,
    flush: bool = True,
) -> bool:
    """Apply the change (checked, consent recorded, flushed unless the caller flushes
    later); whether it is news."""
    given = {name: getattr(data, name) for name in data.model_fields_set}
    errors = user_errors(session, {"owner_id": data.owner_id})
    for key in rules.KEY_FIELDS:
        value = given.get(key)
        if value is not None and value != getattr(contact, key):
            other = repository.contact_by_key(session, key, value)
            if other is not None:
                raise ResourceAlreadyExists(f"contact {other.id} already has the {key} {value}")
    if not rules.ACCOUNT_FIELDS.isdisjoint(given):
        account = collect(
            errors,
            lambda: _account_of(
                session,
                data,
                email=given.get("email") or contact.email,
                new=False,
                provider=provider,
            ),
        )
        given["account_id"] = account.id if account is not None else None
    if "custom" in given:
        given["custom"] = collect(
            errors,
            lambda: clean_custom_values(session, "contact", data.custom, current=contact.custom),
        )
    raise_if(errors, "invalid contact")
    before = {name: getattr(contact, name) for name in rules.UPDATABLE}
    after = rules.updated_state(before, given)
    for name in rules.UPDATABLE:
        if name not in CONSENT_FIELDS and after[name] != before[name]:
            setattr(contact, name, after[name])
    _record_consent(session, contact, data, rules.consent_changes(before, after), actor=actor)
    if flush:
        session.flush()
    announce_owner_change(
        session,
        "contact",
        contact.id,
        before=before["owner_id"],
        after=contact.owner_id,
        actor=actor,
    )
    return rules.is_news(before, after)


def _record_consent(
    session: Session,
    contact: Contact,
    data: ContactCreate | ContactUpdate,
    changes: list[tuple[str, Any, Any]],
    *,
    actor: Actor,
) -> None:
    for field, old, value in changes:
        record_consent(
            session,
            contact,
            field=field,
            value=value,
            source=data.consent_source,
            text_shown=data.consent_text_shown,
            actor=actor,
            new_contact=old is None,
        )


def _account_of(
    session: Session,
    data: ContactCreate | ContactUpdate,
    *,
    email: str | None,
    new: bool,
    provider: EnrichmentProvider | None,
) -> Account | None:
    if data.account_id is not None:
        found = repository.account(session, data.account_id)
        if found is None:
            raise ValidationFailed(
                "unknown account",
                [FieldError("account_id", f"no account with id {data.account_id}")],
            )
        return found
    given = data.model_dump(include={"company", "company_domain", "account_id"}, exclude_unset=True)
    company = rules.company_of(given, email=email, new=new)
    if company is None or company.detach:
        return None  # account_id set to null, or no company named: the contact leaves it
    return rules.resolve_account(QueriedAccounts(session, provider), company.domain, company.name)


# --- lists and exports -----------------------------------------------------------------------


# Up to here the list's total is counted; beyond, it is estimated (and says "about").
EXACT_COUNT_CAP = 10_000
# Beyond this many matches (estimated) the list reads in its sort's order rather than
# through its filters' indexes and sorting every match (``repository.unindexed_for``);
# measured with bench/list.py at a million contacts: sorting 30,000 rows is still cheap.
WIDE_FILTER = 30_000


def list_contacts(
    session: Session,
    filters: ContactFilters | None = None,
    *,
    sort: ContactSort = ContactSort.CREATED_AT_DESC,
    cursor: str | None = None,
    limit: int = 50,
    actor: Actor | None = None,
    sort_field: str | None = None,
) -> Page[Contact]:
    """One page of contacts (accounts loaded) and the cursor of the next page, if any.
    A person who may not see emails cannot search by them either (that would confirm
    who is in the database); ``actor`` None is Huddle's own code. ``sort_field``: a custom
    field to sort by instead of ``sort`` (``custom_sorting``)."""
    search_email = actor is None or visibility.sees_personal(actor)
    filters = filters or ContactFilters()
    custom = custom_conditions(session, filters.where)
    sorting = custom_sorting(session, sort_field) if sort_field else contact_sorting(session, sort)
    by_stage = not sort_field and sort.column == "stage"
    if by_stage and filters.stage:
        sorting = _only_values(sorting, filters.stage)
    column = getattr(sorting.key.column, "key", None) if not sort_field else None
    ranged = not sort_field and repository.read_in_order(filters, sorting.key)
    unindexed = (
        frozenset[str]()
        if ranged
        else repository.unindexed_for(
            session, filters, column, wide=WIDE_FILTER, search_email=search_email, custom=custom
        )
    )
    few = not (sort_field or ranged) and repository.sorts_matches(
        session, filters, wide=WIDE_FILTER, search_email=search_email, custom=custom
    )
    if not (ranged or few) and _prunable(sorting, filters):
        key = sorting.key
        assert isinstance(key, RankedKey)
        found = repository.values_matched(
            session, filters, key.column, key.ranks(), search_email=search_email, custom=custom
        )
        after = sorting.after(cursor)
        # The cursor's own segment stays, matched or not since: the next page follows it.
        sorting = _only_values(sorting, found if after is None else {*found, after[0]})
    fetch = partial(
        repository.contact_page,
        session,
        filters,
        search_email=search_email,
        custom=custom,
        unindexed=unindexed,
        sort_matches=few,
    )
    return sorting.page_of(fetch, cursor, limit)


# The filters an owner's segment answers through an index of its own, (owner_id, score |
# lifecycle_stage, id): whether an owner has a match is one index lookup.
_OWNER_INDEXED = frozenset({"stage", "score_min", "score_max", "owner_id"})


def _prunable(sorting: Sorting, filters: ContactFilters) -> bool:
    """Whether a filtered sort by stage or owner should first ask which segments hold a
    match (``repository.values_matched``): by stage, always (each stage's check looks
    through the filters' own indexes); by owner, where the filters are those an owner's
    index answers (else asking costs what reading the segment does)."""
    key, filtered = sorting.key, filters.model_dump(exclude_defaults=True).keys()
    if not isinstance(key, RankedKey) or not filtered:
        return False
    if key.column is Contact.lifecycle_stage:
        return True
    return key.column is Contact.owner_id and filtered <= _OWNER_INDEXED


def _only_values(sorting: Sorting, values: Collection[Any]) -> Sorting:
    """A sort by stage or owner restricted to the segments of ``values`` (another's would be
    read for no match)."""
    key = sorting.key
    assert isinstance(key, RankedKey)
    order = tuple(value for value in key.order if value in values)
    return replace(sorting, key=replace(key, order=order, nulls=key.nulls and None in values))


@dataclass(frozen=True)
class ContactTotal:
    count: int
    exact: bool


def count_contacts(
    session: Session, filters: ContactFilters | None = None, *, actor: Actor | None = None
) -> ContactTotal:
    """How many contacts ``filters`` match: exact up to ``EXACT_COUNT_CAP``, a fast
    estimate beyond (a million rows are never counted one by one on a page view)."""
    filters = filters or ContactFilters()
    count, exact = repository.contact_count(
        session,
        filters,
        cap=EXACT_COUNT_CAP,
        search_email=actor is None or visibility.sees_personal(actor),
        custom=custom_conditions(session, filters.where),
    )
    return ContactTotal(count, exact)


def refresh_statistics(session: Session) -> None:
    """After a bulk load (an import, the demo): let the database plan list queries well."""
    repository.refresh_statistics(session)


def _batches(
    fetch: Callable[[tuple[Any, int] | None], list[Any]], key: ListKey, batch_size: int
) -> Iterator[list[Any]]:
    after: tuple[Any, int] | None = None
    while True:
        rows = fetch(after)
        if rows:
            yield rows
        if len(rows) < batch_size:
            return
        after = (key.value(rows[-1]), rows[-1].id)


def iter_contacts(
    session: Session,
    filters: ContactFilters | None = None,
    *,
    sort: ContactSort = ContactSort.CREATED_AT,
    batch_size: int = 1000,
) -> Iterator[Contact]:
    """Every matching contact, fetched ``batch_size`` at a time by keyset (no OFFSET)."""
    key = contact_sorting(session, sort).key
    filters = filters or ContactFilters()
    custom = custom_conditions(session, filters.where)
    for batch in _batches(
        lambda after: repository.contact_page(
            session, filters, key, after=after, limit=batch_size, custom=custom
        ),
        key,
        batch_size,
    ):
        yield from batch


def export_columns(session: Session) -> list[str]:
    """The export's header: contact columns, account name and domain, ``custom.<key>``s."""
    custom = [f"custom.{d.key}" for d in list_custom_fields(session, "contact")]
    return [*EXPORT_COLUMNS, "account_id", "account_name", "account_domain", *custom]


def authorize_export(actor: Actor) -> None:
    """Refuse an export the actor may not take (call before a response starts streaming)."""
    permissions.require(actor, Action.CONTACT_EXPORT)


def export_rows(
    session: Session,
    filters: ContactFilters | None = None,
    *,
    actor: Actor,
    sort: ContactSort = ContactSort.CREATED_AT,
    batch_size: int = 1000,
) -> Iterator[dict[str, Any]]:
    """Every matching contact as a dict keyed by ``export_columns``, streamed in batches of
    plain rows (no ORM objects), for the CSV export. Checked here, before the first row."""
    authorize_export(actor)
    filters = filters or ContactFilters()
    return _export_rows(
        session,
        filters,
        sort=sort,
        batch_size=batch_size,
        personal=visibility.sees_personal(actor),
        # Checked now, so a bad condition is a 422 before the file starts.
        where=custom_conditions(session, filters.where),
    )


def _export_rows(
    session: Session,
    filters: ContactFilters,
    *,
    sort: ContactSort,
    batch_size: int,
    personal: bool,
    where: Sequence[CustomCondition],
) -> Iterator[dict[str, Any]]:
    key = contact_sorting(session, sort).key
    filters = filters or ContactFilters()
    custom_keys = [d.key for d in list_custom_fields(session, "contact")]
    for batch in _batches(
        lambda after: repository.contact_export_page(
            session, filters, key, after=after, limit=batch_size, custom=where
        ),
        key,
        batch_size,
    ):
        for row in batch:
            values = row._mapping
            record = {name: values[name] for name in EXPORT_COLUMNS}
            record["account_id"] = values["account_id"]
            record["account_name"] = values["account_name"]
            record["account_domain"] = values["account_domain"]
            custom = values["custom"] or {}
            record.update({f"custom.{k}": custom.get(k) for k in custom_keys})
            yield visibility.export_record(record, personal=personal)
