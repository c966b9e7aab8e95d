"""The mailing domain's rules and state changes: ``from huddle.mailing import service``."""

from huddle.mailing.service.delivery import deliver
from huddle.mailing.service.sending import (
    DELIVER_JOB,
    SendOutcome,
    list_sends,
    send_template,
    send_template_to_contact,
    send_test,
    why_not_send,
)
from huddle.mailing.service.suppressions import (
    Suppressed,
    add_suppression,
    is_suppressed,
    list_suppressions,
    record_delivery_events,
    record_report,
    remove_suppression,
    scrub_erased,
)
from huddle.mailing.service.templates import (
    check_may_manage,
    check_source,
    create_template,
    delete_template,
    get_template,
    list_templates,
    preview,
    template_names,
    update_template,
)

__all__ = [
    "DELIVER_JOB",
    "SendOutcome",
    "Suppressed",
    "add_suppression",
    "check_may_manage",
    "check_source",
    "create_template",
    "delete_template",
    "deliver",
    "get_template",
    "is_suppressed",
    "list_sends",
    "list_suppressions",
    "list_templates",
    "preview",
    "record_delivery_events",
    "record_report",
    "remove_suppression",
    "scrub_erased",
    "send_template",
    "send_template_to_contact",
    "send_test",
    "template_names",
    "update_template",
    "why_not_send",
]
