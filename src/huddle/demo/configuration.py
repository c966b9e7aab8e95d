"""The demo company's marketing operations setup: its website and form, score models and
grading profiles, so the Tracking and Scoring pages and every contact's scores show what a
configured Huddle looks like.

Configured in story time just before the last MQLs, which wait in today's queue (see
``load``): scoring each of the story's touches as it happens would add nothing but time, and
one full rescore at the end gives the same scores; those leads' hand-off packets show them.

The MQL criteria are saved through scoring's own service like any other definition: v1 (fit
alone) before the story, v2 (fit and engagement thresholds) with the score models. Every
MQL of the story names the version in force then; the rescores that follow v2 qualify
whoever meets it, as they would for any customer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.demo import catalog
from huddle.scoring import service as scoring
from huddle.scoring.models import ScoreModel
from huddle.scoring.schemas import CriteriaWrite, ProfileWrite, ScoreModelWrite
from huddle.tracking import service as tracking
from huddle.tracking.schemas import FormCreate, FormField, SiteCreate

THANK_YOU = catalog.SITE + "/thank-you"


def _behaviour(name: str, points: int, cap: int, *types: str, url: str | None = None) -> Any:
    event: dict[str, Any] = {"types": list(types)}
    if url is not None:
        event["where"] = {"field": "properties.url", "op": "matches", "value": url}
    return {"name": name, "kind": "behaviour", "points": points, "cap": cap, "event": event}


UNSUBSCRIBED = {
    "name": "Unsubscribed",
    "kind": "negative",
    "points": -50,
    "when": {"field": "contact.email_opt_in", "op": "eq", "value": "opted_out"},
}
ENGAGEMENT = ScoreModelWrite(
    name="Marketing engagement",
    description="How much a person engages with our content; fades over six weeks.",
    is_primary=True,
    half_life_days=42,
    rules=[
        _behaviour("Opened an email", 1, 10, "email_opened"),
        _behaviour("Clicked an email", 3, 15, "email_clicked"),
        _behaviour("Downloaded an asset", 8, 24, "asset_downloaded"),
        _behaviour("Attended a webinar", 15, 30, "webinar_attended"),
        _behaviour("Submitted a form", 10, 20, "form_submitted"),
        _behaviour("Visited the pricing page", 10, 30, "page_view", url="/pricing"),
        UNSUBSCRIBED,
    ],
    account_rollup={"method": "top_n", "n": 3},
)
READINESS = ScoreModelWrite(
    name="Sales readiness",
    description="Fit and buying signals sales agreed are worth a call.",
    rules=[
        _behaviour("Requested a demo", 40, 40, "demo_requested"),
        _behaviour("Visited the pricing page", 10, 20, "page_view", url="/pricing"),
        {
            "name": "Senior title",
            "kind": "fit",
            "points": 15,
            "when": {"field": "contact.seniority", "op": "in", "value": ["VP", "C-level"]},
        },
        {
            "name": "Data or finance team",
            "kind": "fit",
            "points": 10,
            "when": {"field": "contact.department", "op": "in", "value": ["Data", "Finance"]},
        },
        UNSUBSCRIBED,
    ],
)
PROFILES = (
    ProfileWrite(
        kind="icp",
        name="Mid-market data-driven company",
        criteria=[
            {
                "label": "200 to 5,000 employees",
                "weight": 2,
                "when": {"field": "account.employee_count", "op": "between", "value": [200, 5000]},
            },
            {
                "label": "Target account",
                "weight": 1,
                "when": {"field": "account.is_target", "op": "is_true"},
            },
        ],
    ),
    ProfileWrite(
        kind="persona",
        name="Data leader",
        criteria=[
            {
                "label": "Leads a data team",
                "weight": 2,
                "when": {"field": "contact.department", "op": "eq", "value": "Data"},
            },
            {
                "label": "Director or above",
                "weight": 1,
                "when": {
                    "field": "contact.seniority",
                    "op": "in",
                    "value": ["Director", "VP", "C-level"],
                },
            },
        ],
    ),
)


# What marketing and sales first agreed on: the best fit only (a grade needs the ICP and
# personas, configured with the models: until then nobody meets it on their own).
MQL_V1 = CriteriaWrite(condition={"field": "grade", "op": "in", "value": ["A"]})
# Engagement or a buying signal, from people who fit.
MQL_ENGAGEMENT, MQL_READINESS = 45, 50


def mql_v2(engagement: ScoreModel, readiness: ScoreModel) -> CriteriaWrite:
    return CriteriaWrite(
        condition={
            "all": [
                {"field": "grade", "op": "in", "value": ["A", "B"]},
                {
                    "any": [
                        {"field": f"score.{engagement.id}", "op": "gte", "value": MQL_ENGAGEMENT},
                        {"field": f"score.{readiness.id}", "op": "gte", "value": MQL_READINESS},
                    ]
                },
            ]
        }
    )


def agree_on_mqls(session: Session, *, ops: Actor) -> None:
    """The first MQL criteria, saved before the story begins."""
    scoring.save_criteria(session, "mql", MQL_V1, actor=ops)


def configure(session: Session, *, ops: Actor) -> None:
    """The website with its contact form, then scoring, then one rescore of everyone."""
    site = tracking.create_site(
        session,
        SiteCreate(
            name="Northwind Analytics website",
            allowed_origins=[catalog.SITE],
            allowed_redirects=[THANK_YOU],
        ),
        actor=ops,
    )
    tracking.create_form(
        session,
        FormCreate(
            site_id=site.id,
            name="Talk to sales",
            fields=[
                FormField(name="email", label="Work email", type="email", required=True),
                FormField(name="first_name", label="First name"),
                FormField(name="company", label="Company"),
                FormField(
                    name="newsletter", label="Send me the monthly newsletter", type="checkbox"
                ),
            ],
            consent_field="newsletter",
            consent_text="Send me the monthly newsletter. Unsubscribe at any time.",
            thank_you_url=THANK_YOU,
        ),
        actor=ops,
    )
    engagement, readiness = (
        scoring.save_model(session, model, actor=ops) for model in (ENGAGEMENT, READINESS)
    )
    for profile in PROFILES:
        scoring.save_profile(session, profile, actor=ops)
    scoring.save_criteria(session, "mql", mql_v2(engagement, readiness), actor=ops)
    scoring.rescore_all(session, reason="demo set-up", actor=ops)
