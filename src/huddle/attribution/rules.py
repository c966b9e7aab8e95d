"""The attribution models: how one conversion's credit is split over the campaign touches
on its path. Pure functions over a path; no database, no clock.

A path is the campaign touches that count for one conversion, oldest first (see
``huddle.attribution.repository`` for which touches count). Every model gives each touch a
weight; the weights of a non-empty path add up to 1, so each model credits exactly the
conversion's value. The rules, written down:

- **first touch**: the first touch takes everything.
- **last touch**: the last touch before the conversion takes everything.
- **linear**: every touch an equal share.
- **U-shaped** (40/20/40): the first and the last touch 40 % each, the touches between
  share 20 % equally. With two touches, 50/50; with one, 100 %.
- **W-shaped** (30/30/30 + 10): the first touch, the MQL-creating touch and the
  opportunity-creating touch 30 % each; the other touches share 10 % equally. The
  MQL-creating touch is the last touch at or before the moment the conversion's contact
  (for a deal: the first of its contacts) first became an MQL; the opportunity-creating
  touch is the last touch at or before the deal was created. A touch that plays two roles
  takes both shares. Where a role has no touch (the contact never was an MQL, a conversion
  with no deal) or nothing is left for the 10 %, the shares given are scaled so they add
  up to 100 % (e.g. first = MQL = opportunity touch, alone: 100 %).
- **time decay**: a touch's weight halves with every 7 days between it and the
  conversion (``2 ** (-days / 7)``), then the weights are scaled to add up to 100 %.

**Adding up.** The credit a campaign takes on one UTC day (the day of the conversion) is
rounded to a millionth of the value (``day_credits``); a report adds the days' millionths.
So a report equals the roll-up's sum exactly, whatever the order the credits come in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, Literal, NamedTuple

Model = Literal["first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay"]
MODELS: tuple[Model, ...] = (
    "first_touch",
    "last_touch",
    "linear",
    "u_shaped",
    "w_shaped",
    "time_decay",
)
MODEL_LABELS: dict[str, str] = {
    "first_touch": "First touch",
    "last_touch": "Last touch",
    "linear": "Linear",
    "u_shaped": "U-shaped",
    "w_shaped": "W-shaped",
    "time_decay": "Time decay",
}
HALF_LIFE_DAYS = 7.0
U_ENDS, U_MIDDLE = 0.4, 0.2
W_KEY, W_REST = 0.3, 0.1
# Credit is added up in millionths of a conversion's value.
UNITS = 1_000_000


class PathTouch(NamedTuple):
    campaign_id: int
    age_days: float  # from the touch to the conversion
    before_mql: bool  # at or before the contact first became an MQL
    before_created: bool  # at or before the deal was created


def weights(model: str, path: Sequence[PathTouch]) -> list[float]:
    """Each touch's share of the conversion under ``model`` (adds up to 1)."""
    n = len(path)
    if n == 0:
        return []
    if model == "first_touch":
        return [1.0] + [0.0] * (n - 1)
    if model == "last_touch":
        return [0.0] * (n - 1) + [1.0]
    if model == "linear":
        return [1.0 / n] * n
    if model == "u_shaped":
        return _u_shaped(n)
    if model == "w_shaped":
        return _w_shaped(path)
    if model == "time_decay":
        return _normalised([2.0 ** (-max(t.age_days, 0.0) / HALF_LIFE_DAYS) for t in path])
    raise ValueError(f"unknown attribution model {model!r}")


def _u_shaped(n: int) -> list[float]:
    if n == 1:
        return [1.0]
    middle = [U_MIDDLE / (n - 2)] * (n - 2) if n > 2 else []
    return _normalised([U_ENDS, *middle, U_ENDS])


def _w_shaped(path: Sequence[PathTouch]) -> list[float]:
    keys = [0, _last_where(path, "before_mql"), _last_where(path, "before_created")]
    shares = [0.0] * len(path)
    for place in keys:
        if place is not None:
            shares[place] += W_KEY
    rest = [i for i in range(len(path)) if i not in keys]
    for place in rest:
        shares[place] = W_REST / len(rest)
    return _normalised(shares)


def _last_where(path: Sequence[PathTouch], flag: str) -> int | None:
    for place in range(len(path) - 1, -1, -1):
        if getattr(path[place], flag):
            return place
    return None


def _normalised(shares: list[float]) -> list[float]:
    total = sum(shares)
    return [share / total for share in shares]


def day_credits(
    rows: Iterable[tuple[Any, ...]], models: Sequence[str]
) -> dict[tuple[str, int | None], list[int]]:
    """(UTC day, campaign) -> each of ``models``' credit in millionths, from the rows of one
    conversion kind (``attribution.repository.Row``: ordered by conversion, then time). A
    conversion without campaign touches goes to campaign None."""
    sums: dict[tuple[str, int | None], list[float]] = {}
    n = len(models)
    for _, group in groupby(rows, key=itemgetter(0)):
        path: list[PathTouch] = []
        value, day = 0.0, ""
        for _, amount, campaign_id, age, before_mql, before_created, on in group:
            value, day = float(amount), on
            if campaign_id is not None:
                path.append(
                    PathTouch(campaign_id, float(age or 0), bool(before_mql), bool(before_created))
                )
        if not path:
            cell = sums.setdefault((day, None), [0.0] * n)
            for i in range(n):
                cell[i] += value
            continue
        cells = [
            sums.get(key) or sums.setdefault(key, [0.0] * n)
            for key in [(day, touch.campaign_id) for touch in path]
        ]
        for i, model in enumerate(models):
            for cell, share in zip(cells, weights(model, path), strict=True):
                cell[i] += value * share
    return {key: [round(v * UNITS) for v in cell] for key, cell in sums.items()}
