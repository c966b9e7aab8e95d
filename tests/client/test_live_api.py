"""What an integrator does with the official Python client, against a live server: list,
create and update contacts, send events, read scores with their explanation and the SLA.

Only the generated client's operations are called (no raw HTTP): a spec that stops
describing what the server does breaks here. The names below are the generator's, made from
the spec's operation ids; they change with them (`make client`, then these imports).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from http import HTTPStatus

import pytest
from huddle_client import AuthenticatedClient, Client
from huddle_client.api.contacts import contacts_create as create_contact
from huddle_client.api.contacts import contacts_get as get_contact
from huddle_client.api.contacts import contacts_list as list_contacts
from huddle_client.api.contacts import contacts_update as update_contact
from huddle_client.api.scoring import score_models_create as create_model
from huddle_client.api.scoring import score_models_list as list_models
from huddle_client.api.scoring import scoring_contact_scores as contact_scores
from huddle_client.api.sla import sla_compliance
from huddle_client.api.sla import sla_contact_clocks as contact_clocks
from huddle_client.api.sla import sla_versions_list as list_sla_versions
from huddle_client.api.tracking import events_ingest as ingest_events
from huddle_client.models import (
    BehaviourRule,
    ContactCreate,
    ContactPage,
    ContactRead,
    ContactScoresRead,
    ContactUpdate,
    EventBatchResult,
    EventFilter,
    EventsIngestEventBatch,
    EventsIngestEventBatchEventIn,
    ScoreModelRead,
    ScoreModelWrite,
    TermCompliance,
)

from huddle.core import clock
from tests.client.conftest import LiveHuddle

DEMO_RULE = BehaviourRule(
    kind="behaviour", name="Demo", points=40, event=EventFilter(types=["demo_requested"])
)

# The client talks to its own SQLite server, whatever database the run is on: the
# PostgreSQL runs leave these out (Makefile).
pytestmark = pytest.mark.client


def _email() -> str:
    return f"client-{uuid.uuid4().hex[:10]}@huddle.example"


def _create(huddle: AuthenticatedClient, **fields: str) -> ContactRead:
    created = create_contact.sync(client=huddle, body=ContactCreate(email=_email(), **fields))
    assert isinstance(created, ContactRead)
    return created


def _events(
    *events: EventsIngestEventBatchEventIn,
) -> EventsIngestEventBatch:
    return EventsIngestEventBatch(events=list(events))


def test_a_request_without_a_token_is_refused(live_huddle: LiveHuddle) -> None:
    with Client(base_url=live_huddle.url) as anonymous:
        assert list_contacts.sync_detailed(client=anonymous).status_code == HTTPStatus.UNAUTHORIZED


def test_create_then_update_a_contact(huddle: AuthenticatedClient) -> None:
    created = _create(huddle, first_name="Ada", job_title="Engineer")
    assert (created.first_name, created.lifecycle_stage) == ("Ada", "lead")

    updated = update_contact.sync(
        contact_id=created.id, client=huddle, body=ContactUpdate(job_title="CTO")
    )

    assert isinstance(updated, ContactRead)
    assert (updated.first_name, updated.job_title) == ("Ada", "CTO")
    fetched = get_contact.sync(contact_id=created.id, client=huddle)
    assert isinstance(fetched, ContactRead)
    assert fetched.job_title == "CTO"


def test_list_contacts_page_by_page(huddle: AuthenticatedClient) -> None:
    made = {_create(huddle, last_name="Paged").id for _ in range(3)}

    seen: list[int] = []
    cursor: str | None = None
    while True:
        page = list_contacts.sync(client=huddle, q="Paged", limit=2, cursor=cursor or None)
        assert isinstance(page, ContactPage)
        assert len(page.items) <= 2
        seen.extend(contact.id for contact in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert made <= set(seen)
    assert len(seen) == len(set(seen))


def test_events_are_stored_once_and_create_contacts(huddle: AuthenticatedClient) -> None:
    email = _email()
    batch = _events(
        EventsIngestEventBatchEventIn(
            type_="demo_requested", idempotency_key=f"demo-{email}", email=email
        ),
        EventsIngestEventBatchEventIn(
            type_="no_such_type", idempotency_key=f"bogus-{email}", email=email
        ),
    )

    first = ingest_events.sync(client=huddle, body=batch)
    again = ingest_events.sync(client=huddle, body=batch)

    assert isinstance(first, EventBatchResult)
    assert (first.stored, first.duplicates, first.contacts_created) == (1, 0, 1)
    assert [failure.index for failure in first.failed] == [1]
    assert isinstance(again, EventBatchResult)
    assert (again.stored, again.duplicates) == (0, 1)
    found = list_contacts.sync(client=huddle, q=email)
    assert isinstance(found, ContactPage)
    assert [contact.email for contact in found.items] == [email]


def test_scores_come_with_their_explanation(huddle: AuthenticatedClient) -> None:
    model = create_model.sync(
        client=huddle,
        body=ScoreModelWrite(name=f"Engagement {uuid.uuid4().hex[:6]}", rules=[DEMO_RULE]),
    )
    assert isinstance(model, ScoreModelRead)
    listed = list_models.sync(client=huddle)
    assert isinstance(listed, list)
    assert model.id in {each.id for each in listed}
    contact = _create(huddle)

    ingest_events.sync(
        client=huddle,
        body=_events(
            EventsIngestEventBatchEventIn(
                type_="demo_requested", idempotency_key=f"score-{contact.id}", contact_id=contact.id
            )
        ),
    )

    scores = contact_scores.sync(contact_id=contact.id, client=huddle)
    assert isinstance(scores, ContactScoresRead)
    breakdown = next(each for each in scores.models if each.model == model.name)
    assert breakdown.total == 40
    assert [(rule.rule, rule.occurrences) for rule in breakdown.rules] == [("Demo", 1)]


def test_the_sla_reads(huddle: AuthenticatedClient) -> None:
    now = clock.now()
    contact = _create(huddle)

    compliance = sla_compliance.sync(
        client=huddle, start=now - timedelta(days=30), end=now + timedelta(days=1)
    )
    versions = list_sla_versions.sync(client=huddle)
    clocks = contact_clocks.sync(contact_id=contact.id, client=huddle)

    assert isinstance(compliance, list)
    assert all(isinstance(group, TermCompliance) for group in compliance)
    assert isinstance(versions, list)
    assert clocks == []
