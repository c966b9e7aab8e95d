"""Source CRMs' record ids in the one form Huddle keeps them in.

Salesforce names every record by a 15-character id that tells capitals from small letters
("003A000000bX7Ee"), and by an 18-character form of it that reads alike in any case: the
15 characters and three that spell where their capitals are ("003A000000bX7EeIAK").
Reports and the page's address show the 15; the data export, the API and ``CASESAFEID()``
give the 18. One person then arrives under both: from a leads report and an opportunities
export, say. Huddle keeps the 18, whichever it is given, so the two are one key, as an
email is one key whatever its case.

A 15-character id is taken for Salesforce's when it is letters and digits only, not digits
alone, with a digit among its first three (the object's key prefix: 001, 003, 00Q, 006, a0B).
"""

from __future__ import annotations

import re

# What Excel shows of a long number it took a record id for: "51234567890" as
# "5.12346E+10". The digits it dropped are gone, so ids that differed read alike.
_EXCEL_ROUNDED = re.compile(r"\d(?:[.,]\d+)?E\+?\d+", re.IGNORECASE)
# Each group of five characters: which are capitals, one bit each, as one of 32 characters.
_CAPITALS_CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_SALESFORCE_15 = re.compile(r"[0-9A-Za-z]{15}")


def case_safe(record_id: str) -> str:
    """``record_id`` as Huddle keeps it: a Salesforce 15-character id in its 18-character
    form, any other id as it is."""
    if len(record_id) != 15 or not _is_salesforce_15(record_id):
        return record_id
    return record_id + "".join(_capitals(record_id[start : start + 5]) for start in (0, 5, 10))


def _is_salesforce_15(record_id: str) -> bool:
    return (
        _SALESFORCE_15.fullmatch(record_id) is not None
        and not record_id.isdigit()
        and any(character.isdigit() for character in record_id[:3])
    )


def _capitals(five: str) -> str:
    bits = sum(1 << place for place, character in enumerate(five) if "A" <= character <= "Z")
    return _CAPITALS_CODE[bits]


def rounded_by_excel(record_id: str) -> str | None:
    """Why ``record_id`` cannot be used, if it is a number Excel rounded ("5.12346E+10"):
    taken as it is, it would make several people one."""
    if _EXCEL_ROUNDED.fullmatch(record_id) is None:
        return None
    return (
        f"'{record_id}' is a long number a spreadsheet rounded, not a record id (the digits "
        "it dropped are gone); format the column as text and export the file again"
    )


def is_salesforce_id(value: str) -> bool:
    """Whether ``value`` is a Salesforce record id: 15 characters of its shape, or 18 that
    end in the first 15's own check characters."""
    if len(value) == 18:
        return _is_salesforce_15(value[:15]) and case_safe(value[:15]) == value
    return len(value) == 15 and _is_salesforce_15(value)
