"""Which CSV column fills which contact field: detected for known CRM exports, or given.

Known formats are recognised by their header row: HubSpot's contact export, Salesforce's
Lead and Contact exports (data export or report, API field names), and Huddle's own
export. Anything else needs a manual mapping ``{csv_header: huddle_field}``, checked
completely before a single row is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from huddle.contacts.importing.cleaning import CellError, parse_boolean
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.stages import STAGES

CUSTOM_PREFIX = "custom."
# History (``history.py`` reads these columns): when the contact was created, and when it
# entered each stage ("stage_dates.mql").
CREATED_AT = "created_at"
STAGE_DATE_PREFIX = "stage_dates."
HISTORY_TARGETS: dict[str, str] = {
    CREATED_AT: "Created date (when the contact was created in the source CRM)",
    **{
        f"{STAGE_DATE_PREFIX}{key}": f"Date the contact became {label}"
        for key, label in STAGES.items()
    },
}

# Every field an import can fill. ``owner`` takes a user's email address or full name.
TARGETS: dict[str, str] = {
    "email": "Email address (the dedupe key; a row without one needs an external id)",
    "external_id": "External id: the source CRM's record id (the key of rows without email)",
    "first_name": "First name",
    "last_name": "Last name",
    "job_title": "Job title",
    "seniority": "Seniority",
    "department": "Department",
    "phone": "Phone",
    "country": "Country",
    "city": "City",
    "company": "Company name (links to or creates the account)",
    "company_domain": "Company domain (links to or creates the account)",
    "owner": "Owner: a user's email address or full name",
    "owner_id": "Owner: a user's id",
    "lifecycle_stage": "Lifecycle stage (Huddle, HubSpot or Salesforce lead status values)",
    "converted": "Converted to a customer (yes/no: yes makes the contact a Customer)",
    "email_opt_in": "Email consent: opted_in, opted_out or unknown",
    "do_not_email": "Do not email (true/false)",
    "do_not_call": "Do not call (true/false)",
    **HISTORY_TARGETS,
}

# The targets an unknown one is answered with: the stage dates as one pattern.
_NAMED_TARGETS = [t for t in TARGETS if not t.startswith(STAGE_DATE_PREFIX)]


Translate = Callable[[str], object]


def _key(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())


_STAGE_WORDS: dict[str, str | None] = {
    **{_key(key): key for key in STAGES},
    **{_key(label): key for key, label in STAGES.items()},
    # HubSpot lifecycle stages (internal values and labels).
    "marketingqualifiedlead": "mql",
    "salesqualifiedlead": "sql",
    "evangelist": "customer",
    # HubSpot's catch-all says nothing about the funnel: keep (or default) the stage.
    "other": None,
    # Salesforce lead statuses, the standard picklist and the common custom ones.
    "opennotcontacted": "lead",
    "new": "lead",
    "open": "lead",
    "workingcontacted": "sal",
    "working": "sal",
    "contacted": "sal",
    "nurturing": "recycled",
    "qualified": "sql",
    "closedconverted": "sql",
    "unqualified": "disqualified",
    "closednotconverted": "disqualified",
}
_OPT_IN_WORDS = {
    "optedin": "opted_in",
    "optin": "opted_in",
    "subscribed": "opted_in",
    "optedout": "opted_out",
    "optout": "opted_out",
    "unsubscribed": "opted_out",
    "unknown": "unknown",
}


@lru_cache(maxsize=4096)
def stage(value: str) -> str | None:
    try:
        return _STAGE_WORDS[_key(value)]
    except KeyError:
        raise CellError(
            f"unknown lifecycle stage '{value}'; expected one of {', '.join(STAGES.values())}"
        ) from None


@lru_cache(maxsize=1024)
def opt_in(value: str) -> str:
    try:
        return _OPT_IN_WORDS[_key(value)]
    except KeyError:
        raise CellError(
            f"unknown consent state '{value}'; expected opted_in, opted_out or unknown"
        ) from None


def opted_out_flag(value: str) -> str | None:
    """A CRM's "has opted out" checkbox. Unchecked is not consent, so it changes nothing."""
    return "opted_out" if parse_boolean(value) else None


