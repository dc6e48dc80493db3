"""Faults, each through the library API and the ``mitimeline`` command: plugins that raise or
return garbage (at import, in their hooks, in ``sniff``, ``parse`` and ``export``), a full
disk, a file-size limit, a read-only file system, permissions, and interrupted writes.

The operating-system faults are real: a 64 KiB tmpfs in a private mount namespace
(``unshare``), ``RLIMIT_FSIZE``, an unprivileged uid, ``SIGKILL``. A mechanism this machine
lacks skips its test, except under ``CI`` where it fails. The messages asserted here are the
ones docs/errors.md shows.
"""

from __future__ import annotations

import errno
import json
import os
import reprlib
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import mitimeline
from fake_plugins import faulty, sniffers
from mitimeline import plugins
from mitimeline.errors import (
    DateParseError,
    ExportError,
    ParseError,
    PluginLoadError,
    PluginLoadWarning,
)
from mitimeline.model import Event
from mitimeline.timeline import Timeline

TESTS = Path(__file__).resolve().parent
EXAMPLE = TESTS.parent / "seeds" / "mi7-example.json"
PRECIOUS = b"precious\x00bytes\n" * 64
FAULTY = "fake_plugins.faulty"  # the plugin's name when registered in-process

# A script run in a fresh interpreter: the library API, reporting an error on one line.
API = textwrap.dedent(
    """
    import sys, mitimeline
    source, *target = sys.argv[1:]
    try:
        timeline = mitimeline.load(source)
        if target:
            timeline.export(target[0])
    except mitimeline.MitimelineError as exc:
        cause = type(exc.__cause__).__name__ if exc.__cause__ else None
        print(type(exc).__name__, getattr(exc, "errno", None), cause, exc, sep="|")
        sys.exit(1)
    """
)


class Outcome(NamedTuple):
    """What a run reported: exit code, and the error's class, errno, cause and message (API)
    or the one stderr line without its ``mitimeline COMMAND: error: `` prefix (CLI)."""

    code: int
    message: str
    error: str = ""
    errno: int | None = None
    cause: str = ""


pytestmark = pytest.mark.usefixtures("only_builtins")


@pytest.fixture
def tl() -> Timeline:
    return mitimeline.load(EXAMPLE)


def site(folder: Path, modules: dict[str, str]) -> Path:
    """A folder holding one installed distribution per ``name -> module`` (a dist-info with a
    ``mitimeline`` entry point), found by the real entry-point scan when on the path."""
    folder.mkdir(exist_ok=True)
    for name, module in modules.items():
        info = folder / f"{name.replace('-', '_')}-1.0.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[mitimeline]\nplugin = {module}\n")
    return folder


