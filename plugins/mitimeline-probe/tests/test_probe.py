"""Tests for mitimeline-probe. Run them with the plugin installed (`pip install -e .[test]`).

They go through mitimeline's public API (entry-point discovery, format choice by
extension and by sniffing, options checking, the CLI), so they also check that the
plugin is installed and wired up, not just that the parser and exporter work.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import mitimeline
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from mitimeline.cli import main
from mitimeline.testing import assert_roundtrip, check_exporter, check_parser, timelines

from mitimeline_probe import ProbeExporter, ProbeParser

TIMELINE = mitimeline.Timeline(
    title="Mission: Impossible 7",
    events=[
        mitimeline.Event(
            id="rome-car-chase", title="Car chase in Rome", when="2020-10~", kind="shoot"
        ),
        mitimeline.Event(
            id="norway-ramp-jump",
            title="Motorbike ramp jump",
            when="2020-09-06",
            kind="stunt",
            place=mitimeline.Place("Hellesylt", country="NO"),  # not carried by .probe
        ),
    ],
)

PROBE_TEXT = (
    "# probe: Mission: Impossible 7\n"
    "2020-10~\tshoot\trome-car-chase\tCar chase in Rome\n"
    "2020-09-06\tstunt\tnorway-ramp-jump\tMotorbike ramp jump\n"
)


def carried(timeline: mitimeline.Timeline) -> tuple[str, list[tuple[str, str, str, str]]]:
    """What the .probe format keeps: the title and each event's id, kind, date and title."""
    return timeline.title, [(e.id, e.kind, str(e.when), e.title) for e in timeline]


# -- installation and discovery ----------------------------------------------------------


def test_plugin_is_installed() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert "mitimeline-probe" in plugins
    assert not plugins["mitimeline-probe"].error
    assert "probe" in plugins["mitimeline-probe"].formats


def test_format_is_listed() -> None:
    formats = {f.name: f for f in mitimeline.list_formats()}
    probe = formats["probe"]
    assert probe.can_parse
    assert probe.can_export
    assert ".probe" in probe.extensions
    assert probe.plugin == "mitimeline-probe"


def test_cli_lists_the_format() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mitimeline", "formats"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["probe", "read/write", ".probe", "mitimeline-probe"] in rows


@pytest.mark.parametrize(
    ("variable", "value", "listed"),
    [
        ("MITIMELINE_LOAD_PLUGINS", "", False),
        ("MITIMELINE_LOAD_PLUGINS", "mitimeline-probe", True),
        ("MITIMELINE_DISABLE_PLUGINS", "mitimeline-probe", False),
    ],
)
def test_environment_controls_loading(variable: str, value: str, listed: bool) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MITIMELINE_")}
    result = subprocess.run(
        [sys.executable, "-m", "mitimeline", "formats"],
        capture_output=True,
        text=True,
        check=True,
        env={**environment, variable: value},
    )
    assert ("mitimeline-probe" in result.stdout) is listed


# -- the command: mitimeline probe-info FILE ----------------------------------------------


def test_command_is_registered() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert plugins["mitimeline-probe"].commands == ("probe-info",)


def test_cli_lists_the_command_with_the_plugin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mitimeline", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    listing = " ".join(result.stdout.split())
    assert "probe-info (mitimeline-probe) describe a .probe file" in listing


