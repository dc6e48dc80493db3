"""The day-out-of-days grid: three hand-worked schedules checked cell by cell, the options,
the fuzzy-date rules, the DataFrame, the MI7 dataset and every error a user can cause."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import mitimeline
import pytest
from mitimeline import Credit, Event, Place, Timeline

import mitimeline_dood
from dood_fixtures import (
    EDGE,
    EDGE_EXPECTED,
    EDGE_PROBABLE_ROWS,
    FIVE_DAY,
    FIVE_DAY_EXPECTED,
    FORTY_DAY,
    FORTY_DAY_EXPECTED,
    LA,
    cells,
)
from mitimeline_dood import DoodError, DoodGrid, day_out_of_days, dood
from mitimeline_dood.grid import MAX_DAYS, TOTAL_NAMES

ROOT = Path(__file__).resolve().parents[3]

CASES = {"five-day": (FIVE_DAY, FIVE_DAY_EXPECTED), "forty-day": (FORTY_DAY, FORTY_DAY_EXPECTED),
         "edge": (EDGE, EDGE_EXPECTED)}


@pytest.mark.parametrize("case", CASES)
def test_hand_worked_grid_cell_by_cell(case: str) -> None:
    timeline, expected = CASES[case]
    grid = day_out_of_days(timeline)
    assert grid.days == expected["days"]
    assert grid.company == expected["company"]
    assert grid.working == expected["working"]
    assert grid.drop_days == expected["drop_days"]
    if "shoot_days" in expected:
        assert grid.shoot_days == expected["shoot_days"]
    assert [row.name for row in grid.rows] == [name for name, *_ in expected["rows"]]
    for row, (name, board, want, totals) in zip(grid.rows, expected["rows"], strict=True):
        assert row.board == board, name
        assert len(row.cells) == len(want) == len(grid.days)
        for day, got, code in zip(grid.days, row.cells, want, strict=True):
            assert got == code, f"{name} on {day}: {got!r}, expected {code!r}"
        assert dict(zip(TOTAL_NAMES, row.totals.values(), strict=True)) == dict(
            zip(TOTAL_NAMES, totals, strict=True)), name


def test_forty_day_shoot_numbers_forty_shoot_days_and_weeks_run_sunday_to_saturday() -> None:
    grid = day_out_of_days(FORTY_DAY)
    numbers = [n for n in grid.shoot_days if n is not None]
    assert numbers == list(range(1, 41))
    assert grid.shoot_days[grid.days.index(date(2025, 3, 3))] == 40
    # Saturday 4 January alone, then full Sunday-to-Saturday weeks, then Sunday-Monday
    assert grid.weeks == ((0, 1), *((1 + 7 * n, 7) for n in range(8)), (57, 2))
    assert all(grid.days[start].isoweekday() == 7 for start, _ in grid.weeks[1:])


def test_a_higher_threshold_turns_the_drop_into_holds() -> None:
    grid = day_out_of_days(FORTY_DAY, drop_days=30)
    eve = grid.row("eve hart")
    assert "D" not in eve.cells and "PW" not in eve.cells
    assert eve.totals.idle == 0
    assert eve.totals.hold + eve.totals.holiday + eve.totals.work == (
        date(2025, 2, 26) - date(2025, 1, 8)).days + 1
    # Ben's gap of 44 days still reaches 30
    assert grid.row("Ben Cole").cells.count("D") == 1


def test_default_threshold_is_ten_only_when_every_place_is_in_the_us() -> None:
    assert day_out_of_days(FIVE_DAY).drop_days == 10
    assert day_out_of_days(FORTY_DAY).drop_days == 14
    unplaced = Timeline(events=[Event(id="a", title="A", kind="shoot", when="2024-01-02",
                                      people=["X"])])
    assert day_out_of_days(unplaced).drop_days == 14  # no country at all: not US-only
    mixed = FIVE_DAY.add(Event(id="abroad", title="Abroad", kind="shoot", when="2024-03-09",
                               place=Place("Rome", country="IT"), people=["Ava Stone"]))
    assert day_out_of_days(mixed).drop_days == 14


def test_probable_marks_possible_days_without_changing_the_exact_codes() -> None:
    grid = day_out_of_days(EDGE, probable=True)
    assert grid.days[0] == date(2024, 5, 1) and grid.days[-1] == date(2024, 5, 31)
    for row in grid.rows:
        assert row.cells == EDGE_PROBABLE_ROWS[row.name], row.name
    assert grid.row("Bob Ray").totals.possible == 31
    assert grid.row("Bob Ray").totals.total == 0
    assert grid.row("Cat Moe").totals.work == 1


def test_unplaceable_events_are_listed_with_edtf_reason_and_sources() -> None:
    grid = day_out_of_days(EDGE)
    assert [(u.event, u.when, u.reason) for u in grid.unplaceable] == [
        ("bob-stunts", "2024-05~", "month precision"),
        ("cat-maybe", "2024-05-03~", "approximate"),
    ]
    bob = grid.unplaceable[0]
    assert bob.people == ("Bob Ray (stunt performer)",)
    assert bob.sources == ("call-sheets: Call sheets", "not-a-source")


def test_roles_filter_rows_and_the_unplaceable_list() -> None:
    grid = day_out_of_days(EDGE, roles=["Director"])
    assert [row.name for row in grid.rows] == ["Cat Moe"]
    assert [u.event for u in grid.unplaceable] == ["cat-maybe"]
    assert grid.days == (date(2024, 5, 2),)
    both = day_out_of_days(EDGE, roles="actor, stunt performer")
    assert [row.name for row in both.rows] == ["Ann Lee", "Bob Ray"]


def test_an_empty_timeline_has_an_empty_grid() -> None:
    grid = day_out_of_days(Timeline())
    assert grid.days == () and grid.rows == () and grid.unplaceable == ()
    assert grid.weeks == ()


def test_mi7_dataset_is_mostly_unplaceable() -> None:
    """The bundled dataset comes from news reports: no work event is exact to the day."""
    timeline = mitimeline.load(ROOT / "seeds" / "mi7.json")
    grid = day_out_of_days(timeline)
    assert grid.days == ()
    assert [row.name for row in grid.rows] == ["Christopher McQuarrie", "Esai Morales",
                                               "Hayley Atwell", "Tom Cruise"]
    assert [(u.event, u.reason) for u in grid.unplaceable] == [
        ("pandemic-hiatus", "open or unknown start"),
        ("norway-shoot", "month precision"),
        ("motorcycle-fire-stunt-gb", "month precision"),
        ("norway-ramp-jump", "month precision"),
        ("stranda-filming", "one of a set"),
        ("rauma-filming", "one of a set"),
        ("norway-train-roof-fight", "one of a set"),
        ("move-to-rome", "approximate"),
        ("rome-shoot", "open or unknown end"),
        ("levisham-train-shoot", "one of a set"),
        ("levisham-camera-operator", "one of a set"),
    ]
    probable = day_out_of_days(timeline, probable=True)
    assert (probable.days[0], probable.days[-1], len(probable.days)) == (
        date(2020, 9, 1), date(2021, 11, 30), 456)
    assert {row.name: row.totals.possible for row in probable.rows} == {
        "Christopher McQuarrie": 456, "Esai Morales": 426, "Hayley Atwell": 456,
        "Tom Cruise": 456}
    assert all(row.totals.work == 0 for row in probable.rows)


def test_multiple_dates_are_placed_on_their_days_and_one_of_a_set_is_not() -> None:
    """``{a,b}`` is work on each of its days (not the gaps); ``[a,b]`` is one of them,
    unknown which: unplaceable, and with ``probable=True`` possible on its members' days."""
    cast = [Credit("Ann Lee", "actor")]
    timeline = Timeline("Sets", [
        Event(id="days", title="Shoot days", when="{2024-05-01..2024-05-02,2024-05-06}",
              kind="shoot", people=cast),
        Event(id="either", title="Pick-up", when="[2024-05-09,2024-05-13]", kind="shoot",
              people=cast),
        Event(id="rough", title="Second unit", when="{2024-05-20,2024-05~}", kind="shoot",
              people=cast)])
    grid = day_out_of_days(timeline)
    assert (grid.days[0], grid.days[-1]) == (date(2024, 5, 1), date(2024, 5, 6))
    assert grid.shoot_days == (1, 2, None, None, None, 3)  # not the days between
    assert grid.row("Ann Lee").totals.work == 3
    assert [(u.event, u.reason) for u in grid.unplaceable] == [
        ("either", "one of a set"), ("rough", "month precision")]
    probable = day_out_of_days(timeline, probable=True)
    assert {date(2024, 5, 9), date(2024, 5, 13)} <= set(probable.days)
    assert probable.row("Ann Lee").totals.work == 3


