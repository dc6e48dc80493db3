"""The plugin manager: built-ins, lazy and isolated entry-point loading, environment controls,
listings, and format resolution."""

from __future__ import annotations

import importlib.metadata
import inspect
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs
import pytest

from fake_plugins import CommandsPlugin, FormatsPlugin
from fake_plugins.greeter import HELLO
from fake_plugins.lines import LinesExporter, LinesParser
from mitimeline import hookspecs, plugins
from mitimeline.errors import (
    AmbiguousFormatError,
    PluginLoadError,
    PluginLoadWarning,
    UnknownFormatError,
)
from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl
from mitimeline.timeline import Timeline

BUILTIN = "mitimeline.default_plugins.json_format"
SRC = Path(__file__).resolve().parents[1] / "src"

Distribution = importlib.metadata.Distribution
Install = Callable[..., Distribution]


@pytest.fixture(autouse=True)
def offered(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[importlib.metadata.EntryPoint]]:
    """A fresh registry that sees only the entry points in the yielded list (none at first)."""
    for variable in (plugins.LOAD_ENV, plugins.DISABLE_ENV, plugins.STRICT_ENV,
                     plugins.TRACE_ENV):
        monkeypatch.delenv(variable, raising=False)
    entry_points: list[importlib.metadata.EntryPoint] = []
    real = importlib.metadata.entry_points

    def fake_entry_points(**selection: Any) -> Any:
        if selection.get("group") == plugins.ENTRY_POINT_GROUP:
            return list(entry_points)
        return real(**selection)

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    plugins.reset()
    yield entry_points
    plugins.reset()


@pytest.fixture
def install(offered: list[importlib.metadata.EntryPoint], tmp_path: Path) -> Install:
    """``install("mitimeline-lines", "1.0", lines="fake_plugins.lines")`` offers the entry
    points of a fake distribution (a dist-info directory, so ``ep.dist`` is real)."""

    def install_dist(name: str, version: str, **entry_points: str) -> Distribution:
        info = tmp_path / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
        (info / "entry_points.txt").write_text(f"[mitimeline]\n{lines}")
        dist = importlib.metadata.PathDistribution(info)
        offered.extend(dist.entry_points)
        return dist

    return install_dist


def names(infos: list[Any]) -> list[str]:
    return [info.name for info in infos]


def formats_by(plugin: str) -> list[str]:
    return [f.name for f in plugins.list_formats() if f.plugin == plugin]


# -- built-ins and laziness ---------------------------------------------------------------


def test_default_plugins_lists_the_json_builtin() -> None:
    assert BUILTIN in plugins.DEFAULT_PLUGINS


def test_builtins_are_listed_with_builtin_true_only_when_asked() -> None:
    assert plugins.list_plugins() == []
    (builtin,) = [p for p in plugins.list_plugins(all=True) if p.name == BUILTIN]
    assert builtin.builtin is True
    assert builtin.error is None
    assert builtin.hooks == ("register_exporters", "register_parsers")
    assert builtin.formats == ("json",)


def test_builtin_formats_go_through_the_hooks() -> None:
    (json_format,) = [f for f in plugins.list_formats() if f.name == "json"]
    assert json_format.plugin == BUILTIN
    assert json_format.builtin
    assert json_format.can_parse and json_format.can_export
    assert plugins.plugin_of(plugins.find_parser("json")) == BUILTIN