def test_probe_info_describes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.probe"
    path.write_text(PROBE_TEXT, encoding="utf-8")
    assert main(["probe-info", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Mission: Impossible 7: 2 events\n  shoot: 1\n  stunt: 1\n"
    assert captured.err == ""


def test_probe_info_reports_bad_input_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.probe"
    path.write_text("# probe: t\n2020\tshoot\ta\n", encoding="utf-8")
    assert main(["probe-info", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"mitimeline probe-info: error: {path}:line 2: expected 4 tab-separated fields "
        "(EDTF date, kind, id, title), found 3\n"
    )


# -- the contract checks every plugin should run ------------------------------------------


def test_parser_and_exporter_keep_the_contract() -> None:
    written = check_exporter(ProbeExporter(), TIMELINE)
    check_parser(ProbeParser(), samples=[written, PROBE_TEXT.encode()])


@given(timelines())
def test_round_trip_of_generated_timelines(timeline: mitimeline.Timeline) -> None:
    assert_roundtrip(ProbeExporter(), ProbeParser(), timeline, carried=carried)


# -- files: format chosen from the extension, or by sniffing the content ------------------


def test_export_and_load_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.probe"
    TIMELINE.export(path)
    assert path.read_text(encoding="utf-8") == PROBE_TEXT
    assert carried(mitimeline.load(path)) == carried(TIMELINE)


def test_load_sniffs_content_with_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "timeline.unknown-extension"
    path.write_text(PROBE_TEXT, encoding="utf-8")
    assert carried(mitimeline.load(path)) == carried(TIMELINE)


def test_load_sniffs_unnamed_stream() -> None:
    stream = io.BytesIO(PROBE_TEXT.encode("utf-8"))
    assert carried(mitimeline.load(stream)) == carried(TIMELINE)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"# probe: x\n", True),
        (b"# probe:", True),
        (b"\xef\xbb\xbf# probe: with a byte-order mark\n", True),
        (b"", False),
        (b"# probe", False),
        (b"#probe: x\n", False),
        (b'{"title": "# probe:"}', False),
        (b"\x00\xff garbage", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert ProbeParser().sniff(head) is expected


# -- the text format ---------------------------------------------------------------------


def test_dumps_escapes_titles() -> None:
    timeline = mitimeline.Timeline(
        title="tab\there",
        events=[mitimeline.Event(id="a", title="a\tb\nc\rd\\n", when="2020", kind="wrap")],
    )
    assert timeline.dumps("probe") == "# probe: tab\\there\n2020\twrap\ta\ta\\tb\\nc\\rd\\\\n\n"


def test_comments_blank_lines_and_crlf_are_accepted() -> None:
    text = PROBE_TEXT.replace("\n", "\r\n").replace(
        "\r\n2020-09-06", "\r\n\r\n# a comment\r\n   \r\n2020-09-06"
    )
    assert carried(mitimeline.loads(text, format="probe")) == carried(TIMELINE)


def test_empty_timeline() -> None:
    empty = mitimeline.Timeline(title="")
    text = empty.dumps("probe")
    assert text == "# probe: \n"
    assert carried(mitimeline.loads(text, format="probe")) == ("", [])


slugs = st.from_regex(r"[a-z0-9]+(?:-[a-z0-9]+)*", fullmatch=True)
dates = st.one_of(
    st.dates().map(date.isoformat),
    st.sampled_from(["2020", "2020-09~", "2020-21", "201X", "2020-09/2020-10?", "../2020",
                     "2020-09-06T09:14:00Z"]),
)
# Any text UTF-8 can carry, with the characters that matter to the format made frequent.
hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from("\t\n\r\\ #:t"), st.characters(codec="utf-8"))
)
events = st.builds(
    mitimeline.Event,
    id=slugs,
    title=hostile_text.filter(str.strip),
    when=dates,
    kind=st.sampled_from(mitimeline.KINDS),
)


@given(title=hostile_text, events=st.lists(events, max_size=5))
@example(title="", events=[])
@example(
    title=" \\t\t",
    events=[
        mitimeline.Event(id="x", title="\\", when="2020"),
        mitimeline.Event(id="y", title="a\\tb\t\n\r\\\\🎬\u2028 ", when="2020-09~"),
        mitimeline.Event(id="z", title="# not a comment\n# probe: nor a header", when="2021"),
    ],
)
def test_round_trip_hostile_titles(title: str, events: list[mitimeline.Event]) -> None:
    timeline = mitimeline.Timeline(title=title, events=events)
    text = timeline.dumps("probe")
    assert isinstance(text, str)
    assert len(text.split("\n")) == len(events) + 2  # header, one line per event, final ""
    assert carried(mitimeline.loads(text, format="probe")) == carried(timeline)


def test_unwritable_title_raises_export_error() -> None:
    timeline = mitimeline.Timeline(title="lone surrogate \ud800")
    with pytest.raises(mitimeline.ExportError, match=r"^cannot write '\\ud800' as UTF-8$"):
        timeline.dumps("probe")


# -- options -----------------------------------------------------------------------------


def test_sort_option() -> None:
    assert TIMELINE.dumps("probe") == PROBE_TEXT
    lines = PROBE_TEXT.splitlines(keepends=True)
    assert TIMELINE.dumps("probe", sort=True) == "".join([lines[0], lines[2], lines[1]])


@pytest.mark.parametrize(("options", "message"), [
    ({"order": "date"}, " does not take option(s) order; valid options: sort"),
    ({"sort": "yes"}, ": bad option value: 'sort' must be <class 'bool'> (got 'yes'"),
    ({"sort": None}, ": bad option value: 'sort' must be <class 'bool'> (got None")])
def test_bad_options_are_rejected(options: dict[str, object], message: str,
                                  tmp_path: Path) -> None:
    expected = "^format 'probe'" + re.escape(message)
    with pytest.raises(mitimeline.OptionsError, match=expected):
        TIMELINE.dumps("probe", **options)
    with pytest.raises(mitimeline.OptionsError, match=expected):
        TIMELINE.export(tmp_path / "x.probe", **options)
    assert not (tmp_path / "x.probe").exists()


# -- errors: every ParseError says where (line N) and what was expected ---------------------

HEADER = "# probe: t\n"


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        ("", 1, "expected the header"),
        ("2020\tshoot\ta\tA\n", 1, "expected the header"),
        ("#probe: t\n", 1, "expected the header"),
        ("# probe: bad \\x escape\n", 1, "expected \\t, \\n, \\r or \\\\"),
        (HEADER + "2020\tshoot\ta\n", 2, "expected 4 tab-separated fields"),
        (HEADER + "\n# comment\n2020 shoot a A\n", 4, "found 1"),
        (HEADER + "2020\tshoot\ta\tA\tB\n", 2, "found 5"),
        (HEADER + "2020\tshoot\ta\tA\nSept 2020\tshoot\tb\tB\n", 3, "expected an EDTF date"),
        (HEADER + "2020-13\tshoot\ta\tA\n", 2, "is not a valid EDTF date"),
        (HEADER + "2020\tfilming\ta\tA\n", 2, "Event.kind: expected one of shoot"),
        (HEADER + "2020\tshoot\tNot A Slug\tA\n", 2, "Event.id: expected a slug"),
        (HEADER + "2020\tshoot\ta\t \n", 2, "Event.title: expected non-empty text"),
        (HEADER + "2020\tshoot\ta\tA \\q\n", 2, "got '\\\\q'"),
        (HEADER + "2020\tshoot\ta\ttrailing\\\n", 2, "got '\\\\'"),
        (HEADER.encode() + b"2020\tshoot\ta\tA\n\n2021\tshoot\tb\t\xff\n", 4, "UTF-8"),
    ],
)
def test_parse_errors(data: str | bytes, line: int, expected: str) -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        mitimeline.loads(data, format="probe")
    assert caught.value.location == f"line {line}"
    assert expected in caught.value.reason
    assert f"line {line}" in str(caught.value)
