"""Reading an import file: the kernel's (``huddle.core.csvfiles``), which every domain's
import shares; its names stay importable from here for the contact import's modules."""

from huddle.core.csvfiles import (
    ENCODING_LABELS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROW_CHARS,
    CsvSource,
    FileFacts,
    SourceRow,
    choose_encoding,
    inspect_file,
)

__all__ = [
    "ENCODING_LABELS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROW_CHARS",
    "CsvSource",
    "FileFacts",
    "SourceRow",
    "choose_encoding",
    "inspect_file",
]
