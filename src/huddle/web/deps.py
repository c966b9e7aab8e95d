"""FastAPI dependencies every route shares: the request's unit of work, CSRF protection and
the form check. Who is asking (the signed-in user, an API token) is ``huddle.auth.deps``.

A request is authenticated either by the session cookie (the browser, and scripts reusing
it) or by ``Authorization: Bearer <token>`` (API clients). Cookie-authenticated requests
that change something must prove they come from a Huddle page (the CSRF token); token
requests cannot be forged by another site, so they need not.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from huddle.core.db import unit_of_work
from huddle.core.errors import FieldError, NotPermitted, ValidationFailed
from huddle.core.text import UncleanText, refuse_control_characters

SESSION_KEY = "sid"
CSRF_KEY = "csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Public endpoints, authorised by what the request carries (a signed link, a site key), not
# by the session: mail clients and other sites posting to them is their purpose, so no
# CSRF token applies.
PUBLIC_POST_PREFIXES = ("/unsubscribe/", "/f/", "/t/")


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed before the response is sent, so a failed
    commit is reported to the client instead of being lost after a 200."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with unit_of_work(factory) as session:
        # For what every page shows besides its own content (templating.page_notices), and
        # only while the request's transaction is open.
        request.state.session = session
        try:
            yield session
        finally:
            del request.state.session


# scope="function": run the commit above before the response goes out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def client_ip(request: Request) -> str:
    """The client's address: what the lockout, rate limits and sessions key on. Settled
    once by ``web.middleware.RequestOriginMiddleware`` (X-Forwarded-For only from a trusted
    proxy); never read the forwarding headers anywhere else."""
    return request.client.host if request.client else "unknown"


# --- CSRF ------------------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (kept in the signed session cookie; new at each sign-in)."""
    token = request.session.get(CSRF_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_KEY] = token
    return token


def bearer_secret(request: Request) -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else None


async def check_csrf(request: Request) -> None:
    """Every unsafe request authenticated by the cookie carries the page's CSRF token, in
    the X-CSRF-Token header (htmx, scripts) or the csrf_token form field (plain forms)."""
    if request.method in SAFE_METHODS or request.url.path.startswith(PUBLIC_POST_PREFIXES):
        return
    if request.url.path.startswith("/api/") and (
        bearer_secret(request) is not None or SESSION_KEY not in request.session
    ):
        # A token cannot be forged by another site, and without a session the request is
        # not signed in at all (it gets its 401).
        return
    supplied = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if supplied is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        supplied = value if isinstance(value, str) else None
    expected = request.session.get(CSRF_KEY)
    if not (isinstance(expected, str) and supplied and secrets.compare_digest(expected, supplied)):
        raise NotPermitted("the form has expired or did not come from Huddle; reload and retry")


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def refuse_unclean_form(request: Request) -> None:
    """Every form field of every page (and public form) holds no control character: a
    422 names the field, before any route sees it. JSON bodies get the same rule from
    their schemas (``core.schemas.CleanInput``); forms reach services as plain strings.
    Starlette keeps the parsed form, so the route reads it again for free."""
    if request.method in SAFE_METHODS:
        return
    if not request.headers.get("content-type", "").startswith(FORM_TYPES):
        return
    errors = []
    for name, value in (await request.form()).multi_items():
        if isinstance(value, str):
            try:
                refuse_control_characters(value)
            except UncleanText as exc:
                errors.append(FieldError(name, f"{name} {exc}"))
    if errors:
        raise ValidationFailed(errors[0].message, errors)
