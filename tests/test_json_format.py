"""The built-in ``json`` plugin: JSONParser / JSONExporter used directly, as the plugin
manager would, plus their hook registration."""

from __future__ import annotations

import io
import json
from typing import Any

import attrs
import pluggy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mitimeline import (
    Credit,
    Event,
    ExportError,
    OptionsError,
    ParseError,
    Place,
    Source,
    Timeline,
    hookspecs,
)
from mitimeline.default_plugins import json_format
from mitimeline.default_plugins.json_format import JSONExporter, JSONParser
from mitimeline.formats import SNIFF_BYTES, build_options
from mitimeline.testing import timelines

TIMELINE = Timeline(
    title="MI7 — Stryn",
    sources=[Source("nrk", "Innspilling i Stryn", published="2020-09")],
    events=[Event(id="ramp", title="Hopp frå rampa", when="2020-09-06", kind="stunt",
                  place=Place("Helsetkopen", country="NO", latitude=61.9, longitude=6.7),
                  people=[Credit("Tom Cruise", "actor")], sources=["nrk"])],
)

EXPECTED = """\
{
  "mitimeline": 1,
  "title": "MI7 — Stryn",
  "sources": [
    {
      "id": "nrk",
      "title": "Innspilling i Stryn",
      "published": "2020-09"
    }
  ],
  "events": [
    {
      "id": "ramp",
      "title": "Hopp frå rampa",
      "when": "2020-09-06",
      "kind": "stunt",
      "status": "confirmed",
      "place": {
        "name": "Helsetkopen",
        "country": "NO",
        "latitude": 61.9,
        "longitude": 6.7
      },
      "people": [
        {
          "name": "Tom Cruise",
          "role": "actor"
        }
      ],
      "sources": [
        "nrk"
      ]
    }
  ]
}
"""


def export(tl: Timeline, **options: Any) -> bytes:
    buffer = io.BytesIO()
    JSONExporter().export(tl, buffer, JSONExporter.Options(**options))
    return buffer.getvalue()


def parse(raw: bytes) -> Timeline:
    return JSONParser().parse(io.BytesIO(raw), JSONParser.Options())


def parse_error(raw: bytes) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse(raw)
    return caught.value


# -- round trips and output bytes -------------------------------------------------------


@settings(max_examples=100)
@given(timelines(), st.sampled_from([None, 0, 2, 4]), st.booleans())
def test_text_round_trip(tl: Timeline, indent: int | None, ensure_ascii: bool) -> None:
    raw = export(tl, indent=indent, ensure_ascii=ensure_ascii)
    assert parse(raw) == tl
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    if ensure_ascii:
        assert raw.isascii()
    assert JSONParser().sniff(raw[:SNIFF_BYTES])


@settings(max_examples=50)
@given(timelines())
def test_bytes_are_deterministic(tl: Timeline) -> None:
    raw = export(tl)
    assert export(tl) == raw
    assert export(parse(raw)) == raw


def test_exact_output() -> None:
    assert export(TIMELINE).decode("utf-8") == EXPECTED
    assert export(TIMELINE, ensure_ascii=True) == EXPECTED.replace("—", "\\u2014").replace(
        "å", "\\u00e5").encode("ascii")
    compact = export(TIMELINE, indent=None)
    assert compact.count(b"\n") == 1 and compact.endswith(b"}\n")
    assert json.loads(compact) == json.loads(EXPECTED)


def test_output_is_utf8_without_bom() -> None:
    raw = export(TIMELINE)
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "Hopp frå rampa".encode() in raw


def test_lone_surrogate_needs_ensure_ascii() -> None:
    tl = Timeline(title="broken \ud800 text")
    with pytest.raises(ExportError, match="ensure_ascii=True") as caught:
        export(tl)
    assert caught.value.format == "json"
    raw = export(tl, ensure_ascii=True)
    assert b"\\ud800" in raw and parse(raw) == tl


# -- options ----------------------------------------------------------------------------


def test_exporter_options() -> None:
    options = JSONExporter.Options()
    assert (options.indent, options.ensure_ascii) == (2, False)
    with pytest.raises(attrs.exceptions.FrozenInstanceError, match="can't set attribute"):
        options.indent = 4  # type: ignore[misc]
    assert build_options(JSONExporter(), {"indent": None}).indent is None
    whole = r"bad option value: indent must be None or a whole number >= 0, got "
    for bad, message in (({"indent": -1}, whole + "-1"), ({"indent": "2"}, whole + "'2'"),
                         ({"indent": True}, whole + "True"),
                         ({"ensure_ascii": 1}, "bad option value: 'ensure_ascii' must be "),
                         ({"sort_keys": True}, "does not take option\\(s\\) sort_keys; valid "
                                               "options: indent, ensure_ascii")):
        with pytest.raises(OptionsError, match=f"^format 'json'.*{message}"):
            build_options(JSONExporter(), bad)
    assert JSONParser.Options().fast is True  # the parser's one option: see test_jsonio


# -- the parser -------------------------------------------------------------------------


