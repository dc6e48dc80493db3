"""Gantt output checked by real renderers: Mermaid 11 and headless Chromium (installed by
.ci/setup-renderers.sh; these tests skip without them, or fail when CI is set).

- The Mermaid text is rendered by Mermaid itself: it must not report an error, every event's
  full title must appear in the drawing (this catches Mermaid's silent truncation at ``:``),
  and the tasks must carry our colours.
- The SVG and HTML charts are screenshotted; the screenshots must show the chart (not a
  blank page) with bars in the kinds' colours. Their paths are printed to the test log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
import pytest
from hypothesis import HealthCheck, given, settings

from mitimeline import Event, Place, Timeline
from mitimeline.gantt.chart import chart_layout
from mitimeline.gantt.layout import Layout
from mitimeline.gantt.mermaid import KEYWORDS, label
from mitimeline.gantt.options import ChartOptions, GanttOptions
from mitimeline.gantt.style import FADED_OPACITY, KIND_COLORS
from mitimeline.gantt.text import printable_line as one_line
from test_gantt_support import (
    Renderer,
    hostile_timelines,
    production,
    renderers,
    screenshot_dir,
    show,
)
from test_gantt_svg import features, mi7, with_context

__all__ = ["renderers", "screenshot_dir"]  # fixtures used here


def rgb(color: str) -> tuple[int, int, int]:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def pixels(path: Path) -> numpy.ndarray[Any, Any]:
    from matplotlib.image import imread

    image = imread(path)
    return (image[..., :3] * 255).round().astype(int)  # type: ignore[no-any-return]


def count(image: numpy.ndarray[Any, Any], color: tuple[float, float, float],
          tolerance: int = 10) -> int:
    return int(numpy.all(numpy.abs(image - numpy.array(color)) <= tolerance, axis=-1).sum())


def faded(color: str) -> tuple[float, ...]:
    return tuple(c * FADED_OPACITY + 255 * (1 - FADED_OPACITY) for c in rgb(color))


def non_white(image: numpy.ndarray[Any, Any]) -> float:
    return float(numpy.any(image < 235, axis=-1).mean())


# -- Mermaid --------------------------------------------------------------------------------


def check_mermaid(renderer: Renderer, tl: Timeline, options: dict[str, Any],
                  png: Path | None = None) -> dict[str, Any]:
    """Render ``tl``'s Mermaid export and check titles, sections and colours."""
    code = tl.dumps("mermaid", **options)
    assert isinstance(code, str)
    reply = renderer.mermaid(code, png)
    assert "error" not in reply, f"Mermaid rejected the diagram: {reply['error']}\n{code}"
    texts = [text.strip() for text in reply["texts"]]
    layout = chart_layout(tl, GanttOptions(**options))
    for event in {row.event for row in layout.rows()}:
        title = one_line(event.title)
        assert any(text.startswith(title) for text in texts), (
            f"title {title!r} is not drawn in full; Mermaid drew {texts}")
    for row in layout.rows():
        assert label(row) in texts
    for section in layout.sections:
        assert section.label in texts or not section.label
    if layout.title:
        assert layout.title in texts
    check_colours(reply["tasks"], layout)
    return reply


def check_colours(tasks: list[dict[str, str]], layout: Layout) -> None:
    by_id = {task["id"].rsplit("-", 1)[1]: task for task in tasks}
    for number, row in enumerate(layout.rows(), start=1):
        task = by_id[f"ev{number}"]
        red, green, blue = rgb(row.color)
        assert task["fill"] == f"rgb({red}, {green}, {blue})", (row.label, task)
        assert float(task["opacity"]) == (1 if row.certain else FADED_OPACITY), (row.label, task)


