"""Tracking's rules and state changes: ``from huddle.tracking import service``."""

from huddle.tracking.service.config import (
    create_event_type,
    create_form,
    create_site,
    event_type_activity,
    get_event_type,
    get_form,
    get_form_by_key,
    get_site,
    list_event_types,
    list_forms,
    list_sites,
    update_event_type,
    update_form,
    update_site,
)
from huddle.tracking.service.email import (
    record_asset_download,
    record_email_click,
    record_email_open,
)
from huddle.tracking.service.ingest import (
    MAX_BATCH,
    IngestReport,
    ReplayConflict,
    check_touch_type,
    ingest_events,
)
from huddle.tracking.service.submissions import PublicForm, Submitted, public_form, submit_form
from huddle.tracking.service.tokens import (
    InvalidToken,
    click_token,
    identity_token,
    open_token,
    read_identity_token,
)
from huddle.tracking.service.website import (
    Identification,
    PageView,
    identify_visitor,
    origin_allowed,
    record_page_views,
)

__all__ = [
    "MAX_BATCH",
    "Identification",
    "IngestReport",
    "InvalidToken",
    "PageView",
    "PublicForm",
    "ReplayConflict",
    "Submitted",
    "check_touch_type",
    "click_token",
    "create_event_type",
    "create_form",
    "create_site",
    "event_type_activity",
    "get_event_type",
    "get_form",
    "get_form_by_key",
    "get_site",
    "identify_visitor",
    "identity_token",
    "ingest_events",
    "list_event_types",
    "list_forms",
    "list_sites",
    "open_token",
    "origin_allowed",
    "public_form",
    "read_identity_token",
    "record_asset_download",
    "record_email_click",
    "record_email_open",
    "record_page_views",
    "submit_form",
    "update_event_type",
    "update_form",
    "update_site",
]
