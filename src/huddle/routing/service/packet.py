"""The hand-off packet: the lead's story for the rep, snapshotted when it is routed.

What brought them in (first touch, campaigns), what they consumed (assets, pages, emails,
webinars), the score breakdown, grade and persona, a buying stage, and talking points
derived from those."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from huddle.lifecycle import service as lifecycle
from huddle.plays import service as plays
from huddle.routing import repository
from huddle.routing.events import SALES_ACTIVITY_TYPES
from huddle.scoring import service as scoring

if TYPE_CHECKING:
    from huddle.contacts.models import Contact, Touch
    from huddle.routing.models import Handoff

RECENT_TOUCHES = 200
CONSUMED_SHOWN = 12
CONSUMED_TYPES = {
    "page_view": "Page",
    "asset_downloaded": "Asset",
    "email_opened": "Email opened",
    "email_clicked": "Email clicked",
    "webinar_registered": "Webinar registered",
    "webinar_attended": "Webinar attended",
    "event_attended": "Event",
    "form_submitted": "Form",
    "demo_requested": "Demo requested",
    "quote_requested": "Quote requested",
    "trial_started": "Trial started",
}
DECISION_TYPES = {"demo_requested", "quote_requested", "trial_started"}
CONSIDERATION_TYPES = {"webinar_attended", "asset_downloaded", "event_attended"}


# The properties that name what a touch was about, best first.
_NAMED_BY = ("title", "subject", "asset", "webinar", "event", "message", "form", "url", "product")


def _touch_subject(touch: Touch) -> str:
    """What the touch was about (a page's title, an asset's name...), or empty."""
    props = touch.properties or {}
    for key in _NAMED_BY:
        value = props.get(key)
        if value:
            return str(value)[:200]
    return ""


def qualification(session: Session, contact_id: int) -> dict[str, Any] | None:
    """What made the contact an MQL, as its stage history recorded it, with the words and
    the author of the criteria when it was the MQL criteria in force."""
    entries = [e for e in lifecycle.stage_history(session, contact_id) if e.to_stage == "mql"]
    if not entries:
        return None
    latest = entries[-1]
    active = scoring.active_criteria(session, "mql")
    applied = active is not None and latest.by_rule == active.label
    return {
        "by": latest.by_rule or "moved by hand",
        "at": latest.at.isoformat(),
        "reason": latest.reason,
        "criteria": active.description if applied and active else None,
        "saved_by": active.saved_by if applied and active else None,
    }


def _consumed(touch: Touch) -> dict[str, str]:
    return {
        "type": touch.type,
        "label": CONSUMED_TYPES.get(touch.type, touch.type.replace("_", " ").capitalize()),
        "what": _touch_subject(touch),
        "at": touch.occurred_at.isoformat(),
    }


def since_handoff(session: Session, handoff: Handoff) -> list[dict[str, str]]:
    """What the lead did after the hand-off (the packet is the story up to it), newest
    first: a trial started the day after shows here, not in the packet."""
    touches = repository.recent_touches(
        session, handoff.contact_id, limit=CONSUMED_SHOWN, after=handoff.at
    )
    return [_consumed(t) for t in touches if t.type not in SALES_ACTIVITY_TYPES]


def build_packet(session: Session, contact: Contact) -> dict[str, Any]:
    touches = repository.recent_touches(session, contact.id, limit=RECENT_TOUCHES)
    campaigns = repository.campaign_names(
        session, sorted({t.campaign_id for t in touches if t.campaign_id is not None})
    )
    consumed = [_consumed(t) for t in touches if t.type not in SALES_ACTIVITY_TYPES]
    consumed = consumed[:CONSUMED_SHOWN]
    types = {t.type for t in touches}
    # Custom event types count by their name: "e2e_demo_requested" is a demo request.
    asked = {word for t in types for word in ("demo", "quote", "trial") if word in t}
    urls = [str((t.properties or {}).get("url", "")) for t in touches if t.type == "page_view"]
    pricing = any("pricing" in u.lower() for u in urls)
    explained = scoring.explain_scores(session, contact.id)
    scores = [
        {
            "model": m.model,
            "total": round(m.total, 1),
            "primary": m.is_primary,
            "top": [
                {"rule": r.rule, "points": round(r.decayed_points, 1), "times": r.occurrences}
                for r in sorted(m.rules, key=lambda r: -abs(r.decayed_points))
                if r.fired
            ][:5],
        }
        for m in explained.models
    ]
    grade = explained.grade
    if contact.buying_stage:
        # Inferred continuously from indicator touches (plays): what the guess stood for.
        stage = plays.stage_names(session).get(contact.buying_stage, contact.buying_stage)
    elif types & DECISION_TYPES or asked:
        stage = "Decision"
    elif pricing or types & CONSIDERATION_TYPES:
        stage = "Consideration"
    else:
        stage = "Awareness"
    points: list[str] = []
    if "demo" in asked:
        points.append("They asked for a demo: offer times and confirm who should join.")
    if "quote" in asked:
        points.append("They asked for a quote: confirm seats, timing and budget owner.")
    if pricing:
        points.append("They looked at pricing: be ready to talk plans and ROI.")
    assets = [c["what"] for c in consumed if c["type"] == "asset_downloaded" and c["what"]]
    if assets:
        points.append("Ask what they took from " + ", ".join(sorted(set(assets))[:3]) + ".")
    webinars = [c["what"] for c in consumed if c["type"].startswith("webinar") and c["what"]]
    if webinars:
        points.append("Follow up on the webinar " + ", ".join(sorted(set(webinars))[:2]) + ".")
    if grade is not None and grade.persona:
        points.append(f"Speak to the {grade.persona} persona's priorities.")
    if not points:
        points.append("Open with what brought them in and ask what problem they are solving.")
    return {
        "first_touch": {
            "source": contact.first_touch_source,
            "medium": contact.first_touch_medium,
            "campaign": contact.first_touch_campaign,
            "landing_page": contact.first_touch_landing_page,
            "at": contact.first_touch_at.isoformat() if contact.first_touch_at else None,
        },
        "campaigns": sorted(set(campaigns.values())),
        "consumed": consumed,
        "scores": scores,
        "grade": grade.grade if grade else None,
        "persona": grade.persona if grade else None,
        "persona_match": round(grade.persona_match, 2) if grade else None,
        "grade_why": list(grade.why) if grade else [],
        "buying_stage": stage,
        "talking_points": points,
        "qualified_by": qualification(session, contact.id),
        "prediction": _prediction(session, contact.id),
    }


def packet_text(packet: dict[str, Any]) -> str:
    """The packet as plain text, for the email."""
    first = packet.get("first_touch") or {}
    lines = [
        "What brought them in: "
        + (
            ", ".join(str(v) for v in (first.get("source"), first.get("campaign")) if v)
            or "unknown"
        ),
    ]
    if packet.get("campaigns"):
        lines.append("Campaigns: " + ", ".join(packet["campaigns"]))
    if packet.get("grade"):
        persona = f", persona {packet['persona']}" if packet.get("persona") else ""
        lines.append(f"Grade: {packet['grade']}{persona}")
    for score in packet.get("scores", []):
        lines.append(f"Score {score['model']}: {score['total']}")
    lines.append(f"Buying stage: {packet.get('buying_stage')}")
    prediction = packet.get("prediction")
    if prediction:
        lines.append(f"Predicted conversion: {prediction['probability'] * 100:.0f}%")
        if prediction.get("in_words"):
            lines.append(prediction["in_words"])
    qualified = packet.get("qualified_by")
    if qualified:
        lines.append(f"Qualified by: {qualified['by']}")
    if packet.get("consumed"):
        lines.append("Consumed:")
        lines += [f"- {c['label']}: {c['what']}".rstrip(": ") for c in packet["consumed"]]
    lines.append("Talking points:")
    lines += [f"- {p}" for p in packet.get("talking_points", [])]
    return "\n".join(lines)


def _prediction(session: Session, contact_id: int) -> dict[str, Any] | None:
    # Imported here: the predictive service brings numpy and scikit-learn (about 150 MB),
    # which a process that imports routing's subscribers without routing a lead (a CSV
    # import) should not carry.
    from huddle.predictive.service import packet_prediction

    return packet_prediction(session, contact_id)