def environment(
    folder: Path | None, modules: dict[str, str], strict: bool = False
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MITIMELINE_")}
    paths = [str(TESTS), *([str(site(folder, modules))] if folder and modules else [])]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env[plugins.LOAD_ENV] = ",".join(modules)
    if strict:
        env[plugins.STRICT_ENV] = "1"
    return env


def cli(*argv: str, tmp: Path | None = None, modules: dict[str, str] | None = None,
        strict: bool = False, preexec: Callable[[], None] | None = None,
        prefix: tuple[str, ...] = (), kind: str = "error") -> Outcome:
    """Run ``python -m mitimeline ARGV``; stderr must be empty or one line, no traceback."""
    env = environment(tmp / "site" if tmp else None, modules or {}, strict)
    done = subprocess.run([*prefix, sys.executable, "-m", "mitimeline", *argv], capture_output=True,
                          text=True, env=env, preexec_fn=preexec, check=False, timeout=60)
    return Outcome(done.returncode, one_line(done.stderr, argv[0], kind) if done.stderr else "")


def one_line(err: str, command: str, kind: str = "error") -> str:
    prefix = f"mitimeline {command}: {kind}: "
    assert "Traceback" not in err, err
    assert err.count("\n") == 1 and err.startswith(prefix), err
    return err[len(prefix):-1]


def api(*args: str, preexec: Callable[[], None] | None = None,
        prefix: tuple[str, ...] = ()) -> Outcome:
    """``load(args[0])`` and, given a second path, ``export`` to it, in a fresh interpreter."""
    done = subprocess.run([*prefix, sys.executable, "-c", API, *args], capture_output=True,
                          text=True, env=environment(None, {}), preexec_fn=preexec, check=False,
                          timeout=60)
    assert done.stderr == "", done.stderr
    if not done.stdout:
        return Outcome(done.returncode, "")
    error, number, cause, message = done.stdout.rstrip("\n").split("|", 3)
    return Outcome(done.returncode, message, error, None if number == "None" else int(number),
                   cause)


def untouched(target: Path) -> None:
    """``target`` still holds PRECIOUS and is the only file in its folder."""
    assert target.read_bytes() == PRECIOUS
    assert sorted(os.listdir(target.parent)) == [target.name]


def need(works: bool, why: str) -> None:
    """Skip when a fault mechanism is missing here, but fail under CI, which must have it."""
    if not works:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to run this test: {why}")
        pytest.skip(why)


# -- plugins that fail to import or register -------------------------------------------------

LOAD_FAILURES = {
    "raising_import": "RuntimeError: plugin configuration file is corrupt",
    "broken_import": "ModuleNotFoundError: No module named "
                     "'mitimeline_dependency_that_is_not_installed'",
    "raising_hook": "register_parsers raised RuntimeError: parser table is corrupt",
    "not_a_parser": "register_parsers passed {'name': 'lines', 'parse': <built-in function "
                    "print>} to register(); expected a mitimeline.Parser instance",
    "malformed": "Parser WrongTypes has name 42; expected a lower-case slug such as 'ical'",
    "duplicate": "register_exporters registered two Exporters named 'lines'",
    "shadowing": "command 'convert' is the name of a built-in command; a plugin command needs "
                 "a name of its own",
    "clumsy_arguments": "the arguments of command 'clumsy' raised ArgumentError: argument "
                        "-h/--height: conflicting option string: -h",
}


def load_failure(module: str) -> str:
    return (f"mitimeline plugin 'mitimeline-fault' (1.0) failed to load: "
            f"{LOAD_FAILURES[module]}")


def only_fault_plugin(module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Install ``fake_plugins.<module>`` as the plugin 'mitimeline-fault' and load only it."""
    monkeypatch.syspath_prepend(str(site(tmp_path, {"mitimeline-fault": f"fake_plugins.{module}"})))
    monkeypatch.setenv(plugins.LOAD_ENV, "mitimeline-fault")


@pytest.mark.parametrize("module", LOAD_FAILURES)
def test_a_plugin_that_fails_to_load_is_skipped_with_one_warning(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_fault_plugin(module, tmp_path, monkeypatch)
    plugins.reset()
    with pytest.warns(PluginLoadWarning) as caught:
        assert mitimeline.load(EXAMPLE).title  # the built-ins still work
    assert [str(w.message) for w in caught] == [f"{load_failure(module)}; continuing without it"]
    (info,) = plugins.list_plugins()
    assert info.error == LOAD_FAILURES[module] and info.formats == ()


@pytest.mark.parametrize("module", LOAD_FAILURES)
def test_strict_loading_raises_plugin_load_error(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_fault_plugin(module, tmp_path, monkeypatch)
    monkeypatch.setenv(plugins.STRICT_ENV, "1")
    plugins.reset()
    with pytest.raises(PluginLoadError) as info:
        mitimeline.load(EXAMPLE)
    assert str(info.value) == load_failure(module)
    assert info.value.plugin == "mitimeline-fault" and info.value.__cause__ is not None


@pytest.mark.parametrize("module", LOAD_FAILURES)
def test_cli_warns_on_one_line_about_a_plugin_that_fails_to_load(
    module: str, tmp_path: Path
) -> None:
    modules = {"mitimeline-fault": f"fake_plugins.{module}"}
    outcome = cli("show", str(EXAMPLE), tmp=tmp_path, modules=modules, kind="warning")
    assert outcome == Outcome(0, f"{load_failure(module)}; continuing without it")
    strict = cli("show", str(EXAMPLE), tmp=tmp_path, modules=modules, strict=True)
    assert strict == Outcome(2, load_failure(module))


GREETERS = {"mitimeline-greeter": "fake_plugins.greeter",
            "mitimeline-rival": "fake_plugins.rival_greeter"}
COMMAND_CLASH = ("mitimeline plugin 'mitimeline-rival' (1.0) failed to load: command 'hello' is "
                 "already registered by plugin 'mitimeline-greeter'; to keep the other one, "
                 "disable 'mitimeline-greeter' with MITIMELINE_DISABLE_PLUGINS")


def test_cli_names_both_plugins_when_two_register_one_command(tmp_path: Path) -> None:
    outcome = cli("hello", tmp=tmp_path, modules=GREETERS, kind="warning")
    assert outcome == Outcome(0, f"{COMMAND_CLASH}; continuing without it")
    strict = cli("hello", tmp=tmp_path, modules=GREETERS, strict=True)
    assert strict == Outcome(2, COMMAND_CLASH)


def test_the_other_command_of_a_clash_runs_once_the_first_plugin_is_disabled(
    tmp_path: Path,
) -> None:
    env = {**environment(tmp_path / "site", GREETERS), plugins.DISABLE_ENV: "mitimeline-greeter"}
    done = subprocess.run([sys.executable, "-m", "mitimeline", "hello"], capture_output=True,
                          text=True, env=env, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "hello from the rival\n", "")


def test_help_warns_without_a_command_about_a_plugin_that_fails_to_load(tmp_path: Path) -> None:
    env = environment(tmp_path / "site", {"mitimeline-fault": "fake_plugins.shadowing"})
    done = subprocess.run([sys.executable, "-m", "mitimeline", "--help"], capture_output=True,
                          text=True, env=env, check=False, timeout=60)
    assert done.returncode == 0 and "show" in done.stdout
    warning = f"mitimeline: warning: {load_failure('shadowing')}; continuing without it\n"
    assert done.stderr == warning


# -- sniff raising or returning garbage -------------------------------------------------------


def sniff_warning(name: str, plugin: str) -> str:
    if name == "sniff-raises":
        problem = "raised ValueError in sniff(), treated as no match: cannot sniff"
    else:
        shown = reprlib.repr(sniffers.GARBAGE[name](EXAMPLE.read_bytes()[:4096]))
        problem = f"returned {shown} from sniff(), expected True or False; treated as no match"
    return f"parser {name!r} from plugin {plugin!r} {problem}"


def test_garbage_from_sniff_is_skipped_with_a_warning_naming_the_plugin(tmp_path: Path) -> None:
    unnamed = tmp_path / "timeline.txt"  # no extension claims it: content decides
    shutil.copy(EXAMPLE, unnamed)
    with plugins.registered(sniffers), pytest.warns(PluginLoadWarning) as caught:
        assert mitimeline.load(unnamed) == mitimeline.load(EXAMPLE)
    expected = [sniff_warning(name, "fake_plugins.sniffers") for name in sniffers.GARBAGE]
    assert [str(w.message) for w in caught] == expected


def test_cli_prints_one_line_per_bad_sniffer_and_still_reads_the_file(tmp_path: Path) -> None:
    unnamed = tmp_path / "timeline.txt"
    shutil.copy(EXAMPLE, unnamed)
    env = environment(tmp_path / "site", {"mitimeline-sniffers": "fake_plugins.sniffers"})
    done = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(unnamed)],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert done.returncode == 0 and "(7 events)" in done.stdout
    expected = [f"mitimeline show: warning: {sniff_warning(name, 'mitimeline-sniffers')}"
                for name in sniffers.GARBAGE]
    assert done.stderr.splitlines() == expected


# -- parse raising, returning garbage, misusing its stream ------------------------------------


def parser_failed(name: str, plugin: str, problem: str) -> str:
    return f"parser {name!r} from plugin {plugin!r} {problem}"


PARSE_FAULTS = {  # parser -> (message after "<file>: ", exit code)
    "parse-parseerror": ("line 1: expected a header", 2),
    "parse-runtime": ("parser 'parse-runtime' from plugin '{plugin}' failed: RuntimeError: "
                      "table is corrupt", 2),
    "parse-none": ("parser 'parse-none' from plugin '{plugin}' returned NoneType, expected a "
                   "Timeline", 2),
    "parse-list": ("parser 'parse-list' from plugin '{plugin}' returned list, expected a "
                   "Timeline", 2),
}


@pytest.mark.parametrize("name", PARSE_FAULTS)
def test_a_failing_parser_is_a_parse_error_naming_file_format_and_plugin(
    name: str, tmp_path: Path
) -> None:
    source = tmp_path / f"input.{name}"
    source.write_bytes(EXAMPLE.read_bytes())
    reason, _ = PARSE_FAULTS[name]
    separator = ":" if reason.startswith("line") else ": "
    with plugins.registered(faulty), pytest.raises(ParseError) as info:
        mitimeline.load(source)
    assert str(info.value) == f"{source}{separator}{reason.format(plugin=FAULTY)}"
    assert (info.value.format, info.value.plugin, info.value.source) == (name, FAULTY, str(source))


@pytest.mark.parametrize("name", PARSE_FAULTS)
def test_cli_reports_a_failing_parser_on_one_line(name: str, tmp_path: Path) -> None:
    source = tmp_path / f"input.{name}"
    source.write_bytes(EXAMPLE.read_bytes())
    reason, code = PARSE_FAULTS[name]
    separator = ":" if reason.startswith("line") else ": "
    outcome = cli("show", str(source), tmp=tmp_path, modules={"mitimeline-fault": FAULTY})
    expected = f"{source}{separator}{reason.format(plugin='mitimeline-fault')}"
    assert outcome == Outcome(code, expected)


def test_a_date_error_from_a_parser_passes_through_unchanged() -> None:
    with plugins.registered(faulty), pytest.raises(DateParseError) as info:
        mitimeline.loads(b"{}", "parse-dateerror")
    assert (str(info.value), info.value.text) == ("cannot read 'someday' as a date", "someday")


def test_keyboard_interrupt_in_a_parser_propagates_untouched(tmp_path: Path) -> None:
    source = tmp_path / "input.parse-interrupt"
    source.write_bytes(b"{}")
    with plugins.registered(faulty), pytest.raises(KeyboardInterrupt) as info:
        mitimeline.load(source)
    assert info.value.__cause__ is None and info.value.__context__ is None


def test_cli_says_interrupted_on_one_line(tmp_path: Path) -> None:
    source = tmp_path / "input.parse-interrupt"
    source.write_bytes(b"{}")
    env = environment(tmp_path / "site", {"mitimeline-fault": FAULTY})
    done = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(source)],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert (done.returncode, done.stderr) == (130, "mitimeline show: interrupted\n")


def test_a_parser_may_return_a_timeline_subclass_close_or_overread_its_stream(
    tmp_path: Path,
) -> None:
    source = tmp_path / "input.parse-close"
    source.write_bytes(EXAMPLE.read_bytes())
    with plugins.registered(faulty):
        assert isinstance(mitimeline.loads(b"", "parse-subclass"), faulty.Subtimeline)
        assert mitimeline.load(source).title == "closed"
        with source.open("rb") as stream:  # the user's stream: closed by the parser, no error
            assert mitimeline.load(stream, format="parse-close").title == "closed"
        size = len(EXAMPLE.read_bytes())
        assert mitimeline.load(EXAMPLE, format="parse-beyond").title == f"{size} bytes, then 0"


# -- export raising, returning a value, misusing its stream ----------------------------------

EXPORT_FAULTS = {  # exporter -> problem after "exporter NAME from plugin P "
    "export-runtime": "failed: RuntimeError: ran out of colours",
    "export-returns": "returned bytes instead of writing it to the stream",
    "export-close": "closed its output stream; exporters must leave it open (detach() a "
                    "TextIOWrapper instead of closing it)",
    "export-wrapper-close": "closed its output stream; exporters must leave it open (detach() "
                            "a TextIOWrapper instead of closing it)",
    "export-str": "failed: TypeError: a bytes-like object is required, not 'str'",
    "export-latin1": "wrote bytes that are not UTF-8; a binary format must set binary = True",
    "export-truncated": "wrote bytes that are not UTF-8; a binary format must set binary = True",
}


def test_an_exporter_may_return_what_stream_write_returned(tmp_path: Path, tl: Timeline) -> None:
    with plugins.registered(faulty):
        tl.export(tmp_path / "out.export-returns-count")
    assert (tmp_path / "out.export-returns-count").read_bytes() == b"{}"


def exporter_failed(name: str, plugin: str) -> str:
    return f"exporter {name!r} from plugin {plugin!r} {EXPORT_FAULTS[name]}"


@pytest.mark.parametrize("name", EXPORT_FAULTS)
def test_a_failing_exporter_leaves_the_existing_file_and_no_temporary(
    name: str, tmp_path: Path, tl: Timeline
) -> None:
    target = tmp_path / f"out.{name}"
    target.write_bytes(PRECIOUS)
    with plugins.registered(faulty):
        with pytest.raises(ExportError) as info:
            mitimeline.export(tl, target)
        assert str(info.value) == exporter_failed(name, FAULTY)
        assert (info.value.format, info.value.plugin, info.value.errno) == (name, FAULTY, None)
        untouched(target)
        with pytest.raises(ExportError) as info:
            mitimeline.dumps(tl, name)
        assert str(info.value) == exporter_failed(name, FAULTY)


@pytest.mark.parametrize("name", EXPORT_FAULTS)
def test_cli_reports_a_failing_exporter_on_one_line_with_exit_3(name: str, tmp_path: Path) -> None:
    target = tmp_path / "out" / f"out.{name}"
    target.parent.mkdir()
    target.write_bytes(PRECIOUS)
    outcome = cli("convert", str(EXAMPLE), str(target), tmp=tmp_path,
                  modules={"mitimeline-fault": FAULTY})
    assert outcome == Outcome(3, exporter_failed(name, "mitimeline-fault"))
    untouched(target)


def test_keyboard_interrupt_in_an_exporter_propagates_and_keeps_the_file(
    tmp_path: Path, tl: Timeline
) -> None:
    target = tmp_path / "out" / "out.export-interrupt"
    target.parent.mkdir()
    target.write_bytes(PRECIOUS)
    with plugins.registered(faulty), pytest.raises(KeyboardInterrupt) as info:
        mitimeline.export(tl, target)
    assert type(info.value) is KeyboardInterrupt and info.value.__cause__ is None  # untouched
    untouched(target)
    env = environment(tmp_path / "site", {"mitimeline-fault": FAULTY})
    done = subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(EXAMPLE),
                           str(target)], capture_output=True, text=True, env=env, check=False)
    assert (done.returncode, done.stderr) == (130, "mitimeline convert: interrupted\n")
    untouched(target)


@pytest.mark.parametrize("via", ["api", "cli"])
def test_a_killed_export_leaves_the_target_and_one_temporary_file(via: str, tmp_path: Path) -> None:
    target = tmp_path / "out" / "out.export-kill"
    target.parent.mkdir()
    target.write_bytes(PRECIOUS)
    env = environment(tmp_path / "site", {"mitimeline-fault": FAULTY})
    command = ["-m", "mitimeline", "convert"] if via == "cli" else ["-c", API]
    done = subprocess.run([sys.executable, *command, str(EXAMPLE), str(target)],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert target.read_bytes() == PRECIOUS
    (leftover,) = [name for name in os.listdir(target.parent) if name != target.name]
    assert leftover.startswith(".out.export-kill.") and leftover.endswith(".tmp")
    assert (target.parent / leftover).read_bytes().startswith(faulty.HALF)
    # The next export works and replaces the target; the leftover is the only trace.
    again = cli("convert", str(EXAMPLE), str(target), "--to", "json")
    assert again.code == 0
    assert mitimeline.load(target, format="json") == mitimeline.load(EXAMPLE)
    assert sorted(os.listdir(target.parent)) == sorted([target.name, leftover])


# -- a full disk, a read-only file system, a file-size limit ---------------------------------

NAMESPACE = textwrap.dedent(
    """
    import json, os, subprocess, sys
    fs, via, folder, target, source = sys.argv[1:6]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], check=True)
    precious = bytes.fromhex(sys.argv[6])
    with open(os.path.join(folder, "out.json"), "wb") as existing:
        existing.write(precious)
    if fs == "ro":
        subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
    if via == "cli":
        command = [sys.executable, "-m", "mitimeline", "convert", source, target]
    else:
        command = [sys.executable, "-c", sys.argv[7], source, target]
    done = subprocess.run(command, capture_output=True, text=True)
    with open(os.path.join(folder, "out.json"), "rb") as existing:
        kept = existing.read() == precious
    print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                      "kept": kept, "listing": sorted(os.listdir(folder))}))
    """
)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A timeline whose JSON (about 190 KB) is far larger than the 64 KiB file system."""
    events = [Event(id=f"e{i}", title=f"Ramp jump rehearsal {i}", when="2020-09", kind="stunt")
              for i in range(1500)]
    path = tmp_path_factory.mktemp("big") / "big.json"
    Timeline(title="big", events=events).export(path)
    return path


