"""mitimeline.testing: the helpers plugin authors use must catch broken plugins."""

from __future__ import annotations

import itertools
import subprocess
import sys
import types
from typing import Any, BinaryIO

import attrs
import mitimeline_probe
import pytest
from hypothesis import given, settings

import mitimeline
from mitimeline import Exporter, ParseError, Parser, Timeline, plugins
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


def test_check_parser_takes_text_samples_and_any_iterable() -> None:
    returns_text = broken(LineParser, parse=lambda self, stream, options: "timeline")
    check_parser(LineParser(), samples=["lines\n"])
    check_parser(LineParser(), samples=(sample for sample in [b"lines\n", "lines\n"]))
    with pytest.raises(AssertionError, match="parse must return a Timeline, got str"):
        check_parser(returns_text, samples=["lines\n"])  # text samples are parsed too
    seen: list[bytes] = []
    recording = broken(LineParser, parse=lambda self, stream, options: seen.append(
        stream.read()) or Timeline())
    check_parser(recording, samples=["lines\nünï ✓\n"])
    assert seen[0] == "lines\nünï ✓\n".encode()


def test_check_parser_refuses_a_sample_that_is_not_a_file() -> None:
    with pytest.raises(TypeError, match=r"check_parser\(lines\): each sample must be bytes or "
                                        r"str \(a file's content\), got int"):
        check_parser(LineParser(), samples=[42])  # type: ignore[list-item]


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


@pytest.fixture(params=["installed", "not installed"])
def probe_installed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A fresh registry with mitimeline-probe installed (as the test extra does) or with no
    installed plugin loaded; yields which."""
    monkeypatch.delenv(plugins.DISABLE_ENV, raising=False)
    if request.param == "installed":
        monkeypatch.delenv(plugins.LOAD_ENV, raising=False)
    else:
        monkeypatch.setenv(plugins.LOAD_ENV, "")
    plugins.reset()
    yield request.param == "installed"
    plugins.reset()


def test_registered_works_whether_or_not_the_plugin_is_installed(probe_installed: bool) -> None:
    """The docs' ``registered(mitimeline_probe)``: the block sees the plugin under its module
    name either way; the installed registration comes back after."""
    plugin_names = {p.name for p in mitimeline.list_plugins()}
    assert ("mitimeline-probe" in plugin_names) is probe_installed
    before = (plugins.list_plugins(all=True), plugins.list_formats(), plugins.list_commands(),
              dict(plugins.pm.list_name_plugin()))
    with registered(mitimeline_probe):
        listed = {p.name: p for p in mitimeline.list_plugins()}
        assert "mitimeline-probe" not in listed
        assert listed["mitimeline_probe"].formats == ("probe",)
        assert {f.plugin for f in mitimeline.list_formats() if f.name == "probe"} == {
            "mitimeline_probe"}
        assert [c.plugin for c in plugins.list_commands() if c.command.name == "probe-info"] == [
            "mitimeline_probe"]
        assert mitimeline.loads(sample_timeline().dumps("probe"), "probe").title == (
            sample_timeline().title)
    after = (plugins.list_plugins(all=True), plugins.list_formats(), plugins.list_commands(),
             dict(plugins.pm.list_name_plugin()))
    assert after == before
    assert (plugins.pm.get_plugin("mitimeline-probe") is mitimeline_probe) is probe_installed


def test_registered_restores_an_installed_plugin_when_the_block_fails(
    probe_installed: bool,
) -> None:
    with pytest.raises(mitimeline.PluginLoadError, match="already registered under the name"), \
            registered(mitimeline_probe, mitimeline_probe):
        pass  # pragma: no cover -- the second registration fails first
    assert (plugins.pm.get_plugin("mitimeline-probe") is mitimeline_probe) is probe_installed
    assert plugins.pm.get_plugin("mitimeline_probe") is None
    assert ("probe" in {f.name for f in mitimeline.list_formats()}) is probe_installed


WITHOUT_HYPOTHESIS = """
import sys

class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "hypothesis":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

sys.meta_path.insert(0, NotInstalled())
import mitimeline
print("mitimeline", len(mitimeline.datasets.mission_impossible_7()), flush=True)
import mitimeline.testing
"""


def test_without_hypothesis_the_import_names_the_testing_extra() -> None:
    run = subprocess.run([sys.executable, "-c", WITHOUT_HYPOTHESIS], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 1
    assert run.stdout.startswith("mitimeline ")  # the core itself needs no Hypothesis
    assert run.stderr.splitlines()[-1] == (
        "ModuleNotFoundError: mitimeline.testing needs Hypothesis, which is not installed: "
        "install the 'testing' extra (pytest and Hypothesis): "
        'pip install -e ".[testing]" in the mitimeline checkout')