def test_importing_mitimeline_loads_no_plugins() -> None:
    code = textwrap.dedent(
        f"""
        import importlib.metadata, sys
        def refuse(**selection):
            raise AssertionError("entry points were read at import time")
        importlib.metadata.entry_points = refuse
        import mitimeline, mitimeline.plugins, mitimeline.api
        assert not mitimeline.plugins._state.loaded, "plugins loaded at import"
        assert {BUILTIN!r} not in sys.modules, "built-in plugin imported at import"
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr


def test_first_use_loads_plugins_once() -> None:
    assert not plugins._state.loaded
    assert plugins.pm.get_plugin(BUILTIN) is None
    plugins.find_exporter("json")
    assert plugins._state.loaded
    registered = plugins.pm.get_plugins()
    plugins.load_plugins()
    plugins.list_plugins()
    assert plugins.pm.get_plugins() == registered
    assert len([p for p in plugins.list_plugins(all=True) if p.name == BUILTIN]) == 1


# -- third-party plugins through entry points ---------------------------------------------


def test_a_good_plugin_is_loaded_with_its_distribution(install: Install) -> None:
    install("mitimeline-lines", "1.2.3", lines="fake_plugins.lines")
    (info,) = plugins.list_plugins()
    assert info == plugins.PluginInfo(
        name="mitimeline-lines", version="1.2.3", builtin=False,
        hooks=("register_exporters", "register_parsers"), formats=("lines",), error=None,
        dist="mitimeline-lines",
    )
    (lines,) = [f for f in plugins.list_formats() if f.name == "lines"]
    assert lines.plugin == "mitimeline-lines" and not lines.builtin
    assert lines.extensions == (".lines",)
    assert lines.media_types == ("text/x-lines",)
    assert lines.parse_options == {"default_kind": "str = 'other'"}
    assert lines.export_options == {"separator": "str = '\\t'"}


def test_a_distribution_with_several_entry_points_names_each(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    install("mitimeline-multi", "2.0", lines="fake_plugins.lines", rival="fake_plugins.rival")
    monkeypatch.setenv(plugins.LOAD_ENV, "mitimeline-multi")
    with pytest.warns(PluginLoadWarning, match="'lines' is offered by plugins"):
        infos = plugins.list_plugins()
    assert [(p.name, p.dist, p.version) for p in infos] == [
        ("mitimeline-multi.lines", "mitimeline-multi", "2.0"),
        ("mitimeline-multi.rival", "mitimeline-multi", "2.0"),
    ]


def test_load_plugins_selects_one_entry_point_of_a_distribution(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    install("mitimeline-multi", "2.0", lines="fake_plugins.lines", rival="fake_plugins.rival")
    monkeypatch.setenv(plugins.LOAD_ENV, "mitimeline-multi.rival")
    assert names(plugins.list_plugins()) == ["mitimeline-multi.rival"]


def test_a_distribution_found_twice_on_the_path_loads_once(
    install: Install, offered: list[importlib.metadata.EntryPoint]
) -> None:
    dist = install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    offered.extend(dist.entry_points)
    assert names(plugins.list_plugins()) == ["mitimeline-lines"]  # no "already registered"


def test_an_entry_point_without_metadata_is_named_after_itself(
    offered: list[importlib.metadata.EntryPoint],
) -> None:
    offered.append(importlib.metadata.EntryPoint("lines", "fake_plugins.lines", "mitimeline"))
    (info,) = plugins.list_plugins()
    assert (info.name, info.dist, info.version, info.formats) == ("lines", None, None, ("lines",))


def test_an_import_error_is_recorded_and_the_others_still_load(install: Install) -> None:
    install("mitimeline-broken", "0.1", broken="fake_plugins.broken_import")
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    expected = r"plugin 'mitimeline-broken' \(0\.1\) failed"
    with pytest.warns(PluginLoadWarning, match=expected) as rec:
        infos = plugins.list_plugins()
    assert len(rec) == 1
    assert "ModuleNotFoundError" in str(rec[0].message)
    assert "mitimeline_dependency_that_is_not_installed" in str(rec[0].message)
    broken, lines = infos
    assert broken.name == "mitimeline-broken" and broken.version == "0.1"
    assert broken.error is not None and "ModuleNotFoundError" in broken.error
    assert lines.error is None and lines.formats == ("lines",)


def test_a_raising_hookimpl_unregisters_the_whole_plugin(install: Install) -> None:
    install("mitimeline-raising", "1.0", raising="fake_plugins.raising_hook")
    expected = "'mitimeline-raising'.*register_parsers raised RuntimeError"
    with pytest.warns(PluginLoadWarning, match=expected):
        (info,) = plugins.list_plugins()
    assert info.error == "register_parsers raised RuntimeError: parser table is corrupt"
    assert info.formats == ()
    assert plugins.pm.get_plugin("mitimeline-raising") is None
    assert formats_by("mitimeline-raising") == []  # its exporter registered, then was dropped


def test_a_misspelled_hook_is_a_load_failure_naming_the_plugin(install: Install) -> None:
    install("mitimeline-misspelled", "1.0", misspelled="fake_plugins.misspelled")
    install("mitimeline-rival", "1.0", rival="fake_plugins.rival")
    expected = "'mitimeline-misspelled'.*unknown hook 'register_parser'"
    with pytest.warns(PluginLoadWarning, match=expected):
        misspelled, rival = plugins.list_plugins()
    assert misspelled.error is not None and "register_parsers(register)" in misspelled.error
    assert plugins.pm.get_plugin("mitimeline-misspelled") is None
    assert rival.error is None  # check_pending() does not blame the plugin loaded after it


def test_registering_a_non_parser_is_a_load_failure(install: Install) -> None:
    install("mitimeline-bad", "1.0", bad="fake_plugins.not_a_parser")
    expected = r"'mitimeline-bad'.*expected a mitimeline\.Parser instance"
    with pytest.warns(PluginLoadWarning, match=expected):
        (info,) = plugins.list_plugins()
    assert info.error is not None and "{'name': 'lines'" in info.error


def test_strict_loading_raises_and_keeps_nothing(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(plugins.STRICT_ENV, "1")
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    install("mitimeline-raising", "1.0", raising="fake_plugins.raising_hook")
    expected = r"'mitimeline-raising'.*parser table is corrupt"
    with pytest.raises(PluginLoadError, match=expected) as info:
        plugins.list_formats()
    assert info.value.plugin == "mitimeline-raising"
    assert plugins.pm.get_plugins() == set()
    with pytest.raises(PluginLoadError, match=expected):  # not marked loaded: tried again
        plugins.find_parser("lines")


@pytest.mark.parametrize("value", ["", " , "])
def test_load_plugins_set_but_empty_loads_no_third_party_plugin(
    install: Install, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    monkeypatch.setenv(plugins.LOAD_ENV, value)
    assert plugins.list_plugins() == []
    assert names(plugins.list_plugins(all=True)) == list(plugins.DEFAULT_PLUGINS)


@pytest.mark.parametrize("value", ["rival", "mitimeline-rival", "Mitimeline_Rival", " rival,"])
def test_load_plugins_selects_by_entry_point_or_distribution_name(
    install: Install, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    install("mitimeline-rival", "1.0", rival="fake_plugins.rival")
    monkeypatch.setenv(plugins.LOAD_ENV, value)
    assert names(plugins.list_plugins()) == ["mitimeline-rival"]


def test_load_plugins_warns_about_a_name_that_is_not_installed(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(plugins.LOAD_ENV, "mitimeline-typo")
    with pytest.warns(PluginLoadWarning, match="'mitimeline-typo', which is not an"):
        plugins.load_plugins()


@pytest.mark.parametrize("value", ["broken", "mitimeline-broken", "other,broken"])
def test_disabled_plugins_are_never_imported(
    install: Install, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    install("mitimeline-broken", "1.0", broken="fake_plugins.broken_import")
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    monkeypatch.setenv(plugins.DISABLE_ENV, value)
    assert names(plugins.list_plugins()) == ["mitimeline-lines"]  # no warning about broken
    assert plugins.pm.is_blocked("mitimeline-broken")


def test_a_builtin_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(plugins.DISABLE_ENV, BUILTIN)
    assert names(plugins.list_plugins(all=True)) == [
        name for name in plugins.DEFAULT_PLUGINS if name != BUILTIN]
    with pytest.raises(UnknownFormatError, match=r"^no parser named 'json'; available parsers: "):
        plugins.find_parser("json")
    plugins.reset()
    assert not plugins.pm.is_blocked(BUILTIN)


def test_trace_prints_loading_steps(
    install: Install, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    monkeypatch.setenv(plugins.TRACE_ENV, "1")
    plugins.load_plugins()
    err = capsys.readouterr().err
    assert "loading plugin mitimeline-lines: entry point lines = fake_plugins.lines" in err
    assert "plugin mitimeline-lines registered parser lines" in err


# -- the hooks and the register() contract ------------------------------------------------


def test_hook_register_parsers() -> None:
    parser = LinesParser()
    with plugins.registered(FormatsPlugin("p", parsers=[parser])):
        assert plugins.find_parser("lines") is parser
        assert plugins.plugin_of(parser) == "p"
        (info,) = plugins.list_plugins()
        assert info.hooks == ("register_exporters", "register_parsers")
        assert info.formats == ("lines",)


def test_hook_register_exporters() -> None:
    exporter = LinesExporter()
    with plugins.registered(FormatsPlugin("e", exporters=[exporter])):
        assert plugins.find_exporter("lines") is exporter
        (info,) = [f for f in plugins.list_formats() if f.name == "lines"]
        assert (info.can_parse, info.can_export, info.plugin) == (False, True, "e")
    with pytest.raises(UnknownFormatError,
                       match=r"^no exporter named 'lines'; available exporters: json "):
        plugins.find_exporter("lines")


def added_commands() -> list[plugins.CommandInfo]:
    """The commands of plugins other than the built-ins (``serve`` is a built-in's)."""
    return [info for info in plugins.list_commands() if info.plugin not in plugins.DEFAULT_PLUGINS]


def test_hook_register_commands() -> None:
    with plugins.registered(CommandsPlugin("c", [HELLO])):
        assert added_commands() == [plugins.CommandInfo(HELLO, "c")]
        (info,) = plugins.list_plugins()
        assert "register_commands" in info.hooks
        assert info.commands == ("hello",)
    assert added_commands() == []


def test_hookimpls_may_take_fewer_arguments_than_the_spec() -> None:
    class NoArguments:
        __name__ = "quiet"

        @hookimpl
        def register_parsers(self) -> None:
            pass

    with plugins.registered(NoArguments()):
        assert names(plugins.list_plugins()) == ["quiet"]


def hookspec_names() -> list[str]:
    return [
        name for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "mitimeline_spec")
    ]


def test_every_hook_is_documented_and_tested() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "plugins.md").read_text()
    assert hookspec_names() == ["register_commands", "register_exporters", "register_parsers"]
    for name in hookspec_names():
        arguments = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert f"### `{name}({arguments})`" in docs
        assert f"test_hook_{name}" in globals()


