"""The lifecycle domain's rules and state changes: stage moves, configuration, deals."""

from huddle.lifecycle.service.configuration import (
    add_rejection_reason,
    deactivate_rejection_reason,
    list_allowed_transitions,
    list_rejection_reasons,
    set_allowed_transitions,
)
from huddle.lifecycle.service.deal_notes import DealActivityItem, add_deal_note, deal_activity
from huddle.lifecycle.service.history import import_contact_history
from huddle.lifecycle.service.imported import ImportedStageMoves
from huddle.lifecycle.service.opportunities import (
    add_contact_role,
    close_opportunity,
    contact_roles,
    create_opportunity,
    delete_opportunity,
    get_opportunity,
    list_opportunities,
    move_opportunity,
    pipeline_board,
    remove_contact_role,
    update_opportunity,
)
from huddle.lifecycle.service.privacy import contact_personal_data, scrub_contact
from huddle.lifecycle.service.timeline import timeline, timeline_since
from huddle.lifecycle.service.transitions import (
    count_stage_entries,
    recorded_by,
    reject_lead,
    stage_entries,
    stage_history,
    transition_stage,
)
from huddle.lifecycle.service.winning import ClosedDeal, ContactWin, PastMoves, win_contacts

__all__ = [
    "ClosedDeal",
    "ContactWin",
    "DealActivityItem",
    "ImportedStageMoves",
    "PastMoves",
    "add_contact_role",
    "add_deal_note",
    "add_rejection_reason",
    "close_opportunity",
    "contact_personal_data",
    "contact_roles",
    "count_stage_entries",
    "create_opportunity",
    "deactivate_rejection_reason",
    "deal_activity",
    "delete_opportunity",
    "get_opportunity",
    "import_contact_history",
    "list_allowed_transitions",
    "list_opportunities",
    "list_rejection_reasons",
    "move_opportunity",
    "pipeline_board",
    "recorded_by",
    "reject_lead",
    "remove_contact_role",
    "scrub_contact",
    "set_allowed_transitions",
    "stage_entries",
    "stage_history",
    "timeline",
    "timeline_since",
    "transition_stage",
    "update_opportunity",
    "win_contacts",
]
