"""The geometry of the goals' server-rendered SVG charts (the pacing line, the KPI
sparklines): pure arithmetic from figures to coordinates; the templates draw them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Frame:
    width: int = 640
    height: int = 240
    left: int = 64
    right: int = 16
    top: int = 16
    bottom: int = 32

    @property
    def inner_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> int:
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class PacingChart:
    frame: Frame
    actual: str  # polyline points
    target: str
    projection: str | None
    dots: list[tuple[float, float]]
    y_ticks: list[tuple[float, float, str]]  # (y, value, the value as the axis reads it)
    target_y: float
    top_value: float


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def pacing_chart(
    *,
    start: date,
    total_days: int,
    series: Sequence[tuple[date, float | None]],
    target: float,
    projected: float | None,
    cumulative: bool,
    frame: Frame | None = None,
) -> PacingChart:
    """The value so far at each measured day against the target's pace (a straight line
    from 0 to the target for counts and amounts, the target itself for ratios) and the
    projection from the last value to the period's end."""
    frame = frame or Frame()
    known = [(day, value) for day, value in series if value is not None]
    top = nice_top(max([target, projected or 0.0, *(v for _, v in known)]) * 1.05)

    def x(days: float) -> float:
        return frame.left + frame.inner_width * days / total_days

    def y(value: float) -> float:
        return frame.top + frame.inner_height * (1 - value / top)

    measured = [(x((day - start).days + 1), y(value)) for day, value in known]
    actual = ([(x(0), y(0))] if cumulative else []) + measured
    target_line = (
        [(x(0), y(0)), (x(total_days), y(target))]
        if cumulative
        else [(x(0), y(target)), (x(total_days), y(target))]
    )
    projection = None
    if projected is not None and measured:
        projection = _points([measured[-1], (x(total_days), y(projected))])
    ticks = [(y(top * i / 4), top * i / 4, _tick(top * i / 4)) for i in range(5)]
    return PacingChart(
        frame=frame,
        actual=_points(actual),
        target=_points(target_line),
        projection=projection,
        dots=measured,
        y_ticks=ticks,
        target_y=y(target),
        top_value=top,
    )


def _tick(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def nice_top(value: float, ticks: int = 4) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten, times ``ticks``, at or above
    ``value``: an axis whose ticks read as round numbers."""
    if value <= 0:
        return float(ticks)
    raw = value / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * ticks


@dataclass(frozen=True)
class Sparkline:
    points: str  # the polyline's
    last: tuple[float, float]  # the latest value's dot (one value alone is a dot)


def sparkline(
    values: Sequence[float | None], width: int = 120, height: int = 32
) -> Sparkline | None:
    """A trend's line (a missing value is left out), 3 px inside the box; None without a
    value."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if not known:
        return None
    low, high = min(v for _, v in known), max(v for _, v in known)
    span = (high - low) or 1.0
    steps = max(len(values) - 1, 1)
    pairs = [
        (3 + (width - 6) * i / steps, 3 + (height - 6) * (1 - (v - low) / span)) for i, v in known
    ]
    return Sparkline(_points(pairs), pairs[-1])
