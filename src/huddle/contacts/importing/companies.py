"""Loading the built-in enrichment provider's table (``enrichment_companies``) from a CSV.

An import like the contacts' one (the same reader, so the same encodings and limits), and
so it lives here: enrichment itself only looks companies up and fills accounts.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.enrichment import ENRICHABLE_FIELDS
from huddle.contacts.importing.reader import CsvSource, SourceRow, inspect_file
from huddle.contacts.schemas.normalize import normalize_domain
from huddle.core.errors import FieldError, ValidationFailed

CSV_COLUMNS = ("domain", *ENRICHABLE_FIELDS)
_TEXT_LIMITS = {"name": 300, "industry": 120, "country": 100, "region": 100, "city": 100}
# Errors listed in one ValidationFailed; the message gives the total.
MAX_REPORTED_ERRORS = 200


def load_companies_csv(session: Session, path: Path | str, *, chunk_size: int = 1000) -> int:
    """Load (insert or update by normalised domain) the companies of a CSV file.

    Columns: domain (required), name, industry, employee_count, annual_revenue, country,
    region, city, technologies (";"-separated). All or nothing: the file is checked first,
    and if any row is bad, ``ValidationFailed`` lists each problem as the column with
    "line N: reason" and nothing is loaded, so a fixed file can simply be loaded again.
    A domain that appears twice takes its last row. Returns the number of rows loaded.
    """
    path = Path(path)
    facts = inspect_file(path)
    errors: list[FieldError] = []
    count = 0
    with CsvSource(path, facts) as source:
        columns = _check_columns(source.header)
        for row in source.rows():
            problems = _parse(columns, row)[1]
            errors.extend(problems)
            count += not problems
    if errors:
        raise ValidationFailed(
            f"{len(errors)} problem(s) in {path.name}; nothing was loaded",
            errors[:MAX_REPORTED_ERRORS],
        )
    with CsvSource(path, facts) as source:
        for chunk in _chunks(columns, source.rows(), chunk_size):
            repository.upsert_enrichment_companies(session, chunk)
    return count


def _check_columns(header: list[str]) -> list[str]:
    columns = [name.lower() for name in header]
    unknown = [name for name in columns if name and name not in CSV_COLUMNS]
    problems = [FieldError(name, "line 1: unknown column") for name in unknown]
    if "domain" not in columns:
        problems.append(FieldError("domain", "line 1: the file needs a domain column"))
    if problems:
        raise ValidationFailed("the header row does not fit", problems)
    return columns


def _chunks(
    columns: list[str], rows: Iterator[SourceRow], size: int
) -> Iterator[list[dict[str, Any]]]:
    # Keyed by domain: one statement may not update the same row twice (PostgreSQL).
    chunk: dict[str, dict[str, Any]] = {}
    for row in rows:
        values = _parse(columns, row)[0]
        chunk[values["domain"]] = values
        if len(chunk) >= size:
            yield list(chunk.values())
            chunk = {}
    if chunk:
        yield list(chunk.values())


def _parse(columns: list[str], row: SourceRow) -> tuple[dict[str, Any], list[FieldError]]:
    cells = {name: cell.strip() for name, cell in zip(columns, row.cells, strict=False) if name}
    values: dict[str, Any] = dict.fromkeys(ENRICHABLE_FIELDS)
    errors: list[FieldError] = []

    def problem(column: str, message: str) -> None:
        errors.append(FieldError(column, f"line {row.line}: {message}"))

    if row.broken is not None:
        problem(row.broken[0] or "file", row.broken[1])
        return values, errors

    domain = normalize_domain(cells.get("domain"))
    if domain is None:
        raw = cells.get("domain")
        problem("domain", f"'{raw}' is not a domain" if raw else "domain is required")
    values["domain"] = domain
    for name, limit in _TEXT_LIMITS.items():
        text = cells.get(name) or None
        if text is not None and len(text) > limit:
            problem(name, f"longer than {limit} characters")
        values[name] = text
    for name, kind, what in (
        ("employee_count", int, "a whole number"),
        ("annual_revenue", float, "a number"),
    ):
        text = (cells.get(name) or "").replace(",", "")
        if not text:
            continue
        try:
            number = kind(text)
        except ValueError:
            problem(name, f"'{cells[name]}' is not {what}")
            continue
        if number < 0 or not math.isfinite(number):
            problem(name, "must be zero or more")
        values[name] = number
    technologies = [t.strip() for t in (cells.get("technologies") or "").split(";")]
    values["technologies"] = [t for t in dict.fromkeys(technologies) if t]
    if any(len(t) > 100 for t in values["technologies"]):
        problem("technologies", "a technology is longer than 100 characters")
    return values, errors
