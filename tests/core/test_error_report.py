"""An import's error report: one line per row to look at, its columns and reasons."""

from __future__ import annotations

import csv
from pathlib import Path

from huddle.core.csvreport import ErrorReport


def test_a_row_names_each_column_at_fault_once_and_every_reason(tmp_path: Path) -> None:
    report = ErrorReport(tmp_path / "errors.csv", ["Deal ID", "Amount"])
    report.add(2, [("", "contact #4 stays a Lead"), ("", "contact #5 stays a Lead")], ["7", "9"])
    report.add(3, [("Amount", "is negative"), ("Amount", "is not a number")], ["8", "ten"])
    report.close()

    with (tmp_path / "errors.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    assert [(r["error_line"], r["error_column"], r["error_reason"]) for r in rows] == [
        ("2", "", "contact #4 stays a Lead; contact #5 stays a Lead"),
        ("3", "Amount", "is negative; is not a number"),
    ]
    assert (rows[1]["Deal ID"], rows[1]["Amount"]) == ("8", "ten")