class NamedBadly(LinesParser):
    name: ClassVar[str] = "Lines Format"


class ExtensionWithoutDot(LinesParser):
    extensions: ClassVar[tuple[str, ...]] = ("lines",)


class ExtensionsAsString(LinesParser):
    extensions = ".lines"  # type: ignore[assignment]


class NoExtension(Exporter):
    name: ClassVar[str] = "noext"

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        pass


class PlainOptions(LinesParser):
    class Options:  # type: ignore[no-redef]
        pass


@pytest.mark.parametrize(
    ("parsers", "exporters", "message"),
    [
        (["lines"], [], "passed 'lines' to register.*expected a mitimeline.Parser instance"),
        ([LinesParser], [], r"passed the class LinesParser.*such as LinesParser\(\)"),
        ([LinesExporter()], [], "expected a mitimeline.Parser instance"),
        ([], [LinesParser()], "expected a mitimeline.Exporter instance"),
        ([NamedBadly()], [], "name 'Lines Format'; expected a lower-case slug"),
        ([ExtensionWithoutDot()], [], "extension 'lines'; expected a dot"),
        ([ExtensionsAsString()], [], "extensions '.lines'; expected a tuple of strings"),
        ([], [NoExtension()], "NoExtension has extension None"),
        ([PlainOptions()], [], "expected an attrs class"),
        ([LinesParser(), LinesParser()], [], "two Parsers named 'lines'"),
    ],
)
def test_registering_a_malformed_format_is_a_clear_failure(
    parsers: list[object], exporters: list[object], message: str
) -> None:
    bad = FormatsPlugin("bad", parsers, exporters)
    with (
        pytest.raises(PluginLoadError, match=f"plugin 'bad' failed to load: .*{message}"),
        plugins.registered(bad),
    ):
        pass
    with pytest.warns(PluginLoadWarning, match=message), plugins.registered(bad, strict=False):
        (info,) = plugins.list_plugins()
        assert info.error is not None and info.name == "bad"
        assert plugins.list_formats() == [f for f in plugins.list_formats() if f.plugin != "bad"]
    assert plugins.pm.get_plugin("bad") is None


