"""EDTF level 2 in ``When``: sets (one of, multiple dates), sub-year groupings 25-41, the
English that reads onto them, and the two oracles (``edtf`` bounds, ``edtf-validate`` levels)."""

from __future__ import annotations

import re
from datetime import date

import edtf  # the oracles are in the test extra: imported, never skipped
import pytest
from edtf_validate.valid_edtf import is_valid, isLevel0, isLevel1, isLevel2
from hypothesis import given

from mitimeline import DateParseError, When
from mitimeline._english import holiday
from mitimeline.testing import strategies


@pytest.mark.parametrize(
    ("text", "edtf_text", "lower", "upper", "precision"),
    [
        ("[2020-06,2020-08]", "[2020-06,2020-08]", "2020-06-01", "2020-08-31", "month"),
        ("[2020-08, 2020-06]", "[2020-06,2020-08]", "2020-06-01", "2020-08-31", "month"),
        ("[..2020-12-24]", "[..2020-12-24]", "0001-01-01", "2020-12-24", "day"),
        ("[2021..]", "[2021..]", "2021-01-01", "9999-12-31", "year"),
        ("[2020-10-01..2020-10-05]", "[2020-10-01..2020-10-05]", "2020-10-01", "2020-10-05",
         "day"),
        ("{2020-10-09,2020-10-03,2020-10-05}", "{2020-10-03,2020-10-05,2020-10-09}",
         "2020-10-03", "2020-10-09", "day"),
        ("{2020-10-09,2020-10-01..2020-10-05}", "{2020-10-01..2020-10-05,2020-10-09}",
         "2020-10-01", "2020-10-09", "day"),
        ("[2020,2020-06]", "[2020,2020-06]", "2020-01-01", "2020-12-31", "month"),
        ("[2020-06]", "2020-06", "2020-06-01", "2020-06-30", "month"),
        ("{2020-06,2020-06}", "2020-06", "2020-06-01", "2020-06-30", "month"),
        ("[2020-06-01..2020-06-01]", "2020-06-01", "2020-06-01", "2020-06-01", "day"),
        ("[2021..,2020-06]", "[2020-06,2021..]", "2020-06-01", "9999-12-31", "month"),
        ("2021-25", "2021-25", "2021-03-01", "2021-05-31", "season"),
        ("2021-26", "2021-26", "2021-06-01", "2021-08-31", "season"),
        ("2021-27", "2021-27", "2021-09-01", "2021-11-30", "season"),
        ("2021-28", "2021-28", "2021-12-01", "2022-02-28", "season"),
        ("2021-29", "2021-29", "2021-09-01", "2021-11-30", "season"),
        ("2023-30", "2023-30", "2023-12-01", "2024-02-29", "season"),
        ("2021-31", "2021-31", "2021-03-01", "2021-05-31", "season"),
        ("2021-32", "2021-32", "2021-06-01", "2021-08-31", "season"),
        ("2021-33", "2021-33", "2021-01-01", "2021-03-31", "season"),
        ("2021-34", "2021-34", "2021-04-01", "2021-06-30", "season"),
        ("2021-35", "2021-35", "2021-07-01", "2021-09-30", "season"),
        ("2021-36", "2021-36", "2021-10-01", "2021-12-31", "season"),
        ("2021-37", "2021-37", "2021-01-01", "2021-04-30", "season"),
        ("2021-38", "2021-38", "2021-05-01", "2021-08-31", "season"),
        ("2021-39", "2021-39", "2021-09-01", "2021-12-31", "season"),
        ("2021-40", "2021-40", "2021-01-01", "2021-06-30", "season"),
        ("2021-41", "2021-41", "2021-07-01", "2021-12-31", "season"),
    ],
)
def test_level2_forms(text: str, edtf_text: str, lower: str, upper: str, precision: str) -> None:
    when = When(text)
    assert str(when) == edtf_text
    assert (when.lower, when.upper) == (date.fromisoformat(lower), date.fromisoformat(upper))
    assert when.precision == precision
    assert When(str(when)) == when


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[]", "one of a set needs at least one member"),
        ("{ }", "multiple dates needs at least one member"),
        ("[2020", "one of a set opened with '[' must end with ']'"),
        ("{2020]", "multiple dates opened with '{' must end with '}'"),
        ("[2020,,2021]", "a set has an empty member"),
        ("[..]", "'..' alone is not a member"),
        ("[2020..2021-06]", "must have the same precision (a year and a month)"),
        ("[2020-10-05..2020-10-01]", "the range '2020-10-05..2020-10-01' ends before it starts"),
        ("[2020-10~..2020-11]", "the ends of a range in a set ('a..b') are plain dates"),
        ("[201X..2021]", "got '201X'"),
        ("{2020-23,2021}", "'2020-23' is a season"),
        ("{2020-10-03T10:00:00Z,2021}", "is a time"),
        ("[..2020,..2021]", "a set may have one member open at its start, not 2"),
        ("[2020..,2021..]", "a set may have one member open at its end, not 2"),
        ("[2020/2021]", "'2020/2021' is not YYYY"),
        ("2021-33~", "a sub-year grouping 25-41 cannot be qualified"),
        ("2021-42", "month '42' is not 01-12 or a season or sub-year grouping 21-41"),
        ("2021-33-01", "cannot have a day"),
        ("2021-33/2021-35", "a sub-year grouping 25-41 ('2021-33') cannot be an end of an"),
        ("[2020,2021]/2022", "one of a set opened with '[' must end with ']'"),
    ],
)
def test_level2_errors_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError, match=re.escape(fragment)):
        When(text)


