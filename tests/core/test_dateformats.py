"""Dates as exports write them: each column's format found over the file, then read in it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from huddle.core.dateformats import (
    EXCEL_SERIAL,
    MOST_NOT_DATES,
    FormatFound,
    find_formats,
    fits,
    read,
)


@pytest.mark.parametrize(
    ("text", "date_format", "expected"),
    [
        ("2024-03-14", "iso", date(2024, 3, 14)),
        ("2024-03-14T09:30:00Z", "iso", datetime(2024, 3, 14, 9, 30, tzinfo=UTC)),
        ("3/14/2024 9:05 AM", "%m/%d/%Y", datetime(2024, 3, 14, 9, 5, tzinfo=UTC)),
        ("14/03/2024", "%d/%m/%Y", date(2024, 3, 14)),
        ("3/14/24", "%m/%d/%y", date(2024, 3, 14)),
        ("14/03/24 16:30", "%d/%m/%y", datetime(2024, 3, 14, 16, 30, tzinfo=UTC)),
        ("14.03.2024", "%d.%m.%Y", date(2024, 3, 14)),
        ("14-03-2024", "%d-%m-%Y", date(2024, 3, 14)),
        ("2024/03/14", "%Y/%m/%d", date(2024, 3, 14)),
        ("Mar 14, 2024", "%b %d, %Y", date(2024, 3, 14)),
        ("14 March 2024", "%d %B %Y", date(2024, 3, 14)),
        ("14-Mar-24", "%d-%b-%y", date(2024, 3, 14)),
        ("1710408600000", "epoch_ms", datetime(2024, 3, 14, 9, 30, tzinfo=UTC)),
    ],
)
def test_a_date_is_read_in_its_format(text: str, date_format: str, expected: object) -> None:
    assert read(text, date_format) == expected


@pytest.mark.parametrize(
    ("text", "date_format"),
    [
        # strptime would take "24" as the year 24.
        ("3/14/24", "%m/%d/%Y"),
        ("14/03/2024", "%m/%d/%Y"),
        ("31/02/2024", "%d/%m/%Y"),
        ("171040860", "epoch_ms"),
        ("soon", "iso"),
    ],
)
def test_a_date_not_in_the_format_is_refused(text: str, date_format: str) -> None:
    with pytest.raises(ValueError):
        read(text, date_format)


def _formats(header: list[str], rows: list[list[str]]) -> dict[str, FormatFound]:
    columns = {name: index for index, name in enumerate(header)}
    return find_formats(rows, columns, is_empty=lambda cell: cell.casefold() in {"n/a", "-"})


def test_each_column_takes_the_first_format_every_value_fits() -> None:
    found = _formats(
        ["Created", "Closed", "Renewal", "Signed", "Note"],
        [
            ["2024-03-14 10:00", "03/14/2024", "14.03.2024", "3/14/24", "soon"],
            ["2024-03-15T08:30:00Z", "N/A", "", "4/2/24", "later"],
        ],
    )

    assert {name: f.date_format for name, f in found.items()} == {
        "Created": "iso",
        "Closed": "%m/%d/%Y",
        "Renewal": "%d.%m.%Y",
        "Signed": "%m/%d/%y",
        "Note": None,
    }
    assert not any(f.ambiguous for f in found.values())


def test_a_column_no_value_of_which_tells_reads_as_the_files_others_do() -> None:
    # One day after the 12th in "Created" says the file is day first.
    found = _formats(["Created", "Won"], [["03/04/2024", "02/05/2024"], ["25/03/2024", ""]])

    assert found["Won"] == FormatFound("%d/%m/%Y")
    assert found["Created"].describe() == "DD/MM/YYYY"


def test_without_a_telling_value_a_column_is_read_month_first_and_said_ambiguous() -> None:
    found = _formats(["Created"], [["03/04/2024"], ["02/05/2024"]])

    assert found["Created"] == FormatFound("%m/%d/%Y", ambiguous=True)
    assert found["Created"].describe() == "MM/DD/YYYY (no value tells the day from the month)"


def test_columns_that_disagree_leave_the_undecided_one_ambiguous() -> None:
    found = _formats(["A", "B", "C"], [["03/14/2024", "25/03/2024", "03/04/2024"]])

    assert (found["A"].date_format, found["B"].date_format) == ("%m/%d/%Y", "%d/%m/%Y")
    assert found["C"] == FormatFound("%m/%d/%Y", ambiguous=True)


def test_the_file_is_read_only_until_every_column_is_decided() -> None:
    consumed = 0

    def rows() -> Iterator[list[str]]:
        nonlocal consumed
        for day in range(1, 29):
            consumed += 1
            yield [f"2024-03-{day:02d} 10:00", f"03/{day:02d}/2024"]

    found = find_formats(rows(), {"Created": 0, "Won": 1}, is_empty=lambda cell: False)

    # ISO is decided by the first row; month first by the first day after the 12th.
    assert (found["Created"].date_format, found["Won"].date_format) == ("iso", "%m/%d/%Y")
    assert consumed == 13


def test_a_cell_that_is_no_date_at_all_leaves_its_columns_format_standing() -> None:
    found = _formats(["Won"], [["05/04/2024"], ["soon"], ["25/04/2024"]])

    assert found["Won"] == FormatFound("%d/%m/%Y")


def test_a_column_is_decided_by_its_first_values_that_tell() -> None:
    # A later value written another way is read alone by the import (the history's
    # ``moment_in``, a custom field's cleaner): the file is not read to its end.
    found = _formats(["Won"], [["2024-04-05"], ["25/04/2024"]])

    assert found["Won"] == FormatFound("iso")


def test_a_column_of_little_but_words_is_given_up_rather_than_tried_on_every_row() -> None:
    consumed = 0

    def rows() -> Iterator[list[str]]:
        nonlocal consumed
        for _ in range(5_000):
            consumed += 1
            yield ["03/04/2024" if consumed == 1 else "soon"]

    found = find_formats(rows(), {"Won": 0}, is_empty=lambda cell: False)

    assert found["Won"] == FormatFound("%m/%d/%Y", ambiguous=True)
    assert consumed == 1 + MOST_NOT_DATES


def test_a_spreadsheets_day_numbers_are_read_as_its_dates() -> None:
    # Excel shows a date cell formatted as a number so: days since 30 December 1899.
    assert read("45365", EXCEL_SERIAL) == date(2024, 3, 14)
    assert read("45365.39583", EXCEL_SERIAL) == datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    found = find_formats(
        iter([["45365.39583"], ["45366"]]), {"Created": 0}, is_empty=lambda cell: False
    )
    assert found["Created"].date_format == EXCEL_SERIAL
    # No other number passes for one: a year, a count, a price.
    for text in ("2024", "12345", "99999", "45365,5"):
        assert not fits(text, EXCEL_SERIAL), text
