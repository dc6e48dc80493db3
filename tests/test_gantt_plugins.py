"""The Gantt exporters as plugins: registration through the public hook, the exporter
contract, option errors through export(), the command line, and import cost."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pluggy
import pytest

import mitimeline
from mitimeline import ExportError, OptionsError, Timeline, hookspecs
from mitimeline.cli import main
from mitimeline.default_plugins import gantt
from mitimeline.gantt import render
from mitimeline.plugins import find_exporter
from mitimeline.testing import check_exporter, sample_timeline
from test_gantt_support import ROOT
from test_gantt_svg import features, mi7

EXPECTED = {
    "mermaid": (".mmd", "text/vnd.mermaid", False),
    "svg": (".svg", "image/svg+xml", False),
    "html": (".html", "text/html", False),
    "png": (".png", "image/png", True),
    "pdf": (".pdf", "application/pdf", True),
}


def test_formats_are_listed_as_builtin_exporters() -> None:
    formats = {f.name: f for f in mitimeline.list_formats() if f.name in EXPECTED}
    assert set(formats) == set(EXPECTED)
    for name, info in formats.items():
        assert info.builtin and info.can_export and not info.can_parse
        assert (info.extensions[0], info.media_types[0]) == EXPECTED[name][:2]
        assert info.plugin == "mitimeline.default_plugins.gantt"
        assert set(info.export_options) >= {"group_by", "sort", "start", "end", "kinds",
                                            "color_by", "today"}
    assert formats["svg"].export_options["width"] == "int = 1000"
    assert "width" not in formats["mermaid"].export_options
    assert formats["mermaid"].export_options["group_by"] == "str = 'kind'"


def test_registered_through_the_public_hook() -> None:
    pm = pluggy.PluginManager("mitimeline")
    pm.add_hookspecs(hookspecs)
    pm.register(gantt)
    registered: list[Any] = []
    pm.hook.register_exporters(register=registered.append)
    assert [e.name for e in registered] == list(gantt.FORMATS) == list(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("make", [sample_timeline, mi7])
def test_exporter_contract(name: str, make: Any) -> None:
    exporter = find_exporter(name)
    assert exporter.binary is EXPECTED[name][2]
    assert exporter is find_exporter(filename=f"chart{EXPECTED[name][0]}")
    check_exporter(exporter, make())


@pytest.mark.parametrize(("options", "message"), [
    ({"group_by": "city"}, "format 'svg': bad option value: group_by must be one of kind"),
    ({"kinds": "heist"}, "format 'svg': bad option value: kinds: unknown kind(s) 'heist'"),
    ({"start": "2021", "end": "2020"}, "start (2021) is after end (2020)"),
    ({"width": 10}, "width must be a whole number of pixels"),
    ({"colour_by": "kind"}, "format 'svg' does not take option(s) colour_by; valid options: "
                            "group_by, sort, start, end, kinds, color_by, today, width"),
])
def test_bad_options_are_options_errors(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionsError) as caught:
        mi7().dumps("svg", **options)
    assert message in str(caught.value)
    with pytest.raises(OptionsError):
        mi7().gantt(**options)


def test_mermaid_takes_no_width() -> None:
    with pytest.raises(OptionsError, match=r"format 'mermaid' does not take option\(s\) width"):
        mi7().dumps("mermaid", width=800)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_to_draw_is_an_export_error_naming_the_format(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"chart{EXPECTED[name][0]}"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="nothing to draw: no events between") as caught:
        mi7().export(target, start="2030")
    assert (caught.value.format, caught.value.plugin) == (name, "mitimeline.default_plugins.gantt")
    assert target.read_bytes() == b"old"  # atomic: untouched
    with pytest.raises(ExportError, match="has no events"):
        Timeline("Empty").export(io.BytesIO(), format=name)


def test_command_line_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = ROOT / "seeds" / "mi7-example.json"
    out = tmp_path / "mi7.svg"
    code = main(["convert", str(example), str(out), "-o", "group_by=country",
                 "-o", 'kinds=["stunt", "shoot"]', "-o", "end=2020-10", "-o", "today=2020-09-20"])
    assert code == 0, capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == mi7().dumps(
        "svg", group_by="country", kinds=["stunt", "shoot"], end="2020-10", today="2020-09-20")
    code = main(["convert", str(example), str(tmp_path / "x.mmd"), "-o", "group_by=city"])
    assert code == 2
    assert "group_by must be one of" in capsys.readouterr().err
    code = main(["convert", str(example), str(tmp_path / "x.mmd"), "-o", "start=2030"])
    assert code == 3
    assert "nothing to draw" in capsys.readouterr().err


def test_importing_mitimeline_loads_no_chart_code() -> None:
    check = ("import sys, mitimeline; tl = mitimeline.Timeline(); print(','.join(m for m in "
             "('mitimeline.gantt', 'mitimeline.notebook', 'mitimeline.default_plugins.gantt', "
             "'pandas', 'matplotlib', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_registering_the_plugin_loads_no_renderer() -> None:
    check = ("import sys, mitimeline; mitimeline.list_formats(); print(','.join(m for m in "
             "('mitimeline.gantt.svg', 'mitimeline.gantt.mermaid', 'mitimeline.gantt.layout', "
             "'mitimeline.notebook', 'matplotlib', 'pandas') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_features_export_in_every_format(tmp_path: Path) -> None:
    for extension, _, binary in EXPECTED.values():
        path = tmp_path / f"features{extension}"
        features().export(path)
        data = path.read_bytes()
        assert data and (binary or data.decode("utf-8"))


def test_the_plugin_registers_exactly_the_formats_the_chart_library_draws() -> None:
    assert gantt.FORMATS == render.FORMATS
    assert all(isinstance(exporter, gantt.ChartExporter) for exporter in gantt.EXPORTERS)
