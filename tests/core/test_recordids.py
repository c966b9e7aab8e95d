"""Record ids as Huddle keeps them: a Salesforce 15-character id in its 18-character form."""

from __future__ import annotations

import pytest

from huddle.core.recordids import case_safe, is_salesforce_id, rounded_by_excel


def test_a_salesforce_15_character_id_gets_its_documented_18_character_form() -> None:
    # Salesforce's own example of an id and its case-safe form.
    assert case_safe("001A0000006Vm9r") == "001A0000006Vm9rIAC"
    assert case_safe("00Q5g00000IaZx7") == "00Q5g00000IaZx7EAF"


def test_ids_that_differ_only_in_case_stay_two_ids() -> None:
    # That is what the three characters are for.
    assert case_safe("003a000000bx7ee") != case_safe("003A000000bX7Ee")
    assert case_safe("003a000000bx7ee")[:15] == "003a000000bx7ee"


@pytest.mark.parametrize(
    "record_id",
    [
        "001A0000006Vm9rIAC",  # already 18 characters
        "9001",  # HubSpot's record ids are numbers
        "123456789012345",  # digits alone, even 15 of them
        "ABCDEFGHIJKLMNO",  # no key prefix: not Salesforce's
        "lead-0000000001",  # not letters and digits alone
        "a0B5g00000Xy12",  # 14 characters
    ],
)
def test_any_other_id_is_kept_as_it_is(record_id: str) -> None:
    assert case_safe(record_id) == record_id


@pytest.mark.parametrize("record_id", ["5.12346E+10", "1E+15", "3,14159e+12", "7.2E10"])
def test_a_number_a_spreadsheet_rounded_is_no_record_id(record_id: str) -> None:
    reason = rounded_by_excel(record_id)
    assert reason is not None
    assert f"'{record_id}' is a long number a spreadsheet rounded" in reason


@pytest.mark.parametrize("record_id", ["51234567890", "0035g00000CCC01AAH", "E10", "12E"])
def test_an_id_that_merely_holds_an_e_is_one(record_id: str) -> None:
    assert rounded_by_excel(record_id) is None


def test_a_salesforce_id_is_told_by_its_shape() -> None:
    assert is_salesforce_id("0055g00000AbCdEAAV")
    assert is_salesforce_id("0055g00000AbCdE")
    assert not is_salesforce_id("0055g00000AbCdEXYZ")  # not its own check characters
    assert not is_salesforce_id("ada@acme.example")
