"""The public endpoints a website and an email reach without signing in: the snippet
(/t.js), forms (/f/{form_key}), and the email open pixel and click redirect (/e/...).
/t/collect is ``tracking.collect`` (a raw ASGI fast path)."""

from __future__ import annotations

import base64
import re
import time
from collections import deque
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException

from huddle.core.errors import ValidationFailed
from huddle.tracking import service
from huddle.tracking.service import PublicForm
from huddle.web.deps import SessionDep, client_ip
from huddle.web.middleware import is_json, media_type
from huddle.web.templating import STATIC_DIR, render

router = APIRouter(include_in_schema=False)

SNIPPET = (STATIC_DIR / "tracking" / "t.js").read_bytes()
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
VISITOR = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# The signed identity a post carries (an hd_id from an email link); checked, never trusted.
IDENTITY_FIELD = "_hd_id"
MAX_IDENTITY = 500
# Per client address and form: enough for a person correcting typos, not for a script.
RATE_LIMIT = 10
RATE_WINDOW = 60.0


class RateLimiter:
    """A sliding window per key, in this process's memory."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] > self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        if len(self._hits) > 100_000:
            self._hits = {k: v for k, v in self._hits.items() if v and now - v[-1] < self.window}
        return True


def _limiter(request: Request) -> RateLimiter:
    state = request.app.state
    if not hasattr(state, "form_rate_limiter"):
        state.form_rate_limiter = RateLimiter(RATE_LIMIT, RATE_WINDOW)
    limiter: RateLimiter = state.form_rate_limiter
    return limiter


@router.get("/t.js")
def snippet() -> Response:
    return Response(
        SNIPPET,
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=3600"},
    )


# --- forms -----------------------------------------------------------------------------------


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}".lower()


def _cors(request: Request, found: PublicForm) -> dict[str, str] | None:
    """CORS headers for an allowed origin; None when the origin is not allowed. A post
    without Origin is no browser's cross-site request (curl, a server): CORS is moot."""
    origin = request.headers.get("origin")
    if origin is None or origin.lower() == _own_origin(request):
        return {}
    if service.origin_allowed(found.site, origin):
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
    return None


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass(frozen=True)
class Posted:
    """A form post's values, or why its body could not be read: (status, message)."""

    values: dict[str, Any]
    problem: tuple[int, str] | None = None


async def _posted(request: Request) -> Posted:
    """The body as field -> value: JSON (an object) or an HTML form's encoding. Read here,
    answered by the route, which knows the form's CORS headers."""
    media = media_type(request.headers.get("content-type"))
    if is_json(media):
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError as exc:
            return Posted({}, (400, f"the body is not valid JSON: {exc}"))
        if not isinstance(body, dict):
            return Posted({}, (400, "the body must be a JSON object of field names and values"))
        return Posted(body)
    if media not in FORM_TYPES:
        return Posted(
            {},
            (
                415,
                "send the form as application/x-www-form-urlencoded, multipart/form-data "
                f"or application/json, not {media or 'without a content type'}",
            ),
        )
    try:
        form: FormData = await request.form()
    except MultiPartException as exc:
        return Posted({}, (400, f"the multipart body cannot be read: {exc.message}"))
    # Files are no answers to a form's fields: left out, like fields the form lacks.
    return Posted({k: v for k, v in form.items() if isinstance(v, str)})


PostedBody = Annotated[Posted, Depends(_posted)]


def _wants_json(request: Request) -> bool:
    return is_json(media_type(request.headers.get("content-type")))


def _filled_seconds(values: dict[str, Any]) -> float | None:
    raw = values.get("_hd_ts")
    try:
        started = float(raw) if isinstance(raw, int | float | str) else None
    except ValueError:
        return None
    if started is None:
        return None
    return time.time() - started / 1000


