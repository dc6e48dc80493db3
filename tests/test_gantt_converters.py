"""The SVG chart through the converters people turn SVGs into PNG and PDF with: CairoSVG
(in the ``test`` extra) and rsvg-convert (librsvg, installed by .ci/setup-svg-converters.sh;
these tests skip without it, which fails the run when CI is set).

Each rendering must have the SVG's own size, must not be blank, and must show every bar,
diamond and legend swatch where the SVG puts it, in its colour: the pixel at the middle of
a solid bar is the bar's colour, a faded stretch is that colour faded, and the pixel just
above a bar (between rows) is not the bar's colour.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import cairosvg
import numpy
import pytest

from mitimeline import Timeline
from mitimeline.gantt.style import FADED_OPACITY, KIND_COLORS
from test_gantt_render import check_set_pieces, faded, non_white, rgb
from test_gantt_support import production
from test_gantt_svg import features, mi7, with_context

SVG = "{http://www.w3.org/2000/svg}"
SETUP = ".ci/setup-svg-converters.sh"
Converter = Callable[[Path, Path], None]


def cairo(svg: Path, png: Path) -> None:
    cairosvg.svg2png(url=str(svg), write_to=str(png))


def rsvg(svg: Path, png: Path) -> None:
    program = shutil.which("rsvg-convert")
    if program is None:
        pytest.skip(f"rsvg-convert is not installed (librsvg2-bin): run {SETUP}")
    subprocess.run([program, "--format", "png", "--output", str(png), str(svg)], check=True,
                   timeout=120)


CONVERTERS: dict[str, Converter] = {"cairosvg": cairo, "rsvg-convert": rsvg}

CHARTS: dict[str, tuple[Callable[[], Timeline], dict[str, Any]]] = {
    "example": (mi7, {}),
    "features": (features, {"today": date(2020, 9, 12)}),
    "30-events-by-place": (lambda: production(30), {"group_by": "place", "width": 800}),
    "context-clipped": (with_context, {"end": "2020-09-20"}),
}


def pixels(png: Path) -> Any:
    """The PNG's pixels as RGB 0-255, laid over white as a viewer shows them (a transparent
    pixel is white, so a blank rendering reads as blank)."""
    from matplotlib.image import imread  # the test extra's matplotlib reads PNG

    image = imread(png)
    if image.shape[-1] == 4:
        alpha = image[..., 3:]
        image = image[..., :3] * alpha + (1 - alpha)
    return (image[..., :3] * 255).round().astype(int)


def render(converter: str, chart: str, folder: Path) -> tuple[ET.Element, Any]:
    """The chart's SVG (parsed) and the PNG ``converter`` made of it (RGB, 0-255)."""
    make, options = CHARTS[chart]
    svg = folder / f"{chart}.svg"
    make().export(svg, **options)
    png = folder / f"{chart}.{converter}.png"
    CONVERTERS[converter](svg, png)
    return ET.parse(svg).getroot(), pixels(png)


def at(image: Any, x: float, y: float) -> tuple[int, ...]:
    return tuple(int(value) for value in image[int(y), int(x)])


def near(pixel: tuple[int, ...], color: tuple[float, ...], tolerance: int) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, color, strict=True))


def solid_rects(root: ET.Element) -> list[tuple[float, float, float, float, str]]:
    """(x, y, width, height, colour) of every rect filled with a kind's colour, opaque."""
    colours = set(KIND_COLORS.values())
    found = []
    for rect in root.iter(f"{SVG}rect"):
        colour = rect.get("fill", "")
        if colour in colours and rect.get("fill-opacity") is None:
            found.append((float(rect.get("x", 0)), float(rect.get("y", 0)),
                          float(rect.get("width", 0)), float(rect.get("height", 0)), colour))
    return found


def faded_rects(root: ET.Element) -> list[tuple[float, float, float, float, str]]:
    colours = set(KIND_COLORS.values())
    return [(float(rect.get("x", 0)), float(rect.get("y", 0)), float(rect.get("width", 0)),
             float(rect.get("height", 0)), rect.get("fill", ""))
            for rect in root.iter(f"{SVG}rect")
            if rect.get("fill", "") in colours
            and rect.get("fill-opacity") == str(FADED_OPACITY)]


