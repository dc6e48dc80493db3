"""load / loads / export / dumps: format choice, options, error wrapping, atomic writes."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest

from fake_plugins import FormatsPlugin
from fake_plugins.lines import LinesExporter, LinesParser
from mitimeline import api, plugins
from mitimeline.errors import (
    ExportError,
    InvalidEventError,
    OptionsError,
    ParseError,
    UnknownFormatError,
)
from mitimeline.model import Event, Source
from mitimeline.timeline import Timeline

LINES = b"#lines MI7\nramp\t2020-09\tstunt\tRamp jump\n"


@pytest.fixture(autouse=True)
def lines_format(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Built-ins plus the ``lines`` format from plugin ``p``; no installed plugins."""
    monkeypatch.setenv(plugins.LOAD_ENV, "")
    plugins.reset()
    with plugins.registered(FormatsPlugin("p", [LinesParser()], [LinesExporter()])):
        yield
    plugins.reset()


@pytest.fixture
def tl() -> Timeline:
    return Timeline(
        title="MI7",
        events=[Event(id="ramp", title="Ramp jump", when="2020-09", kind="stunt")],
        sources=[Source(id="s", title="S")],
    )


def use(*formats: object) -> Any:
    """Register parsers and exporters from plugin ``bad`` for a ``with`` block."""
    parsers = [f for f in formats if isinstance(f, LinesParser)]
    exporters = [f for f in formats if isinstance(f, LinesExporter)]
    return plugins.registered(FormatsPlugin("bad", parsers, exporters))


# -- loading ------------------------------------------------------------------------------


def test_load_picks_the_parser_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "mi7.lines"
    path.write_bytes(LINES)
    for source in (path, str(path)):
        loaded = api.load(source)
        assert loaded.title == "MI7"
        assert [e.id for e in loaded] == ["ramp"]


def test_load_sniffs_content_when_the_extension_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(LINES)
    assert api.load(path).title == "MI7"


def test_an_explicit_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "mi7.json"
    path.write_bytes(LINES)
    assert api.load(path, format="lines").title == "MI7"


def test_load_reads_binary_file_objects() -> None:
    stream = io.BytesIO(b"junk" + LINES)
    stream.seek(4)
    assert api.load(stream).title == "MI7"  # sniffs from the current position


def test_load_buffers_a_non_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            size = min(len(buffer), len(self.data), 7)
            buffer[:size] = self.data[:size]
            self.data = self.data[size:]
            return size

    rows = b"".join(f"e{i}\t2020-09\tstunt\tE{i}\n".encode() for i in range(500))
    pipe = io.BufferedReader(Pipe(LINES + rows))
    assert not pipe.seekable()
    loaded = api.load(pipe)
    assert len(loaded) == 501  # the sniffed head was not lost


def test_load_refuses_text_streams() -> None:
    with pytest.raises(TypeError, match="binary file object"):
        api.load(io.StringIO(LINES.decode()))  # type: ignore[arg-type]


def test_loads_takes_text_or_bytes() -> None:
    assert api.loads(LINES, "lines").title == "MI7"
    assert api.loads(LINES.decode(), "lines").title == "MI7"
    assert api.loads("#lines Ünïcode\n", "lines").title == "Ünïcode"


def test_a_missing_file_is_a_parse_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.lines"
    with pytest.raises(ParseError, match=r"missing\.lines: no such file") as info:
        api.load(path)
    assert info.value.source == str(path)
    assert isinstance(info.value.__cause__, FileNotFoundError)


def test_an_unknown_format_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"plain text")
    with pytest.raises(UnknownFormatError, match=r"notes\.txt"):
        api.load(path)


def test_parse_options_are_validated() -> None:
    with pytest.raises(OptionsError, match=r"colour.*valid options: default_kind"):
        api.loads(LINES, "lines", colour="red")
    assert api.loads(b"#lines t\na\t2020\t\tA\n", "lines", default_kind="shoot")["a"].kind == (
        "shoot"
    )


def test_a_parse_error_is_located_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.lines"
    path.write_bytes(b"#lines t\nonly\ttwo\n")
    with pytest.raises(ParseError) as info:
        api.load(path)
    error = info.value
    assert (error.source, error.location, error.format, error.plugin) == (
        str(path), "line 2", "lines", "p"
    )
    assert str(error).startswith(f"{path}:line 2: ")  # source:location: as docs/errors.md says
    assert str(error) == f"{path}:line 2: expected 4 tab-separated fields, got 2"
    with pytest.raises(ParseError, match=r"^<string>:line 2: "):
        api.loads(b"#lines t\nonly\ttwo\n", "lines")


