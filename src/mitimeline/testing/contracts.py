"""Contract checks for plugin authors: does a parser or exporter keep mitimeline's rules?

Each check raises ``AssertionError`` with a message naming the format and the broken rule,
so it reads well inside any test runner.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import MitimelineError
from ..formats import SNIFF_BYTES, Exporter, Parser
from ..model import Claim, Credit, Event, Place, Source
from ..plugins._contract import breaches
from ..timeline import Timeline

__all__ = ["GARBAGE", "assert_roundtrip", "check_exporter", "check_parser", "sample_timeline"]

_RULES = {
    "name": "name must be a lower-case slug such as 'ical'",
    "extensions": "extensions must be a tuple like ('.ics',)",
    "extension": "extension must look like '.ics'",
    "media_types": "media_types must be a tuple of MIME types like ('text/calendar',)",
    "media_type": "media_type must be a MIME type such as 'text/calendar'",
    "Options": "Options must be an attrs class",
}
"""How a broken rule of :func:`mitimeline.plugins._contract.breaches` reads in a test."""

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


def claimed_timeline() -> Timeline:
    """A timeline whose events have claims: two reports that differ on a stunt's date and
    place (with a note), and that agree on a release (for exporters' tests of claims)."""
    sources = [
        Source("independent-2020-10-05", "Tom Cruise jumps <off> a cliff & more",
               publisher="The Independent", published="2020-10-05"),
        Source("aceshowbiz-2020-10", "Cruise's stunt", publisher="AceShowbiz",
               published="2020-10"),
    ]
    jump = Event(
        id="norway-ramp-jump", title="Motorcycle ramp jump", kind="stunt",
        when="2020-09-06/2020-09-30",
        claims=[
            Claim("independent-2020-10-05", when="2020-09",
                  place=Place("Stranda", country="NO"),
                  note="'last month' in a report of 5 October 2020"),
            Claim("aceshowbiz-2020-10", when="2020-10-01/2020-10-10",
                  people=[Credit("Tom Cruise", "actor")]),
        ])
    release = Event(
        id="release-us", title="US release", when="2021-11-19", kind="release",
        status="planned", claims=[
            Claim(["independent-2020-10-05", "aceshowbiz-2020-10"], when="2021-11-19",
                  status="planned"),
        ])
    return Timeline("Claims", [jump, release], sources)


def _check_common(fmt: Parser | Exporter, kind: str) -> None:
    """The registry's contract (the rules it enforces at load time), then ``Options()``."""
    label = f"{kind} {getattr(fmt, 'name', None) or type(fmt).__name__}"
    broken = breaches(fmt)
    if broken:
        breach = broken[0]
        got = repr(breach.value)
        if breach.field != breach.rule:
            got = f"{getattr(fmt, breach.rule)!r} (its {breach.field} {got})"
        raise AssertionError(f"{label}: {_RULES[breach.rule]}, got {got}")
    try:
        fmt.Options()
    except TypeError as exc:
        raise AssertionError(f"{label}: Options() must work with no arguments: "
                             f"give every option a default ({exc})") from None


def check_parser(parser: Parser, samples: Iterable[bytes | str] = ()) -> None:
    """Check ``parser``'s metadata, that ``sniff`` is total and that bad input fails cleanly.

    Every sample in ``samples`` (the file's bytes, or text, which is encoded as UTF-8) must
    parse to a :class:`Timeline` with the parser's default ``Options()``; each of
    :data:`GARBAGE` must either parse or raise a :class:`~mitimeline.MitimelineError`
    (never another error).
    """
    _check_common(parser, "parser")
    name = parser.name
    data = [_sample_bytes(sample, name) for sample in samples]
    for head in (*GARBAGE, *(sample[:SNIFF_BYTES] for sample in data)):
        result = parser.sniff(head)
        assert isinstance(result, bool), f"parser {name}: sniff must return a bool, got {result!r}"
    options = parser.Options()
    for sample in data:
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


def _sample_bytes(sample: bytes | str, name: str) -> bytes:
    """A sample as the parser reads it: bytes as given, text encoded as UTF-8."""
    if isinstance(sample, str):
        return sample.encode("utf-8")
    if isinstance(sample, bytes):
        return sample
    raise TypeError(f"check_parser({name}): each sample must be bytes or str (a file's "
                    f"content), got {type(sample).__name__}")


def check_exporter(exporter: Exporter, timeline: Timeline | None = None) -> bytes:
    """Check ``exporter``'s metadata and that exporting ``timeline`` with the default
    ``Options()`` writes deterministic bytes (valid UTF-8 unless ``binary``). Returns the
    bytes written."""
    _check_common(exporter, "exporter")
    name = exporter.name
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
    """Export then parse ``timeline``, each with its format's default ``Options()``;
    ``carried(result)`` must equal ``carried(timeline)``.

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
