"""The plays pages: /plays (the company's plays and their steps, the library to adopt
from, the buying stages and their indicators), the contact page's "Buying journey" card
(stage, evidence, history; the plays' progress; start a play), and the queue's play tasks
(done with one click). Plain forms (POST → 303)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth import service as auth
from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.mailing import service as mailing
from huddle.plays import service
from huddle.plays.schemas import (
    OWNERS,
    BuyingStageWrite,
    Indicator,
    PlayStartWrite,
    PlayStep,
    PlayWrite,
)
from huddle.web.deps import SessionDep
from huddle.web.templating import flash, render
from huddle.web.views import FormText, form_schema, page, see_other, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)


def _plays_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    plays = service.list_plays(session)
    return page(
        request,
        "plays/list.html",
        user,
        "campaigns",
        {
            "plays": [(play, service.steps_of(play)) for play in plays],
            "library": service.library(session),
            "stages": service.configured_stages(session),
            "stage_names": service.stage_names(session),
            "templates": mailing.template_names(session),
            "owners": OWNERS,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/plays", response_class=HTMLResponse)
def plays_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _plays_page(request, session, user)


def _on_plays_page(request: Request, session: SessionDep, user: User, change: object) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _plays_page(request, session, user, error=message, status_code=status_code)

    assert callable(change)
    return submit(request, change, done="Saved.", then="/plays", refused=refused)


@router.post("/plays", response_model=None)
def create_play(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    buying_stage: FormText = "",
) -> Response:
    def change() -> None:
        data = form_schema(lambda: PlayWrite(name=name.strip(), buying_stage=buying_stage or None))
        service.create_play(session, data, actor=request_actor(request))

    return _on_plays_page(request, session, user, change)


@router.post("/plays/library/{key}/adopt", response_model=None)
def adopt(request: Request, session: SessionDep, user: CurrentUser, key: str) -> Response:
    return _on_plays_page(
        request, session, user, lambda: service.adopt(session, key, actor=request_actor(request))
    )


@router.post("/plays/{play_id:int}/steps", response_model=None)
def add_step(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    play_id: int,
    owner: FormText = "",
    title: FormText = "",
    template_id: FormText = "",
    due_hours: FormText = "",
) -> Response:
    def change() -> None:
        step = form_schema(
            lambda: PlayStep.model_validate(
                {
                    "owner": owner,
                    "title": title.strip(),
                    "template_id": template_id or None,
                    "due_hours": due_hours or None,
                }
            )
        )
        service.add_step(session, play_id, step, actor=request_actor(request))

    return _on_plays_page(request, session, user, change)


@router.post("/plays/{play_id:int}/steps/{position:int}/delete", response_model=None)
def remove_step(
    request: Request, session: SessionDep, user: CurrentUser, play_id: int, position: int
) -> Response:
    actor = request_actor(request)
    return _on_plays_page(
        request, session, user, lambda: service.remove_step(session, play_id, position, actor=actor)
    )


@router.post("/plays/{play_id:int}/settings", response_model=None)
def play_settings(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    play_id: int,
    buying_stage: FormText = "",
    status: FormText = "active",
) -> Response:
    actor = request_actor(request)

    def change() -> None:
        service.set_trigger(session, play_id, buying_stage or None, actor=actor)
        service.set_status(session, play_id, status, actor=actor)

    return _on_plays_page(request, session, user, change)


@router.post("/plays/stages", response_model=None)
def add_stage(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    before: FormText = "",
) -> Response:
    def change() -> None:
        key = _stage_key(name)
        data = form_schema(lambda: BuyingStageWrite(key=key, name=name.strip()))
        service.add_stage(session, data, before=before or None, actor=request_actor(request))

    return _on_plays_page(request, session, user, change)


def _stage_key(name: str) -> str:
    """The key a new stage's name gives: "Negotiating terms" is ``negotiating_terms``."""
    key = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return (key if key[:1].isalpha() else f"stage_{key}")[:40].rstrip("_")


@router.post("/plays/stages/{key}/indicators", response_model=None)
def add_indicator(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    key: str,
    touch_type: FormText = "",
    contains: FormText = "",
    touch_property: Annotated[str, Form(alias="property")] = "",
) -> Response:
    def change() -> None:
        indicator = form_schema(
            lambda: Indicator(
                touch_type=touch_type.strip(),
                property=touch_property.strip() or None,
                contains=contains.strip() or None,
            )
        )
        service.add_indicator(session, key, indicator, actor=request_actor(request))

    return _on_plays_page(request, session, user, change)


@router.post("/plays/stages/{key}/indicators/{index:int}/delete", response_model=None)
def remove_indicator(
    request: Request, session: SessionDep, user: CurrentUser, key: str, index: int
) -> Response:
    actor = request_actor(request)
    return _on_plays_page(
        request, session, user, lambda: service.remove_indicator(session, key, index, actor=actor)
    )


# --- the contact page's card -------------------------------------------------------------


@router.get("/contacts/{contact_id:int}/plays", response_class=HTMLResponse)
def contact_card(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    contact = contacts.get_contact(session, contact_id)
    return render(
        request,
        "plays/_contact_card.html",
        {
            "contact": contact,
            "stages": service.configured_stages(session),
            "stage_names": service.stage_names(session),
            "history": service.stage_history(session, contact_id),
            "progress": service.contact_progress(session, contact_id),
            "plays": service.list_plays(session),
            "users": auth.users_by_id(session),
            "owners": OWNERS,
            "now": clock.now(),
        },
    )


@router.post("/contacts/{contact_id:int}/plays", response_model=None)
def start_play(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contact_id: int,
    play_id: FormText = "",
) -> Response:
    actor = request_actor(request)

    def change() -> None:
        chosen = form_schema(lambda: PlayStartWrite.model_validate({"play_id": play_id}))
        service.start_by_hand(session, contact_id, chosen.play_id, actor=actor)

    return submit(
        request,
        change,
        done="Play started: its first step runs in a moment.",
        then=f"/contacts/{contact_id}",
        refused=lambda message, code: _back_to_contact(request, contact_id, message),
    )


def _back_to_contact(request: Request, contact_id: int, message: str) -> Response:
    flash(request, message, "error")
    return see_other(f"/contacts/{contact_id}")


# --- the queue's tasks -------------------------------------------------------------------


@router.get("/queue/play-tasks", response_class=HTMLResponse)
def queue_tasks(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return render(
        request,
        "plays/_queue_tasks.html",
        {
            "tasks": service.open_tasks(session, request_actor(request)),
            "stage_names": service.stage_names(session),
            "owners": OWNERS,
            "now": clock.now(),
        },
    )


@router.post("/queue/play-tasks/{step_id:int}/done", response_model=None)
def complete_task(
    request: Request, session: SessionDep, user: CurrentUser, step_id: int
) -> Response:
    actor = request_actor(request)

    def refused(message: str, status_code: int) -> Response:
        flash(request, message, "error")
        return see_other("/queue")

    return submit(
        request,
        lambda: service.complete_task(session, step_id, actor=actor),
        done="Task done: the play moves on.",
        then="/queue",
        refused=refused,
    )
