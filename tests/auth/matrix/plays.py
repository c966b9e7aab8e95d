"""The plays' routes: managing plays and buying stages (workflow.manage), starting a play
for a contact (contact.edit, owned) and completing a play's task (touch.write, owned)."""

from __future__ import annotations

from sqlalchemy import delete, select

from huddle.core.actor import SYSTEM
from huddle.plays import service as plays
from huddle.plays.models import BuyingStage, Play, PlayRun, PlayRunStep
from huddle.plays.schemas import PlayStep, PlayWrite
from tests.auth.matrix.world import Call, Route, World, api, ui, unique

PLAY = "/plays/{play_id:int}"


def _play(w: World) -> Play:
    step = PlayStep(owner="sales", title="Call them", due_hours=24)
    return plays.create_play(w.db, PlayWrite(name=unique("Play"), steps=[step]), actor=SYSTEM)


def _on_play(suffix: str, **data: str) -> Route:
    def build(w: World, _: int | None) -> Call:
        return Call("POST", f"/plays/{_play(w).id}{suffix}", data=data)

    return Route("POST", f"{PLAY}{suffix}", build=build)


def _defaults(w: World) -> None:
    """The default buying stages again: each request edits them afresh (12 at most)."""
    w.db.execute(delete(BuyingStage))


def _adopt(w: World, _: int | None) -> Call:
    w.db.execute(delete(Play).where(Play.library_key == "decision"))
    return Call("POST", "/plays/library/decision/adopt")


def _on_stages(url: str, **data: str) -> Route:
    def build(w: World, _: int | None) -> Call:
        _defaults(w)
        values = {k: unique(v) if v == "unique" else v for k, v in data.items()}
        return Call("POST", url, data=values)

    return Route(
        "POST", url.replace("problem_aware", "{key}").replace("/0/", "/{index:int}/"), build=build
    )


PLAY_SETTINGS = [
    api("POST", "/plays", json=lambda w, _: {"name": unique("Play")}),
    ui("POST", "/plays", data=lambda w, _: {"name": unique("Play")}),
    Route("POST", "/plays/library/{key}/adopt", build=_adopt),
    _on_play("/steps", owner="sales", title="Book the demo", due_hours="48"),
    Route(
        "POST",
        f"{PLAY}/steps/{{position:int}}/delete",
        build=lambda w, _: Call("POST", f"/plays/{_play(w).id}/steps/0/delete"),
    ),
    _on_play("/settings", buying_stage="", status="paused"),
    _on_stages("/plays/stages", name="unique"),
    _on_stages("/plays/stages/problem_aware/indicators", touch_type="page_view", contains="x"),
    _on_stages("/plays/stages/problem_aware/indicators/0/delete"),
]


def _start_by_api(w: World, owner: int | None) -> Call:
    play, contact_id = _play(w), w.contact(owner).id
    return Call("POST", f"/api/v1/contacts/{contact_id}/plays", json={"play_id": play.id})


def _start(w: World, owner: int | None) -> Call:
    play, contact_id = _play(w), w.contact(owner).id

    def started() -> bool:
        found = select(PlayRun.id).where(PlayRun.contact_id == contact_id)
        return w.db.scalars(found).first() is not None

    url = f"/contacts/{contact_id}/plays"
    return Call("POST", url, data={"play_id": str(play.id)}, happened=started)


def _open_task(w: World, owner: int | None) -> PlayRunStep:
    play, contact_id = _play(w), w.contact(owner).id
    run = PlayRun(play_id=play.id, contact_id=contact_id, reason="matrix")
    w.db.add(run)
    w.db.flush()
    task = PlayRunStep(
        run_id=run.id, contact_id=contact_id, position=0, owner="sales", title="Call", status="open"
    )
    w.db.add(task)
    w.db.flush()
    return task


def _done_by_api(w: World, owner: int | None) -> Call:
    return Call("POST", f"/api/v1/play-tasks/{_open_task(w, owner).id}/done")


def _done(w: World, owner: int | None) -> Call:
    task = _open_task(w, owner)

    def done() -> bool:
        w.db.expire(task)
        return task.status == "done"

    return Call("POST", f"/queue/play-tasks/{task.id}/done", happened=done)


PLAY_STARTS = [
    Route("POST", "/contacts/{contact_id:int}/plays", build=_start),
    Route("POST", "/api/v1/contacts/{contact_id:int}/plays", build=_start_by_api),
]
PLAY_TASKS = [
    Route("POST", "/queue/play-tasks/{step_id:int}/done", build=_done),
    Route("POST", "/api/v1/play-tasks/{step_id:int}/done", build=_done_by_api),
]
