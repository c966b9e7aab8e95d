"""Spreadsheet-safe CSV cells: the kernel's (``huddle.core.csvcells``), shared with every
domain's exports."""

from huddle.core.csvcells import FORMULA_STARTS, csv_lines, escape_cell, unescape_cell

__all__ = ["FORMULA_STARTS", "csv_lines", "escape_cell", "unescape_cell"]
