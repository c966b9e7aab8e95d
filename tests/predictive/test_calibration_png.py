"""The calibration plot as a PNG: the same coordinates as the SVG's, drawn at twice the size."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from huddle.predictive.charts import MARGIN, PNG_SCALE, SIZE, write_calibration_png

BINS = [(0.1, 0.08, 120), (0.5, 0.55, 80), (0.9, 0.7, 40)]


def _pixel_at(image: Image.Image, predicted: float, observed: float) -> tuple[int, ...]:
    span = SIZE - 2 * MARGIN
    x = (MARGIN + predicted * span) * PNG_SCALE
    y = (SIZE - MARGIN - observed * span) * PNG_SCALE
    return tuple(image.getpixel((round(x), round(y))))  # type: ignore[arg-type]


def test_each_bin_is_a_blue_dot_where_the_svg_puts_it(tmp_path: Path) -> None:
    path = tmp_path / "calibration.png"

    write_calibration_png(BINS, path)

    image = Image.open(path).convert("RGB")
    assert image.size == (SIZE * PNG_SCALE, SIZE * PNG_SCALE)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for predicted, observed, _ in BINS:
        assert _pixel_at(image, predicted, observed) == (0x25, 0x63, 0xEB)
    # Far from every bin and from the diagonal: the white background.
    assert _pixel_at(image, 0.15, 0.9) == (255, 255, 255)