def test_when_parse_says_what_is_wrong_with_a_set() -> None:
    with pytest.raises(DateParseError, match=re.escape(
            "could not read '[2020, 2021' as a date ('[2020, 2021' is not a valid EDTF date: "
            "one of a set opened with '[' must end with ']')")):
        When.parse("[2020, 2021")


def test_set_structure() -> None:
    one_of = When("[2020-06,2020-08]")
    multiple = When("{2020-10-01..2020-10-05,2020-10-09}")
    assert one_of.is_set and one_of.is_one_of and not one_of.is_multiple
    assert multiple.is_set and multiple.is_multiple and not multiple.is_one_of
    assert not one_of.is_interval and not multiple.is_interval
    assert one_of.members == (When("2020-06"), When("2020-08"))
    assert multiple.members == (When("2020-10-01/2020-10-05"), When("2020-10-09"))
    assert When("[..2020-12-24]").members == (When("../2020-12-24"),)
    assert When("[2021..]").members == (When("2021/.."),)
    for plain in (When("2020"), When("2020/2021"), When("2021-33")):
        assert not plain.is_set and not plain.is_one_of and not plain.is_multiple
        assert plain.members == ()


def test_open_ends_are_said_by_the_text_not_by_year_1() -> None:
    assert When("../2000").open_start and When("/2000").open_start
    assert When("[..2020-12-24,2021]").open_start and not When("[..2020-12-24]").open_end
    assert When("[2020,2021..]").open_end and not When("[2020,2021..]").open_start
    assert When("2000/..").open_end and When("2000/").open_end
    for closed in ("0001/2000", "0001", "[0001,2000]", "9999", "2000/9999"):
        assert not When(closed).open_start and not When(closed).open_end


def test_day_runs() -> None:
    d = date.fromisoformat
    assert When("{2020-10-03,2020-10-04,2020-10-09}").day_runs() == (
        (d("2020-10-03"), d("2020-10-04")), (d("2020-10-09"), d("2020-10-09")))
    assert When("{2020-10-01..2020-10-05,2020-10-04..2020-10-07,2020-10-09}").day_runs() == (
        (d("2020-10-01"), d("2020-10-07")), (d("2020-10-09"), d("2020-10-09")))
    # one of a set takes one day (or run) of its hull, unknown which: the hull is its run
    assert When("[2020-06,2020-08]").day_runs() == ((d("2020-06-01"), d("2020-08-31")),)
    assert When("2020-09").day_runs() == ((d("2020-09-01"), d("2020-09-30")),)
    assert When("[..2020-12-24]").day_runs() == ((date.min, d("2020-12-24")),)


