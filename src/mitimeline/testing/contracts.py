"""Contract checks for plugin authors: does a parser or exporter keep mitimeline's rules?

Each check raises ``AssertionError`` with a message naming the format and the broken rule,
so it reads well inside any test runner.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..errors import MitimelineError
from ..formats import SNIFF_BYTES, Exporter, Parser
from ..model import Credit, Event, Place, Source
from ..timeline import Timeline

__all__ = ["GARBAGE", "assert_roundtrip", "check_exporter", "check_parser", "sample_timeline"]

_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_EXTENSION = re.compile(r"\.[a-z0-9]+(?:\.[a-z0-9]+)*")

GARBAGE = (b"", b"\x00\xff\xfe garbage \x80", b"{", b"not a timeline\n" * 3, b"\xef\xbb\xbf")
"""Inputs every parser must survive: it may return a timeline or raise a mitimeline error."""


def sample_timeline() -> Timeline:
    """A small timeline using every model field, with awkward text (for exporters)."""
    source = Source("report-2020-10-05", "A report: on the stunt; \"quoted\"", publisher="Outlet",
                    url="https://example.org/a?b=1&c=2", published="2020-10-05", language="en")
    return Timeline(
        title="Sample: commas, semicolons; and ünïcödé ✓",
        sources=[source],
        events=[
            Event(id="ramp-jump", title="Ramp jump, Norway", when="2020-09", kind="stunt",
                  place=Place("Stranda", region="Møre og Romsdal", country="NO",
                              latitude=62.31, longitude=6.95, timezone="Europe/Oslo"),
                  people=[Credit("Tom Cruise", "actor")], unit="main unit",
                  sources=[source.id], description="Line one\nline two; with a comma, too",
                  tags=["motorcycle", "norway"], extra={"note": "kept"}),
            Event(id="train-roof", title="Train roof fight", when="early October 2020",
                  kind="stunt", status="done", sources=[source.id]),
            Event(id="release-us", title="US release", when="2021-11-19", kind="release",
                  region="US", status="planned", sources=[source.id]),
            Event(id="call-time", title="Call time", when="2020-10-05T07:30:00Z", kind="shoot"),
        ],
    )


def _check_common(fmt: Parser | Exporter, kind: str) -> None:
    label = f"{kind} {type(fmt).__name__}"
    name = getattr(fmt, "name", None)
    assert isinstance(name, str) and _SLUG.fullmatch(name), (
        f"{label}: name must be a lower-case slug such as 'ical', got {name!r}")
    options = fmt.Options
    assert attrs.has(options), f"{label} ({name}): Options must be an attrs class"
    try:
        options()
    except TypeError as exc:
        raise AssertionError(f"{label} ({name}): Options() must work with no arguments: "
                             f"give every option a default ({exc})") from None


def check_parser(parser: Parser, samples: Iterable[bytes] = ()) -> None:
    """Check ``parser``'s metadata, that ``sniff`` is total and that bad input fails cleanly.

    Every sample in ``samples`` must parse to a :class:`Timeline`; each of :data:`GARBAGE`
    must either parse or raise a :class:`~mitimeline.MitimelineError` (never another error).
    """
    _check_common(parser, "parser")
    name = parser.name
    assert isinstance(parser.extensions, tuple) and all(
        isinstance(e, str) and _EXTENSION.fullmatch(e) for e in parser.extensions
    ), f"parser {name}: extensions must be a tuple like ('.ics',), got {parser.extensions!r}"
    assert isinstance(parser.media_types, tuple), f"parser {name}: media_types must be a tuple"
    for head in (*GARBAGE, *(sample[:SNIFF_BYTES] for sample in samples)):
        result = parser.sniff(head)
        assert isinstance(result, bool), f"parser {name}: sniff must return a bool, got {result!r}"
    options = parser.Options()
    for sample in samples:
        timeline = parser.parse(io.BytesIO(sample), options)
        assert isinstance(timeline, Timeline), (
            f"parser {name}: parse must return a Timeline, got {type(timeline).__name__}")
    for garbage in GARBAGE:
        try:
            parser.parse(io.BytesIO(garbage), options)
        except MitimelineError:
            pass
        except Exception as exc:  # the contract under test: nothing else may escape
            raise AssertionError(
                f"parser {name}: bad input {garbage!r} raised {type(exc).__name__}: {exc}; "
                "raise mitimeline.ParseError instead") from exc


def check_exporter(exporter: Exporter, timeline: Timeline | None = None) -> bytes:
    """Check ``exporter``'s metadata and that exporting ``timeline`` writes deterministic bytes
    (valid UTF-8 unless ``binary``). Returns the bytes written."""
    _check_common(exporter, "exporter")
    name = exporter.name
    assert isinstance(exporter.extension, str) and _EXTENSION.fullmatch(exporter.extension), (
        f"exporter {name}: extension must look like '.ics', got {exporter.extension!r}")
    assert isinstance(exporter.media_type, str) and "/" in exporter.media_type, (
        f"exporter {name}: media_type must be a MIME type, got {exporter.media_type!r}")
    timeline = sample_timeline() if timeline is None else timeline
    outputs = []
    for _ in range(2):
        stream = io.BytesIO()
        exporter.export(timeline, stream, exporter.Options())
        outputs.append(stream.getvalue())
    assert outputs[0], f"exporter {name}: wrote nothing"
    assert outputs[0] == outputs[1], f"exporter {name}: two exports of one timeline differ"
    if not exporter.binary:
        try:
            outputs[0].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise AssertionError(f"exporter {name}: text output is not UTF-8: {exc}") from None
    return outputs[0]


def assert_roundtrip(
    exporter: Exporter,
    parser: Parser,
    timeline: Timeline,
    carried: Callable[[Timeline], Any] = lambda tl: tl,
) -> None:
    """Export then parse ``timeline``; ``carried(result)`` must equal ``carried(timeline)``.

    ``carried`` projects a timeline onto what the format can carry (default: everything).
    """
    stream = io.BytesIO()
    exporter.export(timeline, stream, exporter.Options())
    stream.seek(0)
    result = parser.parse(stream, parser.Options())
    expected, actual = carried(timeline), carried(result)
    assert actual == expected, (
        f"{exporter.name} → {parser.name} round trip changed the timeline:\n"
        f"  before: {expected!r}\n  after:  {actual!r}")
