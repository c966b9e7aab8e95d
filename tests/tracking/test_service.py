"""Tracking's rules on a real database: stitching, attribution, spam, consent, batches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.service import actor_for
from huddle.contacts import service as contacts
from huddle.contacts.events import TouchesRecorded
from huddle.contacts.models import ConsentChange, Contact, Touch
from huddle.contacts.service.touches import TOUCHES_RECORDED_JOB
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import Conflict, NotPermitted, ValidationFailed
from huddle.core.events import subscribe, unsubscribe
from huddle.core.jobs import Job
from huddle.core.jobs import _handlers as job_handlers
from huddle.core.settings import get_settings
from huddle.tracking import service
from huddle.tracking.models import Visitor
from huddle.tracking.service import Identification, PageView
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_model, points
from tests.tracking.factories import FIELDS, make_form, make_site

VISITOR = "v" * 24
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _view(site_id: int, n: int, *, at: datetime, url: str, visitor: str = VISITOR) -> PageView:
    return PageView(
        site_id=site_id,
        visitor_id=visitor,
        event_id=f"e{n}",
        url=url,
        title=f"Page {n}",
        referrer="",
        occurred_at=at,
    )


def _touches(db: Session, contact_id: int) -> list[Touch]:
    return list(
        db.scalars(select(Touch).where(Touch.contact_id == contact_id).order_by(Touch.occurred_at))
    )


@pytest.fixture
def recorded():  # type: ignore[no-untyped-def]
    """Every TouchesRecorded published while the test runs."""
    seen: list[TouchesRecorded] = []
    handler = subscribe(TouchesRecorded)(lambda _session, event: seen.append(event))
    yield seen
    unsubscribe(TouchesRecorded, handler)


def test_anonymous_history_is_stitched_and_first_touch_comes_from_the_earliest(
    db: Session,
) -> None:
    site = make_site(db)
    contact = make_contact(db, email="wile@acme-rockets.example")
    # The contact already had a touch (from an email) after the visitor's first page view.
    contacts.record_touches(
        db,
        [
            contacts.TouchRow(
                type="email_clicked",
                occurred_at=START + timedelta(days=2),
                contact_id=contact.id,
                properties={"utm_source": "newsletter"},
            )
        ],
        actor=SYSTEM,
    )
    first = "https://www.acme-rockets.example/?utm_source=google&utm_campaign=rockets"
    service.record_page_views(
        db,
        [
            _view(site.id, 1, at=START, url=first),
            _view(
                site.id, 2, at=START + timedelta(days=3), url="https://www.acme-rockets.example/p"
            ),
        ],
    )
    db.refresh(contact)
    assert contact.first_touch_source == "newsletter"  # the anonymous views are not his yet

    attached = service.identify_visitor(db, VISITOR, contact.id, actor=SYSTEM)

    assert attached == 2
    db.refresh(contact)
    assert [t.type for t in _touches(db, contact.id)] == ["page_view", "email_clicked", "page_view"]
    assert contact.first_touch_at == START
    assert contact.first_touch_source == "google"
    assert contact.first_touch_campaign == "rockets"
    assert contact.first_touch_landing_page == first
    assert contact.last_touch_at == START + timedelta(days=3)
    # Later page views of the identified visitor go straight to the contact.
    service.record_page_views(
        db,
        [_view(site.id, 3, at=START + timedelta(days=4), url="https://www.acme-rockets.example/x")],
    )
    assert len(_touches(db, contact.id)) == 4


def test_an_identification_token_in_a_page_view_batch_stitches_the_visitor(db: Session) -> None:
    site = make_site(db)
    contact = make_contact(db)
    service.record_page_views(
        db,
        [_view(site.id, 1, at=START, url="https://www.acme-rockets.example/")],
        [Identification(VISITOR, contact.id)],
    )
    assert [t.type for t in _touches(db, contact.id)] == ["page_view"]


def test_page_views_are_stored_once_per_event_id(db: Session) -> None:
    site = make_site(db)
    view = _view(site.id, 1, at=START, url="https://www.acme-rockets.example/")
    assert service.record_page_views(db, [view, view]) == 1
    assert service.record_page_views(db, [view]) == 0
    assert db.scalars(select(Touch).where(Touch.visitor_id == VISITOR)).all().__len__() == 1


def test_record_touches_stores_a_batch_once_and_publishes_one_event(
    db: Session, recorded: list[TouchesRecorded]
) -> None:
    people = [make_contact(db) for _ in range(3)]
    rows = [
        contacts.TouchRow(
            type="webinar_attended",
            occurred_at=START + timedelta(hours=i),
            contact_id=people[i % 3].id,
            properties={"utm_source": f"s{i}"},
            idempotency_key=f"k{i}",
        )
        for i in range(9)
    ]
    ids = contacts.record_touches(db, rows, actor=SYSTEM)
    again = contacts.record_touches(db, rows, actor=SYSTEM)

    assert all(ids) and len(set(ids)) == 9
    assert again == [None] * 9
    assert len(recorded) == 1
    assert sorted(recorded[0].touch_ids) == sorted(i for i in ids if i)
    assert recorded[0].contact_ids == tuple(sorted(p.id for p in people))
    for n, person in enumerate(people):
        db.refresh(person)
        assert person.first_touch_source == f"s{n}"
        assert person.last_touch_source == f"s{n + 6}"


def test_record_touches_refuses_a_batch_naming_a_missing_contact(db: Session) -> None:
    with pytest.raises(ValidationFailed):
        contacts.record_touches(
            db,
            [contacts.TouchRow(type="x", occurred_at=START, contact_id=10**9)],
            actor=SYSTEM,
        )


# --- forms -----------------------------------------------------------------------------------


def _submit(db: Session, form_key: str, values: dict[str, object], **kw: object) -> object:
    return service.submit_form(db, form_key, values, filled_seconds=kw.pop("filled", 10.0), **kw)  # type: ignore[arg-type]


def test_a_form_creates_the_contact_once_and_records_every_field(db: Session) -> None:
    form = make_form(db, make_site(db))
    values = {"email": " Wile@Acme-Rockets.example ", "first_name": "Wile", "company": "Acme"}
    first = _submit(db, form.form_key, values)
    second = _submit(db, form.form_key, {**values, "first_name": "W."})
    assert first.contact_id == second.contact_id  # type: ignore[attr-defined]
    contact = db.get(Contact, first.contact_id)  # type: ignore[attr-defined]
    assert contact is not None and contact.email == "wile@acme-rockets.example"
    touches = _touches(db, contact.id)
    assert [t.type for t in touches] == ["form_submitted", "form_submitted"]
    assert touches[0].properties["company"] == "Acme"
    assert first.redirect_url == form.thank_you_url  # type: ignore[attr-defined]


def test_consent_comes_only_from_the_explicit_checkbox(db: Session) -> None:
    form = make_form(db, make_site(db))
    unticked = _submit(
        db,
        form.form_key,
        # Posting the contact's own consent columns does nothing: only the checkbox counts.
        {"email": "a@acme-rockets.example", "email_opt_in": "opted_in", "do_not_email": "false"},
    )
    contact = db.get(Contact, unticked.contact_id)  # type: ignore[attr-defined]
    assert contact is not None and contact.email_opt_in == "unknown"

    ticked = _submit(db, form.form_key, {"email": "a@acme-rockets.example", "consent": "on"})
    db.refresh(contact)
    assert ticked.contact_id == contact.id  # type: ignore[attr-defined]
    assert contact.email_opt_in == "opted_in"
    change = db.scalars(select(ConsentChange).where(ConsentChange.contact_id == contact.id)).one()
    assert change.source == "form: Pricing guide"
    assert change.text_shown == form.consent_text


def test_a_filled_honeypot_or_a_too_fast_post_stores_nothing(db: Session) -> None:
    form = make_form(db, make_site(db))
    bot = {"email": "bot@spam.example", form.honeypot_field: "http://spam.example"}
    assert _submit(db, form.form_key, bot).spam  # type: ignore[attr-defined]
    fast = _submit(db, form.form_key, {"email": "bot@spam.example"}, filled=0.4)
    assert fast.spam and fast.redirect_url == form.thank_you_url  # type: ignore[attr-defined]
    unknown = service.submit_form(
        db, form.form_key, {"email": "bot@spam.example"}, filled_seconds=None
    )
    assert unknown.spam
    assert db.scalar(select(Contact).where(Contact.email == "bot@spam.example")) is None


def test_a_form_post_without_a_valid_email_names_the_field(db: Session) -> None:
    form = make_form(db, make_site(db))
    with pytest.raises(ValidationFailed) as raised:
        _submit(db, form.form_key, {"email": "not-an-address"})
    assert [e.field for e in raised.value.errors] == ["email"]


def test_a_form_submission_stitches_the_visitor(db: Session) -> None:
    site = make_site(db)
    form = make_form(db, site)
    service.record_page_views(
        db, [_view(site.id, 1, at=START, url="https://www.acme-rockets.example/")]
    )
    submitted = _submit(
        db, form.form_key, {"email": "new@acme-rockets.example"}, visitor_id=VISITOR
    )
    touches = _touches(db, submitted.contact_id)  # type: ignore[attr-defined]
    assert [t.type for t in touches] == ["page_view", "form_submitted"]


def test_an_unproven_post_fills_only_empty_fields_and_keeps_the_rest_for_the_owner(
    db: Session,
) -> None:
    site = make_site(db)
    form = make_form(db, site, fields=[*FIELDS, {"name": "phone", "label": "Phone"}])
    owner = make_user(db, role="sales_rep", team="sales")
    acme = make_account(db, name="Acme Rockets")
    contact = make_contact(
        db, first_name="Wile", phone=None, account=acme, owner_id=owner.id, email_opt_in="opted_out"
    )
    service.record_page_views(db, [_view(site.id, 1, at=START, url="https://x.example/")])
    values = {
        "email": contact.email,
        "first_name": "Mallory",
        "company": "Evil Corp",
        "phone": "+1 555 0100",
        "consent": "on",
    }

    submitted = _submit(db, form.form_key, values, visitor_id=VISITOR)

    assert submitted.contact_id == contact.id  # type: ignore[attr-defined]
    db.refresh(contact)
    assert (contact.first_name, contact.account_id) == ("Wile", acme.id)
    assert contact.phone == "+1 555 0100"
    assert contact.email_opt_in == "opted_out"  # the person's own word stands
    [touch] = [t for t in _touches(db, contact.id) if t.type == "form_submitted"]
    assert touch.properties["identity"] == "unverified"
    assert touch.properties["not_applied"] == ["first_name", "company"]
    # The sender's browsing stays anonymous, and the browser is not taken for the contact.
    [view] = db.scalars(select(Touch).where(Touch.type == "page_view"))
    assert view.contact_id is None
    assert db.get(Visitor, VISITOR) is None
    # Someone who may not edit the contact cannot apply them; its owner can.
    other_rep = make_user(db, role="sales_rep", team="sales")
    with pytest.raises(NotPermitted):
        contacts.apply_touch_values(db, contact.id, touch.id, actor=actor_for(other_rep))
    contacts.apply_touch_values(db, contact.id, touch.id, actor=actor_for(owner))
    db.refresh(contact)
    db.refresh(touch)
    assert contact.first_name == "Mallory"
    assert contact.account_id != acme.id
    assert touch.properties["not_applied"] == [] and touch.properties["applied_by"] == owner.id
    with pytest.raises(Conflict):
        contacts.apply_touch_values(db, contact.id, touch.id, actor=actor_for(owner))


def test_an_unproven_submission_scores_and_a_rule_can_leave_it_out(db: Session) -> None:
    """The decision the README documents: the form fill counts like any other (the email's
    owner on a new device is the common case), marked so a rule can ignore it."""
    form = make_form(db, make_site(db))
    contact = make_contact(db, first_name="Wile")
    filled = {"kind": "behaviour", "points": 10, "event": {"types": ["form_submitted"]}}
    any_fill = make_model(db, [{"name": "Any form", **filled}])
    proven_only = make_model(
        db,
        [
            {
                "name": "Proven forms",
                **filled,
                "event": {
                    "types": ["form_submitted"],
                    "where": {"field": "properties.identity", "op": "is_empty"},
                },
            }
        ],
    )
    _submit(db, form.form_key, {"email": contact.email, "first_name": "Mallory"})
    assert points(db, contact, any_fill) > 0
    assert points(db, contact, proven_only) == 0


def test_a_signed_identity_or_a_browser_proven_before_updates_the_contact(
    db: Session, test_clock: clock.ShiftedClock
) -> None:
    test_clock.set(START + timedelta(days=1))
    site = make_site(db)
    form = make_form(db, site)
    contact = make_contact(db, first_name="Wile")
    stranger = make_contact(db)
    # A signed identity of someone else proves nothing about this email.
    _submit(
        db,
        form.form_key,
        {"email": contact.email, "first_name": "Mallory"},
        signed_contact_id=stranger.id,
    )
    db.refresh(contact)
    assert contact.first_name == "Wile"
    # Their own signed identity (a link from a Huddle email): it is them.
    service.record_page_views(db, [_view(site.id, 1, at=START, url="https://x.example/")])
    _submit(
        db,
        form.form_key,
        {"email": contact.email, "first_name": "Wiley"},
        signed_contact_id=contact.id,
        visitor_id=VISITOR,
    )
    db.refresh(contact)
    assert contact.first_name == "Wiley"
    test_clock.set(START + timedelta(days=2))
    assert [t.type for t in _touches(db, contact.id)] == [
        "page_view",
        "form_submitted",
        "form_submitted",
    ]
    # That browser is theirs from now on: its next post needs no token.
    _submit(db, form.form_key, {"email": contact.email, "first_name": "W."}, visitor_id=VISITOR)
    db.refresh(contact)
    assert contact.first_name == "W."
    latest = _touches(db, contact.id)[-1]
    assert "identity" not in latest.properties and "not_applied" not in latest.properties


def test_a_thank_you_url_must_be_on_the_allowlist(db: Session) -> None:
    site = make_site(db)
    with pytest.raises(ValidationFailed) as raised:
        make_form(db, site, thank_you_url="https://evil.example/phish")
    assert [e.field for e in raised.value.errors] == ["thank_you_url"]


def test_only_tracking_configurers_change_the_configuration(db: Session) -> None:
    rep = Actor.user(1, role="sales_rep")
    with pytest.raises(NotPermitted):
        service.create_site(db, service.config.SiteCreate(name="x"), actor=rep)  # type: ignore[attr-defined]


def _flip(token: str, at: int) -> str:
    """The token with one character changed (not the last: base64 padding bits)."""
    return token[:at] + ("B" if token[at] == "A" else "A") + token[at + 1 :]


# --- email and assets ------------------------------------------------------------------------


def test_email_open_and_click_tokens_record_touches_and_refuse_forgeries(db: Session) -> None:
    secret = "s3cret-for-tests"
    contact = make_contact(db)
    opened = service.open_token(secret, contact.id, "spring-launch")
    assert service.record_email_open(db, secret, opened)
    link = "https://docs.example.org/guide"
    clicked = service.click_token(secret, contact.id, "spring-launch", link)
    assert service.record_email_click(db, secret, clicked) == link
    assert [t.type for t in _touches(db, contact.id)] == ["email_opened", "email_clicked"]

    forged = [
        _flip(clicked, len(clicked) - 10),  # the signature changed
        _flip(clicked, 5),  # the signed data changed
        service.click_token("another-secret", contact.id, "spring-launch", "https://evil.example"),
        opened,  # an open token is not a click token
    ]
    for token in forged:
        with pytest.raises(service.InvalidToken):
            service.record_email_click(db, secret, token)
    assert len(_touches(db, contact.id)) == 2


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("javascript:alert(1)", "the URL uses the javascript: scheme: only http and https"),
        ("data:text/html,hi", "the URL uses the data: scheme: only http and https"),
        ("//evil.example/x", "the URL is scheme-relative (//host)"),
        ("/pricing", "the URL is relative"),
        ("https:evil.example", "the URL has no host"),
        ("https://me:pw@evil.example/", "the URL carries a user name or password"),
        ("https://evil.example/a b", "the URL contains a space"),
    ],
)
def test_only_a_whole_web_address_is_signed_into_a_click_link(target: str, reason: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        service.click_token("s3cret-for-tests", 1, "m1", target)
    [error] = raised.value.errors
    assert error.field == "url" and error.message.startswith(reason)


def test_a_click_to_a_tracked_site_carries_an_identity_for_the_snippet(db: Session) -> None:
    secret = "s3cret-for-tests"
    make_site(db)
    contact = make_contact(db)
    token = service.click_token(secret, contact.id, "m1", "https://www.acme-rockets.example/p?a=1")
    url = service.record_email_click(db, secret, token)
    assert url.startswith("https://www.acme-rockets.example/p?a=1&hd_id=")
    identity = url.split("hd_id=", 1)[1]
    assert service.read_identity_token(secret, identity) == contact.id
    assert service.read_identity_token(secret, _flip(identity, len(identity) - 10)) is None


def test_the_asset_download_hook_records_a_touch_once(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    contact = make_contact(db)
    first = service.record_asset_download(db, contact.id, "pricing-guide.pdf", idempotency_key="a1")
    again = service.record_asset_download(db, contact.id, "pricing-guide.pdf", idempotency_key="a1")
    assert first is not None and again is None
    [touch] = _touches(db, contact.id)
    assert (touch.type, touch.properties) == ("asset_downloaded", {"asset": "pricing-guide.pdf"})
    assert touch.occurred_at == frozen_clock.now()


def test_with_worker_hooks_the_batch_event_runs_in_the_worker(
    db: Session, recorded: list[TouchesRecorded], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUDDLE_TOUCH_HOOKS", "worker")
    get_settings.cache_clear()
    try:
        contact = make_contact(db)
        [touch_id] = contacts.record_touches(
            db,
            [contacts.TouchRow(type="product_login", occurred_at=START, contact_id=contact.id)],
            actor=SYSTEM,
        )
    finally:
        monkeypatch.delenv("HUDDLE_TOUCH_HOOKS")
        get_settings.cache_clear()
    assert recorded == []  # nothing ran in the ingesting transaction
    job = db.scalars(select(Job).where(Job.kind == TOUCHES_RECORDED_JOB)).one()

    job_handlers[job.kind](db, job.payload)  # what the worker runs

    assert [event.touch_ids for event in recorded] == [(touch_id,)]
    assert recorded[0].contact_ids == (contact.id,)