def test_mermaid_draws_the_example(renderers: Renderer, screenshot_dir: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    png = screenshot_dir / "mi7-mermaid.png"
    check_mermaid(renderers, mi7(), {}, png)
    show(capsys, "Mermaid screenshot of the example timeline", png)
    image = pixels(png)
    assert non_white(image) > 0.02
    assert count(image, rgb(KIND_COLORS["release"])) > 50  # the two release diamonds
    assert count(image, rgb(KIND_COLORS["shoot"])) > 10


@pytest.mark.parametrize("options", [
    {"group_by": "person", "color_by": "section"},
    {"group_by": "country", "end": "2020-10", "today": "2020-09-20"},
    {"group_by": "none", "sort": "title", "kinds": ["stunt", "shoot"]},
])
def test_mermaid_draws_every_option(renderers: Renderer, options: dict[str, Any]) -> None:
    check_mermaid(renderers, mi7(), options)
    check_mermaid(renderers, features(), options)


def test_mermaid_draws_clipped_and_context_events(renderers: Renderer) -> None:
    """A context event wholly before the chart is a zero-length task at its start."""
    check_mermaid(renderers, with_context(), {})
    check_mermaid(renderers, with_context(), {"end": "2020-09-20"})


def test_mermaid_draws_titles_that_begin_like_its_keywords(renderers: Renderer) -> None:
    titles = [f"{keyword} {i}: x" for i, keyword in enumerate(KEYWORDS)]
    titles += ["2020-09-06 first day", "Title sequence", "Section 5", "%% not a comment",
               "5% of the budget", "#58; literal", "Straße ¶ß ﬂ°°58¶ß", "a ; b # c",
               "<img src=x onerror=alert(1)>"]
    tl = Timeline("Keywords", [Event(id=f"e{i}", title=title, when=f"2020-09-{i % 28 + 1:02d}",
                                     place=Place(title))
                               for i, title in enumerate(titles)])
    check_mermaid(renderers, tl, {"group_by": "place"})


def test_mermaid_draws_every_hostile_string(renderers: Renderer) -> None:
    from test_hostile_strings import HOSTILE

    titles = [text for text in HOSTILE.values() if len(text) < 1000]
    tl = Timeline("Hostile", [Event(id=f"e{i}", title=title, when=f"2020-09-{i % 28 + 1:02d}",
                                    place=Place(title))
                              for i, title in enumerate(titles)])
    check_mermaid(renderers, tl, {"group_by": "place"})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=hostile_timelines())
def test_mermaid_draws_hostile_titles_as_written(renderers: Renderer, tl: Timeline) -> None:
    check_mermaid(renderers, tl, {"group_by": "person"})


def test_the_harness_sees_mermaid_errors(renderers: Renderer) -> None:
    reply = renderers.mermaid("gantt\n    dateFormat YYYY-MM-DD\n    Bad : 2020-13-45, 1d\n")
    assert "Invalid date" in reply.get("error", "")


# -- SVG and HTML in Chromium ----------------------------------------------------------------


def screenshot(renderer: Renderer, path: Path, width: int) -> numpy.ndarray[Any, Any]:
    png = path.with_suffix(path.suffix + ".png")
    reply = renderer.screenshot(path, png, width)
    assert reply["errors"] == [], reply["errors"]
    return pixels(png)


@pytest.mark.parametrize(("name", "make"), [
    ("example", mi7), ("features", features), ("5-events", lambda: production(5)),
    ("500-events", lambda: production(500)), ("context", with_context),
])
def test_svg_screenshots_show_bars(renderers: Renderer, screenshot_dir: Path,
                                   capsys: pytest.CaptureFixture[str], name: str,
                                   make: Any) -> None:
    tl = make()
    options = ChartOptions(group_by="place", today="2020-09-12")
    path = screenshot_dir / f"{name}.svg"
    tl.export(path, group_by="place", today="2020-09-12")
    image = screenshot(renderers, path, options.width)
    show(capsys, f"SVG screenshot ({name})", path.with_suffix(".svg.png"))
    layout = chart_layout(tl, options)
    root_height = int(path.read_text(encoding="utf-8").split('height="', 1)[1].split('"')[0])
    assert image.shape[:2] == (root_height, options.width)
    assert non_white(image) > 0.02
    pieces = [(row.color, piece) for row in layout.rows() if not row.milestone
              for piece in row.pieces]
    drawn = {color for color, piece in pieces if piece.core}
    for color in drawn:
        assert count(image, rgb(color)) >= 8, f"no solid {color} bar in the screenshot"
    fuzzy = {color for color, piece in pieces if piece.core is None}
    for color in fuzzy:
        assert count(image, faded(color), tolerance=14) >= 8, f"no faded {color} bar"