@pytest.mark.parametrize(
    ("a", "b", "overlaps", "before", "contains"),
    [
        ("[2020-06,2020-08]", "2020-07", False, None, False),
        ("[2020-06,2020-08]", "2020-06-05", True, None, True),
        ("[2020-06,2020-08]", "2020-09", False, True, False),
        ("[..2020-12-24]", "2020-12-25", False, True, False),
        ("[..2020-12-24]", "2020-12", True, None, False),
        ("[2021..]", "2020", False, False, False),
        ("{2020-10-03,2020-10-09}", "2020-10-05", False, False, False),
        ("{2020-10-03,2020-10-09}", "2020-10-09", True, False, True),
        ("{2020-06,2020-08}", "2020-07", False, False, False),
        ("{2020-06,2020-08}", "2020-09", False, True, False),
        ("2020-07", "{2020-06,2020-08}", False, False, False),
        ("2020-05", "{2020-06,2020-08}", False, True, False),
        ("2020", "{2020-06,2020-08}", True, None, True),
        ("2020", "[2020-06,2021-08]", True, None, False),
        ("{2020-10-01..2020-10-05,2020-10-09}", "{2020-10-02,2020-10-04}", True, False, True),
        ("[2020-10..2021-11]", "2021-04", True, None, True),
    ],
)
def test_set_comparisons_say_possibly_honestly(
    a: str, b: str, overlaps: bool, before: bool | None, contains: bool
) -> None:
    assert When(a).overlaps(b) is overlaps
    assert When(b).overlaps(a) is overlaps
    assert When(a).before(b) is before
    assert When(a).contains(b) is contains


def test_set_constructors() -> None:
    assert When.one_of(["2020-08", "2020-06"]) == When("[2020-06,2020-08]")
    assert When.one_of([When.interval(None, "2020-12-24")]) == When("[..2020-12-24]")
    assert When.one_of([When.interval("2021", None)]) == When("[2021..]")
    assert When.multiple([date(2020, 10, 9), When.interval("2020-10-01", "2020-10-05")]) == When(
        "{2020-10-01..2020-10-05,2020-10-09}")
    assert When.multiple(["2020-10-03"]) == When("2020-10-03")
    with pytest.raises(DateParseError, match=r"a member of a set cannot itself be a set: "
                                             r"'\[2020,2021\]'"):
        When.one_of(["2019", When("[2020,2021]")])
    with pytest.raises(DateParseError, match="the start of an interval cannot be a set"):
        When.interval(When("[2020,2021]"), None)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("[2020-06,2020-08]", "one of June 2020 or August 2020"),
        ("[..2020-12-24]", "on or before 24 December 2020"),
        ("[2021..]", "on or after 2021"),
        ("[2020-10..2021-11]", "some time in October 2020 to November 2021"),
        ("{2020-10-03,2020-10-05,2020-10-09}",
         "each of 3 October 2020, 5 October 2020 and 9 October 2020"),
        ("{2020-10-01..2020-10-05}", "every day of 1 October 2020 to 5 October 2020"),
        ("[2020-06~,2020-08]", "one of June 2020 or August 2020 (approximate)"),
        ("2021-33", "first quarter of 2021"),
        ("2021-40", "first half of 2021"),
        ("2021-32", "southern winter 2021"),
        ("2021-30", "southern summer 2021–22"),
    ],
)
def test_describe_level2(text: str, described: str) -> None:
    assert When(text).describe() == described