def test_a_plugin_cannot_take_a_name_already_registered() -> None:
    first = FormatsPlugin("same", [LinesParser()])
    with (
        plugins.registered(first),
        pytest.raises(PluginLoadError, match="already registered under the name 'same'"),
        plugins.registered(FormatsPlugin("same")),
    ):
        pass
    with plugins.registered(first):  # the failed one did not evict the first
        assert plugins.pm.get_plugin("same") is first


def test_one_module_behind_two_entry_points_loads_once(install: Install) -> None:
    install("mitimeline-a", "1.0", lines="fake_plugins.lines")
    install("mitimeline-b", "1.0", again="fake_plugins.lines")
    expected = "fake_plugins.lines is already registered as plugin 'mitimeline-a'"
    with pytest.warns(PluginLoadWarning, match=expected):
        a, b = plugins.list_plugins()
    assert (a.name, a.error, b.name) == ("mitimeline-a", None, "mitimeline-b")
    assert plugins.plugin_of(plugins.find_parser("lines")) == "mitimeline-a"


def test_registered_restores_the_registry() -> None:
    before = (plugins.list_plugins(all=True), plugins.list_formats(), plugins.pm.get_plugins())
    with plugins.registered(FormatsPlugin("p", [LinesParser()], [LinesExporter()])):
        assert "lines" in names(plugins.list_formats())
    after = (plugins.list_plugins(all=True), plugins.list_formats(), plugins.pm.get_plugins())
    assert after == before


