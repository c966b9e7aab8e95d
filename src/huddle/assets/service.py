"""The asset library's rules: adding assets (campaign.manage), approving them
(asset.approve), and choosing the next best asset for a contact.

The next best asset is, among the approved assets the contact has neither consumed nor
been sent already, the one contacts who later converted (reached SQL, opportunity or
customer) most often consumed right after the asset the contact consumed last; without
such a history, the one converters consumed most; without that, the newest approved one.
Ties go to the newer asset. Nothing here commits: the caller's unit of work does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from huddle.assets import repository
from huddle.assets.models import AssetRecommendation, ContentAsset
from huddle.assets.schemas import AssetWrite
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action


def list_assets(session: Session, *, actor: Actor) -> Sequence[ContentAsset]:
    permissions.require(actor, Action.CONTACT_READ)
    return repository.assets(session)


def create_asset(session: Session, data: AssetWrite, *, actor: Actor) -> ContentAsset:
    """A new asset, a draft until an approver approves it."""
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    if repository.asset_by_title(session, data.title) is not None:
        raise ValidationFailed("check the fields", [FieldError("title", "an asset has this title")])
    made = ContentAsset(title=data.title, url=data.url, kind=data.kind, status="draft")
    session.add(made)
    session.flush()
    return made


def set_asset_status(session: Session, asset_id: int, status: str, *, actor: Actor) -> ContentAsset:
    """Approve an asset (workflows may send it from then on) or take it back to draft."""
    permissions.require(actor, Action.ASSET_APPROVE)
    found = _asset(session, asset_id)
    if status == "approved" and found.status != "approved":
        found.status, found.approved_at = "approved", clock.now()
        found.approved_by = actor.describe()[:120]
    elif status == "draft":
        found.status, found.approved_at, found.approved_by = "draft", None, None
    session.flush()
    return found


def asset_names(session: Session) -> dict[int, str]:
    return {found.id: found.title for found in repository.assets(session)}


def _asset(session: Session, asset_id: int) -> ContentAsset:
    found = repository.asset(session, asset_id)
    if found is None:
        raise ResourceNotFound(f"asset {asset_id} not found")
    return found


# --- the next best asset -------------------------------------------------------------------


@dataclass(frozen=True)
class ConverterHistory:
    """What converters consumed, in order: (previous asset or None, asset) -> converters."""

    pairs: Counter[tuple[int | None, int]]
    overall: Counter[int] = field(default_factory=Counter)

    @classmethod
    def of(cls, pairs: Counter[tuple[int | None, int]]) -> ConverterHistory:
        overall: Counter[int] = Counter()
        for (_, asset_id), n in pairs.items():
            overall[asset_id] += n
        return cls(pairs, overall)


@dataclass(frozen=True)
class Choice:
    asset: ContentAsset
    why: str


def converter_history(session: Session) -> ConverterHistory:
    """Read once and shared by the choices of a batch (one statement)."""
    return ConverterHistory.of(repository.converter_sequences(session))


def approved_assets(session: Session) -> Sequence[ContentAsset]:
    """The assets a choice is made among, newest first."""
    return repository.approved(session)


def next_best_asset(
    session: Session,
    contact_id: int,
    *,
    history: ConverterHistory | None = None,
    approved: Sequence[ContentAsset] | None = None,
) -> Choice | None:
    """The next best asset for the contact and why, or None when every approved asset
    was consumed by or sent to it (``history``, ``approved``: read once for many)."""
    consumed = repository.consumed_by(session, contact_id)
    seen = set(consumed) | repository.sent_to(session, contact_id)
    pool = approved if approved is not None else repository.approved(session)
    candidates = [found for found in pool if found.id not in seen]
    if not candidates:
        return None
    history = history or converter_history(session)
    if consumed:
        last = consumed[-1]
        best = _most(candidates, lambda found: history.pairs[(last, found.id)])
        if best is not None:
            after = repository.asset(session, last)
            title = f"“{after.title}”" if after is not None else f"asset #{last}"
            return Choice(best[0], f"converters read it next {_times(best[1])} after {title}")
    best = _most(candidates, lambda found: history.overall[found.id])
    if best is not None:
        return Choice(best[0], f"the most read by converters ({_times(best[1])})")
    return Choice(candidates[0], "the newest approved asset (converters read none of the others)")


def _most(
    candidates: Sequence[ContentAsset], count: Callable[[ContentAsset], int]
) -> tuple[ContentAsset, int] | None:
    """The candidate with the highest count (the first, the newest, among equals), or None
    when every count is 0."""
    best: tuple[ContentAsset, int] | None = None
    for found in candidates:
        n = count(found)
        if n > 0 and (best is None or n > best[1]):
            best = (found, n)
    return best


def _times(n: int) -> str:
    return f"{n} time{'' if n == 1 else 's'}"


def record_choice(session: Session, contact_id: int, choice: Choice, *, key: str) -> bool:
    """Keep the choice, so the asset is not chosen for the contact again; once per ``key``
    (False: a choice with this key was kept already)."""
    row = AssetRecommendation(
        contact_id=contact_id,
        asset_id=choice.asset.id,
        why=choice.why[:300],
        key=key,
        at=clock.now(),
    )
    return repository.add_recommendation(session, row)


def earlier_choice(session: Session, key: str) -> Choice | None:
    """The choice a step visit made already (a step run again after a crash)."""
    found = repository.recommendation(session, key)
    if found is None:
        return None
    chosen = repository.asset(session, found.asset_id)
    return None if chosen is None else Choice(chosen, found.why)
