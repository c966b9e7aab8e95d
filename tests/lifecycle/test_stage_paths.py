"""The way a won deal's contact goes to Customer: the fewest allowed moves, told apart the
same way every time."""

from __future__ import annotations

from huddle.lifecycle.stages import DEFAULT_TRANSITIONS, shortest_path


def test_the_fewest_moves_through_the_funnel_first() -> None:
    allowed = set(DEFAULT_TRANSITIONS)
    assert shortest_path(allowed, "opportunity", "customer") == ("customer",)
    assert shortest_path(allowed, "sql", "customer") == ("opportunity", "customer")
    assert shortest_path(allowed, "mql", "customer") == ("sal", "opportunity", "customer")
    assert shortest_path(allowed, "lost", "customer") == ("opportunity", "customer")
    assert shortest_path(allowed, "customer", "customer") == ()


def test_no_way_is_none() -> None:
    allowed = {("mql", "recycled"), ("recycled", "mql")}
    assert shortest_path(allowed, "mql", "customer") is None
    assert shortest_path(set(), "lead", "customer") is None
