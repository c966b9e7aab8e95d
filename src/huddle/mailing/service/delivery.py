"""Delivering one queued message: the worker's side of a send.

Exactly once, as near as SMTP allows. A server takes responsibility for a message when it
receives the final ``.`` of its DATA; a crash can always fall between that moment and our
record of it. So the record moves in three short transactions around the conversation:

1. ``sending`` (the send checked again, rendered, rate-limited, its Message-ID fixed),
   committed before connecting;
2. ``sent``, committed when the server has the whole message but the final dot
   (``core.smtp.send_marking_point_of_no_return``);
3. only if the server refuses after the dot: ``failed`` or queued again.

A worker killed before 2 committed leaves ``sending``: the server cannot have the message
(it never got the dot), so the job, claimed again, sends it again with the same
Message-ID. Killed after 2: ``sent``, and the job's rerun sends nothing. The one window
left is between commit 2 returning and the three bytes of the dot being written (a few
microseconds): a crash there loses the message; we chose at-most-once for it rather than
a duplicate in a contact's inbox.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import smtplib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts import service as contacts
from huddle.core import clock, locks, smtp
from huddle.core.actor import Actor
from huddle.core.db import UnitOfWork, unit_of_work, units_on_one_connection
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.settings import Settings
from huddle.mailing import mime, rendering, repository
from huddle.mailing.events import EmailSent
from huddle.mailing.models import EmailSend, EmailTemplate
from huddle.mailing.service.sending import DELIVER_JOB, why_not_mail, why_not_send
from huddle.mailing.service.suppressions import suppress
from huddle.mailing.service.templates import contact_values, source_of
from huddle.privacy import service as privacy
from huddle.tracking import service as tracking

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

log = logging.getLogger(__name__)

Message = bytes | EmailMessage
RATE_WINDOW = timedelta(minutes=1)
# A server that cannot be reached, or answers "try again later" (4xx).
RETRY_AFTER = timedelta(minutes=1)
MAX_ATTEMPTS = 8
TEST_UNSUBSCRIBE_PATH = "/unsubscribe/test-message"


@dataclass(frozen=True)
class _Ready:
    send_id: int
    contact_id: int | None
    template_id: int | None
    is_test: bool
    compose: Callable[[], Message]  # pure: called outside any transaction
    envelope_from: str
    recipient: str


def deliver(factory: sessionmaker[Session], send_id: int, settings: Settings) -> None:
    """Send one queued message (see the module's docstring for the three transactions)."""
    deliver_all(factory, [send_id], settings)


def deliver_all(
    factory: sessionmaker[Session], send_ids: Sequence[int], settings: Settings
) -> None:
    """Send queued messages over a few SMTP connections (``mailing_connections``): all
    checked and rendered in one transaction (1), then each marked sent in its own just
    before its final dot (2), as ``deliver`` does for one. A lost connection queues the
    messages it had left again for later.

    The messages are finished (links signed, bytes assembled) on this thread while a
    thread per connection talks to the server: the server's reading and answering (a round
    trip per command, socket waits that release the GIL) overlaps our CPU work and the
    other connections' commands instead of taking turns with them."""
    units = partial(unit_of_work, factory)
    with units() as session:
        ready = [each for each in _prepare_all(session, send_ids, settings) if each]
    if not ready:
        return
    quiet = threading.Lock()
    count = min(settings.mailing_connections, len(ready))
    conversations = [_Conversation(factory, settings, quiet) for _ in range(count)]
    for conversation in conversations:
        conversation.start()
    try:
        # Dealt in turn: connection k has messages k, k + count, k + 2 * count...
        for n, each in enumerate(ready):
            conversation = conversations[n % count]
            if conversation.stopped.is_set():
                continue
            with quiet:
                message = each.compose()
            conversation.composed.put((each, message))
    finally:
        for conversation in conversations:
            conversation.finish()
    for conversation in conversations:
        if conversation.failure is not None:
            raise conversation.failure
    for k, conversation in enumerate(conversations):
        left = ready[k::count][conversation.delivered :]
        if conversation.unreachable is not None and left:
            with units() as session:
                for each in left:
                    reason = f"the SMTP server cannot be reached ({conversation.unreachable})"
                    _later(session, each.send_id, reason)


class _Conversation(threading.Thread):
    """One SMTP connection of ``deliver_all``: the messages composed for it, in order,
    each marked sent (its own short transaction, on a database connection the thread
    holds) just before its final dot."""

    def __init__(
        self, factory: sessionmaker[Session], settings: Settings, quiet: threading.Lock
    ) -> None:
        super().__init__(name="huddle-smtp", daemon=True)
        self.factory, self.settings = factory, settings
        # Unbounded: a batch's messages (a runner's batch, ~100) fit in memory, and the
        # composer never waits on a conversation that has stopped.
        self.composed: queue.SimpleQueue[tuple[_Ready, Message] | None] = queue.SimpleQueue()
        self.stopped = threading.Event()
        # Shared by the batch's threads: held by the composer while it composes, and by a
        # connection from a message's "sent" commit until its final dot is written. The
        # point of no return's window (a crash there loses the message) stays the few
        # microseconds it takes, instead of however long another thread keeps the
        # interpreter (up to its switch interval, 5 ms) after the commit.
        self.quiet = quiet
        self.delivered = 0
        self.unreachable: smtp.SmtpUnreachable | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            with (
                smtp.connection(self.settings) as server,
                units_on_one_connection(self.factory) as units,
            ):
                while (item := self.composed.get()) is not None:
                    _deliver_over(server, units, *item, quiet=self.quiet)
                    self.delivered += 1
        except smtp.SmtpUnreachable as exc:
            self.unreachable = exc
        except BaseException as exc:  # re-raised on the job's thread (``deliver_all``)
            self.failure = exc
        finally:
            self.stopped.set()

    def finish(self) -> None:
        """No more messages: wait for those composed to be delivered."""
        self.composed.put(None)
        self.join()


def _prepare_all(
    session: Session, send_ids: Sequence[int], settings: Settings
) -> list[_Ready | None]:
    """Each send prepared: the sends, their contacts, their suppressions and the templates
    read in a query each, and the sends marked "sending" in one statement (``_Batch``)."""
    sends = repository.sends_for_delivery(session, send_ids)
    contact_ids = [s.contact_id for s in sends if s.contact_id is not None]
    held = contacts.contacts_by_id(session, contact_ids)
    batch = _Batch(
        templates={found.id: found for found in repository.templates(session)},
        reasons=why_not_mail(session, held, contact_ids),
        held=held,
    )
    prepared = [_prepare(session, send, settings, batch) for send in sends]
    batch.write(session)
    return prepared


@dataclass
class _Batch:
    """What a batch's sends share: the templates, why each contact may not be mailed (read
    together), and the "sending" marks not yet written. The contacts stay in the session
    while the batch refers to them (``reasons`` was read with them)."""

    templates: dict[int, EmailTemplate]
    reasons: dict[int, str | None]
    held: dict[int, Contact]
    marks: list[dict[str, object]] = field(default_factory=list)

    def reason(self, session: Session, send: EmailSend) -> str | None:
        if send.contact_id in self.reasons:
            return self.reasons[send.contact_id]
        return why_not_send(session, send.contact_id)

    def write(self, session: Session) -> None:
        """The marks so far, written (before a rate limit counts the sends started)."""
        repository.set_sends(session, self.marks)
        self.marks.clear()


def _deliver_over(
    server: smtplib.SMTP,
    units: UnitOfWork,
    ready: _Ready,
    message: Message,
    *,
    quiet: threading.Lock,
) -> None:
    """One message on the open connection; a refusal is recorded, and the next message
    goes on the same connection. ``quiet`` is held from just before the "sent" commit
    until the final dot is written (``_Conversation.quiet``)."""
    passed = held = False

    def record_sent() -> None:
        nonlocal passed, held
        quiet.acquire()
        held = True
        with units() as session:
            _mark_sent(session, ready)
        passed = True

    def dot_written() -> None:
        nonlocal held
        held = False
        quiet.release()

    refusal: tuple[int, str, bool] | None = None
    try:
        smtp.transfer(
            server,
            message,
            envelope_from=ready.envelope_from,
            recipient=ready.recipient,
            at_point_of_no_return=record_sent,
            after_final_dot_written=dot_written,
        )
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()))
        refusal = (code, _text(reply), True)
    except smtplib.SMTPResponseException as exc:
        refusal = (exc.smtp_code, _text(exc.smtp_error), False)
    finally:
        if held:
            quiet.release()
    if refusal is None:
        return
    # Under ``quiet`` too: the batch's connections take turns at the database, as their
    # "sent" commits do (a test's connections share one database connection).
    with quiet, units() as session:
        _refused(session, ready, refusal[0], refusal[1], recipient=refusal[2])
    if passed:
        log.warning("send %s: the server refused the message after its final dot", ready.send_id)


