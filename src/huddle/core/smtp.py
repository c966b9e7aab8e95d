"""Talking to the SMTP server (plain, STARTTLS or TLS, with a login when set), and telling
"the server cannot be reached" (delivery waits, nothing is lost) apart from "the server
refused this message" (the job's retries).

Used by the notifications' outbox and by marketing email (``mailing``), which also needs
``send_marking_point_of_no_return``: a message is the server's once it has the final
``.`` of its DATA, so the sender records "sent" just before writing that dot.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import policy
from email.message import EmailMessage

from huddle.core.settings import Settings

# 421: the server is closing the connection / not available now.
_SERVICE_NOT_AVAILABLE = 421
_START_DATA = 354
_CRLF = b"\r\n"
# Header lines up to RFC 5322's hard limit: a long unsubscribe URL is one unbreakable word,
# which folding at 78 would put on a line of its own after the header's name.
_WIRE = policy.SMTP.clone(max_line_length=998)


class SmtpUnreachable(Exception):
    """No conversation with the SMTP server was possible (refused, timed out, dropped)."""


def address(settings: Settings) -> str:
    return f"{settings.smtp_host}:{settings.smtp_port}"


def send(settings: Settings, message: EmailMessage) -> None:
    """Send one message. Raises ``SmtpUnreachable`` when the server cannot be reached, and
    other ``smtplib`` errors when it refused the message."""
    with _unreachable_on_network_errors(), connect(settings) as smtp:
        smtp.send_message(message)


def check(settings: Settings) -> None:
    """Raises ``SmtpUnreachable`` unless the server answers a NOOP."""
    with _unreachable_on_network_errors(), connect(settings) as smtp:
        smtp.noop()


def connect(settings: Settings) -> smtplib.SMTP:
    """A connection secured and logged in as the settings say."""
    timeout = settings.smtp_timeout
    if settings.smtp_security == "tls":
        context = ssl.create_default_context()
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    try:
        # The final dot goes in a write of its own (the point of no return): without this,
        # Nagle's algorithm holds it until the server's delayed ACK, ~40 ms a message.
        if smtp.sock is not None:
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if settings.smtp_security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def send_marking_point_of_no_return(
    settings: Settings,
    message: EmailMessage,
    *,
    envelope_from: str,
    recipient: str,
    at_point_of_no_return: Callable[[], None],
) -> None:
    """Send one message, calling ``at_point_of_no_return`` after the server took the whole
    message but its final ``.``, and before that dot is written. A server keeps a message
    only once it has the dot: when this process dies before the callback has returned,
    the server has nothing; after it, only the write of three bytes stands between the
    record and the delivery. Raises like ``send``; ``smtplib.SMTPDataError`` when the
    server refuses the message after the dot (the callback has run then)."""
    with connection(settings) as smtp:
        transfer(
            smtp,
            message,
            envelope_from=envelope_from,
            recipient=recipient,
            at_point_of_no_return=at_point_of_no_return,
        )


@contextmanager
def connection(settings: Settings) -> Iterator[smtplib.SMTP]:
    """One connection for many ``transfer``s (a batch of messages): ``SmtpUnreachable``
    when it cannot be opened or is lost, closed at the end."""
    with _unreachable_on_network_errors(), connect(settings) as smtp:
        yield smtp


def transfer(
    smtp: smtplib.SMTP,
    message: EmailMessage | bytes,
    *,
    envelope_from: str,
    recipient: str,
    at_point_of_no_return: Callable[[], None],
    after_final_dot_written: Callable[[], None] = lambda: None,
) -> None:
    """One message's transaction on an open connection, marking the point of no return as
    ``send_marking_point_of_no_return`` says; ``after_final_dot_written`` runs once the dot
    is in the kernel's hands (it reaches the server even if this process dies now), before
    the server's answer. A refusal leaves the connection ready for the next message
    (RSET); a lost connection raises ``SmtpUnreachable``. ``message`` may be the message's
    bytes already (CRLF line ends, not dot-stuffed)."""
    raw = message if isinstance(message, bytes) else message.as_bytes(policy=_WIRE)
    data = _quote_periods(raw)
    if not data.endswith(_CRLF):
        data += _CRLF
    with _unreachable_on_network_errors():
        try:
            _conversation(
                smtp, data, envelope_from, recipient, at_point_of_no_return, after_final_dot_written
            )
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as refused:
            if not _is_unreachable(refused):
                smtp.rset()
            raise


def _conversation(
    smtp: smtplib.SMTP,
    data: bytes,
    envelope_from: str,
    recipient: str,
    at_point_of_no_return: Callable[[], None],
    after_final_dot_written: Callable[[], None],
) -> None:
    smtp.ehlo_or_helo_if_needed()
    code, reply = _command(smtp, "mail", "FROM:", envelope_from)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, envelope_from)
    code, reply = _command(smtp, "rcpt", "TO:", recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != _START_DATA:
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(data)
    at_point_of_no_return()
    smtp.send(b"." + _CRLF)
    after_final_dot_written()
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


# An address as plain as a contact's (local@domain, nothing to parse): sent as it is.
_PLAIN_ADDRESS = re.compile(r"[^\s<>()\[\]\\,;:\"@]+@[^\s<>()\[\]\\,;:\"@]+")


def _command(smtp: smtplib.SMTP, verb: str, prefix: str, address: str) -> tuple[int, bytes]:
    """``smtp.mail``/``smtp.rcpt`` without options: a plain address skips ``smtplib``'s
    parse of it (``email.utils.parseaddr``, a tenth of a batch's sending CPU); any other
    goes through it."""
    if _PLAIN_ADDRESS.fullmatch(address) is None:
        address = smtplib.quoteaddr(address)
    else:
        address = f"<{address}>"
    smtp.putcmd(verb, prefix + address)
    return smtp.getreply()


def _quote_periods(data: bytes) -> bytes:
    # RFC 5321 4.5.2: a line starting with a dot gets another, so none ends the data early.
    # (A replace, not a regular expression: a dozen times faster on a message's bytes.)
    quoted = data.replace(b"\n.", b"\n..")
    return b"." + quoted if quoted.startswith(b".") else quoted


@contextmanager
def _unreachable_on_network_errors() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if _is_unreachable(exc):
            raise SmtpUnreachable(_reason(exc)) from exc
        raise


def _is_unreachable(exc: BaseException) -> bool:
    # smtplib's errors are OSErrors too: only these say the server is away.
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == _SERVICE_NOT_AVAILABLE
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
