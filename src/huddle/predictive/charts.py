"""The calibration plot as a stand-alone SVG file (``huddle model evaluate --plot``):
predicted probability against the observed rate per bin, beside the diagonal of a perfectly
calibrated model. SVG rather than PNG: Huddle draws its charts itself (no plotting library)
and a browser or any image viewer opens it."""

from __future__ import annotations

from collections.abc import Sequence

SIZE = 400
MARGIN = 50


def _xy(predicted: float, observed: float) -> tuple[float, float]:
    span = SIZE - 2 * MARGIN
    return MARGIN + predicted * span, SIZE - MARGIN - observed * span


def calibration_svg(bins: Sequence[tuple[float, float, int]]) -> str:
    """``bins``: (mean predicted, observed rate, rows), as ``learning.calibration_bins``."""
    low, high = _xy(0, 0), _xy(1, 1)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#2563eb"><title>predicted '
        f"{predicted:.1%}, observed {observed:.1%}, {rows:,} rows</title></circle>"
        for predicted, observed, rows in bins
        for x, y in [_xy(predicted, observed)]
    )
    line = " ".join(f"{x:.1f},{y:.1f}" for p, o, _ in bins for x, y in [_xy(p, o)])
    ticks = "".join(
        f'<text x="{_xy(t / 4, 0)[0]:.1f}" y="{SIZE - MARGIN + 18}" text-anchor="middle">'
        f"{t * 25}%</text>"
        f'<text x="{MARGIN - 8}" y="{_xy(0, t / 4)[1] + 4:.1f}" text-anchor="end">{t * 25}%</text>'
        for t in range(5)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'width="{SIZE}" height="{SIZE}" font-family="sans-serif" font-size="11">'
        "<title>Calibration: predicted probability against observed rate</title>"
        f'<rect width="{SIZE}" height="{SIZE}" fill="white"/>'
        f'<line x1="{low[0]}" y1="{low[1]}" x2="{high[0]}" y2="{high[1]}" '
        'stroke="#9ca3af" stroke-dasharray="4 4"/>'
        f'<polyline points="{line}" fill="none" stroke="#2563eb" stroke-width="2"/>'
        f"{dots}{ticks}"
        f'<text x="{SIZE / 2}" y="{SIZE - 10}" text-anchor="middle">predicted probability</text>'
        f'<text x="14" y="{SIZE / 2}" text-anchor="middle" '
        f'transform="rotate(-90 14 {SIZE / 2})">observed rate</text>'
        "</svg>\n"
    )
