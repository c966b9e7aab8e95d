"""``/t/collect``: the snippet's page views, on a raw ASGI fast path with group commit.

Thousands of single page views a second do not fit FastAPI's per-request routing,
dependency and validation machinery, nor one transaction per request. So this endpoint is
plain ASGI in front of the app, and requests share transactions: each request's page views
join a queue; one writer thread stores everything queued in one transaction; every request
in it is answered only after that commit. Nothing acknowledged can be lost, and a failed
commit is answered with a 503 (the snippet's next request carries the page views again).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from huddle.core import clock
from huddle.core.db import RETRY_AFTER_SECONDS, OutageLog, is_database_unavailable, unit_of_work
from huddle.core.text import without_control_characters
from huddle.tracking import service
from huddle.tracking.service import Identification, PageView
from huddle.web.middleware import media_type

log = logging.getLogger(__name__)

PATH = "/t/collect"
MAX_BODY = 64 * 1024
MAX_EVENTS = 50
# A flush takes at most this many requests, so one slow commit cannot grow without bound.
MAX_GROUP = 2000
SITE_CACHE_SECONDS = 5.0
# A 503 (the database unreachable) tells the snippet when to send the page views again.
RETRY_LATER = [(b"retry-after", str(RETRY_AFTER_SECONDS).encode())]
_outage = OutageLog(log, PATH)
VISITOR = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
# The body is JSON whatever it is labelled: the snippet sends it as text/plain (a "simple"
# request, no preflight; navigator.sendBeacon with a text/plain Blob, or a string, which
# browsers label text/plain;charset=UTF-8), a server may say application/json, and a Blob
# without a type carries no header. Form encodings are no page views.
CONTENT_TYPES = frozenset({"text/plain", "application/json", ""})


class RequestRefused(Exception):
    """A request ``/t/collect`` answers with an HTTP error status and a reason, storing
    nothing (not JSON, a site or origin it does not know, too large...)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True, slots=True)
class KnownSite:
    id: int
    origins: frozenset[str]


@dataclass(slots=True)
class Submission:
    views: list[PageView]
    identification: Identification | None


class SiteDirectory:
    """Site key -> site, cached for a few seconds; a configuration change anywhere in this
    process (``TrackingConfigured``) clears it at once."""

    generation = 0

    def __init__(self) -> None:
        self._sites: dict[str, KnownSite] = {}
        self._origins: frozenset[str] = frozenset()
        self._loaded_at = -1e9
        self._generation = -1

    def stale(self) -> bool:
        expired = time.monotonic() - self._loaded_at > SITE_CACHE_SECONDS
        return expired or self._generation != SiteDirectory.generation

    def load(self, factory: sessionmaker[Session]) -> None:
        generation = SiteDirectory.generation
        with unit_of_work(factory) as session:
            sites = {
                s.site_key: KnownSite(s.id, frozenset(s.allowed_origins))
                for s in service.list_sites(session)
            }
        self._sites, self._loaded_at, self._generation = sites, time.monotonic(), generation
        self._origins = frozenset(o for s in sites.values() for o in s.origins)

    def site(self, key: str) -> KnownSite | None:
        return self._sites.get(key)

    def any_site_allows(self, origin: str) -> bool:
        return origin in self._origins


