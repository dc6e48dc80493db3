"""Size and shape limits (docs/limits.md): big or pathological inputs give a result or a
clear error naming the limit, never a hang, a RecursionError or an unbounded message.

Every test runs under a wall-clock guard (SIGALRM), so a regression to super-linear
behaviour fails instead of hanging CI. Sizes are the smallest that prove the behaviour.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import DateParseError, Event, ParseError, Timeline, When, limits

GUARD_SECONDS = 20


@pytest.fixture(autouse=True)
def _hang_guard() -> Iterator[None]:
    def timeout(signum: int, frame: Any) -> None:
        raise TimeoutError(f"took more than {GUARD_SECONDS} s: super-linear behaviour?")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _nest(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _document(extra: Any) -> str:
    return json.dumps({"mitimeline": 1, "title": "t", "events": [
        {"id": "e", "title": "t", "when": "2020", "extra": extra}]})


# -- dates ----------------------------------------------------------------------------------

ADVERSARIAL = {
    "digits": "1" * 100_000,
    "early": "early " * 10_000,
    "digits-dash": "1" * 5_000 + "-",
    "chained ranges": " to ".join(["2020"] * 5_000),
    "between": "between 2020 and " * 5_000,
    "separators": " - " * 30_000,
    "qualifiers": "2020" + "?~%" * 30_000,
    "month day": "Sep 6, " * 10_000 + "2020",
    "slashes": "2020/" * 20_000,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
@pytest.mark.parametrize("reader", [When, When.parse], ids=["When", "When.parse"])
def test_long_date_text_names_the_limit(reader: Any, text: str) -> None:
    with pytest.raises(DateParseError, match=r"limits\.MAX_DATE_LENGTH = 500") as caught:
        reader(text)
    assert len(str(caught.value)) < 300  # the message does not echo 100 KB of input
    assert caught.value.text == text


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_at_the_limit_is_refused_quickly(text: str) -> None:
    # Just under the limit the patterns do run: they must fail, not hang.
    with pytest.raises(DateParseError, match="could not read"):
        When.parse(text[:limits.MAX_DATE_LENGTH])


def test_date_limit_can_be_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " " * 600 + "September 2020"
    with pytest.raises(DateParseError, match="MAX_DATE_LENGTH"):
        When.parse(text)
    monkeypatch.setattr(limits, "MAX_DATE_LENGTH", 1000)
    assert When.parse(text) == When("2020-09")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["early ", "of ", "sep", "6", ",", " ", "-", "2020", " to ", "between ", " and ", "c.",
     "?", "~", "/", "..", "T", ":", "X", "1st ", "–", "+", "Z", "monday, ", "approx. "]),
    min_size=1, max_size=5))
def test_repeated_tokens_are_read_or_refused(tokens: list[str]) -> None:
    unit = "".join(tokens)
    text = unit * (limits.MAX_DATE_LENGTH // len(unit))
    try:
        when = When.parse(text)
    except DateParseError:
        return
    assert When(when.edtf) == when  # whatever is read is a real date


# -- JSON nesting ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000,
                                  '{"a":' * 100_000 + "1" + "}" * 100_000],
                         ids=["arrays", "objects"])
def test_deeply_nested_json_document_names_the_limit(text: str) -> None:
    with pytest.raises(ParseError, match=r"nested too deeply.*MAX_JSON_DEPTH = 100") as caught:
        mitimeline.loads(text, "json")
    assert caught.value.format == "json"


def test_extra_at_the_depth_limit_loads() -> None:
    # extra itself is level 1, so 99 arrays inside it make 100 levels.
    timeline = mitimeline.loads(_document({"k": _nest(99)}), "json")
    assert timeline.events[0].extra == {"k": _nest(99)}


@pytest.mark.parametrize("depth", [100, 900])
def test_extra_nested_too_deeply_names_the_limit_and_path(depth: int) -> None:
    with pytest.raises(ParseError, match=r"MAX_JSON_DEPTH = 100 levels") as caught:
        mitimeline.loads(_document({"a b": [0, {"k": _nest(depth)}]}), "json")
    assert caught.value.location.startswith('$.events[0].extra["a b"][1].k[0][0]')
    # extra, "a b", [1] and k are levels 1-4: the 101st level is k's 97th nested array.
    assert caught.value.location.split(".k", 1)[1] == "[0]" * 97


def test_extra_depth_limit_can_be_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    document = _document({"k": _nest(150)})
    with pytest.raises(ParseError, match="MAX_JSON_DEPTH"):
        mitimeline.loads(document, "json")
    monkeypatch.setattr(limits, "MAX_JSON_DEPTH", 200)
    assert mitimeline.loads(document, "json").events[0].extra["k"] == _nest(150)


def test_event_extra_built_in_python_has_the_same_depth_limit() -> None:
    # The model checks what JSON reading checks, so anything that can be built can be
    # exported and loaded back; far deeper data is an error, not a RecursionError.
    event = Event("e", "t", "2020", extra={"k": _nest(99)})
    timeline = mitimeline.loads(mitimeline.dumps(Timeline("t", [event]), "json"), "json")
    assert timeline.events[0].extra == event.extra
    for depth in (100, 100_000):
        with pytest.raises(mitimeline.InvalidEventError,
                           match=r"^Event\.extra\.k\[0\].*MAX_JSON_DEPTH = 100 levels") as caught:
            Event("e", "t", "2020", extra={"k": _nest(depth)})
        assert caught.value.field.startswith("Event.extra.k[0]")


def test_wide_extra_is_not_deep() -> None:
    extra = {f"k{i}": [[i]] * 50 for i in range(2_000)}
    assert mitimeline.loads(_document(extra), "json").events[0].extra == extra


# -- big text -------------------------------------------------------------------------------

MEGABYTE = 1_000_000
EXPORTERS = ["json", "ical", "csv", "timelinejs", "mermaid", "svg", "html", "png"]


@pytest.fixture(scope="module")
def huge_text_timeline() -> Timeline:
    text = "Helsetkopen ramp jump, take \u00e9 \\;, " * (MEGABYTE // 36)
    return Timeline("Huge", [Event("e", text, "2020-09", "stunt", description=text)])


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_one_megabyte_title_and_description_export(huge_text_timeline: Timeline,
                                                   fmt: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = mitimeline.dumps(huge_text_timeline, fmt)
    assert len(data) > 0


def test_one_megabyte_title_round_trips_through_ical(huge_text_timeline: Timeline) -> None:
    text = mitimeline.dumps(huge_text_timeline, "ical")
    assert isinstance(text, str)
    assert max(len(line.encode()) for line in text.split("\r\n")) <= 75
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = mitimeline.loads(text, "ical")
    assert back.events[0].title == huge_text_timeline.events[0].title


def test_twenty_megabyte_single_line_ics_loads() -> None:
    head = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
            "UID:a@t\r\nDTSTAMP:20200101T000000Z\r\nDTSTART;VALUE=DATE:20200101\r\n"
            "SUMMARY:big\r\nDESCRIPTION:")
    data = (head + "x" * (20 * MEGABYTE) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        timeline = mitimeline.loads(data, "ical")
    assert len(timeline.events[0].description or "") >= 20 * MEGABYTE


def test_ics_without_any_newline_is_refused() -> None:
    data = ("BEGIN:VCALENDAR" + "x" * (5 * MEGABYTE) + "END:VCALENDAR").encode()
    with pytest.raises(ParseError, match="not an iCalendar file") as caught:
        mitimeline.loads(data, "ical")
    assert len(str(caught.value)) < 500


# -- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["x" * 200_000, '"' + "x\n" * 100_000 + '"'],
                         ids=["plain", "quoted multi-line"])
def test_csv_cell_over_the_field_size_limit_names_it(cell: str) -> None:
    data = f"id,title,when\ne1,a,2020\ne2,{cell},2020\n"
    with pytest.raises(ParseError, match=r"csv\.field_size_limit\(\) of 131,072") as caught:
        mitimeline.loads(data, "csv")
    assert caught.value.location == "row 3"


def test_csv_field_size_limit_raised_by_the_user_is_honoured() -> None:
    previous = csv.field_size_limit()
    csv.field_size_limit(10 * MEGABYTE)
    try:
        timeline = mitimeline.loads(f"id,title,when\ne,{'x' * MEGABYTE},2020\n", "csv")
    finally:
        csv.field_size_limit(previous)
    assert len(timeline.events[0].title) == MEGABYTE


# -- news -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Mr. Smith " * 20_000, "A. B " * 20_000],
                         ids=["abbreviations", "initials"])
def test_news_line_full_of_false_stops_is_linear(text: str) -> None:
    # Before the fix each false stop re-scanned the sentence so far: about 20 minutes here.
    timeline = mitimeline.loads(text, "news", language="en")
    assert len(timeline.events) == 0


def test_news_sentence_split_keeps_abbreviations() -> None:
    from mitimeline_news.sentences import split_sentences

    long_word = "x" * 200
    text = f"Filming began with Mr. Cruise. Then {long_word}. Shooting ended."
    assert [s.text for s in split_sentences(text)] == [
        "Filming began with Mr. Cruise.", f"Then {long_word}.", "Shooting ended."]


def test_news_text_without_spaces_or_stops() -> None:
    stream = io.BytesIO(b"x" * MEGABYTE)
    assert len(mitimeline.load(stream, format="news", language="en")) == 0
