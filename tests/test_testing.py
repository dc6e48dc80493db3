"""mitimeline.testing: the helpers plugin authors use must catch broken plugins."""

from __future__ import annotations

import itertools
import types
from typing import Any, BinaryIO

import attrs
import pytest
from hypothesis import given, settings

import mitimeline
from mitimeline import Exporter, ParseError, Parser, Timeline
from mitimeline.default_plugins.json_format import JSONExporter, JSONParser
from mitimeline.testing import (
    assert_roundtrip,
    check_exporter,
    check_parser,
    registered,
    sample_timeline,
    timelines,
)


class LineParser(Parser):
    name = "lines"
    extensions = (".lines",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"lines\n")

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        data = stream.read()
        if not data.startswith(b"lines\n"):
            raise ParseError("expected a first line 'lines'", location="line 1")
        return Timeline(title="lines")


class LineExporter(Exporter):
    name = "lines"
    extension = ".lines"
    media_type = "text/plain"

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        stream.write(b"lines\n")


def test_the_built_in_json_format_keeps_the_contract() -> None:
    data = check_exporter(JSONExporter())
    check_parser(JSONParser(), samples=[data])
    assert_roundtrip(JSONExporter(), JSONParser(), sample_timeline())


@settings(max_examples=25)
@given(timelines())
def test_assert_roundtrip_with_generated_timelines(timeline: Timeline) -> None:
    assert_roundtrip(JSONExporter(), JSONParser(), timeline)


def test_good_minimal_plugin_passes() -> None:
    check_parser(LineParser(), samples=[b"lines\n"])
    assert check_exporter(LineExporter()) == b"lines\n"


def test_assert_roundtrip_reports_what_changed() -> None:
    with pytest.raises(AssertionError, match="lines → lines round trip changed the timeline"):
        assert_roundtrip(LineExporter(), LineParser(), sample_timeline())
    assert_roundtrip(LineExporter(), LineParser(), sample_timeline(), carried=lambda tl: None)


def broken(base: type, **attributes: Any) -> Any:
    return types.new_class("Broken", (base,), exec_body=lambda ns: ns.update(attributes))()


@pytest.mark.parametrize(
    ("parser", "message"),
    [
        (broken(LineParser, name="Lines!"), "name must be a lower-case slug"),
        (broken(LineParser, extensions=("lines",)), "extensions must be a tuple like"),
        (broken(LineParser, extensions=".lines"), "extensions must be a tuple like"),
        (broken(LineParser, media_types="text/plain"), "media_types must be a tuple"),
        (broken(LineParser, sniff=lambda self, head: None), "sniff must return a bool"),
        (broken(LineParser, parse=lambda self, stream, options: stream.read()[10]),
         "raised IndexError"),
        (broken(LineParser, Options=dict), "Options must be an attrs class"),
        (broken(LineParser, Options=attrs.make_class("O", {"x": attrs.field()}, frozen=True)),
         "Options\\(\\) must work with no arguments"),
    ],
)
def test_check_parser_catches_broken_parsers(parser: Parser, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_parser(parser)


def test_check_parser_requires_samples_to_parse() -> None:
    returns_text = broken(LineParser, parse=lambda self, stream, options: "timeline")
    with pytest.raises(AssertionError, match="parse must return a Timeline, got str"):
        check_parser(returns_text, samples=[b"lines\n"])


counter = itertools.count()


@pytest.mark.parametrize(
    ("exporter", "message"),
    [
        (broken(LineExporter, extension="lines"), "extension must look like"),
        (broken(LineExporter, media_type="text"), "media_type must be a MIME type"),
        (broken(LineExporter, export=lambda self, tl, stream, options: None), "wrote nothing"),
        (broken(LineExporter,
                export=lambda self, tl, stream, options: stream.write(b"%d" % next(counter))),
         "two exports of one timeline differ"),
        (broken(LineExporter, export=lambda self, tl, stream, options: stream.write(b"\xff")),
         "text output is not UTF-8"),
    ],
)
def test_check_exporter_catches_broken_exporters(exporter: Exporter, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_exporter(exporter)


def test_registered_adds_a_plugin_for_the_block_only(tmp_path: Any) -> None:
    plugin = types.SimpleNamespace(
        __name__="lines_plugin",
        register_parsers=mitimeline.hookimpl(lambda register: register(LineParser())),
        register_exporters=mitimeline.hookimpl(lambda register: register(LineExporter())),
    )
    target = tmp_path / "x.lines"
    with registered(plugin):
        assert "lines" in {f.name for f in mitimeline.list_formats()}
        sample_timeline().export(target)
        assert mitimeline.load(target).title == "lines"
    assert "lines" not in {f.name for f in mitimeline.list_formats()}
    with pytest.raises(mitimeline.UnknownFormatError):
        mitimeline.load(target)