# -- name clashes -------------------------------------------------------------------------


def test_two_plugins_with_the_same_format_name_keep_both(install: Install) -> None:
    install("mitimeline-lines", "1.0", lines="fake_plugins.lines")
    install("mitimeline-rival", "1.0", rival="fake_plugins.rival")
    with pytest.warns(PluginLoadWarning) as rec:
        plugins.load_plugins()
    messages = [str(w.message) for w in rec]
    assert len(messages) == 2  # once for the parser clash, once for the exporter clash
    assert all(
        "'mitimeline-lines' and 'mitimeline-rival'" in m and "format='mitimeline-rival:lines'" in m
        for m in messages
    )
    assert [(f.name, f.plugin) for f in plugins.list_formats() if f.name == "lines"] == [
        ("lines", "mitimeline-lines"), ("lines", "mitimeline-rival")
    ]
    with pytest.raises(
        AmbiguousFormatError,
        match="format='mitimeline-lines:lines' or format='mitimeline-rival:lines'",
    ):
        plugins.find_parser("lines")
    with pytest.raises(AmbiguousFormatError, match="offered by several plugins"):
        plugins.find_exporter("lines")
    rival = plugins.find_parser("mitimeline-rival:lines")
    assert plugins.plugin_of(rival) == "mitimeline-rival"
    assert plugins.plugin_of(plugins.find_exporter("mitimeline-lines:lines")) == "mitimeline-lines"


def test_a_bare_name_shared_with_a_builtin_means_the_builtin() -> None:
    class OtherJSON(LinesExporter):
        name: ClassVar[str] = "json"

    other = OtherJSON()
    with (
        pytest.warns(PluginLoadWarning, match="'json' means the built-in one; use 'alt:json'"),
        plugins.registered(FormatsPlugin("alt", exporters=[other])),
    ):
        assert plugins.plugin_of(plugins.find_exporter("json")) == BUILTIN
        assert plugins.find_exporter("alt:json") is other


# -- format resolution --------------------------------------------------------------------


class TarLines(LinesParser):
    name: ClassVar[str] = "tarlines"
    extensions: ClassVar[tuple[str, ...]] = (".tar.lines",)

    def sniff(self, head: bytes) -> bool:
        return False


class AlsoLines(LinesParser):
    name: ClassVar[str] = "alsolines"

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"#also")


class BadSniff(LinesParser):
    name: ClassVar[str] = "badsniff"
    extensions: ClassVar[tuple[str, ...]] = ()

    def sniff(self, head: bytes) -> bool:
        raise UnicodeDecodeError("utf-8", head, 0, 1, "sniffing went wrong")


@pytest.fixture
def lines_parser() -> Iterator[LinesParser]:
    parser = LinesParser()
    with plugins.registered(FormatsPlugin("p", [parser, TarLines()], [LinesExporter()])):
        yield parser