def in_namespace(fs: str, via: str, name: str, big: Path, tmp_path: Path) -> dict[str, object]:
    """Export ``big`` to ``name`` on a 64 KiB tmpfs (``ro``: remounted read-only) holding
    ``out.json`` = PRECIOUS, in a private mount namespace; report what happened there."""
    unshare = shutil.which("unshare")
    need(unshare is not None, "needs unshare(1) (util-linux) for a private tmpfs")
    assert unshare is not None
    folder = tmp_path / "mnt"
    folder.mkdir()
    flags = ["-m"] if os.geteuid() == 0 else ["-Urm"]
    done = subprocess.run(
        [unshare, *flags, sys.executable, "-c", NAMESPACE, fs, via, str(folder),
         str(folder / name), str(big), PRECIOUS.hex(), API],
        capture_output=True, text=True, env=environment(None, {}), check=False, timeout=120,
    )
    need(done.returncode == 0, f"cannot mount a tmpfs in a private namespace: {done.stderr}")
    report: dict[str, object] = json.loads(done.stdout)
    return report


@pytest.mark.parametrize("via", ["api", "cli"])
def test_a_full_disk_keeps_the_existing_file_and_leaves_no_temporary(
    via: str, big: Path, tmp_path: Path
) -> None:
    report = in_namespace("full", via, "out.json", big, tmp_path)
    target = tmp_path / "mnt" / "out.json"
    message = (f"cannot write {str(target)!r}: no space left on device "
               "(the existing file was left as it was)")
    check(report, via, message, errno.ENOSPC, 3)
    assert report["kept"] is True and report["listing"] == ["out.json"]


