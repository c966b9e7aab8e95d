"""Columns mapped by hand: every problem named at once, the page's drop-downs and the
API's JSON read alike."""

from __future__ import annotations

import pytest

from huddle.core.columnmap import (
    ImportFields,
    mapped_positions,
    mapping_from_form,
    mapping_from_json,
)
from huddle.core.errors import ValidationFailed

FIELDS = ImportFields(
    labels={"id": "Id", "date": "Date", "kind": "Kind"},
    known_columns={"id": ("Record ID",), "date": ("Created Date",)},
)
HEADER = ["Record ID", "when", "what", ""]


def test_a_mapping_gives_each_field_its_columns_position_and_skips_empty_fields() -> None:
    assert mapped_positions(HEADER, {"when": "date", "what": "", "Record ID": "id"}, FIELDS) == {
        "date": 1,
        "id": 0,
    }


def test_every_problem_of_a_mapping_is_named() -> None:
    with pytest.raises(ValidationFailed) as refused:
        mapped_positions(
            HEADER, {"gone": "id", "when": "size", "Record ID": "date", "what": "date"}, FIELDS
        )
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("mapping.gone", "the file has no column 'gone'"),
        ("mapping.when", "unknown field 'size'; one of id, date, kind"),
        ("mapping.what", "date is already filled from column 'Record ID'"),
    ]


def test_the_pages_drop_downs_are_read_by_position() -> None:
    form = {"map.0": "id", "map.2": "kind", "map.1": "", "map.9": "date", "csrf": "x"}
    assert mapping_from_form(HEADER, form) == {"Record ID": "id", "what": "kind"}
    assert mapping_from_form(HEADER, {"csrf": "x"}) is None


@pytest.mark.parametrize("text", ["{", "[]", '{"a": 1}', '"x"'])
def test_the_apis_mapping_must_be_an_object_of_strings(text: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        mapping_from_json(text)
    assert refused.value.errors[0].field == "mapping"


def test_a_known_exports_names_are_suggested() -> None:
    assert FIELDS.suggested(["created date", "x", "RECORD ID"]) == {0: "date", 2: "id"}
    assert mapping_from_json(" ") is None
    assert mapping_from_json('{"a": "id"}') == {"a": "id"}
