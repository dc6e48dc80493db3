"""Our exports in the real TimelineJS 3: headless Chromium, the npm package, no network.

Each page must fire TimelineJS's ``loaded`` event, raise no error, request nothing from the
network, and show every headline (markers and slides), group label, era and title exactly
as the timeline spells them, so HTML-special characters show as text. Needs
``.ci/setup-timelinejs.sh``: without it these tests skip, or fail when ``CI`` is set.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import mitimeline
import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from mitimeline.testing import timelines
from mitimeline.testing.profiles import peer_settings

from mitimeline_timelinejs.html import trim
from timelinejs_browser import make_site, render, require_renderer, shown, write_page

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "seeds" / "mi7-example.json"
DATASET = ROOT / "seeds" / "mi7.json"

HOSTILE = "<b>bold</b> & <script>alert(1)</script> \"q\" 'a' &amp; <!-- x --> </div>"

HOSTILE_TIMELINE = mitimeline.Timeline(
    title=HOSTILE,
    description=f"{HOSTILE}\n\nsecond paragraph",
    sources=[
        mitimeline.Source("s1", "<i>Source</i> & co", publisher="<u>P</u>",
                          url="https://example.org/?a=1&b=<2>\"x\"", published="2020-10~"),
        mitimeline.Source("s2", "javascript link", url="javascript:alert(1)"),
    ],
    events=[
        mitimeline.Event(id="img", title="<img src=x onerror=alert(1)>", when="2020-09~",
                         kind="shoot", unit="<u>unit</u> & co", sources=["s1", "s2", "<id>"],
                         place=mitimeline.Place("<em>Oslo</em>", country="NO")),
        mitimeline.Event(id="chips", title="Fish & Chips </p></h2>", when="2020-09/2020-10-06~",
                         kind="shoot", unit="<u>unit</u> & co", description=HOSTILE),
        mitimeline.Event(id="entity", title="&lt;already escaped&gt; &#x27; &nbsp;",
                         when="2020-23", unit=" \tsecond unit\u3000"),
        mitimeline.Event(id="template", title="{{template}} ${x} `tick` \\ back\\slash",
                         when="../2018"),
        mitimeline.Event(id="unknown", title='"quoted" & <a href="https://x.org">link</a>',
                         when="/2020-09-06", kind="hiatus"),
        mitimeline.Event(id="newlines", title="line one\nline two\r\nthree\ttab",
                         when="2020-10-05T07:30:00Z", kind="stunt"),
    ],
)

SETS_TIMELINE = mitimeline.Timeline("Sets", [
    mitimeline.Event("days", "Shoot days", "{2020-10-01..2020-10-03,2020-10-09}", kind="shoot"),
    mitimeline.Event("either", "June or August", "[2020-06,2020-08]", kind="shoot"),
    mitimeline.Event("wrap", "Wrapped before Christmas", "[..2020-12-24]"),
    mitimeline.Event("release", "Release", "[2021..]", kind="release"),
    mitimeline.Event("window", "Levisham report", "[2020-10..2021-11]"),
    mitimeline.Event("quarter", "Reshoots", "2021-33"),
])
"""EDTF level 2: multiple dates, one-of sets (open ends, a range) and a quarter."""

CASES: dict[str, tuple[mitimeline.Timeline, dict[str, Any]]] = {
    "example": (mitimeline.load(EXAMPLE), {}),
    "sets": (SETS_TIMELINE, {}),
    "example-by-place-unit-eras": (mitimeline.load(EXAMPLE), {"group_by": "place",
                                                               "eras": "units"}),
    "dataset-by-place": (mitimeline.load(DATASET), {"group_by": "place"}),
    "dataset-by-unit-unit-eras": (mitimeline.load(DATASET), {"group_by": "unit",
                                                              "eras": "units"}),
    "hostile-by-unit": (HOSTILE_TIMELINE, {"group_by": "unit"}),
    "hostile-by-place-unit-eras": (HOSTILE_TIMELINE, {"group_by": "place", "eras": "units"}),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_renderer()
    return make_site(tmp_path_factory.mktemp("timelinejs"))


@pytest.fixture(scope="module")
def reports(site: Path) -> dict[str, dict[str, Any]]:
    """Every case rendered in one browser session, by name."""
    pages = [write_page(site, name, export(timeline, options))
             for name, (timeline, options) in CASES.items()]
    return {name: report for name, report in zip(CASES, render(pages), strict=True)}


def export(timeline: mitimeline.Timeline, options: dict[str, Any]) -> str:
    text = timeline.dumps("timelinejs", **options)
    assert isinstance(text, str)
    return text


def group_label(event: mitimeline.Event, group_by: str | None) -> str:
    value = {
        None: None,
        "place": event.place.name if event.place else None,
        "country": event.place.country if event.place else None,
        "unit": event.unit,
        "kind": event.kind,
    }[group_by]
    return trim(value or "")


def check_report(report: dict[str, Any], timeline: mitimeline.Timeline,
                 options: dict[str, Any], document: dict[str, Any]) -> None:
    """Assert that the page loaded cleanly and shows all the timeline's text as written."""
    assert report["loaded"], report["errors"] or report["message"]
    assert report["errors"] == []
    assert report["requests"] == [], "the page must not touch the network"
    titles = Counter(shown(event.title) for event in timeline)
    assert Counter(map(shown, report["markers"])) == titles
    assert Counter(map(shown, report["slides"])) == titles
    expected_title = [shown(timeline.title)] if "title" in document and timeline.title else []
    assert list(map(shown, report["title"])) == expected_title
    group_by = options.get("group_by")
    if group_by is None:
        assert report["groups"] == []
    else:
        labels = {shown(group_label(event, group_by)) for event in timeline}
        assert set(map(shown, report["groups"])) == (labels if labels != {""} else set())
    # An era's headline is the title or unit it was made from (test_timelinejs.py checks which).
    era_headlines = [shown(html.unescape(era["text"]["headline"]))
                     for era in document.get("eras", [])]
    assert Counter(map(shown, report["eras"])) == Counter(era_headlines)


