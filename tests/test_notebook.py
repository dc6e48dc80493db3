"""Notebooks: DataFrames both ways, rich HTML displays, and the chart object."""

from __future__ import annotations

import io
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import attrs
import numpy
import pandas
import pytest
from hypothesis import given, settings

from mitimeline import (
    Claim,
    Credit,
    Event,
    ExportError,
    InvalidEventError,
    OptionsError,
    Place,
    Timeline,
    UnknownFormatError,
)
from mitimeline.gantt.chart import Chart
from mitimeline.notebook import (
    CLAIM_COLUMNS,
    COLUMNS,
    INLINE_CHART_LIMIT,
    TABLE_HEAD,
    TABLE_TAIL,
    claims_dataframe,
)
from mitimeline.testing import claimed_timeline, timelines
from test_gantt_support import production
from test_gantt_svg import features, mi7

# -- to_dataframe -----------------------------------------------------------------------------


def test_one_row_per_event_with_typed_columns() -> None:
    tl = mi7()
    df = tl.to_dataframe()
    assert list(df.columns) == list(COLUMNS)
    assert list(df["id"]) == [event.id for event in tl]
    assert str(df["lower"].dtype) == str(df["upper"].dtype) == "datetime64[s]"
    assert str(df["lat"].dtype) == "float64" and str(df["approximate"].dtype) == "bool"
    train = df.set_index("id").loc["norway-train-roof"]
    assert train["edtf"] == "2020-10-01~/2020-10-10~"
    assert (train["lower"], train["upper"]) == (pandas.Timestamp("2020-10-01"),
                                                pandas.Timestamp("2020-10-10"))
    assert (train["precision"], train["approximate"], train["uncertain"]) == ("day", True, False)
    assert (train["place"], train["country"]) == ("Norway", "NO")
    assert train["people"][1] == Credit("Hayley Atwell", "actor")
    assert train["sources"] == ("independent-2020-10-05", "aceshowbiz-2020-10")
    rome = df.set_index("id").loc["move-to-rome"]
    assert (rome["lat"], rome["lon"], rome["place_region"]) == (41.9028, 12.4964, "Lazio")
    hiatus = df.set_index("id").loc["pandemic-hiatus"]
    assert pandas.isna(hiatus["lower"]) and hiatus["upper"] == pandas.Timestamp("2020-09-06")
    assert pandas.isna(hiatus["place"]) and numpy.isnan(hiatus["lat"])


def test_dataframe_queries_read_naturally() -> None:
    df = mi7().to_dataframe()
    stunts = df[df["kind"] == "stunt"]
    assert list(stunts["id"]) == ["norway-ramp-jump", "norway-train-roof"]
    cruise = df[df["people"].map(lambda people: any(c.name == "Tom Cruise" for c in people))]
    assert len(cruise) == 3
    assert df["lower"].min() == pandas.Timestamp("2020-09-01")


def test_round_trip_keeps_everything() -> None:
    for tl in (mi7(), features(), Timeline("Empty")):
        assert Timeline.from_dataframe(tl.to_dataframe()) == tl


@settings(max_examples=40, deadline=None)
@given(timelines(max_events=5))
def test_round_trip_any_timeline(tl: Timeline) -> None:
    assert Timeline.from_dataframe(tl.to_dataframe()) == tl


def test_claims_keep_one_row_per_event() -> None:
    tl = claimed_timeline()
    df = tl.to_dataframe()
    assert list(df.columns) == list(COLUMNS) and list(df["id"]) == [e.id for e in tl]
    assert df["sources"][0] == ("independent-2020-10-05", "aceshowbiz-2020-10")


@settings(max_examples=20, deadline=None)
@given(timelines(max_events=4, with_claims=True))
def test_claims_dataframe_has_a_row_per_claim(tl: Timeline) -> None:
    df = tl.claims_dataframe()
    assert list(df.columns) == list(CLAIM_COLUMNS)
    claims = [(event.id, claim) for event in tl for claim in event.claims]
    assert list(df["event"]) == [event_id for event_id, _claim in claims]
    assert list(df["sources"]) == [claim.sources for _id, claim in claims]
    assert str(df["lower"].dtype) == str(df["upper"].dtype) == "datetime64[s]"