class Crashing(LinesParser):
    name: ClassVar[str] = "crashing"
    extensions: ClassVar[tuple[str, ...]] = ()

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        raise KeyError("title")


class Mistaken(LinesParser):
    name: ClassVar[str] = "mistaken"
    extensions: ClassVar[tuple[str, ...]] = ()

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        return {"title": "not a timeline"}  # type: ignore[return-value]


class Invalid(LinesParser):
    name: ClassVar[str] = "invalid"
    extensions: ClassVar[tuple[str, ...]] = ()

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        raise InvalidEventError("Event.kind: expected one of ...", "Event.kind")


def test_other_parser_exceptions_are_wrapped_naming_plugin_and_format() -> None:
    with use(Crashing()), pytest.raises(ParseError) as info:
        api.loads(LINES, "crashing")
    error = info.value
    assert "parser 'crashing' from plugin 'bad' failed: KeyError: 'title'" in str(error)
    assert (error.format, error.plugin, error.source) == ("crashing", "bad", "<string>")
    assert isinstance(error.__cause__, KeyError)


def test_mitimeline_errors_from_a_parser_pass_through() -> None:
    with use(Invalid()), pytest.raises(InvalidEventError, match=r"Event\.kind"):
        api.loads(LINES, "invalid")


def test_a_parser_must_return_a_timeline() -> None:
    with use(Mistaken()), pytest.raises(ParseError, match="plugin 'bad' returned dict"):
        api.loads(LINES, "mistaken")


# -- exporting ----------------------------------------------------------------------------


def test_export_picks_the_exporter_by_extension(tmp_path: Path, tl: Timeline) -> None:
    api.export(tl, tmp_path / "out.lines")
    assert (tmp_path / "out.lines").read_bytes() == b"#lines MI7\nramp\t2020-09\tstunt\tRamp jump\n"
    api.export(tl, str(tmp_path / "out.data"), format="lines", separator="|")
    assert (tmp_path / "out.data").read_bytes().endswith(b"ramp|2020-09|stunt|Ramp jump\n")


def test_timeline_methods_use_the_api(tmp_path: Path, tl: Timeline) -> None:
    tl.export(tmp_path / "out.lines")
    assert api.load(tmp_path / "out.lines") == api.loads(tl.dumps("lines"), "lines")


def test_the_builtin_json_round_trips(tmp_path: Path, tl: Timeline) -> None:
    tl.export(tmp_path / "mi7.json")
    assert api.load(tmp_path / "mi7.json") == tl
    assert api.loads(api.dumps(tl, "json"), "json") == tl


def test_export_options_are_validated(tmp_path: Path, tl: Timeline) -> None:
    with pytest.raises(OptionsError, match="colour; valid options: separator"):
        api.dumps(tl, "lines", colour="red")
    with pytest.raises(OptionsError, match="valid options: separator"):
        api.export(tl, tmp_path / "out.lines", sep="|")
    assert os.listdir(tmp_path) == []


def test_export_writes_a_file_object_directly(tl: Timeline) -> None:
    stream = io.BytesIO()
    api.export(tl, stream, format="lines")
    assert stream.getvalue().startswith(b"#lines MI7\n")


def test_export_needs_a_format_for_unnamed_streams(tl: Timeline) -> None:
    with pytest.raises(UnknownFormatError, match="pass format="):
        api.export(tl, io.BytesIO())


def test_export_needs_a_timeline(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"needs a mitimeline\.Timeline, got list"):
        api.export([], tmp_path / "out.lines")  # type: ignore[arg-type]


def test_an_unknown_extension_names_the_target(tmp_path: Path, tl: Timeline) -> None:
    with pytest.raises(UnknownFormatError, match=r"out\.xyz"):
        api.export(tl, tmp_path / "out.xyz")


def test_dumps_gives_text_or_bytes(tl: Timeline) -> None:
    class Binary(LinesExporter):
        name: ClassVar[str] = "binlines"
        binary: ClassVar[bool] = True

    assert isinstance(api.dumps(tl, "lines"), str)
    with use(Binary()):
        assert api.dumps(tl, "binlines") == LINES


class HalfThenFail(LinesExporter):
    """Writes some output, then fails."""

    name: ClassVar[str] = "half"
    extension: ClassVar[str] = ".half"
    failure: ClassVar[BaseException] = OSError("disk on fire")

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        stream.write(b"#lines half of it")
        stream.flush()
        raise self.failure


