"""One format contract: the registry and ``mitimeline.testing`` accept and refuse alike.

They once kept two copies of the name and extension rules, which drifted: the registry
accepted a parser named ``geo.json`` or an extension ``.c++`` that ``check_parser``
refused. Both now ask ``mitimeline.plugins._contract``; these tests hold them together.
"""

from __future__ import annotations

import types
from typing import Any, BinaryIO, ClassVar

import pytest

from fake_plugins import FormatsPlugin
from mitimeline import ParseError, PluginLoadError, Timeline, plugins
from mitimeline.formats import Exporter, Parser
from mitimeline.testing import check_exporter, check_parser


class LinesParser(Parser):
    """A parser that keeps every rule but those a test breaks in a subclass."""

    name: ClassVar[str] = "lines"
    extensions: ClassVar[tuple[str, ...]] = (".lines",)
    media_types: ClassVar[tuple[str, ...]] = ("text/x-lines",)

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        raise ParseError("never a timeline")


class LinesExporter(Exporter):
    name: ClassVar[str] = "lines"
    extension: ClassVar[str] = ".lines"
    media_type: ClassVar[str] = "text/x-lines"

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        stream.write(b"lines\n")


def variant(base: type, **attributes: Any) -> Any:
    return types.new_class("Variant", (base,), exec_body=lambda ns: ns.update(attributes))()


def registry_accepts(parsers: list[Parser], exporters: list[Exporter]) -> bool:
    try:
        with plugins.registered(FormatsPlugin("contract", parsers, exporters)):
            return True
    except PluginLoadError:
        return False


def helper_accepts(check: Any, fmt: Parser | Exporter) -> bool:
    try:
        check(fmt)
    except AssertionError:
        return False
    return True


def assert_both_judge(parser: Parser, exporter: Exporter, good: bool) -> None:
    """The registry and ``check_parser`` / ``check_exporter`` give the same verdict."""
    assert registry_accepts([parser], []) is good
    assert registry_accepts([], [exporter]) is good
    assert helper_accepts(check_parser, parser) is good
    assert helper_accepts(check_exporter, exporter) is good


NAMES = {
    "lines": True, "gantt-svg": True, "geo_json": True, "x2": True,
    "geo.json": False, "Lines": False, "a:b": False, "two words": False, "-lines": False,
    "lines-": False, "": False,
}
EXTENSIONS = {
    ".lines": True, ".timelinejs.json": True, ".mw": True, ".7z": True, ".x-lines": True,
    ".c++": False, ".LINES": False, "lines": False, ".": False, ".tar..gz": False,
    ".a b": False, ".lines/": False, ".-lines": False, ".lines.": False,
}
MEDIA_TYPES = {
    "text/x-lines": True, "application/vnd.mermaid+json": True,
    "text": False, "": False, "text/": False, "/plain": False,
}


@pytest.mark.parametrize(("name", "good"), NAMES.items())
def test_format_names_follow_one_rule(name: str, good: bool) -> None:
    parser = variant(LinesParser, name=name)
    exporter = variant(LinesExporter, name=name)
    assert_both_judge(parser, exporter, good)


@pytest.mark.parametrize(("extension", "good"), EXTENSIONS.items())
def test_extensions_follow_one_rule(extension: str, good: bool) -> None:
    parser = variant(LinesParser, extensions=(".lines", extension))
    exporter = variant(LinesExporter, extension=extension)
    assert_both_judge(parser, exporter, good)


@pytest.mark.parametrize(("media_type", "good"), MEDIA_TYPES.items())
def test_media_types_follow_one_rule(media_type: str, good: bool) -> None:
    parser = variant(LinesParser, media_types=(media_type,))
    exporter = variant(LinesExporter, media_type=media_type)
    assert_both_judge(parser, exporter, good)


@pytest.mark.parametrize("value", [".lines", [".lines"], (".lines", 7)])
def test_parser_extensions_must_be_a_tuple_of_strings_for_both(value: object) -> None:
    parser = variant(LinesParser, extensions=value)
    assert not registry_accepts([parser], [])
    assert not helper_accepts(check_parser, parser)


def test_both_name_the_broken_rule() -> None:
    parser = variant(LinesParser, extensions=(".c++",))
    with (
        pytest.raises(PluginLoadError, match=r"has extension '\.c\+\+'; expected a dot and"),
        plugins.registered(FormatsPlugin("contract", [parser], [])),
    ):
        pass
    with pytest.raises(AssertionError, match=r"extensions must be a tuple like .*'\.c\+\+'"):
        check_parser(parser)
