"""``huddle import deals``: a HubSpot deals or Salesforce opportunities export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from huddle.core.importcommand import MappingOption, run_import_command
from huddle.lifecycle.importing.deals import CHUNK_SIZE, import_deals


def register(import_app: typer.Typer) -> None:
    """Adds ``deals`` to ``huddle import``."""
    import_app.command("deals")(import_deals_command)


def import_deals_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file")],
    errors: Annotated[
        Path | None, typer.Option(help="Where to write the rows that fail (CSV)")
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, hidden=True)] = CHUNK_SIZE,
    mapping: Annotated[Path | None, MappingOption] = None,
) -> None:
    """Import deals from a HubSpot deals export or a Salesforce opportunities export, with
    their dates, amounts, stages and reasons, linked to contacts by email or record id
    and to accounts. A re-import updates the deals it imported before. A won deal makes
    its contacts customers with its close date. Exit code: 0 all rows in, 1 some rows
    failed or need a look (see --errors), 2 nothing imported."""
    run_import_command(
        import_deals,
        file,
        errors=errors,
        noun="deals",
        chunk_size=chunk_size,
        mapping_file=mapping,
    )
