"""Sign in and sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from huddle.auth import service
from huddle.web.deps import OptionalUser, SessionDep
from huddle.web.redirects import safe_local_path
from huddle.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, user: OptionalUser, next: str = "/") -> HTMLResponse:  # noqa: A002
    return render(request, "auth/login.html", {"next": safe_local_path(next), "user": user})


@router.post("/login", response_model=None)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",  # noqa: A002
) -> RedirectResponse | HTMLResponse:
    user = service.authenticate(session, email, password)
    if user is None:
        return render(
            request,
            "auth/login.html",
            {"next": safe_local_path(next), "error": "Wrong email or password.", "email": email},
            status_code=401,
        )
    # A fresh session dict at sign-in: nothing from before survives into the signed-in one.
    request.session.clear()
    request.session["user_id"] = user.id
    return RedirectResponse(safe_local_path(next), status_code=303)


@router.post("/logout")
def logout(request: Request) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
