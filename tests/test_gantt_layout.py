"""The Gantt layout shared by every renderer: selection, order, sections, fuzzy bars, the
time axis, ticks, legend; and the options that drive it."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mitimeline import Claim, Credit, Event, ExportError, Place, Source, Timeline
from mitimeline.gantt.layout import CONTEXT_TAG, Layout, build_layout, dated_days
from mitimeline.gantt.options import ChartOptions, GanttOptions
from mitimeline.gantt.text import ELLIPSIS, shorten, text_width, wrap
from mitimeline.gantt.text import printable_line as one_line
from mitimeline.gantt.ticks import FIRST_DAY, LAST_DAY, UNITS, TickUnit, choose_unit, ticks
from mitimeline.testing import claimed_timeline, events, timelines
from test_gantt_support import ROOT


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def layout_of(*whens: str, **options: object) -> Layout:
    tl = Timeline("t", [Event(id=f"e{i}", title=f"Event {i}", when=w, kind="shoot")
                        for i, w in enumerate(whens)])
    return build_layout(tl, GanttOptions(**options))  # type: ignore[arg-type]


def only_row(when: str, **options: object):  # type: ignore[no-untyped-def]
    return next(layout_of(when, **options).rows())


# -- fuzzy dates: the days an event may and certainly covers --------------------------------


@pytest.mark.parametrize(("when", "bar", "core"), [
    # a day: all of it, certainly
    ("2020-09-06", ("2020-09-06", "2020-09-07"), ("2020-09-06", "2020-09-07")),
    # a month: any day of it, none for sure
    ("2020-09", ("2020-09-01", "2020-10-01"), None),
    # from some day in September to some day in October: certainly 30 Sep and 1 Oct
    ("2020-09/2020-10", ("2020-09-01", "2020-11-01"), ("2020-09-30", "2020-10-02")),
    # approximate days keep their bounds (the qualifier becomes a mark)
    ("2020-10-01~/2020-10-10~", ("2020-10-01", "2020-10-11"), ("2020-10-01", "2020-10-11")),
    # an exact start and a month end: certain until the month starts
    ("2020-09-20/2020-10", ("2020-09-20", "2020-11-01"), ("2020-09-20", "2020-10-02")),
    # a season, unspecified digits: ranges without a certain day
    ("2020-23", ("2020-09-01", "2020-12-01"), None),
    ("2020-09-2X", ("2020-09-20", "2020-09-30"), None),
])
def test_bar_spans_the_possible_days_and_core_the_certain_ones(
        when: str, bar: tuple[str, str], core: tuple[str, str] | None) -> None:
    row = only_row(when)
    assert (row.bar.start, row.bar.stop) == (day(bar[0]), day(bar[1]))
    assert row.bar.core == (None if core is None else (day(core[0]), day(core[1])))
    assert not (row.bar.cut_start or row.bar.cut_end)
    assert row.bar.certain == (core == bar)


def test_unknown_start_is_certain_only_at_its_end_and_runs_off_the_chart() -> None:
    layout = layout_of("/2020-09-06", "2020-09-20")
    hiatus = next(layout.rows())
    assert hiatus.bar.cut_start and not hiatus.bar.cut_end
    assert hiatus.bar.start == layout.start < day("2020-09-06")
    assert hiatus.bar.core == (day("2020-09-06"), day("2020-09-07"))
    assert hiatus.notes == ("start unknown",)
    # an unknown start with a month end: no certain day at all, and the whole month shows
    layout = layout_of("/2020-09")
    row = next(layout.rows())
    assert row.bar.core is None
    assert row.bar.start == layout.start < day("2020-09-01")
    layout = layout_of("2020-09/..")
    assert next(layout.rows()).bar.core == (day("2020-09-30"), layout.stop)
    assert layout.stop > day("2020-10-01")


def test_open_ends_are_certain_to_the_edge() -> None:
    layout = layout_of("2020-09-06/..", "2020-09-01")
    row = next(r for r in layout.rows() if r.event.id == "e0")
    assert row.bar.cut_end and row.bar.stop == layout.stop > day("2020-09-07")
    assert row.bar.core == (day("2020-09-06"), layout.stop)
    assert row.notes == ("open end",)
    layout = layout_of("../2020-09-06", "2020-09-20")
    row = next(r for r in layout.rows() if r.event.id == "e0")
    assert row.bar.cut_start and row.bar.core == (layout.start, day("2020-09-07"))
    assert row.notes == ("open start",)
    assert only_row("2020-09-06/").notes == ("end unknown",)


def test_an_interval_ending_before_it_starts_is_drawn_between_its_bounds() -> None:
    row = only_row("2020-10-05/2020-09-20")
    assert (row.bar.start, row.bar.stop, row.bar.core) == (day("2020-09-20"),
                                                          day("2020-10-06"), None)
    assert row.notes == ("ends before it starts",)


def test_qualifiers_become_marks_and_notes() -> None:
    assert (only_row("2020-09-06~").marks, only_row("2020-09-06~").notes) == ("~", ("approx.",))
    assert (only_row("2020-09?").marks, only_row("2020-09?").notes) == ("?", ("uncertain",))
    both = only_row("2020-09-06%")
    assert (both.marks, both.notes, both.certain) == ("~?", ("approx.", "uncertain"), False)
    assert only_row("2020-09-06").certain


# -- level-2 sets: one row, drawn in pieces ---------------------------------------------------


def spans(row) -> list[tuple[int, int, tuple[int, int] | None]]:  # type: ignore[no-untyped-def]
    return [(piece.start, piece.stop, piece.core) for piece in row.pieces]


def test_a_date_or_interval_is_one_piece_its_bar() -> None:
    for when in ("2020-09-06", "2020-09/2020-10", "2020-10~/", "2020-09"):
        row = only_row(when)
        assert row.pieces == (row.bar,)


def test_multiple_dates_are_one_bar_per_run_of_days() -> None:
    row = only_row("{2020-10-01..2020-10-05,2020-10-09,2020-10-06}")
    # 1-5 and 6 October are one run, all certain; 9 October another
    assert spans(row) == [(day("2020-10-01"), day("2020-10-07"),
                           (day("2020-10-01"), day("2020-10-07"))),
                          (day("2020-10-09"), day("2020-10-10"),
                           (day("2020-10-09"), day("2020-10-10")))]
    assert (row.bar.start, row.bar.stop, row.bar.core) == (day("2020-10-01"),
                                                          day("2020-10-10"), None)
    assert row.notes == ("on 2 separate runs of days",) and not row.certain
    # a month among them has no certain day; a day next to it is a run with it, its core
    row = only_row("{2020-10,2020-11-01,2020-12-03}")
    assert spans(row) == [(day("2020-10-01"), day("2020-11-02"),
                           (day("2020-11-01"), day("2020-11-02"))),
                          (day("2020-12-03"), day("2020-12-04"),
                           (day("2020-12-03"), day("2020-12-04")))]


def test_a_run_with_two_stretches_of_certain_days_is_cut_between_them() -> None:
    """``{2020-10-01, 2020-10, 2020-10-20}``: one run (October), certain on the 1st and
    the 20th: two bars meeting at the 20th, each with its one core."""
    row = only_row("{2020-10-01,2020-10,2020-10-20}")
    assert spans(row) == [(day("2020-10-01"), day("2020-10-20"),
                           (day("2020-10-01"), day("2020-10-02"))),
                          (day("2020-10-20"), day("2020-11-01"),
                           (day("2020-10-20"), day("2020-10-21")))]


def test_contiguous_multiple_dates_are_one_certain_bar() -> None:
    row = only_row("{2020-10-01..2020-10-05,2020-10-06}")
    assert spans(row) == [(day("2020-10-01"), day("2020-10-07"),
                           (day("2020-10-01"), day("2020-10-07")))]
    assert row.certain and row.bar.core == (day("2020-10-01"), day("2020-10-07"))
    assert row.notes == ("one run of days",)


def test_one_of_a_set_is_its_members_faded_never_the_hull() -> None:
    row = only_row("[2020-06,2020-08]")
    assert spans(row) == [(day("2020-06-01"), day("2020-07-01"), None),
                          (day("2020-08-01"), day("2020-09-01"), None)]
    assert row.notes == ("one of 2 alternatives",) and not row.certain
    # a range: some time in it, not a stay over it (the interval has a certain middle)
    row = only_row("[2020-10..2021-11]")
    assert spans(row) == [(day("2020-10-01"), day("2021-12-01"), None)]
    assert row.bar.core is None and row.notes == ("some time in this span",)
    assert only_row("2020-10/2021-11").bar.core == (day("2020-10-31"), day("2021-11-02"))
    # overlapping members are drawn once
    assert spans(only_row("[2020,2020-06]")) == [(day("2020-01-01"), day("2021-01-01"), None)]


def test_open_sets_run_to_the_edge_from_their_known_day() -> None:
    layout = layout_of("[..2020-12-24]", "2020-12-01")
    row = next(layout.rows())
    assert spans(row) == [(layout.start, day("2020-12-25"), None)]
    assert row.bar.cut_start and not row.bar.cut_end
    assert row.notes == ("open start", "some time in this span")
    assert dated_days(row.event.when) == (day("2020-12-24"), day("2020-12-25"))
    assert layout.start > day("2020-10-01")  # not stretched to year 1


def test_set_pieces_beyond_the_chart_are_left_out() -> None:
    row = only_row("{2020-09-01,2020-10-05}", end="2020-09-20")
    assert spans(row) == [(day("2020-09-01"), day("2020-09-02"),
                           (day("2020-09-01"), day("2020-09-02")))]
    assert row.bar.cut_end and row.notes[-1] == "clipped"
    # wholly before the chart (context): the hull's stub at the edge
    layout = build_layout(Timeline("t", [
        Event(id="shoot", title="Shoot", when="2020-10-05", kind="shoot"),
        Event(id="earlier", title="Earlier film", when="{2018-05-01,2018-05-03}",
              kind="other", tags=[CONTEXT_TAG])]), GanttOptions())
    earlier = next(row for row in layout.rows() if row.event.id == "earlier")
    assert spans(earlier) == [(layout.start, layout.start, None)]
    assert earlier.bar.cut_start and earlier.notes[-1] == "before the chart"


def test_sets_are_in_the_legend_only_as_faded_days_when_some_are() -> None:
    assert "faded" not in [i.symbol for i in layout_of("{2020-10-01,2020-10-09}").legend]
    assert "faded" in [i.symbol for i in layout_of("[2020-10-01,2020-10-09]").legend]


def test_milestones_are_releases_announcements_and_instants() -> None:
    tl = Timeline("t", [
        Event(id="a", title="Release", when="2021-11-19", kind="release"),
        Event(id="b", title="News", when="2020-10", kind="announcement"),
        Event(id="c", title="Call time", when="2020-10-05T07:30:00Z", kind="shoot"),
        Event(id="d", title="Shoot", when="2020-10-05", kind="shoot"),
        Event(id="e", title="Night", when="2020-10-05T20:00:00/2020-10-06T04:00:00",
              kind="shoot"),
    ])
    milestones = {row.event.id: row.milestone for row in build_layout(tl, GanttOptions()).rows()}
    assert milestones == {"a": True, "b": True, "c": True, "d": False, "e": False}


# -- selection, order, sections -------------------------------------------------------------


def mixed() -> Timeline:
    rome, oslo = Place("Rome", country="IT"), Place("Oslo", country="NO")
    return Timeline("Mixed", [
        Event(id="b", title="beta shoot", when="2020-10-02", kind="shoot", place=rome,
              unit="main", people=["Ann", "Bo"]),
        Event(id="a", title="Alpha stunt", when="2020-09-01", kind="stunt", place=oslo,
              people=[Credit("Ann", "actor")]),
        Event(id="c", title="Gamma release", when="2021-01-05", kind="release", region="US"),
        Event(id="d", title="delta shoot", when="2020-09-15", kind="shoot", place=oslo,
              unit="second"),
    ])


def sections(layout: Layout) -> list[tuple[str, list[str]]]:
    return [(s.label, [r.event.id for r in s.rows]) for s in layout.sections]


@pytest.mark.parametrize(("group_by", "expected"), [
    ("kind", [("Stunt", ["a"]), ("Shoot", ["d", "b"]), ("Release", ["c"])]),
    ("place", [("Oslo, NO", ["a", "d"]), ("Rome, IT", ["b"]), ("No place", ["c"])]),
    ("country", [("NO", ["a", "d"]), ("IT", ["b"]), ("US", ["c"])]),
    ("unit", [("second", ["d"]), ("main", ["b"]), ("No unit", ["a", "c"])]),
    ("person", [("Ann", ["a", "b"]), ("Bo", ["b"]), ("No one credited", ["d", "c"])]),
    ("status", [("Confirmed", ["a", "d", "b", "c"])]),
    ("none", [("", ["a", "d", "b", "c"])]),
])
def test_sections_in_order_of_their_first_event_and_the_unassigned_last(
        group_by: str, expected: list[tuple[str, list[str]]]) -> None:
    assert sections(build_layout(mixed(), GanttOptions(group_by=group_by))) == expected


def test_sort_orders() -> None:
    by = {sort: sections(build_layout(mixed(), GanttOptions(group_by="none", sort=sort)))[0][1]
          for sort in ("date", "title", "input")}
    assert by == {"date": ["a", "d", "b", "c"], "title": ["a", "b", "d", "c"],
                  "input": ["b", "a", "c", "d"]}


def test_kinds_and_window_select_events_and_clip_bars() -> None:
    tl = mixed().add(Event(id="long", title="Long shoot", when="2020-08-20/2020-10-20",
                           kind="shoot"))
    layout = build_layout(tl, GanttOptions(kinds="shoot", start="2020-09-10", end="2020-09"))
    assert [r.event.id for r in layout.rows()] == ["long", "d"]
    assert (layout.start, layout.stop) == (day("2020-09-10"), day("2020-10-01"))
    long_row = next(layout.rows())
    assert (long_row.bar.start, long_row.bar.stop) == (layout.start, layout.stop)
    assert long_row.bar.cut_start and long_row.bar.cut_end
    assert build_layout(tl, GanttOptions(kinds=["stunt", "release"])).row_count == 2


@pytest.mark.parametrize(("options", "message"), [
    ({"kinds": ["wrap"]}, "no events of kind wrap (the timeline has: shoot, stunt, release)"),
    ({"start": "2030"}, "no events between 2030-01-01 and the end; the events run from "
                        "2020-09-01 to 2021-01-05"),
    ({"end": "2019-12"}, "no events between the start and 2019-12-31"),
])
def test_nothing_to_draw_says_why(options: dict[str, object], message: str) -> None:
    with pytest.raises(ExportError, match="nothing to draw") as caught:
        build_layout(mixed(), GanttOptions(**options))  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_an_empty_timeline_has_nothing_to_draw() -> None:
    with pytest.raises(ExportError, match="the timeline 'Empty' has no events"):
        build_layout(Timeline("Empty"), GanttOptions())


def test_person_sections_repeat_an_event_per_person() -> None:
    layout = build_layout(mixed(), GanttOptions(group_by="person"))
    assert layout.row_count == 5
    assert "4 events (5 rows) in 3 sections by person" in layout.summary


# -- colours, hover, legend, summary ----------------------------------------------------------


def test_colours_by_kind_or_section() -> None:
    by_kind = build_layout(mixed(), GanttOptions())
    assert {r.event.kind: r.color for r in by_kind.rows()} == {
        "stunt": "#D55E00", "shoot": "#0072B2", "release": "#CC79A7"}
    by_section = build_layout(mixed(), GanttOptions(group_by="country", color_by="section"))
    colours = [{r.color for r in s.rows} for s in by_section.sections]
    assert all(len(c) == 1 for c in colours) and len(set.union(*colours)) == 3


def test_hover_has_date_place_people_and_sources() -> None:
    tl = Timeline("t", [Event(
        id="e", title="Train\nroof", when="2020-10-01~/2020-10-10~", kind="stunt",
        place=Place("Norway", country="NO"), people=[Credit("Tom Cruise", "actor")],
        sources=["known", "unknown-id"], description="Long " * 200)],
        [Source("known", "A report", publisher="Outlet", published="2020-10-05")])
    layout = build_layout(tl, GanttOptions())
    hover = layout.hover(next(layout.rows())).splitlines()
    assert hover[:5] == [
        "Train roof",
        "early October 2020 (approximate) — 2020-10-01~/2020-10-10~",
        "stunt · confirmed · Norway, NO",
        "People: Tom Cruise (actor)",
        "Sources: Outlet: A report (2020-10-05); unknown-id",
    ]
    assert hover[5].endswith(ELLIPSIS) and len(hover[5]) <= 301


def test_hover_lists_every_claim() -> None:
    tl = claimed_timeline()
    layout = build_layout(tl, GanttOptions(sort="input"))
    jump, release = (layout.hover(row).splitlines() for row in layout.rows())
    assert jump[-3:] == [
        "Sources differ:",
        "- The Independent, 5 October 2020: September 2020, at Stranda, NO ('last month' in a "
        "report of 5 October 2020)",
        "- AceShowbiz, October 2020: early October 2020, with Tom Cruise (actor)",
    ]
    assert release[-2:] == [
        "Sources agree:",
        "- The Independent, 5 October 2020 and AceShowbiz, October 2020: 19 November 2021, "
        "planned",
    ]
    claim = Claim("unknown-id", title="Line\nbreak\x07")
    alone = build_layout(Timeline("t", [Event(id="e", title="E", when="2020", claims=[claim])]),
                         GanttOptions())
    assert "- unknown-id: “Line break\ufffd”" in alone.hover(next(alone.rows()))


def test_legend_lists_what_is_drawn() -> None:
    layout = build_layout(Timeline("t", [
        Event(id="a", title="A", when="2020-09-06", kind="shoot"),
        Event(id="b", title="B", when="2020-09~", kind="release"),
    ]), GanttOptions(today=date(2020, 9, 10)))
    assert [(i.symbol, i.label) for i in layout.legend] == [
        ("bar", "Shoot"), ("bar", "Release"),
        ("faded", "possible days (date not known to the day)"), ("milestone", "milestone"),
        ("approximate", "approximate"), ("today", "today")]
    assert [i.symbol for i in build_layout(mixed(), GanttOptions(color_by="section")).legend] \
        == ["milestone"]


def test_today_line_only_inside_the_chart() -> None:
    assert layout_of("2020-09-06", today=date(2020, 9, 8)).today == day("2020-09-08")
    assert layout_of("2020-09-06", today=date(2030, 1, 1)).today is None
    assert layout_of("2020-09-06").today is None
    assert layout_of("2020-09-06", today=True).options.today_date() == date.today()


# -- the time axis ----------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "last", "unit"), [
    ("2020-09-06", "2020-09-06", ("day", 1)),
    ("2020-09-01", "2020-10-15", ("week", 1)),
    ("2020-09-01", "2021-03-01", ("month", 1)),
    ("2020-01-01", "2022-12-31", ("month", 6)),
    ("2015-01-01", "2025-12-31", ("year", 2)),
    ("1900", "2020", ("year", 20)),
])
def test_tick_unit_follows_the_span(first: str, last: str, unit: tuple[str, int]) -> None:
    layout = layout_of(first, last)
    assert (layout.unit.name, layout.unit.step) == unit
    assert 2 <= len(layout.ticks) <= 11
    assert all(layout.start <= t.day <= layout.stop for t in layout.ticks)


def test_axis_covers_the_data_in_whole_units_and_at_least_a_week() -> None:
    layout = layout_of("2020-09-06")
    assert layout.stop - layout.start >= 7
    assert layout.start <= day("2020-09-06") and layout.stop >= day("2020-09-07")
    layout = layout_of("2020-09-02", "2020-11-20")
    assert date.fromordinal(layout.start).weekday() == 0  # whole weeks: from a Monday
    assert layout.start <= day("2020-09-02") and layout.stop >= day("2020-11-21")


def test_tick_labels_name_the_year_at_the_start_and_where_it_changes() -> None:
    labels = [t.label for t in layout_of("2020-10-01", "2021-03-01").ticks]
    assert labels == ["Oct 2020", "Nov", "Dec", "Jan 2021", "Feb", "Mar", "Apr"]
    weeks = [t.label for t in layout_of("2020-12-14", "2021-01-20").ticks]
    assert weeks[0] == "14 Dec 2020" and "4 Jan 2021" in weeks and "28 Dec" in weeks


@given(st.integers(FIRST_DAY, LAST_DAY), st.sampled_from(UNITS))
def test_tick_unit_boundaries(day_number: int, unit: TickUnit) -> None:
    floor, ceil = unit.floor(day_number), unit.ceil(day_number)
    assert floor <= day_number <= ceil
    assert unit.floor(floor) == floor
    if ceil <= LAST_DAY:
        assert unit.floor(ceil) == ceil and unit.next(floor) > floor


def test_choose_unit_and_ticks_at_the_ends_of_the_calendar() -> None:
    assert choose_unit(LAST_DAY, 10).name == "year"
    assert [t.label for t in ticks(LAST_DAY - 40, LAST_DAY + 1, UNITS[4])] == ["Dec 9999"]
    assert ticks(FIRST_DAY, FIRST_DAY + 800, UNITS[7])[0].label == "1"


@settings(max_examples=150, deadline=None)
@given(timelines(max_events=6).filter(len), st.sampled_from(["kind", "person", "country"]),
       st.lists(st.booleans(), min_size=6, max_size=6))
def test_any_timeline_lays_out_within_its_axis(tl: Timeline, group_by: str,
                                               context: list[bool]) -> None:
    tl = Timeline(tl.title, [
        attrs.evolve(event, tags=[*event.tags, CONTEXT_TAG]) if as_context else event
        for event, as_context in zip(tl.events, context, strict=False)], sources=tl.sources)
    layout = build_layout(tl, ChartOptions(group_by=group_by))
    assert layout.start < layout.stop
    ids = [row.event.id for row in layout.rows()]
    assert set(ids) == {event.id for event in tl}
    production = [e for e in tl if CONTEXT_TAG not in e.tags] or list(tl)
    for row in layout.rows():
        bar = row.bar
        assert layout.start <= bar.start <= bar.stop <= layout.stop
        if bar.core is not None:
            assert bar.start <= bar.core[0] < bar.core[1] <= bar.stop
        first, last = dated_days(row.event.when)
        clipped = first < layout.start or last > layout.stop
        assert row.clipped == clipped
        assert (row.event in layout.clipped) == clipped
        if not any(row.event is event for event in production):
            continue  # context: may lie wholly beyond an edge, drawn as a stub there
        assert not clipped or layout.stop == LAST_DAY + 1 or layout.start == FIRST_DAY
        assert bar.start < bar.stop
        when = row.event.when
        assert bar.cut_start == when.open_start
        assert bar.cut_end == when.open_end
        # a set's pieces lie within its bar, in order, each with its core inside it
        assert row.pieces and (row.pieces == (bar,) or when.is_set)
        for piece, after in zip(row.pieces, row.pieces[1:], strict=False):
            assert piece.stop <= after.start
        for piece in row.pieces:
            assert bar.start <= piece.start <= piece.stop <= bar.stop
            assert piece.core is None or piece.start <= piece.core[0] < piece.core[1] <= piece.stop
            assert piece.core is None or not when.is_one_of


@given(events(), st.dates(), st.dates())
def test_window_clips_every_bar(event: Event, first: date, second: date) -> None:
    low, high = sorted((first, second))
    options = GanttOptions(start=low, end=high)
    earliest, latest = sorted((event.when.lower, event.when.upper))  # reversed intervals too
    if not (earliest <= high and latest >= low):
        with pytest.raises(ExportError):
            build_layout(Timeline("t", [event]), options)
        return
    layout = build_layout(Timeline("t", [event]), options)
    assert (layout.start, layout.stop) == (low.toordinal(), high.toordinal() + 1)
    bar = next(layout.rows()).bar
    assert layout.start <= bar.start < bar.stop <= layout.stop


# -- the default range: the production's dated events; context and clipping ----------------


def context_timeline() -> Timeline:
    return Timeline("With context", [
        Event(id="earlier-film", title="Earlier film's finale", when="../2018", kind="other",
              tags=["context", "earlier-film"]),
        Event(id="hiatus", title="Hiatus", when="/2020-09-06", kind="hiatus"),
        Event(id="shoot", title="Shoot", when="2020-09-07/2020-10-06", kind="shoot"),
        Event(id="rome", title="Rome", when="2020-10~/", kind="shoot"),
    ])


@pytest.mark.parametrize(("when", "days"), [
    ("2020-09-06", ("2020-09-06", "2020-09-07")),
    ("2020-09/2020-10", ("2020-09-01", "2020-11-01")),
    ("../2018", ("2018-01-01", "2019-01-01")),       # open start: the known end's days
    ("/2020-09-06", ("2020-09-06", "2020-09-07")),   # unknown start, the same
    ("2020-10~/", ("2020-10-01", "2020-11-01")),     # unknown end: the known start's days
    ("2020-09-06/..", ("2020-09-06", "2020-09-07")),
    ("2020-10-05/2020-09-20", ("2020-09-20", "2020-10-06")),  # ends before it starts
])
def test_dated_days_are_the_known_bounds(when: str, days: tuple[str, str]) -> None:
    from mitimeline import When

    assert dated_days(When(when)) == (day(days[0]), day(days[1]))


def test_context_events_do_not_stretch_the_default_range() -> None:
    layout = build_layout(context_timeline(), GanttOptions())
    assert day("2020-07-01") <= layout.start <= day("2020-09-01")
    assert day("2020-11-01") <= layout.stop <= day("2021-01-01")
    assert layout.unit.name in ("week", "month")
    context = next(r for r in layout.rows() if r.event.id == "earlier-film")
    # wholly before the chart: a stub at the left edge with its arrowhead
    assert context.bar == attrs.evolve(context.bar, start=layout.start, stop=layout.start,
                                       core=None, cut_start=True, cut_end=False)
    assert context.clipped and context.notes == ("open start", "before the chart")
    # open and unknown ends still run to the edge, with room to show where they end
    hiatus = next(r for r in layout.rows() if r.event.id == "hiatus")
    assert hiatus.bar.cut_start and hiatus.bar.start == layout.start < day("2020-09-06")
    assert not hiatus.clipped
    rome = next(r for r in layout.rows() if r.event.id == "rome")
    assert rome.bar.cut_end and rome.bar.stop == layout.stop > day("2020-11-01")
    assert not rome.clipped


def test_the_chart_says_what_it_clipped() -> None:
    layout = build_layout(context_timeline(), GanttOptions())
    assert [event.id for event in layout.clipped] == ["earlier-film"]
    assert layout.clip_note == "Clipped at the chart's edges: Earlier film's finale (until 2018)."
    assert layout.description == f"{layout.summary} {layout.clip_note}"
    # a window clips too: the shoot runs past its end
    windowed = build_layout(context_timeline(), GanttOptions(end="2020-09-20"))
    assert [event.id for event in windowed.clipped] == ["earlier-film", "shoot"]
    shoot = next(r for r in windowed.rows() if r.event.id == "shoot")
    assert shoot.notes == ("clipped",) and shoot.bar.cut_end
    assert windowed.clip_note == ("Clipped at the chart's edges: Earlier film's finale "
                                  "(until 2018); Shoot (7 September 2020 to 6 October 2020).")
    assert build_layout(mixed(), GanttOptions()).clip_note == ""
    assert build_layout(mixed(), GanttOptions()).description == build_layout(
        mixed(), GanttOptions()).summary


def test_the_clip_note_names_three_events_then_counts() -> None:
    tl = Timeline("Many", [Event(id=f"e{n}", title=f"Event {n}", when="2020", kind="shoot")
                           for n in range(1, 6)])
    layout = build_layout(tl, GanttOptions(start="2020-03", end="2020-04"))
    assert len(layout.clipped) == 5
    assert layout.clip_note == ("Clipped at the chart's edges: Event 1 (2020); Event 2 (2020); "
                                "Event 3 (2020); and 2 more.")
    # grouped by person, an event is named once however many rows it has
    tl = Timeline("People", [Event(id="a", title="A", when="2020", people=["Ann", "Bo"])])
    layout = build_layout(tl, GanttOptions(group_by="person", start="2020-03", end="2020-04"))
    assert layout.row_count == 2 and layout.clip_note == "Clipped at the chart's edges: A (2020)."


def test_a_timeline_of_context_only_is_drawn_over_its_own_dates() -> None:
    tl = Timeline("Only context", [
        Event(id="a", title="A", when="2018", kind="other", tags=["context"]),
        Event(id="b", title="B", when="2019-06", kind="other", tags=["context"]),
    ])
    layout = build_layout(tl, GanttOptions())
    assert layout.start <= day("2018-01-01") and layout.stop >= day("2019-07-01")
    assert layout.clipped == () and layout.clip_note == ""


def test_the_mi7_dataset_chart_covers_the_production_not_the_context() -> None:
    """Issue 19: one context event ending ../2018 stretched the axis to 2017-2023."""
    import mitimeline

    tl = mitimeline.load(ROOT / "seeds" / "mi7.json")
    layout = build_layout(tl, GanttOptions())
    assert date.fromordinal(layout.start) >= date(2020, 7, 1)
    assert date.fromordinal(layout.stop) <= date(2023, 1, 1)
    assert [event.id for event in layout.clipped] == ["fallout-finale-norway"]
    assert "Fallout" in layout.clip_note
    october = build_layout(tl, GanttOptions(end="2020-10"))
    assert date.fromordinal(october.start) >= date(2020, 7, 1)
    assert october.stop == day("2020-11-01")


def test_wrap_breaks_between_words_and_shortens_the_rest() -> None:
    assert wrap("", 100, 10, 2) == []
    assert wrap("one two", 100, 10, 2) == ["one two"]
    lines = wrap("alpha beta gamma delta epsilon zeta eta theta", 100, 10, 2)
    assert len(lines) == 2 and lines[1].endswith(ELLIPSIS)
    assert all(text_width(line, 10) <= 100 for line in lines)
    assert " ".join(lines).replace(ELLIPSIS, "").split()[:4] == ["alpha", "beta", "gamma",
                                                                 "delta"]
    assert wrap("x" * 50, 100, 10, 3) == [shorten("x" * 50, 100, 10)]


# -- options ------------------------------------------------------------------------------------


def test_options_read_command_line_values() -> None:
    options = ChartOptions(start="September 2020", end=date(2020, 10, 5), kinds="stunt, shoot",
                           today="2020-10-01", width=1200)
    assert str(options.start) == "2020-09" and str(options.end) == "2020-10-05"
    assert options.kinds == ("stunt", "shoot")
    assert options.today == date(2020, 10, 1)
    assert GanttOptions(today=True).today is True
    assert str(GanttOptions(start=2020).start) == "2020"


@pytest.mark.parametrize(("options", "message"), [
    ({"group_by": "city"}, "group_by must be one of kind, place, country, unit, person, "
                           "status, none; got 'city'"),
    ({"sort": "size"}, "sort must be one of date, title, input; got 'size'"),
    ({"color_by": "status"}, "color_by must be one of kind, section; got 'status'"),
    ({"kinds": ["stunt", "heist"]}, "kinds: unknown kind(s) 'heist'; known kinds: shoot"),
    ({"kinds": []}, "kinds is empty"),
    ({"kinds": 3}, "kinds must be a kind, a list of kinds or None"),
    ({"start": "the day after"}, "start: could not read 'the day after' as a date"),
    ({"end": 20.5}, "end must be a date, a When or date text; got 20.5"),
    ({"end": -5}, "end: could not read '-005' as a date"),
    ({"start": "2021", "end": "2020"}, "start (2021) is after end (2020)"),
    ({"today": "tomorrow"}, "today must be true, false or a day such as '2020-10-05'"),
    ({"today": 1}, "today must be true, false or a day"),
    ({"width": 50}, "width must be a whole number of pixels from 400 to 20000; got 50"),
    ({"width": 800.0}, "width must be a whole number of pixels"),
])
def test_bad_options_name_the_option(options: dict[str, object], message: str) -> None:
    with pytest.raises((ValueError, TypeError)) as caught:
        ChartOptions(**options)  # type: ignore[arg-type]
    assert message in str(caught.value)


# -- text -----------------------------------------------------------------------------------------


def test_one_line_and_shorten() -> None:
    assert one_line("  a\n\tb  c\x00\ud800 ") == "a b c\ufffd\ufffd"
    assert shorten("short", 100, 12) == "short"
    long = "A very long title that cannot possibly fit in the label column"
    short = shorten(long, 150, 12)
    assert short.endswith(ELLIPSIS) and long.startswith(short[:-1])
    assert text_width(short, 12) <= 150 < text_width(long, 12)
    assert shorten("W" * 5, 1, 12) == ELLIPSIS
    assert text_width("日本", 12) > text_width("ab", 12)


def contradicted_timeline() -> Timeline:
    """The same stunt dated September 2020 by one report and August 2020 by another."""
    return Timeline(
        title="Contradiction",
        sources=[Source("early", "Early report", published="2020-09-10"),
                 Source("late", "Late report", published="2020-10-05")],
        events=[
            Event(id="jump", title="Ramp jump", kind="stunt", when="2020-09", claims=[
                Claim("late", when="2020-09"), Claim("early", when="2020-08")]),
            Event(id="train", title="Train roof", kind="stunt", when="2020-10-05", claims=[
                Claim("late", when="2020-10"), Claim("early", when="2020-10-05")]),
        ],
    )


def test_an_event_whose_claims_contradict_is_marked_and_listed_in_the_legend() -> None:
    layout = build_layout(contradicted_timeline(), ChartOptions(group_by="none"))
    rows = {row.event.id: row for section in layout.sections for row in section.rows}
    assert "!" in rows["jump"].marks and "sources contradict" in rows["jump"].notes
    assert "!" not in rows["train"].marks and "sources contradict" not in rows["train"].notes
    assert [item.label for item in layout.legend if item.symbol == "contradicted"] == [
        "sources contradict"]


def test_the_contradiction_mark_is_drawn_by_every_renderer() -> None:
    timeline = contradicted_timeline()
    svg = timeline.dumps("svg", group_by="none")
    assert ">!</text>" in svg and "sources contradict" in svg
    mermaid = timeline.dumps("mermaid", group_by="none")
    assert "Ramp jump (sources contradict)" in mermaid
    assert timeline.dumps("png", group_by="none")[:8] == b"\x89PNG\r\n\x1a\n"


def test_consistent_claims_draw_the_narrowed_bar() -> None:
    narrowed = Timeline(title="Narrowed", sources=[Source("a", "A"), Source("b", "B")],
                        events=[Event(id="jump", title="Ramp jump", kind="stunt", claims=[
                            Claim("a", when="2020-09"), Claim("b", when="2020-09-06/2020-10-05")],
                            when="2020-09-06/2020-09-30")])
    (section,) = build_layout(narrowed, ChartOptions(group_by="none")).sections
    (row,) = section.rows
    assert (row.bar.start, row.bar.stop) == (day("2020-09-06"), day("2020-09-30") + 1)
    assert "!" not in row.marks
