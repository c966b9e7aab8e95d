"""The import's cheap check of plain rows decides exactly as ``ContactCreate`` does.

``fast.checked`` may only answer when it is sure: every answer it gives must be what the
schema holds for the same values, and for anything the schema refuses it must step aside
(the schema then words the error).
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from huddle.contacts.importing import fast
from huddle.contacts.schemas import ContactCreate

_TEXT_LIMITS = {
    "first_name": 120,
    "last_name": 120,
    "job_title": 200,
    "seniority": 60,
    "department": 120,
    "phone": 60,
    "country": 100,
    "city": 100,
    "company": 300,
}
_PLAIN: dict[str, Any] = {
    "email": "Ann.Lee@Example.COM",
    "first_name": "Ann",
    "last_name": "Lee",
    "job_title": "VP Marketing",
    "company": "Example Inc",
    "company_domain": "https://www.Example.com/about",
    "phone": "+1 555 0100",
    "city": "São Paulo",
    "country": "Brazil",
    "lifecycle_stage": "mql",
    "email_opt_in": "opted_out",
    "do_not_call": True,
    "do_not_email": False,
    "owner_id": 7,
    "custom": {"plan": "gold"},
}


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = [_PLAIN, {"email": "a@b.co"}]
    for name, limit in _TEXT_LIMITS.items():
        for text in ("x" * limit, "é" * limit, "x" * (limit + 1), "  padded  ", "   "):
            cases.append({"email": "a@b.co", name: text})
    bad = {
        "email": ["not an address", "", "a@b", "x@" + "y" * 320 + ".com"],
        "company_domain": ["not a domain", "   ", "http://"],
        "lifecycle_stage": ["Lead", "nope", 3],
        "email_opt_in": ["yes", "OPTED_IN", None],
        "do_not_call": ["true", 1, None],
        "do_not_email": ["no", 0],
        "owner_id": ["7", True, 7.0, None],
        "custom": [{1: "x"}, "plan=gold", None],
        "account_id": [3],
        "consent_source": ["form"],
        "unknown_field": ["x"],
    }
    for name, values in bad.items():
        for value in values:
            cases.append({"email": "a@b.co", name: value})
    return cases


@pytest.mark.parametrize("values", _cases(), ids=repr)
def test_the_fast_check_agrees_with_the_schema(values: dict[str, Any]) -> None:
    answer = fast.checked(dict(values))
    try:
        contact = ContactCreate.model_validate(values)
    except ValidationError:
        assert answer is None  # refused: left to the schema, which words the error
        return
    if answer is not None:
        assert answer == {name: getattr(contact, name) for name in values}
        assert set(answer) == contact.model_fields_set


def test_plain_rows_take_the_fast_check() -> None:
    answer = fast.checked(dict(_PLAIN))
    assert answer is not None
    assert answer["email"] == "ann.lee@example.com"
    assert answer["company_domain"] == "example.com"
    for name, limit in _TEXT_LIMITS.items():
        assert fast.checked({"email": "a@b.co", name: "x" * limit}) is not None


def test_defaults_are_the_schemas() -> None:
    contact = ContactCreate.model_validate({"email": "a@b.co"})
    assert contact.model_dump() == {**fast.DEFAULTS, "email": "a@b.co"}
