"""The lifecycle's vocabulary, spoken by every domain and page: the stages a contact moves
through and the stages of a deal's pipeline.

Which moves between stages are allowed is the lifecycle domain's configuration
(``huddle.lifecycle``), not part of the vocabulary.
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
