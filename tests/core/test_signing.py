"""Tokens made by ``core.signing`` are itsdangerous' own format: readable by its
serializer, equal to what its signer makes, and refused when changed."""

from __future__ import annotations

import pytest
from itsdangerous import BadSignature, Signer, URLSafeSerializer
from itsdangerous._json import _CompactJSON
from itsdangerous.encoding import base64_encode

from huddle.core.signing import serializer

SECRET = "a-secret-of-the-installation"
VALUES = [
    {"c": 1, "m": "mail.1.abc@acme.example"},
    {"c": 98765, "m": "m", "u": "https://www.acme.example/prix?é=ü&x=1"},
    [1, "two", None, 3.5],
    "plain",
]


@pytest.mark.parametrize("value", VALUES)
def test_a_token_is_itsdangerous_own(value: object) -> None:
    token = serializer(SECRET, "some.salt").dumps(value)
    payload = base64_encode(_CompactJSON.dumps(value).encode("utf-8"))
    assert token == Signer(SECRET, salt="some.salt").sign(payload).decode()
    assert URLSafeSerializer(SECRET, salt="some.salt").loads(token) == value


@pytest.mark.parametrize("value", VALUES)
def test_tokens_made_by_itsdangerous_open(value: object) -> None:
    made_before = URLSafeSerializer(SECRET, salt="some.salt").dumps(value)  # maybe zlib'd
    assert serializer(SECRET, "some.salt").loads(made_before) == value


def test_a_changed_token_another_salt_or_secret_is_refused() -> None:
    token = serializer(SECRET, "some.salt").dumps({"c": 1, "m": "x"})
    signature = token.split(".")[1]
    forged = base64_encode(b'{"c":2,"m":"x"}').decode() + "." + signature
    for reader, candidate in [
        (serializer(SECRET, "some.salt"), forged),
        (serializer(SECRET, "another.salt"), token),
        (serializer("another-secret", "some.salt"), token),
    ]:
        with pytest.raises(BadSignature):
            reader.loads(candidate)
