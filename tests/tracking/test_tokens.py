"""Email link tokens: signed now without compression, and the links of emails sent
before (itsdangerous's compressed tokens) still open."""

from __future__ import annotations

import pytest
from itsdangerous import URLSafeSerializer

from huddle.tracking.service.tokens import (
    CLICK_SALT,
    InvalidToken,
    click_token,
    read_click_token,
)

SECRET = "a-secret-key-for-the-tokens-test"
# Repetitive enough that itsdangerous compressed it ("." first): what older emails carry.
LONG_URL = "https://www.acme.example/guide?" + "&".join(f"utm{n}=newsletter" for n in range(20))


def test_a_link_of_an_email_sent_before_still_opens() -> None:
    older = URLSafeSerializer(SECRET, salt=CLICK_SALT).dumps({"c": 7, "m": "mail.1", "u": LONG_URL})
    assert older.startswith(".")

    read = read_click_token(SECRET, older)

    assert (read.contact_id, read.message, read.url) == (7, "mail.1", LONG_URL)


def test_a_link_signed_now_opens_and_a_changed_one_does_not() -> None:
    token = click_token(SECRET, 7, "mail.1", LONG_URL)

    assert read_click_token(SECRET, token).url == LONG_URL
    with pytest.raises(InvalidToken):
        read_click_token(SECRET, token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])
    with pytest.raises(InvalidToken):
        read_click_token("another-secret-key-for-the-tokens", token)
