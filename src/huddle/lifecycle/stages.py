"""The allowed moves between lifecycle stages and the rejection reasons a new installation
starts with (the allowed moves live in the ``allowed_transitions`` table: configuration, not
code).
"""

from __future__ import annotations

from collections.abc import Collection

from huddle.core.stages import STAGES

DEFAULT_TRANSITIONS: tuple[tuple[str, str], ...] = (
    ("subscriber", "lead"),
    ("subscriber", "mql"),
    ("subscriber", "disqualified"),
    ("lead", "mql"),
    ("lead", "sal"),
    ("lead", "sql"),
    ("lead", "disqualified"),
    ("lead", "subscriber"),
    ("mql", "sal"),
    ("mql", "sql"),
    ("mql", "recycled"),
    ("mql", "disqualified"),
    ("sal", "sql"),
    ("sal", "opportunity"),
    ("sal", "recycled"),
    ("sal", "disqualified"),
    ("sql", "opportunity"),
    ("sql", "recycled"),
    ("sql", "lost"),
    ("sql", "disqualified"),
    ("opportunity", "customer"),
    ("opportunity", "lost"),
    ("opportunity", "recycled"),
    ("lost", "recycled"),
    ("lost", "opportunity"),
    ("recycled", "mql"),
    ("recycled", "lead"),
    ("recycled", "disqualified"),
    ("disqualified", "recycled"),
    ("customer", "opportunity"),
    ("customer", "lost"),
)

DEFAULT_REJECTION_REASONS: tuple[tuple[str, str], ...] = (
    ("not_decision_maker", "Not a decision maker"),
    ("no_budget", "No budget"),
    ("no_need", "No current need"),
    ("bad_fit", "Company is not a fit"),
    ("bad_data", "Wrong or incomplete contact data"),
    ("unresponsive", "Did not respond"),
    ("competitor", "Competitor or partner"),
    ("duplicate", "Duplicate of another lead"),
    ("other", "Other"),
)


def shortest_path(
    allowed: Collection[tuple[str, str]], start: str, goal: str
) -> tuple[str, ...] | None:
    """The fewest allowed moves from ``start`` to ``goal``: the stages entered on the way,
    ``goal`` last; ``()`` when already there, None when the configuration allows no way.

    Of equally short ways, the one through stages earlier in the funnel wins, so the same
    configuration always gives the same way (a won deal's SQL contact goes SQL →
    Opportunity → Customer).
    """
    if start == goal:
        return ()
    order = {stage: index for index, stage in enumerate(STAGES)}
    targets: dict[str, list[str]] = {}
    for from_stage, to_stage in allowed:
        targets.setdefault(from_stage, []).append(to_stage)
    came_from: dict[str, str] = {start: start}
    frontier = [start]
    while frontier and goal not in came_from:
        reached = []
        for stage in frontier:
            for target in sorted(targets.get(stage, ()), key=lambda s: order.get(s, len(order))):
                if target not in came_from:
                    came_from[target] = stage
                    reached.append(target)
        frontier = reached
    if goal not in came_from:
        return None
    path = [goal]
    while came_from[path[-1]] != start:
        path.append(came_from[path[-1]])
    return tuple(reversed(path))