def _prepare(session: Session, send: EmailSend, settings: Settings, batch: _Batch) -> _Ready | None:
    if send.status not in ("queued", "sending"):
        return None  # sent, skipped or failed already: a rerun does nothing
    send_id = send.id
    if send.status == "sending":
        # The last attempt stopped before the server had the final dot: it has nothing.
        log.info("send %s: sending again after an attempt that stopped mid-way", send_id)
    reason = None if send.is_test else batch.reason(session, send)
    template = batch.templates.get(send.template_id) if send.template_id else None
    if reason is None and template is None:
        reason = "the template was deleted"
    if reason is not None or template is None:
        repository.set_send(session, send_id, status="skipped", reason=reason)
        return None
    address = (send.test_to if send.is_test else _contact_address(session, send, batch)) or ""
    domain = address.rsplit("@", 1)[-1].lower()
    now = clock.now()
    wait = _rate_limited(session, settings, send_id, domain, now, batch)
    if wait is not None:
        until, limit = wait
        repository.set_send(session, send_id, reason=f"waiting for {limit}")
        enqueue(session, DELIVER_JOB, {"send_id": send_id}, run_after=until)
        return None
    sender = settings.mailing_sender or settings.smtp_sender
    message_id = send.message_id or _message_id(send, sender)
    try:
        compose, subject = _compose(session, send, template, address, message_id, sender, settings)
    except rendering.TemplateProblem as problem:
        repository.set_send(session, send_id, status="failed", reason=problem.message[:500])
        return None
    batch.marks.append(
        {
            "id": send_id,
            "status": "sending",
            "reason": None,
            "started_at": now,
            "to_address": address,
            "domain": domain,
            "subject": subject[:500],
            "message_id": message_id,
            "attempts": send.attempts + 1,
        }
    )
    return _Ready(
        send_id=send_id,
        contact_id=send.contact_id,
        template_id=send.template_id,
        is_test=send.is_test,
        compose=compose,
        envelope_from=settings.mailing_bounce_address or sender,
        recipient=address,
    )


