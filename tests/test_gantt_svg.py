"""The SVG and HTML Gantt renderers: golden files, well-formed and escaped XML,
accessibility, tooltips, and readability at 5 and 500 events (geometry checks; the
screenshots are in test_gantt_render.py)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import Event, Place, Source, Timeline
from mitimeline.gantt import style
from mitimeline.gantt import svg as svg_module
from mitimeline.gantt.chart import chart_layout
from mitimeline.gantt.html import render_html
from mitimeline.gantt.options import ChartOptions
from mitimeline.gantt.svg import render_svg
from mitimeline.gantt.text import ELLIPSIS, text_width
from mitimeline.gantt.text import printable_line as one_line
from mitimeline.testing import timelines, update_golden
from test_gantt_support import ROOT, hostile_timelines, production

GOLDEN = ROOT / "tests" / "golden" / "gantt"
UPDATE = update_golden()
SVG = "{http://www.w3.org/2000/svg}"


def features() -> Timeline:
    """A small timeline that uses every drawing feature, with awkward text."""
    return Timeline("Features: <all> & \"quoted\"", [
        Event(id="hiatus", title="Hiatus", when="/2020-09-06", kind="hiatus"),
        Event(id="day", title="Exact day", when="2020-09-08", kind="shoot",
              place=Place("Oslo", country="NO"), sources=["s1"]),
        Event(id="month", title="Some day in September", when="2020-09", kind="stunt"),
        Event(id="approx", title="About a week", when="2020-09-14~/2020-09-20~", kind="shoot"),
        Event(id="uncertain", title="Maybe the move", when="2020-09-25?", kind="move"),
        Event(id="open", title="Ongoing edit", when="2020-09-28/..", kind="other"),
        Event(id="instant", title="Call time", when="2020-09-10T07:30:00Z", kind="shoot"),
        Event(id="release", title="Release (some day in October)", when="2020-10",
              kind="release"),
        Event(id="script", title="<script>alert(1)</script>", when="2020-09-15",
              kind="announcement"),
        Event(id="days", title="Second unit: shoot days",
              when="{2020-09-11..2020-09-12,2020-09-16}",
              kind="shoot"),
        Event(id="either", title="Rehearsal (one of two windows)",
              when="[2020-09-02..2020-09-04,2020-09-17..2020-09-18]", kind="stunt"),
    ], sources=[Source("s1", 'A report: "on" the <stunt>', publisher="Outlet",
                       url="https://e.example/?a=1&b=2")])


def with_context() -> Timeline:
    """The features, and an earlier film's finale as context: dated long before them."""
    return features().add(Event(id="earlier-film", title="Earlier film's finale (context)",
                                when="../2018", kind="other", tags=["context"]))


def mi7() -> Timeline:
    return mitimeline.load(ROOT / "seeds" / "mi7-example.json")


CASES = {
    "mi7": (mi7, {}),
    "features": (features, {"today": date(2020, 9, 12)}),
    "features-by-person-section-colours": (features, {"group_by": "place",
                                                      "color_by": "section", "width": 700}),
    "context-clipped": (with_context, {"end": "2020-09-20"}),
}


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}; run with MITIMELINE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, run with MITIMELINE_UPDATE_GOLDEN=1 and review the diff")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_golden_files(case: str, fmt: str) -> None:
    make, options = CASES[case]
    text = make().dumps(fmt, **options)
    assert isinstance(text, str)
    assert text == make().dumps(fmt, **options)  # same input, same bytes
    golden(f"{case}.{fmt}", text)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def row_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}title") is not None]


def test_svg_is_accessible() -> None:
    tl = features()
    root = parse(tl.dumps("svg"))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    title, desc = root[0], root[1]
    assert (title.tag, title.get("id"), title.text) == (f"{SVG}title", title_id, tl.title)
    assert (desc.tag, desc.get("id")) == (f"{SVG}desc", desc_id)
    assert desc.text == ('Features: <all> & "quoted": Gantt chart of 11 events in 7 sections '
                         "by kind, from 2020-08-24 to 2020-11-01.")
    assert len(row_groups(root)) == len(tl.events)


