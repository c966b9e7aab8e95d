"""The next best asset on a history counted by hand.

Approved assets, oldest first: Guide, ROI, Case, Security (a draft Deck is never sent).
Converters, each asset's first download in order, then the move that converted them:

    c1: Guide, ROI, Case     -> sql          (-, Guide) (Guide, ROI) (ROI, Case)
    c2: Guide, Case          -> opportunity  (-, Guide) (Guide, Case)
    c3: Guide, ROI           -> customer     (-, Guide) (Guide, ROI)
    c4: Security, Guide, ROI -> sql          (-, Security) (Security, Guide) (Guide, ROI)
    c5: Guide -> sql, then Case (after converting: not counted)   (-, Guide)

Two who never converted read Guide then Case over and over: they count for nothing.
After Guide converters read ROI 3 times, Case once; after ROI, Case once; after Security,
Guide once; after Case, nothing. Read by converters: Guide 5, ROI 3, Case 2, Security 1.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.assets import service
from huddle.assets.models import ContentAsset
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM
from tests.assets.factories import converted, downloads, make_asset
from tests.contacts.factories import make_contact

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def library(db: Session) -> dict[str, ContentAsset]:
    found = {name: make_asset(db, name) for name in ("Guide", "ROI", "Case", "Security")}
    found["Deck"] = make_asset(db, "Deck", approved=False)
    g, r, c, s = found["Guide"], found["ROI"], found["Case"], found["Security"]
    for assets, stage in (
        ([g, r, c], "sql"),
        ([g, c], "opportunity"),
        ([g, r], "customer"),
        ([s, g, r], "sql"),
    ):
        person = make_contact(db)
        converted(db, person, stage, downloads(db, person, assets, start=START))
    late = make_contact(db)
    converted(db, late, "sql", downloads(db, late, [g], start=START))
    downloads(db, late, [c], start=START + timedelta(days=30))
    for _ in range(2):
        downloads(db, make_contact(db), [g, c, g, c], start=START)
    return found


def _after(db: Session, *read: ContentAsset) -> tuple[str, str] | None:
    contact = make_contact(db)
    downloads(db, contact, list(read), start=START + timedelta(days=60))
    return _choice(db, contact)


def _choice(db: Session, contact: Contact) -> tuple[str, str] | None:
    choice = service.next_best_asset(db, contact.id)
    return None if choice is None else (choice.asset.title, choice.why)


def test_what_converters_read_next_after_the_contacts_last_asset(
    db: Session, library: dict[str, ContentAsset]
) -> None:
    g, r, c, s = (library[k] for k in ("Guide", "ROI", "Case", "Security"))
    assert _after(db, g) == ("ROI", "converters read it next 3 times after “Guide”")
    assert _after(db, g, r) == ("Case", "converters read it next 1 time after “ROI”")
    assert _after(db, s) == ("Guide", "converters read it next 1 time after “Security”")
    # After Case converters read nothing: the asset converters read most that is left.
    assert _after(db, g, r, c) == ("Security", "the most read by converters (1 time)")
    assert _after(db, c) == ("Guide", "the most read by converters (5 times)")
    assert _after(db, g, r, c, s) is None  # the draft Deck is never sent


def test_a_new_contact_gets_the_most_read_then_never_the_same_twice(
    db: Session, library: dict[str, ContentAsset]
) -> None:
    contact = make_contact(db)
    first = service.next_best_asset(db, contact.id)
    assert first is not None and first.asset.title == "Guide"
    assert service.record_choice(db, contact.id, first, key="visit:1")
    assert not service.record_choice(db, contact.id, first, key="visit:1")
    assert _choice(db, contact) == ("ROI", "the most read by converters (3 times)")


def test_without_converters_the_newest_approved_asset(db: Session) -> None:
    make_asset(db, "Older")
    make_asset(db, "Newer")
    make_asset(db, "Unapproved", approved=False)
    assert _choice(db, make_contact(db)) == (
        "Newer",
        "the newest approved asset (converters read none of the others)",
    )


def test_assets_sent_to_a_merged_duplicate_are_not_sent_to_the_survivor_again(
    db: Session, library: dict[str, ContentAsset]
) -> None:
    survivor, duplicate = make_contact(db), make_contact(db)
    first = service.next_best_asset(db, duplicate.id)
    assert first is not None and first.asset.title == "Guide"
    assert service.record_choice(db, duplicate.id, first, key="visit:dup")

    contacts.merge_contacts(db, survivor.id, duplicate.id, actor=SYSTEM)
    assert _choice(db, survivor) == ("ROI", "the most read by converters (3 times)")
