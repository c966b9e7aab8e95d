"""``ContactCreate``'s rules for the values of plain rows, without building a model.

``checked`` returns what ``ContactCreate.model_validate`` would hold for the given
fields, or None when it cannot be sure the schema accepts them; the caller then asks the
schema itself, which also words the errors. The rules are read from the schema's field
definitions, so a changed limit changes them too; a field of a shape not known here is
always left to the schema.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic.fields import FieldInfo

from huddle.contacts.models import EMAIL_OPT_IN_STATES
from huddle.contacts.schemas import ContactCreate
from huddle.contacts.schemas.fields import (
    Email,
    check_domain,
    check_opt_in,
    check_stage,
    clean_line,
    clean_record_id,
)
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_domain, normalize_email
from huddle.core.recordids import case_safe, rounded_by_excel
from huddle.core.schemas import DescribedBy
from huddle.core.stages import STAGES

# What a field not given holds.
DEFAULTS: dict[str, Any] = {
    name: None if info.is_required() else info.default
    for name, info in ContactCreate.model_fields.items()
}


class Unsure(Exception):
    """The cheap check cannot vouch for a value: ask the schema."""


Check = Callable[[object], object]


def _checking(info: FieldInfo) -> list[Any]:
    """The field's metadata that checks values (what only words the document is left out)."""
    return [m for m in info.metadata if not isinstance(m, WithJsonSchema | DescribedBy)]


def text_limit(name: str, cleaner: Callable[[object], object] = clean_line) -> int | None:
    """N for a field declared ``Annotated[str, max_length=N] | None`` with ``cleaner``
    as its only validator; None for any other shape."""
    info = ContactCreate.model_fields.get(name)
    if info is None:
        return None
    if [type(m) for m in _checking(info)] != [BeforeValidator]:
        return None
    if _checking(info)[0].func is not cleaner:
        return None
    options = [a for a in typing.get_args(info.annotation) if a is not type(None)]
    if len(options) != 1 or typing.get_origin(options[0]) is not typing.Annotated:
        return None
    base, *constraints = typing.get_args(options[0])
    if base is not str or len(constraints) != 1:
        return None
    rule = constraints[0]
    if not isinstance(rule, StringConstraints) or rule.max_length is None:
        return None
    if rule != StringConstraints(max_length=rule.max_length):
        return None
    return rule.max_length


def _text(limit: int) -> Check:
    def check(value: object) -> object:
        # clean_line, then the length limit.
        if type(value) is not str:
            raise Unsure
        value = value.strip()
        if not value or len(value) > limit or not value.isprintable():
            raise Unsure
        return value

    return check


def _record_id(limit: int) -> Check:
    text = _text(limit)

    def check(value: object) -> object:
        # clean_record_id (clean_line, then the kept form), then the length limit.
        kept = case_safe(str(text(value)))
        if len(kept) > limit or rounded_by_excel(kept):
            raise Unsure
        return kept

    return check


def _email(value: object) -> object:
    if type(value) is not str:
        raise Unsure
    try:
        return normalize_email(value)
    except InvalidEmail:
        raise Unsure from None


def _domain(value: object) -> object:
    # check_domain, then clean_line: a normalised domain is never blank.
    if type(value) is not str or not value.strip():
        raise Unsure
    domain = normalize_domain(value)
    if domain is None:
        raise Unsure
    return domain


def _one_of(choices: typing.Collection[str]) -> Check:
    def check(value: object) -> object:
        if type(value) is not str or value not in choices:
            raise Unsure
        return value

    return check


def _exactly(kind: type) -> Check:
    def check(value: object) -> object:
        if type(value) is not kind:
            raise Unsure
        return value

    return check


def _custom(value: object) -> object:
    # CleanInput's rule too: no control character in a key or a text value.
    if type(value) is not dict or any(
        type(key) is not str or not key.isprintable() for key in value
    ):
        raise Unsure
    if any(type(item) is str and not item.isprintable() for item in value.values()):
        raise Unsure
    return dict(value)


def _checks() -> dict[str, Check]:
    fields = ContactCreate.model_fields
    checks: dict[str, Check] = {}
    for name in fields:
        limit = text_limit(name)
        if limit is not None:
            checks[name] = _text(limit)
        limit = text_limit(name, clean_record_id)
        if limit is not None:
            checks[name] = _record_id(limit)
    # The other fields an import fills, while the schema declares them as known here.
    email = fields["email"]
    if email.annotation == (Email | None) and not _checking(email):
        checks["email"] = _email
    known: dict[str, tuple[list[object], Check]] = {
        "company_domain": ([clean_line, check_domain], _domain),
        "lifecycle_stage": ([check_stage], _one_of(STAGES)),
        "email_opt_in": ([check_opt_in], _one_of(EMAIL_OPT_IN_STATES)),
    }
    for name, (validators, check) in known.items():
        if [getattr(m, "func", None) for m in _checking(fields[name])] == validators:
            checks[name] = check
    for name, kind in (("do_not_email", bool), ("do_not_call", bool), ("owner_id", int)):
        if fields[name].annotation == (kind | None) and not fields[name].metadata:
            checks[name] = _exactly(kind)
    custom = fields["custom"]
    if custom.annotation == (dict[str, Any] | None) and not _checking(custom):
        checks["custom"] = _custom
    return checks


_CHECKS = _checks()


def _never(value: object) -> object:
    raise Unsure


def check_for(name: str) -> Check:
    """The check of one field: the value the schema holds for it, or raises Unsure."""
    return _CHECKS.get(name, _never)


def checked(values: dict[str, Any]) -> dict[str, Any] | None:
    """``values`` as ``ContactCreate`` would hold them, or None if not sure it accepts them."""
    try:
        return {name: _CHECKS[name](value) for name, value in values.items()}
    except (Unsure, KeyError):
        return None
