"""What enrols contacts, event by event: each reaction finds the active workflows whose
trigger matches and enrols (the re-enrolment policy decides), and a touch also ends the
waits for it. Cheap when nothing listens: the active workflows are a handful of rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.workflows import repository
from huddle.workflows.service.definitions import definition
from huddle.workflows.service.enrolling import enrol, enrol_all, queue_run

if TYPE_CHECKING:
    from huddle.contacts.models import Touch


def touches_recorded(session: Session, touch_ids: Sequence[int], types: Sequence[str]) -> None:
    """Touches arrived: workflows triggered by a touch of that type (and properties) enrol
    its contact, and waits for such a touch end (``next``, not the timeout)."""
    touch_workflows = [
        w
        for w in repository.active_workflows(session, ["touch"])
        if (w.trigger or {}).get("touch_type") in types
    ]
    touches: list[Touch] | None = None
    if touch_workflows:
        touches = _touches(session, touch_ids)
        for touch in touches:
            for workflow in touch_workflows:
                if _touch_matches(workflow.trigger or {}, touch):
                    enrol(session, workflow, touch.contact_id or 0, reason=f"{touch.type} touch")
    _end_waits(session, touch_ids, touches)


def _touches(session: Session, touch_ids: Sequence[int]) -> list[Touch]:
    found = (contacts.get_touch(session, touch_id) for touch_id in touch_ids)
    return [touch for touch in found if touch.contact_id is not None]


def _touch_matches(trigger: dict[str, Any], touch: Touch) -> bool:
    if touch.type != trigger.get("touch_type"):
        return False
    properties = touch.properties or {}
    for wanted in trigger.get("properties") or []:
        have = str(properties.get(wanted["name"], "")).lower()
        value = str(wanted["value"]).lower()
        if (wanted["op"] == "eq" and have != value) or (
            wanted["op"] == "contains" and value not in have
        ):
            return False
    return True


def _end_waits(session: Session, touch_ids: Sequence[int], touches: list[Touch] | None) -> None:
    """Waits for a touch of these types end now (the runner takes the ``next`` arm)."""
    if touches is None:
        touches = _touches(session, touch_ids)
    arrived = {(t.contact_id, t.type) for t in touches}
    if not arrived:
        return
    waiting = repository.waiting_for_touch(session, sorted({c for c, _ in arrived if c}))
    woken = []
    for enrolment in waiting:
        workflow = repository.workflow(session, enrolment.workflow_id)
        step = definition(workflow).by_id.get(enrolment.step_id or "") if workflow else None
        wanted = getattr(step, "touch_type", None) if step and step.kind == "wait_event" else None
        if wanted is not None and (enrolment.contact_id, wanted) in arrived:
            woken.append(enrolment.id)
    if woken:
        repository.wake(session, woken, clock.now())
        queue_run(session)


def stage_entered(session: Session, contact_id: int, stage: str) -> None:
    matching = [
        w
        for w in repository.active_workflows(session, ["stage_entered"])
        if (w.trigger or {}).get("stage") == stage
    ]
    enrol_all(session, matching, [contact_id], reason=f"entered {stage}")


def scores_updated(session: Session, contact_ids: Sequence[int]) -> None:
    """Contacts rescored: those at or above a workflow's threshold are enrolled (the policy
    keeps one already on its way from being enrolled again)."""
    for workflow in repository.active_workflows(session, ["score_reached"]):
        threshold = int((workflow.trigger or {}).get("threshold", 0))
        reached = repository.scored_at_least(session, contact_ids, threshold)
        enrol_all(session, [workflow], reached, reason=f"score reached {threshold}")


def buying_stage_changed(session: Session, contact_id: int, stage: str) -> None:
    matching = [
        w
        for w in repository.active_workflows(session, ["buying_stage_changed"])
        if (w.trigger or {}).get("stage") == stage
    ]
    enrol_all(session, matching, [contact_id], reason=f"buying stage became {stage}")


def grades_updated(session: Session, contact_ids: Sequence[int]) -> None:
    """Contacts regraded: those now graded as a workflow's trigger says are enrolled (the
    policy keeps one already enrolled from being enrolled again)."""
    for workflow in repository.active_workflows(session, ["grade_changed"]):
        grade = str((workflow.trigger or {}).get("grade", ""))
        graded = repository.graded(session, contact_ids, grade)
        enrol_all(session, [workflow], graded, reason=f"grade became {grade}")


def lead_decided(session: Session, contact_id: int, *, kind: str) -> None:
    """``lead_rejected`` (sales sent it back) or ``lead_recycled``."""
    enrol_all(session, repository.active_workflows(session, [kind]), [contact_id], reason=kind)


def date_fields_due(session: Session) -> int:
    """The daily pass: contacts whose date field is ``days_before`` days from today (in
    UTC) are enrolled; how many were."""
    today = clock.now().date()
    enrolled = 0
    for workflow in repository.active_workflows(session, ["date_field"]):
        trigger = workflow.trigger or {}
        day = (today + timedelta(days=int(trigger.get("days_before", 0)))).isoformat()
        due = repository.contacts_with_date(session, str(trigger.get("field_key")), day)
        enrolled += enrol_all(session, [workflow], due, reason=f"date field is {day}")
    return enrolled
