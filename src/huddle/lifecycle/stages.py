"""The lifecycle stages both teams agree on, and the default allowed moves between them.

The allowed moves live in the ``allowed_transitions`` table (configuration, not code);
``DEFAULT_TRANSITIONS`` is what a new installation starts with.
"""

from __future__ import annotations

STAGES: dict[str, str] = {
    "subscriber": "Subscriber",
    "lead": "Lead",
    "mql": "MQL",
    "sal": "SAL",
    "sql": "SQL",
    "opportunity": "Opportunity",
    "customer": "Customer",
    "lost": "Lost",
    "disqualified": "Disqualified",
    "recycled": "Recycled",
}

# The funnel in order; Lost, Disqualified and Recycled sit beside it.
FUNNEL: tuple[str, ...] = ("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer")

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

# Stages sales may reject a lead from, back to marketing.
REJECTABLE: tuple[str, ...] = ("mql", "sal")

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

PIPELINE_STAGES: dict[str, tuple[str, int]] = {
    # key: (label, win probability %)
    "qualification": ("Qualification", 10),
    "discovery": ("Discovery", 25),
    "proposal": ("Proposal", 50),
    "negotiation": ("Negotiation", 75),
    "closed_won": ("Closed won", 100),
    "closed_lost": ("Closed lost", 0),
}
OPEN_PIPELINE_STAGES: tuple[str, ...] = ("qualification", "discovery", "proposal", "negotiation")
