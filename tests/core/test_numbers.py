"""Numbers and amounts as spreadsheets write them in any locale (``core.numbers``,
``core.cells.parse_amount``)."""

from __future__ import annotations

import pytest

from huddle.core.cells import Amount, CellError, is_empty, parse_amount
from huddle.core.numbers import (
    NotANumber,
    decimal_mark_told,
    find_decimal_marks,
    read_number,
)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("1.234,50", ","),  # both: the last one marks the decimals
        ("1,234.50", "."),
        ("1.234.567", ","),  # a separator used twice groups
        ("1,234,567", "."),
        ("3,5", ","),  # other than three digits after it
        ("12.25", "."),
        ("12 500,00", ","),
        ("1,250", None),  # three digits after a lone separator: either
        ("1.250", None),
        ("7", None),
    ],
)
def test_what_a_cell_alone_tells_of_its_decimal_mark(text: str, told: str | None) -> None:
    assert decimal_mark_told(text) == told


@pytest.mark.parametrize(
    ("text", "mark", "number"),
    [
        ("1,250", None, 1250),  # nothing tells: as a US spreadsheet writes
        ("1.250", None, 1.25),
        ("1.250", ",", 1250),  # in a column whose other cells write "4.800,00"
        ("1,250", ",", 1.25),
        ("1,234.5", ",", 1234.5),  # a cell that tells is read its own way
        ("12 500,00", None, 12500.0),
        ("1\u202f234", None, 1234),
    ],
)
def test_a_cell_is_read_with_its_columns_decimal_mark_when_it_does_not_tell(
    text: str, mark: str | None, number: float
) -> None:
    assert read_number(text, mark) == number  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["12.5k", "1,2,3", "1,23,456", "", "--5"])
def test_what_is_no_number_is_refused(text: str) -> None:
    with pytest.raises(NotANumber):
        read_number(text)


def test_a_columns_decimal_mark_is_its_first_cell_that_tells() -> None:
    rows = [["A", "1.250", "7"], ["B", "", "2"], ["C", "4.800,00", "1,5"], ["D", "9,99", "3"]]

    found = find_decimal_marks(iter(rows), {"Amount": 1, "Qty": 2, "Name": 0}, is_empty)

    assert found == {"Amount": ",", "Qty": ","}


@pytest.mark.parametrize(
    ("cell", "amount", "currency"),
    [
        ("12,000.50", 12000.5, None),
        ("$12,000", 12000.0, "USD"),
        ("USD 1,200.00", 1200.0, "USD"),
        ("€4.800,00", 4800.0, "EUR"),
        ("1.200,50 €", 1200.5, "EUR"),
        ("1 200 SEK", 1200.0, "SEK"),
        ("(1,000.00)", -1000.0, None),  # an accountant's brackets
        ("-$1,000", -1000.0, "USD"),
        ("n/a", None, None),
    ],
)
def test_an_amount_with_its_sign_code_and_separators(
    cell: str, amount: float | None, currency: str | None
) -> None:
    assert parse_amount(cell) == (None if amount is None else Amount(amount, currency))


@pytest.mark.parametrize("cell", ["12.5k", "about 300", "$"])
def test_an_amount_that_is_not_one_says_how_to_write_it(cell: str) -> None:
    with pytest.raises(CellError, match=r"is not an amount; write it as 12000 or 12,000\.50"):
        parse_amount(cell)
