"""The graph of a workflow's steps: who follows whom, what is reachable, the loops that never
wait, and the editor's edits (insert a step after another or on a branch's arm, remove one).
Pure functions over the typed steps: no database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from huddle.core.errors import FieldError
from huddle.workflows.schemas import WAIT_KINDS, Branch, StepModel, WaitForEvent

# The links a step may have to the step after it, by the attribute naming it.
ARMS = ("next", "yes", "no", "timeout_next")


def successors(step: StepModel) -> list[str]:
    """The ids this step may lead to (a branch: yes and no; a wait for an event: next and
    timeout_next), without None."""
    return [target for _, target in links(step) if target is not None]


def links(step: StepModel) -> Iterator[tuple[str, str | None]]:
    if isinstance(step, Branch):
        yield "yes", step.yes
        yield "no", step.no
        return
    yield "next", step.next
    if isinstance(step, WaitForEvent):
        yield "timeout_next", step.timeout_next


def problems(steps: Sequence[StepModel]) -> list[FieldError]:
    """Duplicate ids, links to steps that do not exist, steps no path from the first
    reaches, and loops with no wait on them (a contact would run round for ever), each
    with the step's place in the list."""
    errors: list[FieldError] = []
    index: dict[str, int] = {}
    for n, step in enumerate(steps):
        if step.id in index:
            errors.append(FieldError(f"steps.{n}.id", f"another step has the id {step.id!r}"))
        index.setdefault(step.id, n)
    for n, step in enumerate(steps):
        for arm, target in links(step):
            if target is not None and target not in index:
                errors.append(FieldError(f"steps.{n}.{arm}", f"no step has the id {target!r}"))
    if errors or not steps:
        return errors
    by_id = {step.id: step for step in steps}
    reached = _reachable(steps[0].id, by_id)
    for n, step in enumerate(steps):
        if step.id not in reached:
            errors.append(FieldError(f"steps.{n}", f"step {step.id!r} cannot be reached"))
    for loop in _loops_without_wait(by_id):
        n = index[loop[0]]
        path = " → ".join([*loop, loop[0]])
        errors.append(FieldError(f"steps.{n}", f"the loop {path} has no wait step"))
    return errors


def _reachable(start: str, by_id: dict[str, StepModel]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for target in successors(by_id[todo.pop()]):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _loops_without_wait(by_id: dict[str, StepModel]) -> list[list[str]]:
    """One cycle per strongly tangled set of steps that are not waits (a depth-first search
    over the steps without a wait: any back edge closes such a loop)."""
    instant = {sid for sid, step in by_id.items() if step.kind not in WAIT_KINDS}
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(sid: str, path: list[str]) -> None:
        state[sid] = 1
        path.append(sid)
        for target in successors(by_id[sid]):
            if target not in instant:
                continue
            if state.get(target) == 1:
                loops.append(path[path.index(target) :])
            elif target not in state:
                visit(target, path)
        path.pop()
        state[sid] = 2

    for sid in by_id:  # in the graph's order: the loop is named from its first step
        if sid in instant and sid not in state:
            visit(sid, [])
    return loops


def new_step_id(steps: Sequence[StepModel]) -> str:
    taken = {step.id for step in steps}
    n = len(steps) + 1
    while f"s{n}" in taken:
        n += 1
    return f"s{n}"


def insert_after(
    steps: Sequence[StepModel], new: StepModel, after: str | None, arm: str = "next"
) -> list[StepModel]:
    """``new`` placed after the step ``after`` on its ``arm`` (None: first of all): it takes
    over where that arm led (a new branch continues on its "yes" arm)."""
    result = list(steps)
    if after is None:
        _continue_to(new, result[0].id if result else None)
        return [new, *result]
    position = next(n for n, step in enumerate(result) if step.id == after)
    before = result[position]
    _continue_to(new, getattr(before, arm))
    result[position] = before.model_copy(update={arm: new.id})
    result.insert(position + 1, new)
    return result


def _continue_to(step: StepModel, target: str | None) -> None:
    if isinstance(step, Branch):
        step.yes = target
    else:
        step.next = target


def remove(steps: Sequence[StepModel], step_id: str) -> list[StepModel]:
    """Without the step ``step_id``: links to it lead where it led (a branch: its "yes")."""
    gone = next(step for step in steps if step.id == step_id)
    onward = gone.yes if isinstance(gone, Branch) else gone.next
    result = []
    for step in steps:
        if step.id == step_id:
            continue
        changes = {arm: onward for arm, target in links(step) if target == step_id}
        result.append(step.model_copy(update=changes) if changes else step)
    return result