def test_all_text_is_escaped() -> None:
    svg = features().dumps("svg")
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    root = parse(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script>" in texts
    hovers = [g.find(f"{SVG}title").text for g in row_groups(root)]  # type: ignore[union-attr]
    assert any("Outlet: A report: \"on\" the <stunt>" in (h or "") for h in hovers)


def test_tooltips_give_title_date_place_and_sources() -> None:
    hovers = {h.splitlines()[0]: h for h in (
        g.find(f"{SVG}title").text or "" for g in row_groups(parse(features().dumps("svg"))))}
    assert hovers["Exact day"].splitlines() == [
        "Exact day", "8 September 2020 — 2020-09-08", "shoot · confirmed · Oslo, NO",
        'Sources: Outlet: A report: "on" the <stunt>']
    assert "unknown to 6 September 2020 — /2020-09-06" in hovers["Hiatus"]


def test_long_titles_are_shortened_with_the_full_text_on_hover() -> None:
    title = "An extremely long title " * 8
    tl = Timeline("t", [Event(id="a", title=title, when="2020-09-06"),
                        Event(id="b", title="Short", when="2020-09-08")])
    root = parse(tl.dumps("svg", width=800))
    group = row_groups(root)[0]
    label = next(t.text for t in group.iter(f"{SVG}text"))
    assert label is not None and label.endswith(ELLIPSIS) and len(label) < len(title) / 2
    assert one_line(title).startswith(label[:-1])
    assert group.find(f"{SVG}title").text.splitlines()[0] == one_line(title)  # type: ignore


def test_fuzzy_bounds_look_different_from_certain_ones() -> None:
    root = parse(features().dumps("svg"))
    by_title = {g.find(f"{SVG}title").text.splitlines()[0]: g  # type: ignore[union-attr]
                for g in row_groups(root)}

    def marks(title: str) -> list[dict[str, str]]:
        return [dict(e.attrib, tag=e.tag[len(SVG):]) for e in by_title[title]
                if e.tag in (f"{SVG}rect", f"{SVG}polygon", f"{SVG}text")][2:]

    exact = marks("Exact day")
    assert [m["tag"] for m in exact] == ["rect"] and "fill-opacity" not in exact[0]
    month = marks("Some day in September")
    assert [m["tag"] for m in month] == ["rect"] and month[0]["fill-opacity"] == "0.3"
    hiatus = marks("Hiatus")  # faded before its end, solid on it, cut at the chart's start
    assert [m["tag"] for m in hiatus] == ["rect", "rect", "polygon"]
    assert hiatus[0]["fill-opacity"] == "0.3" and "fill-opacity" not in hiatus[1]
    approx = marks("About a week")
    assert approx[-1] == {"tag": "text", "x": approx[-1]["x"], "y": approx[-1]["y"],
                          "font-weight": "bold", "fill": "#0072B2"}
    release = marks("Release (some day in October)")  # a hollow diamond over its month
    assert [m["tag"] for m in release] == ["rect", "polygon"]
    assert release[1]["fill"] == "#FFFFFF"
    instant = marks("Call time")  # a solid diamond
    assert [m["tag"] for m in instant] == ["polygon"] and instant[0]["fill"] == "#0072B2"


def note_lines(root: ET.Element) -> list[str]:
    """The lines of the clip note: small muted text outside the rows and the legend."""
    return [t.text or "" for t in root.findall(f"{SVG}text")
            if t.get("fill") == style.MUTED and t.get("font-size") == str(svg_module.SMALL)
            and t.get("text-anchor") is None]


def test_the_chart_says_what_it_clipped() -> None:
    root = parse(with_context().dumps("svg", end="2020-09-20"))
    note = ("Clipped at the chart's edges: Earlier film's finale (context) (until 2018); "
            "Some day in September (September 2020).")
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None and desc.text.endswith(f"2020-09-20. {note}")
    assert note_lines(root) == [note]
    narrow = note_lines(parse(with_context().dumps("svg", end="2020-09-20", width=400)))
    assert len(narrow) == 2 and " ".join(narrow).startswith("Clipped at the chart's edges:")
    assert all(text_width(line, svg_module.SMALL) <= 400 - 2 * svg_module.PAD
               for line in narrow)
    assert note_lines(parse(features().dumps("svg"))) == []


def test_today_line() -> None:
    def lines(**options: object) -> list[ET.Element]:
        root = parse(features().dumps("svg", **options))
        return [e for e in root.iter(f"{SVG}line") if e.get("stroke") == "#C1121F"]

    assert len(lines(today=date(2020, 9, 12))) == 2  # the line and its legend symbol
    assert lines(today=date(2031, 1, 1)) == [] and lines() == []


@settings(max_examples=40, deadline=None)
@given(timelines(max_events=5).filter(len), st.sampled_from(["kind", "person", "place"]),
       st.sampled_from(["date", "title", "input"]))
def test_any_timeline_gives_well_formed_svg(tl: Timeline, group_by: str, sort: str) -> None:
    svg = render_svg(chart_layout(tl, ChartOptions(group_by=group_by, sort=sort)))
    root = parse(svg)
    assert len(row_groups(root)) >= len(tl)


@settings(max_examples=40, deadline=None)
@given(hostile_timelines())
def test_hostile_text_is_drawn_as_written(tl: Timeline) -> None:
    root = parse(tl.dumps("svg", group_by="place", width=2000))
    hovers = [(g.find(f"{SVG}title").text or "").splitlines()[0]  # type: ignore[union-attr]
              for g in row_groups(root)]
    assert sorted(hovers) == sorted(one_line(e.title) for e in tl)
    labels = {t.text for t in root.iter(f"{SVG}text")}
    for event in tl:
        title = one_line(event.title)
        assert title in labels or any(
            label and label.endswith(ELLIPSIS) and title.startswith(label[:-1])
            for label in labels)


def test_ids_are_deterministic_and_differ_between_charts() -> None:
    first, second = mi7().dumps("svg"), features().dumps("svg")
    ids = [re.search(r'id="(mtl-[0-9a-f]+)-title"', s).group(1) for s in (first, second)]  # type: ignore[union-attr]
    assert ids[0] != ids[1]
    assert mi7().dumps("svg") == first


def geometry(svg: str) -> tuple[ET.Element, list[tuple[float, str]], list[tuple[float, str]]]:
    """The root, the row labels (y, text) and the top tick labels (x, text)."""
    root = parse(svg)
    labels = []
    for group in row_groups(root):
        text = group.find(f"{SVG}text")
        assert text is not None and text.text is not None
        labels.append((float(text.get("y", 0)), text.text))
    ticks = [(float(t.get("x", 0)), t.text or "") for t in root.iter(f"{SVG}text")
             if t.get("text-anchor") == "middle"]
    return root, labels, ticks


@pytest.mark.parametrize("size", [5, 500])
def test_readable_at_5_and_500_events(size: int) -> None:
    tl = production(size)
    options = ChartOptions(group_by="place")
    layout = chart_layout(tl, options)
    svg = render_svg(layout, options.width)
    root, labels, tick_labels = geometry(svg)
    assert len(labels) == size
    # one row per event, in order, never closer than a row height: no overlapping labels
    ys = [y for y, _ in labels]
    assert all(b - a >= svg_module.ROW_HEIGHT for a, b in itertools.pairwise(ys))
    assert float(root.get("height", 0)) >= size * svg_module.ROW_HEIGHT
    # labels fit the label column; tick labels do not touch each other
    gutter = svg_module._Geometry(layout, options.width).gutter
    assert all(text_width(text, svg_module.FONT) <= gutter for _, text in labels)
    top = tick_labels[:len(layout.ticks)]
    assert len(top) == len(layout.ticks) >= 2
    for (x1, a), (x2, b) in itertools.pairwise(top):
        assert x2 - x1 >= (text_width(a, svg_module.SMALL) + text_width(b, svg_module.SMALL)) / 2
    # big charts repeat the axis below the rows
    assert len(tick_labels) == len(layout.ticks) * (2 if size > 25 else 1)


def test_width_option() -> None:
    root = parse(mi7().dumps("svg", width=600))
    assert root.get("width") == "600" and root.get("viewBox", "").startswith("0 0 600 ")


def test_html_page_wraps_the_svg() -> None:
    tl = features()
    layout = chart_layout(tl, ChartOptions())
    page = render_html(layout)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in page
    assert "<title>Features: &lt;all&gt; &amp; &quot;quoted&quot;</title>" in page
    assert render_svg(layout) in page
    assert "<script" not in page
    assert "svg{max-width:100%;height:auto}" in page  # the page scales the chart, not the SVG


def test_the_svg_has_a_fixed_size_and_no_style() -> None:
    """No inline style: CairoSVG reads ``height:auto`` as a height of 0 and draws nothing
    (test_gantt_converters.py renders the SVG through CairoSVG and rsvg-convert)."""
    root = parse(mi7().dumps("svg", width=700))
    assert "style" not in root.attrib
    assert root.get("width") == "700" and root.get("height", "").isdigit()


def test_exporters_write_files(tmp_path: Path) -> None:
    tl = mi7()
    for name in ("chart.svg", "chart.html", "chart.mmd"):
        tl.export(tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8") == tl.dumps(
            name.rsplit(".", 1)[1].replace("mmd", "mermaid"))


def test_milestone_sets_have_a_diamond_per_piece() -> None:
    """A release on one of two days: two hollow diamonds (neither day is certain); an
    announcement on each of two days: two solid diamonds, nothing faded."""
    tl = Timeline("Sets", [
        Event(id="release", title="Release", when="[2021-11-18,2021-11-26]", kind="release"),
        Event(id="posts", title="Posts", when="{2021-11-20,2021-11-22}", kind="announcement")])
    groups = {(g.find(f"{SVG}title").text or "").split("\n")[0]: g
              for g in row_groups(parse(tl.dumps("svg")))}
    diamonds = {name: [p.get("fill") for p in group.iter(f"{SVG}polygon")]
                for name, group in groups.items()}
    assert diamonds == {"Release": ["#FFFFFF", "#FFFFFF"],
                        "Posts": [style.KIND_COLORS["announcement"]] * 2}
    assert not [rect for rect in groups["Posts"].iter(f"{SVG}rect")
                if rect.get("fill-opacity") == str(style.FADED_OPACITY)]
