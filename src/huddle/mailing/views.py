"""The Email pages: templates (/email) with a form and its live preview, the send log
(/email/sends) and the suppression list (/email/suppressions). Plain forms (POST → 303);
the preview is an htmx fragment the template form asks for as it is typed in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.mailing import service
from huddle.mailing.models import SEND_STATUSES, SUPPRESSION_REASONS
from huddle.mailing.schemas import SuppressionWrite, TemplateWrite
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import FormText, error_text, form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
NAV = "email"
TEMPLATE_FIELDS = ("name", "subject", "html_body", "text_body")


def _template_form(draft: dict[str, str]) -> TemplateWrite:
    return form_schema(
        lambda: TemplateWrite.model_validate(
            {
                "name": draft.get("name", ""),
                "subject": draft.get("subject", ""),
                "html_body": draft.get("html_body", ""),
                "text_body": draft.get("text_body") or None,
            }
        )
    )


def _contact_id(raw: str) -> int | None:
    raw = raw.strip()
    return int(raw) if raw.isdigit() else None


# --- templates -------------------------------------------------------------------------------


@router.get("/email", response_class=HTMLResponse)
def templates_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    templates = service.list_templates(session, actor=request_actor(request))
    return page(request, "mailing/templates.html", user, NAV, {"templates": templates})


def _editor(
    request: Request,
    user: User,
    *,
    template_id: int | None,
    draft: dict[str, str],
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context: dict[str, Any] = {
        "template_id": template_id,
        "draft": draft,
        "error": error,
        "user_email": user.email,
    }
    return page(request, "mailing/template.html", user, NAV, context, status_code=status_code)


STARTER = {
    "name": "",
    "subject": "News for {{ contact.first_name | default('you') }}",
    "html_body": (
        "<p>Hello {{ contact.first_name | default('there') }},</p>\n"
        "<p>Here is what is new at {{ account.name | default('your company') }}'s favourite "
        "vendor.</p>\n"
        '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>'
    ),
    "text_body": "",
}


@router.get("/email/templates/new", response_class=HTMLResponse)
def new_template_page(request: Request, user: CurrentUser) -> HTMLResponse:
    service.check_may_manage(request_actor(request))
    return _editor(request, user, template_id=None, draft=dict(STARTER))


@router.post("/email/templates", response_model=None)
def create_template(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    subject: FormText = "",
    html_body: FormText = "",
    text_body: FormText = "",
) -> Response:
    draft = {"name": name, "subject": subject, "html_body": html_body, "text_body": text_body}
    created: list[int] = []

    def change() -> None:
        made = service.create_template(session, _template_form(draft), actor=request_actor(request))
        created.append(made.id)

    def refused(message: str, status_code: int) -> Response:
        return _editor(
            request, user, template_id=None, draft=draft, error=message, status_code=status_code
        )

    response = submit(request, change, done="Template saved.", then="/email", refused=refused)
    if created:
        response.headers["location"] = f"/email/templates/{created[0]}"
    return response


@router.get("/email/templates/{template_id:int}", response_class=HTMLResponse)
def template_page(
    request: Request, session: SessionDep, user: CurrentUser, template_id: int
) -> HTMLResponse:
    template = service.get_template(session, template_id, actor=request_actor(request))
    draft = {name: getattr(template, name) or "" for name in TEMPLATE_FIELDS}
    return _editor(request, user, template_id=template_id, draft=draft)


@router.post("/email/templates/{template_id:int}", response_model=None)
def update_template(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    template_id: int,
    name: FormText = "",
    subject: FormText = "",
    html_body: FormText = "",
    text_body: FormText = "",
) -> Response:
    draft = {"name": name, "subject": subject, "html_body": html_body, "text_body": text_body}

    def refused(message: str, status_code: int) -> Response:
        return _editor(
            request,
            user,
            template_id=template_id,
            draft=draft,
            error=message,
            status_code=status_code,
        )

    return submit(
        request,
        lambda: service.update_template(
            session, template_id, _template_form(draft), actor=request_actor(request)
        ),
        done="Template saved.",
        then=f"/email/templates/{template_id}",
        refused=refused,
    )


@router.post("/email/templates/{template_id:int}/delete", response_model=None)
def delete_template(
    request: Request, session: SessionDep, user: CurrentUser, template_id: int
) -> Response:
    return submit(
        request,
        lambda: service.delete_template(session, template_id, actor=request_actor(request)),
        done="Template deleted. The send log keeps its messages.",
        then="/email",
        refused=lambda message, code: _editor(
            request, user, template_id=template_id, draft={}, error=message, status_code=code
        ),
    )


@router.post("/email/preview", response_class=HTMLResponse)
def preview_fragment(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    subject: FormText = "",
    html_body: FormText = "",
    text_body: FormText = "",
    contact_id: FormText = "",
) -> HTMLResponse:
    """The form's live preview: the message as typed, for the contact chosen. The HTML is
    shown in a sandboxed iframe (``srcdoc``: no script runs, no cookie is reachable)."""
    draft = {
        "name": name or "preview",
        "subject": subject,
        "html_body": html_body,
        "text_body": text_body,
    }
    context: dict[str, Any] = {"shown": None, "error": None}
    status_code = 200
    try:
        context["shown"] = service.preview(
            session,
            None,
            _contact_id(contact_id),
            actor=request_actor(request),
            draft=_template_form(draft),
        )
    except (ValidationFailed, ResourceNotFound) as exc:
        context["error"] = error_text(exc)
        status_code = 422
    return render(request, "mailing/_preview.html", context, status_code=status_code)


@router.post("/email/templates/{template_id:int}/test", response_model=None)
def send_test(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    template_id: int,
    contact_id: FormText = "",
) -> Response:
    """The saved template, as the chosen contact would get it, to the person testing."""
    template = service.get_template(session, template_id, actor=request_actor(request))
    draft = {name: getattr(template, name) or "" for name in TEMPLATE_FIELDS}

    def change() -> None:
        chosen = _contact_id(contact_id)
        if chosen is None:
            raise ValidationFailed(
                "no contact", [FieldError("contact_id", "choose the contact to render it for")]
            )
        service.send_test(session, template_id, chosen, to=user.email, actor=request_actor(request))

    return submit(
        request,
        change,
        done=f"Test message queued to {user.email}.",
        then=f"/email/templates/{template_id}",
        refused=lambda message, code: _editor(
            request, user, template_id=template_id, draft=draft, error=message, status_code=code
        ),
    )


# --- the send log and the suppression list -------------------------------------------------


@router.get("/email/sends", response_class=HTMLResponse)
def sends_page(
    request: Request, session: SessionDep, user: CurrentUser, status: str = ""
) -> HTMLResponse:
    chosen = status if status in SEND_STATUSES else None
    sends = service.list_sends(session, actor=request_actor(request), status=chosen, limit=200)
    return page(
        request,
        "mailing/sends.html",
        user,
        NAV,
        {"sends": sends, "statuses": SEND_STATUSES, "status": chosen},
    )


def _suppressions_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    draft: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    rows = service.list_suppressions(session, actor=request_actor(request))
    return page(
        request,
        "mailing/suppressions.html",
        user,
        NAV,
        {
            "suppressions": rows,
            "reasons": SUPPRESSION_REASONS,
            "draft": draft or {},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/email/suppressions", response_class=HTMLResponse)
def suppressions_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _suppressions_page(request, session, user)


@router.post("/email/suppressions", response_model=None)
def add_suppression(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    email: FormText = "",
    reason: FormText = "manual",
    detail: FormText = "",
) -> Response:
    draft = {"email": email, "reason": reason, "detail": detail}

    def change() -> None:
        data = form_schema(
            lambda: SuppressionWrite.model_validate(
                {"email": email, "reason": reason, "detail": detail or None}
            )
        )
        service.add_suppression(session, data, actor=request_actor(request))

    return submit(
        request,
        change,
        done="Address suppressed: it gets no marketing email.",
        then="/email/suppressions",
        refused=lambda message, code: _suppressions_page(
            request, session, user, draft=draft, error=message, status_code=code
        ),
    )


@router.post("/email/suppressions/{suppression_id:int}/delete", response_model=None)
def remove_suppression(
    request: Request, session: SessionDep, user: CurrentUser, suppression_id: int
) -> Response:
    def refused(message: str, code: int) -> Response:
        return _suppressions_page(request, session, user, error=message, status_code=code)

    return submit(
        request,
        lambda: service.remove_suppression(session, suppression_id, actor=request_actor(request)),
        done="Address taken off the suppression list.",
        then="/email/suppressions",
        refused=refused,
    )
