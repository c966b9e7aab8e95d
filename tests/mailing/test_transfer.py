"""One message's SMTP transaction as the real server sees it: lines that start with a dot
arrive as written (dot-stuffed on the way, RFC 5321 4.5.2), and a plain or a named
envelope address reaches the server as the address itself."""

from __future__ import annotations

import pytest

from huddle.core import smtp as smtp_client
from huddle.core.settings import get_settings
from tests.mail import Inbox

BODY = b".starts with a dot\r\n.\r\n..two dots\r\na line. with a dot inside\r\n\r\n.last line"


@pytest.mark.parametrize(
    ("sender", "recipient", "seen_from", "seen_to"),
    [
        ("news@acme.example", "ada@reader.example", "news@acme.example", "ada@reader.example"),
        (
            "Acme News <news@acme.example>",
            '"Ada L." <ada@reader.example>',
            "news@acme.example",
            "ada@reader.example",
        ),
    ],
)
def test_lines_starting_with_a_dot_arrive_as_written_and_the_envelope_is_the_address(
    smtp: Inbox, sender: str, recipient: str, seen_from: str, seen_to: str
) -> None:
    message = b"Subject: Dots\r\nFrom: news@acme.example\r\n\r\n" + BODY
    marked: list[str] = []
    with smtp_client.connection(get_settings()) as server:
        smtp_client.transfer(
            server,
            message,
            envelope_from=sender,
            recipient=recipient,
            at_point_of_no_return=lambda: marked.append("sent"),
        )
    [(mail_from, rcpt_tos, content)] = smtp.messages
    assert (mail_from, rcpt_tos) == (seen_from, [seen_to])
    assert content.split(b"\r\n\r\n", 1)[1] == BODY + b"\r\n"
    assert marked == ["sent"]
