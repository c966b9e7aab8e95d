"""``huddle import touches``: activities (opens, clicks, meetings, calls, form fills)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from huddle.core.importcommand import MappingOption, run_import_command
from huddle.tracking.importing import CHUNK_SIZE, import_touches


def register(import_app: typer.Typer) -> None:
    """Adds ``touches`` to ``huddle import``."""
    import_app.command("touches")(import_touches_command)


def import_touches_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file")],
    errors: Annotated[
        Path | None, typer.Option(help="Where to write the rows that fail (CSV)")
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, hidden=True)] = CHUNK_SIZE,
    mapping: Annotated[Path | None, MappingOption] = None,
) -> None:
    """Import activities as touches with their own timestamps: a contact's email or record id, the
    activity's type (a registered event type, or an export's word for one: Open, Click,
    Call, Meeting, Form submission) and its date. A re-import stores nothing twice. Exit
    code: 0 all rows in, 1 some rows failed (see --errors), 2 nothing imported."""
    run_import_command(
        import_touches,
        file,
        errors=errors,
        noun="touches",
        chunk_size=chunk_size,
        mapping_file=mapping,
    )
