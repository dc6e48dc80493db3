"""The Mermaid exporter, read as text: structure, escaping rules, golden files. Rendering by
real Mermaid is in test_gantt_render.py."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings

from mitimeline import Event, ExportError, Timeline
from mitimeline.gantt.chart import chart_layout
from mitimeline.gantt.mermaid import ESCAPED, KEYWORDS, escape, render_mermaid
from mitimeline.gantt.options import GanttOptions
from mitimeline.gantt.text import printable_line as one_line
from mitimeline.testing import timelines
from test_gantt_support import hostile_text, hostile_timelines
from test_gantt_svg import CASES, features, golden, mi7, with_context

TASK = re.compile(r"    (?P<title>[^:\n]+) : (?P<data>[^#\n;]+)$")


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_files(case: str) -> None:
    make, options = CASES[case]
    options = {key: value for key, value in options.items() if key != "width"}
    text = make().dumps("mermaid", **options)
    assert text == make().dumps("mermaid", **options)
    golden(f"{case}.mmd", text)


def test_diagram_structure() -> None:
    lines = mi7().dumps("mermaid").splitlines()
    assert lines[0].startswith("%%{init: {\"themeCSS\": ") and lines[0].endswith("}}%%")
    assert lines[1:9] == [
        "gantt",
        "    title Mission#58; Impossible 7 — the 2020 restart (example)",
        "    accTitle: Mission#58; Impossible 7 — the 2020 restart (example)",
        "    accDescr: Mission#58; Impossible 7 — the 2020 restart (example)#58; Gantt chart of "
        "7 events in 5 sections by kind, from 2020-07-01 to 2021-12-31.",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %b %Y",
        "    tickInterval 3month",
        "    todayMarker off",
    ]
    assert "    section Stunt" in lines
    assert ("    Stunt#58; fight on the roof of a moving train (approx.) : ev3, 2020-10-01, "
            "2020-10-11") in lines
    assert "    Planned US release : milestone, ev7, 2021-11-19, 2021-11-20" in lines


def test_the_diagram_says_what_it_clipped() -> None:
    lines = with_context().dumps("mermaid", end="2020-09-20").splitlines()
    (described,) = [line for line in lines if line.startswith("    accDescr: ")]
    assert described.endswith("2020-09-20. Clipped at the chart#39;s edges#58; Earlier film#39;s "
                              "finale (context) (until 2018)#59; Some day in September "
                              "(September 2020).".replace("#39;", "'"))
    assert ("    Earlier film's finale (context) (open start, before the chart) : ev1, "
            "2020-08-31, 2020-08-31") in lines
    assert "    Some day in September (clipped) : ev3, 2020-09-01, 2020-09-21" in lines


def test_never_writes_the_constructs_mermaid_gets_wrong() -> None:
    for make, options in CASES.values():
        text = make().dumps("mermaid", **{k: v for k, v in options.items() if k != "width"})
        for forbidden in ("excludes", "inclusiveEndDates", " after ", " until "):
            assert not any(line.strip().startswith(forbidden) or f": {forbidden.strip()}" in line
                           for line in text.splitlines()), forbidden
        for match in TASK.finditer(text):
            data = [part.strip() for part in match.group("data").split(",")]
            assert not any(part.startswith(("after", "until")) for part in data)


def test_every_event_is_one_task_with_explicit_dates_and_a_unique_id() -> None:
    tl = features()
    text = tl.dumps("mermaid", group_by="person")
    tasks = [m for m in (TASK.match(line) for line in text.splitlines()) if m]
    ids = []
    for task in tasks:
        *tags, task_id, start, stop = (part.strip() for part in task.group("data").split(","))
        assert set(tags) <= {"milestone", "vert"}
        assert date.fromisoformat(start) < date.fromisoformat(stop) or "vert" in tags
        ids.append(task_id)
    assert len(ids) == len(set(ids)) == len(tl)


def test_today_marker() -> None:
    assert "todayMarker off" in features().dumps("mermaid")
    on_day = features().dumps("mermaid", today=date(2020, 9, 12))
    assert on_day.splitlines()[-1] == "    today : vert, today, 2020-09-12, 2020-09-12"
    live = features().dumps("mermaid", today=True)  # Mermaid draws today when it renders
    assert "todayMarker" not in live and "vert" not in live


def test_colours_travel_in_theme_css() -> None:
    first = mi7().dumps("mermaid").splitlines()[0]
    css = json.loads(first[len("%%{init: "):-len("}%%")])["themeCSS"]
    assert "[id$=-ev4]{fill:rgb(0,114,178);stroke:rgb(0,114,178)}" in css  # a certain shoot
    assert "[id$=-ev2],[id$=-ev3]{fill:rgb(213,94,0);stroke:rgb(213,94,0);fill-opacity:0.3}" \
        in css  # fuzzy stunts
    assert "#" not in css and "'" not in css  # Mermaid would read them as entities, quotes


# -- escaping -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Stunt: roof jump", "Stunt#58; roof jump"),
    ("Take #3; again", "Take #35;3#59; again"),
    ("100% <real> & done", "100#37; #60;real#62; #38; done"),
    ("Straße ¶ß ﬂ°", "Straße #182;ß #64258;°"),
    ("Title sequence", "#84;itle sequence"),
    ("section 5 rehearsal", "#115;ection 5 rehearsal"),
    ("CLICK track", "#67;LICK track"),
    ("accDescr: x", "#97;ccDescr#58; x"),
    ("2020-09-06 shoot", "#50;020-09-06 shoot"),
    ("Plain text, (with) 'quotes' \"too\"", "Plain text, (with) 'quotes' \"too\""),
])
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@given(hostile_text())
def test_escaped_text_has_no_syntax_left(text: str) -> None:
    escaped = escape(one_line(text))
    unescaped = re.sub(r"#[0-9]+;", "", escaped)
    assert not set(unescaped) & ESCAPED
    # Mermaid turns each #<code>; into a placeholder before lexing: what it then sees must
    # not begin like a statement
    assert not escaped.lower().startswith(KEYWORDS)
    assert not re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", escaped)
    decoded = re.sub(r"#([0-9]+);", lambda m: chr(int(m.group(1))), escaped)
    assert decoded == one_line(text)


@settings(max_examples=50, deadline=None)
@given(hostile_timelines())
def test_hostile_timelines_give_one_task_line_per_event(tl: Timeline) -> None:
    text = tl.dumps("mermaid", group_by="unit")
    lines = text.splitlines()
    tasks = [line for line in lines if TASK.fullmatch(line)]
    assert len(tasks) == len(tl)
    layout = chart_layout(tl, GanttOptions(group_by="unit"))
    # Expected: what Mermaid shows (each #<code>; decoded, independently of escape()) is
    # the row's title, then its notes in brackets.
    assert sorted(re.sub(r"#([0-9]+);", lambda m: chr(int(m.group(1))),
                         t.split(" : ")[0].strip()) for t in tasks) == sorted(
        row.label + (f" ({', '.join(row.notes)})" if row.notes else "")
        for row in layout.rows())
    assert sum(line.startswith("    section ") for line in lines) == len(layout.sections)


@settings(max_examples=40, deadline=None)
@given(timelines(max_events=4).filter(len))
def test_any_timeline_exports_or_says_mermaid_cannot_draw_its_years(tl: Timeline) -> None:
    try:
        text = tl.dumps("mermaid")
    except ExportError as exc:
        assert "Mermaid can only draw dates from 1000-01-01 to 9999-12-30" in str(exc)
        return
    assert text.count(" : ") >= len(tl)


def test_years_mermaid_cannot_draw() -> None:
    tl = Timeline("Old", [Event(id="a", title="Founding", when="0950")])
    with pytest.raises(ExportError, match=r"Mermaid can only draw dates .* runs from 0950-01-01"
                                          r" to 0950-12-31; choose a window"):
        tl.dumps("mermaid")
    with pytest.raises(ExportError, match="Mermaid can only draw"):
        render_mermaid(chart_layout(
            Timeline("Far", [Event(id="a", title="x", when="9999-11/9999-12-30")]),
            GanttOptions()))
