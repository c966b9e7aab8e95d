"""Account scores (each model's roll-up of its contacts' scores) and the buying group:
which personas at the account are engaged and which are missing."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas.normalize import full_name
from huddle.scoring.repository import accounts, definitions
from huddle.scoring.schemas import AccountScoreRead, BuyingGroupMember, BuyingGroupRead

ENGAGED = 1.0  # a member with more than this many points in any model counts as engaged


def roll_up(points: list[float], rollup: dict[str, Any]) -> float:
    """sum (optionally capped), max, or the sum of the top N; points sorted high first."""
    method = rollup.get("method", "sum")
    if not points:
        return 0.0
    if method == "max":
        return max(points)
    if method == "top_n":
        return sum(sorted(points, reverse=True)[: rollup["n"]])
    total = sum(points)
    return min(total, rollup["cap"]) if rollup.get("cap") else total


def account_scores(session: Session, account_id: int) -> list[AccountScoreRead]:
    contacts_service.get_account(session, account_id)
    results = []
    for model in definitions.list_models(session):
        rows = accounts.account_contact_scores(session, account_id, model.id)
        rollup = model.account_rollup or {"method": "sum"}
        results.append(
            AccountScoreRead(
                account_id=account_id,
                model_id=model.id,
                method=rollup.get("method", "sum"),
                score=round(roll_up([p for _, p in rows], rollup), 2),
                contacts=len(rows),
            )
        )
    return results


def buying_group(session: Session, account_id: int) -> BuyingGroupRead:
    scores = account_scores(session, account_id)
    personas = {p.id: p.name for p in definitions.list_profiles(session) if p.kind == "persona"}
    best: dict[int, float] = {}
    for model in definitions.list_models(session):
        for contact_id, points in accounts.account_contact_scores(session, account_id, model.id):
            best[contact_id] = max(best.get(contact_id, points), points)
    members = []
    for contact, grade in accounts.account_contacts(session, account_id):
        persona = personas.get(grade.persona_id) if grade and grade.persona_id else None
        members.append(
            BuyingGroupMember(
                contact_id=contact.id,
                name=full_name(contact.first_name, contact.last_name) or contact.email,
                job_title=contact.job_title,
                persona=persona,
                grade=grade.grade if grade else None,
                score=round(best.get(contact.id, 0.0), 2),
            )
        )
    engaged = sorted({m.persona for m in members if m.persona and m.score > ENGAGED})
    return BuyingGroupRead(
        account_id=account_id,
        scores=scores,
        members=sorted(members, key=lambda m: -m.score),
        personas_engaged=engaged,
        personas_missing=sorted(set(personas.values()) - set(engaged)),
    )
