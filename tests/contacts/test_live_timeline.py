"""An open contact or account page keeps its timeline current: it asks every two seconds
for what happened after the newest item it shows and puts that on top."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import unquote

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from tests.contacts.factories import make_account, make_contact, make_touch

POLLER = re.compile(r'id="timeline-live"[^>]*hx-get="([^"]+)"', re.S)


def _poller_url(html: str) -> str:
    found = POLLER.search(html)
    assert found, "the page has no timeline poller"
    return unquote(found.group(1).replace("&amp;", "&"))


def test_what_happened_after_the_newest_item_shown(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    contact = make_contact(db)
    make_touch(db, contact=contact, occurred_at=clock.now() - timedelta(hours=1))
    shown = lifecycle.timeline(db, contact_id=contact.id, actor=SYSTEM)
    newest = shown[0].cursor

    assert (
        lifecycle.timeline_since(db, contact_id=contact.id, after=newest, actor=SYSTEM).items == []
    )

    frozen_clock.advance(timedelta(seconds=5))
    note = service.add_note(db, contact_id=contact.id, body="Called back", actor=SYSTEM)
    # An event sent late with its own, older time takes its place on the next full read.
    make_touch(db, contact=contact, occurred_at=clock.now() - timedelta(days=2))
    new = lifecycle.timeline_since(db, contact_id=contact.id, after=newest, actor=SYSTEM)

    assert [(i.kind, i.id) for i in new.items] == [("note", note.id)]
    assert new.complete


def test_more_than_a_page_since_says_so(db: Session, frozen_clock: clock.FrozenClock) -> None:
    contact = make_contact(db)
    make_touch(db, contact=contact)
    newest = lifecycle.timeline(db, contact_id=contact.id, actor=SYSTEM)[0].cursor
    for minute in range(1, 4):
        make_touch(db, contact=contact, occurred_at=clock.now() + timedelta(minutes=minute))
    frozen_clock.advance(timedelta(minutes=5))

    new = lifecycle.timeline_since(db, contact_id=contact.id, after=newest, limit=2, actor=SYSTEM)

    assert len(new.items) == 2 and not new.complete
    everything = lifecycle.timeline_since(db, contact_id=contact.id, after=None, actor=SYSTEM)
    assert len(everything.items) == 4 and everything.complete


def test_the_contact_page_puts_new_touches_on_top(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    make_touch(db, contact=contact, occurred_at=clock.now() - timedelta(minutes=10))
    db.commit()
    poll = _poller_url(client.get(f"/contacts/{contact.id}").text)
    assert poll.startswith(f"/contacts/{contact.id}/timeline/live?after=")

    nothing = client.get(poll)
    assert nothing.status_code == 204

    make_touch(
        db,
        contact=contact,
        type="webinar_attended",
        properties={"webinar": "<b>Spring</b> launch"},
    )
    db.commit()
    answer = client.get(poll)
    assert answer.status_code == 200
    assert 'data-kind="touch"' in answer.text and "tl-new" in answer.text
    assert "&lt;b&gt;Spring&lt;/b&gt; launch" in answer.text  # escaped like the page
    # The header and the About card come again, out of band: the last touch moved.
    for piece in ('id="contact-stage"', 'id="contact-score"', 'id="details"'):
        assert f'{piece} hx-swap-oob="true"' in answer.text
    # The next poller, out of band too, asks after the item just shown: nothing new there.
    assert client.get(_poller_url(answer.text)).status_code == 204


def test_an_empty_timeline_fills_in_while_open(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    html = client.get(f"/contacts/{contact.id}").text
    assert "Nothing has happened yet" in html
    assert '<ol class="timeline" id="timeline-list"></ol>' in html  # CSS hides the empty state
    poll = _poller_url(html)
    assert poll == f"/contacts/{contact.id}/timeline/live?stage={contact.lifecycle_stage}"

    make_touch(db, contact=contact)
    db.commit()
    assert 'data-kind="touch"' in client.get(poll).text


def test_the_lifecycle_card_comes_along_only_when_the_stage_moved(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    make_touch(db, contact=contact, occurred_at=clock.now() - timedelta(minutes=10))
    db.commit()
    poll = _poller_url(client.get(f"/contacts/{contact.id}").text)
    assert poll.endswith("&stage=mql")

    make_touch(db, contact=contact)
    db.commit()
    touched = client.get(poll).text
    # The stage is the one shown: the card (and a reason being typed in it) stays.
    assert 'id="lifecycle"' not in touched

    lifecycle.transition_stage(db, contact.id, "sal", actor=SYSTEM)
    db.commit()
    moved = client.get(_poller_url(touched)).text
    assert 'id="lifecycle" hx-swap-oob="true"' in moved
    assert 'data-kind="stage_change"' in moved
    # The next poller knows the page shows SAL now.
    assert _poller_url(moved).endswith("&stage=sal")


def test_an_account_page_too(client: TestClient, db: Session) -> None:
    account = make_account(db)
    contact = make_contact(db, account=account, first_name="Ada", last_name="Byron")
    make_touch(db, contact=contact, occurred_at=clock.now() - timedelta(minutes=3))
    db.commit()
    poll = _poller_url(client.get(f"/accounts/{account.id}").text)
    assert client.get(poll).status_code == 204

    make_touch(db, contact=contact)
    db.commit()
    answer = client.get(poll)
    assert "Ada Byron" in answer.text  # whose touch it was, as on the page
    assert 'id="details"' not in answer.text  # an account page has no contact header


def test_a_forged_cursor_is_refused(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    answer = client.get(f"/contacts/{contact.id}/timeline/live?after=not-a-cursor")
    assert answer.status_code in (400, 422)
    assert client.get("/contacts/999999/timeline/live").status_code == 404
