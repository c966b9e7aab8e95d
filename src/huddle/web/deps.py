"""FastAPI dependencies: the request's unit of work, who is asking, and CSRF protection.

A request is authenticated either by the session cookie (the browser, and scripts reusing
it) or by ``Authorization: Bearer <token>`` (API clients). Cookie-authenticated requests
that change something must prove they come from a Huddle page (the CSRF token); token
requests cannot be forged by another site, so they need not.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from huddle.auth import service as auth_service
from huddle.auth import signin, tokens
from huddle.auth.models import ApiToken, User
from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.core.errors import FieldError, NotAuthenticated, NotPermitted, ValidationFailed
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


# --- who is asking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    user: User
    token: ApiToken | None


# Sent by the elements of a page that ask for news on their own (the bell, a live timeline,
# the queue's new-lead pill): the markup sets it with hx-headers.
POLL_HEADER = "x-huddle-poll"


def is_poll(request: Request) -> bool:
    """Whether the page asked on its own, not the person (a session's idle clock ignores
    it). A client that sets it can only shorten its own session."""
    return request.headers.get(POLL_HEADER) == "1"


def _caller(request: Request, session: Session) -> Caller | None:
    """The signed-in user (or the token's owner), looked up once per request."""
    if hasattr(request.state, "caller"):
        cached: Caller | None = request.state.caller
        return cached
    caller: Caller | None = None
    secret = bearer_secret(request) if request.url.path.startswith("/api/") else None
    if secret is not None:
        found = tokens.user_of_token(session, secret)
        if found is None:
            raise NotAuthenticated("the API token is unknown or revoked")
        caller = Caller(*found)
    else:
        key = request.session.get(SESSION_KEY)
        user = (
            signin.user_of_session(session, key, activity=not is_poll(request))
            if isinstance(key, str)
            else None
        )
        caller = Caller(user, None) if user is not None else None
    request.state.caller = caller
    if caller is not None:
        # Templates read it to show and hide what the role may do.
        request.state.actor = auth_service.actor_for(
            caller.user, token_id=caller.token.id if caller.token else None
        )
    return caller


def _signed_in(request: Request, session: Session) -> Caller:
    caller = _caller(request, session)
    if caller is None:
        raise NotAuthenticated("sign in first")
    return caller


def _check_scopes(request: Request, token: ApiToken, *, ingest: bool) -> None:
    """A token does no more than its scopes allow, whatever its owner's role."""
    scopes = set(token.scopes)
    if request.method in SAFE_METHODS:
        if not scopes & {"read", "write"}:
            raise NotPermitted("this token has no read scope")
    elif "write" not in scopes and not (ingest and "ingest" in scopes):
        raise NotPermitted(
            "this token may only send touches and events"
            if "ingest" in scopes
            else "this token is read-only (it has no write scope)"
        )


def optional_user(request: Request, session: SessionDep) -> User | None:
    caller = _caller(request, session)
    return caller.user if caller is not None else None


def current_user(request: Request, session: SessionDep) -> User:
    caller = _signed_in(request, session)
    if caller.token is not None:
        _check_scopes(request, caller.token, ingest=False)
    return caller.user


def current_actor(request: Request, session: SessionDep) -> Actor:
    """Who acts: the user with their role and team, and the token if one is used."""
    caller = _signed_in(request, session)
    if caller.token is not None:
        _check_scopes(request, caller.token, ingest=False)
    actor: Actor = request.state.actor
    return actor


def ingest_actor(request: Request, session: SessionDep) -> Actor:
    """As ``current_actor``, for the endpoints an ``ingest`` token may call (touches, events)."""
    caller = _signed_in(request, session)
    if caller.token is not None:
        _check_scopes(request, caller.token, ingest=True)
    actor: Actor = request.state.actor
    return actor


def request_actor(request: Request) -> Actor:
    """The actor ``CurrentUser``/``CurrentActor`` resolved for this request (views that
    pass the user along use it rather than threading both through their helpers)."""
    actor = getattr(request.state, "actor", None)
    if actor is None:
        raise NotAuthenticated("sign in first")
    result: Actor = actor
    return result


OptionalUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(current_user)]
CurrentActor = Annotated[Actor, Depends(current_actor)]
IngestActor = Annotated[Actor, Depends(ingest_actor)]