# A lead list's "Converted" column (yes: the lead became a paying customer) fills the
# stage: the field a target fills where it is not the target's own name.
CONVERTED = "converted"
FIELD_OF_TARGET = {CONVERTED: "lifecycle_stage"}


def converted_flag(value: str) -> str | None:
    """A lead list's "converted to a customer" yes/no: yes is the Customer stage; no
    leaves the stage as the file or the default gives it."""
    return "customer" if parse_boolean(value) else None


def restriction_flag(value: str) -> bool | None:
    """A CRM's "do not call" checkbox: checked restricts; unchecked never lifts a restriction."""
    return True if parse_boolean(value) else None


# How a target's cells are read whatever the source; formats may override per column.
DEFAULT_TRANSLATE: dict[str, Translate] = {
    "lifecycle_stage": stage,
    "email_opt_in": opt_in,
    "do_not_email": parse_boolean,
    "do_not_call": parse_boolean,
    CONVERTED: converted_flag,
}


@dataclass(frozen=True)
class Rule:
    target: str
    translate: Translate | None = None


@dataclass(frozen=True)
class SourceFormat:
    key: str
    label: str
    # The format is recognised when the header holds every header of one of these: with
    # the email column, or with the record id column of an export that has no email.
    signatures: tuple[frozenset[str], ...]
    rules: Mapping[str, Rule]


def _with_key(ids: tuple[str, ...], *headers: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset({key, *headers}) for key in ("Email", *ids))