def _form_page(
    request: Request,
    found: PublicForm,
    *,
    values: dict[str, Any] | None = None,
    errors: list[Any] | None = None,
    thanks: bool = False,
    identity: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    values = values or {}
    posted_identity = values.get(IDENTITY_FIELD)
    return render(
        request,
        "tracking/form_page.html",
        {
            "form": found.form,
            "values": values,
            "errors": errors or [],
            "thanks": thanks,
            "started_ms": int(time.time() * 1000),
            # Carried through the post: the person came from a signed email link.
            "identity": identity or (posted_identity if isinstance(posted_identity, str) else None),
        },
        status_code=status_code,
    )


@router.get("/f/{form_key}", response_class=HTMLResponse)
def hosted_form(
    request: Request, session: SessionDep, form_key: str, hd_id: str | None = None
) -> HTMLResponse:
    """The form as a page Huddle hosts (link to it, or put it in an iframe). A link from a
    Huddle email carries ``hd_id``, the signed identity the post then proves itself with."""
    identity = hd_id if hd_id and len(hd_id) <= MAX_IDENTITY else None
    return _form_page(request, service.public_form(session, form_key), identity=identity)


@router.get("/f/{form_key}/thanks", response_class=HTMLResponse)
def form_thanks(request: Request, session: SessionDep, form_key: str) -> HTMLResponse:
    return _form_page(request, service.public_form(session, form_key), thanks=True)


@router.options("/f/{form_key}")
def form_preflight(request: Request, session: SessionDep, form_key: str) -> Response:
    headers = _cors(request, service.public_form(session, form_key))
    if not headers:
        return Response(status_code=403)
    headers |= {
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "content-type",
        "Access-Control-Max-Age": "86400",
    }
    return Response(status_code=204, headers=headers)


@router.post("/f/{form_key}", response_model=None)
def submit_form(
    request: Request, session: SessionDep, form_key: str, posted: PostedBody
) -> Response:
    """A form post from an allowed origin (HTML form or JSON). The person is sent only to
    the form's thank-you URL, which the site's allowlist holds; nothing posted can change
    where they go. A body that cannot be read is a 400 (415: not a form or JSON), but a
    post the spam checks catch is thanked as usual, whatever else is wrong with it."""
    found = service.public_form(session, form_key)
    cors = _cors(request, found)
    if cors is None:
        return JSONResponse({"detail": "origin not allowed"}, status_code=403)
    if posted.problem is not None:
        status, message = posted.problem
        return JSONResponse(
            {"detail": [{"loc": ["body"], "msg": message}], "code": "malformed"},
            status_code=status,
            headers=cors,
        )
    values = posted.values
    client = client_ip(request)
    if not _limiter(request).allow(f"{client}:{form_key}"):
        return JSONResponse(
            {"detail": "too many submissions; try again in a minute"},
            status_code=429,
            headers={**cors, "Retry-After": str(int(RATE_WINDOW))},
        )
    visitor = values.get("_hd_vid")
    page_url = values.get("_hd_url") or request.headers.get("referer")
    try:
        submitted = service.submit_form(
            session,
            form_key,
            values,
            filled_seconds=_filled_seconds(values),
            visitor_id=visitor if isinstance(visitor, str) and VISITOR.match(visitor) else None,
            page_url=page_url if isinstance(page_url, str) else None,
            signed_contact_id=_signed_contact(request, values.get(IDENTITY_FIELD)),
        )
    except ValidationFailed as exc:
        # 422: answers the form refuses; 400 (MalformedPost): values no form field takes.
        if _wants_json(request):
            detail = [{"loc": ["body", e.field], "msg": e.message} for e in exc.errors]
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=cors)
        shown = {k: v for k, v in values.items() if isinstance(v, str | int | float)}
        return _form_page(
            request, found, values=shown, errors=exc.errors, status_code=exc.status_code
        )
    target = submitted.redirect_url or f"/f/{form_key}/thanks"
    if _wants_json(request):
        return JSONResponse({"ok": True, "redirect": target}, headers=cors)
    return RedirectResponse(target, status_code=303, headers=cors)


def _signed_contact(request: Request, token: Any) -> int | None:
    """The contact a valid identity token names; None for none, a forgery or an old one."""
    if not isinstance(token, str) or not token or len(token) > MAX_IDENTITY:
        return None
    return service.read_identity_token(_secret(request), token)


# --- email -----------------------------------------------------------------------------------


def _secret(request: Request) -> str:
    secret: str = request.app.state.settings.secret_key
    return secret


@router.get("/e/o/{token}.gif")
def email_opened(request: Request, session: SessionDep, token: str) -> Response:
    service.record_email_open(session, _secret(request), token)
    return Response(PIXEL, media_type="image/gif", headers={"Cache-Control": "no-store"})


@router.get("/e/c/{token}")
def email_clicked(request: Request, session: SessionDep, token: str) -> RedirectResponse:
    """Only ever to the link signed into the token, and only if that is an http(s)
    address (else 400); a changed token is a 404."""
    public_url: str = request.app.state.settings.public_url
    url = service.record_email_click(session, _secret(request), token, huddle_url=public_url)
    return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})
