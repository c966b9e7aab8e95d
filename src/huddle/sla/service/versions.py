"""SLA versions: drafts, signatures by both sides, activation, history with diffs."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, FieldError, ValidationFailed, found
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.sla.events import SlaVersionActivated, SlaVersionDrafted, SlaVersionSigned
from huddle.sla.models import SIDES, SlaClock, SlaSignature, SlaVersion
from huddle.sla.repository import versions as version_rows
from huddle.sla.terms import Term, parse_terms

MAX_BODY = 100_000
SIGN_ACTION = {"marketing": Action.SLA_SIGN_FOR_MARKETING, "sales": Action.SLA_SIGN_FOR_SALES}


def active_version(session: Session) -> SlaVersion | None:
    return version_rows.active_version(session)


@dataclass(frozen=True, slots=True)
class TouchInterest:
    """Which touches the active version's terms wait for, beyond sales activity: the
    inbound request types that start customer-response clocks, the touch types of custom
    terms, and whether a follow-up term follows a hand-off."""

    request_types: frozenset[str] = frozenset()
    custom_touches: frozenset[str] = frozenset()
    follow_up: bool = False


_NO_INTEREST = TouchInterest()


def touch_interest(session: Session) -> TouchInterest:
    """What the active version waits for, read on every batch of touches (a group commit of
    page views too): one small statement on the connection, the terms parsed again only
    when their stored text changed, so a version activated by another process counts from
    its next batch. (Flushed first: the statement goes around the ORM, and a version this
    session just activated must count.)"""
    session.flush()
    text = version_rows.active_terms_text(session)
    return _NO_INTEREST if text is None else _interest_of(text)


@lru_cache(maxsize=32)
def _interest_of(text: str) -> TouchInterest:
    terms = parse_terms(json.loads(text))
    request_types: set[str] = set()
    custom_touches: set[str] = set()
    for term in terms:
        if term.kind == "customer_response":
            request_types.update(term.touch_types)
        elif term.kind == "custom":
            custom_touches.update(c.touch for c in (term.start, term.stop) if c and c.touch)
    follow_up = any(term.kind == "follow_up" for term in terms)
    return TouchInterest(frozenset(request_types), frozenset(custom_touches), follow_up)


def get_version(session: Session, version_id: int) -> SlaVersion:
    return found(version_rows.get_version(session, version_id), f"SLA version #{version_id}")


def list_versions(session: Session) -> list[SlaVersion]:
    return version_rows.list_versions(session)


def signatures(session: Session, version_ids: list[int]) -> dict[int, list[SlaSignature]]:
    out: dict[int, list[SlaSignature]] = {i: [] for i in version_ids}
    if version_ids:
        for row in version_rows.signatures_of(session, version_ids):
            out[row.version_id].append(row)
    return out


def _validate(title: Any, body: Any, terms: Any) -> tuple[str, str, list[dict[str, Any]]]:
    errors = []
    if not isinstance(title, str) or not title.strip():
        errors.append(FieldError("title", "is required"))
    elif len(title.strip()) > 200:
        errors.append(FieldError("title", "must be at most 200 characters"))
    if not isinstance(body, str):
        errors.append(FieldError("body", "must be text"))
    elif len(body) > MAX_BODY:
        errors.append(FieldError("body", f"must be at most {MAX_BODY:,} characters"))
    try:
        parse_terms(terms)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(f"{errors[0].field} {errors[0].message}", errors)
    return str(title).strip(), str(body), list(terms)


def create_draft(
    session: Session,
    actor: Actor,
    *,
    title: Any,
    body: Any,
    terms: Any,
    based_on_id: int | None = None,
) -> SlaVersion:
    require(actor, Action.SLA_DRAFT)
    title, body, terms = _validate(title, body, terms)
    if based_on_id is not None:
        get_version(session, based_on_id)
    number = version_rows.highest_number(session) + 1
    version = SlaVersion(
        number=number,
        status="draft",
        title=title,
        body=body,
        terms=terms,
        based_on_id=based_on_id if based_on_id is not None else _latest_id(session),
        created_by_id=actor.user_id,
    )
    session.add(version)
    session.flush()
    publish(
        session,
        SlaVersionDrafted(version_id=version.id, number=number, at=clock.now(), actor=actor),
    )
    return version


def _latest_id(session: Session) -> int | None:
    active = active_version(session)
    if active is not None:
        return active.id
    return version_rows.newest_version_id(session)


def update_draft(
    session: Session, actor: Actor, version_id: int, *, title: Any, body: Any, terms: Any
) -> SlaVersion:
    """Change a draft; signatures already given are withdrawn (they signed other words)."""
    require(actor, Action.SLA_DRAFT)
    version = get_version(session, version_id)
    if version.status != "draft":
        raise Conflict(f"version {version.number} is {version.status}; only drafts change")
    title, body, terms = _validate(title, body, terms)
    if (version.title, version.body, version.terms) == (title, body, terms):
        return version  # the same words: the signatures given still stand
    version.title, version.body, version.terms = title, body, terms
    version_rows.withdraw_signatures(session, version.id)
    session.flush()
    publish(
        session,
        SlaVersionDrafted(
            version_id=version.id, number=version.number, at=clock.now(), actor=actor
        ),
    )
    return version


def sign(session: Session, actor: Actor, version_id: int, side: str) -> SlaVersion:
    """Sign a draft for marketing or sales. When both sides have signed (two different
    people), the draft becomes the active version and the previous one is archived."""
    if side not in SIDES:
        raise ValidationFailed("unknown side", [FieldError("side", "must be marketing or sales")])
    require(actor, SIGN_ACTION[side])
    if actor.user_id is None:
        raise ValidationFailed("only people sign", [FieldError("actor", "sign as a user")])
    version = get_version(session, version_id)
    if version.status != "draft":
        raise Conflict(f"version {version.number} is {version.status}; only drafts are signed")
    existing = signatures(session, [version.id])[version.id]
    if any(s.side == side and s.user_id == actor.user_id for s in existing):
        raise Conflict(f"you already signed version {version.number} for {side}")
    other = "sales" if side == "marketing" else "marketing"
    if any(s.side == other and s.user_id == actor.user_id for s in existing):
        raise Conflict(f"you signed for {other}; the other side must be signed by someone else")
    now = clock.now()
    signature = SlaSignature(version_id=version.id, side=side, user_id=actor.user_id, signed_at=now)
    session.add(signature)
    session.flush()
    publish(
        session,
        SlaVersionSigned(
            version_id=version.id,
            number=version.number,
            side=side,
            user_id=actor.user_id,
            at=now,
            actor=actor,
        ),
    )
    sides = {s.side for s in existing} | {side}
    if sides == set(SIDES):
        _activate(session, actor, version)
    return version


def _activate(session: Session, actor: Actor, version: SlaVersion) -> None:
    now = clock.now()
    previous = active_version(session)
    if previous is not None:
        # Archive first (and flush), so the one-active index never sees two.
        version_rows.archive(session, previous.id, now)
        session.flush()
    version.status, version.activated_at = "active", now
    session.flush()
    publish(
        session,
        SlaVersionActivated(
            version_id=version.id,
            number=version.number,
            archived_id=previous.id if previous else None,
            at=now,
            actor=actor,
        ),
    )


# --- history --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermChange:
    key: str
    change: str  # "added", "removed", "changed"
    before: str | None
    after: str | None
    fields: tuple[tuple[str, Any, Any], ...] = ()


@dataclass(frozen=True)
class VersionDiff:
    text: list[tuple[str, str]]  # (kind: "add"|"del"|"ctx"|"hunk", line)
    terms: list[TermChange]
    title: tuple[str, str] | None


def diff_versions(old: SlaVersion | None, new: SlaVersion) -> VersionDiff:
    """A readable difference: the text line by line, the terms by key and field."""
    old_body = old.body if old else ""
    lines: list[tuple[str, str]] = []
    for line in difflib.unified_diff(
        old_body.splitlines(), new.body.splitlines(), lineterm="", n=2
    ):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            lines.append(("hunk", line))
        elif line.startswith("+"):
            lines.append(("add", line[1:]))
        elif line.startswith("-"):
            lines.append(("del", line[1:]))
        else:
            lines.append(("ctx", line[1:]))
    before = {t["key"]: t for t in (old.terms if old else [])}
    after = {t["key"]: t for t in new.terms}
    described_before = {t.key: t.describe() for t in parse_terms(list(before.values()))}
    described_after = {t.key: t.describe() for t in parse_terms(list(after.values()))}
    changes: list[TermChange] = []
    for key in after:
        if key not in before:
            changes.append(TermChange(key, "added", None, described_after[key]))
        elif before[key] != after[key]:
            fields = tuple(
                (name, before[key].get(name), after[key].get(name))
                for name in sorted(set(before[key]) | set(after[key]))
                if before[key].get(name) != after[key].get(name)
            )
            changes.append(
                TermChange(key, "changed", described_before[key], described_after[key], fields)
            )
    for key in before:
        if key not in after:
            changes.append(TermChange(key, "removed", described_before[key], None))
    title = (old.title, new.title) if old and old.title != new.title else None
    return VersionDiff(text=lines, terms=changes, title=title)


def terms_json(version: SlaVersion) -> str:
    return json.dumps(version.terms, indent=2, ensure_ascii=False)


class TermCache:
    """Parsed terms per version id (a pass touches few versions, many clocks)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._terms: dict[int, dict[str, Term]] = {}

    def terms(self, version_id: int) -> dict[str, Term]:
        if version_id not in self._terms:
            version = version_rows.get_version(self.session, version_id)
            parsed = parse_terms(version.terms) if version else []
            self._terms[version_id] = {t.key: t for t in parsed}
        return self._terms[version_id]

    def term(self, clock_row: SlaClock) -> Term | None:
        return self.terms(clock_row.version_id).get(clock_row.term_key)
