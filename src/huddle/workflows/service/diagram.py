"""The workflow as the editor draws it: a vertical tree walked from the first step, each
step with its sentence and counts, a branch with its yes and no arms side by side. A step
reached a second time (two arms joining, a loop back through a wait) is drawn once; the
other path ends in a "continues at" box pointing to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from huddle.core.stages import STAGES
from huddle.workflows.schemas import STEP_KINDS, StepCounts, StepModel
from huddle.workflows.service.graph import links

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ARM_LABELS = {"next": "then", "yes": "yes", "no": "no", "timeout_next": "timed out"}


@dataclass
class Names:
    """What the steps name, by id, for their sentences."""

    lists: dict[int, str] = field(default_factory=dict)
    webhooks: dict[int, str] = field(default_factory=dict)
    users: dict[int, str] = field(default_factory=dict)
    workflows: dict[int, str] = field(default_factory=dict)
    templates: dict[int, str] = field(default_factory=dict)
    plays: dict[int, str] = field(default_factory=dict)
    score_models: dict[int, str] = field(default_factory=dict)


@dataclass
class Node:
    step: StepModel | None  # None: "continues at" ``continues``
    number: int = 0
    title: str = ""
    summary: str = ""
    counts: StepCounts | None = None
    arms: list[tuple[str, str, list[Node]]] = field(default_factory=list)
    continues: str | None = None


def draw(steps: list[StepModel], counts: list[StepCounts], names: Names) -> list[Node]:
    """The nodes from the first step down (empty without steps)."""
    if not steps:
        return []
    by_id = {step.id: step for step in steps}
    numbers = {step.id: n for n, step in enumerate(steps, 1)}
    counted = {c.step_id: c for c in counts}
    drawn: set[str] = set()

    def chain(start: str | None) -> list[Node]:
        nodes: list[Node] = []
        current = start
        while current is not None:
            if current in drawn:
                nodes.append(Node(None, numbers[current], continues=current))
                return nodes
            drawn.add(current)
            step = by_id[current]
            node = Node(
                step,
                numbers[current],
                STEP_KINDS[step.kind],
                summary(step, names),
                counted.get(step.id),
            )
            nodes.append(node)
            arms = list(links(step))
            if len(arms) == 1:
                current = arms[0][1]
                continue
            node.arms = [(arm, ARM_LABELS[arm], chain(target)) for arm, target in arms]
            return nodes
        return nodes

    return chain(steps[0].id)


def summary(step: StepModel, names: Names) -> str:
    """The step in one sentence, naming what it names."""
    s: Any = step
    kind = step.kind
    if kind == "wait":
        return f"Wait {_duration(s.minutes)}"
    if kind == "wait_until":
        return (
            f"Wait until {WEEKDAYS[s.weekday]} {s.hour:02d}:00 in the contact's time zone "
            f"(else {s.time_zone})"
        )
    if kind == "wait_event":
        return f"Wait up to {s.timeout_hours} h for a {s.touch_type} touch"
    if kind == "branch":
        joined = " and " if s.condition.match == "all" else " or "
        return "If " + joined.join(
            f"{r.field} {r.op}{'' if r.value is None else f' {r.value}'}" for r in s.condition.rules
        )
    if kind == "send_email":
        return f"Send the email {names.templates.get(s.template_id, f'#{s.template_id}')}"
    if kind == "send_next_asset":
        template = names.templates.get(s.template_id, f"#{s.template_id}")
        return f"Send the next best asset with the email {template}"
    if kind in ("add_to_list", "remove_from_list"):
        where = names.lists.get(s.list_id, f"list #{s.list_id}")
        return f"{'Add to' if kind == 'add_to_list' else 'Remove from'} {where}"
    if kind == "set_field":
        return f"Set {s.field} to {'nothing' if s.value is None else s.value}"
    if kind == "change_stage":
        return f"Move to {STAGES.get(s.stage, s.stage)}"
    if kind == "create_task":
        return f"Task for the owner{f' (else team {s.team})' if s.team else ''}: {s.title}"
    if kind == "notify":
        return f"Notify {names.users.get(s.user_id, f'user #{s.user_id}')}: {s.message}"
    if kind == "webhook":
        return f"Call the webhook {names.webhooks.get(s.webhook_id, f'#{s.webhook_id}')}"
    if kind == "enrol":
        return f"Enrol in {names.workflows.get(s.workflow_id, f'workflow #{s.workflow_id}')}"
    if kind == "start_play":
        return f"Start the play {names.plays.get(s.play_id, f'#{s.play_id}')}"
    if kind == "adjust_score":
        model = (
            "the primary score"
            if s.model_id is None
            else names.score_models.get(s.model_id, f"score model #{s.model_id}")
        )
        return (
            f"{'Add' if s.points >= 0 else 'Subtract'} {abs(s.points)} points "
            f"{'to' if s.points >= 0 else 'from'} {model}"
        )
    return STEP_KINDS.get(kind, kind)


def _duration(minutes: int) -> str:
    for unit, size in (("day", 60 * 24), ("hour", 60)):
        if minutes % size == 0:
            n = minutes // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _shown(value: Any) -> str:
    """A value as typed: 50, not 50.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_shown(each) for each in value)
    return str(value)