class GroupCommitter:
    """Requests queue their page views; one flush at a time writes all that is queued in one
    transaction on a single writer thread, then answers each request."""

    def __init__(self, write: Callable[[list[Submission]], None]) -> None:
        self._write = write
        self._queue: list[tuple[Submission, asyncio.Future[None]]] = []
        self._flushing = False
        # The running flush, referenced so the loop cannot collect it half-way.
        self._flush_task: asyncio.Task[None] | None = None
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="huddle-collect")

    async def submit(self, submission: Submission) -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._queue.append((submission, done))
        if not self._flushing:
            self._flushing = True
            self._flush_task = loop.create_task(self._flush())
        await done

    async def _flush(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._queue:
                group, self._queue = self._queue[:MAX_GROUP], self._queue[MAX_GROUP:]
                try:
                    await loop.run_in_executor(self._executor, self._write, [s for s, _ in group])
                except Exception as exc:
                    for _, done in group:
                        if not done.done():
                            done.set_exception(exc)
                else:
                    for _, done in group:
                        if not done.done():
                            done.set_result(None)
        finally:
            self._flushing = False

    async def run(self, call: Callable[[], Any]) -> Any:
        """Run a blocking call on the writer thread (keeps SQLite to one writer)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)


class CollectEndpoint:
    """ASGI middleware: answers ``/t/collect`` itself, passes everything else to the app."""

    def __init__(self, app: ASGIApp, *, state: Any) -> None:
        self.app = app
        self.state = state
        self.sites = SiteDirectory()
        self.committer = GroupCommitter(self._write)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH:
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        try:
            if scope["method"] == "OPTIONS":
                await self._preflight(origin, send)
                return
            if scope["method"] != "POST":
                raise RequestRefused(405, "POST page views here")
            if media_type(_header(scope, b"content-type")) not in CONTENT_TYPES:
                raise RequestRefused(
                    415, "send page views as JSON labelled text/plain or application/json"
                )
            body = await _read_body(receive)
            if self.sites.stale():
                await self.committer.run(lambda: self.sites.load(self._factory()))
            submission = self._parse(body, origin)
            await self.committer.submit(submission)
        except RequestRefused as refused:
            await _respond(send, refused.status, None, str(refused).encode())
            return
        except Exception as exc:
            if is_database_unavailable(exc):
                _outage.unavailable(exc)
            else:
                log.exception("page views not stored")
            await _respond(send, 503, origin, b"not stored; send again", extra=RETRY_LATER)
            return
        await _respond(send, 204, origin)

    def _factory(self) -> sessionmaker[Session]:
        factory: sessionmaker[Session] = self.state.session_factory
        return factory

    async def _preflight(self, origin: str | None, send: Send) -> None:
        if self.sites.stale():
            await self.committer.run(lambda: self.sites.load(self._factory()))
        if origin is None or not self.sites.any_site_allows(origin):
            raise RequestRefused(403, "origin not allowed")
        await _respond(
            send,
            204,
            origin,
            extra=[
                (b"access-control-allow-methods", b"POST"),
                (b"access-control-allow-headers", b"content-type"),
                (b"access-control-max-age", b"86400"),
            ],
        )

    def _parse(self, body: bytes, origin: str | None) -> Submission:
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise RequestRefused(400, "not JSON") from exc
        if not isinstance(data, dict):
            raise RequestRefused(400, "not a batch")
        site = self.sites.site(str(data.get("k")))
        if site is None:
            raise RequestRefused(404, "unknown site")
        # A page view counts only from the site's own pages (the browser sets Origin).
        if origin is None or origin.lower() not in site.origins:
            raise RequestRefused(403, "origin not allowed")
        visitor = data.get("v")
        events = data.get("e")
        if not isinstance(visitor, str) or not VISITOR.match(visitor):
            raise RequestRefused(400, "bad visitor id")
        if not isinstance(events, list) or not 0 < len(events) <= MAX_EVENTS:
            raise RequestRefused(400, f"1 to {MAX_EVENTS} page views")
        views = [_page_view(site.id, visitor, e) for e in events]
        identification = None
        token = data.get("i")
        if isinstance(token, str) and token:
            contact_id = service.read_identity_token(self.state.settings.secret_key, token)
            if contact_id is not None:
                identification = Identification(visitor, contact_id)
        return Submission(views, identification)

    def _write(self, submissions: list[Submission]) -> None:
        views = [v for s in submissions for v in s.views]
        identifications = [s.identification for s in submissions if s.identification]
        with unit_of_work(self._factory()) as session:
            service.record_page_views(session, views, identifications)


def _page_view(site_id: int, visitor: str, event: Any) -> PageView:
    if not isinstance(event, dict):
        raise RequestRefused(400, "a page view is an object")
    event_id, url = event.get("id"), event.get("u")
    if not isinstance(event_id, str) or not EVENT_ID.match(event_id):
        raise RequestRefused(400, "bad page view id")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise RequestRefused(400, "bad url")
    at = event.get("ts")
    now = clock.now().timestamp()
    # The browser's clock, unless it is off by more than a day (then ours).
    seconds = at / 1000 if isinstance(at, int | float) and abs(at / 1000 - now) < 86400 else now
    return PageView(
        site_id=site_id,
        visitor_id=visitor,
        event_id=event_id,
        url=_text(url, 2000),
        title=_text(event.get("t"), 500),
        referrer=_text(event.get("r"), 2000),
        occurred_at=datetime.fromtimestamp(seconds, UTC),
    )


def _text(value: Any, limit: int) -> str:
    # What a visited page says about itself is recorded, not refused: cleaned instead.
    return without_control_characters(value[:limit]) if isinstance(value, str) else ""


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            decoded: str = value.decode("latin-1")
            return decoded
    return None


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise RequestRefused(413, "too large")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _respond(
    send: Send,
    status: int,
    origin: str | None,
    body: bytes = b"",
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"vary", b"Origin")]
    if origin is not None and status < 300:
        headers.append((b"access-control-allow-origin", origin.encode("latin-1")))
    headers.extend(extra or [])
    if status != 204:
        headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body if status != 204 else b""})
