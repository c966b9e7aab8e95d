"""A batch of touches (``record_touches``) moves each contact's first and last touch exactly
as recording its touches one by one would: first only to an earlier touch, last only to a
later one, the values from the touch that moved it, ties to the touch first in the batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from huddle.contacts import service
from huddle.contacts.models import Contact, Touch
from huddle.contacts.repository import touch_sets
from huddle.contacts.schemas import TouchCreate
from huddle.contacts.service import TouchRow
from huddle.contacts.service.touches import ATTRIBUTION
from huddle.core.actor import SYSTEM
from tests.campaigns.factories import make_campaign
from tests.contacts.factories import make_contact

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
ENDS = [f"{end}_touch_{column}" for end in ("first", "last") for column in (*ATTRIBUTION, "at")]


def _at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


def _row(contact: Contact, hours: float, key: str | None = None, **properties: Any) -> TouchRow:
    return TouchRow(
        type="page_view",
        occurred_at=_at(hours),
        contact_id=contact.id,
        properties=properties,
        idempotency_key=key,
    )


def _ends(db: Session, contact: Contact) -> dict[str, Any]:
    db.refresh(contact)
    return {name: getattr(contact, name) for name in ENDS}


def test_several_touches_of_one_contact_in_any_order_give_the_earliest_and_the_latest(
    db: Session,
) -> None:
    contact = make_contact(db)
    service.record_touches(
        db,
        [
            _row(contact, 2, utm_source="middle"),
            _row(contact, 5, utm_source="latest", utm_medium="email", url="/pricing"),
            _row(contact, -1, utm_source="earliest", referrer="https://google.com"),
            _row(contact, 0, utm_source="another"),
        ],
        actor=SYSTEM,
    )
    ends = _ends(db, contact)
    assert (ends["first_touch_source"], ends["first_touch_referrer"]) == (
        "earliest",
        "https://google.com",
    )
    assert ends["first_touch_at"] == _at(-1)
    assert (ends["last_touch_source"], ends["last_touch_medium"]) == ("latest", "email")
    assert (ends["last_touch_landing_page"], ends["last_touch_at"]) == ("/pricing", _at(5))


def test_a_batch_moves_the_first_touch_only_earlier_and_the_last_only_later(
    db: Session,
) -> None:
    contact = make_contact(db)
    service.record_touches(db, [_row(contact, 0, utm_source="stored")], actor=SYSTEM)
    service.record_touches(
        db,
        [_row(contact, -2, utm_source="earlier"), _row(contact, -1, utm_source="x")],
        actor=SYSTEM,
    )
    ends = _ends(db, contact)
    assert (ends["first_touch_source"], ends["first_touch_at"]) == ("earlier", _at(-2))
    assert (ends["last_touch_source"], ends["last_touch_at"]) == ("stored", _at(0))

    # Touches at the stored ends' own times, and between them, move neither.
    service.record_touches(
        db,
        [
            _row(contact, -2, utm_source="same first"),
            _row(contact, -1.5, utm_source="between"),
            _row(contact, 0, utm_source="same last"),
        ],
        actor=SYSTEM,
    )
    assert _ends(db, contact) == ends


def test_touches_at_the_same_time_give_both_ends_from_the_first_in_the_batch(
    db: Session,
) -> None:
    contact = make_contact(db)
    service.record_touches(
        db,
        [
            # Without a key first: the batch's order decides, not the order of storing.
            _row(contact, 1, None, utm_source="unkeyed"),
            _row(contact, 1, "tie-keyed", utm_source="keyed"),
        ],
        actor=SYSTEM,
    )
    ends = _ends(db, contact)
    assert (ends["first_touch_source"], ends["last_touch_source"]) == ("unkeyed", "unkeyed")


def test_a_key_repeated_in_the_batch_attributes_only_its_first_touch(db: Session) -> None:
    contact = make_contact(db)
    ids = service.record_touches(
        db,
        [_row(contact, 1, "same", utm_source="stored"), _row(contact, 9, "same", utm_source="x")],
        actor=SYSTEM,
    )
    assert ids[1] is None
    ends = _ends(db, contact)
    assert (ends["last_touch_source"], ends["last_touch_at"]) == ("stored", _at(1))


def test_each_row_gets_the_id_of_its_own_touch_or_none_when_its_key_was_stored(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(touch_sets, "ROWS_PER_STATEMENT", 3)  # several statements a batch
    contact = make_contact(db)

    def record(keys: list[str | None]) -> list[tuple[int | None, str | None, str]]:
        rows = [_row(contact, n, key, utm_source=f"s{n}") for n, key in enumerate(keys)]
        ids = service.record_touches(db, rows, actor=SYSTEM)
        return list(zip(ids, keys, [f"s{n}" for n in range(len(keys))], strict=True))

    first = record(["a", "b", None, "c"])
    again = record(["a", "x", None, "x", "b", "y", None, "z"])

    assert [touch_id is None for touch_id, _, _ in first] == [False] * 4
    skipped = [touch_id is None for touch_id, _, _ in again]
    assert skipped == [True, False, False, True, True, False, False, False]
    for touch_id, key, source in first + again:
        touch = db.get(Touch, touch_id) if touch_id is not None else None
        assert touch is None or (touch.idempotency_key, touch.properties) == (
            key,
            {"utm_source": source},
        )


def test_batch_values_are_cut_to_fit_and_empty_ones_fall_through(db: Session) -> None:
    contact = make_contact(db)
    service.record_touches(
        db,
        [
            _row(
                contact,
                0,
                utm_source="s" * 500,
                utm_medium="",
                utm_campaign="\N{GRINNING FACE}" * 300,
                landing_page="",
                url="u" * 2500,
                referrer=None,
            )
        ],
        actor=SYSTEM,
    )
    ends = _ends(db, contact)
    assert ends["first_touch_source"] == "s" * 200
    assert ends["first_touch_medium"] is None
    assert ends["first_touch_campaign"] == "\N{GRINNING FACE}" * 200
    assert ends["first_touch_landing_page"] == "u" * 2000
    assert ends["first_touch_referrer"] is None


def test_values_that_are_not_text_are_attributed_as_their_text(db: Session) -> None:
    plain, numbered = make_contact(db), make_contact(db)
    service.record_touches(
        db,
        [
            _row(plain, 0, utm_source="google", url="/pricing"),
            _row(numbered, 0, utm_source="google", utm_campaign=2026, referrer=True),
            _row(numbered, 1, utm_source=["a"], utm_medium=1.5, url="/later"),
        ],
        actor=SYSTEM,
    )
    assert _ends(db, plain)["first_touch_landing_page"] == "/pricing"
    ends = _ends(db, numbered)
    assert (ends["first_touch_campaign"], ends["first_touch_referrer"]) == ("2026", "True")
    assert (ends["last_touch_source"], ends["last_touch_medium"]) == ("['a']", "1.5")
    assert (ends["last_touch_landing_page"], ends["last_touch_campaign"]) == ("/later", None)


def test_a_batch_leaves_updated_at_and_a_loaded_contact_reads_the_new_ends(
    db: Session,
) -> None:
    contact = make_contact(db)
    edited_at = contact.updated_at
    service.record_touches(db, [_row(contact, 0, utm_source="fresh")], actor=SYSTEM)
    # No refresh: the contact this session holds was expired by the batch.
    assert (contact.first_touch_source, contact.last_touch_source) == ("fresh", "fresh")
    assert contact.updated_at == edited_at


# --- the batch equals one touch at a time ------------------------------------------------------

_NAMES = sorted({name for names, _ in ATTRIBUTION.values() for name in names})
# Any text a touch may hold: control characters are refused on the way in (core.text).
_text = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=4)
_values = st.one_of(
    st.none(),
    _text,
    st.sampled_from(["", "x" * 2001, "\N{GRINNING FACE}" * 201]),
    st.integers(-(2**70), 2**70).filter(lambda n: -(2**63) <= n < 2**64),
    st.booleans(),
    # The one-by-one path renders the touch as PostgreSQL gives it back, the batch what it
    # was given: within 1e15 and not -0.0, jsonb does not change it (it gives 1e16 back as
    # an integer). Properties are flat (core.values): no objects.
    st.floats(-1e15, 1e15).filter(lambda x: str(x) != "-0.0"),
    st.lists(st.integers(0, 9), max_size=2),
)
_touch = st.tuples(
    st.integers(0, 1),  # which of the two contacts
    st.integers(-3, 3),  # hours: few distinct times, so ties are common
    st.booleans(),  # with an idempotency key
    st.dictionaries(st.sampled_from([*_NAMES, "other"]), _values, max_size=4),
)


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(touches=st.lists(_touch, max_size=8), stored=st.booleans())
def test_a_batch_attributes_as_its_touches_recorded_one_by_one(
    db: Session, touches: list[tuple[int, int, bool, dict[str, Any]]], stored: bool
) -> None:
    savepoint = db.begin_nested()
    try:
        batched = [make_contact(db) for _ in range(2)]
        one_by_one = [make_contact(db) for _ in range(2)]
        if stored:  # both pairs start from the same stored first and last touch
            for contact in (*batched, *one_by_one):
                service.record_touches(db, [_row(contact, 0, utm_source="stored")], actor=SYSTEM)
        service.record_touches(
            db,
            [
                _row(batched[who], hours, f"b{n}" if keyed else None, **properties)
                for n, (who, hours, keyed, properties) in enumerate(touches)
            ],
            actor=SYSTEM,
        )
        for n, (who, hours, keyed, properties) in enumerate(touches):
            service.record_touch(
                db,
                TouchCreate(
                    type="page_view",
                    occurred_at=_at(hours),
                    contact_id=one_by_one[who].id,
                    properties=properties,
                    idempotency_key=f"o{n}" if keyed else None,
                ),
                actor=SYSTEM,
            )
        for batch_contact, single_contact in zip(batched, one_by_one, strict=True):
            assert _ends(db, batch_contact) == _ends(db, single_contact)
    finally:
        savepoint.rollback()


@pytest.mark.sqlite_only
def test_a_big_batch_notes_its_campaign_touches_for_attribution_as_triggers_would(
    every_insert_replays_triggers: Session,
) -> None:
    db = every_insert_replays_triggers
    ann, bo = make_contact(db), make_contact(db)
    campaign = make_campaign(db)
    db.execute(text("DELETE FROM attribution_stale"))
    rows = [_row(ann, 1), _row(ann, 2), _row(bo, 3)]
    for row in rows[1:]:
        row.campaign_id = campaign.id
    service.record_touches(db, rows, actor=SYSTEM)
    noted = db.scalars(text("SELECT contact_id FROM attribution_stale ORDER BY id"))
    assert list(noted) == [ann.id, bo.id]  # a touch without a campaign is not noted
