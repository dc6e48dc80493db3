"""``NewsParser``: the ``news`` format, plain text of a news report -> candidate events.

The Source of the timeline is the report itself; each event cites it and carries its
evidence in ``extra``. Bad input and bad options raise :class:`mitimeline.ParseError`
saying what was expected.
"""

from __future__ import annotations

import codecs
from datetime import date
from typing import Any, BinaryIO

import attrs
import mitimeline
from mitimeline import Source, Timeline, When

from .languages import LEXICONS, detect_language
from .outlets import day_first_for
from .published import PublishedError, middle_day, read_published
from .sentences import MAX_TEXT
from .sourcing import earlier_plan

__all__ = ["NewsParser"]

_LANGUAGES = ", ".join(["auto", *LEXICONS])


class NewsParser(mitimeline.Parser):
    """Reads the plain text (UTF-8) of a news report about a production.

    There is no file extension and no sniffing: plain text is not recognisable, so ask
    for it with ``format="news"`` (``--from news`` on the command line).
    """

    name = "news"
    media_types = ("text/plain",)

    @attrs.frozen
    class Options:
        """Keyword options, e.g. ``load("r.txt", format="news", published="2020-10-05")``.

        Values are checked when the report is parsed; a bad one raises
        :class:`mitimeline.ParseError` whose location names the option.
        """

        published: str | int | date | When | None = attrs.field(default=None, metadata={
            "help": "when the report was published: EDTF or English text ('2020-10-05', "
                    "'October 2020'), a year, a date or a When. Relative dates ('last month') "
                    "and dates without a year are placed against it (its middle day, if it is "
                    "not a single day). None: the report's own date line if it has one; else "
                    "only dates with a year are read"})
        language: str = attrs.field(default="auto", metadata={
            "help": "'en', 'it', 'de', or 'auto' to tell from the text"})
        publisher: str | None = attrs.field(default=None, metadata={
            "help": "the outlet, e.g. 'The Independent'; goes into the Source"})
        url: str | None = attrs.field(default=None, metadata={
            "help": "the report's address; goes into the Source"})
        title: str | None = attrs.field(default=None, metadata={
            "help": "the report's title; none: its first line"})
        production: str | None = attrs.field(default=None, metadata={
            "help": "the film the report is about, e.g. 'Mission: Impossible 7'; dates "
                    "attached to another numbered title are dropped. None: the numbered title "
                    "named most"})
        day_first: bool | None = attrs.field(default=None, metadata={
            "help": "how the outlet writes numeric dates: true for 03/04/2021 = 3 April (UK, "
                    "Europe), false for 4 March (US). None: from the country domain of url "
                    "(.co.uk, .it, .de day first; .us, .gov month first), else the language's "
                    "habit (German and Italian day first; English: an ambiguous numeric date "
                    "is left out rather than guessed)"})

    def parse(self, stream: BinaryIO, options: NewsParser.Options) -> Timeline:
        from .extract import Report, extract_events, slug

        text = _decode(stream.read())
        language = _language(options.language, text)
        report = Report.read(text, language)
        published = _published(options.published) or report.dateline()
        title = _text_option("title", options.title) or _first_line(text)
        publisher = _text_option("publisher", options.publisher)
        source = Source(
            id=slug(" ".join(filter(None, [publisher or title[:40],
                                           published.edtf if published else None]))),
            title=title,
            publisher=publisher,
            url=_text_option("url", options.url),
            published=published,
            language=language,
        )
        base = None if published is None else middle_day(published)
        production = _text_option("production", options.production)
        events = extract_events(report, base, source.id, production,
                                _day_first(options.day_first, source.url))
        sources = [source]
        if any(earlier_plan(source.id) in e.sources for e in events):
            # A moved plan's given-up date, cited from the earlier statement the report
            # tells of (date unknown: before the report).
            sources.append(attrs.evolve(source, id=earlier_plan(source.id), published=None,
                                        title=f"Earlier plan, as reported in: {title}"))
        return Timeline(title=title, events=events, sources=sources)


def _decode(data: bytes) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise mitimeline.ParseError(
            f"expected UTF-8 text, found byte {data[exc.start:exc.start + 1]!r}",
            location=f"line {line}",
        ) from None
    if not text.strip():
        raise mitimeline.ParseError("expected the text of a news report, found no text",
                                    location="line 1")
    if len(text) > MAX_TEXT:
        raise mitimeline.ParseError(
            f"expected one news report of at most {MAX_TEXT:,} characters, got "
            f"{len(text):,}: read an archive report by report")
    return text


def _language(option: object, text: str) -> str:
    if not isinstance(option, str) or option.lower() not in ("auto", *LEXICONS):
        raise mitimeline.ParseError(f"expected one of {_LANGUAGES}, got {option!r}",
                                    location="option language")
    if option.lower() != "auto":
        return option.lower()
    detected = detect_language(text)
    if detected is None:
        raise mitimeline.ParseError(
            f"could not tell the report's language; expected one of {', '.join(LEXICONS)}: "
            "pass language='en', 'it' or 'de'", location="option language")
    return detected


def _published(option: object) -> When | None:
    try:
        return read_published(option)
    except PublishedError as exc:
        raise mitimeline.ParseError(str(exc), location="option published") from None


def _day_first(option: object, url: str | None) -> bool | None:
    if option is None:
        return day_first_for(url)
    if not isinstance(option, bool):
        raise mitimeline.ParseError(f"expected true, false or None, got {option!r}",
                                    location="option day_first")
    return option


def _text_option(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise mitimeline.ParseError(f"expected non-empty text or None, got {value!r}",
                                    location=f"option {name}")
    return value.strip()


def _first_line(text: str) -> str:
    line = next(line.strip() for line in text.split("\n") if line.strip())
    return line if len(line) <= 200 else line[:199].rstrip() + "…"
