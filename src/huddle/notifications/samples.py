"""A sample payload of each of the webhooks catalogue's events: what "send test" sends
(marked ``"test": true``) and the examples the API reference shows. The ids are made up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from huddle.notifications import schemas as s

_CONTACT_ID = 1001
_HANDOFF_ID = 2001
_CLOCK_ID = 3001
_REP_ID = 7
_MANAGER_ID = 3


def sample_payload(
    event: str,
    *,
    at: datetime,
    webhook_id: int,
    by_user_id: int | None,
    base: Callable[[str], str],
) -> BaseModel:
    """The sample of ``event`` (``webhook.test``: the plain test), as of ``at``; ``base``
    makes a Huddle path an address a receiver can open."""
    if event == "webhook.test":
        return s.WebhookTestPayload(
            occurred_at=at,
            test=True,
            data=s.WebhookTestData(
                webhook_id=webhook_id,
                by_user_id=by_user_id,
                message="If you can read this, the webhook works. Check the signature header.",
            ),
        )
    if event == "notification.created":
        return s.NOTIFICATION_PAYLOAD.validate_python({**_notification(at, base), "test": True})
    actor = s.WebhookActor(kind="user", user_id=by_user_id)
    data = _SAMPLES[event](at, actor, base)
    payload_model = next(each.payload for each in s.WEBHOOK_EVENTS if each.name == event)
    return payload_model.model_validate({"occurred_at": at, "test": True, "data": data})


def _contact(base: Callable[[str], str]) -> dict[str, Any]:
    return {"id": _CONTACT_ID, "url": base(f"/contacts/{_CONTACT_ID}")}


def _actor(actor: s.WebhookActor) -> dict[str, Any]:
    return actor.model_dump()


Sample = Callable[[datetime, s.WebhookActor, Callable[[str], str]], Any]


def _deal(won: bool) -> Sample:
    def data(at: datetime, actor: s.WebhookActor, base: Callable[[str], str]) -> dict[str, Any]:
        return {
            "opportunity_id": 4001,
            "url": base("/opportunities/4001"),
            "account_id": 5001,
            "name": "Acme: 50 seats",
            "amount": 24000.0,
            "currency": "EUR",
            "owner_id": _REP_ID,
            "reason": "Best fit for their workflow" if won else "Went with a competitor",
            "actor": _actor(actor),
        }

    return data


def _decided(accepted: bool) -> Sample:
    def data(at: datetime, actor: s.WebhookActor, base: Callable[[str], str]) -> dict[str, Any]:
        return {
            "handoff_id": _HANDOFF_ID,
            "contact": _contact(base),
            "owner_id": _REP_ID,
            "reason": None if accepted else "not_a_fit",
            "actor": _actor(actor),
        }

    return data


def _sla_clock(at: datetime, base: Callable[[str], str]) -> dict[str, Any]:
    return {
        "clock_id": _CLOCK_ID,
        "contact": _contact(base),
        "owner_id": _REP_ID,
        "term_key": "first_touch",
    }


_SAMPLES: dict[str, Sample] = {
    "contact.created": lambda at, actor, base: {
        "contacts": [{**_contact(base), "lifecycle_stage": "lead"}],
        "actor": _actor(actor),
    },
    "contact.changed": lambda at, actor, base: {
        "contact_ids": [_CONTACT_ID],
        "account_ids": [],
        "actor": _actor(actor),
    },
    "contact.merged": lambda at, actor, base: {
        "survivor": _contact(base),
        "merged_id": _CONTACT_ID + 1,
        "actor": _actor(actor),
    },
    "contact.erased": lambda at, actor, base: {
        "contact_id": _CONTACT_ID,
        "actor": _actor(actor),
    },
    "contact.stage_changed": lambda at, actor, base: {
        "contact": _contact(base),
        "from_stage": "lead",
        "to_stage": "mql",
        "reason": None,
        "actor": _actor(actor),
    },
    "lead.handed_off": lambda at, actor, base: {
        "handoff_id": _HANDOFF_ID,
        "contact": _contact(base),
        "owner_id": _REP_ID,
        "team": "sales",
        "rule": "territory:EMEA",
        "reason": "EMEA territory, fewest open leads",
        "actor": {"kind": "system", "user_id": None},
    },
    "handoff.accepted": _decided(accepted=True),
    "handoff.rejected": _decided(accepted=False),
    "lead.recycled": lambda at, actor, base: {
        "handoff_id": _HANDOFF_ID,
        "contact": _contact(base),
        "reason": "Rejected: not a fit",
        "actor": _actor(actor),
    },
    "sla.warning": lambda at, actor, base: {
        **_sla_clock(at, base),
        "due_at": at + timedelta(hours=1),
    },
    "sla.breached": lambda at, actor, base: {
        **_sla_clock(at, base),
        "due_at": at,
        "handoff_id": _HANDOFF_ID,
        "reroute": False,
    },
    "sla.escalated": lambda at, actor, base: {
        **_sla_clock(at, base),
        "manager_id": _MANAGER_ID,
    },
    "deal.won": _deal(won=True),
    "deal.lost": _deal(won=False),
}


def _notification(at: datetime, base: Callable[[str], str]) -> dict[str, Any]:
    return {
        "kind": "routing.handoff",
        "notification_id": 6001,
        "user": {"id": _REP_ID, "email": "rep@example.com", "name": "Sam Rep"},
        "subject": "New lead: Acme",
        "body": "A lead was handed to you.",
        "link": base(f"/queue/{_HANDOFF_ID}"),
        "data": {"handoff_id": _HANDOFF_ID, "contact_id": _CONTACT_ID, "packet": _packet(at)},
        "at": at,
    }


def _packet(at: datetime) -> dict[str, Any]:
    return {
        "first_touch": {
            "source": "google",
            "medium": "cpc",
            "campaign": "spring-launch",
            "landing_page": "/pricing",
            "at": at - timedelta(days=12),
        },
        "campaigns": ["Spring launch"],
        "consumed": [
            {
                "type": "asset_downloaded",
                "label": "Asset downloaded",
                "what": "Buyer's guide",
                "at": at - timedelta(days=2),
            }
        ],
        "scores": [
            {
                "model": "Engagement",
                "total": 85.0,
                "primary": True,
                "top": [{"rule": "Visited pricing", "points": 20.0, "times": 2}],
            }
        ],
        "grade": "A",
        "persona": "Head of Operations",
        "persona_match": 0.9,
        "grade_why": ["Industry: software", "Employees: 250"],
        "buying_stage": "Decision",
        "talking_points": ["Read the buyer's guide two days ago"],
        "qualified_by": {
            "by": "MQL criteria v2",
            "at": "2026-03-02T09:00:00+00:00",
            "reason": "met MQL criteria v2: grade in A, B and Marketing engagement ≥ 45",
            "criteria": "grade in A, B and Marketing engagement ≥ 45",
            "saved_by": "Priya Patel",
        },
        "prediction": {
            "probability": 0.62,
            "target": "sql",
            "horizon_days": 90,
            "version": 3,
            "algorithm": "logistic",
            "in_words": "More likely to convert mainly because: industry is Software (+), "
            "more touches.page_view.30d than usual (+); less because: employees unknown (-).",
            "up": ["industry is Software", "more touches.page_view.30d than usual"],
            "down": ["employees unknown"],
        },
    }
