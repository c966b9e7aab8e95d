"""Conditions on your own fields (``custom`` JSON) as SQL over contacts: ``json_extract`` on
SQLite, ``->>`` with a cast on PostgreSQL (``huddle.core.comparison``), so a list filtered
on a custom field stays one query, whatever the number of contacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from huddle.contacts.models import Account, Contact
from huddle.core.comparison import compare_custom

# A contact without an account meets these on an account field (as in a fit rule, where
# the missing account's field is empty).
_MET_WITHOUT_ACCOUNT = ("ne", "not_in", "is_empty")


@dataclass(frozen=True)
class CustomCondition:
    """A checked comparison of ``contact.custom.<key>`` or ``account.custom.<key>``."""

    table: str
    key: str
    op: str
    value: Any = None

    @property
    def field(self) -> str:
        return f"{self.table}.custom.{self.key}"


def custom_condition_sql(condition: CustomCondition) -> ColumnElement[bool]:
    if condition.table == "contact":
        return compare_custom(Contact.custom, condition.key, condition.op, condition.value)
    accounts = select(Account.id).where(
        compare_custom(Account.custom, condition.key, condition.op, condition.value)
    )
    matched = Contact.account_id.in_(accounts)
    if condition.op in _MET_WITHOUT_ACCOUNT:
        return or_(Contact.account_id.is_(None), matched)
    return matched


def custom_conditions_sql(conditions: Sequence[CustomCondition]) -> list[ColumnElement[bool]]:
    return [custom_condition_sql(condition) for condition in conditions]