# -- English --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "edtf_text"),
    [
        ("Q1 2021", "2021-33"),
        ("q4 2020", "2020-36"),
        ("the first quarter of 2021", "2021-33"),
        ("third quarter 2021", "2021-35"),
        ("last quarter of 2020", "2020-36"),
        ("first half of 2021", "2021-40"),
        ("the second half of 2021", "2021-41"),
        ("H2 2021", "2021-41"),
        ("southern winter 2021", "2021-32"),
        ("Southern-Hemisphere summer 2020", "2020-30"),
        ("southern hemisphere autumn of 2021", "2021-31"),
        ("northern spring 2021", "2021-25"),
        ("winter 2021", "2021-24"),
        ("Christmas 2020", "2020-12-25"),
        ("Christmas Day 2020", "2020-12-25"),
        ("Christmas Eve 2020", "2020-12-24"),
        ("around Christmas 2020", "2020-12-25~"),
        ("Easter 2021", "2021-04-04"),
        ("Easter Sunday 2024", "2024-03-31"),
        ("Thanksgiving 2020", "2020-11-26"),
        ("New Year's Eve 2020", "2020-12-31"),
        ("before Christmas 2020", "[..2020-12-24]"),
        ("by Christmas 2020", "[..2020-12-25]"),
        ("no later than March 2021", "[..2021-03]"),
        ("before 2021", "[..2020]"),
        ("before March 2021", "[..2021-02]"),
        ("before Q2 2021", "[..2021-03-31]"),
        ("no later than summer 2021", "[..2021-08-31]"),
        ("no earlier than 2021", "[2021..]"),
        ("not before 5 October 2020", "[2020-10-05..]"),
        ("on or after Easter 2021", "[2021-04-04..]"),
        ("after March 2021", "[2021-04..]"),
        ("after 2020", "[2021..]"),
        ("after 31 December 2020", "[2021-01-01..]"),
        ("on 3, 5 and 9 October 2020", "{2020-10-03,2020-10-05,2020-10-09}"),
        ("3rd, 5th and 9th of October 2020", "{2020-10-03,2020-10-05,2020-10-09}"),
        ("on 3 and 5 October 2020", "{2020-10-03,2020-10-05}"),
        ("October 3, 5 and 9, 2020", "{2020-10-03,2020-10-05,2020-10-09}"),
        ("June or August 2020", "[2020-06,2020-08]"),
        ("in May, June or July 2021", "[2021-05,2021-06,2021-07]"),
        ("Sept. or Oct. 2020", "[2020-09,2020-10]"),
        ("on 3 or 5 October 2020", "[2020-10-03,2020-10-05]"),
        ("October 3, 5 or 9, 2020", "[2020-10-03,2020-10-05,2020-10-09]"),
        ("early 2021", "2021-01~/2021-04~"),
    ],
)
def test_english_level2(text: str, edtf_text: str) -> None:
    assert str(When.parse(text)) == edtf_text


@pytest.mark.parametrize(
    "text",
    ["fifth quarter of 2021", "third half of 2021", "Q1 2021?", "on 3, 5 and 31 September 2020",
     "before 0001", "after 9999", "before early October 2020", "Christmas", "southern 2021",
     "June or or 2020", "on 31 or 30 September 2020"],
)
def test_english_level2_refusals(text: str) -> None:
    with pytest.raises(DateParseError, match=re.escape(f"could not read {text!r} as a date")):
        When.parse(text)


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        # Western Easter: known dates, including the extremes (22 March, 25 April)
        ("easter", 2021, "2021-04-04"), ("easter", 2024, "2024-03-31"),
        ("easter", 2025, "2025-04-20"), ("easter", 1818, "1818-03-22"),
        ("easter", 2038, "2038-04-25"), ("easter", 2000, "2000-04-23"),
        # US Thanksgiving: the fourth Thursday of November
        ("thanksgiving", 2020, "2020-11-26"), ("thanksgiving", 2021, "2021-11-25"),
        ("thanksgiving", 2018, "2018-11-22"), ("thanksgiving", 2012, "2012-11-22"),
        ("thanksgiving", 2024, "2024-11-28"),
        ("christmas", 2020, "2020-12-25"), ("boxing day", 2020, "2020-12-26"),
    ],
)
def test_holidays(name: str, year: int, day: str) -> None:
    assert holiday(name, year) == date.fromisoformat(day)


# -- the oracles ----------------------------------------------------------------------------

ORACLE_DIVERGENCES = {
    # The edtf package gives winter (24, 28) and the southern summer (30) December only;
    # here they run from December to February, as the seasons do.
    "2021-28": ("2021-12-01", "2021-12-31"),
    "2021-30": ("2021-12-01", "2021-12-31"),
}
"""Texts on whose bounds the ``edtf`` package differs, with its bounds."""


@pytest.mark.parametrize(
    "text",
    ["[2020-06,2020-08]", "[..2020-12-24]", "[2021..]", "[2020-10-01..2020-10-05]",
     "[2020-10..2021-11]", "{2020-10-03,2020-10-05,2020-10-09}",
     "{2020-10-01..2020-10-05,2020-10-09}", "{2019,2020-06}", "[201X,2021]",
     *(f"2021-{n}" for n in range(25, 42))],
)
def test_bounds_agree_with_the_edtf_package(text: str) -> None:
    oracle = edtf.parse_edtf(text)
    when = When(text)
    lower, upper = oracle.lower_strict(), oracle.upper_strict()
    low = date.min if lower == -float("inf") else edtf.struct_time_to_date(lower)
    high = date.max if upper == float("inf") else edtf.struct_time_to_date(upper)
    if text in ORACLE_DIVERGENCES:
        assert (low, high) == tuple(map(date.fromisoformat, ORACLE_DIVERGENCES[text]))
        assert (when.lower, when.upper) != (low, high)
        return
    assert (when.lower, when.upper) == (low, high)


