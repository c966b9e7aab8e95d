"""JSON routes for users (admins), your own profile and your API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from huddle.auth import service, tokens
from huddle.auth.deps import CurrentActor
from huddle.auth.schemas import (
    ApiTokenCreate,
    ApiTokenIssuedRead,
    ApiTokenRead,
    PasswordChange,
    UserCreate,
    UserRead,
    UserUpdate,
)
from huddle.web.deps import SESSION_KEY, SessionDep

router = APIRouter()


@router.get("/users", operation_id="users.list", response_model=list[UserRead], tags=["users"])
def list_users(actor: CurrentActor, session: SessionDep) -> list[UserRead]:
    """Every user, deactivated ones included (admins)."""
    return [UserRead.model_validate(u) for u in service.user_directory(session, actor=actor)]


@router.post(
    "/users",
    operation_id="users.create",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    tags=["users"],
)
def create_user(actor: CurrentActor, session: SessionDep, data: UserCreate) -> UserRead:
    """Create a user (admins). Without a password they cannot sign in until one is set."""
    return UserRead.model_validate(service.create_user(session, data, actor=actor))


@router.get(
    "/users/{user_id:int}", operation_id="users.get", response_model=UserRead, tags=["users"]
)
def get_user(actor: CurrentActor, session: SessionDep, user_id: int) -> UserRead:
    """One user (admins)."""
    return UserRead.model_validate(service.get_user_to_manage(session, user_id, actor=actor))


@router.patch(
    "/users/{user_id:int}", operation_id="users.update", response_model=UserRead, tags=["users"]
)
def update_user(
    actor: CurrentActor, session: SessionDep, user_id: int, data: UserUpdate
) -> UserRead:
    """Change role, team, manager, capacity, hours, time zone, out-of-office (admins)."""
    return UserRead.model_validate(service.update_user(session, user_id, data, actor=actor))


@router.post(
    "/users/{user_id:int}/deactivate",
    operation_id="users.deactivate",
    response_model=UserRead,
    tags=["users"],
)
def deactivate_user(actor: CurrentActor, session: SessionDep, user_id: int) -> UserRead:
    """Deactivate a user (admins): they are signed out and their tokens stop working."""
    return UserRead.model_validate(service.deactivate_user(session, user_id, actor=actor))


@router.get("/me", operation_id="users.me", response_model=UserRead, tags=["users"])
def me(actor: CurrentActor, session: SessionDep) -> UserRead:
    """The signed-in user (or the token's owner)."""
    assert actor.user_id is not None
    return UserRead.model_validate(service.get_user(session, actor.user_id))


@router.post(
    "/me/password",
    operation_id="users.change_password",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["users"],
)
def change_password(
    request: Request, actor: CurrentActor, session: SessionDep, data: PasswordChange
) -> None:
    """Change your password (the current one is required). Your other sessions end, and
    unless ``revoke_tokens`` is false, every API token of yours is revoked too."""
    assert actor.user_id is not None
    key = request.session.get(SESSION_KEY)
    service.change_password(
        session,
        actor.user_id,
        current=data.current_password,
        new=data.new_password,
        actor=actor,
        revoke_tokens=data.revoke_tokens,
        keep_session_key=key if isinstance(key, str) and actor.token_id is None else None,
    )


@router.get(
    "/tokens", operation_id="tokens.list", response_model=list[ApiTokenRead], tags=["tokens"]
)
def list_tokens(actor: CurrentActor, session: SessionDep) -> list[ApiTokenRead]:
    """Your API tokens, revoked ones included (never their secrets)."""
    assert actor.user_id is not None
    return [
        ApiTokenRead.model_validate(t) for t in tokens.list_tokens(session, user_id=actor.user_id)
    ]


@router.post(
    "/tokens",
    operation_id="tokens.create",
    response_model=ApiTokenIssuedRead,
    status_code=status.HTTP_201_CREATED,
    tags=["tokens"],
)
def create_token(actor: CurrentActor, session: SessionDep, data: ApiTokenCreate) -> object:
    """A new personal token with the scopes given; ``token`` is shown this once."""
    issued = tokens.issue_token(session, data, actor=actor)
    return {**ApiTokenRead.model_validate(issued.token).model_dump(), "token": issued.secret}


@router.delete(
    "/tokens/{token_id:int}",
    operation_id="tokens.revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["tokens"],
)
def revoke_token(actor: CurrentActor, session: SessionDep, token_id: int) -> None:
    """Revoke one of your tokens; it stops working at once."""
    tokens.revoke_token(session, token_id, actor=actor)