def _contact_address(session: Session, send: EmailSend, batch: _Batch) -> str:
    # ``why_not_send`` has just found the contact with an address.
    held = batch.held.get(send.contact_id or 0)
    return str((held or contacts.get_contact(session, send.contact_id or 0)).email)


def _rate_limited(
    session: Session, settings: Settings, send_id: int, domain: str, now: datetime, batch: _Batch
) -> tuple[datetime, str] | None:
    """When the next window opens and which limit is full, if one is; None to send now.
    Fixed windows of a minute: over a limit, a message waits, it is never dropped."""
    window = now.replace(second=0, microsecond=0)
    if settings.mailing_rate_per_minute or settings.mailing_domain_rate_per_minute:
        locks.hold(session, locks.Lock.MAILING_RATE)
        batch.write(session)  # the batch's sends started so far count
    limits = (
        (settings.mailing_rate_per_minute, None, "the rate limit"),
        (settings.mailing_domain_rate_per_minute, domain, f"the rate limit of {domain}"),
    )
    for limit, of_domain, label in limits:
        if not limit:
            continue
        if repository.started_since(session, window, domain=of_domain, but=send_id) >= limit:
            return window + RATE_WINDOW, label
    return None


def _message_id(send: EmailSend, sender: str) -> str:
    # The same for every attempt, so a receiver sees a resend as the same message.
    digest = hashlib.sha256(send.idempotency_key.encode()).hexdigest()[:16]
    host = sender.rsplit("@", 1)[-1].strip(">") or "huddle.invalid"
    return f"<mail.{send.id}.{digest}@{host}>"


def _compose(
    session: Session,
    send: EmailSend,
    template: EmailTemplate,
    address: str,
    message_id: str,
    sender: str,
    settings: Settings,
) -> tuple[Callable[[], Message], str]:
    """The message, to be finished (``_finish``, pure: outside the transaction) and its
    subject. What reads the database (the contact's values) and may refuse the send (the
    template) happens here."""
    base = settings.public_url.rstrip("/")
    contact_id = send.contact_id or 0
    if send.is_test:
        unsubscribe_url = base + TEST_UNSUBSCRIBE_PATH
    else:
        unsubscribe_url = privacy.unsubscribe_url(
            contact_id, base_url=base, secret=settings.secret_key
        )
    values = contact_values(session, contact_id, unsubscribe_url=unsubscribe_url)
    values |= send.template_values or {}
    rendered = rendering.render(source_of(template), values)
    subject = f"[Test] {rendered.subject}" if send.is_test else rendered.subject
    headers = [
        ("From", sender),
        ("To", address),
        ("Subject", subject),
        ("Date", format_datetime(clock.now())),
        ("Message-ID", message_id),
    ]
    tracking_as = None if send.is_test else _Tracking(contact_id, message_id, base, settings)
    return partial(_finish, rendered, headers, unsubscribe_url, tracking_as), subject


