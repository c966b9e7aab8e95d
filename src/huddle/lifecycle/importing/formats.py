"""The deals exports Huddle reads, by their documented headers: HubSpot's deals export and
Salesforce's opportunities export (report or Data Loader, labels or API names).

A header is matched ignoring case and spacing; each field takes the first of its columns
the file has. Pure: no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from huddle.core.cells import locate, squash
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


def detect_layout(header: list[str]) -> DealsLayout:
    """The format of a deals file from its header; 422 naming what is missing otherwise."""
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
