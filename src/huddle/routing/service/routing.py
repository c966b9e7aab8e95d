"""Routing one lead: the ordered rules decide an owner (or a team queue), every decision
is stored with who was considered and why each was skipped, and ``LeadHandedOff`` is
published (routing's subscribers send the owner the packet, or alert the team's manager
when nobody was eligible; the SLA starts its clocks)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactUpdate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.routing import repository
from huddle.routing.events import LeadHandedOff
from huddle.routing.models import Handoff, RoutingPool, RoutingRule
from huddle.routing.schemas import SEGMENTS
from huddle.routing.service.eligibility import skip_reason
from huddle.routing.service.packet import build_packet
from huddle.scoring import service as scoring

if TYPE_CHECKING:
    from huddle.contacts.models import Account, Contact

ROUTABLE_STAGES = ("mql", "sal")
STALLED_JOB = "routing.recycle_stalled"
UNROUTED = "unrouted"
ROUTER = Actor("rule", label="routing rules")


@dataclass
class Decision:
    owner_id: int | None = None
    team: str = UNROUTED
    pool: RoutingPool | None = None
    rule: RoutingRule | None = None
    rule_label: str = "none"
    reason: str = "no routing rule matched; waiting in the unrouted queue"
    candidates: list[dict[str, Any]] = field(default_factory=list)
    decided: bool = False


class _Router:
    def __init__(
        self, session: Session, contact: Contact, at: datetime, excluded: Mapping[int, str]
    ) -> None:
        self.session, self.contact, self.at = session, contact, at
        self.account: Account | None = contact.account
        # Reps this decision must pass over, and why (e.g. they breached the SLA on the lead).
        self.excluded = excluded
        self.decision = Decision()

    def consider(self, user_ids: list[int], rule: RoutingRule) -> dict[int, str | None]:
        """Each candidate's skip reason (None: eligible), recorded in the decision."""
        people = repository.users(self.session, user_ids)
        counts = repository.open_counts(self.session, user_ids)
        result: dict[int, str | None] = {}
        for uid in user_ids:
            user = people.get(uid)
            why = (
                "no longer a user"
                if user is None
                else self.excluded.get(uid)
                or skip_reason(
                    user,
                    at=self.at,
                    open_count=counts.get(uid, 0),
                    respect_hours=rule.respect_hours,
                )
            )
            result[uid] = why
            self.decision.candidates.append(
                {
                    "user_id": uid,
                    "name": user.name if user else None,
                    "rule": rule.name,
                    "skipped": why,
                }
            )
        return result

    def assign(self, rule: RoutingRule, owner: int, team: str, reason: str) -> None:
        decision = self.decision
        decision.owner_id, decision.team, decision.rule = owner, team, rule
        decision.reason, decision.decided = reason, True
        decision.rule_label = _decided_by(rule)

    def to_queue(self, rule: RoutingRule, pool: RoutingPool, reason: str) -> None:
        decision = self.decision
        decision.owner_id, decision.team, decision.pool, decision.rule = None, pool.name, pool, rule
        decision.reason, decision.decided = reason, True
        decision.rule_label = _decided_by(rule)

    def meets_when(self, rule: RoutingRule) -> bool:
        """A rule with ``when`` applies only to leads meeting it (fields of the lead and its
        account, custom ones included): tested as a fit rule is, in the database."""
        when = rule.conditions.get("when")
        return when is None or scoring.contact_matches(self.session, self.contact.id, when)

    # --- rule kinds ---------------------------------------------------------------------

    def account_owner(self, rule: RoutingRule) -> None:
        account = self.account
        if account is None or account.owner_id is None:
            return
        if rule.conditions.get("target_only") and not account.is_target:
            return
        why = self.consider([account.owner_id], rule)[account.owner_id]
        if why is None:
            self.assign(
                rule,
                account.owner_id,
                "account",
                f"owns the account {account.name}"
                + (" (a target account)" if account.is_target else ""),
            )

    def territory(self, rule: RoutingRule) -> None:
        matched = self._territory_match(rule.conditions)
        if matched is None:
            return
        if rule.owner_id is not None:
            why = self.consider([rule.owner_id], rule)[rule.owner_id]
            if why is None:
                self.assign(
                    rule,
                    rule.owner_id,
                    f"territory:{rule.name}",
                    f"territory {rule.name}: {matched}",
                )
            return
        if rule.pool_id is not None:
            self.round_robin(rule, because=f"territory {rule.name}: {matched}")

    def round_robin(self, rule: RoutingRule, *, because: str | None = None) -> None:
        if rule.pool_id is None:
            return
        pool = repository.lock_pool(self.session, rule.pool_id)
        if pool is None:
            return
        members = repository.members(self.session, pool.id)
        skipped = self.consider([m.user_id for m in members], rule)
        eligible = [m for m in members if skipped[m.user_id] is None]
        prefix = f"{because}; " if because else ""
        if not eligible:
            self.to_queue(
                rule,
                pool,
                f"{prefix}nobody in {pool.name} is eligible; waiting in the team queue",
            )
            return
        # Smooth weighted round-robin: every eligible rep gains their weight, the richest
        # (lowest id on a tie) is picked and pays the round's total. Over any run of
        # sum(weights) picks each rep gets exactly their weight's share, interleaved.
        total = sum(m.weight for m in eligible)
        for m in eligible:
            m.credit += m.weight
        chosen = max(eligible, key=lambda m: (m.credit, -m.user_id))
        chosen.credit -= total
        pool.picks += 1
        self.session.flush()
        share = f"weight {chosen.weight} of {total}"
        self.assign(
            rule, chosen.user_id, pool.name, f"{prefix}round-robin in {pool.name} ({share})"
        )

    def _territory_match(self, conditions: dict[str, Any]) -> str | None:
        account, contact = self.account, self.contact
        found: list[str] = []
        country = (contact.country or (account.country if account else None) or "").strip()
        region = ((account.region if account else None) or "").strip()
        industry = ((account.industry if account else None) or "").strip()
        checks = (
            ("countries", country, "country"),
            ("regions", region, "region"),
            ("industries", industry, "industry"),
        )
        for key, value, label in checks:
            wanted = [v.lower() for v in conditions.get(key, [])]
            if wanted:
                if value.lower() not in wanted:
                    return None
                found.append(f"{label} {value}")
        segments = conditions.get("segments", [])
        if segments:
            size = account.employee_count if account else None
            segment = _segment_of(size)
            if segment is None or segment not in segments:
                return None
            found.append(f"{segment} ({size} people)")
        if conditions.get("when"):
            found.append(scoring.describe_condition(conditions["when"]))
        return ", ".join(found)


