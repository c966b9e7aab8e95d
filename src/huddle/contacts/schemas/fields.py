"""The building blocks of the schemas: field lists, checked field types, base models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from huddle.contacts.models import EMAIL_OPT_IN_STATES
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_domain, normalize_email
from huddle.core.bounds import RowId
from huddle.core.recordids import case_safe, rounded_by_excel
from huddle.core.stages import STAGES
from huddle.core.text import UncleanText, refuse_control_characters

CONSENT_FIELDS = ("email_opt_in", "do_not_email", "do_not_call")
# A new contact's consent: nothing to record until something else is known.
CONSENT_DEFAULTS: dict[str, str | bool] = {
    "email_opt_in": "unknown",
    "do_not_email": False,
    "do_not_call": False,
}
# The plain fields a person edits, with no rule beyond their type.
CONTACT_PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "seniority",
    "department",
    "phone",
    "country",
    "city",
    "owner_id",
)
# What describes a company: what enrichment may fill and a person may set.
ACCOUNT_FIRMOGRAPHICS = (
    "name",
    "industry",
    "employee_count",
    "annual_revenue",
    "country",
    "region",
    "city",
    "technologies",
)
ConsentField = Literal["email_opt_in", "do_not_email", "do_not_call"]
Side = Literal["survivor", "merged"]


def clean_line(value: object) -> object:
    """Trim text; an empty or blank string means "no value" (forms and CSVs send ""); a
    control character or a line break is refused (these fields are one line)."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if not value:
        return None
    try:
        return refuse_control_characters(value, single_line=True)
    except UncleanText as exc:
        raise PydanticCustomError("control_character", str(exc)) from None


def _limit(max_length: int) -> StringConstraints:
    return StringConstraints(max_length=max_length)


# Optional text: trimmed, blank means None, then the column's length limit.
Name = Annotated[Annotated[str, _limit(120)] | None, BeforeValidator(clean_line)]
Text200 = Annotated[Annotated[str, _limit(200)] | None, BeforeValidator(clean_line)]
Text100 = Annotated[Annotated[str, _limit(100)] | None, BeforeValidator(clean_line)]
Text60 = Annotated[Annotated[str, _limit(60)] | None, BeforeValidator(clean_line)]
Company = Annotated[Annotated[str, _limit(300)] | None, BeforeValidator(clean_line)]


def clean_record_id(value: object) -> object:
    """``clean_line``, then the one form a source CRM's record id is kept in (a Salesforce
    15-character id as its 18-character form: ``core.recordids``); a number a spreadsheet
    rounded ("5.12346E+10") is refused."""
    value = clean_line(value)
    if not isinstance(value, str):
        return value
    rounded = rounded_by_excel(value)
    if rounded is not None:
        raise PydanticCustomError("rounded_number", rounded)
    return case_safe(value)


# A source CRM's record id: one line, as ``clean_record_id`` keeps it.
RecordId = Annotated[Annotated[str, _limit(200)] | None, BeforeValidator(clean_record_id)]


def check_email(value: object) -> object:
    if not isinstance(value, str):
        return value  # not text: the str type refuses it with its own 422
    try:
        return normalize_email(value)
    except InvalidEmail as exc:
        raise PydanticCustomError("email", str(exc)) from exc


def check_domain(value: object) -> object:
    if not isinstance(value, str):
        return value  # None, or not text (the type refuses it)
    domain = normalize_domain(value)
    if domain is None:
        raise PydanticCustomError("domain", "'{value}' is not a domain", {"value": value})
    return domain


def check_stage(value: object) -> object:
    if isinstance(value, str) and value not in STAGES:
        raise PydanticCustomError(
            "stage",
            "unknown lifecycle stage '{value}'; expected one of {expected}",
            {"value": value, "expected": ", ".join(STAGES)},
        )
    return value


def check_opt_in(value: object) -> object:
    if isinstance(value, str) and value not in EMAIL_OPT_IN_STATES:
        raise PydanticCustomError(
            "email_opt_in",
            "unknown consent state '{value}'; expected one of {expected}",
            {"value": value, "expected": ", ".join(EMAIL_OPT_IN_STATES)},
        )
    return value


Email = Annotated[str, BeforeValidator(check_email)]
Domain = Annotated[str | None, BeforeValidator(clean_line), BeforeValidator(check_domain)]
# Checked by hand for the precise message; the document lists the values all the same.
Stage = Annotated[
    str, BeforeValidator(check_stage), WithJsonSchema({"type": "string", "enum": list(STAGES)})
]
OptIn = Annotated[
    str | None,
    BeforeValidator(check_opt_in),
    WithJsonSchema({"anyOf": [{"enum": list(EMAIL_OPT_IN_STATES)}, {"type": "null"}]}),
]
UserRef = RowId | Literal["unassigned"]
