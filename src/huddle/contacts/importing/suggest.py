"""Which field each column of a file probably fills: a suggestion the person confirms.

A column a known export names (HubSpot's "Lifecycle Stage", Salesforce's "LastName") gets
that export's field, whether or not the file carries the whole export's signature; any
other column is matched by its words against Huddle's fields, their common synonyms and the
custom fields, loosely enough for "E-mail address" or "Surname" but never twice: the first
column that claims a field keeps it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from huddle.contacts.importing.mapping import (
    CREATED_AT,
    CUSTOM_PREFIX,
    HISTORY_TARGETS,
    KNOWN_FORMATS,
    STAGE_DATE_PREFIX,
)

# A header's words as one key: "E-mail Address" and "email_address" meet at "emailaddress".
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
# Close enough for a typo or a plural, not for a different word ("city" vs "country").
_CUTOFF = 0.84

# What people call Huddle's fields in spreadsheets and other tools.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "email": ("email", "emailaddress", "mail", "workemail", "businessemail", "courriel"),
    "first_name": ("firstname", "givenname", "forename", "prenom", "fname"),
    "last_name": ("lastname", "surname", "familyname", "nom", "lname"),
    "job_title": ("jobtitle", "title", "position", "role"),
    "seniority": ("seniority", "joblevel", "level"),
    "department": ("department", "dept", "jobfunction", "function", "team"),
    "phone": ("phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "workphone"),
    "country": ("country", "countryregion", "nation"),
    "city": ("city", "town", "mailingcity"),
    "company": (
        "company",
        "companyname",
        "organization",
        "organisation",
        "account",
        "accountname",
        "employer",
    ),
    "company_domain": ("companydomain", "companydomainname", "domain", "website", "url"),
    "owner": ("owner", "contactowner", "leadowner", "accountowner", "salesrep", "rep"),
    "lifecycle_stage": ("lifecyclestage", "stage", "leadstatus", "status", "funnelstage"),
    # A lead list's yes/no (not Salesforce's IsConverted: a converted lead is an SQL there).
    "converted": ("converted", "convertedtocustomer", "becamecustomer", "iscustomer"),
    "email_opt_in": ("emailoptin", "optin", "emailconsent", "consent", "subscribed"),
    "do_not_email": ("donotemail", "emailoptout", "optedout", "unsubscribed"),
    "do_not_call": ("donotcall", "dnc"),
    # A file's own record id: a spreadsheet's or a tool's ("mql_id", "lead_id").
    "external_id": (
        "externalid",
        "recordid",
        "crmid",
        "contactid",
        "leadid",
        "customerid",
        "personid",
        "prospectid",
        "mqlid",
        "leadnumber",
        "contactnumber",
        "customernumber",
    ),
    CREATED_AT: ("createdat", "createdate", "createddate", "datecreated", "creationdate"),
    # "The date X became an MQL", as people and tools name it; Huddle's labels too (below).
    **{
        f"{STAGE_DATE_PREFIX}{stage}": tuple(
            f"{form}{word}" for word in words for form in ("", "became", "becamea", "becamean")
        )
        + tuple(f"{word}{at}" for word in words for at in ("date", "at", "since"))
        for stage, words in {
            "lead": ("lead",),
            "mql": ("mql", "marketingqualifiedlead"),
            "sql": ("sql", "salesqualifiedlead"),
            "opportunity": ("opportunity",),
            "customer": ("customer", "won"),
        }.items()
    },
}


@dataclass(frozen=True)
class Suggestion:
    target: str
    # Where the suggestion comes from: a known export's key, "name" (the header is the
    # field's name or a synonym), "similar" (a close spelling) or "custom" (a custom field).
    source: str


def key_of(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def _known_headers() -> dict[str, tuple[str, str]]:
    """Each header a known export uses (exactly as it spells it) -> (target, format key)."""
    known: dict[str, tuple[str, str]] = {}
    for source in KNOWN_FORMATS:
        for header, rule in source.rules.items():
            known.setdefault(header, (rule.target, source.key))
    return known


_KNOWN = _known_headers()
# Each known export's own headers -> targets: the file's detected export speaks first (a
# header several exports share, "Email", is that export's).
_BY_FORMAT = {
    source.key: {header: rule.target for header, rule in source.rules.items()}
    for source in KNOWN_FORMATS
}


def _vocabulary(custom_fields: Mapping[str, str]) -> dict[str, Suggestion]:
    """Every key a header may match -> what it suggests; built-in names win over custom ones."""
    words: dict[str, Suggestion] = {}
    for key, label in custom_fields.items():
        target = CUSTOM_PREFIX + key
        words.setdefault(key_of(label), Suggestion(target, "custom"))
        words.setdefault(key_of(key), Suggestion(target, "custom"))
    for target, synonyms in _SYNONYMS.items():
        for word in (key_of(target), *synonyms):
            words[word] = Suggestion(target, "name")
    # The history fields by their labels ("Date the contact became MQL").
    for target, label in HISTORY_TARGETS.items():
        words[key_of(label)] = Suggestion(target, "name")
    return words


def suggest_targets(
    header: Iterable[str],
    *,
    custom_fields: Mapping[str, str] = {},
    known_format: str | None = None,
) -> list[Suggestion | None]:
    """A suggestion for each column of ``header`` (None: nothing fits), no target twice.

    ``custom_fields``: the custom fields of contacts, key -> label. ``known_format``: the
    export the whole header was recognised as, if any.
    """
    columns = list(header)
    words = _vocabulary(custom_fields)
    own = _BY_FORMAT.get(known_format or "", {})
    found: list[Suggestion | None] = [
        Suggestion(own[name], known_format)
        if known_format and name in own
        else _exact(name, words, custom_fields)
        for name in columns
    ]
    for index, name in enumerate(columns):
        if found[index] is None:
            found[index] = _similar(name, words)
    taken = _first_claims(found, known_format)
    return [s if s is not None and taken.get(s.target) == i else None for i, s in enumerate(found)]


def _exact(
    name: str, words: Mapping[str, Suggestion], custom_fields: Mapping[str, str]
) -> Suggestion | None:
    if name in _KNOWN:
        target, source = _KNOWN[name]
        return Suggestion(target, source)
    # Huddle's own export names custom columns by their target.
    stripped = name.strip()
    if stripped.startswith(CUSTOM_PREFIX):
        known = stripped.removeprefix(CUSTOM_PREFIX) in custom_fields
        return Suggestion(stripped, "custom") if known else None
    return words.get(key_of(name))


def _similar(name: str, words: Mapping[str, Suggestion]) -> Suggestion | None:
    key = key_of(name)
    if len(key) < 4:
        return None
    close = difflib.get_close_matches(key, list(words), n=1, cutoff=_CUTOFF)
    if not close:
        return None
    return Suggestion(words[close[0]].target, "similar")


def _first_claims(found: list[Suggestion | None], known_format: str | None) -> dict[str, int]:
    """The column each target is suggested for first: the detected export's own columns,
    then the other exact matches, then similar ones (a HubSpot export's "Lifecycle Stage"
    fills the stage, not its "Lead Status" that a Salesforce report would mean by it)."""
    ranks = [
        lambda s: s.source == known_format,
        lambda s: s.source != "similar",
        lambda s: s.source == "similar",
    ]
    claims: dict[str, int] = {}
    for rank in ranks:
        for index, suggestion in enumerate(found):
            if suggestion is not None and rank(suggestion):
                claims.setdefault(suggestion.target, index)
    return claims
