"""The SLA's service layer: versions and signatures, calendars, clocks, reports."""

from huddle.sla.service.calendars import CalendarCache, list_calendars, save_calendar
from huddle.sla.service.clock_pass import PassResult, run_due
from huddle.sla.service.clocks import contact_clocks
from huddle.sla.service.reactions import (
    on_decided,
    on_handed_off,
    on_play_task_done,
    on_play_task_opened,
    on_play_task_withdrawn,
    on_recycled,
    on_stage_changed,
    on_touches,
)
from huddle.sla.service.versions import (
    active_version,
    create_draft,
    diff_versions,
    get_version,
    list_versions,
    sign,
    signatures,
    terms_json,
    update_draft,
)

__all__ = [
    "CalendarCache",
    "PassResult",
    "active_version",
    "contact_clocks",
    "create_draft",
    "diff_versions",
    "get_version",
    "list_calendars",
    "list_versions",
    "on_decided",
    "on_handed_off",
    "on_play_task_done",
    "on_play_task_opened",
    "on_play_task_withdrawn",
    "on_recycled",
    "on_stage_changed",
    "on_touches",
    "run_due",
    "save_calendar",
    "sign",
    "signatures",
    "terms_json",
    "update_draft",
]
