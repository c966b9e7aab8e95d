"""The calibration plot (``huddle model evaluate --plot``): predicted probability against
the observed rate per bin, beside the diagonal of a perfectly calibrated model. As SVG (the
page's, and a file a browser opens) or as a PNG (a file for a slide or an email), both drawn
from the same coordinates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

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


BLUE, GREY, INK = "#2563eb", "#9ca3af", "#374151"
# The PNG is drawn at twice the SVG's size: sharp on a high-density screen.
PNG_SCALE = 2


def write_calibration_png(bins: Sequence[tuple[float, float, int]], path: Path) -> None:
    """The same plot as ``calibration_svg``, as a PNG file."""
    k = PNG_SCALE

    def at(predicted: float, observed: float) -> tuple[float, float]:
        x, y = _xy(predicted, observed)
        return x * k, y * k

    image = Image.new("RGB", (SIZE * k, SIZE * k), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=11 * k)
    _dashed(draw, at(0, 0), at(1, 1), fill=GREY, width=k)
    points = [at(predicted, observed) for predicted, observed, _ in bins]
    if len(points) > 1:
        draw.line(points, fill=BLUE, width=2 * k)
    for x, y in points:
        draw.ellipse((x - 5 * k, y - 5 * k, x + 5 * k, y + 5 * k), fill=BLUE)
    for t in range(5):
        x, _ = at(t / 4, 0)
        _, y = at(0, t / 4)
        draw.text((x, (SIZE - MARGIN + 14) * k), f"{t * 25}%", fill=INK, font=font, anchor="mt")
        draw.text(((MARGIN - 8) * k, y), f"{t * 25}%", fill=INK, font=font, anchor="rm")
    middle = SIZE / 2 * k
    draw.text((middle, (SIZE - 10) * k), "predicted probability", fill=INK, font=font, anchor="ms")
    label = Image.new("RGBA", (int(SIZE * k / 2), 16 * k), (255, 255, 255, 0))
    ImageDraw.Draw(label).text((0, 0), "observed rate", fill=INK, font=font)
    rotated = label.rotate(90, expand=True)
    image.paste(rotated, (6 * k, int(middle - rotated.height / 2)), rotated)
    image.save(path, format="PNG")


def _dashed(
    draw: ImageDraw.ImageDraw,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    fill: str,
    width: int,
) -> None:
    """A dashed line, dash and gap 8 pixels (the SVG's 4 4 at twice the size)."""
    (x0, y0), (x1, y1) = start, end
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    dashes = int(length // 16)
    for i in range(dashes + 1):
        a, b = i * 16 / length, min((i * 16 + 8) / length, 1.0)
        draw.line(
            [(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)],
            fill=fill,
            width=width,
        )
