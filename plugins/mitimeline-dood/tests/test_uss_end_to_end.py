"""END TO END, USS → DOOD: needs both plugins installed (``mitimeline-uss`` and
``mitimeline-dood``, as the README's test command and CI install them).

The plugins do not import each other; this module is the one place that checks they fit:
each USS fixture of ``plugins/mitimeline-uss/tests/fixtures`` is loaded through
``mitimeline.load`` and its day-out-of-days compared cell by cell with a grid worked out by
hand from the fixture's calendar and stripboard (the comments give the working), and a
random USS schedule's day-out-of-days is checked against what it was drawn from.

Rows are written a week to a string, Sunday to Saturday, ``.`` for an empty cell.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import mitimeline
import mitimeline_uss
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mitimeline.cli import main
from mitimeline_uss.strategies import GeneratedSchedule, schedules

import mitimeline_dood
from dood_html import read_html
from mitimeline_dood import DoodGrid, day_out_of_days
from mitimeline_dood.codes import START, START_FINISH

USS_FIXTURES = Path(__file__).resolve().parents[2] / "mitimeline-uss" / "tests" / "fixtures"


def cells(*weeks: str) -> tuple[str, ...]:
    """``"SW W . /"`` week strings → a cell tuple (``.`` is an empty cell)."""
    return tuple("" if token == "." else token for week in weeks for token in week.split())


def numbers(*weeks: str) -> tuple[int | None, ...]:
    """``"1 2 ."`` week strings → shoot-day numbers (``.`` is no shoot day)."""
    return tuple(None if token == "." else int(token) for week in weeks for token in week.split())


def counts(*weeks: str) -> tuple[int, ...]:
    return tuple(int(token) for week in weeks for token in week.split())


def span(first: date, last: date) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range((last - first).days + 1))


def load(name: str, timezone: str) -> mitimeline.Timeline:
    """A fixture through ``mitimeline.load`` (its boneyard findings silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        return mitimeline.load(USS_FIXTURES / f"{name}.uss", timezone=timezone)


def check(grid: DoodGrid, want: dict[str, Any]) -> None:
    """``grid`` against a hand-worked ``want``, whose rows are (name, board, cells, totals:
    work, travel, rehearsal, fitting, hold, holiday, idle, possible, total)."""
    assert grid.days == want["days"]
    assert grid.company == want["company"]
    assert grid.shoot_days == want["shoot_days"]
    assert grid.working == want["working"]
    assert grid.drop_days == want["drop_days"]
    assert grid.unplaceable == ()
    assert [row.name for row in grid.rows] == [name for name, *_ in want["rows"]]
    for row, (name, board, row_cells, totals) in zip(grid.rows, want["rows"], strict=True):
        assert (row.board, row.roles) == (board, ("cast",)), name
        for day, got, expected in zip(grid.days, row.cells, row_cells, strict=True):
            assert got == expected, f"{name} on {day}: {got!r}, expected {expected!r}"
        assert row.totals.values() == totals, name


# -- five-day.uss ------------------------------------------------------------------------
# America/New_York (04:00Z is local midnight in June). Start Mon 2 June, weekends off, no
# calendar events: shoot days 1-5 are Mon 2 - Fri 6 June. Day 1 scenes 1-2 (Maya, Tom),
# day 2 scene 3 (Tom, Lena), day 3 scene 4 (Maya, Lena), day 4 scenes 5-6 (Maya, Tom),
# day 5 scene 7 (all three). Lena's fitting (element event) Fri 30 May. No place has a
# country, so the drop threshold is 14; nobody's gap comes near it.

FIVE_DAY: dict[str, Any] = {
    "days": span(date(2025, 5, 30), date(2025, 6, 6)),
    #                   Fr Sa   Su Mo Tu We Th Fr
    "company": cells(". .", ". . . . . ."),
    "shoot_days": numbers(". .", ". 1 2 3 4 5"),
    "working": counts("0 0", "0 2 2 2 2 3"),
    "drop_days": 14,
    "rows": [
        ("Maya Okafor", 1, cells(". .", ". SW H W W WF"), (4, 0, 0, 0, 1, 0, 0, 0, 5)),
        ("Tom Brandt", 2, cells(". .", ". SW W H W WF"), (4, 0, 0, 0, 1, 0, 0, 0, 5)),
        ("Lena Vogel", 3, cells("FT .", ". . SW W H WF"), (3, 0, 0, 1, 1, 0, 0, 0, 5)),
    ],
}

# -- forty-day.uss -----------------------------------------------------------------------
# Europe/London: 00:00Z is midnight until the clocks go forward on Sun 30 March, then
# 23:00Z the day before. Start Mon 3 March; weekends off; a day off Fri 14 March; company
# travel Mon 31 March (column M, no shooting); bank holidays Fri 18 and Mon 21 April; a
# company rehearsal Fri 28 March (no people: no cell; shooting goes on). So shoot days:
# 1-5 3-7 Mar, 6-9 10-13 Mar, 10-14 17-21 Mar, 15-19 24-28 Mar, 20-23 1-4 Apr, 24-28 7-11
# Apr, 29-32 14-17 Apr, 33-36 22-25 Apr, 37-40 28 Apr - 1 May.
# Ada (1) works every day; the move day is a hold for her. Ben (2) works days 1-6 and
# 27-31: last 10 March, back 10 April, 30 days between >= 14: dropped the day after (D),
# picked up (PW). Cleo (3) day 18 only. Dario (4) days 20-25 (1-8 April), rehearsal Fri 28
# March, his own travel Mon 31 March. Esme (5) days 33, 35, 38 (22, 24, 29 April), a
# fitting Tue 15 April.

FORTY_DAY: dict[str, Any] = {
    "days": span(date(2025, 3, 3), date(2025, 5, 1)),
    "company": cells(
        ". . . . . /",       # Mon 3 - Sat 8 March
        "/ . . . . / /",     # Sun 9 - Sat 15: day off Fri 14
        "/ . . . . . /",     # Sun 16 - Sat 22
        "/ . . . . . /",     # Sun 23 - Sat 29: the rehearsal leaves no mark
        "/ M . . . . /",     # Sun 30 March - Sat 5 April: company travel Mon 31
        "/ . . . . . /",     # Sun 6 - Sat 12 April
        "/ . . . . / /",     # Sun 13 - Sat 19: Good Friday
        "/ / . . . . /",     # Sun 20 - Sat 26: Easter Monday
        "/ . . . .",         # Sun 27 April - Thu 1 May
    ),
    "shoot_days": numbers(
        "1 2 3 4 5 .", ". 6 7 8 9 . .", ". 10 11 12 13 14 .", ". 15 16 17 18 19 .",
        ". . 20 21 22 23 .", ". 24 25 26 27 28 .", ". 29 30 31 32 . .", ". . 33 34 35 36 .",
        ". 37 38 39 40"),
    "working": counts(
        "2 2 2 2 2 0", "0 2 1 1 1 0 0", "0 1 1 1 1 1 0", "0 1 1 1 2 1 0", "0 0 2 2 2 2 0",
        "0 2 2 1 2 2 0", "0 2 2 2 1 0 0", "0 0 2 1 2 1 0", "0 1 2 1 1"),
    "drop_days": 14,
    "rows": [
        ("Ada Quist", 1, cells(
            "SW W W W W /", "/ W W W W / /", "/ W W W W W /", "/ W W W W W /",
            "/ H W W W W /", "/ W W W W W /", "/ W W W W / /", "/ / W W W W /",
            "/ W W W WF"), (40, 0, 0, 0, 1, 19, 0, 0, 60)),
        ("Ben Okoro", 2, cells(
            "SW W W W W /", "/ W D . . . .", ". . . . . . .", ". . . . . . .",
            ". . . . . . .", ". . . . PW W /", "/ W W WF . . .", ". . . . . . .",
            ". . . . ."), (11, 0, 0, 0, 0, 4, 30, 0, 15)),
        ("Cleo Marsh", 3, cells(
            ". . . . . .", ". . . . . . .", ". . . . . . .", ". . . . SWF . .",
            ". . . . . . .", ". . . . . . .", ". . . . . . .", ". . . . . . .",
            ". . . . ."), (1, 0, 0, 0, 0, 0, 0, 0, 1)),
        ("Dario Venn", 4, cells(
            ". . . . . .", ". . . . . . .", ". . . . . . .", ". . . . . R .",
            ". TR SW W W W /", "/ W WF . . . .", ". . . . . . .", ". . . . . . .",
            ". . . . ."), (6, 1, 1, 0, 0, 2, 0, 0, 10)),
        ("Esme Rook", 5, cells(
            ". . . . . .", ". . . . . . .", ". . . . . . .", ". . . . . . .",
            ". . . . . . .", ". . . . . . .", ". . FT . . . .", ". . SW H W H /",
            "/ H WF . ."), (3, 0, 0, 1, 3, 2, 0, 0, 9)),
    ],
}

# -- variants.uss ------------------------------------------------------------------------
# America/Los_Angeles (08:00Z, +0000, +00:00: midnight in November). Start Sun 16 Nov, a
# weekend day, so day 1 is Mon 17. A day off Wed 19; weekends; company travel Tue 25 (M);
# holidays Thu 27 (an `event` named holiday) and Fri 28 (a `dayOff` named holiday); a
# company rehearsal Mon 24, a company fitting Fri 14 and a photo shoot Wed 3 Dec credit
# nobody. Shoot days: 1 Mon 17 (Nina, Omar), 2 Tue 18 (Nina, Pia, Quinn), 3 Thu 20 (Omar),
# 4 Fri 21 (Nina, Omar, Quinn), 5 Mon 24 (Nina, Omar), 6 Wed 26 (Omar, Pia), 7 Mon 1 Dec
# (banners only: a shoot day nobody works), 8 Tue 2 Dec (all four). Element events: Nina's
# rehearsal Fri 14, Quinn's fitting Thu 20, Pia's own day off Fri 21 (her cell `/`, the
# column unmarked: the company shoots), Omar's travel Sun 23 (TR, the column stays `/`).
# Boards "1", "2", 3 (a number in the file), "10": 10 sorts after 3.

VARIANTS: dict[str, Any] = {
    "days": span(date(2025, 11, 14), date(2025, 12, 2)),
    #                   Fr Sa   Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa   Su Mo Tu
    "company": cells(". .", ". . . / . . /", "/ . M . / / /", "/ . ."),
    "shoot_days": numbers(". .", ". 1 2 . 3 4 .", ". 5 . 6 . . .", ". 7 8"),
    "working": counts("0 0", "0 2 3 0 1 3 0", "0 2 0 2 0 0 0", "0 0 4"),
    "drop_days": 14,
    "rows": [
        ("Nina Sol", 1, cells("R .", ". SW W / H W /", "/ W H H / / /", "/ H WF"),
         (5, 0, 1, 0, 4, 7, 0, 0, 17)),
        ("Omar Reyes", 2, cells(". .", ". SW H / W W /", "TR W H W / / /", "/ H WF"),
         (6, 1, 0, 0, 3, 6, 0, 0, 16)),
        ("Pia Lund", 3, cells(". .", ". . SW / H / /", "/ H H W / / /", "/ H WF"),
         (3, 0, 0, 0, 4, 8, 0, 0, 15)),
        ("Quinn Hale", 10, cells(". .", ". . SW / FT W /", "/ H H H / / /", "/ H WF"),
         (3, 0, 0, 1, 4, 7, 0, 0, 15)),
    ],
}

CASES = {
    "five-day": ("America/New_York", FIVE_DAY),
    "forty-day": ("Europe/London", FORTY_DAY),
    "variants": ("America/Los_Angeles", VARIANTS),
}


@pytest.mark.parametrize("name", CASES)
def test_uss_fixture_day_out_of_days_cell_by_cell(name: str) -> None:
    timezone, want = CASES[name]
    check(day_out_of_days(load(name, timezone), drop_days=14), want)


@pytest.mark.parametrize("name", CASES)
def test_the_default_drop_threshold_is_14_as_no_place_has_a_country(name: str) -> None:
    timezone, want = CASES[name]
    check(day_out_of_days(load(name, timezone)), want)


def test_a_us_threshold_of_10_drops_quinn_in_the_variants() -> None:
    # Quinn's last work before the gap is Fri 21 Nov; the next is Tue 2 Dec: 10 days
    # between, so at 10 the first of them (Sat 22) is D, the rest empty, and 2 Dec is PWF.
    grid = day_out_of_days(load("variants", "America/Los_Angeles"), drop_days=10)
    quinn = grid.row("Quinn Hale")
    assert quinn.cells == cells(". .", ". . SW / FT W D", ". . . . . . .", ". . PWF")
    assert (quinn.totals.work, quinn.totals.hold, quinn.totals.holiday, quinn.totals.idle,
            quinn.totals.total) == (3, 0, 1, 10, 5)
    assert [row.cells for row in grid.rows[:3]] == [row for _, _, row, _ in VARIANTS["rows"][:3]]


def test_a_uss_board_that_is_not_a_number_stays_text_after_the_numbers(tmp_path: Path) -> None:
    document = json.loads((USS_FIXTURES / "five-day.uss").read_text(encoding="utf-8"))
    maya = document["universalScheduleStandard"]["elements"][0]
    assert maya["name"] == "Maya Okafor"
    maya["elementId"] = "1A"
    (tmp_path / "boards.uss").write_text(json.dumps(document), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        timeline = mitimeline.load(tmp_path / "boards.uss", timezone="America/New_York")
    grid = day_out_of_days(timeline)
    assert [(row.name, row.board) for row in grid.rows] == [
        ("Tom Brandt", 2), ("Lena Vogel", 3), ("Maya Okafor", "1A")]
    assert grid.row("Maya Okafor").cells == FIVE_DAY["rows"][0][2]


def test_dood_dataframe_of_a_uss_schedule() -> None:
    frame = mitimeline_dood.dood(load("five-day", "America/New_York"))
    assert frame.index.tolist() == ["Maya Okafor", "Tom Brandt", "Lena Vogel"]
    assert frame["board"].tolist() == [1, 2, 3]
    assert frame[date(2025, 6, 3)].tolist() == ["H", "W", "SW"]


# -- the command line --------------------------------------------------------------------


def test_cli_uss_to_dood_html_as_the_issue_writes_it(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "dood.html"
    target.parent.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        assert main(["convert", str(USS_FIXTURES / "forty-day.uss"), str(target),
                     "--to", "dood", "-o", "drop_days=14",
                     "-i", "timezone=Europe/London"]) == 0
    capsys.readouterr()
    table = read_html(target.read_text(encoding="utf-8")).tables["dood"]
    days = len(FORTY_DAY["days"])
    body = [row[:2 + days] for row in table[5:5 + len(FORTY_DAY["rows"])]]
    assert body == [[name, str(board), *row_cells]
                    for name, board, row_cells, _ in FORTY_DAY["rows"]]
    # the docs' form: the double extension chooses the format
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        assert main(["convert", str(USS_FIXTURES / "forty-day.uss"),
                     str(tmp_path / "out" / "forty.dood.html"), "-o", "drop_days=14",
                     "-i", "timezone=Europe/London"]) == 0
    assert (tmp_path / "out" / "forty.dood.html").read_bytes() == target.read_bytes()


def test_cli_uss_to_dood_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "forty.dood.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        assert main(["convert", str(USS_FIXTURES / "forty-day.uss"), str(target),
                     "-i", "timezone=Europe/London"]) == 0
    capsys.readouterr()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    people = {row[0]: row for row in rows if row and row[0] in ("Ada Quist", "Ben Okoro")}
    assert people["Ben Okoro"][1] == "2"
    assert tuple(people["Ben Okoro"][2:62]) == FORTY_DAY["rows"][1][2]


def test_cli_uss_without_a_timezone_says_to_pass_one(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(USS_FIXTURES / "forty-day.uss"), str(tmp_path / "d.html"),
                 "--to", "dood", "-o", "drop_days=14"]) != 0
    error = capsys.readouterr().err
    assert "forty-day.uss:$.universalScheduleStandard.elements[3].events[0].date: " in error
    assert "pass timezone= with an IANA name" in error and "-i timezone=" in error
    assert not (tmp_path / "d.html").exists()