@pytest.mark.parametrize("format", ["lines", "LINES", " p:lines "])
def test_an_explicit_format_wins(lines_parser: LinesParser, format: str) -> None:
    assert plugins.find_parser(format, "notes.json", b'{"mitimeline": 1}') is lines_parser


@pytest.mark.parametrize("filename", ["a.lines", "A.LINES", "dir.json/a.Lines", "/x/.lines"])
def test_the_extension_decides_case_insensitively(lines_parser: LinesParser, filename: str) -> None:
    assert plugins.find_parser(None, filename, b"") is lines_parser
    assert plugins.find_exporter(None, filename).name == "lines"


def test_the_longest_extension_wins(lines_parser: LinesParser) -> None:
    assert plugins.find_parser(None, "backup.tar.lines").name == "tarlines"
    assert plugins.find_parser(None, "backup.lines") is lines_parser


def test_content_is_sniffed_when_the_extension_says_nothing(lines_parser: LinesParser) -> None:
    assert plugins.find_parser(None, "notes.txt", b"#lines MI7\n") is lines_parser
    assert plugins.find_parser(None, None, b"#lines MI7\n") is lines_parser
    assert plugins.find_parser(None, "notes.txt", b'{"mitimeline": 1}').name == "json"


def test_sniffing_breaks_a_tie_between_extensions(lines_parser: LinesParser) -> None:
    with plugins.registered(FormatsPlugin("q", [AlsoLines()])):
        with pytest.raises(AmbiguousFormatError, match=r"'x.lines' matches several parsers"):
            plugins.find_parser(None, "x.lines", b"neither")
        assert plugins.find_parser(None, "x.lines", b"#also\n").name == "alsolines"
        assert plugins.find_parser(None, "x.lines", b"#lines\n") is lines_parser


def test_a_raising_sniff_counts_as_no_and_warns(lines_parser: LinesParser) -> None:
    with (
        plugins.registered(FormatsPlugin("sniffer", [BadSniff()])),
        pytest.warns(PluginLoadWarning, match="'badsniff' from plugin 'sniffer' raised"),
    ):
        assert plugins.find_parser(None, None, b"#lines\n") is lines_parser


def test_several_sniffing_parsers_are_ambiguous(lines_parser: LinesParser) -> None:
    class Greedy(LinesParser):
        name: ClassVar[str] = "greedy"
        extensions: ClassVar[tuple[str, ...]] = ()

        def sniff(self, head: bytes) -> bool:
            return True

    with (
        plugins.registered(FormatsPlugin("g", [Greedy()])),
        pytest.raises(AmbiguousFormatError, match=r"p:lines .*g:greedy") as info,
    ):
        plugins.find_parser(None, "notes.txt", b"#lines\n")
    assert "choose one with format='p:lines' or format='g:greedy'" in str(info.value)


def test_no_match_lists_the_available_formats(lines_parser: LinesParser) -> None:
    with pytest.raises(UnknownFormatError) as info:
        plugins.find_parser(None, "notes.txt", b"plain text")
    message = str(info.value)
    assert "'notes.txt'" in message
    assert "lines (plugin 'p')" in message and f"json (plugin '{BUILTIN}')" in message
    assert "format=" in message
    with pytest.raises(UnknownFormatError, match="no parser named 'xml'; available parsers: "):
        plugins.find_parser("xml")
    with pytest.raises(UnknownFormatError, match="no exporter named 'q:lines'"):
        plugins.find_exporter("q:lines")
    with pytest.raises(UnknownFormatError, match=r"'out\.xml': no exporter claims its extension"):
        plugins.find_exporter(None, "out.xml")
    with pytest.raises(UnknownFormatError, match="pass format= or a file name"):
        plugins.find_exporter()


def test_options_are_described_and_parser_extensions_may_be_empty() -> None:
    @attrs.frozen
    class Opts:
        x: int = 1

    class Fine(Parser):
        name: ClassVar[str] = "fine"
        Options = Opts

        def parse(self, stream: BinaryIO, options: Any) -> Timeline:
            return Timeline()

    with plugins.registered(FormatsPlugin("fine", [Fine()])):
        (info,) = [f for f in plugins.list_formats() if f.name == "fine"]
        assert info.parse_options == {"x": "int = 1"}
        assert info.extensions == ()
