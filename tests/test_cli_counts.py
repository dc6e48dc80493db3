"""How many events an export wrote (issue 19, point 7): the exporter says, ``export()``
returns it and ``mitimeline convert`` prints it, for every exporter, plugins included."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest

import mitimeline
from fake_plugins import FormatsPlugin
from mitimeline import Exporter, Timeline
from mitimeline.cli import main
from mitimeline.testing import registered

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class Counting(Exporter):
    """Writes the first ``returns`` events' ids, and returns ``returns``."""

    name: ClassVar[str] = "counting"
    extension: ClassVar[str] = ".counting"
    returns: object = None

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> Any:
        stream.write(b"".join(event.id.encode() + b"\n" for event in timeline))
        return self.returns


def counting(returns: object) -> Counting:
    exporter = Counting()
    exporter.returns = returns
    return exporter


def test_convert_counts_the_events_the_calendar_holds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stunts = len(mitimeline.load(EXAMPLE).filter(kind="stunt"))
    assert 0 < stunts < len(mitimeline.load(EXAMPLE))
    target = tmp_path / "stunts.ics"
    code, out, _ = run(capsys, "convert", str(EXAMPLE), str(target), "-o", 'kinds=["stunt"]')
    assert code == 0
    assert out == f"wrote {stunts} events to {target}\n"
    assert target.read_text(encoding="utf-8").count("BEGIN:VEVENT") == stunts


def test_one_event_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "moves.ics"
    code, out, _ = run(capsys, "convert", str(EXAMPLE), str(target), "-o", "kinds=move")
    assert (code, out) == (0, f"wrote 1 event to {target}\n")


def test_a_chart_counts_the_events_it_draws(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stunts.mmd"
    code, out, _ = run(capsys, "convert", str(EXAMPLE), str(target), "-o", "kinds=stunt,move")
    assert (code, out) == (0, f"wrote 3 events to {target}\n")
    timeline = mitimeline.load(EXAMPLE)
    # grouped by person, an event may be drawn on several rows: it counts once
    assert timeline.export(io.BytesIO(), "svg", group_by="person") == len(timeline)
    assert timeline.export(io.BytesIO(), "svg", end="2020-09") == 3  # hiatus, stunt, shoot


def test_export_returns_the_count_for_paths_and_streams(tmp_path: Path) -> None:
    timeline = mitimeline.load(EXAMPLE)
    assert mitimeline.export(timeline, tmp_path / "all.json") == len(timeline)
    assert timeline.export(tmp_path / "shoots.ics", kinds="shoot") == 1
    assert timeline.export(io.BytesIO(), "ical", kinds=["stunt", "shoot"]) == 3


def test_a_plugin_exporter_returning_none_wrote_every_event(tmp_path: Path) -> None:
    timeline = mitimeline.load(EXAMPLE)
    with registered(FormatsPlugin("counting-plugin", exporters=[counting(None)])):
        assert timeline.export(tmp_path / "x.counting") == len(timeline)
    with registered(FormatsPlugin("counting-plugin", exporters=[counting(2)])):
        assert timeline.export(tmp_path / "x.counting") == 2


@pytest.mark.parametrize("returns", [-1, 8, True, 2.0, [2]])
def test_a_count_that_cannot_be_is_an_export_error(returns: object, tmp_path: Path) -> None:
    timeline = mitimeline.load(EXAMPLE)
    target = tmp_path / "x.counting"
    with registered(FormatsPlugin("counting-plugin", exporters=[counting(returns)])), \
            pytest.raises(mitimeline.ExportError,
                          match=rf"^exporter 'counting' from plugin 'counting-plugin' returned "
                                rf"{re.escape(repr(returns))}; expected None \(every event "
                                rf"written\) or how many of the 7 events it wrote$"):
        timeline.export(target)
    assert not target.exists()