def _segment_of(size: int | None) -> str | None:
    if size is None:
        return None
    for name, (low, high) in SEGMENTS.items():
        if size >= low and (high is None or size <= high):
            return name
    return None


def _decided_by(rule: RoutingRule) -> str:
    """The hand-off's ``rule``: the kind, and the rule's name unless the kind says it all."""
    return rule.kind if rule.kind == "account_owner" else f"{rule.kind}:{rule.name}"


def route_contact(
    session: Session,
    contact_id: int,
    *,
    actor: Actor,
    note: str | None = None,
    excluded: Mapping[int, str] | None = None,
) -> Handoff:
    """Route (or re-route) a contact: the first rule that decides wins. Any open hand-off
    of the contact is closed as re-routed. Users need ``routing.edit`` (sales managers
    have it); the MQL subscriber routes as a rule. ``excluded`` maps reps to pass over to
    the reason shown in the decision."""
    require(actor, Action.ROUTING_EDIT)
    contact = contacts_service.get_contact_detail(session, contact_id)
    if contact.lifecycle_stage not in ROUTABLE_STAGES:
        raise Conflict(
            f"only MQL or SAL leads are routed; contact {contact_id} is {contact.lifecycle_stage}"
        )
    at = clock.now()
    router = _Router(session, contact, at, excluded or {})
    for rule in repository.rules(session, active_only=True):
        if not router.meets_when(rule):
            continue
        getattr(router, rule.kind)(rule)
        if router.decision.decided:
            break
    decision = router.decision
    for previous in repository.open_for_contact(session, contact_id):
        previous.status, previous.decided_at = "rerouted", at
    handoff = Handoff(
        contact_id=contact_id,
        owner_id=decision.owner_id,
        team=decision.team,
        pool_id=decision.pool.id if decision.pool else None,
        rule_id=decision.rule.id if decision.rule else None,
        rule=decision.rule_label,
        reason=decision.reason + (f" ({note})" if note else ""),
        candidates=decision.candidates,
        packet=build_packet(session, contact),
        at=at,
        by_user_id=actor.user_id,
        by_rule=None if actor.kind == "user" else actor.describe(),
        status="open",
    )
    session.add(handoff)
    session.flush()
    if decision.owner_id is not None and contact.owner_id != decision.owner_id:
        contacts_service.update_contact(
            session, contact_id, ContactUpdate(owner_id=decision.owner_id), actor=ROUTER
        )
    publish(
        session,
        LeadHandedOff(
            handoff_id=handoff.id,
            contact_id=contact_id,
            owner_id=decision.owner_id,
            team=decision.team,
            rule=decision.rule_label,
            reason=handoff.reason,
            at=at,
            actor=actor,
        ),
    )
    return handoff


def reroute_after_breach(
    session: Session,
    *,
    handoff_id: int | None,
    contact_id: int,
    passed_over: Mapping[int, str],
) -> Handoff | None:
    """Route the lead again after its SLA term breached, passing over the reps in
    ``passed_over`` (the one who let it breach, with why). Nothing when the hand-off was
    decided (or re-routed) in the meantime: the breach no longer stands for the lead."""
    if not handoff_is_open(session, handoff_id):
        return None
    return route_contact(
        session, contact_id, actor=ROUTER, note="SLA breached", excluded=passed_over
    )


def handoff_is_open(session: Session, handoff_id: int | None) -> bool:
    """Still waiting for its owner's decision (not accepted, rejected or re-routed)."""
    handoff = session.get(Handoff, handoff_id) if handoff_id is not None else None
    return handoff is not None and handoff.status == repository.OPEN
