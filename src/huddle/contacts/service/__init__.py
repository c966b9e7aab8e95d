"""The shared record's rules and state changes: ``from huddle.contacts import service``.

Split by subject (contacts, accounts, touches, notes, consent, custom fields, saved views,
the timeline); merging lives in ``huddle.contacts.merge`` and enrichment in
``huddle.contacts.enrichment``. Every name other domains use is re-exported here.

Lifecycle builds on contacts, so nothing here imports it. Where contacts' records meet its
own, lifecycle composes: the whole timeline (``lifecycle.service.timeline``, through
``compose_timeline``), notes on deals (``lifecycle.service.add_deal_note``), an import's
stage moves (the ``StageMover`` it registers).
"""

from huddle.contacts.enrichment import enrich_account
from huddle.contacts.merge import merge_accounts, merge_contacts
from huddle.contacts.service.accounts import (
    account_for_company,
    enrich,
    get_account,
    list_accounts,
    update_account,
    upsert_account,
)
from huddle.contacts.service.bulk import BULK_LIMIT, BulkOutcome, Refusal
from huddle.contacts.service.bulk import assign_owner as bulk_assign_owner
from huddle.contacts.service.bulk import change_stage as bulk_change_stage
from huddle.contacts.service.consent import (
    can_email,
    consent_history,
    record_consent,
    set_consent,
)
from huddle.contacts.service.contacts import (
    EXACT_COUNT_CAP,
    ContactTotal,
    apply_stage,
    apply_stages,
    authorize_export,
    contacts_by_id,
    count_contacts,
    create_contact,
    export_columns,
    export_rows,
    get_contact,
    get_contact_detail,
    iter_contacts,
    list_contacts,
    refresh_statistics,
    set_created_dates,
    update_contact,
    upsert_contact,
)
from huddle.contacts.service.custom_fields import (
    FieldKinds,
    clean_custom_values,
    custom_field_kinds,
    define_custom_field,
    get_custom_field,
    list_custom_fields,
    update_custom_field,
)
from huddle.contacts.service.custom_filters import check_filters
from huddle.contacts.service.grouping import GroupableField, count_contacts_by, groupable_fields
from huddle.contacts.service.notes import (
    add_deal_note,
    add_note,
    deal_notes,
    get_note,
    resolve_mentions,
)
from huddle.contacts.service.privacy import erase_contact, is_erased, personal_data
from huddle.contacts.service.saved_views import delete_view, get_view, list_views, save_view
from huddle.contacts.service.stage_moves import (
    ContactHistory,
    PastMove,
    StageMover,
    in_order,
    move_stages_with,
    stage_mover,
)
from huddle.contacts.service.submitted import (
    NOT_APPLIED,
    OWN_FIELDS,
    apply_touch_values,
    pending_values,
    split_values,
)
from huddle.contacts.service.timeline import (
    NewItems,
    TimelineSource,
    compose_timeline,
    compose_timeline_since,
    timeline_item,
)
from huddle.contacts.service.touches import (
    ACTIVITY_CAP,
    IdempotencyConflict,
    TouchActivity,
    TouchRow,
    attach_visitor_touches,
    attribution_values,
    find_contacts,
    find_contacts_by_external_id,
    fingerprint,
    get_touch,
    idempotency_scope,
    map_touch_campaigns,
    queue_campaign_remap,
    record_touch,
    record_touches,
    refresh_attribution,
    replay_conflicts,
    store_touch,
    touch_activity,
)
from huddle.contacts.service.visibility import contact_read, sees_personal

__all__ = [
    "ACTIVITY_CAP",
    "BULK_LIMIT",
    "EXACT_COUNT_CAP",
    "NOT_APPLIED",
    "OWN_FIELDS",
    "BulkOutcome",
    "ContactHistory",
    "ContactTotal",
    "FieldKinds",
    "GroupableField",
    "IdempotencyConflict",
    "NewItems",
    "PastMove",
    "Refusal",
    "StageMover",
    "TimelineSource",
    "TouchActivity",
    "TouchRow",
    "account_for_company",
    "add_deal_note",
    "add_note",
    "apply_stage",
    "apply_stages",
    "apply_touch_values",
    "attach_visitor_touches",
    "attribution_values",
    "authorize_export",
    "bulk_assign_owner",
    "bulk_change_stage",
    "can_email",
    "check_filters",
    "clean_custom_values",
    "compose_timeline",
    "compose_timeline_since",
    "consent_history",
    "contact_read",
    "contacts_by_id",
    "count_contacts",
    "count_contacts_by",
    "create_contact",
    "custom_field_kinds",
    "deal_notes",
    "define_custom_field",
    "delete_view",
    "enrich",
    "enrich_account",
    "erase_contact",
    "export_columns",
    "export_rows",
    "find_contacts",
    "find_contacts_by_external_id",
    "fingerprint",
    "get_account",
    "get_contact",
    "get_contact_detail",
    "get_custom_field",
    "get_note",
    "get_touch",
    "get_view",
    "groupable_fields",
    "idempotency_scope",
    "in_order",
    "is_erased",
    "iter_contacts",
    "list_accounts",
    "list_contacts",
    "list_custom_fields",
    "list_views",
    "map_touch_campaigns",
    "merge_accounts",
    "merge_contacts",
    "move_stages_with",
    "pending_values",
    "personal_data",
    "queue_campaign_remap",
    "record_consent",
    "record_touch",
    "record_touches",
    "refresh_attribution",
    "refresh_statistics",
    "replay_conflicts",
    "resolve_mentions",
    "save_view",
    "sees_personal",
    "set_consent",
    "set_created_dates",
    "split_values",
    "stage_mover",
    "store_touch",
    "timeline_item",
    "touch_activity",
    "update_account",
    "update_contact",
    "update_custom_field",
    "upsert_account",
    "upsert_contact",
]