@dataclass(frozen=True)
class _Tracking:
    """Who a (non-test) message's links and open pixel are signed for."""

    contact_id: int
    message_id: str
    base: str
    settings: Settings


def _finish(
    rendered: rendering.Rendered,
    headers: list[tuple[str, str]],
    unsubscribe_url: str,
    tracking_as: _Tracking | None,
) -> Message:
    """The message's bytes (or an ``EmailMessage`` where ``mime`` leaves it to the
    ``email`` package): its links tracked and signed, its unsubscribe link and headers."""
    html, text = _with_unsubscribe_link(rendered, unsubscribe_url)
    if tracking_as is not None:
        html = _tracked(
            html,
            tracking_as.contact_id,
            tracking_as.message_id.strip("<>"),
            tracking_as.base,
            tracking_as.settings.secret_key,
            unsubscribe_url,
        )
        headers = headers + list(privacy.unsubscribe_headers_of(unsubscribe_url).items())
    return mime.compose(headers, text, html) or _email_message(headers, text, html)


def _email_message(headers: list[tuple[str, str]], text: str, html: str) -> EmailMessage:
    message = EmailMessage()
    for name, value in headers:
        message[name] = value
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


def _with_unsubscribe_link(rendered: rendering.Rendered, url: str) -> tuple[str, str]:
    """Every message carries a working unsubscribe link: the template's own, or a footer."""
    html, text = rendered.html, rendered.text
    if url not in rendering.links_in(html):
        footer = f'<p><a href="{url}">Unsubscribe</a> from these emails.</p>'
        html = _before_body_end(html, footer)
    if url not in text:
        text = f"{text.rstrip()}\n\nUnsubscribe: {url}\n"
    return html, text


def _tracked(
    html: str, contact_id: int, message: str, base: str, secret: str, unsubscribe_url: str
) -> str:
    """Each web link through a signed click redirect (only the links of this rendered HTML
    are signed, so the redirect can never be pointed elsewhere), and an open pixel."""

    def click(url: str) -> str | None:
        if url == unsubscribe_url or not url.lower().startswith(("http://", "https://")):
            return None
        try:
            return f"{base}/e/c/{tracking.click_token(secret, contact_id, message, url)}"
        except ValueError:
            return None  # not a web address a browser may be sent to: left as it is

    tracked = rendering.rewrite_links(html, click)
    pixel = (
        f'<img src="{base}/e/o/{tracking.open_token(secret, contact_id, message)}.gif" '
        'width="1" height="1" alt="">'
    )
    return _before_body_end(tracked, pixel)


def _before_body_end(html: str, addition: str) -> str:
    at = html.lower().rfind("</body>")
    return html + addition if at < 0 else html[:at] + addition + html[at:]


def _mark_sent(session: Session, ready: _Ready) -> None:
    now = clock.now()
    repository.mark_sent(session, ready.send_id, now)
    publish(
        session,
        EmailSent(
            send_id=ready.send_id,
            contact_id=ready.contact_id,
            template_id=ready.template_id,
            at=now,
        ),
    )


def _later(session: Session, send_id: int, reason: str) -> None:
    """Queued again for ``RETRY_AFTER``, saying why; failed after ``MAX_ATTEMPTS``."""
    send = repository.send_for_delivery(session, send_id)
    if send is None:
        return
    if send.attempts >= MAX_ATTEMPTS:
        repository.set_send(session, send_id, status="failed", reason=reason[:500])
        return
    repository.set_send(session, send_id, status="queued", reason=reason[:500])
    enqueue(session, DELIVER_JOB, {"send_id": send_id}, run_after=clock.now() + RETRY_AFTER)


def _refused(session: Session, ready: _Ready, code: int, reply: str, *, recipient: bool) -> None:
    """The server said no: for now (4xx: tried again later) or for good (5xx: failed; a
    recipient refused for good is a bounce, and the address is suppressed)."""
    reason = f"the server refused the message: {code} {reply}"
    if code < 500:
        _later(session, ready.send_id, reason)
        return
    repository.set_send(session, ready.send_id, status="failed", reason=reason[:500])
    if recipient and not ready.is_test:
        suppress(
            session,
            ready.recipient,
            reason="bounce",
            detail=f"{code} {reply}",
            source="smtp",
            actor=Actor.system("mail delivery"),
        )


def _text(reply: bytes | str) -> str:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())[:300]
