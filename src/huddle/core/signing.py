"""Signed URL-safe tokens (itsdangerous), made cheaply: every marketing email carries a
few (its unsubscribe link, each tracked link, its open pixel), so thousands a minute.

``serializer`` is built once per secret and salt (building one costs as much as a
signature), and signs without trying zlib: a token's payload is a few dozen bytes, which
compression does not shorten, and the attempt was a third of a token's time. Its tokens
are the serializer's own format, uncompressed: ``loads`` (any ``URLSafeSerializer`` of the
same secret and salt) reads them, and reads the tokens made before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from itsdangerous import URLSafeSerializer
from itsdangerous.encoding import base64_encode
from itsdangerous.serializer import Serializer


class _Uncompressed(URLSafeSerializer):
    def dump_payload(self, obj: Any) -> bytes:
        # ``Serializer``'s plain JSON, skipping ``URLSafeSerializerMixin``'s zlib attempt.
        return base64_encode(Serializer.dump_payload(self, obj))


@lru_cache(maxsize=64)
def serializer(secret: str, salt: str) -> URLSafeSerializer:
    """The serializer of this secret and salt (one shared: it holds no state)."""
    return _Uncompressed(secret, salt=salt)
