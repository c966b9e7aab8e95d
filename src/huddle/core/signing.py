"""Signed URL-safe tokens, made cheaply: every marketing email carries a few (its
unsubscribe link, each tracked link, its open pixel), so thousands a minute.

The tokens are itsdangerous' ``URLSafeSerializer`` format (compact JSON, base64, a
django-concat-keyed HMAC-SHA1), uncompressed: any ``URLSafeSerializer`` of the same secret
and salt reads them, and ``Tokens.loads`` is that serializer's, so tokens made before (some
compressed) still open. Making one is written out here because itsdangerous, for every
token, builds a signer, derives its key again and runs HMAC on Python's slow path (its
default digest is a Python function, not OpenSSL's), and tries zlib on a few dozen bytes
that compression does not shorten: four times the work.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import lru_cache
from typing import Any

from itsdangerous import URLSafeSerializer
from itsdangerous.encoding import base64_encode

# itsdangerous' compact JSON, its encoder built once.
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class Tokens:
    """Makes and reads the tokens of one secret and salt."""

    def __init__(self, secret: str, salt: str) -> None:
        self._reader = URLSafeSerializer(secret, salt=salt)
        key = self._reader.make_signer().derive_key()
        self._keyed = hmac.new(key, digestmod=hashlib.sha1)

    def dumps(self, obj: Any) -> str:
        payload = base64_encode(_COMPACT_JSON.encode(obj).encode("utf-8"))
        mac = self._keyed.copy()
        mac.update(payload)
        return (payload + b"." + base64_encode(mac.digest())).decode("ascii")

    def loads(self, token: str) -> Any:
        """The token's value; ``itsdangerous.BadSignature`` for a changed or made-up one."""
        return self._reader.loads(token)


@lru_cache(maxsize=64)
def serializer(secret: str, salt: str) -> Tokens:
    """The tokens of this secret and salt (one shared: it holds no state)."""
    return Tokens(secret, salt)