def test_claims_dataframe_columns() -> None:
    df = claims_dataframe(claimed_timeline())
    assert len(df) == 3
    first = df.iloc[0]
    assert (first["event"], first["sources"], first["edtf"]) == (
        "norway-ramp-jump", ("independent-2020-10-05",), "2020-09")
    assert (first["lower"], first["upper"]) == (pandas.Timestamp("2020-09-01"),
                                                pandas.Timestamp("2020-09-30"))
    assert (first["place"], first["note"]) == (
        "Stranda, NO", "'last month' in a report of 5 October 2020")
    assert pandas.isna(first["status"]) and pandas.isna(first["title"])
    assert first["people"] == ()
    assert df.iloc[1]["people"] == (Credit("Tom Cruise", "actor"),)
    assert df.iloc[2]["status"] == "planned"
    empty = claims_dataframe(Timeline("t", [Event(id="a", title="A", when="2020")]))
    assert list(empty.columns) == list(CLAIM_COLUMNS) and len(empty) == 0


def test_from_a_hand_made_dataframe() -> None:
    df = pandas.DataFrame({
        "id": ["a", "b", "c"],
        "title": ["Ramp jump", "Train roof", "Release"],
        "when": ["September 2020", datetime(2020, 10, 5), date(2021, 11, 19)],
        "kind": ["stunt", numpy.nan, "release"],
        "place": ["Stryn", None, None],
        "country": ["NO", None, None],
        "lat": [61.9, numpy.nan, numpy.nan],
        "lon": [numpy.int64(7), numpy.nan, numpy.nan],
        "people": [["Tom Cruise", ("Hayley Atwell", "actor")],
                   [{"name": "Christopher McQuarrie", "role": "director"}], None],
        "sources": ["nrk", ("a", "b"), numpy.array(["c"])],
    })
    tl = Timeline.from_dataframe(df)
    assert tl.title == "Untitled timeline"
    a, b, c = tl.events
    assert (str(a.when), a.kind, a.place) == ("2020-09", "stunt", Place("Stryn", country="NO",
                                                                      latitude=61.9, longitude=7))
    assert a.people == (Credit("Tom Cruise"), Credit("Hayley Atwell", "actor"))
    assert (str(b.when), b.kind, b.place, b.sources) == ("2020-10-05", "other", None, ("a", "b"))
    assert b.people == (Credit("Christopher McQuarrie", "director"),)
    assert (str(c.when), c.sources, c.people) == ("2021-11-19", ("c",), ())


@pytest.mark.parametrize(("frame", "message"), [
    (pandas.DataFrame({"id": ["a"], "title": ["A"]}),
     "the DataFrame has no edtf column; it needs id, title and edtf (or when); its columns "
     "are: id, title"),
    (pandas.DataFrame({"title": ["A"], "edtf": ["2020"]}), "the DataFrame has no id column"),
    (pandas.DataFrame({"id": ["a", "b"], "title": ["A", "B"], "edtf": ["2020", "2020"],
                       "kind": ["shoot", "heist"]}),
     "DataFrame row 1 (id 'b'): Event.kind: expected one of shoot, stunt"),
    (pandas.DataFrame({"id": ["a"], "title": ["A"], "edtf": ["the day after"]}),
     "DataFrame row 0 (id 'a'): when: could not read 'the day after' as a date"),
    (pandas.DataFrame({"id": ["a"], "title": [None], "edtf": ["2020"]}),
     "DataFrame row 0 (id 'a'): Event.title: expected non-empty text, got None"),
    (pandas.DataFrame({"id": ["a"], "title": ["A"], "edtf": ["2020"], "country": ["NO"]}),
     "DataFrame row 0 (id 'a'): place: country given but no place name"),
    (pandas.DataFrame({"id": ["a"], "title": ["A"], "edtf": ["2020"], "lat": [100.0],
                       "lon": [0.0], "place": ["X"]}),
     "DataFrame row 0 (id 'a'): Place.latitude: expected a number from -90 to 90"),
])
def test_bad_dataframes_name_the_row_and_column(frame: pandas.DataFrame, message: str) -> None:
    with pytest.raises(InvalidEventError) as caught:
        Timeline.from_dataframe(frame)
    assert message in str(caught.value)


