"""The command line speaks its own words (issue 19, point 9): format advice names ``--from``
and ``--to``, a parser's findings are reachable with ``--findings`` and ``--json``, and
``validate`` and ``show`` explain themselves in ``--help``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest

import mitimeline
from fake_plugins import FormatsPlugin
from mitimeline import FindingsWarning, Parser, Timeline
from mitimeline.cli import main
from mitimeline.testing import registered

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- choosing a format --------------------------------------------------------------------


def test_an_unknown_output_extension_advises_to(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "out.xyz"))
    assert code == 2
    assert err.startswith("mitimeline convert: error: cannot tell the format of ")
    assert err.endswith("; choose one with --to FORMAT (mitimeline formats lists them)\n")
    assert "format=" not in err


def test_an_unknown_format_name_advises_from(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", str(EXAMPLE), "--from", "nope")
    assert code == 2
    assert err.startswith("mitimeline show: error: no parser named 'nope'; available parsers: ")
    assert err.endswith("; choose one with --from FORMAT (mitimeline formats lists them)\n")


def test_an_unrecognised_input_advises_from(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mystery = tmp_path / "notes.mystery"
    mystery.write_text("nothing anyone reads\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(mystery))
    assert code == 2
    assert err.startswith(f"mitimeline validate: error: cannot tell the format of "
                          f"'{mystery}': no parser claims its extension and no parser "
                          f"recognises its content; available parsers: ")
    assert err.endswith("; choose one with --from FORMAT (mitimeline formats lists them)\n")
    with pytest.raises(mitimeline.UnknownFormatError, match=r"; pass format= to choose one$"):
        mitimeline.load(mystery)  # Python keeps its own words


class Twin(Parser):
    name: ClassVar[str] = "twin"
    extensions: ClassVar[tuple[str, ...]] = (".twin",)

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        return Timeline()


class OtherTwin(Twin):
    name: ClassVar[str] = "other-twin"


def test_an_ambiguous_input_lists_the_from_choices(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twin = tmp_path / "a.twin"
    twin.write_text("?", encoding="utf-8")
    with registered(FormatsPlugin("first", parsers=[Twin()]),
                    FormatsPlugin("second", parsers=[OtherTwin()])):
        code, _, err = run(capsys, "show", str(twin))
        with pytest.raises(mitimeline.AmbiguousFormatError) as raised:
            mitimeline.load(twin)
    assert code == 2
    assert err == (f"mitimeline show: error: '{twin}' matches several parsers: first:twin "
                   f"(plugin 'first'), second:other-twin (plugin 'second'); choose one with "
                   f"--from first:twin or --from second:other-twin\n")
    assert raised.value.choices == ("first:twin", "second:other-twin")
    assert raised.value.role == "parser"
    assert str(raised.value).endswith("choose one with format='first:twin' or "
                                      "format='second:other-twin'")


def test_merge_has_no_to_and_gives_no_advice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "merge", str(EXAMPLE), "-o", str(tmp_path / "merged.xyz"))
    assert code == 2
    assert "--to" not in err and "format=" not in err
    assert "no exporter claims its extension; available exporters: " in err


# -- a parser's findings ------------------------------------------------------------------


def broken_calendar(path: Path, events: int) -> Path:
    """A calendar of ``events`` VEVENTs without a date (each a finding), and one good one."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for number in range(events):
        lines += ["BEGIN:VEVENT", f"UID:bad-{number}", f"SUMMARY:Bad {number}", "END:VEVENT"]
    lines += ["BEGIN:VEVENT", "UID:good", "SUMMARY:Good", "DTSTART;VALUE=DATE:20200906",
              "END:VEVENT", "END:VCALENDAR"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_the_warning_says_how_to_list_every_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calendar = broken_calendar(tmp_path / "broken.ics", 7)
    code, out, err = run(capsys, "show", str(calendar))
    assert code == 0
    assert err.startswith(f"mitimeline show: warning: {calendar}: 7 problems, 7 components not "
                          f"imported: line 4, VEVENT \"Bad 0\" (UID bad-0): ")
    assert err.endswith("; and 2 more (mitimeline validate --findings lists them all)\n")
    assert ".findings" not in err.replace("--findings", "")
    assert "Good" in out


def test_findings_lists_them_all_instead_of_the_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calendar = broken_calendar(tmp_path / "broken.ics", 7)
    code, out, err = run(capsys, "validate", "--findings", str(calendar))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{calendar}: while reading: 7 problems, 7 components not imported"
    assert lines[1:8] == [f"{calendar}: line {4 + 4 * n}, VEVENT \"Bad {n}\" (UID bad-{n}): "
                          f"no DTSTART, so no date: not imported" for n in range(7)]
    assert lines[-1].startswith("1 event, ") and lines[-1].endswith(", 0 errors")
    code, out, err = run(capsys, "show", "--findings", str(calendar))
    assert (code, err) == (0, "")
    assert out.count("no DTSTART") == 7


def test_json_holds_the_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calendar = broken_calendar(tmp_path / "broken.ics", 2)
    code, out, err = run(capsys, "validate", "--json", str(calendar))
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["events"] == 1 and report["errors"] == 0
    assert report["import_findings"][1] == {
        "source": str(calendar), "line": 8, "component": 'VEVENT "Bad 1" (UID bad-1)',
        "message": "no DTSTART, so no date: not imported", "skipped": True,
        "text": 'line 8, VEVENT "Bad 1" (UID bad-1): no DTSTART, so no date: not imported'}
    code, out, err = run(capsys, "show", "--json", str(calendar))
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert [event["title"] for event in shown["events"]] == ["Good"]
    assert set(shown["events"][0]) == {"id", "when", "kind", "title", "place", "sources"}
    assert len(shown["import_findings"]) == 2


def test_validate_json_keeps_the_exit_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["events"].append(dict(data["events"][0]))  # its id again
    repeated = tmp_path / "repeated.json"
    repeated.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--json", str(repeated))
    report = json.loads(out)
    assert code == 1 and report["errors"] >= 1
    duplicate = next(f for f in report["findings"] if f["code"] == "duplicate-event-id")
    assert duplicate["severity"] == "error" and duplicate["text"].startswith("error: ")
    assert report["import_findings"] == []


def test_a_findings_warning_with_few_findings_shows_them_all() -> None:
    warning = FindingsWarning("f.x", ("one", "two"), "2 problems")
    assert str(warning) == "f.x: 2 problems: one; two (all in .findings)"
    assert warning.text("see --findings") == "f.x: 2 problems: one; two (see --findings)"


# -- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("command", "fragments"), [
    ("validate", ["exits with 1 when there is an error", "the timeline file",
                  "list every problem the parser worked around", "machine-readable output"]),
    ("show", ["fitted to the terminal's width", "--between START END",
              "only events that may happen between two dates", "--person NAME",
              "only events at this place", "fit the table in N characters", "cut nothing"]),
    ("formats", ["show this format's options"]),
])
def test_help_describes_the_command_and_its_arguments(
        command: str, fragments: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per argument's help
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    for fragment in fragments:
        assert fragment in out, fragment


def test_a_command_s_description_is_its_help_by_default() -> None:
    from mitimeline import Command

    def run(args: object, out: object) -> int:
        return 0

    plain = Command("plain", "one line", run)
    described = Command("described", "one line", run, description="More sentences.")
    assert (plain.description, described.description) == ("", "More sentences.")
    with pytest.raises(TypeError, match="description"):
        Command("bad", "one line", run, description=3)  # type: ignore[arg-type]


def test_a_uss_schedule_s_findings_are_listed_too(capsys: pytest.CaptureFixture[str]) -> None:
    schedule = ROOT / "plugins" / "mitimeline-uss" / "tests" / "fixtures" / "forty-day.uss"
    code, out, err = run(capsys, "validate", "--json", str(schedule),
                         "-i", "timezone=Europe/London")
    assert (code, err) == (0, "")
    (finding,) = json.loads(out)["import_findings"]
    assert finding["source"] == str(schedule) and finding["code"] == "boneyard"
    assert finding["text"].endswith("2 strips in the boneyard 'Boneyard': not scheduled, so "
                                    "no events [boneyard]")
    code, _, err = run(capsys, "show", str(schedule), "-i", "timezone=Europe/London")
    assert err.startswith(f"mitimeline show: warning: {schedule}: USS schedule read with 1 "
                          f"finding: ")
    assert err.endswith(" (mitimeline validate --findings lists them all)\n")