SET_ROWS = {"Second unit: shoot days": "multiple", "Rehearsal (one of two windows)": "one of"}
"""The rows of ``features()`` whose dates are sets, and which kind of set."""


def check_set_pieces(svg: str, image: numpy.ndarray[Any, Any]) -> None:
    """In the image of the ``features()`` chart ``svg``: the multiple-dates row is two solid
    bars, the one-of row two faded ones, each where the SVG puts it, with the row's
    background between them (not a bar over the hull)."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    seen = set()
    for group in ET.fromstring(svg).iter(f"{ns}g"):
        title = group.find(f"{ns}title")
        label = (title.text or "").split("\n")[0] if title is not None else ""
        if label not in SET_ROWS:
            continue
        seen.add(label)
        kind = "shoot" if SET_ROWS[label] == "multiple" else "stunt"
        pieces = [rect for rect in group.iter(f"{ns}rect")
                  if rect.get("fill") == KIND_COLORS[kind]]
        assert len(pieces) == 2, (label, [rect.attrib for rect in pieces])
        expected = rgb(KIND_COLORS[kind]) if SET_ROWS[label] == "multiple" else faded(
            KIND_COLORS[kind])
        assert all((rect.get("fill-opacity") is None) == (SET_ROWS[label] == "multiple")
                   for rect in pieces)
        boxes = sorted((float(r.get("x", 0)), float(r.get("y", 0)), float(r.get("width", 0)),
                        float(r.get("height", 0))) for r in pieces)
        for x, y, width, height in boxes:
            pixel = image[int(y + height / 2), int(x + width / 2)]
            assert numpy.all(numpy.abs(pixel - numpy.array(expected)) <= 16), (label, pixel)
        (x0, y0, w0, h0), (x1, _, _, _) = boxes
        gap = image[int(y0 + h0 / 2), int((x0 + w0 + x1) / 2)]
        assert numpy.all(gap > 235), f"{label}: the gap between its pieces is drawn {gap}"
    assert seen == set(SET_ROWS)


def test_sets_are_drawn_in_pieces(renderers: Renderer, screenshot_dir: Path) -> None:
    """Chromium draws a multiple-dates row as solid runs and a one-of row as faded
    alternatives; Mermaid draws each as one faded task saying so in its label."""
    path = screenshot_dir / "features-sets.svg"
    features().export(path)
    check_set_pieces(path.read_text(encoding="utf-8"), screenshot(renderers, path, 1000))
    reply = check_mermaid(renderers, features(), {})
    texts = [text.strip() for text in reply["texts"]]
    assert "Second unit: shoot days (on 2 separate runs of days)" in texts
    assert "Rehearsal (one of two windows) (one of 2 alternatives)" in texts
    layout = chart_layout(features(), GanttOptions())
    numbers = [number for number, row in enumerate(layout.rows(), start=1)
               if row.label in SET_ROWS]
    by_id = {task["id"].rsplit("-", 1)[1]: task for task in reply["tasks"]}
    assert len(numbers) == 2
    assert all(float(by_id[f"ev{number}"]["opacity"]) == FADED_OPACITY for number in numbers)


def test_html_page_and_hostile_svg_run_no_script(renderers: Renderer, screenshot_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    tl = Timeline("<script>alert('title')</script>", [
        Event(id="a", title="<script>alert(1)</script>", when="2020-09-06", kind="stunt"),
        Event(id="b", title="<img src=x onerror=alert(2)>", when="2020-09-08", kind="shoot"),
        Event(id="c", title="]]><script>alert(3)</script>", when="2020-09-09", kind="move",
              place=Place("<svg onload=alert(4)>")),
    ])
    for suffix in (".html", ".svg"):
        path = screenshot_dir / f"hostile{suffix}"
        tl.export(path)
        image = screenshot(renderers, path, 1000)  # fails on any dialog or page error
        assert non_white(image) > 0.01
        show(capsys, f"{suffix[1:].upper()} screenshot (hostile text)",
             path.with_suffix(suffix + ".png"))
