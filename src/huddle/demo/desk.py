"""The sales desk while the story plays: real routing decides who gets each MQL, the rep
decides through the queue's own services, and the SLA's worker pass runs in story time.

The plan names the account's territory owner as the rep who reviews and works a lead; the
routing rules may pick someone else (round robin, an absent owner). From each hand-off on,
the rep the plan names for that contact is played as the rep routing chose, so every
decision is made by the hand-off's owner, as the queue requires.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.auth.schemas import UserUpdate
from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.jobs import Job, handler_for
from huddle.demo import agreement
from huddle.demo.plan import DraftAgreement, SetAway, SignAgreement
from huddle.routing import service as routing
from huddle.routing.models import Handoff
from huddle.routing.schemas import MemberWrite, PoolWrite, RuleWrite
from huddle.sla import service as sla
from huddle.sla.models import SlaClock
from huddle.sla.service.alerts import ALERTS_JOB

# How long after a clock's moment the worker's pass (every 30 s in real use) notices it.
PASS_DELAY = timedelta(seconds=30)


class SalesDesk:
    def __init__(
        self,
        session: Session,
        frozen: clock.FrozenClock,
        users: dict[str, int],
        roles: dict[str, tuple[str, str]],
    ) -> None:
        self.session, self.clock = session, frozen
        self.users, self.roles = users, roles
        self.emails = {uid: email for email, uid in users.items()}
        # contact key -> the rep routing chose, standing in for the plan's rep.
        self.routed_to: dict[int, str] = {}
        # Contacts handed off and not yet touched by sales: their first sales touch stops
        # the SLA's first-touch clock, so it must go through the service.
        self.untouched: set[int] = set()
        self.versions: dict[int, int] = {}
        self.next_pass: datetime | None = None
        # Moments a pass must run for besides the clocks' own (someone left or came back).
        self.forced: list[datetime] = []

    def actor(self, who: str) -> Actor:
        role, team = self.roles[who]
        return Actor.user(self.users[who], role=role, team=team)

    # --- set-up ---------------------------------------------------------------------------

    def configure_routing(self, ops: Actor) -> None:
        """The team pool and the rules, as marketing-ops set them up before the story."""
        pool = routing.save_pool(
            self.session,
            PoolWrite(
                name=agreement.POOL_NAME,
                manager_id=self.users[agreement.catalog.MANAGER_EMAIL],
                members=[
                    MemberWrite(user_id=self.users[rep], weight=weight)
                    for rep, weight in agreement.POOL_WEIGHTS
                ],
            ),
            actor=ops,
        )
        for position, (name, kind, conditions, owner, hours) in enumerate(agreement.RULES):
            routing.save_rule(
                self.session,
                RuleWrite(
                    name=name,
                    kind=kind,
                    position=(position + 1) * 10,
                    conditions=conditions,
                    owner_id=self.users[owner] if owner else None,
                    pool_id=pool.id if kind == "round_robin" else None,
                    respect_hours=hours,
                ),
                actor=ops,
            )

    # --- who acts -------------------------------------------------------------------------

    def rep(self, who: str | None, contact_key: int | None) -> str | None:
        """The plan's rep for this contact, as routing assigned it."""
        if who is None or contact_key is None or self.roles.get(who, ("", ""))[0] != "sales_rep":
            return who
        return self.routed_to.get(contact_key, who)

    def routed(self, contact_key: int, contact_id: int) -> None:
        """After a contact became an MQL: the routing job its move queued runs now (the
        worker runs it straight after the commit)."""
        self._run_queued(routing.ROUTE_JOB)
        handoff = routing.latest_handoff(self.session, contact_id)
        # Waiting in the team queue, the lead still belongs to whoever owned it before;
        # a lead nobody owned is picked up from the queue by the plan's rep.
        owner = handoff.owner_id if handoff is not None else None
        owner = owner or contacts_service.get_contact(self.session, contact_id).owner_id
        if owner is not None and owner in self.emails:
            self.routed_to[contact_key] = self.emails[owner]
        else:
            self.routed_to.pop(contact_key, None)
        self.untouched.add(contact_key)
        self.refresh()

    def route_rule_qualified(self, key_of: dict[int, int]) -> None:
        """After a rescore: the leads the MQL criteria qualified are routed as the worker
        would, and the rep routing chose stands in for the plan's rep from then on.
        ``key_of``: contact id -> the plan's key."""
        queued = self.session.scalars(
            select(Job.payload).where(Job.kind == routing.ROUTE_JOB, Job.status == "queued")
        ).all()
        for payload in queued:
            contact_id = int(payload["contact_id"])
            self.routed(key_of[contact_id], contact_id)

    def first_sales_touch(self, contact_key: int) -> bool:
        """Whether this sales touch is the lead's first since its hand-off (and is so no more)."""
        if contact_key in self.untouched:
            self.untouched.discard(contact_key)
            return True
        return False

    def open_handoff(self, contact_id: int) -> Handoff | None:
        handoff = routing.latest_handoff(self.session, contact_id)
        return handoff if handoff is not None and handoff.status == "open" else None

    # --- the SLA --------------------------------------------------------------------------

    def draft(self, event: DraftAgreement) -> None:
        version = sla.create_draft(
            self.session,
            self.actor(event.author),
            title=event.title,
            body=event.body,
            terms=event.terms,
        )
        self.versions[event.key] = version.id

    def sign(self, event: SignAgreement) -> None:
        sla.sign(self.session, self.actor(event.signer), self.versions[event.key], event.side)

    def set_away(self, event: SetAway) -> None:
        auth_service.update_user(
            self.session,
            self.users[event.user],
            UserUpdate(out_of_office=event.away),
            actor=self.actor(event.actor),
        )
        # The worker pauses (or resumes) the rep's clocks on its next pass.
        self.forced.append(event.at)
        self.refresh()

    def catch_up(self, until: datetime) -> None:
        """Run the SLA worker's pass at each moment a clock warns or falls due before
        ``until``, as the worker would have (the clock reads that moment meanwhile)."""
        while self.next_pass is not None and self.next_pass + PASS_DELAY <= until:
            at = self.next_pass + PASS_DELAY
            self.clock.set(at)
            sla.run_due(self.session)
            # The alerts job the pass queued, run by the worker then, not when Huddle starts.
            self._run_queued(ALERTS_JOB)
            self.forced = [m for m in self.forced if m + PASS_DELAY > at]
            self.refresh()

    def _run_queued(self, kind: str) -> None:
        """Run the queued jobs of ``kind`` in story time, as the worker would."""
        for job in self.session.scalars(
            select(Job).where(Job.kind == kind, Job.status == "queued").order_by(Job.id)
        ):
            handler_for(job.kind)(self.session, job.payload)
            job.status, job.attempts = "done", 1
        self.session.flush()

    def refresh(self) -> None:
        """The next moment a running clock warns or falls due."""
        running = SlaClock.state == "running"
        warn = self.session.scalar(select(func.min(SlaClock.warn_at)).where(running))
        due = self.session.scalar(select(func.min(SlaClock.due_at)).where(running))
        moments = [m for m in (warn, due, *self.forced) if m is not None]
        self.next_pass = min(moments) if moments else None
