"""The event bus runs an event's handlers phase by phase, whatever order they were
registered in, and the registry shows who reacts to what."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from huddle import subscribers
from huddle.contacts.events import ContactsCreated
from huddle.core import events
from huddle.core.events import DomainEvent, Phase, publish, subscribe, unsubscribe


@dataclass(frozen=True)
class Rang(DomainEvent):
    bell: str


@pytest.fixture
def calls() -> Iterator[list[str]]:
    seen: list[str] = []
    handlers = {
        # Registered reaction first, record second: the record must still run first.
        "react": lambda _s, e: seen.append(f"react {e.bell}"),
        "record": lambda _s, e: seen.append(f"record {e.bell}"),
        "react again": lambda _s, e: seen.append(f"react again {e.bell}"),
    }
    subscribe(Rang)(handlers["react"])
    subscribe(Rang, phase=Phase.RECORD)(handlers["record"])
    subscribe(Rang)(handlers["react again"])
    yield seen
    for handler in handlers.values():
        unsubscribe(Rang, handler)


def test_the_record_of_a_change_runs_before_reactions_registered_earlier(
    db: Session, calls: list[str]
) -> None:
    publish(db, Rang("front door"))
    assert calls == ["record front door", "react front door", "react again front door"]


def test_an_unsubscribed_handler_no_longer_runs(db: Session, calls: list[str]) -> None:
    publish(db, Rang("once"))
    for handler in events.handlers_of(Rang):
        unsubscribe(Rang, handler)
    publish(db, Rang("twice"))
    assert calls == ["record once", "react once", "react again once"]


def test_a_new_contact_gets_its_first_stage_before_scoring_can_move_it() -> None:
    """Scoring may qualify a new contact at once (an MQL move); the stage history must
    already start with the stage it was created in."""
    names = [handler.__qualname__ for handler in events.handlers_of(ContactsCreated)]
    assert names.index("record_first_stage") < names.index("score_new_contacts")


def test_the_registry_lists_each_event_with_its_handlers_and_each_job() -> None:
    lines = subscribers.describe()
    created = lines.index("ContactsCreated")
    handlers = list(itertools.takewhile(lambda line: line.startswith("    "), lines[created + 1 :]))
    assert handlers[0] == "    lifecycle.subscribers.record_first_stage"
    assert "    scoring.subscribers.score_new_contacts" in handlers
    jobs = lines.index("Jobs")
    assert any(line.startswith("    sla.tick: ") for line in lines[jobs:]), lines[jobs:]
