"""Where the current change came from, when it came over HTTP: the client's address and agent.

A tiny ASGI middleware (``web.middleware.RequestOriginMiddleware``) sets it per request; the
audit trail reads it. Services stay free of the web stack: outside a request it is ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip: str | None
    user_agent: str | None


_current: ContextVar[RequestOrigin | None] = ContextVar("huddle_request_origin", default=None)


def current_origin() -> RequestOrigin | None:
    return _current.get()


@contextmanager
def origin_scope(origin: RequestOrigin) -> Iterator[None]:
    token = _current.set(origin)
    try:
        yield
    finally:
        _current.reset(token)