@pytest.mark.parametrize("via", ["api", "cli"])
@pytest.mark.parametrize("name", ["out.json", "new.json"])
def test_a_read_only_file_system_is_a_clear_error(
    via: str, name: str, big: Path, tmp_path: Path
) -> None:
    report = in_namespace("ro", via, name, big, tmp_path)
    folder, target = tmp_path / "mnt", str(tmp_path / "mnt" / name)
    if name == "out.json":
        message = f"cannot write {target!r}: the file is read-only (it was left as it was)"
    else:
        message = (f"cannot write {target!r}: cannot create a file in {str(folder)!r}: "
                   "read-only file system (no file was written)")
    check(report, via, message, errno.EACCES if name == "out.json" else errno.EROFS, 3)
    assert report["kept"] is True and report["listing"] == ["out.json"]


def check(report: dict[str, object], via: str, message: str, number: int, code: int) -> None:
    """The API reported ``ExportError`` with ``message`` and ``errno``; the CLI one line."""
    if via == "api":
        assert report["stderr"] == ""
        error, errno_, _, shown = str(report["stdout"]).rstrip("\n").split("|", 3)
        assert (error, int(errno_), shown) == ("ExportError", number, message)
    else:
        assert report["code"] == code
        assert one_line(str(report["stderr"]), "convert") == message