@pytest.mark.parametrize("chart", sorted(CHARTS))
@pytest.mark.parametrize("converter", sorted(CONVERTERS))
def test_the_converters_draw_the_chart_at_its_size(converter: str, chart: str,
                                                  tmp_path: Path) -> None:
    root, image = render(converter, chart, tmp_path)
    assert image.shape[:2] == (int(root.get("height", 0)), int(root.get("width", 0)))
    assert non_white(image) > 0.02, f"{converter} drew a blank {chart} chart"
    # text is drawn: the title, and the labels in the label column
    title = root.find(f"{SVG}text")
    assert title is not None
    baseline = float(title.get("y", 0))
    assert (image[int(baseline) - 12:int(baseline) + 2, 16:200] < 128).any(), "no title"


@pytest.mark.parametrize("chart", sorted(CHARTS))
@pytest.mark.parametrize("converter", sorted(CONVERTERS))
def test_bars_are_where_the_svg_puts_them(converter: str, chart: str, tmp_path: Path) -> None:
    root, image = render(converter, chart, tmp_path)
    solid = [rect for rect in solid_rects(root) if rect[2] >= 4]
    assert solid, "the chart should have solid bars to check"
    for x, y, width, height, colour in solid:
        middle = at(image, x + width / 2, y + height / 2)
        assert near(middle, rgb(colour), 12), (
            f"{converter}: the {colour} bar at x={x}, y={y} is drawn {middle}")
        above = at(image, x + width / 2, y - 3)
        assert not near(above, rgb(colour), 40), (
            f"{converter}: the {colour} bar at x={x}, y={y} is drawn too high")
    checked = 0
    for x, y, width, _height, colour in faded_rects(root):
        inside = [left for left in range(int(x) + 2, int(x + width) - 2)
                  if not any(sx - 1 <= left <= sx + sw + 1 and abs(sy - y) < 1
                             for sx, sy, sw, _sh, _c in solid_rects(root))]
        if inside:
            pixel = at(image, inside[0], y + 6)  # the left end: a diamond sits mid-way
            assert near(pixel, faded(colour), 16), (
                f"{converter}: the faded {colour} bar at x={x}, y={y} is drawn {pixel}")
            checked += 1
    assert checked or chart == "30-events-by-place", "the chart should have faded bars to check"


@pytest.mark.parametrize("converter", sorted(CONVERTERS))
def test_diamonds_are_drawn(converter: str, tmp_path: Path) -> None:
    root, image = render(converter, "features", tmp_path)
    diamonds = [polygon for polygon in root.iter(f"{SVG}polygon")
                if polygon.get("stroke-width") == "1.5"]
    assert len(diamonds) >= 3
    for polygon in diamonds:
        points = [tuple(map(float, point.split(",")))
                  for point in polygon.get("points", "").split()]
        x = sum(p[0] for p in points) / len(points)
        y = sum(p[1] for p in points) / len(points)
        fill = polygon.get("fill", "")
        expected = rgb(fill) if fill != "#FFFFFF" else (255, 255, 255)
        assert near(at(image, x, y), expected, 12), (converter, polygon.attrib)
        assert near(at(image, x, y - 6), rgb(polygon.get("stroke", "")), 60), (
            f"{converter}: no outline at the diamond's top", polygon.attrib)


@pytest.mark.parametrize("converter", sorted(CONVERTERS))
def test_sets_are_drawn_in_pieces(converter: str, tmp_path: Path) -> None:
    """Multiple dates as solid runs, one of a set as faded alternatives, a gap between."""
    svg = tmp_path / "features.svg"
    features().export(svg)
    png = tmp_path / f"features.{converter}.png"
    CONVERTERS[converter](svg, png)
    check_set_pieces(svg.read_text(encoding="utf-8"), pixels(png))


def test_the_converters_agree(tmp_path: Path) -> None:
    """CairoSVG and librsvg draw the same chart: they differ only at edges (anti-aliasing,
    fonts), never in a region."""
    first, second = (render(name, "example", tmp_path)[1] for name in sorted(CONVERTERS))
    assert first.shape == second.shape
    different = numpy.any(numpy.abs(first - second) > 60, axis=-1)
    assert different.mean() < 0.03
