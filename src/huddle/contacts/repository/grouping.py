"""Contacts counted by the value of one field, built-in or custom: one GROUP BY over the
filtered list (the hook analytics groups funnels and reports by)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.contacts.repository.custom_filters import CustomCondition
from huddle.contacts.repository.records import contact_conditions
from huddle.contacts.schemas import ContactFilters


def group_column(field: str) -> ColumnElement[Any]:
    """The SQL of a groupable field (``contact.<column>``, ``account.<column>``, or
    ``<table>.custom.<key>``: custom values as text, whatever their type)."""
    table, name = field.split(".", 1)
    model = Contact if table == "contact" else Account
    if name.startswith("custom."):
        return model.custom[name.removeprefix("custom.")].as_string()
    column: ColumnElement[Any] = getattr(model, name)
    return column


def contact_counts_by(
    session: Session,
    field: str,
    filters: ContactFilters,
    *,
    custom: Sequence[CustomCondition] = (),
) -> list[tuple[Any, int]]:
    """(value, contacts) for every value of ``field`` among the filtered contacts, the
    most frequent first; contacts without a value count under None."""
    value = group_column(field).label("value")
    counted = func.count(Contact.id).label("contacts")
    query = (
        select(value, counted)
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(*contact_conditions(session, filters, custom=custom))
        .group_by(value)
        .order_by(counted.desc(), value)
    )
    return [(row.value, row.contacts) for row in session.execute(query)]