def oracle_fails_on(when: When) -> bool:
    """The sets the ``edtf`` package cannot give bounds for (it raises): multiple dates with
    an open end, and a member with a partly unspecified month or day (``2020-1X``,
    ``2020-06-0X``) or an unspecified month without a day (``2020-XX``)."""
    return (when.is_multiple and (when.open_start or when.open_end)) or any(
        re.search(r"-[0-9]X", member.edtf) or re.fullmatch(r"[0-9X]{4}-XX[?~%]?", member.edtf)
        for member in when.members)


@given(strategies.whens().filter(lambda when: when.is_set))
def test_set_bounds_agree_with_the_edtf_package(when: When) -> None:
    if oracle_fails_on(when):
        with pytest.raises((TypeError, ValueError, AttributeError)):
            oracle = edtf.parse_edtf(when.edtf)
            oracle.lower_strict(), oracle.upper_strict()
        return
    oracle = edtf.parse_edtf(when.edtf)
    lower, upper = oracle.lower_strict(), oracle.upper_strict()
    low = date.min if lower == -float("inf") else edtf.struct_time_to_date(lower)
    high = date.max if upper == float("inf") else edtf.struct_time_to_date(upper)
    assert (when.lower, when.upper) == (low, high)


def expected_level(when: When) -> int:
    """The EDTF level of a canonical text by its structure, as edtf-validate sees it: sets,
    groupings 25-41, qualified seasons, and X digits in an interval or other than ``201X``,
    ``20XX``, ``2020-XX``, ``2020-XX-XX``, ``2020-09-XX`` are level 2; other qualifiers and
    X digits, seasons, intervals with an open or unknown end or a season at an end are level
    1; the rest (intervals of plain dates too) 0."""
    text = when.edtf
    x_level1 = re.fullmatch(r"[0-9]{2}(?:[0-9]X|XX)|[0-9]{4}-(?:XX|[0-9]{2})-XX|[0-9]{4}-XX",
                            text.rstrip("?~%"))
    if when.is_set or ("X" in text and not x_level1):
        return 2
    if when.precision == "season" and not when.is_interval and (
            int(text[5:7]) > 24 or when.approximate or when.uncertain):
        return 2
    ends = (when.start, when.end) if when.is_interval else ()
    if (when.approximate or when.uncertain or "X" in text or when.precision == "season"
            or None in ends or any(end.precision == "season" for end in ends if end)):
        return 1
    return 0


def known_divergence(when: When) -> str | None:
    """Why edtf-validate refuses a text we write (listed in docs/dates.md); None for anything
    it must accept. All but the last are forms of before level 2."""
    if when.is_interval and "X" in when.edtf:
        return "X digits in an interval: edtf-validate reads them in some places only"
    if "X" in when.edtf and (when.approximate or when.uncertain) and not when.is_set:
        return "a qualifier on a date with X digits (201X?)"
    if when.is_interval and "T" in when.edtf:
        return "a date-time as an end of an interval"
    start, end = when.start, when.end
    if when.is_interval and start is not None and end is not None and end.lower < start.lower:
        return "an interval whose end begins before its start (2000-06/2000)"
    members = when.members
    if (len(members) > 1 and members[0].start is None and members[-1].is_interval
            and members[-1].end is not None):
        return "a set open at its start whose last member is a range ([..2000,2001..2002])"
    offset = re.search(r"[+-]([0-9]{2}):([0-9]{2})$", when.edtf)
    if offset and (int(offset[1]), int(offset[2])) > (14, 0):
        return "a UTC offset beyond ±14:00"
    return None


@given(strategies.whens())
def test_edtf_validate_confirms_the_level_of_what_we_write(when: When) -> None:
    text = when.edtf
    if known_divergence(when) is not None:
        return  # listed in docs/dates.md
    assert is_valid(text), text
    level = expected_level(when)
    assert [isLevel0(text), isLevel1(text), isLevel2(text)] == [
        level == 0, level == 1, level == 2], (text, level)