# -- the DataFrame ------------------------------------------------------------------------


def test_dood_returns_a_dataframe_of_people_by_days() -> None:
    frame = dood(FIVE_DAY)
    assert list(frame.index) == ["Ava Stone", "Ben Cole", "Cy Diaz", "Dee Park"]
    assert frame.index.name == "person"
    assert list(frame.columns) == ["board", *FIVE_DAY_EXPECTED["days"], *TOTAL_NAMES]
    assert frame.loc["Ben Cole", date(2024, 3, 5)] == "H"
    assert frame.loc["Ben Cole", "hold"] == 2
    assert frame.loc["Ava Stone", "board"] == 1
    assert frame["board"].isna().tolist() == [False, False, True, True]
    info = frame.attrs["dood"]
    assert info["drop_days"] == 10 and info["working"][date(2024, 3, 5)] == 2
    edge = dood(EDGE).attrs["dood"]
    assert [u["event"] for u in edge["unplaceable"]] == ["bob-stunts", "cat-maybe"]


def test_without_pandas_dood_returns_the_grid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    grid = dood(FIVE_DAY)
    assert isinstance(grid, DoodGrid)
    assert grid.row("ava stone").cells == cells("SW W W W WF")
    with pytest.raises(ImportError, match=r'needs pandas: pip install "mitimeline-dood\[pandas\]"'):
        grid.to_dataframe()


