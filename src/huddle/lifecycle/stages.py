"""The allowed moves between lifecycle stages and the rejection reasons a new installation
starts with (the allowed moves live in the ``allowed_transitions`` table: configuration, not
code).
"""

from __future__ import annotations

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