HUBSPOT = SourceFormat(
    "hubspot",
    "HubSpot contacts export",
    _with_key(("Record ID", "Contact ID"), "First Name", "Last Name"),
    {
        "Email": Rule("email"),
        "Record ID": Rule("external_id"),
        "Contact ID": Rule("external_id"),
        "First Name": Rule("first_name"),
        "Last Name": Rule("last_name"),
        "Job Title": Rule("job_title"),
        "Seniority": Rule("seniority"),
        "Job function": Rule("department"),
        "Phone Number": Rule("phone"),
        "Country/Region": Rule("country"),
        "City": Rule("city"),
        "Company Name": Rule("company"),
        "Company domain name": Rule("company_domain"),
        "Contact owner": Rule("owner"),
        "Lifecycle Stage": Rule("lifecycle_stage"),
        "Unsubscribed from all email": Rule("email_opt_in", opted_out_flag),
        "Create Date": Rule(CREATED_AT),
        **{
            f"Became {label} Date": Rule(STAGE_DATE_PREFIX + stage)
            for label, stage in (
                ("a Subscriber", "subscriber"),
                ("a Lead", "lead"),
                ("a Marketing Qualified Lead", "mql"),
                ("a Sales Qualified Lead", "sql"),
                ("an Opportunity", "opportunity"),
                ("a Customer", "customer"),
                # An evangelist is a customer (as the stage words say): the earlier of the
                # two dates is when the contact became one.
                ("an Evangelist", "customer"),
                # "Became an Other Lifecycle Date" says nothing about the funnel, as
                # "Other" does not: left out.
            )
        },
    },
)
_SALESFORCE_IDS = ("Id", "Lead ID", "Contact ID")
_SALESFORCE_PERSON = {
    "Email": Rule("email"),
    **{header: Rule("external_id") for header in _SALESFORCE_IDS},
    "FirstName": Rule("first_name"),
    "LastName": Rule("last_name"),
    "Title": Rule("job_title"),
    "Phone": Rule("phone"),
    "HasOptedOutOfEmail": Rule("email_opt_in", opted_out_flag),
    "DoNotCall": Rule("do_not_call", restriction_flag),
}
SALESFORCE_LEAD = SourceFormat(
    "salesforce_lead",
    "Salesforce Lead export",
    _with_key(_SALESFORCE_IDS, "LastName", "Company"),
    {
        **_SALESFORCE_PERSON,
        "Company": Rule("company"),
        "Website": Rule("company_domain"),
        "City": Rule("city"),
        "Country": Rule("country"),
        "Status": Rule("lifecycle_stage"),
        "Department__c": Rule("department"),
        "JobLevel__c": Rule("seniority"),
        # A lead is a Lead from its creation; converting it made it a contact with a deal
        # (its status then reads "Closed - Converted": SQL).
        "CreatedDate": Rule(STAGE_DATE_PREFIX + "lead"),
        "ConvertedDate": Rule(STAGE_DATE_PREFIX + "sql"),
        # A converted lead lives on as that contact, whose id the Contact export and the
        # opportunities' ContactId name: it is the person's record id (after "Id" in the
        # export, a converted lead's cell overrides it), so importing the leads and the
        # contacts, in either order and again, agrees on one id.
        "ConvertedContactId": Rule("external_id"),
    },
)
# A Salesforce leads report exported to CSV: the fields' labels rather than their API names.
SALESFORCE_LEAD_REPORT = SourceFormat(
    "salesforce_lead_report",
    "Salesforce leads report",
    (
        *_with_key(("Lead ID",), "Last Name", "Lead Status", "Created Date"),
        # Lead reports name the created date "Create Date", as HubSpot does: the lead's id
        # tells them apart (a HubSpot export has a "Lead Status" too).
        frozenset({"Lead ID", "Last Name", "Lead Status", "Create Date"}),
    ),
    {
        "Email": Rule("email"),
        "Lead ID": Rule("external_id"),
        "First Name": Rule("first_name"),
        "Last Name": Rule("last_name"),
        "Title": Rule("job_title"),
        "Phone": Rule("phone"),
        "Company / Account": Rule("company"),
        "Company": Rule("company"),
        "Website": Rule("company_domain"),
        "City": Rule("city"),
        "Country": Rule("country"),
        "Lead Status": Rule("lifecycle_stage"),
        "Email Opt Out": Rule("email_opt_in", opted_out_flag),
        "Do Not Call": Rule("do_not_call", restriction_flag),
        "Created Date": Rule(STAGE_DATE_PREFIX + "lead"),
        "Create Date": Rule(STAGE_DATE_PREFIX + "lead"),
        "Converted Date": Rule(STAGE_DATE_PREFIX + "sql"),
        "Lead Owner": Rule("owner"),
    },
)
SALESFORCE_CONTACT = SourceFormat(
    "salesforce_contact",
    "Salesforce Contact export",
    _with_key(_SALESFORCE_IDS, "LastName", "AccountId"),
    {
        **_SALESFORCE_PERSON,
        "Department": Rule("department"),
        "MailingCity": Rule("city"),
        "MailingCountry": Rule("country"),
        "Company__c": Rule("company"),
        "JobLevel__c": Rule("seniority"),
        "CreatedDate": Rule(CREATED_AT),
    },
)
HUDDLE = SourceFormat(
    "huddle",
    "Huddle contacts export",
    (frozenset({"email"}), frozenset({"external_id"})),
    {
        **{target: Rule(target) for target in TARGETS},
        # The export names the account's columns after the account.
        "account_name": Rule("company"),
        "account_domain": Rule("company_domain"),
    },
)
# A leads report has HubSpot's signature too: it is recognised first.
KNOWN_FORMATS = (SALESFORCE_LEAD_REPORT, HUBSPOT, SALESFORCE_LEAD, SALESFORCE_CONTACT, HUDDLE)
_KNOWN_RULES = {
    (header, rule.target): rule for source in KNOWN_FORMATS for header, rule in source.rules.items()
}


@dataclass(frozen=True)
class Column:
    header: str
    index: int
    target: str
    translate: Translate | None


@dataclass(frozen=True)
class ColumnMapping:
    source_format: str
    label: str
    columns: tuple[Column, ...]

    def as_json(self) -> dict[str, str]:
        return {column.header: column.target for column in self.columns}

    def header_of(self, target: str) -> str:
        for column in self.columns:
            if FIELD_OF_TARGET.get(column.target, column.target) == target:
                return column.header
        return target


