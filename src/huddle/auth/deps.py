"""FastAPI dependencies for who is asking: the signed-in user, or an API token's owner.

A request is authenticated either by the session cookie (the browser, and scripts reusing
it) or by ``Authorization: Bearer <token>`` (API clients). Every domain's pages and API
endpoints take the user or actor from here (``CurrentUser``, ``CurrentActor``...); the
request's unit of work and CSRF protection are plumbing, in ``web.deps``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.auth import signin, tokens
from huddle.auth.models import ApiToken, User
from huddle.core.actor import Actor
from huddle.core.errors import NotAuthenticated, NotPermitted
from huddle.web.deps import SAFE_METHODS, SESSION_KEY, SessionDep, bearer_secret


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
