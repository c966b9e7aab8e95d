"""Registers every domain's event subscribers and job handlers wherever Huddle runs (app,
CLI, worker, tests).

The list lives here, not in each domain package's ``__init__``, so importing one domain never
drags in the others it reacts to (no import cycles).
"""

from __future__ import annotations

import importlib

SUBSCRIBER_MODULES = (
    "huddle.lifecycle.subscribers",
    "huddle.audit.subscribers",
    "huddle.contacts.importing.erasure",
    "huddle.tracking.subscribers",
    "huddle.scoring.subscribers",
    "huddle.routing.subscribers",
    "huddle.sla.subscribers",
    "huddle.notifications.subscribers",
)
# Modules whose ``@job_handler`` functions the worker runs.
JOB_HANDLER_MODULES = (
    "huddle.auth.tasks",
    "huddle.contacts.importing.tasks",
    "huddle.contacts.tasks",
    "huddle.scoring.tasks",
    "huddle.routing.tasks",
    "huddle.notifications.tasks",
    "huddle.sla.tasks",
)


def register() -> None:
    """Import each module once per process; its decorators register the handlers."""
    for name in (*SUBSCRIBER_MODULES, *JOB_HANDLER_MODULES):
        importlib.import_module(name)