@pytest.mark.parametrize("name", list(CASES))
def test_timelinejs_shows_every_headline(name: str, reports: dict[str, dict[str, Any]]) -> None:
    timeline, options = CASES[name]
    document = json.loads(export(timeline, options))
    check_report(reports[name], timeline, options, document)


def test_example_dates_as_shown(reports: dict[str, dict[str, Any]]) -> None:
    """TimelineJS shows a month as a month (no invented day) and our fuzzy display dates."""
    dates = set(reports["example"]["dates"])
    assert "September 2020" in dates  # the ramp jump: 2020-09, not "September 1, 2020"
    assert "c. October 1, 2020 – c. October 10, 2020" in dates
    assert "unknown – September 6, 2020" in dates
    assert "September 6, 2020" in dates


def test_sets_dates_as_shown(reports: dict[str, dict[str, Any]]) -> None:
    """Multiple dates list their days, one of a set says "some time in", in the page."""
    assert set(reports["sets"]["dates"]) >= {
        "October 1, 2020 – October 3, 2020 and October 9, 2020",
        "some time in June 2020 or August 2020", "on or before December 24, 2020",
        "on or after 2021", "some time in October 2020 – November 2021",
        "first quarter of 2021"}
    assert reports["sets"]["eras"] == ["Shoot days"]  # not the one-of shoot


def test_hostile_text_shows_as_text(reports: dict[str, dict[str, Any]]) -> None:
    report = reports["hostile-by-unit"]
    assert "<b>bold</b>" in report["title"][0]
    assert "<img src=x onerror=alert(1)>" in report["markers"]
    assert set(report["groups"]) >= {"<u>unit</u> & co", "second unit"}
    texts = " ".join(report["texts"])
    assert "<i>Source</i> & co" in texts and "(<u>P</u>, c. October 2020)" in texts
    assert "<script>alert(1)</script>" in texts
    assert report["links"] == ['https://example.org/?a=1&b=<2>"x"']  # not the javascript: one
    assert "c. autumn 2020" not in report["dates"] and "autumn 2020" in report["dates"]


def test_bad_data_is_caught(site: Path) -> None:
    """The check can fail: TimelineJS rejects a date it cannot read, and never loads."""
    page = write_page(site, "broken", {"events": [
        {"start_date": {"year": "2020~"}, "text": {"headline": "bad"}}]})
    [report] = render([page], timeout_ms=5_000)
    assert not report["loaded"]
    assert report["errors"]


@st.composite
def hostile_timelines(draw: st.DrawFn) -> mitimeline.Timeline:
    """Generated timelines whose titles, places and units are full of HTML-special text."""
    timeline = draw(timelines(max_events=5).filter(len))
    pieces = st.sampled_from(["<b>", "</b>", "<i>x</i>", "<script>", "</div>", "<!--", "-->",
                              "&amp;", "&lt;", "&", "<", ">", '"', "'", "=", "/", " ", "\n",
                              "\t", "é", "x", "#", '"><svg onload=alert(1)>',
                              "' onmouseover='x", "]]>", "&#x3c;", "\u202e", "\u200f",
                              "\ufeff", "👩\u200d👩\u200d👧", "{{x}}", "`", "%", "$"])
    text = st.lists(pieces | st.characters(codec="utf-8", exclude_categories=["Cs"]),
                    min_size=1, max_size=12).map("".join)
    words = text.filter(lambda t: t.strip() and shown(t))  # something a browser can show
    events = [
        attrs.evolve(event, title=draw(words), unit=draw(st.none() | text),
                     place=mitimeline.Place(draw(words)) if draw(st.booleans()) else None)
        for event in timeline
    ]
    return attrs.evolve(timeline, title=draw(text), events=events)


# Three fixed batches of four (derandomize; more in a thorough run); no shrinking: every
# step would start Chromium.
@peer_settings(3, derandomize=True, database=None, phases=[Phase.explicit, Phase.generate],
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=st.lists(st.tuples(hostile_timelines(),
                                st.sampled_from([None, "place", "unit", "kind"]),
                                st.sampled_from(["shoots", "units", "none"])),
                      min_size=4, max_size=4))
def test_generated_timelines_render(
    batch: list[tuple[mitimeline.Timeline, str | None, str]], site: Path
) -> None:
    cases = [(timeline, {"group_by": group_by, "eras": eras})
             for timeline, group_by, eras in batch]
    texts = [export(timeline, options) for timeline, options in cases]
    pages = [write_page(site, f"generated-{index}", text) for index, text in enumerate(texts)]
    for (timeline, options), text, report in zip(cases, texts, render(pages), strict=True):
        check_report(report, timeline, options, json.loads(text))