def test_bad_timeline_attrs() -> None:
    df = mi7().to_dataframe()
    df.attrs["mitimeline"] = {"title": 5}
    with pytest.raises(InvalidEventError, match=r"DataFrame.attrs\['mitimeline'\] is not "
                                                r"mitimeline timeline data"):
        Timeline.from_dataframe(df)
    df.attrs["mitimeline"] = "Mission"
    with pytest.raises(InvalidEventError, match="expected a mapping, got str"):
        Timeline.from_dataframe(df)
    del df.attrs["mitimeline"]
    assert Timeline.from_dataframe(df).events == mi7().events


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match=r"from_dataframe\(\) needs a pandas DataFrame, got list"):
        Timeline.from_dataframe([{"id": "a"}])  # type: ignore[arg-type]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'DataFrame conversion needs pandas: pip install '
                                          r'-e "\.\[pandas\]" in the mitimeline checkout'):
        mi7().to_dataframe()
    with pytest.raises(ImportError, match=r'pip install -e "\.\[pandas\]"'):
        Timeline.from_dataframe(object())  # type: ignore[arg-type]


# -- HTML displays --------------------------------------------------------------------------


def test_timeline_html_has_a_table_and_the_chart() -> None:
    html = mi7()._repr_html_()
    assert html.startswith("<div><p><strong>Mission: Impossible 7 — the 2020 restart "
                           "(example)</strong> — 7 events, 3 sources</p><table>")
    assert re.findall(r"<th[^>]*>([^<]+)</th>", html) == ["date", "title", "kind", "place",
                                                          "sources"]
    assert '<span title="2020-10-01~/2020-10-10~">early October 2020 (approximate)</span>' \
        in html
    assert '<span title="Tom Cruise waves at people from atop speeding train while filming ' \
           'dangerous Mission: Impossible 7 stunt">The Independent</span>' in html
    assert html.count("<tr>") == 8
    svg = html[html.index("<svg"):html.index("</svg>") + 6]
    assert svg == mi7().gantt().svg().strip()
    ET.fromstring(svg)


def test_html_escapes_everything() -> None:
    tl = Timeline("<b>x</b>", [Event(id="a", title="<script>alert(1)</script>",
                                     when="2020-09-06", place=Place("<i>p</i>"),
                                     sources=["<s>"])])
    html = tl._repr_html_()
    assert "<script" not in html and "<b>x" not in html and "<i>p" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<code>&lt;s&gt;</code>" in html
    event_html = tl.events[0]._repr_html_()
    assert "<script" not in event_html and "&lt;i&gt;p&lt;/i&gt;" in event_html


def test_source_links_only_for_web_addresses() -> None:
    from mitimeline import Source

    tl = Timeline("t", [Event(id="a", title="A", when="2020", sources=["web", "js"])], [
        Source("web", "On the web", publisher="Paper", url="https://e.example/?a=1&b=2"),
        Source("js", "Sneaky", url="javascript:alert(1)"),
    ])
    html = tl._repr_html_()
    assert '<a href="https://e.example/?a=1&amp;b=2" title="On the web" target="_blank" ' \
           'rel="noopener noreferrer">Paper</a>' in html
    assert "javascript:" not in html and '<span title="Sneaky">Sneaky</span>' in html


def test_big_timelines_show_part_of_the_table_and_no_chart() -> None:
    html = production(30)._repr_html_()
    assert html.count("<tr>") == 1 + TABLE_HEAD + 1 + TABLE_TAIL
    assert "… 15 more events …" in html and "<svg" in html
    big = production(INLINE_CHART_LIMIT + 1)._repr_html_()
    assert "<svg" not in big
    assert f"Gantt chart left out for {INLINE_CHART_LIMIT + 1} events" in big


def test_empty_timeline_html() -> None:
    assert Timeline("Nothing yet")._repr_html_() == (
        "<div><p><strong>Nothing yet</strong> — 0 events, 0 sources</p>"
        "<p><em>No events.</em></p></div>")


