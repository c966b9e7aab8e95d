"""Renders the error hierarchy: JSON under /api, a page or a redirect to sign-in elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from huddle.core.errors import HuddleError, NotAuthenticated, ValidationFailed


class ErrorBody(BaseModel):
    detail: str
    code: str


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody, "description": "Not signed in"},
    403: {"model": ErrorBody, "description": "Not permitted"},
    404: {"model": ErrorBody, "description": "Not found"},
    409: {"model": ErrorBody, "description": "Conflicts with the current state"},
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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HuddleError)
    async def handle_huddle_error(request: Request, exc: HuddleError) -> Response:
        if _is_api(request):
            return _api_error(exc)
        if isinstance(exc, NotAuthenticated):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        from huddle.web.templating import render

        return render(
            request,
            "error.html",
            {"status": exc.status_code, "message": exc.message},
            status_code=exc.status_code,
        )
