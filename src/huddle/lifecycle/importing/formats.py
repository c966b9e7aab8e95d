"""The deals exports Huddle reads, by their documented headers: HubSpot's deals export and
Salesforce's opportunities export (report or Data Loader, labels or API names).

A header is matched ignoring case and spacing; each field takes the first of its columns
the file has. Pure: no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from huddle.core.cells import locate, squash
from huddle.core.columnmap import ImportFields, either_export, mapped_positions
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.stages import OPEN_PIPELINE_STAGES


@dataclass(frozen=True)
class DealsFormat:
    key: str
    label: str
    # The deal's id there is stored as "<key>:<id>" (Opportunity.external_id).
    detect: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]


_SHARED: dict[str, tuple[str, ...]] = {
    "amount": ("Amount",),
    "close_date": ("Close Date", "CloseDate"),
}

HUBSPOT = DealsFormat(
    key="hubspot",
    label="HubSpot deals export",
    detect=("Deal Name",),
    columns=_SHARED
    | {
        "external_id": ("Record ID", "Deal ID"),
        "name": ("Deal Name",),
        "stage": ("Deal Stage",),
        "pipeline": ("Pipeline",),
        "created_at": ("Create Date",),
        "owner": ("Deal owner", "Deal Owner", "HubSpot Owner"),
        "contacts": ("Associated Contact", "Associated Contacts", "Contact email"),
        # The contacts' record ids, as a HubSpot contacts export's "Record ID" (several
        # separated by ";"): how contacts without email are linked.
        "contact_ids": ("Associated Contact IDs", "Associated Contact ID"),
        "company": ("Associated Company", "Associated Companies", "Company name"),
        "lost_reason": ("Closed Lost Reason",),
        "won_reason": ("Closed Won Reason",),
        "is_won": ("Is Closed Won",),
        "is_closed": ("Is Closed", "Is closed"),
        "currency": ("Currency", "Deal currency code"),
    },
)

SALESFORCE = DealsFormat(
    key="salesforce",
    label="Salesforce opportunities export",
    detect=("Opportunity Name", "StageName"),
    columns=_SHARED
    | {
        "external_id": ("Opportunity ID", "Id"),
        "name": ("Opportunity Name", "Name"),
        "stage": ("Stage", "StageName"),
        "created_at": ("Created Date", "CreatedDate"),
        "owner": ("Opportunity Owner", "Owner", "Owner Email"),
        "contacts": (
            "Contact email",
            "Contact Email",
            "Contact: Email",
            "Primary Contact Email",
            "Primary Contact",
        ),
        "contact_ids": ("Contact ID", "ContactId", "Primary Contact ID"),
        "company": ("Account Name", "Account"),
        "lost_reason": ("Loss Reason", "Closed Lost Reason", "Reason Lost"),
        "won_reason": ("Win Reason", "Closed Won Reason"),
        "is_won": ("Won", "IsWon"),
        "is_closed": ("Closed", "IsClosed"),
        "currency": ("Opportunity Currency", "CurrencyIsoCode", "Currency"),
    },
)

FORMATS = (HUBSPOT, SALESFORCE)
REQUIRED = ("external_id", "name")

# A file mapped by hand: any columns, named by the person importing it. Its deals' ids are
# stored as "csv:<id>". A deal with no name column is named after its id.
MAPPED = DealsFormat(key="csv", label="deals file mapped by hand", detect=(), columns={})
DEAL_FIELDS = ImportFields(
    labels={
        "external_id": "Deal id (required: a re-import updates the deal)",
        "name": "Deal name",
        "stage": "Deal stage",
        "pipeline": "Pipeline",
        "amount": "Amount",
        "currency": "Currency code",
        "created_at": "Created date",
        "close_date": "Close date (expected, or when it closed)",
        "won_date": "Won date (a row with one is a deal won then)",
        "lost_date": "Lost date (a row with one is a deal lost then)",
        "owner": "Owner: a user's email or name",
        "contacts": "Contacts' emails",
        "contact_ids": "Contacts' record ids (the contacts import's external id)",
        "company": "Company name",
        "won_reason": "Won reason",
        "lost_reason": "Lost reason",
        "is_won": "Won (yes/no)",
        "is_closed": "Closed (yes/no)",
    },
    # Every known export's name for each field: the imports page presets a Salesforce
    # export's drop-downs as well as a HubSpot one's.
    known_columns=either_export(
        SALESFORCE.columns,
        HUBSPOT.columns,
        {"won_date": ("Won Date", "Closed Won Date"), "lost_date": ("Lost Date",)},
    ),
)

# Deal stages by name, for HubSpot's default pipeline (internal values and labels read
# alike once squashed), Salesforce's default stages and Huddle's own. A closed stage wins
# over the file's won/closed flags only where those are absent.
_STAGES = {
    "appointmentscheduled": "qualification",
    "qualifiedtobuy": "qualification",
    "presentationscheduled": "discovery",
    "decisionmakerboughtin": "proposal",
    "contractsent": "negotiation",
    "prospecting": "qualification",
    "qualification": "qualification",
    "needsanalysis": "discovery",
    "valueproposition": "discovery",
    "iddecisionmakers": "discovery",
    "perceptionanalysis": "proposal",
    "proposalpricequote": "proposal",
    "negotiationreview": "negotiation",
    "discovery": "discovery",
    "proposal": "proposal",
    "negotiation": "negotiation",
    "closedwon": "closed_won",
    "closedlost": "closed_lost",
}


def pipeline_stage(cell: str) -> str | None:
    """Huddle's pipeline stage for a stage name from the file, or None if unknown."""
    return _STAGES.get(squash(cell))


