"""``show`` fits the terminal and chooses events; ``formats FORMAT`` shows a format's options
(issue 19, points 10 and 16)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import mitimeline
from mitimeline import cli
from mitimeline._texttable import ELLIPSIS, table_lines
from mitimeline.cli import main
from mitimeline.formats import option_fields

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"
MI7 = ROOT / "seeds" / "mi7.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


def widest(out: str) -> int:
    return max(len(line) for line in out.splitlines()[1:])


# -- fitting the width --------------------------------------------------------------------


def test_width_cuts_sources_then_places_then_titles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(MI7), "--width", "100")
    assert code == 0
    assert widest(out) <= 100
    full = mitimeline.load(MI7).sorted()
    header, _, *rows = out.splitlines()[1:len(full) + 3]
    assert header.split() == ["when", "kind", "title", "place", "sources"]
    title, place, sources = (header.index(name) for name in ("title", "place", "sources"))
    assert sources - place == 10 and len(header) - sources == len("sources")  # at 8
    assert any(ELLIPSIS in row[title:place] for row in rows)
    for row, event in zip(rows, full, strict=True):
        cell = row[title:place].rstrip()
        assert event.title == cell or (cell.endswith(ELLIPSIS)
                                       and event.title.startswith(cell[:-1]))


def test_dates_are_never_cut(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", str(MI7), "--width", "20")
    dates = [event.when.describe() for event in mitimeline.load(MI7).sorted()]
    for line, text in zip(out.splitlines()[3:], dates, strict=False):
        assert line.startswith(text)


def test_wide_cuts_nothing(capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(capsys, "show", str(MI7), "--wide")
    assert ELLIPSIS not in out
    for event in mitimeline.load(MI7):
        assert event.title in out


def test_columns_sets_the_width(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    # the dataset's longest date, never cut, is "some time in 1 September 2020 to 6
    # October 2020" (48 characters): its table is at least 92 wide
    monkeypatch.setenv("COLUMNS", "95")
    _, out, _ = run(capsys, "show", str(MI7))
    assert widest(out) <= 95 and ELLIPSIS in out


def test_nothing_is_cut_when_the_output_is_not_a_terminal(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", str(MI7))
    assert ELLIPSIS not in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gives_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda: os.terminal_size((100, 24)))
    out = Terminal()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["show", str(MI7)]) == 0
    assert widest(out.getvalue()) <= 100 and ELLIPSIS in out.getvalue()


def test_a_width_too_narrow_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", str(MI7), "--width", "12")
    assert (code, err) == (2, "mitimeline show: error: --width: expected at least 20 "
                              "characters, got 12\n")


def test_table_lines() -> None:
    rows = [("a", "a long title"), ("b", "short")]
    assert table_lines(("id", "title"), rows) == [
        "id  title", "--  ------------", "a   a long title", "b   short"]
    assert table_lines(("id", "title"), rows, width=12, shrink=(1,)) == [
        "id  title", "--  --------", f"a   a long{ELLIPSIS}", "b   short"]
    # a column keeps its header's width and 8 characters
    assert table_lines(("id", "title"), rows, width=5, shrink=(1,))[2] == f"a   a long{ELLIPSIS}"


# -- choosing events ----------------------------------------------------------------------


def titles(out: str) -> list[str]:
    timeline = mitimeline.load(EXAMPLE)
    return [event.title for event in timeline if event.title in out]


def test_kind_filters_and_the_title_line_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(EXAMPLE), "--kind", "stunt")
    assert code == 0
    assert out.splitlines()[0] == ("Mission: Impossible 7 — the 2020 restart (example) "
                                   "(2 of 7 events)")
    expected = mitimeline.load(EXAMPLE).filter(kind="stunt")
    assert titles(out) == [event.title for event in expected]
    _, out, _ = run(capsys, "show", str(EXAMPLE), "--kind", "stunt,move", "--kind", "SHOOT")
    assert len(titles(out)) == 4


def test_an_unknown_kind_lists_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", str(EXAMPLE), "--kind", "stunts")
    assert code == 2
    assert err == (f"mitimeline show: error: --kind: unknown kind(s) 'stunts'; choose among "
                   f"{', '.join(mitimeline.KINDS)}\n")


def test_between_person_and_place(capsys: pytest.CaptureFixture[str]) -> None:
    timeline = mitimeline.load(MI7)
    _, out, _ = run(capsys, "show", str(MI7), "--wide", "--between", "2020-10", "2020-10")
    assert titles_of(out, timeline) == titles_of_timeline(timeline.between("2020-10", "2020-10"))
    person = next(credit.name for event in timeline for credit in event.people)
    _, out, _ = run(capsys, "show", str(MI7), "--wide", "--person", person.upper())
    assert titles_of(out, timeline) == titles_of_timeline(timeline.filter(person=person))
    _, out, _ = run(capsys, "show", str(MI7), "--wide", "--place", "norway", "--kind", "stunt")
    chosen = timeline.filter(place="Norway", kind="stunt")
    assert 0 < len(chosen) < len(timeline)
    assert titles_of(out, timeline) == titles_of_timeline(chosen)


def titles_of(out: str, timeline: mitimeline.Timeline) -> set[str]:
    return {event.title for event in timeline if event.title in out}


def titles_of_timeline(timeline: mitimeline.Timeline) -> set[str]:
    return {event.title for event in timeline}


def test_a_bad_date_in_between_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", str(EXAMPLE), "--between", "2020", "someday")
    assert code == 2
    assert err.startswith("mitimeline show: error: --between: ")
    assert "someday" in err and err.count("\n") == 1


def test_disagreements_are_those_of_the_events_shown(capsys: pytest.CaptureFixture[str]) -> None:
    timeline = mitimeline.load(MI7)
    _, everything, _ = run(capsys, "show", str(MI7), "--wide")
    _, released, _ = run(capsys, "show", str(MI7), "--wide", "--kind", "release")
    ids = {event.id for event in timeline.filter(kind="release")}
    disagreements = [f for f in timeline.validate()
                     if f.code in cli.CLAIM_FINDINGS and f.event in ids]
    assert [str(f) for f in disagreements] == [line for line in released.splitlines()
                                               if line.startswith(("warning", "info", "error"))]
    assert len(everything.splitlines()) > len(released.splitlines())


# -- formats FORMAT -----------------------------------------------------------------------


def test_formats_format_prints_each_option_with_its_help(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats", "ical")
    assert code == 0
    assert out.startswith("ical: read/write (plugin mitimeline.default_plugins.ical)\n"
                          "extensions: .ics .ical .ifb .icalendar\n\nread options (-i "
                          "KEY=VALUE):\n  strict = false\n")
    assert ("  expand_until = none\n      expand only occurrences starting before this day"
            in out)
    assert "\nwrite options (-o KEY=VALUE):\n  calendar_name = none\n" in out
    assert "      accepts a list of text (comma-separated, or a JSON array) or none\n" in out


def test_formats_format_takes_a_plugin_name_and_refuses_unknown_ones(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats", "mitimeline.default_plugins.json_format:json")
    assert code == 0 and out.startswith("json: read/write")
    code, _, err = run(capsys, "formats", "jsn")
    assert code == 2
    assert err.startswith("mitimeline formats: error: no format named 'jsn'; available "
                          "formats: ")
    assert "json" in err


def test_formats_json_holds_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "formats", "json", "--json")
    (listed,) = json.loads(out)
    assert listed["export_option_fields"][0] == {
        "name": "indent", "type": "int | None", "accepts": "a whole number or none",
        "default": "2", "default_text": "2", "help": "spaces per level; none for one compact line"}
    assert listed["export_options"] == {"indent": "int | None = 2",
                                        "ensure_ascii": "bool = False"}
    assert [field["name"] for field in listed["parse_option_fields"]] == ["fast"]


DOCUMENTED = ("json", "ical", "csv", "timelinejs", "probe", "news", "uss", "dood", "dood-csv",
              "dood-xlsx", "svg", "html", "mermaid", "png", "pdf")
"""The formats whose every option has help text: all of this repository's."""


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_option_of_these_formats_has_help(name: str) -> None:
    (info,) = [f for f in mitimeline.list_formats() if f.name == name]
    fields = info.parse_option_fields + info.export_option_fields
    assert fields
    for option in fields:
        assert option.help, f"{name}: option {option.name} has no help"


def test_option_fields_without_annotations_or_defaults() -> None:
    import attrs

    @attrs.frozen
    class Bare:
        size = attrs.field()
        names = attrs.field(factory=list, metadata={"help": "  the   names "})

    size, names = option_fields(Bare)
    assert (size.type, size.default, size.default_text, size.help) == ("", "required",
                                                                       "required", "")
    assert (names.default, names.default_text, names.help) == ("[]", "", "the names")
    assert size.accepts == "a JSON value, or text"