def test_a_hiatus_crediting_people_is_their_day_off_only() -> None:
    timeline = Timeline(events=[
        _shoot("a", ["Ann", "Bo"], {}, when="2024-01-01"),
        Event(id="ann-off", title="Day off: Ann", kind="hiatus", when="2024-01-02",
              people=["Ann"]),
        _shoot("b", ["Ann", "Bo"], {}, when="2024-01-03"),
        Event(id="bo-off", title="Day off: Bo", kind="hiatus", when="2024-01-03",
              people=["Bo"]),  # on a day Bo works: work wins
    ])
    grid = day_out_of_days(timeline)
    assert grid.company == ("", "", "")
    assert grid.row("Ann").cells == ("SW", "/", "WF")
    assert grid.row("Bo").cells == ("SW", "H", "WF")
    assert (grid.row("Ann").totals.holiday, grid.row("Bo").totals.hold) == (1, 1)


def test_row_of_an_unknown_person_raises_key_error() -> None:
    with pytest.raises(KeyError, match="Nobody"):
        day_out_of_days(FIVE_DAY).row("Nobody")


# -- errors ---------------------------------------------------------------------------------


def _shoot(event_id: str, people: list[str], extra: dict[str, Any], when: str = "2024-01-02",
           ) -> Event:
    return Event(id=event_id, title="Shoot", kind="shoot", when=when, people=people,
                 extra=extra, place=LA)


@pytest.mark.parametrize(("extra", "message"), [
    ({"board_numbers": [1, 2]}, r"event 'a', extra\.board_numbers: expected a mapping of "
                                r"credited names to board numbers .*, got list"),
    ({"board_numbers": {"Ann": 0}}, r"event 'a', extra\.board_numbers\['Ann'\]: expected a "
                                    r"board number, a whole number 1 or more .*, got 0"),
    ({"board_numbers": {"Ann": "0"}}, r"\['Ann'\]: expected a board number, a whole number "
                                      r"1 or more or text such as '12' or '12A', got '0'"),
    ({"board_numbers": {"Ann": " "}}, r"\['Ann'\]: expected a board number.*got ' '"),
    ({"board_numbers": {"Ann": 1.0}}, r"\['Ann'\]: expected a board number.*got 1\.0"),
    ({"board_numbers": {"Ann": True}}, r"\['Ann'\]: expected a board number.*got True"),
    ({"board_numbers": {"Zed": 3}}, r"\['Zed'\]: names someone the event does not credit "
                                    r"\(credited: Ann, Bo\)"),
])
def test_bad_board_numbers_are_refused_naming_the_event(extra: dict[str, Any],
                                                        message: str) -> None:
    with pytest.raises(DoodError, match=message):
        day_out_of_days(Timeline(events=[_shoot("a", ["Ann", "Bo"], extra)]))


def test_board_numbers_written_as_digits_are_numbers() -> None:
    """USS files write board numbers as text; "07", " 7" and 7 are one board number."""
    timeline = Timeline(events=[
        _shoot("a", ["Ann", "Bo"], {"board_numbers": {"Ann": "10", "Bo": "07"}}),
        _shoot("b", ["Bo"], {"board_numbers": {"Bo": 7}}, when="2024-01-03"),
        _shoot("c", ["Bo"], {"board_numbers": {"Bo": " 7"}}, when="2024-01-04"),
    ])
    grid = day_out_of_days(timeline)
    assert [(row.name, row.board) for row in grid.rows] == [("Bo", 7), ("Ann", 10)]