def test_event_html() -> None:
    event = mi7()["norway-train-roof"]
    html = event._repr_html_()
    assert html.startswith('<table><caption style="text-align:left"><strong>Stunt: fight on the '
                           "roof of a moving train</strong> <code>norway-train-roof</code>")
    rows = re.findall(r"<th[^>]*>([^<]+)</th>", html)
    assert rows == ["when", "kind", "status", "place", "people", "sources", "tags",
                    "description"]
    assert "early October 2020 (approximate) <code>2020-10-01~/2020-10-10~</code>" in html
    assert repr(event) == ("<Event norway-train-roof 2020-10-01~/2020-10-10~ stunt: 'Stunt: "
                           "fight on the roof of a moving train'>")


def test_html_shows_who_says_what() -> None:
    tl = claimed_timeline()
    html = tl._repr_html_()
    assert ("<br><small>Sources differ — The Independent, 5 October 2020: September 2020, at "
            "Stranda, NO (&#x27;last month&#x27; in a report of 5 October 2020); AceShowbiz, "
            "October 2020: early October 2020, with Tom Cruise (actor)</small></td>") in html
    event_html = tl.events[1]._repr_html_()
    assert ('<th style="text-align:left">claims</th><td style="text-align:left">Sources agree:'
            "<br>independent-2020-10-05 and aceshowbiz-2020-10: 19 November 2021, planned"
            "</td>") in event_html


def test_claims_html_is_escaped() -> None:
    claim = Claim("a", title="<script>x</script>", note="<b>n</b>")
    tl = Timeline("t", [Event(id="a", title="A", when="2020", claims=[claim])])
    for html in (tl._repr_html_(), tl.events[0]._repr_html_()):
        assert "<script" not in html and "<b>n" not in html
        assert "“&lt;script&gt;x&lt;/script&gt;” (&lt;b&gt;n&lt;/b&gt;)" in html


def test_plain_reprs_stay_short() -> None:
    assert repr(mi7()) == "<Timeline 'Mission: Impossible 7 — the 2020 restart (example)': " \
                          "7 events, 3 sources>"
    assert repr(mi7().gantt()) == ("<Chart 'Mission: Impossible 7 — the 2020 restart "
                                   "(example)': 7 rows in 5 sections, 2020-07-01 to 2021-12-31>")


# -- the chart object -------------------------------------------------------------------------


def test_gantt_returns_a_displayable_chart() -> None:
    chart = mi7().gantt(group_by="country", end="2020-10", width=800)
    assert isinstance(chart, Chart)
    assert chart.options.width == 800 and chart.options.group_by == "country"
    svg = chart._repr_svg_()
    assert svg == chart._repr_html_() == chart.svg()
    assert svg == mi7().dumps("svg", group_by="country", end="2020-10", width=800)
    assert chart.mermaid() == mi7().dumps("mermaid", group_by="country", end="2020-10")
    assert chart.html() == mi7().dumps("html", group_by="country", end="2020-10", width=800)


def test_gantt_errors() -> None:
    with pytest.raises(OptionsError, match="group_by must be one of"):
        mi7().gantt(group_by="city")
    with pytest.raises(ExportError, match="nothing to draw"):
        mi7().gantt(kinds="wrap")
    with pytest.raises(ExportError, match="has no events"):
        Timeline("Empty").gantt()


def test_chart_save(tmp_path: Path) -> None:
    chart = mi7().gantt(kinds="stunt", width=700)
    for name in ("c.svg", "c.html", "c.mmd", "c.png", "c.pdf"):
        chart.save(tmp_path / name)
    assert (tmp_path / "c.svg").read_text(encoding="utf-8") == chart.svg()
    assert (tmp_path / "c.mmd").read_text(encoding="utf-8") == chart.mermaid()
    stream = io.BytesIO()
    chart.save(stream, format="svg")
    assert stream.getvalue().decode("utf-8") == chart.svg()
    with pytest.raises(UnknownFormatError, match="a chart is saved as mermaid, svg, html, png, "
                                                 "pdf, not 'json'"):
        chart.save(tmp_path / "c.json")


def test_chart_is_a_value() -> None:
    assert mi7().gantt() == mi7().gantt()
    assert attrs.evolve(mi7().gantt(), options=mi7().gantt(width=600).options).svg() == \
        mi7().gantt(width=600).svg()
