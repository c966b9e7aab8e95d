"""Sign in and out, your account (password, API tokens) and Settings → Users (admins)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from huddle.auth import resets, service, signin, tokens
from huddle.auth.deps import CurrentActor, CurrentUser, OptionalUser
from huddle.auth.schemas import WEEKDAYS, ApiTokenCreate, UserCreate, UserUpdate
from huddle.core import clock
from huddle.core.errors import FieldError, HuddleError, ValidationFailed
from huddle.core.permissions import ROLES, TEAMS
from huddle.web.deps import CSRF_KEY, SESSION_KEY, SessionDep, client_ip
from huddle.web.redirects import safe_local_path
from huddle.web.templating import flash, render
from huddle.web.views import FormDataDep, page, see_other

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, user: OptionalUser, next: str = "/") -> HTMLResponse:  # noqa: A002
    return render(request, "auth/login.html", {"next": safe_local_path(next), "user": None})


@router.post("/login", response_model=None)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",  # noqa: A002
) -> Response:
    context = {"next": safe_local_path(next), "email": email}
    try:
        started = signin.sign_in(
            session,
            email,
            password,
            ip=client_ip(request),
            user_agent=request.headers.get("user-agent"),
        )
    except signin.LockedOut as exc:
        response = render(
            request, "auth/login.html", {**context, "error": exc.message}, status_code=429
        )
        return _retry_after(response, exc)
    if started is None:
        return render(
            request,
            "auth/login.html",
            {**context, "error": "Wrong email or password."},
            status_code=401,
        )
    previous = request.session.get(SESSION_KEY)
    if isinstance(previous, str):
        signin.sign_out(session, previous)
    # A new session id and CSRF token at sign-in: nothing from before survives into it, so
    # a session id planted before sign-in (fixation) is worthless.
    request.session.clear()
    request.session[SESSION_KEY] = started.key
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return RedirectResponse(safe_local_path(next), status_code=303)


def _retry_after(response: HTMLResponse, refused: signin.TooMany) -> HTMLResponse:
    """A 429 page says in seconds, as well as in words, when trying again can work."""
    seconds = max(1, int((refused.until - clock.now()).total_seconds()))
    response.headers["Retry-After"] = str(seconds)
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> RedirectResponse:
    key = request.session.get(SESSION_KEY)
    if isinstance(key, str):
        signin.sign_out(session, key)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# --- forgotten password ----------------------------------------------------------------------

_LINK_MINUTES = int(resets.LINK_LIFETIME.total_seconds() // 60)


def _signed_out_page(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        template,
        {"user": None, "minutes": _LINK_MINUTES, **context},
        status_code=status_code,
    )


@router.get("/password/forgot", response_class=HTMLResponse)
def forgot_password_form(request: Request) -> HTMLResponse:
    return _signed_out_page(request, "auth/forgot.html", {})


@router.post("/password/forgot", response_model=None)
def forgot_password(
    request: Request, session: SessionDep, email: Annotated[str, Form()]
) -> Response:
    """Ask for a reset link. Every address gets the same answer (see ``auth.resets``)."""
    try:
        resets.request_reset(session, email, ip=client_ip(request))
    except ValidationFailed as exc:
        context = {"email": email, "errors": exc.errors}
        return _signed_out_page(request, "auth/forgot.html", context, status_code=422)
    except resets.TooManyResetRequests as exc:
        context = {"email": email, "error": exc.message}
        response = _signed_out_page(request, "auth/forgot.html", context, status_code=429)
        return _retry_after(response, exc)
    return see_other("/password/forgot/sent")


@router.get("/password/forgot/sent", response_class=HTMLResponse)
def forgot_password_sent(request: Request) -> HTMLResponse:
    return _signed_out_page(request, "auth/forgot.html", {"sent": True})


def _reset_page(
    request: Request, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    response = _signed_out_page(request, "auth/reset.html", context, status_code=status_code)
    # The link's secret is in this page's address: never sent on as a Referer, never cached.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/password/reset/{token}", response_class=HTMLResponse)
def reset_password_form(request: Request, session: SessionDep, token: str) -> HTMLResponse:
    """The link from the email. Opening it changes nothing (mail scanners open links)."""
    try:
        link = resets.open_reset_link(session, token)
    except resets.InvalidResetLink:
        return _reset_page(request, {"invalid": True}, status_code=404)
    return _reset_page(request, {"token": token, "email": link.user.email})


@router.post("/password/reset/{token}", response_model=None)
def reset_password(
    request: Request, session: SessionDep, token: str, new_password: Annotated[str, Form()]
) -> Response:
    try:
        resets.reset_password(session, token, new_password, ip=client_ip(request))
    except resets.InvalidResetLink:
        return _reset_page(request, {"invalid": True}, status_code=404)
    except ValidationFailed as exc:
        link = resets.open_reset_link(session, token)
        context = {"token": token, "email": link.user.email, "errors": exc.errors}
        return _reset_page(request, context, status_code=422)
    # Whoever was signed in on this browser is signed out with every other session.
    request.session.clear()
    flash(request, "Your new password is set, and you were signed out everywhere. Sign in with it.")
    return see_other("/login")


# --- your account ----------------------------------------------------------------------------


def _account_page(request: Request, session: SessionDep, user: User, **extra: Any) -> HTMLResponse:
    context = {
        "tokens": tokens.list_tokens(session, user_id=user.id),
        "revoke_reasons": tokens.REVOKE_REASONS,
        **extra,
    }
    status_code = 422 if extra.get("errors") else 200
    return page(request, "auth/account.html", user, "account", context, status_code=status_code)


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _account_page(request, session, user)


@router.post("/account/password", response_model=None)
def change_password(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    current_password: Annotated[str, Form()],
    new_password: Annotated[str, Form()],
    revoke_tokens: Annotated[str | None, Form()] = None,
) -> Response:
    key = request.session.get(SESSION_KEY)
    try:
        changed = service.change_password(
            session,
            user.id,
            current=current_password,
            new=new_password,
            actor=actor,
            # An unticked checkbox sends nothing: only a ticked one revokes.
            revoke_tokens=revoke_tokens is not None,
            keep_session_key=key if isinstance(key, str) else None,
        )
    except ValidationFailed as exc:
        return _account_page(request, session, user, errors=exc.errors)
    flash(request, _password_changed_message(changed.sessions_ended, changed.tokens_revoked))
    return see_other("/account")


def _password_changed_message(sessions: int, tokens_revoked: int) -> str:
    ended = f"{sessions} other session{'s' if sessions != 1 else ''} signed out"
    revoked = f"{tokens_revoked} API token{'s' if tokens_revoked != 1 else ''} revoked"
    return f"Password changed: {ended}, {revoked}."


@router.post("/account/tokens", response_model=None)
def create_token(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, form: FormDataDep
) -> Response:
    try:
        data = ApiTokenCreate(
            name=str(form.get("name", "")), scopes=[str(s) for s in form.getlist("scopes")]
        )
    except ValidationError as exc:
        errors = [FieldError(str(e["loc"][0]), e["msg"]) for e in exc.errors()]
        return _account_page(request, session, user, errors=errors)
    issued = tokens.issue_token(session, data, actor=actor)
    # Rendered, not redirected: the secret must not travel in a cookie or a URL.
    return _account_page(request, session, user, new_token=issued)


@router.post("/account/tokens/{token_id:int}/revoke")
def revoke_token(
    request: Request, session: SessionDep, actor: CurrentActor, token_id: int
) -> RedirectResponse:
    token = tokens.revoke_token(session, token_id, actor=actor)
    flash(request, f"Token “{token.name}” revoked.")
    return see_other("/account")


# --- Settings → Users (admins) ---------------------------------------------------------------


def _user_form(form: FormData) -> dict[str, Any]:
    """The user form's fields as the schemas take them (blank = not set)."""
    hours = {
        day: [str(form.get(f"{day}_start")), str(form.get(f"{day}_end"))]
        for day in WEEKDAYS
        if form.get(f"{day}_start") or form.get(f"{day}_end")
    }
    values: dict[str, Any] = {
        key: str(form.get(key, "")).strip()
        for key in ("email", "name", "team", "role", "time_zone", "password")
    }
    values = {k: v for k, v in values.items() if v}
    for key in ("manager_id", "capacity"):
        raw = str(form.get(key, "")).strip()
        values[key] = raw if raw else None
    values["working_hours"] = hours
    values["out_of_office"] = form.get("out_of_office") == "on"
    return values


