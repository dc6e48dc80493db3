"""When: EDTF and English parsing, bounds, comparisons, and properties of the arithmetic."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mitimeline import DateParseError, When
from mitimeline.testing import strategies


@pytest.mark.parametrize(
    ("text", "edtf", "lower", "upper", "precision"),
    [
        ("2020", "2020", "2020-01-01", "2020-12-31", "year"),
        ("2020-09", "2020-09", "2020-09-01", "2020-09-30", "month"),
        ("2020-02", "2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2020-09-06", "2020-09-06", "2020-09-06", "2020-09-06", "day"),
        ("201X", "201X", "2010-01-01", "2019-12-31", "year"),
        ("20XX", "20XX", "2000-01-01", "2099-12-31", "year"),
        ("2020-1X", "2020-1X", "2020-10-01", "2020-12-31", "month"),
        ("2020-XX", "2020-XX", "2020-01-01", "2020-12-31", "month"),
        ("2020-09-2X", "2020-09-2X", "2020-09-20", "2020-09-29", "day"),
        ("2020-09-3X", "2020-09-3X", "2020-09-30", "2020-09-30", "day"),
        ("2020-09-XX", "2020-09-XX", "2020-09-01", "2020-09-30", "day"),
        ("2020-21", "2020-21", "2020-03-01", "2020-05-31", "season"),
        ("2020-22", "2020-22", "2020-06-01", "2020-08-31", "season"),
        ("2020-23", "2020-23", "2020-09-01", "2020-11-30", "season"),
        ("2020-24", "2020-24", "2020-12-01", "2021-02-28", "season"),
        ("2019-24", "2019-24", "2019-12-01", "2020-02-29", "season"),
        ("2020-09/2020-10", "2020-09/2020-10", "2020-09-01", "2020-10-31", "month"),
        ("2020/2020-10-05", "2020/2020-10-05", "2020-01-01", "2020-10-05", "day"),
        ("2020-09/..", "2020-09/..", "2020-09-01", "9999-12-31", "month"),
        ("../2020-09", "../2020-09", "0001-01-01", "2020-09-30", "month"),
        ("2020-09/", "2020-09/", "2020-09-01", "9999-12-31", "month"),
        ("/2020-09", "/2020-09", "0001-01-01", "2020-09-30", "month"),
        ("2020-09-06T09:14:00Z", "2020-09-06T09:14:00Z", "2020-09-06", "2020-09-06", "time"),
        ("2020-09-06T09:14:00+00:00", "2020-09-06T09:14:00Z", "2020-09-06", "2020-09-06", "time"),
        ("2020-09-06T09:14:00-0700", "2020-09-06T09:14:00-07:00", "2020-09-06", "2020-09-06",
         "time"),
        ("2020-09-06T09:14:00+05", "2020-09-06T09:14:00+05:00", "2020-09-06", "2020-09-06", "time"),
        ("2020-09-06T09:14:00", "2020-09-06T09:14:00", "2020-09-06", "2020-09-06", "time"),
        # Everyday English.
        ("September 2020", "2020-09", "2020-09-01", "2020-09-30", "month"),
        ("Sept. 2020", "2020-09", "2020-09-01", "2020-09-30", "month"),
        ("Sep 6, 2020", "2020-09-06", "2020-09-06", "2020-09-06", "day"),
        ("September 6th, 2020", "2020-09-06", "2020-09-06", "2020-09-06", "day"),
        ("6 September 2020", "2020-09-06", "2020-09-06", "2020-09-06", "day"),
        ("Monday 05 October 2020", "2020-10-05", "2020-10-05", "2020-10-05", "day"),
        ("early October 2020", "2020-10-01~/2020-10-10~", "2020-10-01", "2020-10-10", "day"),
        ("mid-October 2020", "2020-10-11~/2020-10-20~", "2020-10-11", "2020-10-20", "day"),
        ("late February 2021", "2021-02-21~/2021-02-28~", "2021-02-21", "2021-02-28", "day"),
        ("end of September 2020", "2020-09-21~/2020-09-30~", "2020-09-21", "2020-09-30", "day"),
        ("early 2021", "2021-01~/2021-04~", "2021-01-01", "2021-04-30", "month"),
        ("autumn 2020", "2020-23", "2020-09-01", "2020-11-30", "season"),
        ("fall 2020", "2020-23", "2020-09-01", "2020-11-30", "season"),
        ("winter 2020", "2020-24", "2020-12-01", "2021-02-28", "season"),
        ("c. 2019", "2019~", "2019-01-01", "2019-12-31", "year"),
        ("circa September 2020", "2020-09~", "2020-09-01", "2020-09-30", "month"),
        ("September 2020?", "2020-09?", "2020-09-01", "2020-09-30", "month"),
        ("2020-09-06 to 2020-10-05", "2020-09-06/2020-10-05", "2020-09-06", "2020-10-05", "day"),
        ("6 September 2020 – 5 October 2020", "2020-09-06/2020-10-05", "2020-09-06",
         "2020-10-05", "day"),
        ("from September 2020 until early October 2020", "2020-09/2020-10-10~", "2020-09-01",
         "2020-10-10", "day"),
        ("  2020-09  ", "2020-09", "2020-09-01", "2020-09-30", "month"),
        ("2020-09-06 09:14", "2020-09-06T09:14:00", "2020-09-06", "2020-09-06", "time"),
    ],
)
def test_parse(text: str, edtf: str, lower: str, upper: str, precision: str) -> None:
    when = When.parse(text)
    assert str(when) == edtf
    assert when.lower == date.fromisoformat(lower)
    assert when.upper == date.fromisoformat(upper)
    assert when.precision == precision
    assert When(str(when)) == when


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [("2020", False, False), ("2020?", False, True), ("2020~", True, False),
     ("2020-09%", True, True), ("2020-09~/2020-10", True, False), ("2020/2021?", False, True),
     ("early October 2020", True, False)],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool) -> None:
    when = When.parse(text)
    assert (when.approximate, when.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "could not read ''"),
        ("September", "accepted forms"),
        ("next week", "accepted forms"),
        ("2020-13", "month '13' is not 01-12"),
        ("2020-00", "month '00' is not 01-12"),
        ("2020-02-30", "day '30' does not exist"),
        ("2021-02-29", "day '29' does not exist"),
        ("2020-02-3X", "does not exist"),
        ("20X0", "rightmost"),
        ("XXXX", "at least one known digit"),
        ("0000", "between 0001 and 9999"),
        ("2020-21-05", "season"),
        ("201X-21", "rightmost"),
        ("2020/2021/2022", "exactly one '/'"),
        ("../..", "at least one end"),
        ("/", "at least one end"),
        ("2020-09-06T25:00:00", "hour"),
        ("2020-09-06T09:14:00+25:00", "out of range"),
        ("Y170000002", "accepted forms"),
        ("2020-09-06 to nowhere", "accepted forms"),
    ],
)
def test_parse_errors_say_what_was_seen_and_expected(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        When.parse(text)
    assert fragment in str(caught.value)
    assert repr(text) in str(caught.value)
    assert caught.value.text == text


def test_parse_rejects_non_text() -> None:
    with pytest.raises(DateParseError, match="expected a date as text, got int"):
        When.parse(2020)  # type: ignore[arg-type]


def test_constructor_is_strict_edtf() -> None:
    assert When("2020-09") == When.parse("September 2020")
    with pytest.raises(DateParseError, match=r"^'September 2020' is not a valid EDTF date: "
                                             "'September 2020' is not YYYY, YYYY-MM, "):
        When("September 2020")
    with pytest.raises(DateParseError, match="YYYY-MM-DDThh:mm:ss"):
        When("2020-09-06T09:14")


def test_coerce_dates_and_datetimes() -> None:
    assert When.coerce(date(2020, 9, 6)) == When("2020-09-06")
    assert When.coerce(datetime(2020, 9, 6, 9, 14)) == When("2020-09-06T09:14:00")
    aware = datetime(2020, 9, 6, 9, 14, tzinfo=timezone(timedelta(hours=2)))
    assert str(When.coerce(aware)) == "2020-09-06T09:14:00+02:00"
    same = When("2020-09")
    assert When.coerce(same) is same


def test_interval_constructor() -> None:
    assert str(When.interval("2020-09", date(2020, 10, 5))) == "2020-09/2020-10-05"
    assert str(When.interval(None, "2020")) == "../2020"
    assert str(When.interval("2020", None)) == "2020/.."
    with pytest.raises(DateParseError, match="cannot itself be an interval"):
        When.interval("early October 2020", "2021")


def test_interval_parts() -> None:
    when = When("2020-09?/2020-10-05")
    assert when.is_interval
    assert when.start == When("2020-09?")
    assert when.end == When("2020-10-05")
    assert When("2020/..").end is None and When("2020/..").open_end
    assert When("/2020").start is None and When("/2020").open_start
    single = When("2020")
    assert single.start == single.end == single and not single.is_interval


def test_datetimes() -> None:
    when = When("2020-09-06T09:00:00Z/2020-09-06T11:30:00Z")
    assert when.precision == "time"
    assert when.start_datetime == datetime(2020, 9, 6, 9, tzinfo=timezone.utc)
    assert when.end_datetime == datetime(2020, 9, 6, 11, 30, tzinfo=timezone.utc)
    assert When("2020-09-06").start_datetime is None


@pytest.mark.parametrize(
    ("a", "b", "before", "overlaps"),
    [
        ("2020-09", "2020-10-01", True, False),
        ("2020-09", "2020-09-15", None, True),
        ("2020-10-01", "2020-09", False, False),
        ("2020-09-06", "2020-09-06", False, True),
        ("2020-09", "2020", None, True),
        ("early October 2020", "late October 2020", True, False),
        ("../2020", "2021", True, False),
        ("2020/..", "2019", False, False),
        ("2020/..", "2030", None, True),
        ("2020-09-06T09:00:00Z", "2020-09-06T14:00:00Z", True, False),
        ("2020-09-06T09:00:00Z/2020-09-06T11:00:00Z", "2020-09-06T10:00:00Z", None, True),
        ("2020-09-06T09:00:00Z", "2020-09-06", None, True),
    ],
)
def test_before_and_overlaps(a: str, b: str, before: bool | None, overlaps: bool) -> None:
    assert When.parse(a).before(b) is before
    assert When.parse(a).overlaps(b) is overlaps
    assert When.parse(b).overlaps(a) is overlaps


def test_contains() -> None:
    assert When("2020-09").contains("2020-09-15")
    assert When("2020-09").contains(date(2020, 9, 30))
    assert not When("2020-09").contains("2020-09-30/2020-10-01")
    assert When("2020-23").contains("2020-10")
    assert When("2020/..").contains("2050")


def test_sort_key_orders_by_lower_then_upper() -> None:
    texts = ["2020-10", "2020", "2020-09-06", "2020-09", "2020-09/2020-10", "../2020"]
    ordered = sorted((When(t) for t in texts), key=When.sort_key)
    assert [str(w) for w in ordered] == [
        "../2020", "2020", "2020-09", "2020-09/2020-10", "2020-09-06", "2020-10"]


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("2020", "2020"),
        ("2020-09", "September 2020"),
        ("2020-09-06", "6 September 2020"),
        ("2020-09~", "September 2020 (approximate)"),
        ("2020-24", "winter 2020–21"),
        ("2020-23", "autumn 2020"),
        ("early October 2020", "early October 2020 (approximate)"),
        ("mid-October 2020", "mid-October 2020 (approximate)"),
        ("2020-09/2020-10-05?", "September 2020 to 5 October 2020 (uncertain)"),
        ("2020/..", "from 2020"),
        ("../2020", "until 2020"),
        ("2020/", "2020 to unknown"),
        ("/2020", "unknown to 2020"),
        ("2020-09-06T09:14:00Z", "6 September 2020 09:14 Z"),
        ("201X", "2010-01-01..2019-12-31 (201X)"),
    ],
)
def test_describe(text: str, described: str) -> None:
    assert When.parse(text).describe() == described


def test_value_semantics() -> None:
    a, b = When("2020-09"), When.parse("September 2020")
    assert a == b and hash(a) == hash(b)
    assert a != When("2020-09~")
    assert a != "2020-09"
    assert repr(a) == "When('2020-09')"
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(AttributeError, match="can't set attribute"):
        a.edtf = "2021"  # type: ignore[misc]


# -- properties -------------------------------------------------------------------------

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))


@st.composite
def single_edtf(draw: st.DrawFn) -> str:
    day = draw(days)
    form = draw(st.sampled_from(["year", "month", "day", "season", "x-year", "time"]))
    text = {
        "year": f"{day.year:04d}",
        "month": f"{day.year:04d}-{day.month:02d}",
        "day": day.isoformat(),
        "season": f"{day.year:04d}-{draw(st.integers(21, 24))}",
        "x-year": f"{day.year // 10:03d}X",
        "time": f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{day.day % 60:02d}:00Z",
    }[form]
    if form != "time":
        text += draw(st.sampled_from(["", "?", "~", "%"]))
    return text


@st.composite
def edtf_texts(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)) == 0:  # the level-2 forms too (sets, sub-year groupings)
        return draw(strategies.edtf_texts())
    if draw(st.booleans()):
        return draw(single_edtf())
    start = draw(st.one_of(single_edtf(), st.sampled_from(["", ".."])))
    end = draw(single_edtf()) if start in ("", "..") else draw(
        st.one_of(single_edtf(), st.sampled_from(["", ".."])))
    return f"{start}/{end}"


@given(edtf_texts())
def test_canonical_text_round_trips(text: str) -> None:
    when = When(text)
    again = When(str(when))
    assert again == when
    assert (again.lower, again.upper, again.precision) == (when.lower, when.upper, when.precision)
    assert (again.approximate, again.uncertain) == (when.approximate, when.uncertain)


@given(single_edtf())
def test_single_dates_have_ordered_bounds_and_contain_themselves(text: str) -> None:
    when = When(text)
    assert when.lower <= when.upper
    assert when.contains(when)
    assert when.overlaps(when)


@given(edtf_texts(), edtf_texts())
def test_comparisons_are_consistent(a_text: str, b_text: str) -> None:
    a, b = When(a_text), When(b_text)
    assume(not a.ends_before_start and not b.ends_before_start)  # see validate()
    assert a.overlaps(b) == b.overlaps(a)
    if a.before(b):
        assert not a.overlaps(b)
        assert b.before(a) is False
    if a.contains(b) and b.lower <= b.upper:
        assert a.overlaps(b)


@pytest.mark.parametrize(("text", "inverted"), [
    ("2020-01-02/2020-01-01", True), ("2020-01-01T01:01:00Z/2020-01-01T00:01:00Z", True),
    ("2020-01-01T01:01:00/2020-01-01T00:01:00", True),
    ("2020-01-01T00:01:00Z/2020-01-01T01:01:00Z", False),
    ("2020-01-01T01:01:00Z/2020-01-01T00:01:00", False),  # an offset and none: not comparable
    ("2020-01-01T01:01:00+02:00/2020-01-01T00:01:00Z", False),  # 23:01 UTC, then 00:01 UTC
    ("2020-01-01/2020-01-01", False), ("../2020", False), ("2020-09", False)])
def test_an_interval_ends_before_it_starts_by_days_or_by_instants(text: str,
                                                                  inverted: bool) -> None:
    assert When(text).ends_before_start is inverted


@given(days, days)
def test_day_arithmetic_matches_plain_dates(x: date, y: date) -> None:
    a, b = When.coerce(x), When.coerce(y)
    assert a.before(b) is (x < y)
    assert a.overlaps(b) is (x == y)
    assert (a.sort_key() < b.sort_key()) is (x < y)


@given(days, st.sampled_from(["early", "mid", "late"]))
def test_thirds_of_a_month_tile_it(day: date, third: str) -> None:
    month = day.strftime("%B %Y")
    when = When.parse(f"{third} {month}")
    assert when.approximate and when.precision == "day"
    assert When.parse(month).contains(when)
    assert When.parse(f"{third} {month}").describe().startswith(third)


@given(days)
def test_english_and_edtf_agree(day: date) -> None:
    assert When.parse(f"{day.day} {day:%B} {day.year}") == When(day.isoformat())
    assert When.parse(f"{day:%b} {day.day}, {day.year}") == When(day.isoformat())
    assert When.parse(f"{day:%B} {day.year}") == When(f"{day.year}-{day.month:02d}")


@pytest.mark.parametrize(
    "text",
    ["2020", "2020-09", "2020-09-06", "2020-09~", "2020?", "201X", "2020-21", "2020-22",
     "2020-23", "2020-09/2020-10", "2019/2020-03-04", "2020-09-06T09:14:00Z", "1999-12-31"],
)
def test_bounds_agree_with_the_edtf_package(text: str) -> None:
    """The ``edtf`` package serves as an independent oracle (winter differs by design)."""
    import edtf  # the oracle is in the test extra: imported, never skipped

    oracle = edtf.parse_edtf(text)
    when = When(text)
    assert edtf.struct_time_to_date(oracle.lower_strict()) == when.lower
    assert edtf.struct_time_to_date(oracle.upper_strict()) == when.upper


# -- the fast path for plain dates agrees with the grammar ---------------------------------

_NEAR_MISSES = ["0", "1", "2", "3", "9", "X", "-", "T", ":", "Z", " ", "+", ".", "/", "?",
                "\u0663", "\uff10", "W", "z", "t", ""]
"""Characters to put in place of one of a valid text's: digits, separators, look-alikes
(an Arabic-Indic and a full-width digit), nothing."""


@st.composite
def plain_or_nearly(draw: st.DrawFn) -> str:
    """A valid single EDTF date, its extremes (0000, Feb 29, 24:00, :60, UTC offsets of
    ±00:00 and 24 hours, qualifiers on plain dates), or one of them
    with one character replaced, dropped or added."""
    text = draw(st.one_of(single_edtf(), st.sampled_from([
        "0000", "0001", "9999", "0000-01", "0001-01", "9999-12", "0000-01-01", "0001-01-01",
        "9999-12-31", "2020-02-29", "2021-02-29", "1900-02-29", "2000-02-29", "2020-04-31",
        "2020-13", "2020-00", "2020-09-00", "2020-09-06T24:00:00Z", "2020-09-06T23:59:60Z",
        "2020-09-06T23:60:00", "2020-09-06T09:14:00", "2020-09-06 09:14:00Z",
        "2020-W36-7", "2020W367", "20200906", "2020-09-06T091400Z", "2020-09-06T09:14:00.5",
        "2020-09-06T09:14:00+02:00", "2020-09-06T09:14:00-07:30", "2020-09-06T09:14:00+00:00",
        "2020-09-06T09:14:00-00:00", "2020-09-06T09:14:00+23:59", "2020-09-06T09:14:00+24:00",
        "2020-09-06T09:14:00+05:60", "2020-09-06T09:14:00+0200", "2020~", "2020-09?",
        "2020-09-06%", "2020-21~", "2020-02-30~", "0000~", "2020-09-06T09:14:00Z~"])))
    at = draw(st.integers(0, len(text)))
    edit = draw(st.sampled_from(["keep", "replace", "drop", "add"]))
    character = draw(st.sampled_from(_NEAR_MISSES))
    if edit == "replace":
        return text[:at] + character + text[at + 1:]
    if edit == "drop":
        return text[:at] + text[at + 1:]
    if edit == "add":
        return text[:at] + character + text[at:]
    return text


@given(plain_or_nearly())
def test_the_fast_path_for_plain_dates_agrees_with_the_grammar(text: str) -> None:
    from mitimeline._edtf import _parse_single_general, parse_plain

    fast = parse_plain(text)
    if fast is None:
        return  # the grammar alone reads it (or says what is wrong)
    assert fast == _parse_single_general(text, text)
    assert type(fast.lower) is date and type(fast.upper) is date


@given(st.one_of(edtf_texts(), plain_or_nearly()))
def test_when_parse_agrees_with_the_strict_constructor(text: str) -> None:
    """``When.parse`` (fast path, no second cache) and ``When(text)`` (the grammar's cache)
    give the same value for EDTF text."""
    from mitimeline.when import clear_caches

    clear_caches()
    try:
        strict = When(text)
    except DateParseError:
        return  # not EDTF: the error tests say what each reader answers
    parsed = When.parse(text)
    assert parsed == strict
    assert (parsed.lower, parsed.upper, parsed.precision, parsed.approximate,
            parsed.uncertain, parsed.start_datetime) == (
        strict.lower, strict.upper, strict.precision, strict.approximate, strict.uncertain,
        strict.start_datetime)


def test_season_names_are_the_english_readers() -> None:
    from mitimeline._english import SEASONS
    from mitimeline.when import _SEASON_NAMES

    assert {number: name for name, number in SEASONS.items() if name != "fall"} == {
        number: name for number, name in _SEASON_NAMES.items() if number <= 24}
