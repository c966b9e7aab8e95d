"""FastAPI dependencies: the request's unit of work and the signed-in user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from huddle.auth import service as auth_service
from huddle.auth.models import User
from huddle.core.db import unit_of_work
from huddle.core.errors import NotAuthenticated


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed before the response is sent, so a failed
    commit is reported to the client instead of being lost after a 200."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with unit_of_work(factory) as session:
        yield session


# scope="function": run the commit above before the response goes out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def optional_user(request: Request, session: SessionDep) -> User | None:
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        return None
    user = auth_service.find_user(session, user_id)
    return user if user is not None and user.is_active else None


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise NotAuthenticated("sign in first")
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(current_user)]
