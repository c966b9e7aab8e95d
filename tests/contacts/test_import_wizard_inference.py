"""What the wizard guesses about a file's columns: the field each fills, whether its cells
are empty or placeholders, and the type a new custom field for it would have."""

from __future__ import annotations

import pytest

from huddle.contacts.importing.profile import (
    CellCounts,
    InferredType,
    infer_type,
    placeholder_counts,
    profile_columns,
)
from huddle.contacts.importing.suggest import Suggestion, suggest_targets


def _targets(header: list[str], **custom: str) -> list[str | None]:
    return [s.target if s else None for s in suggest_targets(header, custom_fields=custom)]


def test_known_export_columns_name_their_export() -> None:
    found = suggest_targets(["LastName", "Lifecycle Stage", "HasOptedOutOfEmail"])
    assert found == [
        Suggestion("last_name", "salesforce_lead"),
        Suggestion("lifecycle_stage", "hubspot"),
        Suggestion("email_opt_in", "salesforce_lead"),
    ]


def test_the_detected_exports_own_column_fills_a_field_before_another_exports() -> None:
    # A HubSpot export lists "Lead Status" (a Salesforce report's stage) before "Lifecycle
    # Stage": the stage is HubSpot's own column.
    header = ["Email", "Lead Status", "Lifecycle Stage"]
    found = suggest_targets(header, known_format="hubspot")
    assert found == [
        Suggestion("email", "hubspot"),
        None,
        Suggestion("lifecycle_stage", "hubspot"),
    ]


def test_names_synonyms_and_close_spellings_are_matched() -> None:
    header = ["E-mail", "Given Name", "Family name", "Compnay", "Mobile", "Shoe size"]
    assert _targets(header) == ["email", "first_name", "last_name", "company", "phone", None]
    assert suggest_targets(["Compnay"])[0] == Suggestion("company", "similar")


def test_a_files_own_ids_and_stage_dates_are_suggested_by_their_names() -> None:
    # A funnel export's MQLs: no email, the tool's id; a spreadsheet naming Huddle's labels.
    assert _targets(["mql_id", "first_contact_date", "origin"]) == ["external_id", None, None]
    # A lead list's: its first id column claims the field.
    assert _targets(["Prospect ID", "Lead Number", "Converted"]) == [
        "external_id",
        None,
        "converted",
    ]
    header = ["Lead ID", "Date the contact became MQL", "Won date", "created_at"]
    expected = ["external_id", "stage_dates.mql", "stage_dates.customer", "created_at"]
    assert _targets(header) == expected


def test_a_field_is_suggested_once_an_exact_name_before_a_close_one() -> None:
    assert _targets(["Emial", "Email", "E-mail"]) == [None, "email", None]


def test_custom_fields_are_matched_by_label_or_key() -> None:
    header = ["Budget", "industry_code", "custom.budget"]
    found = _targets(header, budget="Budget", industry_code="Industry")
    assert found == ["custom.budget", "custom.industry_code", None]


def test_empty_and_placeholder_cells_are_counted_per_column() -> None:
    rows = [["a", "", "N/A"], ["b", "  ", "-"], ["c", "x", "Please select"], ["d", "y", "ok"]]
    assert placeholder_counts(rows, 3) == [CellCounts(0, 0), CellCounts(2, 0), CellCounts(0, 3)]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["yes", "No", "y"], InferredType("boolean")),
        (["0", "1", "1"], InferredType("number")),
        (["12,000", "4.5", "-3"], InferredType("number")),
        (["2024-03-14", "2023-12-01"], InferredType("date")),
        # Dates in any one format the import reads: a UK spreadsheet's, Excel's serials.
        (["14/03/2024", "01/02/2024"], InferredType("date")),
        (["Mar 14, 2024", "Feb 1, 2024"], InferredType("date")),
        (["14/03/2024", "soon"], InferredType("text")),
        (
            ["Webinar", "Fair", "Webinar", "Fair", "Webinar", "Fair"],
            InferredType("choice", ("Webinar", "Fair")),
        ),
        (["Ann", "Ben", "Cy"], InferredType("text")),
        ([], InferredType("text")),
    ],
)
def test_the_type_holds_every_value(values: list[str], expected: InferredType) -> None:
    assert infer_type(values) == expected


def test_a_profile_skips_placeholders_when_inferring() -> None:
    rows = [["12"], ["N/A"], [""], ["7"]]
    [profile] = profile_columns(iter(rows), 1, block=2)
    assert (profile.counts, profile.values) == (CellCounts(1, 1), ["12", "7"])
    assert profile.inferred() == InferredType("number")