def known_format(header: Collection[str]) -> SourceFormat | None:
    """The first known format whose signature the header carries, if any."""
    present = set(header)
    for source in KNOWN_FORMATS:
        if any(signature <= present for signature in source.signatures):
            return source
    return None


def detect_mapping(header: list[str], *, custom_keys: Collection[str] = ()) -> ColumnMapping:
    """The mapping of the first known format whose signature the header carries."""
    source = known_format(header)
    if source is not None:
        rules = dict(source.rules)
        if source is HUDDLE:
            rules.update({CUSTOM_PREFIX + key: Rule(CUSTOM_PREFIX + key) for key in custom_keys})
        return _build(source.key, source.label, header, rules)
    raise ValidationFailed(
        "the file's columns are not those of a known export; give a mapping",
        [
            FieldError(
                "mapping",
                "no email or record id column found for HubSpot ('Email' or 'Record ID', "
                "'First Name', 'Last Name'), Salesforce ('Email' or 'Id', 'LastName' and "
                "'Company' or 'AccountId') or Huddle ('email' or 'external_id'); map the "
                'columns with {"csv header": "huddle field"}',
            )
        ],
    )


def manual_mapping(
    header: list[str], given: Mapping[str, object], *, custom_keys: Collection[str] = ()
) -> ColumnMapping:
    """Check a person's mapping against the header and the known fields, all at once.

    A header mapped to ``null`` or ``""`` is skipped; headers not named are ignored.
    """
    problems: list[FieldError] = []
    present = set(header)
    rules: dict[str, Rule] = {}
    for csv_header, target in given.items():
        if target is None or target == "":
            continue
        if not isinstance(target, str):
            problems.append(FieldError(f"mapping.{csv_header}", "the target must be a field name"))
        elif csv_header not in present:
            problems.append(
                FieldError(f"mapping.{csv_header}", f"the file has no column '{csv_header}'")
            )
        elif target in TARGETS:
            # A known export's column keeps the way that export writes it (HubSpot's
            # "Unsubscribed from all email" is a checkbox, not a consent state).
            rules[csv_header] = _KNOWN_RULES.get((csv_header, target), Rule(target))
        elif target.startswith(CUSTOM_PREFIX):
            if target.removeprefix(CUSTOM_PREFIX) in custom_keys:
                rules[csv_header] = Rule(target)
            else:
                problems.append(
                    FieldError(
                        f"mapping.{csv_header}",
                        f"'{target}' is not a custom field of contacts; define it first "
                        "(Custom fields, POST /api/v1/custom-fields, or the import page's "
                        "'New custom field')",
                    )
                )
        else:
            problems.append(
                FieldError(
                    f"mapping.{csv_header}",
                    f"unknown field '{target}'; expected one of {', '.join(_NAMED_TARGETS)}, "
                    f"{STAGE_DATE_PREFIX}<stage> or {CUSTOM_PREFIX}<key>",
                )
            )
    targets = [FIELD_OF_TARGET.get(rule.target, rule.target) for rule in rules.values()]
    for target in sorted({t for t in targets if targets.count(t) > 1}):
        sources = ", ".join(
            f"'{h}'"
            for h, rule in rules.items()
            if FIELD_OF_TARGET.get(rule.target, rule.target) == target
        )
        problems.append(
            FieldError("mapping", f"'{target}' is mapped from several columns: {sources}")
        )
    if "email" not in targets and "external_id" not in targets:
        problems.append(FieldError("mapping", "no column is mapped to 'email' or to 'external_id'"))
    if problems:
        raise ValidationFailed("the mapping cannot be used; nothing was imported", problems)
    return _build("manual", "Manual mapping", header, rules)


def _build(key: str, label: str, header: list[str], rules: Mapping[str, Rule]) -> ColumnMapping:
    columns = tuple(
        Column(name, index, rule.target, rule.translate or DEFAULT_TRANSLATE.get(rule.target))
        for index, name in enumerate(header)
        if (rule := rules.get(name)) is not None
    )
    return ColumnMapping(key, label, columns)
