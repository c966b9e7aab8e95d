"""Whether touches are arriving: each event type's latest touch and its last 24 hours, as
the tracking settings page shows them to marketing ops."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlalchemy.orm import Session

from huddle.contacts.models import Touch
from huddle.contacts.service import touches as touch_service
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted
from huddle.tracking import service
from tests.contacts.factories import make_contact, make_touch
from tests.tracking.factories import make_site


def _touches(db: Session, kind: str, *ages: timedelta) -> None:
    contact = make_contact(db)
    for age in ages:
        make_touch(db, contact=contact, type=kind, occurred_at=clock.now() - age)
    db.flush()


def test_latest_touch_and_last_day_per_type(db: Session, frozen_clock: clock.FrozenClock) -> None:
    hour = timedelta(hours=1)
    # A sender's clock a day ahead does not make its touch the latest one.
    _touches(db, "webinar_attended", 2 * hour, 30 * hour, -24 * hour)
    _touches(db, "demo_requested", 50 * hour)

    activity = service.event_type_activity(db, actor=SYSTEM)

    webinar = activity["webinar_attended"]
    assert webinar.latest_at == clock.now() - 2 * hour
    assert (webinar.last_day, webinar.capped) == (1, False)
    demo = activity["demo_requested"]
    assert (demo.latest_at, demo.last_day) == (clock.now() - 50 * hour, 0)
    quiet = activity["nps_response"]  # registered, never sent
    assert (quiet.latest_at, quiet.last_day) == (None, 0)
    assert "page_view" in activity  # every registered type is answered


def test_a_busy_type_is_counted_up_to_the_cap(
    db: Session, frozen_clock: clock.FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(touch_service, "ACTIVITY_CAP", 3)
    _touches(db, "product_login", *(timedelta(minutes=m) for m in range(1, 6)))

    login = service.event_type_activity(db, actor=SYSTEM)["product_login"]

    assert (login.last_day, login.capped) == (3, True)


def test_only_tracking_configurers_read_the_activity(db: Session) -> None:
    with pytest.raises(NotPermitted):
        service.event_type_activity(db, actor=Actor.user(1, role="sales_rep"))


def test_the_settings_page_says_whether_page_views_arrive(client: TestClient, db: Session) -> None:
    make_site(db)
    db.commit()
    html = client.get("/settings/tracking").text
    assert "No page views yet" in html
    assert "Never" in html  # the event types nobody has sent

    _touches(db, "page_view", timedelta(minutes=5), timedelta(minutes=9))
    db.commit()
    html = client.get("/settings/tracking").text
    assert "Receiving page views" in html
    assert "2 in the last 24 h" in html

    _touches(db, "page_view", timedelta(days=3))
    # The recent ones gone: the site has gone quiet.
    db.execute(delete(Touch).where(Touch.occurred_at > clock.now() - timedelta(days=1)))
    db.commit()
    html = client.get("/settings/tracking").text
    assert "No page views in 24 h" in html
    assert "is the snippet still on the site?" in html
