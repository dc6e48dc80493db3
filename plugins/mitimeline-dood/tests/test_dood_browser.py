"""The HTML day-out-of-days in headless Chromium: the table the browser builds parses back
to the grid, hostile text stays text, the header row sticks while the page scrolls, the
screenshot shows a coloured table, and printing gives landscape pages."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from mitimeline import Event, Timeline
from PIL import Image

from dood_browser import chromium, require_chromium
from dood_fixtures import EDGE, FORTY_DAY, HOSTILE, HOSTILE_NAME, LA
from dood_html import read_html
from mitimeline_dood import day_out_of_days
from mitimeline_dood.layout import FILLS, person_row

PROBE = """<script>
const head = document.querySelector("table.dood thead");
window.scrollTo(0, 1500);
document.body.setAttribute("data-probe", JSON.stringify({
  position: getComputedStyle(head).position,
  scrollY: window.scrollY,
  headTop: head.getBoundingClientRect().top,
  firstRowTop: document.querySelector("table.dood tbody tr").getBoundingClientRect().top,
}));
</script>
</body>"""
"""Test-only: scroll the page and record where the header row is (the export has no script)."""


def crowd() -> Timeline:
    """Sixty people over a month: a page taller and wider than the window."""
    start = date(2024, 6, 2)
    events = [Event(id=f"day-{n}", title=f"Day {n}", kind="shoot", place=LA,
                    when=start + timedelta(days=n),
                    people=[f"Person {p:02d}" for p in range(60) if (n + p) % 3])
              for n in range(30)]
    return Timeline(title="Crowd", events=events)


CASES = {"forty-day": FORTY_DAY, "edge": EDGE, "hostile": HOSTILE, "crowd": crowd()}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_chromium()
    folder = tmp_path_factory.mktemp("dood-html")
    written = {}
    for name, timeline in CASES.items():
        written[name] = folder / f"{name}.dood.html"
        timeline.export(written[name])
    return written


@pytest.mark.parametrize("name", CASES)
def test_the_browser_builds_the_table_of_the_grid(pages: dict[str, Path], name: str,
                                                  tmp_path: Path) -> None:
    dom = chromium(pages[name], tmp_path / "profile", "--dump-dom")
    grid = day_out_of_days(CASES[name])
    tables = read_html(dom).tables
    assert tables["dood"][5:5 + len(grid.rows)] == [person_row(row) for row in grid.rows]
    assert "<script" not in dom
    if name == "hostile":
        assert tables["dood"][5][0] == HOSTILE_NAME
        assert tables["unplaceable"][1][1] == "-2+3 & <u>later</u>"


def test_the_header_row_stays_in_view_while_scrolling(pages: dict[str, Path],
                                                      tmp_path: Path) -> None:
    probe = tmp_path / "probe.html"
    probe.write_text(pages["crowd"].read_text(encoding="utf-8").replace("</body>", PROBE),
                     encoding="utf-8")
    dom = chromium(probe, tmp_path / "profile", "--window-size=1200,700", "--dump-dom")
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, dom[:500]
    result = json.loads(html.unescape(found.group(1)))
    assert result["position"] == "sticky"
    assert result["scrollY"] > 0
    assert abs(result["headTop"]) < 1  # stuck to the top of the window
    assert result["firstRowTop"] < 0  # while the rows have scrolled past it


def test_the_screenshot_shows_a_coloured_table(pages: dict[str, Path], tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(pages["forty-day"], tmp_path / "profile", "--window-size=1400,900",
             f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (1400, 900)
    counts = {colour: count for count, colour in image.getcolors(maxcolors=1400 * 900)}
    assert counts.get((255, 255, 255), 0) < 0.97 * 1400 * 900  # not blank
    for code in ("SW", "/"):  # start and holiday cells are drawn in their colours
        fill = tuple(int(FILLS[code][i:i + 2], 16) for i in (0, 2, 4))
        assert counts.get(fill, 0) > 50, code


def test_printing_gives_landscape_pages(pages: dict[str, Path], tmp_path: Path) -> None:
    pdf = tmp_path / "dood.pdf"
    chromium(pages["forty-day"], tmp_path / "profile", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert boxes
    assert all(float(width) > float(height) for width, height in boxes)
