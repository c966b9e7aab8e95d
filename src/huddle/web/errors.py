"""Renders the error hierarchy: JSON under /api, a page or a redirect to sign-in elsewhere."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, StatementError
from starlette.exceptions import HTTPException as StarletteHTTPException

from huddle.core.db import RETRY_AFTER_SECONDS, OutageLog, is_database_unavailable
from huddle.core.errors import HuddleError, NotAuthenticated, ValidationFailed
from huddle.web.redirects import safe_local_path

log = logging.getLogger(__name__)
_outage = OutageLog(log, "requests")


class ErrorBody(BaseModel):
    """Every error under /api but a validation error: what went wrong, and a stable code."""

    detail: str = Field(description="What went wrong, in words")
    code: str = Field(description="A stable code to branch on (not_found, conflict, ...)")


class FieldProblem(BaseModel):
    """One reason a request was refused: where (``loc``: ``body``, ``query``, ``path``,
    then the field's path) and why."""

    loc: list[str | int]
    msg: str
    type: str
    input: Any = Field(default=None, description="The value refused (request validation)")
    ctx: dict[str, Any] | None = Field(default=None, description="The rule's parameters")


class ValidationErrorBody(BaseModel):
    """A 422: the request, or a business rule, refused these fields."""

    detail: list[FieldProblem]


ERROR_DESCRIPTIONS = {
    401: "Not signed in: no token or session, or the token is unknown or revoked",
    403: "Not permitted: the role, or the token's scopes, do not allow it",
    404: "Not found",
    409: "Conflicts with the current state",
    413: "The request body is over the size limit",
    415: "The request body is not JSON (Content-Type)",
    422: "The request is not valid: the fields refused, and why",
    503: "The database is unavailable; nothing was changed. Send it again after Retry-After",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _api_error(exc: HuddleError) -> JSONResponse:
    if isinstance(exc, ValidationFailed):
        # The same shape FastAPI gives request validation errors, so clients parse one form.
        errors = exc.errors or []
        detail = [
            {"loc": ["body", *e.field.split(".")], "msg": e.message, "type": "value_error"}
            for e in errors
        ] or [{"loc": ["body"], "msg": exc.message, "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=exc.status_code)
    return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=exc.status_code)


# Codes for errors Starlette raises itself (no route, wrong method, body too large).
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}


def _page(request: Request, status: int, message: str) -> Response:
    """The error page; for a part of a page sent in place (htmx), the message alone, so a
    refused form shows it where its answer goes rather than a page inside the page."""
    from huddle.web.templating import is_htmx, render

    template = "_error_fragment.html" if is_htmx(request) else "error.html"
    return render(request, template, {"status": status, "message": message}, status_code=status)


UNAVAILABLE = (
    "Huddle cannot reach its database right now; nothing was changed. Try again in a few seconds."
)


def database_unavailable(request: Request, exc: Exception) -> Response:
    """503 with Retry-After: the request changed nothing (its transaction never committed),
    so the client may send it again; the pool reconnects by itself once the database is
    back. One log line per outage, not a traceback per request."""
    _outage.unavailable(exc)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if _is_api(request):
        return JSONResponse(
            {"detail": UNAVAILABLE, "code": "database_unavailable"},
            status_code=503,
            headers=headers,
        )
    response = _page(request, 503, UNAVAILABLE)
    response.headers.update(headers)
    return response


def _to_sign_in(request: Request) -> Response:
    """To the sign-in page, and back after it. An htmx request (a form sent in place, or a
    page asking for news after the session ended) would swap the sign-in page into a
    fragment of the page: the browser is sent there whole instead (HX-Redirect), to come
    back to the page it was on."""
    if request.headers.get("HX-Request") != "true":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    shown = urlsplit(request.headers.get("HX-Current-URL", ""))
    here = shown.path + (f"?{shown.query}" if shown.query else "")
    if shown.netloc and shown.netloc != request.url.netloc:
        here = ""
    back = safe_local_path(here, default=request.url.path)
    return Response(status_code=204, headers={"HX-Redirect": f"/login?next={quote(back)}"})


def _unreadable_request(exc: RequestValidationError) -> tuple[int, str]:
    """A page request that does not parse, told in words. A path part of the wrong kind
    (`/opportunities/board`, where a deal's number belongs) names no page: 404. A query or
    form value that does not fit (a filter, a page number, a missing field) is the
    reader's to fix: 422, naming each field and why."""
    problems = [e for e in exc.errors() if isinstance(e, dict)]
    if any(tuple(e.get("loc", ()))[:1] == ("path",) for e in problems):
        return 404, "There is no such page: the address does not name a record Huddle has."
    fields = "; ".join(
        f"{e['loc'][-1]}: {str(e.get('msg', 'not valid')).lower()}"
        for e in problems
        if len(e.get("loc", ())) > 1
    )
    where = "form" if any(tuple(e.get("loc", ()))[:1] == ("body",) for e in problems) else "address"
    return 422, f"The {where} has values Huddle cannot read ({fields or 'no detail'})."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def handle_request_validation(request: Request, exc: RequestValidationError) -> Response:
        """Under /api FastAPI's documented 422 body; a page gets the error page, in words,
        rather than JSON."""
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        status, message = _unreadable_request(exc)
        return _page(request, status, message)

    @app.exception_handler(HuddleError)
    async def handle_huddle_error(request: Request, exc: HuddleError) -> Response:
        if _is_api(request):
            return _api_error(exc)
        if isinstance(exc, NotAuthenticated):
            return _to_sign_in(request)
        return _page(request, exc.status_code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def handle_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """Under /api the documented error body ({detail, code}) for every error, including
        an unknown path; elsewhere the same page as any other error."""
        if not _is_api(request):
            return _page(request, exc.status_code, str(exc.detail))
        return JSONResponse(
            {"detail": str(exc.detail), "code": _HTTP_CODES.get(exc.status_code, "error")},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(OverflowError)
    @app.exception_handler(StatementError)
    async def handle_out_of_range(request: Request, exc: Exception) -> Response:
        """A number the database cannot hold (an id past 64 bits, a count past 32 bits):
        bad input, not a server error. The request's transaction was rolled back. An
        unreachable database is a 503 (``database_unavailable``); any other database error
        stays a server error."""
        if is_database_unavailable(exc):
            return database_unavailable(request, exc)
        if isinstance(exc, StatementError) and not (
            isinstance(exc, DataError) or isinstance(exc.orig, OverflowError)
        ):
            raise exc
        return await handle_huddle_error(
            request, ValidationFailed("a number in the request is out of range")
        )
