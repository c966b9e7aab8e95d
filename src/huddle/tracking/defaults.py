"""The event types every Huddle starts with (the migration seeds them; admins add more)."""

from __future__ import annotations

from typing import Any


def _schema(**types: str) -> dict[str, Any]:
    return {"type": "object", "properties": {k: {"type": t} for k, t in types.items()}}


# name, label, category, identifies, creates contacts, properties schema
DEFAULT_EVENT_TYPES: list[tuple[str, str, str, bool, bool, dict[str, Any]]] = [
    ("page_view", "Page view", "marketing", False, False, _schema(url="string", title="string")),
    ("form_submitted", "Form submitted", "marketing", True, True, _schema(form="string")),
    ("email_opened", "Email opened", "marketing", False, False, _schema(message="string")),
    (
        "email_clicked",
        "Email clicked",
        "marketing",
        True,
        False,
        _schema(message="string", url="string"),
    ),
    ("asset_downloaded", "Asset downloaded", "marketing", False, False, _schema(asset="string")),
    (
        "webinar_registered",
        "Webinar registered",
        "marketing",
        True,
        True,
        _schema(webinar="string"),
    ),
    ("webinar_attended", "Webinar attended", "marketing", True, True, _schema(webinar="string")),
    ("event_attended", "Event attended", "marketing", True, True, _schema(event="string")),
    ("demo_requested", "Demo requested", "sales", True, True, _schema(product="string")),
    ("quote_requested", "Quote requested", "sales", True, True, _schema(seats="integer")),
    ("meeting_booked", "Meeting booked", "sales", False, False, _schema(with_user="string")),
    ("trial_started", "Trial started", "product", True, True, _schema(plan="string")),
    ("product_login", "Product login", "product", False, False, _schema(workspace="string")),
    ("seats_installed", "Seats installed", "product", False, False, _schema(seats="integer")),
    ("feature_used", "Feature used", "product", False, False, _schema(feature="string")),
    ("support_ticket_opened", "Support ticket opened", "customer", False, False, {}),
    ("nps_response", "NPS response", "customer", False, False, _schema(score="integer")),
]

# Sales activity a rep logs on a lead (routing's SALES_ACTIVITY_TYPES; "meeting_booked" is
# above). Seeded by migration 0006, after the 17 above.
SALES_ACTIVITY_EVENT_TYPES: list[tuple[str, str, str, bool, bool, dict[str, Any]]] = [
    ("call_logged", "Call logged", "sales", False, False, _schema(note="string")),
    ("sales_email_sent", "Sales email sent", "sales", False, False, _schema(note="string")),
    ("meeting_held", "Meeting held", "sales", False, False, _schema(note="string")),
]

# Email conversations (migration 0011): what a workflow or campaign sent, and the person's
# reply. Without them in the registry, scoring rules and the tracking settings could not
# name the touches a marketing send or a reply leaves on the timeline.
EMAIL_EVENT_TYPES: list[tuple[str, str, str, bool, bool, dict[str, Any]]] = [
    ("email_sent", "Marketing email sent", "marketing", False, False, _schema(subject="string")),
    ("email_replied", "Email replied", "sales", False, False, _schema(subject="string")),
]

# Tasks a rep completed (migration 0052): a CRM's tasks of type "Other", or of none, which
# an activities import of a Salesforce or HubSpot tasks export brings.
TASK_EVENT_TYPES: list[tuple[str, str, str, bool, bool, dict[str, Any]]] = [
    ("task_completed", "Task completed", "sales", False, False, _schema(subject="string")),
]
