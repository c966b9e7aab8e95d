"""The one registry of who reacts to what: every domain's event subscribers and job handlers.

Importing a module below registers its ``@subscribe`` and ``@job_handler`` functions. The
imports are plain imports, so the linter and a reader follow every link from here; the app,
the command line, the worker and the tests import this module (``register()`` says so at
the call site).

The order of these imports decides nothing: when handlers of one event must run in an
order, their ``core.events.Phase`` says so (the record of a change, its audit entry
included, is completed before other domains react). ``huddle subscribers`` prints, for each
event, its handlers in the order they run, and each job kind's handler.
"""

from __future__ import annotations

from huddle.analytics import subscribers as analytics_subscribers
from huddle.analytics import tasks as analytics_tasks
from huddle.assets import subscribers as asset_subscribers
from huddle.attribution import tasks as attribution_tasks
from huddle.audit import subscribers as audit_subscribers
from huddle.auth import tasks as auth_tasks
from huddle.contacts import service as contacts_service
from huddle.contacts import tasks as contact_tasks
from huddle.contacts.importing import erasure as import_erasure
from huddle.contacts.importing import tasks as import_tasks
from huddle.core import events, jobs
from huddle.feedback import subscribers as feedback_subscribers
from huddle.integrations import subscribers as integration_subscribers
from huddle.lifecycle import service as lifecycle_service
from huddle.lifecycle import subscribers as lifecycle_subscribers
from huddle.mailing import subscribers as mailing_subscribers
from huddle.mailing import tasks as mailing_tasks
from huddle.notifications import subscribers as notification_subscribers
from huddle.notifications import tasks as notification_tasks
from huddle.plays import subscribers as play_subscribers
from huddle.plays import tasks as play_tasks
from huddle.predictive import tasks as predictive_tasks
from huddle.routing import subscribers as routing_subscribers
from huddle.routing import tasks as routing_tasks
from huddle.scoring import subscribers as scoring_subscribers
from huddle.scoring import tasks as scoring_tasks
from huddle.sla import subscribers as sla_subscribers
from huddle.sla import tasks as sla_tasks
from huddle.tracking import subscribers as tracking_subscribers
from huddle.workflows import subscribers as workflow_subscribers
from huddle.workflows import tasks as workflow_tasks

# Which domain reacts to which: each module's docstring says what it listens for.
SUBSCRIBERS = (
    lifecycle_subscribers,  # contacts created or merged: the stage history follows
    audit_subscribers,  # every audited change, from every domain
    import_erasure,  # an erased contact's import rows
    notification_subscribers,  # a password reset's email ready: into the outbox
    tracking_subscribers,  # touches recorded: the tracking health figures
    scoring_subscribers,  # touches and contacts changed: scores, grades, qualification
    routing_subscribers,  # new MQLs and stage changes: hand-offs
    sla_subscribers,  # hand-offs, decisions, touches and stage changes: the SLA clocks
    integration_subscribers,  # the webhooks catalogue's events: queued to their webhooks
    analytics_subscribers,  # contacts merged: the survivor's funnel journey is rebuilt
    mailing_subscribers,  # a contact erased: its address leaves the send log; merged: sends move
    asset_subscribers,  # contacts merged: the assets sent move to the survivor
    feedback_subscribers,  # accounts merged: their feedback moves to the survivor
    workflow_subscribers,  # triggers' events: enrolments; touches: the waits for them end
    play_subscribers,  # touches: buying stages; a buying stage entered: its plays start
)
# Modules holding the ``@job_handler``/``@periodic_job`` functions the worker runs.
JOB_HANDLERS = (
    analytics_tasks,
    attribution_tasks,
    auth_tasks,
    import_tasks,
    contact_tasks,
    scoring_tasks,
    predictive_tasks,
    routing_tasks,
    notification_tasks,
    sla_tasks,
    mailing_tasks,
    workflow_tasks,
    play_tasks,
)

# The one port: an import that sets an existing contact's stage asks lifecycle to make the
# move (lifecycle builds on contacts, so contacts cannot import it).
contacts_service.move_stages_with(lifecycle_service.ImportedStageMoves())


def register() -> None:
    """Nothing left to do: importing this module put every subscriber and job handler in
    place. Where Huddle starts (app, command line, worker, tests) the call names the step."""


def describe() -> list[str]:
    """Lines for ``huddle subscribers``: each event with its handlers in the order they
    run, then each job kind with its handler."""
    lines: list[str] = []
    for event_type in events.subscribed_event_types():
        lines.append(event_type.__name__)
        lines += [f"    {_name_of(handler)}" for handler in events.handlers_of(event_type)]
    lines.append("Jobs")
    lines += [f"    {kind}: {_name_of(handler)}" for kind, handler in jobs.registered_handlers()]
    return lines


def _name_of(handler: object) -> str:
    module = getattr(handler, "__module__", "?").removeprefix("huddle.")
    return f"{module}.{getattr(handler, '__qualname__', repr(handler))}"
