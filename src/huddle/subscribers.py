"""Registers every domain's event subscribers wherever Huddle runs (app, CLI, worker, tests).

The list lives here, not in each domain package's ``__init__``, so importing one domain never
drags in the others it reacts to (no import cycles).
"""

from __future__ import annotations

import importlib

SUBSCRIBER_MODULES = ("huddle.lifecycle.subscribers",)


def register() -> None:
    """Import each subscribers module; its ``@subscribe`` handlers register once per process."""
    for name in SUBSCRIBER_MODULES:
        importlib.import_module(name)