class HalfThenInterrupt(HalfThenFail):
    name: ClassVar[str] = "interrupted"
    extension: ClassVar[str] = ".interrupted"
    failure: ClassVar[BaseException] = KeyboardInterrupt()


def test_a_failed_export_leaves_no_file_and_no_temporary(tmp_path: Path, tl: Timeline) -> None:
    with use(HalfThenFail()), pytest.raises(ExportError) as info:
        api.export(tl, tmp_path / "out.half")
    assert "exporter 'half' from plugin 'bad' failed: OSError: disk on fire" in str(info.value)
    assert (info.value.format, info.value.plugin) == ("half", "bad")
    assert isinstance(info.value.__cause__, OSError)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("exporter", "error", "message"),
    [(HalfThenFail(), ExportError,
      "exporter 'half' from plugin 'bad' failed: OSError: disk on fire"),
     (HalfThenInterrupt(), KeyboardInterrupt, None)]
)
def test_a_failed_export_keeps_the_existing_file(
    tmp_path: Path, tl: Timeline, exporter: HalfThenFail, error: type[BaseException],
    message: str | None
) -> None:
    target = tmp_path / f"out{exporter.extension}"
    target.write_bytes(b"precious\x00bytes")
    target.chmod(0o640)
    with use(exporter), pytest.raises(error, match=message) as info:
        api.export(tl, target)
    if error is KeyboardInterrupt:  # passed through untouched: the very exception raised
        assert info.value is exporter.failure
    assert target.read_bytes() == b"precious\x00bytes"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == [target.name]


def test_export_errors_from_the_exporter_get_format_and_plugin(tl: Timeline) -> None:
    class Refusing(LinesExporter):
        name: ClassVar[str] = "refusing"

        def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
            raise ExportError("cannot carry events without a place")

    with use(Refusing()), pytest.raises(ExportError, match="without a place") as info:
        api.dumps(tl, "refusing")
    assert (info.value.format, info.value.plugin) == ("refusing", "bad")


def test_an_exporter_that_closes_the_stream_is_reported(tmp_path: Path, tl: Timeline) -> None:
    class Closing(LinesExporter):
        name: ClassVar[str] = "closing"
        extension: ClassVar[str] = ".closing"

        def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
            with io.TextIOWrapper(stream, encoding="utf-8") as text:
                text.write("#lines\n")

    with use(Closing()):
        with pytest.raises(ExportError, match="'closing' from plugin 'bad' closed its output"):
            api.dumps(tl, "closing")
        with pytest.raises(ExportError, match="closed its output"):
            api.export(tl, tmp_path / "out.closing")
    assert os.listdir(tmp_path) == []


def test_text_exporters_must_write_utf8(tl: Timeline) -> None:
    class Latin1(LinesExporter):
        name: ClassVar[str] = "latin"

        def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
            stream.write("café".encode("latin-1"))

    with use(Latin1()), pytest.raises(ExportError, match="not UTF-8; a binary format must"):
        api.dumps(tl, "latin")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_export_keeps_the_permission_bits_of_an_existing_file(
    tmp_path: Path, tl: Timeline
) -> None:
    target = tmp_path / "out.lines"
    target.write_bytes(b"old")
    target.chmod(0o604)
    api.export(tl, target)
    assert target.read_bytes().startswith(b"#lines MI7")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_a_new_file_gets_the_umask_default(tmp_path: Path, tl: Timeline, umask: int) -> None:
    previous = os.umask(umask)
    try:
        api.export(tl, tmp_path / "out.lines")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.lines").stat().st_mode) == 0o666 & ~umask


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_export_through_a_symlink_replaces_the_file_it_points_to(
    tmp_path: Path, tl: Timeline
) -> None:
    real = tmp_path / "real.lines"
    real.write_bytes(b"old")
    link = tmp_path / "link.lines"
    link.symlink_to(real)
    api.export(tl, link)
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"#lines MI7")


def test_export_into_a_missing_directory_names_it(tmp_path: Path, tl: Timeline) -> None:
    target = tmp_path / "nope" / "out.lines"
    with pytest.raises(ExportError) as info:
        api.export(tl, target)
    expected = (f"cannot write {str(target)!r}: no such directory {str(target.parent)!r} "
                "(folders are not created: create it first)")
    assert str(info.value) == expected
    assert not target.parent.exists()
