"""Pure ASGI middleware every request passes through: request origin for the audit trail,
strict security headers, request body size limits, and JSON-only bodies under the API.

Pure ASGI (no ``BaseHTTPMiddleware``) so bodies stream through untouched and the limits
are enforced while the body arrives, not after it was buffered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huddle.core.origin import (
    RequestOrigin,
    client_address,
    forwarded_scheme,
    origin_scope,
    parse_networks,
)

# Only Huddle's own scripts, styles and images; no inline code, no other origin, no framing.
# data: images are inline icons (the API reference's); an image cannot run code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
)
HSTS = ("strict-transport-security", "max-age=63072000; includeSubDomains")


class RequestOriginMiddleware:
    """Settles who the client is, once, for everything after it: the address (the peer's,
    or from X-Forwarded-For when the peer is one of ``trusted_proxies``) and the scheme
    (X-Forwarded-Proto, same condition) are written into the request's scope, so
    ``request.client`` and ``request.url`` tell the truth, and the address and user agent
    go to the audit trail (``core.origin.current_origin``) for the length of the request."""

    def __init__(self, app: ASGIApp, *, trusted_proxies: Sequence[str] = ()) -> None:
        self.app = app
        self.trusted = parse_networks(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        client = scope.get("client")
        peer = client[0] if client else None
        address = client_address(peer, headers.getlist("x-forwarded-for"), trusted=self.trusted)
        if address != peer and address is not None:
            scope = {**scope, "client": (address, client[1] if client else 0)}
        scheme = forwarded_scheme(peer, headers.get("x-forwarded-proto"), trusted=self.trusted)
        if scheme is not None:
            scope = {**scope, "scheme": scheme}
        origin = RequestOrigin(
            ip=address[:45] if address else None, user_agent=headers.get("user-agent")
        )
        with origin_scope(origin):
            await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    """Adds the strict headers to every response (a header a route set itself wins).
    HSTS only where the browser really talks HTTPS: in production, or on an https request."""

    def __init__(self, app: ASGIApp, *, always_hsts: bool = False) -> None:
        self.app = app
        self.always_hsts = always_hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = list(SECURITY_HEADERS)
        if self.always_hsts or scope.get("scheme") == "https":
            headers.append(HSTS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *_encoded(h for h in headers if h[0].encode() not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def _encoded(headers: Iterable[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(name.encode(), value.encode()) for name, value in headers]


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` as the body grows past the limit. An ``HTTPException`` so
    FastAPI's body parsing passes it on untouched and it is answered with 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class BodySizeLimitMiddleware:
    """Refuses request bodies over the limit with 413: at once when Content-Length says so,
    else as soon as the streamed chunks add up past it (chunked uploads send no length).

    ``large_paths`` (POST only: the CSV import uploads) get ``large_limit`` instead."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        large_limit: int,
        large_paths: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.limit = limit
        self.large_limit = large_limit
        self.large_paths = large_paths

    def _limit_for(self, scope: Scope) -> int:
        if scope["method"] == "POST" and scope["path"].rstrip("/") in self.large_paths:
            return self.large_limit
        return self.limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge:
            # Raised outside a route (no handler turned it into a response): answer here.
            if started:
                raise
            await _too_large(limit)(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse(
        {"detail": f"request body larger than {limit} bytes", "code": "payload_too_large"},
        status_code=413,
        headers={"connection": "close"},
    )


# --- content types ---------------------------------------------------------------------------

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def media_type(content_type: str | None) -> str:
    """``application/json`` of ``Application/JSON; charset=utf-8``; "" when none was sent."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_json(media: str) -> bool:
    """application/json, or a JSON-based type (``application/merge-patch+json``)."""
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


class JsonBodyMiddleware:
    """Under the JSON API a request body must be JSON: any other content type is refused
    with 415 before a route sees it. FastAPI would hand a text/plain body to a route that
    reads raw bytes (the events batch) as if it were JSON, and text/plain, form and
    multipart posts are "simple" cross-site requests a browser sends without asking.
    Requests without a body need no content type. ``form_paths``: the API's upload
    routes, which take multipart/form-data instead."""

    def __init__(
        self, app: ASGIApp, *, prefix: str = "/api/", form_paths: frozenset[str] = frozenset()
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.form_paths = form_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in BODY_METHODS
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        has_body = (declared is not None and declared != "0") or "transfer-encoding" in headers
        media = media_type(headers.get("content-type"))
        upload = scope["path"].rstrip("/") in self.form_paths
        if not has_body or is_json(media) or (upload and media == "multipart/form-data"):
            await self.app(scope, receive, send)
            return
        wanted = "multipart/form-data" if upload else "application/json"
        response = JSONResponse(
            {
                "detail": f"send the body as {wanted} (Content-Type: {wanted}), "
                f"not {media or 'without a content type'}",
                "code": "unsupported_media_type",
            },
            status_code=415,
        )
        await response(scope, receive, send)
