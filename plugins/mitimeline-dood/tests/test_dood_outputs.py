"""The exporters: format choice, the contract, CSV and XLSX read back cell by cell, the
HTML table parsed back (in Python; test_dood_browser.py renders it in Chromium), the
command line, and the errors of each output."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import mitimeline
import openpyxl
import pytest
from mitimeline import Event, Timeline
from mitimeline.cli import main
from mitimeline.plugins import find_exporter
from mitimeline.testing import check_exporter, sample_timeline

from dood_fixtures import EDGE, FORTY_DAY, HOSTILE, HOSTILE_NAME
from dood_html import read_html
from mitimeline_dood import CODES, TOTAL_NAMES, day_out_of_days
from mitimeline_dood.layout import (
    UNPLACEABLE_HEADER,
    UNPLACEABLE_TITLE,
    header_rows,
    person_row,
    unplaceable_row,
    working_row,
)


def expected_rows(timeline: Timeline) -> list[list[str]]:
    """The rows every tabular output holds, built from the grid (not from a renderer)."""
    grid = day_out_of_days(timeline)
    rows = [*header_rows(grid), *map(person_row, grid.rows), working_row(grid)]
    if grid.unplaceable:
        rows += [[], [UNPLACEABLE_TITLE], list(UNPLACEABLE_HEADER)]
        rows += map(unplaceable_row, grid.unplaceable)
    return rows


# -- format choice and the contract -------------------------------------------------------


@pytest.mark.parametrize(("filename", "name"), [
    ("out/schedule.dood.html", "dood"), ("out/schedule.DOOD.CSV", "dood-csv"),
    ("schedule.dood.xlsx", "dood-xlsx"),
])
def test_double_extensions_choose_the_dood_exporters(filename: str, name: str) -> None:
    assert find_exporter(filename=filename).name == name


def test_plain_html_stays_the_gantt_chart_so_dood_html_needs_to_dood() -> None:
    assert find_exporter(filename="out/dood.html").name == "html"
    assert find_exporter("dood", filename="out/dood.html").name == "dood"


@pytest.mark.parametrize("name", ["dood", "dood-csv", "dood-xlsx"])
@pytest.mark.parametrize("timeline", [sample_timeline(), FORTY_DAY, EDGE, HOSTILE],
                         ids=["sample", "forty-day", "edge", "hostile"])
def test_exporters_keep_the_contract(name: str, timeline: Timeline) -> None:
    check_exporter(find_exporter(name), timeline)


# -- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("timeline", [FORTY_DAY, EDGE], ids=["forty-day", "edge"])
def test_csv_reads_back_cell_by_cell(timeline: Timeline) -> None:
    text = timeline.dumps("dood-csv")
    assert text.startswith("person,board,")
    assert "\r\n" in text
    assert list(csv.reader(io.StringIO(text, newline=""))) == expected_rows(timeline)


def test_csv_neutralises_formulas() -> None:
    rows = list(csv.reader(io.StringIO(HOSTILE.dumps("dood-csv"), newline="")))
    names = [row[0] for row in rows if row]
    assert "'" + HOSTILE_NAME in names and "'@SUM(A1)" in names
    unplaceable = next(row for row in rows if row and row[0] == "b")
    assert unplaceable[1] == "'-2+3 & <u>later</u>"


# -- XLSX ---------------------------------------------------------------------------------


def _workbook(timeline: Timeline) -> openpyxl.Workbook:
    data = timeline.dumps("dood-xlsx")
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("timeline", [FORTY_DAY, EDGE, HOSTILE],
                         ids=["forty-day", "edge", "hostile"])
def test_xlsx_reads_back_cell_by_cell(timeline: Timeline) -> None:
    sheet = _workbook(timeline)["DOOD"]
    expected = expected_rows(timeline)
    got = [["" if cell is None else str(cell) for cell in row]
           for row in sheet.iter_rows(values_only=True)]
    assert len(got) == len(expected)
    for number, (row, want) in enumerate(zip(got, expected, strict=True), start=1):
        assert row[:len(want)] == want, f"row {number}"
        assert not any(row[len(want):]), f"row {number}"


def test_xlsx_cells_are_text_or_numbers_never_formulas() -> None:
    sheet = _workbook(HOSTILE)["DOOD"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type in ("s", "n") for cell in cells)
    names = {cell.value for cell in sheet["A"]}
    assert HOSTILE_NAME in names and "@SUM(A1)" in names


def test_xlsx_colours_codes_freezes_headers_and_has_a_legend() -> None:
    book = _workbook(FORTY_DAY)
    sheet = book["DOOD"]
    assert sheet.freeze_panes == "C6"
    start = sheet.cell(row=6, column=4)  # Ava Stone on Sunday 5 January: TR, then SW
    assert (start.value, sheet.cell(row=6, column=5).value) == ("TR", "SW")
    assert sheet.cell(row=6, column=5).fill.fgColor.rgb.endswith("B7E1A1")
    assert sheet.cell(row=6, column=3 + len(day_out_of_days(FORTY_DAY).days)).value == 40
    legend = [(row[0], row[1]) for row in book["Legend"].iter_rows(values_only=True)]
    assert legend == list(CODES.items())


def test_xlsx_without_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(mitimeline.ExportError,
                       match=r'the XLSX day-out-of-days needs openpyxl, which is not '
                             r'installed: pip install "mitimeline-dood\[xlsx\]"'):
        FORTY_DAY.dumps("dood-xlsx")


def test_xlsx_writes_control_characters_as_replacement_characters() -> None:
    timeline = Timeline(events=[Event(id="a", title="A", kind="shoot", when="2024-01-02",
                                      people=["Bell\x07 Boy\x00 \t\r\n"])])
    sheet = _workbook(timeline)["DOOD"]
    assert sheet["A6"].value == "Bell\ufffd Boy\ufffd \t\r\n"


def test_every_output_refuses_a_lone_surrogate() -> None:
    timeline = Timeline(events=[Event(id="a", title="A", kind="shoot", when="2024-01-02",
                                      people=["Ann \ud800"])])
    for name in ("dood", "dood-csv"):
        with pytest.raises(mitimeline.ExportError, match=r"cannot write '\\ud800' as UTF-8"):
            timeline.dumps(name)
    with pytest.raises(mitimeline.ExportError, match=r"cannot write '\\ud800' as UTF-8, in "
                                                     r"XLSX cell A6 \('Ann \\ud800'\)"):
        timeline.dumps("dood-xlsx")


# -- HTML, parsed back in Python ----------------------------------------------------------


@pytest.mark.parametrize("timeline", [FORTY_DAY, EDGE, HOSTILE],
                         ids=["forty-day", "edge", "hostile"])
def test_html_table_parses_back_to_the_grid(timeline: Timeline) -> None:
    page = timeline.dumps("dood")
    grid = day_out_of_days(timeline)
    tables = read_html(page).tables
    body = tables["dood"][5:5 + len(grid.rows)]  # after the five header rows
    assert body == [person_row(row) for row in grid.rows]
    assert tables["dood"][-1] == [*working_row(grid)[:2 + len(grid.days)], ""]
    assert [row[:2] for row in tables["legend"]] == [[c, m] for c, m in CODES.items()]
    if grid.unplaceable:
        assert tables["unplaceable"] == [list(UNPLACEABLE_HEADER),
                                         *map(unplaceable_row, grid.unplaceable)]
    assert tables["dood"][1][-len(TOTAL_NAMES):] == list(TOTAL_NAMES)


def test_html_escapes_every_text_and_has_no_script() -> None:
    page = HOSTILE.dumps("dood")
    assert "<script" not in page and "<img" not in page and "<!-- x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot;" in page
    assert "<title>Day-out-of-days: &lt;b&gt;Title&lt;/b&gt; &amp; &lt;!-- x --&gt; " \
           "&lt;/table&gt;</title>" in page


def test_html_is_printable_landscape_with_a_sticky_header() -> None:
    page = FORTY_DAY.dumps("dood")
    assert "@page { size: landscape;" in page
    assert "table.dood thead { position: sticky; top: 0;" in page
    assert "display: table-header-group" in page  # repeated on every printed page


# -- the command line ---------------------------------------------------------------------


def test_cli_convert_to_dood_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "schedule.json"
    FORTY_DAY.export(source)
    target = tmp_path / "out" / "dood.html"
    target.parent.mkdir()
    assert main(["convert", str(source), str(target), "--to", "dood",
                 "-o", "drop_days=30"]) == 0
    page = target.read_text(encoding="utf-8")
    assert "drop threshold 30 days" in page
    assert read_html(page).tables["dood"][5][0] == "Ava Stone"
    assert main(["convert", str(source), str(tmp_path / "dood.xlsx"), "--to", "dood-xlsx",
                 "-o", "roles=[\"director\"]"]) == 0
    book = openpyxl.load_workbook(tmp_path / "dood.xlsx")
    assert [row[0] for row in book["DOOD"].iter_rows(min_row=6, values_only=True)] == [
        "Dee Park", "people working"]
    capsys.readouterr()


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "schedule.json"
    FORTY_DAY.export(source)
    assert main(["convert", str(source), str(tmp_path / "x.dood.csv"),
                 "-o", "drop_days=0"]) == 2
    assert capsys.readouterr().err.strip() == (
        "mitimeline convert: error: format 'dood-csv': bad option value: drop_days must be a "
        "whole number of days, 1 or more, or None (10 for a US-only production, else 14), "
        "got 0")
    # without --to, .html is the Gantt chart's extension, which takes no drop_days
    assert main(["convert", str(source), str(tmp_path / "dood.html"),
                 "-o", "drop_days=14"]) == 2
    assert "format 'html' does not take option(s) drop_days" in capsys.readouterr().err


def test_cli_in_a_subprocess_lists_the_formats() -> None:
    result = subprocess.run([sys.executable, "-m", "mitimeline", "formats"],
                            capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["dood", "write", ".dood.html", "mitimeline-dood"] in rows
    assert ["dood-csv", "write", ".dood.csv", "mitimeline-dood"] in rows
    assert ["dood-xlsx", "write", ".dood.xlsx", "mitimeline-dood"] in rows
