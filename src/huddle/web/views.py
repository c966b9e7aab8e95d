"""The helpers every domain's views share (the home page is ``huddle.home.views``).

Views call services only. Each page gets the signed-in user for the layout, and forms follow
POST → 303 → GET; htmx only enhances them (the same URLs answer plain browsers).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from huddle.core.errors import Conflict, FieldError, HuddleError, ValidationFailed
from huddle.web.format import humanize
from huddle.web.templating import flash, render

if TYPE_CHECKING:
    from huddle.auth.models import User

# A form field as the browser sends it: text, checked by the service that receives it.
FormText = Annotated[str, Form()]


def page(
    request: Request,
    template: str,
    user: User,
    nav: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """A page of the signed-in app: the layout needs the user and which nav item is active."""
    return render(
        request,
        template,
        {"user": user, "active_nav": nav, **(context or {})},
        status_code=status_code,
    )


def see_other(url: str) -> RedirectResponse:
    """The redirect after a successful form post (POST-redirect-GET)."""
    return RedirectResponse(url, status_code=303)


async def _form(request: Request) -> FormData:
    return await request.form()


# A form with field names known only at run time (merge choices, filter sets), read before
# a sync endpoint runs in the thread pool, so no database call blocks the event loop.
FormDataDep = Annotated[FormData, Depends(_form)]


def submit(
    request: Request,
    change: Callable[[], object],
    *,
    done: str | Callable[[], str],
    then: str,
    refused: Callable[[str, int], Response],
) -> Response:
    """Run a form's state change: on success flash ``done`` and redirect to ``then`` (PRG);
    when the rules refuse it (409/422), answer ``refused(message, status)`` instead, i.e.
    the same page with the reason next to the form. Services write nothing when they refuse.
    ``done`` may be a function, called after the change, when its words depend on it.
    """
    try:
        change()
    except (Conflict, ValidationFailed) as exc:
        return refused(error_text(exc), exc.status_code)
    flash(request, done if isinstance(done, str) else done())
    return see_other(then)


T = TypeVar("T")


def form_schema(build: Callable[[], T]) -> T:
    """A schema built from form fields; its errors raised as the service's ValidationFailed,
    so a form page shows them like any other refusal."""
    try:
        return build()
    except ValidationError as exc:
        raise ValidationFailed(
            "check the fields",
            [FieldError(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()],
        ) from exc


def json_field(text: str, field: str) -> Any:
    """JSON from a textarea (None when empty), or a 422 naming the field and the line of
    the mistake."""
    try:
        return json.loads(text or "null")
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            "not JSON", [FieldError(field, f"not valid JSON at line {exc.lineno}: {exc.msg}")]
        ) from exc


def error_text(exc: HuddleError) -> str:
    """What to tell the person filling the form: the field messages, else the error."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        return "; ".join(f"{humanize(e.field)}: {e.message}" for e in exc.errors)
    return exc.message[:1].upper() + exc.message[1:]