def test_text_boards_follow_the_numbers_and_stay_text() -> None:
    timeline = Timeline(events=[_shoot("a", ["Ann", "Bo", "Cy", "Di", "Ed"], {
        "board_numbers": {"Ann": "12A", "Bo": "2", "Cy": "<b>", "Di": 11}})])
    grid = day_out_of_days(timeline)
    assert [(row.name, row.board) for row in grid.rows] == [
        ("Bo", 2), ("Di", 11), ("Ann", "12A"), ("Cy", "<b>"), ("Ed", None)]
    assert "<td>&lt;b&gt;</td>" in timeline.dumps("dood")
    assert dood(timeline)["board"].tolist() == [2, 11, "12A", "<b>", None]
    with pytest.raises(DoodError, match=r"board number '12A' is given to both 'Ann' "):
        day_out_of_days(Timeline(events=[_shoot("a", ["Ann", "Bo"], {
            "board_numbers": {"Ann": "12A", "Bo": "12A"}})]))


def test_one_person_with_two_board_numbers_is_refused() -> None:
    timeline = Timeline(events=[
        _shoot("a", ["Ann"], {"board_numbers": {"Ann": 1}}),
        _shoot("b", ["ANN"], {"board_numbers": {"ANN": 2}}, when="2024-01-03"),
    ])
    with pytest.raises(DoodError, match=r"'Ann' has board number 1 in event 'a' and 2 in "
                                        r"event 'b'; a person has one board number"):
        day_out_of_days(timeline)


def test_two_people_with_one_board_number_are_refused() -> None:
    timeline = Timeline(events=[_shoot("a", ["Ann", "Bo"], {"board_numbers": {"Ann": 1,
                                                                             "Bo": 1}})])
    with pytest.raises(DoodError, match=r"board number 1 is given to both 'Ann' \(event 'a'\)"
                                        r" and 'Bo' \(event 'a'\)"):
        day_out_of_days(timeline)


def test_a_span_longer_than_the_limit_is_refused() -> None:
    timeline = Timeline(events=[_shoot("a", ["Ann"], {}, when="2000-01-01"),
                                _shoot("b", ["Ann"], {}, when="2020-01-01")])
    with pytest.raises(DoodError, match=rf"the schedule spans 7306 days \(2000-01-01 to "
                                        rf"2020-01-01\); a day-out-of-days has at most "
                                        rf"{MAX_DAYS} columns"):
        day_out_of_days(timeline)


@pytest.mark.parametrize(("when", "probable", "message"), [
    ("2000-01-01/2020-01-01", False, r"event 'a' covers 7306 days \(2000-01-01/2020-01-01\); "
                                     r"a day-out-of-days has at most 3660 columns: check its "
                                     r"date$"),
    ("2000/2019", True, r"event 'a' may fall on 7305 days \(2000/2019\); a day-out-of-days "
                        r"has at most 3660 columns: check its date, or leave out "
                        r"probable=True$"),
])
def test_an_event_longer_than_the_limit_is_refused(when: str, probable: bool,
                                                   message: str) -> None:
    timeline = Timeline(events=[_shoot("a", ["Ann"], {}, when=when)])
    with pytest.raises(DoodError, match=message):
        day_out_of_days(timeline, probable=probable)
    if not probable:
        return
    assert day_out_of_days(timeline).unplaceable[0].event == "a"  # listed, not laid out


@pytest.mark.parametrize(("options", "message"), [
    ({"drop_days": 0}, r"drop_days must be a whole number of days, 1 or more, or None .* got 0"),
    ({"drop_days": "14"}, r"drop_days must be .* got '14'"),
    ({"drop_days": True}, r"drop_days must be .* got True"),
    ({"roles": 5}, r"roles must be role names .* got 5"),
    ({"roles": " , "}, r"roles must name at least one role, got ' , '"),
    ({"probable": "yes"}, r"format 'dood': bad option value: 'probable' must be <class 'bool'>"),
    ({"dropdays": 3}, r"format 'dood' does not take option\(s\) dropdays; valid options: "
                      r"drop_days, roles, probable"),
])
def test_bad_options_are_refused_naming_them(options: dict[str, Any], message: str) -> None:
    with pytest.raises(mitimeline.OptionsError, match=message):
        day_out_of_days(FIVE_DAY, **options)


def test_the_package_lists_every_code_in_its_legend() -> None:
    assert set(mitimeline_dood.CODES) == {"SW", "W", "WF", "SWF", "PW", "PWF", "H", "D", "TR",
                                          "R", "FT", "/", "M", "W?"}