def known_stages() -> str:
    return ", ".join([*OPEN_PIPELINE_STAGES, "closed_won", "closed_lost"])


@dataclass(frozen=True)
class DealsLayout:
    """Where each field is in a given file: field -> column index."""

    source: DealsFormat
    positions: dict[str, int]
    header: list[str]

    def column(self, field: str) -> str:
        return self.header[self.positions[field]]


def _export_keeping_its_ids(header: list[str], positions: Mapping[str, int]) -> DealsFormat:
    """The known export a file mapped by hand is, when its deal ids are that export's own
    id column (the imports page presets it so): its deals are then keyed as that export's,
    whichever way the file comes in, and a re-import from the command line updates them."""
    id_column = header[positions["external_id"]]
    for source in FORMATS:
        if locate(header, {"detect": source.detect}) and id_column in source.columns.get(
            "external_id", ()
        ):
            return source
    return MAPPED


def detect_layout(header: list[str], mapping: Mapping[str, str] | None = None) -> DealsLayout:
    """The format of a deals file from its header, or its ``mapping`` ({column: field})
    given by hand; 422 naming what is missing otherwise."""
    if mapping is not None:
        positions = mapped_positions(header, mapping, DEAL_FIELDS)
        if "external_id" not in positions:
            raise ValidationFailed(
                "the mapping has no deal id",
                [
                    FieldError(
                        "mapping",
                        "map a column to external_id (the deal's id in the file): it lets "
                        "a re-import update each deal instead of adding it again",
                    )
                ],
            )
        return DealsLayout(_export_keeping_its_ids(header, positions), positions, header)
    for source in FORMATS:
        if not locate(header, {"detect": source.detect}):
            continue
        positions = locate(header, source.columns)
        missing = [source.columns[f][0] for f in REQUIRED if f not in positions]
        if missing:
            raise ValidationFailed(
                f"the {source.label} has no {' or '.join(missing)} column",
                [
                    FieldError(
                        "file",
                        f"a {source.label} needs the column(s) {', '.join(missing)}: the id "
                        "lets a re-import update each deal instead of adding it again",
                    )
                ],
            )
        return DealsLayout(source, positions, header)
    raise ValidationFailed(
        "not a deals export Huddle knows",
        [
            FieldError(
                "file",
                "expected a HubSpot deals export (a 'Deal Name' column) or a Salesforce "
                "opportunities export (an 'Opportunity Name' column)",
            )
        ],
    )
