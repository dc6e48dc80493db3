"""The mitimeline command: every subcommand, exit codes, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mitimeline
from mitimeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_convert_writes_the_output_into_an_existing_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mi7.json"
    code, out, err = run(capsys, "convert", str(EXAMPLE), str(target), "-o", "indent=null")
    assert (code, err) == (0, "")
    assert out == f"wrote 7 events to {target}\n"
    assert mitimeline.load(target) == mitimeline.load(EXAMPLE)
    assert "\n" not in target.read_text(encoding="utf-8").rstrip("\n")


def test_convert_with_explicit_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "timeline.data"
    source.write_bytes(EXAMPLE.read_bytes())
    target = tmp_path / "out.txt"
    code, _, err = run(capsys, "convert", str(source), str(target), "--from", "json",
                       "--to", "json", "-o", "indent=4")
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith('{\n    "mitimeline"')


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["convert", "missing.json", "out.json"], "missing.json: no such file"),
        (["convert", "{example}", "out.unknown"], "cannot tell the format of"),
        (["convert", "{example}", "out.json", "-o", "colour=red"], "valid options: indent"),
        (["convert", "{example}", "out.json", "-o", "indent"], "not of the form KEY=VALUE"),
        (["convert", "{example}", "out.json", "-o", "indent=-2"], "bad option value"),
        (["convert", "{example}", "out.json", "--to", "nope"], "nope"),
        (["convert", "{example}", "out.json", "-i", "strict=true"], "does not take option"),
        (["show", "{example}", "-i", "x"], "not of the form KEY=VALUE"),
        (["show", "{bad}"], "$.events[0].when"),
        (["validate", "{bad}"], "$.events[0].when"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
        argv: list[str], fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = write(tmp_path / "bad.json", {"mitimeline": 1, "title": "t", "sources": [],
                                        "events": [{"id": "a", "title": "A", "when": "someday"}]})
    argv = [a.format(example=EXAMPLE, bad=bad) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"mitimeline {argv[0]}: error: ")
    assert fragment in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(mitimeline.ParseError, match="no such file"):
        main(["--debug", "show", "missing.json"])


def test_unwritable_output_is_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "convert", str(EXAMPLE), str(blocker / "out.json"))
    assert code == 3 and err.startswith("mitimeline convert: error: ")


def test_existing_output_survives_a_failed_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious")
    code, _, _ = run(capsys, "convert", str(EXAMPLE), str(target), "-o", "indent=bad")
    assert code == 2
    assert target.read_text() == "precious"


def test_validate_reports_findings_and_exits_1_on_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(EXAMPLE))
    assert code == 0 and out.endswith("7 events, 0 findings, 0 errors\n")
    broken = write(tmp_path / "broken.json", {
        "mitimeline": 1, "title": "t", "sources": [],
        "events": [{"id": "a", "title": "A", "when": "2020-10/2020-09", "sources": ["ghost"]}]})
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == 1
    assert f"{broken}: error: a: cites unknown source 'ghost' [unknown-source]" in out
    assert "end-before-start" in out
    assert out.endswith("1 event, 2 findings, 2 errors\n")


def test_validate_locates_repeated_ids_by_position(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twice = write(tmp_path / "twice.json", {
        "mitimeline": 1, "title": "t", "sources": [{"id": "s", "title": "S"}],
        "events": [{"id": "a", "title": "A", "when": "2020", "sources": ["s"]},
                   {"id": "a", "title": "A again", "when": "2020", "sources": ["ghost"]},
                   {"id": "b", "title": "B", "when": "2020"}]})
    code, out, _ = run(capsys, "validate", str(twice))
    assert code == 1
    assert out.splitlines() == [
        f"{twice}: error: a: event id used 2 times: events[0], events[1] [duplicate-event-id]",
        f"{twice}: error: a (events[1]): cites unknown source 'ghost' [unknown-source]",
        f"{twice}: warning: b: cites no source [unsourced-event]",
        "3 events, 3 findings, 2 errors",
    ]
    code, out, _ = run(capsys, "show", str(twice))
    assert out.splitlines()[0] == "t (3 events)"
    once = write(tmp_path / "once.json", {
        "mitimeline": 1, "title": "t", "sources": [],
        "events": [{"id": "a", "title": "A", "when": "2020", "sources": ["ghost"]}]})
    code, out, _ = run(capsys, "validate", str(once))
    assert out.splitlines()[-1] == "1 event, 1 finding, 1 error"
    code, out, _ = run(capsys, "show", str(once))
    assert out.splitlines()[0] == "t (1 event)"


def test_show_prints_a_table_in_date_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(EXAMPLE))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("(7 events)")
    assert lines[1].split() == ["when", "kind", "title", "place", "sources"]
    assert "early October 2020 (approximate)" in out
    body = lines[3:]
    assert body[0].startswith("unknown to 6 September 2020")
    assert body[-1].startswith("19 November 2021")


def test_formats_and_plugins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats")
    assert code == 0
    assert ["json", "read/write", ".json", "mitimeline.default_plugins.json_format"] in [
        line.split() for line in out.splitlines()]
    code, out, _ = run(capsys, "formats", "--json")
    listed = {f["name"]: f for f in json.loads(out)}
    assert listed["json"]["can_parse"] and listed["json"]["builtin"]
    code, out, _ = run(capsys, "plugins", "--all", "--json")
    plugins = {p["name"]: p for p in json.loads(out)}
    assert plugins["mitimeline.default_plugins.json_format"]["builtin"] is True
    code, out, _ = run(capsys, "plugins", "--all")
    header, _, *rows = out.splitlines()
    assert header.split() == ["plugin", "version", "built-in", "formats", "commands", "status"]
    assert ["mitimeline.default_plugins.json_format", mitimeline.__version__, "yes", "json",
            "loaded"] in [row.split() for row in rows]


def test_plugins_without_third_party_ones(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline import plugins

    monkeypatch.setenv("MITIMELINE_LOAD_PLUGINS", "")
    plugins.reset()
    try:
        code, out, _ = run(capsys, "plugins")
        assert code == 0 and out.startswith("no third-party plugins installed")
    finally:
        monkeypatch.delenv("MITIMELINE_LOAD_PLUGINS")
        plugins.reset()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_console_script_and_module_entry_point(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    result = subprocess.run([sys.executable, "-m", "mitimeline", "--version"],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"mitimeline {mitimeline.__version__}"


def two_reports(tmp_path: Path) -> tuple[Path, Path]:
    """Two reports of the same train-roof stunt, a month apart: a contradiction."""
    stunt = {"title": "Train roof stunt", "kind": "stunt", "place": {"name": "Levanger",
                                                                    "country": "NO"}}
    first = write(tmp_path / "first.json", {
        "mitimeline": 1, "title": "First report",
        "sources": [{"id": "first", "title": "First", "published": "2020-10-05"}],
        "events": [{**stunt, "id": "train-stunt", "when": "2020-09", "sources": ["first"]}]})
    second = write(tmp_path / "second.json", {
        "mitimeline": 1, "title": "Second report",
        "sources": [{"id": "second", "title": "Second", "published": "2020-10-08"}],
        "events": [{**stunt, "id": "roof-stunt", "when": "2020-08", "sources": ["second"]}]})
    return first, second


def test_merge_writes_one_timeline_and_a_summary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = two_reports(tmp_path)
    target = tmp_path / "merged.json"
    code, out, err = run(capsys, "merge", str(first), str(second), "-o", str(target))
    assert (code, err) == (0, "")
    assert out == "2 events in, 1 events out, 1 joins, 1 contradictions, 0 reschedules\n"
    merged = mitimeline.load(target)
    assert [len(e.claims) for e in merged] == [2]
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 0 and "[contradiction]" in out and "first says 2020-09" in out
    code, out, _ = run(capsys, "show", str(target))
    assert code == 0 and "[contradiction]" in out


def test_merge_explains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = two_reports(tmp_path)
    code, out, _ = run(capsys, "merge", str(first), str(second), "-o",
                       str(tmp_path / "m.json"), "--explain")
    assert code == 0
    assert "joined: train-stunt <- #0:train-stunt (first, 1.00), #1:roof-stunt" in out


def test_merge_names_an_input_that_fails_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = two_reports(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    target = tmp_path / "merged.json"
    code, out, err = run(capsys, "merge", str(first), str(broken), "-o", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"mitimeline merge: error: {broken}:")
    assert not target.exists()


def test_merge_refuses_a_source_clash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = two_reports(tmp_path)
    clash = write(tmp_path / "clash.json", {
        "mitimeline": 1, "title": "Clash",
        "sources": [{"id": "first", "title": "Another first"}], "events": []})
    code, _, err = run(capsys, "merge", str(first), str(clash), "-o", str(tmp_path / "m.json"))
    assert code == 2 and "source id 'first' has two different records" in err


@pytest.mark.parametrize("command", ["show", "validate"])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, command: str) -> None:
    """``mitimeline show BIG | head -1``: exit 0, nothing on stderr (a real pipe, a reader
    that stops after one line, and more output than the pipe holds)."""
    events = [{"id": f"day-{n}", "title": f"Shooting day {n}", "when": "2020-09",
               "kind": "shoot"} for n in range(5000)]
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"mitimeline": 1, "title": "Big", "events": events}),
                   encoding="utf-8")
    shell = (f"{sys.executable} -m mitimeline {command} {big} 2>{tmp_path / 'err'} | head -1; "
             'echo "status ${PIPESTATUS[0]}"')
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.stdout.splitlines()[-1] == "status 0", done.stdout
    assert (tmp_path / "err").read_text(encoding="utf-8") == ""


def test_a_broken_pipe_elsewhere_is_an_error(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Only standard output's closed pipe is quiet; another pipe's failure is reported."""
    def broken(*args: object, **options: object) -> mitimeline.Timeline:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("mitimeline.cli.load", broken)
    code, _, err = run(capsys, "show", str(EXAMPLE))
    assert (code, err) == (3, "mitimeline show: error: [Errno 32] Broken pipe\n")