def test_format_metadata() -> None:
    assert (JSONParser.name, JSONParser.extensions, JSONParser.media_types) == (
        "json", (".json",), ("application/json",))
    assert (JSONExporter.name, JSONExporter.extension, JSONExporter.media_type) == (
        "json", ".json", "application/json")
    assert JSONExporter.binary is False


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"mitimeline": 1, "title": "x"}', True),
        (b'\xef\xbb\xbf{"mitimeline": 1}', True),
        (b' \r\n\t {\n  "title": "x",\n  "mitimeline": 1', True),
        (b'{"title": "x", "events": []}', False),
        (b'["mitimeline"]', False),
        (b'x{"mitimeline": 1}', False),
        (b"", False),
        (b"\xff\xfe{\x00", False),
        (b"BEGIN:VCALENDAR", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert JSONParser().sniff(head) is expected


def test_bom_and_surrounding_whitespace_are_accepted() -> None:
    raw = export(TIMELINE)
    assert parse(b"\xef\xbb\xbf" + raw) == TIMELINE
    assert parse(b"\n  " + raw + b"  \n") == TIMELINE


def test_bad_utf8_reports_the_byte_offset() -> None:
    raw = export(TIMELINE)
    offset = raw.index("å".encode())
    error = parse_error(raw[:offset] + b"\xff" + raw[offset + 2:])
    assert error.location == f"byte {offset}"
    assert f"byte 0xff at byte offset {offset}" in error.reason
    assert "must be UTF-8" in error.reason and error.format == "json"
    assert parse_error("{\"title\": \"å\"}".encode("latin-1")).location == "byte 11"


@pytest.mark.parametrize(
    ("raw", "location", "message"),
    [
        (b'{"mitimeline": 1,\n  "title": }', "line 2, column 12", "Expecting value"),
        (b'{"mitimeline" 1}', "line 1, column 15", "Expecting ':' delimiter"),
        (b"", "line 1, column 1", "Expecting value"),
        (b'{"mitimeline": 1} {}', "line 1, column 19", "Extra data"),
        (b'{"title": "unterminated', "line 1, column 11", "Unterminated string"),
    ],
)
def test_bad_json_reports_line_and_column(raw: bytes, location: str, message: str) -> None:
    error = parse_error(raw)
    assert error.location == location
    assert error.reason.startswith(f"not valid JSON: {message}")
    assert str(error) == f"{location}: {error.reason}"


def test_deeply_nested_json_is_a_parse_error() -> None:
    error = parse_error(b"[" * 100_000 + b"]" * 100_000)
    assert "nested too deeply" in error.reason


def test_data_errors_carry_the_json_path() -> None:
    raw = export(TIMELINE).replace(b'"2020-09-06"', b'"2020-02-30"')
    error = parse_error(raw)
    assert error.location == "$.events[0].when"
    assert "day '30' does not exist" in error.reason
    error = parse_error(b'{"mitimeline": 3, "title": "future"}')
    assert error.location == "$.mitimeline"
    assert "reads format version(s) 1, 2" in error.reason


def test_parse_reads_the_stream_to_its_end() -> None:
    stream = io.BytesIO(export(TIMELINE))
    JSONParser().parse(stream, JSONParser.Options())
    assert stream.read() == b""


# -- registration -----------------------------------------------------------------------


def test_hooks_register_one_parser_and_one_exporter() -> None:
    manager = pluggy.PluginManager("mitimeline")
    manager.add_hookspecs(hookspecs)
    manager.register(json_format)
    parsers: list[Any] = []
    exporters: list[Any] = []
    manager.hook.register_parsers(register=parsers.append)
    manager.hook.register_exporters(register=exporters.append)
    assert [type(p) for p in parsers] == [JSONParser]
    assert [type(e) for e in exporters] == [JSONExporter]


# -- JSON load pauses the garbage collector (found by benchmarks/run.py; docs/performance.md) --


def _document(events: int) -> bytes:
    import mitimeline

    timeline = mitimeline.Timeline("gc", [
        mitimeline.Event(id=f"e{i}", title=f"Shoot {i}", when=f"2020-01-{1 + i % 28:02d}",
                         kind="shoot", place=mitimeline.Place(f"Place {i % 7}"), tags=["a"])
        for i in range(events)])
    data = timeline.dumps("json")
    return data if isinstance(data, bytes) else data.encode()


def _collections_during(action: object) -> int:
    import gc

    started: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(record)
    try:
        assert callable(action)
        action()
    finally:
        gc.callbacks.remove(record)
    return len(started)


def test_json_load_runs_no_garbage_collection_and_restores_the_collector() -> None:
    import gc
    import json

    import mitimeline

    data = _document(2_000)
    assert gc.isenabled()
    # json.loads of the same bytes runs several passes; ours at most the one the paused
    # collector owes when it is switched back on
    assert _collections_during(lambda: json.loads(data)) >= 3
    assert _collections_during(lambda: mitimeline.loads(data, "json")) <= 1
    assert gc.isenabled()
    with pytest.raises(mitimeline.ParseError, match=r"^<string>:line \d+, column \d+: not "
                                                    "valid JSON"):
        mitimeline.loads(data[:-20], "json")
    assert gc.isenabled()
    gc.disable()
    try:
        assert len(mitimeline.loads(data, "json")) == 2_000
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()


def test_a_lone_surrogate_is_named_by_its_json_path() -> None:
    import mitimeline

    timeline = mitimeline.Timeline("T", [
        mitimeline.Event("a", "fine", "2020"),
        mitimeline.Event("b", "fine", "2020", place=mitimeline.Place("R\udc80me"))])
    with pytest.raises(mitimeline.ExportError) as info:
        mitimeline.dumps(timeline, "json")
    assert str(info.value).startswith(
        "cannot write '\\udc80' at $.events[1].place.name as UTF-8: the timeline holds a lone "
        "surrogate; export with ensure_ascii=True")
    assert "\\udc80" in str(mitimeline.dumps(timeline, "json", ensure_ascii=True))
