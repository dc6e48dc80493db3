"""Option values from the command line (issue 19, point 8): one rule, driven by the type of
each ``Options`` field (``mitimeline.optiontext``), with errors in command-line words."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest

import mitimeline
from mitimeline import When
from mitimeline.cli import main
from mitimeline.default_plugins.ical.options import ExportOptions, ImportOptions
from mitimeline.default_plugins.serve.command import calendar_options
from mitimeline.formats import OptionText, make_options
from mitimeline.gantt.options import ChartOptions
from mitimeline.optiontext import as_text, expected, option_words, read_option

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def built(options_class: type[Any], **texts: str) -> Any:
    return make_options(options_class, "test", {k: OptionText(v) for k, v in texts.items()})


# -- the rule, type by type ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("True", True), ("yes", True), ("on", True), ("1", True),
    ("false", False), ("NO", False), ("off", False), ("0", False), (" no ", False),
])
def test_booleans_read_as_people_write_them(text: str, value: bool) -> None:
    assert read_option(bool, text) is value
    assert built(ExportOptions, lossless=text).lossless is value


def test_a_bad_boolean_says_what_it_expects_in_command_line_words() -> None:
    with pytest.raises(mitimeline.OptionsError,
                       match=r"^format 'test': option lossless: expected true or false \(also "
                             r"yes/no, on/off, 1/0\), got 'maybe'$"):
        built(ExportOptions, lossless="maybe")


def test_numbers_and_none() -> None:
    assert read_option(int, " 4 ") == 4
    assert read_option(float, "2.5") == 2.5
    assert read_option(int | None, "none") is None
    assert read_option(int | None, "NULL") is None
    assert built(ImportOptions, max_occurrences="100").max_occurrences == 100
    with pytest.raises(ValueError, match=r"^expected a whole number or none, got '4.5'$"):
        read_option(int | None, "4.5")


def test_dates_mean_their_first_day() -> None:
    options = built(ImportOptions, expand_from="2019", expand_until="2019-06-30")
    assert (options.expand_from, options.expand_until) == (date(2019, 1, 1), date(2019, 6, 30))
    assert read_option(date, "30 June 2019") == date(2019, 6, 30)
    with pytest.raises(mitimeline.OptionsError,
                       match=r"option expand_until: expected a date such as 2019-06-30 \(text "
                             r"such as 2019 means its first day\) or none, got 'soonish'$"):
        built(ImportOptions, expand_until="soonish")
    with pytest.raises(ValueError, match="expected a date"):
        read_option(date, "../2019")  # no first day


def test_date_times_need_their_utc_offset() -> None:
    stamp = built(ExportOptions, stamp="2020-10-05T12:00:00Z").stamp
    assert stamp == datetime(2020, 10, 5, 12, tzinfo=timezone.utc)
    assert read_option(datetime, "2020-10-05T14:00:00+02:00").utcoffset() == timedelta(hours=2)
    for text in ("2020-10-05T12:00:00", "yesterday"):
        with pytest.raises(mitimeline.OptionsError,
                           match=rf"option stamp: expected a date-time with its UTC offset such "
                                 rf"as 2020-10-05T12:00:00Z or none, got '{text}'$"):
            built(ExportOptions, stamp=text)


def test_fuzzy_dates_read_any_date_text() -> None:
    options = built(ChartOptions, start="early September 2020", end="2020-10")
    assert (options.start, options.end) == (When.parse("early September 2020"), When("2020-10"))
    with pytest.raises(mitimeline.OptionsError, match=r"option end: expected a date such as "
                                                      r"2020-09, .* or none, got 'someday'$"):
        built(ChartOptions, end="someday")


def test_lists_are_comma_separated_or_json_arrays() -> None:
    assert built(ExportOptions, kinds="stunt, shoot").kinds == frozenset({"stunt", "shoot"})
    assert built(ExportOptions, kinds='["stunt"]').kinds == frozenset({"stunt"})
    assert built(ChartOptions, kinds="stunt,shoot").kinds == ("stunt", "shoot")
    assert read_option(list[int], "1, 2,3") == [1, 2, 3]
    assert read_option(list[int], "") == []
    assert read_option(tuple[str, ...], "a,b") == ("a", "b")
    with pytest.raises(ValueError, match=r"^expected a list of a whole number \(comma-separated"
                                         r", or a JSON array\), got '1,x'$"):
        read_option(list[int], "1,x")
    with pytest.raises(ValueError, match="expected a list"):
        read_option(list[int], "[1,")
    with pytest.raises(mitimeline.OptionsError, match=r"kinds: unknown kind\(s\) 'stunts'"):
        built(ExportOptions, kinds="stunts")


def test_text_is_kept_and_quotes_make_none_text() -> None:
    assert built(ExportOptions, uid_scope="none").uid_scope is None
    assert built(ExportOptions, uid_scope='"none"').uid_scope == "none"
    assert built(ExportOptions, calendar_name="2020").calendar_name == "2020"
    assert read_option(str, '"unclosed') == '"unclosed'


def test_a_union_tries_its_types_in_the_order_declared() -> None:
    assert built(ChartOptions, today="yes").today is True
    assert built(ChartOptions, today="2020-10-05").today == date(2020, 10, 5)
    # text first: the news parser gets the text, and reads a month as a month
    assert read_option(str | date | None, "October 2020") == "October 2020"
    assert read_option(date | str, "October 2020") == date(2020, 10, 1)
    with pytest.raises(mitimeline.OptionsError,
                       match=r"option today: expected true or false \(also yes/no, on/off, 1/0\) "
                             r"or a date such as 2019-06-30 .*, got 'often'$"):
        built(ChartOptions, today="often")


def test_literals_and_other_types() -> None:
    assert read_option(Literal["a", "b"], "b") == "b"
    with pytest.raises(ValueError, match=r"^expected one of a, b, got 'c'$"):
        read_option(Literal["a", "b"], "c")
    # no rule for the type: JSON if it parses, else the text
    assert read_option(dict[str, int], '{"a": 1}') == {"a": 1}
    assert read_option(Any, "plain") == "plain"
    assert expected(dict[str, int]) == "a JSON value, or text"


@attrs.frozen
class Unresolvable:
    size: typing.Any = attrs.field(default=1)
    name: Missing = attrs.field(default="x")  # type: ignore[name-defined]  # noqa: F821


def test_a_class_whose_annotations_cannot_be_resolved_falls_back_to_json_or_text() -> None:
    options = built(Unresolvable, size="[1, 2]", name="y")
    assert (options.size, options.name) == ([1, 2], "y")


def test_values_given_in_python_are_not_read() -> None:
    assert make_options(ExportOptions, "ical", {"uid_scope": "none"}).uid_scope == "none"


@pytest.mark.parametrize(("value", "text"), [
    (None, "none"), (True, "true"), ("kind", "kind"), ("", "''"), ("a\nb", "'a\\nb'"),
    (date(2019, 6, 30), "2019-06-30"), (When("2020-09"), "2020-09"), (("a", "b"), "a,b"),
    (frozenset({"b", "a"}), "a,b"), (500, "500"),
])
def test_defaults_are_shown_as_they_are_typed(value: object, text: str) -> None:
    assert as_text(value) == text


@pytest.mark.parametrize("words", [["indent"], ["=4"]])
def test_key_value_words(words: Sequence[str]) -> None:
    with pytest.raises(mitimeline.MitimelineError, match=r"is not of the form KEY=VALUE$"):
        option_words(words)
    assert option_words(["a=b=c"]) == {"a": OptionText("b=c")}


# -- through the command line -------------------------------------------------------------


def test_convert_reads_dates_date_times_and_booleans(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mi7.ics"
    code, _, err = run(capsys, "convert", str(EXAMPLE), str(target),
                       "-o", "stamp=2020-10-05T12:00:00Z", "-o", "lossless=no",
                       "-o", "include_sources=off")
    assert (code, err) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert "DTSTAMP:20201005T120000Z" in text
    assert "X-MITIMELINE" not in text


def test_a_bad_value_is_one_line_in_command_line_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "x.json"),
                       "-o", "ensure_ascii=maybe")
    assert code == 2
    assert err == ("mitimeline convert: error: format 'json': option ensure_ascii: expected "
                   "true or false (also yes/no, on/off, 1/0), got 'maybe'\n")
    assert "<class" not in err


def test_input_options_are_read_the_same_way(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calendar = tmp_path / "series.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:s\r\n"
        "DTSTART;VALUE=DATE:20190601\r\nRRULE:FREQ=DAILY;COUNT=60\r\nSUMMARY:Daily\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(calendar), "-i", "expand_until=2019-06-30",
                         "-i", "strict=yes")
    assert code == 0, err
    assert out.splitlines()[-1].startswith("29 events")


def test_serve_reads_its_options_by_the_same_rule() -> None:
    options = calendar_options(["lossless=no", "refresh=none"])
    assert options == {"lossless": OptionText("no"), "refresh": OptionText("none")}
    built_options = make_options(ExportOptions, "ical", options)
    assert (built_options.lossless, built_options.refresh) == (False, None)
    with pytest.raises(mitimeline.OptionsError, match=r"option lossless: expected true or false"):
        calendar_options(["lossless=perhaps"])