def _errors(exc: ValidationError) -> list[FieldError]:
    return [
        FieldError(".".join(str(p) for p in e["loc"]) or "form", e["msg"]) for e in exc.errors()
    ]


def _users_page(
    request: Request, session: SessionDep, user: User, actor: Any, **extra: Any
) -> HTMLResponse:
    users = service.user_directory(session, actor=actor)
    context = {
        "users": users,
        "by_id": {u.id: u for u in users},
        "roles": ROLES,
        "teams": TEAMS,
        "weekdays": WEEKDAYS,
        **extra,
    }
    status_code = 422 if extra.get("errors") else 200
    return page(request, "auth/users.html", user, "users", context, status_code=status_code)


@router.get("/settings/users", response_class=HTMLResponse)
def users(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor
) -> HTMLResponse:
    return _users_page(request, session, user, actor)


@router.post("/settings/users", response_model=None)
def create_user(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    form: FormDataDep,
) -> Response:
    values = _user_form(form)
    try:
        created = service.create_user(session, UserCreate(**values), actor=actor)
    except ValidationError as exc:
        return _users_page(request, session, user, actor, errors=_errors(exc), values=values)
    except (ValidationFailed, HuddleError) as exc:
        errors = getattr(exc, "errors", None) or [FieldError("email", exc.message)]
        return _users_page(request, session, user, actor, errors=errors, values=values)
    flash(request, f"{created.name} can now sign in as {created.role.replace('_', ' ')}.")
    return see_other("/settings/users")


@router.get("/settings/users/{user_id:int}", response_class=HTMLResponse)
def edit_user(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, user_id: int
) -> HTMLResponse:
    return _edit_page(request, session, user, actor, user_id)


def _edit_page(
    request: Request,
    session: SessionDep,
    user: User,
    actor: Any,
    user_id: int,
    **extra: Any,
) -> HTMLResponse:
    person = service.get_user_to_manage(session, user_id, actor=actor)
    context = {
        "person": person,
        "managers": [u for u in service.list_users(session) if u.id != person.id],
        "roles": ROLES,
        "teams": TEAMS,
        "weekdays": WEEKDAYS,
        **extra,
    }
    status_code = 422 if extra.get("errors") else 200
    return page(request, "auth/user_edit.html", user, "users", context, status_code=status_code)


@router.post("/settings/users/{user_id:int}", response_model=None)
def update_user(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    user_id: int,
    form: FormDataDep,
) -> Response:
    values = _user_form(form)
    values.pop("email", None)
    values.pop("password", None)
    values["is_active"] = form.get("is_active") == "on"
    try:
        changed = service.update_user(session, user_id, UserUpdate(**values), actor=actor)
    except ValidationError as exc:
        return _edit_page(request, session, user, actor, user_id, errors=_errors(exc))
    except ValidationFailed as exc:
        return _edit_page(request, session, user, actor, user_id, errors=exc.errors)
    flash(request, f"Saved {changed.name}.")
    return see_other("/settings/users")