def file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_file_size_limit_is_a_clear_error_through_api_and_cli(big: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "out.json"
    target.parent.mkdir()
    target.write_bytes(PRECIOUS)
    message = (f"cannot write {str(target)!r}: file too large "
               "(the existing file was left as it was)")
    outcome = api(str(big), str(target), preexec=file_size_limit(32 * 1024))
    assert outcome == Outcome(1, message, "ExportError", errno.EFBIG, "OSError")
    untouched(target)
    assert cli("convert", str(big), str(target), preexec=file_size_limit(32 * 1024)) == Outcome(
        3, message)
    untouched(target)


# -- permissions ---------------------------------------------------------------------------


def unprivileged() -> tuple[str, ...]:
    """A command prefix under which mode bits apply: for root, ``setpriv`` drops the
    capabilities that let root ignore them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    need(setpriv is not None, "needs setpriv(1) (util-linux) to drop root's file capabilities")
    assert setpriv is not None
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search")


@pytest.fixture
def public(tmp_path: Path) -> Iterator[Path]:
    """A folder whose modes the test changes; restored so pytest can clean it up."""
    yield tmp_path
    for path in tmp_path.rglob("*"):
        path.chmod(0o777 if path.is_dir() else 0o666)


def permission_case(public: Path, case: str) -> tuple[Path, str, int, int]:
    """(path, expected message, errno, CLI exit code) for a permission fault."""
    folder = public / "d"
    folder.mkdir()
    target = folder / "out.json"
    if case == "unwritable folder, new file":
        folder.chmod(0o555)
        return target, (f"cannot write {str(target)!r}: cannot create a file in {str(folder)!r}: "
                        "permission denied (no file was written)"), errno.EACCES, 3
    target.write_bytes(PRECIOUS)
    if case == "unwritable folder, existing file":
        folder.chmod(0o555)
        return target, (f"cannot write {str(target)!r}: cannot create a file in {str(folder)!r}: "
                        "permission denied (the existing file was left as it was)"), errno.EACCES, 3
    if case == "read-only file":
        folder.chmod(0o777)
        target.chmod(0o444)
        return target, (f"cannot write {str(target)!r}: the file is read-only "
                        "(it was left as it was)"), errno.EACCES, 3
    target.chmod(0o000)  # "unreadable input"
    return target, f"{target}: cannot read: permission denied", errno.EACCES, 2


PERMISSION_CASES = ["unwritable folder, new file", "unwritable folder, existing file",
                    "read-only file", "unreadable input"]


@pytest.mark.parametrize("case", PERMISSION_CASES)
def test_permission_faults_are_clear_errors_through_api_and_cli(case: str, public: Path) -> None:
    path, message, number, code = permission_case(public, case)
    reading = case == "unreadable input"
    args = [str(path)] if reading else [str(EXAMPLE), str(path)]
    error = "ParseError" if reading else "ExportError"
    cause = "PermissionError" if case != "read-only file" else "None"  # refused up front
    assert api(*args, prefix=unprivileged()) == Outcome(1, message, error, number, cause)
    command = ["show", *args] if reading else ["convert", *args]
    assert cli(*command, prefix=unprivileged()) == Outcome(code, message)
    if case != "unwritable folder, new file":
        path.chmod(0o644)
        assert path.read_bytes() == PRECIOUS
    assert sorted(os.listdir(path.parent)) == ([] if case.endswith("new file") else [path.name])


def test_a_read_only_target_is_refused_even_for_root(public: Path, tl: Timeline) -> None:
    """Mode 0444 is refused by its bits, so also when this runs as root (who passes
    ``os.access``); CI and containers often run as root."""
    target = public / "out.json"
    target.write_bytes(PRECIOUS)
    target.chmod(0o444)
    message = f"cannot write {str(target)!r}: the file is read-only (it was left as it was)"
    with pytest.raises(ExportError) as info:
        tl.export(target)
    assert (str(info.value), info.value.errno) == (message, errno.EACCES)
    assert cli("convert", str(EXAMPLE), str(target)) == Outcome(3, message)
    assert target.read_bytes() == PRECIOUS and sorted(os.listdir(public)) == ["out.json"]
    target.chmod(0o644)
    tl.export(target)  # a writable target is replaced
    assert target.read_bytes() != PRECIOUS


def test_loading_a_folder_or_a_missing_file_names_it(tmp_path: Path) -> None:
    for path, reason, number in [(tmp_path, "is a directory, not a file", errno.EISDIR),
                                 (tmp_path / "missing.json", "no such file", errno.ENOENT)]:
        with pytest.raises(ParseError) as info:
            mitimeline.load(path)
        assert (str(info.value), info.value.errno) == (f"{path}: {reason}", number)
        assert isinstance(info.value.__cause__, OSError)
        assert cli("show", str(path)) == Outcome(2, f"{path}: {reason}")


def test_exporting_onto_a_folder_or_into_a_missing_one_names_it(
    tmp_path: Path, tl: Timeline
) -> None:
    folder = tmp_path / "mi7.json"
    folder.mkdir()
    missing = tmp_path / "missing" / "mi7.json"
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    under_a_file = blocker / "sub" / "out.json"
    for path, message in [(folder, f"cannot write {str(folder)!r}: it is a directory"),
                          *[(path, f"cannot write {str(path)!r}: no such directory "
                                   f"{str(path.parent)!r} (folders are not created: create "
                                   f"it first)") for path in (missing, under_a_file)]]:
        with pytest.raises(ExportError) as info:
            tl.export(path)
        assert str(info.value) == message
        # the command behaves as the API does: the same message, nothing created
        assert cli("convert", str(EXAMPLE), str(path)) == Outcome(3, message)
        assert cli("merge", str(EXAMPLE), "-o", str(path)).code == 3
    assert not missing.parent.exists()


# -- a disk that fails while the parser reads ------------------------------------------------

FAILING_FILE = Path("/proc/self/mem")  # opens, then every read at offset 0 fails with EIO


def _reads_fail_with_eio() -> bool:
    try:
        with FAILING_FILE.open("rb") as stream:
            stream.read(1)
    except OSError as exc:
        return exc.errno == errno.EIO
    return False


@pytest.mark.parametrize("fmt", ["json", "ical"])  # (this file loads only the built-ins)
def test_a_read_failure_inside_the_parser_is_a_read_error_not_a_parser_bug(fmt: str) -> None:
    # The parser meets the OSError mid-parse, past sniffing (the format is given); the error
    # reported is the disk's, naming the file, not "parser ... failed".
    need(_reads_fail_with_eio(), f"reading {FAILING_FILE} does not fail with EIO here")
    with pytest.raises(ParseError) as info:
        mitimeline.load(FAILING_FILE, format=fmt)
    assert str(info.value) == f"{FAILING_FILE}: cannot read: input/output error"
    assert info.value.errno == errno.EIO and isinstance(info.value.__cause__, OSError)


def test_cli_reports_a_read_failure_inside_the_parser_on_one_line(tmp_path: Path) -> None:
    need(_reads_fail_with_eio(), f"reading {FAILING_FILE} does not fail with EIO here")
    outcome = cli("convert", str(FAILING_FILE), str(tmp_path / "out.ics"), "--from", "json")
    assert outcome == Outcome(2, f"{FAILING_FILE}: cannot read: input/output error")
    assert not (tmp_path / "out.ics").exists()