# -- Hypothesis: any USS schedule ---------------------------------------------------------


@given(schedules(), st.one_of(st.none(), st.integers(1, 20)))
def test_random_uss_schedule_starts_each_worked_person_once(drawn: GeneratedSchedule,
                                                            drop_days: int | None) -> None:
    """A random USS schedule's DOOD: one SW or SWF per person who works, and their work
    total is the number of shoot days they are in; people who never work have no row."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mitimeline_uss.USSImportWarning)
        timeline = mitimeline.loads(json.dumps(drawn.document), "uss",
                                    timezone=drawn.timezone)
    grid = day_out_of_days(timeline, drop_days=drop_days)
    worked: dict[str, int] = {}
    boards: dict[str, int] = {}
    for cast in drawn.cast_by_day:
        for name, board in cast:
            worked[name] = worked.get(name, 0) + 1
            boards[name] = int(board)
    assert [row.name for row in grid.rows] == sorted(worked, key=boards.__getitem__)
    for row in grid.rows:
        assert row.cells.count(START) + row.cells.count(START_FINISH) == 1, row
        assert row.totals.work == worked[row.name], row
        assert row.board == boards[row.name]
    assert sum(grid.working) == sum(worked.values())


# -- the docs' end-to-end grid ------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[3] / "docs" / "production-office.md"
WINDOW = (date(2025, 3, 23), date(2025, 4, 12))
"""The three weeks of the forty-day grid that docs/production-office.md prints."""
DOCS_TOTALS = ("work", "travel", "rehearsal", "fitting", "hold", "holiday", "idle", "total")


def markdown_window(grid: DoodGrid, first: date, last: date) -> str:
    """The columns ``first`` to ``last`` of ``grid`` as a Markdown table, with each row's
    totals for the whole grid (the month named on its first day and the window's first)."""
    shown = [index for index, day in enumerate(grid.days) if first <= day <= last]
    labels = [f"{day:%a} {day.day}" + (f" {day:%b}" if day.day == 1 or index == shown[0]
                                         else "")
              for index in shown for day in [grid.days[index]]]
    blank = [""] * len(DOCS_TOTALS)
    lines = [["person", "board", *labels, *DOCS_TOTALS], ["---"] * (2 + len(shown) + 8),
             ["*shoot day*", "", *(str(grid.shoot_days[i] or "") for i in shown), *blank],
             ["*company*", "", *(grid.company[i] for i in shown), *blank]]
    for row in grid.rows:
        totals = [str(getattr(row.totals, name)) for name in DOCS_TOTALS]
        lines.append([row.name, str(row.board or ""), *(row.cells[i] for i in shown), *totals])
    lines.append(["*people working*", "", *(str(grid.working[i]) for i in shown), *blank])
    return "\n".join("|" + "|".join(f" {cell} " if cell else " " for cell in line) + "|"
                     for line in lines)


def test_the_docs_print_the_forty_day_grid_as_the_code_makes_it() -> None:
    grid = day_out_of_days(load("forty-day", "Europe/London"), drop_days=14)
    table = markdown_window(grid, *WINDOW)
    assert table in DOCS.read_text(encoding="utf-8"), (
        f"docs/production-office.md, 'End to end', should print:\n{table}")
